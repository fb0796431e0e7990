package io.actorscope.output;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes OUTPUT/_runs/&lt;run_id&gt;.html beside the manifest: a self-contained page (inline SVG, no
 * network) with the counts, top actors and their trend, the strongest pairs as a network, topics and
 * quarantine. Its numbers come from the manifest and from small aggregates of the tables this run
 * wrote, restricted to the run's dates; only those aggregates reach the driver.
 */
public final class RunReport {
  static final int TOP_ACTORS = 10;
  static final int TREND_ACTORS = 5;
  static final int PAIRS = 30;
  static final int TOP_TERMS = 8;
  static final int QUARANTINE_ROWS = 20;

  private RunReport() {}

  /** Collects, renders and writes the report; returns where it was written. */
  public static String write(SparkSession spark, String output, RunManifest manifest, String quarantineBatch)
      throws IOException {
    return write(spark, output, new ObjectMapper().readTree(manifest.toJson()), quarantineBatch);
  }

  /** The same, from a manifest's JSON (as written to OUTPUT/_runs/). */
  public static String write(SparkSession spark, String output, JsonNode m, String quarantineBatch) throws IOException {
    ReportData data = "succeeded".equals(m.path("status").asText())
        ? collect(spark, new Tables(output), m, quarantineBatch)
        : failedRun(m);
    String html = ReportHtml.render(m, data);
    Path p = new Path(output + "/" + Tables.RUNS + "/" + m.path("run_id").asText() + ".html");
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (OutputStream out = fs.create(p, true)) {
      out.write(html.getBytes(StandardCharsets.UTF_8));
    }
    return p.toString();
  }

  private static ReportData failedRun(JsonNode m) {
    ReportData d = new ReportData();
    String why = "the run failed, so its tables may be incomplete";
    for (String s : List.of("actors", "pairs", "topics")) {
      d.notes.put(s, why);
    }
    return d;
  }

  /** The aggregates of one run; a section whose table cannot be read says why instead of failing the report. */
  static ReportData collect(SparkSession spark, Tables tables, JsonNode manifest, String quarantineBatch) {
    ReportData d = new ReportData();
    List<String> dates = new ArrayList<>();
    manifest.path("articles_by_date").fieldNames().forEachRemaining(dates::add);
    dates.removeIf(x -> !x.matches("\\d{4}-\\d{2}-\\d{2}")); // "null": undated articles (input.require_date false)
    java.util.Collections.sort(dates);
    long articles = manifest.path("counts").path("accepted").asLong();
    if (dates.isEmpty() || articles == 0) {
      d.notes.put("actors", "no articles were accepted");
      d.notes.put("pairs", "no articles were accepted");
    } else {
      section(d, "actors", () -> actors(spark, tables, manifest, dates, d));
      if (manifest.path("phases_seconds").has("discover")) {
        section(d, "discovered", () -> discovered(spark, tables, articles, d));
      } else {
        d.notes.put("discovered", "discovery is off (discover.enabled)");
      }
      section(d, "pairs", () -> pairs(spark, tables, dates, articles, d));
    }
    JsonNode topics = manifest.path("topics");
    if (topics.has("skipped")) {
      d.notes.put("topics", "topics were skipped: " + topics.path("skipped").asText());
    } else {
      section(d, "topics", () -> topics(spark, tables, topics.path("model_id").asText(), dates, d));
    }
    if (manifest.path("counts").path("quarantined").asLong() > 0) {
      section(d, "quarantine", () -> quarantine(spark, tables, quarantineBatch, d));
    }
    return d;
  }

  private interface Section {
    void run() throws Exception;
  }

  private static void section(ReportData d, String name, Section s) {
    try {
      s.run();
    } catch (Exception e) {
      d.notes.put(name, "could not be read: " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static Dataset<Row> byDate(SparkSession spark, Tables tables, String table, List<String> dates) {
    return spark.read().parquet(tables.path(table))
        .where(col("date").cast("string").isin(dates.toArray()));
  }

  /** The top of {@code discovered_actors}: a whole table, written by this run's discovery stage. */
  private static void discovered(SparkSession spark, Tables tables, long articles, ReportData d) {
    List<Row> top = spark.read().parquet(tables.path(Catalogue.DISCOVERED_ACTORS.name()))
        .select("actor_id", "name", "type", "mentions", "articles")
        .orderBy(col("rank"), col("actor_id")).limit(TOP_ACTORS).collectAsList();
    for (Row r : top) {
      ReportData.ActorStat a = new ReportData.ActorStat();
      a.id = r.getString(0);
      a.name = r.getString(1);
      a.type = r.getString(2);
      a.mentions = r.getLong(3);
      a.articles = r.getLong(4);
      a.shareOfArticles = articles == 0 ? 0 : (double) a.articles / articles;
      d.topDiscovered.add(a);
    }
  }

  private static void actors(SparkSession spark, Tables tables, JsonNode manifest, List<String> dates, ReportData d) {
    Dataset<Row> counts = byDate(spark, tables, Tables.ACTOR_COUNTS, dates);
    long articles = manifest.path("counts").path("accepted").asLong();
    List<Row> top = counts.groupBy("actor_id", "actor_type")
        .agg(sum("mentions").as("m"), sum("articles").as("a"))
        .orderBy(col("m").desc(), col("actor_id")).limit(TOP_ACTORS).collectAsList();
    Set<String> ids = new LinkedHashSet<>();
    for (Row r : top) {
      ids.add(r.getString(0));
    }
    Map<String, String> names = names(spark, tables, ids);
    for (Row r : top) {
      ReportData.ActorStat a = new ReportData.ActorStat();
      a.id = r.getString(0);
      a.type = r.getString(1);
      a.name = names.getOrDefault(a.id, a.id);
      a.mentions = r.getLong(2);
      a.articles = r.getLong(3);
      a.shareOfArticles = articles == 0 ? 0 : (double) a.articles / articles;
      d.topActors.add(a);
    }
    List<String> trendIds = new ArrayList<>(ids).subList(0, Math.min(TREND_ACTORS, ids.size()));
    if (trendIds.isEmpty()) {
      return;
    }
    // summed by year when the run spans years, by month when it spans months, else by date, so
    // that a lone date (one late article) does not draw a dip to zero across the chart
    long span = java.time.LocalDate.parse(dates.get(dates.size() - 1)).toEpochDay()
        - java.time.LocalDate.parse(dates.get(0)).toEpochDay();
    int keep = span > 3 * 366 ? 4 : span > 180 ? 7 : 10;
    d.trendBucket = keep == 10 ? "date" : keep == 7 ? "month" : "year";
    List<Row> points = counts.where(col("actor_id").isin(trendIds.toArray()))
        .groupBy(col("date").cast("string").substr(1, keep).as("period"), col("actor_id"))
        .agg(sum("mentions").as("m"))
        .orderBy("period", "actor_id").collectAsList();
    for (Row r : points) {
      ReportData.Point p = new ReportData.Point();
      p.period = r.getString(0);
      p.actor = r.getString(1);
      p.mentions = r.getLong(2);
      d.trend.add(p);
    }
  }

  /**
   * The strongest pairs at article scope, pooled over the run's dates: count_ab summed from the
   * cooccurrence table, each actor's articles summed from actor_counts (an article has one date and
   * one source, so the sum counts each article once), and every accepted article as a unit.
   */
  private static void pairs(SparkSession spark, Tables tables, List<String> dates, long units, ReportData d) {
    d.pairUnits = units;
    d.minSupport = Math.max(2, Math.min(25, (long) Math.ceil(units * 0.01)));
    Dataset<Row> ab = byDate(spark, tables, Tables.COOCCURRENCE, dates).where(col("scope").equalTo("article"))
        .groupBy("actor_a", "actor_b").agg(sum("count_ab").as("ab"))
        .where(col("ab").geq(d.minSupport));
    Dataset<Row> marg = byDate(spark, tables, Tables.ACTOR_COUNTS, dates)
        .groupBy("actor_id").agg(sum("articles").as("n"));
    Column n = lit((double) units);
    Column pmi = org.apache.spark.sql.functions.log(col("ab").multiply(n).divide(col("na").multiply(col("nb"))));
    Column npmi = org.apache.spark.sql.functions.when(col("ab").equalTo(units), lit(1.0))
        .otherwise(pmi.divide(org.apache.spark.sql.functions.log(col("ab").divide(n)).multiply(-1)));
    List<Row> rows = ab
        .join(marg.withColumnRenamed("actor_id", "actor_a").withColumnRenamed("n", "na"), "actor_a")
        .join(marg.withColumnRenamed("actor_id", "actor_b").withColumnRenamed("n", "nb"), "actor_b")
        .withColumn("npmi", npmi)
        .orderBy(col("npmi").desc(), col("ab").desc(), col("actor_a"), col("actor_b"))
        .limit(PAIRS)
        .select("actor_a", "actor_b", "ab", "na", "nb", "npmi").collectAsList();
    Set<String> ids = new LinkedHashSet<>();
    for (Row r : rows) {
      ids.add(r.getString(0));
      ids.add(r.getString(1));
    }
    Map<String, String> names = names(spark, tables, ids);
    for (Row r : rows) {
      ReportData.Pair p = new ReportData.Pair();
      p.a = r.getString(0);
      p.b = r.getString(1);
      p.nameA = names.getOrDefault(p.a, p.a);
      p.nameB = names.getOrDefault(p.b, p.b);
      p.countAb = r.getLong(2);
      p.countA = r.getLong(3);
      p.countB = r.getLong(4);
      p.npmi = r.getDouble(5);
      d.pairs.add(p);
    }
    if (d.pairs.isEmpty()) {
      d.notes.put("pairs", "no pair of actors is named together in " + d.minSupport + " or more articles");
    }
  }

  private static void topics(SparkSession spark, Tables tables, String modelId, List<String> dates, ReportData d) {
    List<Row> terms = spark.read().parquet(tables.path(Tables.TOPICS))
        .where(col("model_id").equalTo(modelId).and(col("rank").leq(TOP_TERMS)))
        .orderBy("topic", "rank").select("topic", "term", "weight").collectAsList();
    Map<Integer, ReportData.Topic> byId = new java.util.TreeMap<>();
    for (Row r : terms) {
      ReportData.Topic t = byId.computeIfAbsent(r.getInt(0), k -> {
        ReportData.Topic x = new ReportData.Topic();
        x.topic = k;
        return x;
      });
      t.terms.add(r.getString(1));
      t.weights.add(r.getDouble(2));
    }
    Dataset<Row> docs = byDate(spark, tables, Tables.DOC_TOPICS, dates).where(col("model_id").equalTo(modelId)
        .and(col("dominant_topic").isNotNull()));
    for (Row r : docs.select(posexplode(col("mixture"))).groupBy("pos").agg(avg("col")).collectAsList()) {
      ReportData.Topic t = byId.get(r.getInt(0));
      if (t != null) {
        t.prevalence = r.getDouble(1);
      }
    }
    for (Row r : docs.groupBy("dominant_topic").agg(count(lit(1))).collectAsList()) {
      ReportData.Topic t = byId.get(r.getInt(0));
      if (t != null) {
        t.dominantIn = r.getLong(1);
      }
    }
    d.topics.addAll(byId.values());
  }

  private static void quarantine(SparkSession spark, Tables tables, String batch, ReportData d) {
    List<Row> rows = spark.read().parquet(tables.path(Tables.QUARANTINE) + "/batch=" + batch)
        .orderBy("source_file", "offset").limit(QUARANTINE_ROWS)
        .select("source_file", "offset", "reason", "detail", "snippet").collectAsList();
    for (Row r : rows) {
      ReportData.QuarantineRow q = new ReportData.QuarantineRow();
      q.sourceFile = r.getString(0);
      q.offset = r.isNullAt(1) ? -1 : ((Number) r.get(1)).longValue();
      q.reason = r.getString(2);
      q.detail = r.getString(3);
      q.snippet = r.getString(4);
      d.quarantine.add(q);
    }
  }

  /** Dictionary names of a few actors. */
  private static Map<String, String> names(SparkSession spark, Tables tables, Set<String> ids) {
    Map<String, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    Iterator<Row> it = spark.read().parquet(tables.path(Tables.ACTORS)).where(col("actor_id").isin(ids.toArray()))
        .select("actor_id", "name").collectAsList().iterator();
    while (it.hasNext()) {
      Row r = it.next();
      names.put(r.getString(0), r.getString(1));
    }
    return names;
  }
}
