package io.actorscope.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved configuration of one run: conf/defaults.yaml, overlaid by a job spec, the command
 * line and {@code --set key=value}. Field names are the YAML keys in camelCase (YAML uses
 * snake_case); each default and its meaning is documented in conf/defaults.yaml.
 */
public final class JobConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  public Run run = new Run();
  public Map<String, String> spark = new LinkedHashMap<>();
  public List<InputConfig> inputs = new ArrayList<>();
  /** The defaults every entry of {@link #inputs} was merged over; kept for the manifest. */
  public InputConfig input = new InputConfig();
  public Ingest ingest = new Ingest();
  public Text text = new Text();
  public Actors actors = new Actors();
  public Cooccurrence cooccurrence = new Cooccurrence();
  public Topics topics = new Topics();
  public Output output = new Output();
  public Nightly nightly = new Nightly();

  public Language language = new Language();
  public NearDuplicates nearDuplicates = new NearDuplicates();
  public Discover discover = new Discover();

  /** The discover stage (see io.actorscope.discover.DiscoverStage.Settings, which validates it). */
  public static final class Discover implements Serializable {
    private static final long serialVersionUID = 1L;
    public boolean enabled;
    public List<String> types = new ArrayList<>();
    public long minMentions;
    public int maxTitles;
  }

  public static final class Run implements Serializable {
    private static final long serialVersionUID = 1L;
    public String output;
    public String master;
    public String appName;
  }

  public static final class Ingest implements Serializable {
    private static final long serialVersionUID = 1L;
    public boolean dedupe;
    public int snippetChars;
  }

  public static final class Text implements Serializable {
    private static final long serialVersionUID = 1L;
    public int minTermLength;
  }

  public static final class Actors implements Serializable {
    private static final long serialVersionUID = 1L;
    public List<String> dictionaries = new ArrayList<>();
    public List<String> matchKinds = new ArrayList<>();
    public UnmatchedNames unmatchedNames = new UnmatchedNames();
  }

  public static final class UnmatchedNames implements Serializable {
    private static final long serialVersionUID = 1L;
    public boolean enabled;
    public int minArticles;
    public int limit;
  }

  public static final class Cooccurrence implements Serializable {
    private static final long serialVersionUID = 1L;
    public List<String> scopes = new ArrayList<>();
    public long minCount;
    public int windowWidth;
    public Partners partners = new Partners();
    public Graph graph = new Graph();
  }

  public static final class Partners implements Serializable {
    private static final long serialVersionUID = 1L;
    public int k;
    public long minCount;
    public double minExpected;
  }

  public static final class Graph implements Serializable {
    private static final long serialVersionUID = 1L;
    public boolean enabled;
    public String scope;
    public long minCount;
    public double maxP;
    public int maxEdges;
  }

  public static final class Topics implements Serializable {
    private static final long serialVersionUID = 1L;
    public boolean enabled;
    public int k;
    public int maxIter;
    public double subsamplingRate;
    public int vocabSize;
    public double minDf;
    public double maxDf;
    public int segmentTokens;
    @com.fasterxml.jackson.annotation.JsonFormat(with = com.fasterxml.jackson.annotation.JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public List<String> stopwords = new ArrayList<>();
    public int minDocuments;
    public int topTerms;
    public long seed;
    public String optimizer;
    public String mode;
    public String model;
    public double retrainDays;
    public int labelTerms;
    public String actorTokens;
    public int actorsPerTopic;
    public Coherence coherence = new Coherence();
    public Bigrams bigrams = new Bigrams();
    public Gibbs gibbs = new Gibbs();
  }

  /** topics.gibbs: the collapsed Gibbs sampler (topics.optimizer: gibbs). */
  public static final class Gibbs implements Serializable {
    private static final long serialVersionUID = 1L;
    public int iterations;
    public int syncEvery;
    public int burnIn;
    public int optimizeInterval;
    public String optimizeAlpha;
    public double alphaShrinkage;
    public double alphaSum;
    public double beta;
  }

  public static final class Coherence implements Serializable {
    private static final long serialVersionUID = 1L;
    public int topN;
    public int window;
    public String windowMode;
  }

  public static final class Bigrams implements Serializable {
    private static final long serialVersionUID = 1L;
    public boolean enabled;
    public long minCount;
    public double minNpmi;
    public int max;
  }

  public static final class Output implements Serializable {
    private static final long serialVersionUID = 1L;
    public String compression;
  }

  public static final class Nightly implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String ONE_PASS = "one_pass";
    public static final String DAY_BY_DAY = "day_by_day";
    public String layout;
    public String date;
    public String from;
    public String to;
    public String backfill;
    public String missingInput;
    public List<Integer> rollingDays = new ArrayList<>();
    public boolean rollingUndated;
    public long lockStaleMinutes;

    /** The days this run processes, in order; empty for an undated run. */
    public List<java.time.LocalDate> dates() {
      List<java.time.LocalDate> out = new ArrayList<>();
      if (date != null) {
        out.add(java.time.LocalDate.parse(date));
      } else if (from != null) {
        for (java.time.LocalDate d = java.time.LocalDate.parse(from); !d.isAfter(java.time.LocalDate.parse(to)); d = d.plusDays(1)) {
          out.add(d);
        }
      }
      return out;
    }

    /** The folder of day {@code d} under an input path. */
    public String folder(java.time.LocalDate d) {
      return layout.replace("{date}", d.toString());
    }
  }

  public static final class Language implements Serializable {
    private static final long serialVersionUID = 1L;
    public List<String> detect = new ArrayList<>();
    public List<String> analyze = new ArrayList<>();
    public boolean analyzeUndetermined;
  }

  public static final class NearDuplicates implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String COUNT_STORY = "story";
    public static final String COUNT_COPY = "copy";
    public boolean enabled;
    public int shingleWords;
    public double threshold;
    public int hashTables;
    public String count;
  }
}
