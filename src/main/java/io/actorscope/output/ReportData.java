package io.actorscope.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small aggregates a run report shows, collected on the driver after the run from the tables it
 * wrote (never the corpus): top actors and their trend, the strongest pairs, topics, quarantine rows.
 * Public fields so that Jackson writes them into the page as machine-readable JSON.
 */
public final class ReportData {
  /** One of the most-named actors over the run's dates. */
  public static final class ActorStat {
    public String id;
    public String name;
    public String type;
    public long mentions;
    public long articles;
    public double shareOfArticles;
  }

  /** Mentions of one actor in one period (a date, month or year, see {@link #trendBucket}). */
  public static final class Point {
    public String period;
    public String actor;
    public long mentions;
  }

  /** An actor pair pooled over the run's dates at article scope. */
  public static final class Pair {
    public String a;
    public String b;
    public String nameA;
    public String nameB;
    public long countAb;
    public long countA;
    public long countB;
    public double npmi;
  }

  /** One topic: its heaviest terms and its mean weight over the run's articles. */
  public static final class Topic {
    public int topic;
    public double prevalence;
    public long dominantIn;
    public List<String> terms = new ArrayList<>();
    public List<Double> weights = new ArrayList<>();
  }

  /** One quarantined record. */
  public static final class QuarantineRow {
    public String sourceFile;
    public long offset;
    public String reason;
    public String detail;
    public String snippet;
  }

  public List<ActorStat> topActors = new ArrayList<>();
  /** The most-mentioned actors the dictionary lacks ({@code discovered_actors}), by rank. */
  public List<ActorStat> topDiscovered = new ArrayList<>();
  public List<Point> trend = new ArrayList<>();
  /** date, month or year: the period the trend is summed over (by date unless there are many dates). */
  public String trendBucket = "date";
  public List<Pair> pairs = new ArrayList<>();
  /** Articles the pairs are pooled over. */
  public long pairUnits;
  /** Pairs named together in fewer articles than this are left out. */
  public long minSupport;
  public List<Topic> topics = new ArrayList<>();
  public List<QuarantineRow> quarantine = new ArrayList<>();
  /** Section name to the reason it has nothing to show (a skipped stage, a table that could not be read). */
  public Map<String, String> notes = new LinkedHashMap<>();
}
