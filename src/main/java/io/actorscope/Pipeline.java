package io.actorscope;

import io.actorscope.actors.ActorStage;
import io.actorscope.actors.CountsStage;
import io.actorscope.actors.Dictionary;
import io.actorscope.actors.DictionaryLoader;
import io.actorscope.actors.DictionaryReportStage;
import io.actorscope.config.JobConfig;
import io.actorscope.cooccurrence.CooccurrenceStage;
import io.actorscope.discover.DiscoverStage;
import io.actorscope.discover.Discoverer;
import io.actorscope.io.IngestStage;
import io.actorscope.output.RollingStage;
import io.actorscope.output.RunManifest;
import io.actorscope.output.RunOutput;
import io.actorscope.output.RunReport;
import io.actorscope.text.TextStage;
import io.actorscope.topics.TopicsStage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Actorscope job: read article dumps, tokenize them, resolve actors through the dictionary (and
 * discover the names it lacks), and
 * write mentions, per-actor counts, co-occurrence and topics as Parquet, in one commit, with a
 * manifest whose counts reconcile. Each step is a {@link Stage}; this class only wires them.
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final SparkSession spark;
  private final JobConfig config;
  private final DictionaryLoader.Loaded dictionary;
  private final String runId;
  private final RunManifest manifest;
  private List<LocalDate> dates = List.of();
  private List<LocalDate> skipped = List.of();

  public Pipeline(SparkSession spark, JobConfig config, DictionaryLoader.Loaded dictionary) {
    this.spark = spark;
    this.config = config;
    this.dictionary = dictionary;
    this.runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(java.time.Instant.now().atOffset(ZoneOffset.UTC))
        + "-" + UUID.randomUUID().toString().substring(0, 8);
    this.manifest = new RunManifest(runId);
  }

  /** Makes this a dated run of {@code days} (inputs already expanded by {@link io.actorscope.config.DatedRun}). */
  public Pipeline dated(List<LocalDate> days, List<LocalDate> skippedDays) {
    this.dates = List.copyOf(days);
    this.skipped = List.copyOf(skippedDays);
    return this;
  }

  public String runId() {
    return runId;
  }

  /**
   * Binds every stage's settings from {@code c}, so that each checks its own section before Spark
   * starts (a {@link io.actorscope.config.ConfigException} naming the key); the config loader calls it.
   */
  public static void checkSettings(JobConfig c) {
    IngestStage.Settings.from(c, List.of());
    TextStage.Settings.from(c);
    ActorStage.Settings.from(c);
    DiscoverStage.Settings.of(c.discover);
    DictionaryReportStage.Settings.from(c);
    CooccurrenceStage.Settings.from(c);
    TopicsStage.Settings.from(c);
    RollingStage.Settings.from(c);
  }

  /** The articles the later stages read, and their mentions: what run, sweep, bench-topics and evaluate share. */
  public record Corpus(IngestStage.Result ingest, TextStage.Result text, ActorStage.Result actors) {
    public void release() {
      actors.release();
      text.release();
    }
  }

  /** Ingest → text → actors (→ discover), writing their tables to {@code out} when there is one. */
  public Corpus corpus(RunOutput out) {
    Broadcast<Dictionary> dict = broadcastDictionary();
    IngestStage ingest = new IngestStage(spark, IngestStage.Settings.from(config, dates));
    IngestStage.Result read = phase(ingest, out, () -> ingest.run());
    TextStage textStage = new TextStage(TextStage.Settings.from(config));
    TextStage.Result text = phase(textStage, out, () -> {
      TextStage.Result t = textStage.run(read.articles());
      if (out != null) {
        ingest.write(read, out);
        textStage.write(t, out);
      }
      return t;
    });
    read.release();
    ActorStage actorStage = new ActorStage(ActorStage.Settings.from(config), dict);
    DiscoverStage discover = new DiscoverStage(DiscoverStage.Settings.of(config.discover), dict);
    ActorStage.Result dictionaryMentions = phase(actorStage, out, () -> {
      ActorStage.Result a = actorStage.run(text.analyzed(), text.counted());
      if (out != null && !discover.enabled()) {
        actorStage.write(a, out);
      }
      return a;
    });
    ActorStage.Result actors = dictionaryMentions;
    if (discover.enabled()) {
      DiscoverStage.Found found = phase(discover, out,
          () -> discover.run(text.analyzed(), dictionaryMentions.mentions(), out));
      if (config.actors.matchKinds.contains(Discoverer.DISCOVERED)) {
        actors = actorStage.including(dictionaryMentions, found.result().mentions, text.analyzed(), text.counted());
        actors.report(manifest);
      }
      if (out != null) {
        ActorStage.Result all = actors;
        timed("mentions", "write dictionary and discovered mentions", () -> {
          actorStage.write(all, out);
          return null;
        });
      }
      // the merged mentions are persisted and counted by now (ActorStage.including), discovered_actors written
      found.result().release();
    }
    return new Corpus(read, text, actors);
  }

  /** Runs every stage and commits; the manifest (and the report) is written whether the run succeeds or fails. */
  public RunManifest run() throws Exception {
    manifest.put("output", RunManifest.redact(config.run.output));
    manifest.put("config", RunManifest.configMap(config));
    manifest.put("versions", versions());
    manifest.put("dates", dates.stream().map(Object::toString).toList());
    if (!skipped.isEmpty()) {
      manifest.put("dates_skipped", skipped.stream().map(Object::toString).toList());
    }
    Configuration hadoop = hadoopConf();
    try (RunOutput out = RunOutput.open(hadoop, config.run.output, runId, dates, config.output.compression,
        config.nightly.lockStaleMinutes)) {
      manifest.put("locks", out.lockFiles());
      manifest.put("repaired_runs", out.repairedRuns());
      try {
        stages(out, hadoop);
      } catch (Exception | Error e) {
        manifest.finish("failed", e.getClass().getSimpleName() + ": " + e.getMessage());
        throw e;
      } finally {
        // after the commit, or for a failed run over the old output: the report reads the committed tables
        writeManifest(out);
        writeReport(out);
      }
      return manifest;
    } catch (Exception | Error e) {
      if (manifest.get("finished") == null) { // the output could not be opened (a held lock, say)
        manifest.finish("failed", e.getClass().getSimpleName() + ": " + e.getMessage());
        writeManifest(null);
      }
      throw e;
    }
  }

  /** Reads, tokenizes, resolves actors, counts them, pairs them, models topics, rolls windows, commits. */
  private void stages(RunOutput out, Configuration hadoop) throws Exception {
    Corpus corpus = corpus(out);
    Broadcast<Dictionary> dict = broadcastDictionary();

    CountsStage counts = new CountsStage(spark, dictionary);
    phase(counts, out, () -> {
      CountsStage.Result r = counts.run(corpus.actors().counted());
      counts.write(r, out);
      return r;
    });
    DictionaryReportStage gaps = new DictionaryReportStage(spark, DictionaryReportStage.Settings.from(config), dict);
    phase(gaps, out, () -> {
      DictionaryReportStage.Result r = gaps.run(corpus.text().analyzed(), corpus.actors().mentions());
      gaps.write(r, out);
      return r;
    });
    CooccurrenceStage pairs = new CooccurrenceStage(CooccurrenceStage.Settings.from(config), dictionary, hadoop);
    phase(pairs, out, () -> pairs.run(corpus.actors().counted(), corpus.text().counted(), out));
    TopicsStage topics = new TopicsStage(TopicsStage.Settings.from(config), runId, hadoop);
    if (topics.enabled()) {
      phase(topics, out, () -> topics.run(corpus.text().counted(), corpus.actors().counted(), out));
    } else {
      TopicsStage.disabled().report(manifest);
    }
    corpus.release();
    RollingStage rolling = new RollingStage(spark, RollingStage.Settings.from(config));
    if (rolling.enabled()) {
      phase(rolling, out, () -> rolling.run(touchedDays(corpus), out));
    } else {
      rolling.skipped().report(manifest);
    }
    timed("commit", "replace the written partitions", () -> {
      List<String> replaced = out.commit();
      manifest.put("replaced_partitions", replaced.size());
      return null;
    });
    manifest.finish("succeeded", null);
  }

  /** The days whose rolling windows change: a dated run's days, or the dates of an undated run's articles. */
  private List<LocalDate> touchedDays(Corpus corpus) {
    if (!dates.isEmpty()) {
      return dates;
    }
    List<LocalDate> out = new ArrayList<>();
    corpus.text().byDate().keySet().stream().filter(d -> d.matches("\\d{4}-\\d{2}-\\d{2}"))
        .forEach(d -> out.add(LocalDate.parse(d)));
    return out;
  }

  private Broadcast<Dictionary> dict;

  private Broadcast<Dictionary> broadcastDictionary() {
    if (dict == null) {
      dict = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(dictionary.dictionary);
    }
    return dict;
  }

  private void writeReport(RunOutput out) {
    try {
      spark.sparkContext().setJobGroup("report", "run report", false);
      String where = RunReport.write(spark, out.root(), manifest, IngestStage.batchId(config.inputs));
      manifest.put("report", where);
      LOG.info("report written to {}", where);
    } catch (java.io.IOException | RuntimeException e) {
      // never hide the run's own error behind this one
      LOG.error("could not write the run report: {}", e.toString());
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  private void writeManifest(RunOutput out) {
    try {
      String where = out != null ? out.writeManifest(manifest) : manifest.write(config.run.output, hadoopConf());
      manifest.put("manifest", where);
      LOG.info("manifest written to {}", where);
    } catch (java.io.IOException | RuntimeException e) {
      // never hide the run's own error behind this one
      LOG.error("could not write the manifest to {}: {}", RunManifest.redact(config.run.output), e.toString());
    }
  }

  /** Runs one stage as a Spark job group, timed into the manifest; the stage owns its tables for this run. */
  private <R extends Stage.Result> R phase(Stage stage, RunOutput out, ThrowingSupplier<R> body) {
    if (out != null) {
      out.claim(stage.tables());
    }
    R r = timed(stage.name(), stage.description(), body);
    r.report(manifest);
    return r;
  }

  private <T> T timed(String name, String description, ThrowingSupplier<T> body) {
    spark.sparkContext().setJobGroup(name, description, false);
    long start = System.nanoTime();
    LOG.info("phase {}: {}", name, description);
    try {
      return body.get();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("phase " + name + " failed: " + e.getMessage(), e);
    } finally {
      manifest.phase(name, (System.nanoTime() - start) / 1e9);
      spark.sparkContext().clearJobGroup();
    }
  }

  /** A supplier that may throw. */
  @FunctionalInterface
  interface ThrowingSupplier<T> {
    T get() throws Exception;
  }

  /** Spark's Hadoop settings plus the job's own spark.hadoop.* (which a session started elsewhere lacks). */
  private Configuration hadoopConf() {
    Configuration c = new Configuration(spark.sparkContext().hadoopConfiguration());
    config.spark.forEach((k, v) -> {
      if (k.startsWith("spark.hadoop.")) {
        c.set(k.substring("spark.hadoop.".length()), v);
      }
    });
    return c;
  }

  private Map<String, Object> versions() {
    Map<String, Object> v = new LinkedHashMap<>();
    Package p = Pipeline.class.getPackage();
    v.put("actorscope", p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "dev");
    v.put("spark", spark.version());
    v.put("scala", scala.util.Properties.versionNumberString());
    v.put("java", System.getProperty("java.version"));
    return v;
  }
}
