package io.actorscope;

import io.actorscope.actors.ActorCounts;
import io.actorscope.actors.ActorResolver;
import io.actorscope.actors.ActorRow;
import io.actorscope.actors.Dictionary;
import io.actorscope.actors.DictionaryLoader;
import io.actorscope.actors.Mention;
import io.actorscope.actors.RoleRow;
import io.actorscope.config.InputConfig;
import io.actorscope.config.JobConfig;
import io.actorscope.cooccurrence.Cooccurrence;
import io.actorscope.cooccurrence.PairRow;
import io.actorscope.io.Ingest;
import io.actorscope.output.RunManifest;
import io.actorscope.output.Tables;
import io.actorscope.text.AnalyzedArticle;
import io.actorscope.text.TextAnalyzer;
import io.actorscope.topics.TopicModeler;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Actorscope job: read article dumps, tokenize them into sentences and tokens, resolve actors
 * through the dictionary, and write mentions, per-actor counts, actor co-occurrence and LDA topics
 * as Parquet, with a manifest whose counts reconcile.
 */
public final class ActorscopeJob {
  private static final Logger LOG = LoggerFactory.getLogger(ActorscopeJob.class);

  private final SparkSession spark;
  private final JobConfig config;
  private final DictionaryLoader.Loaded dictionary;
  private final Tables tables;
  private final RunManifest manifest;
  private final String runId;

  public ActorscopeJob(SparkSession spark, JobConfig config, DictionaryLoader.Loaded dictionary) {
    this.spark = spark;
    this.config = config;
    this.dictionary = dictionary;
    this.tables = new Tables(config.run.output, config.output.compression);
    this.runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(java.time.Instant.now().atOffset(ZoneOffset.UTC))
        + "-" + UUID.randomUUID().toString().substring(0, 8);
    this.manifest = new RunManifest(runId);
  }

  /** Runs every stage; the manifest is written whether the run succeeds or fails. */
  public RunManifest run() throws Exception {
    manifest.put("output", RunManifest.redact(config.run.output));
    manifest.put("config", RunManifest.configMap(config));
    manifest.put("versions", versions());
    try {
      runStages();
      manifest.finish("succeeded", null);
      return manifest;
    } catch (Exception | Error e) {
      manifest.finish("failed", e.getClass().getSimpleName() + ": " + e.getMessage());
      throw e;
    } finally {
      try {
        String where = manifest.write(config.run.output, spark.sparkContext().hadoopConfiguration());
        manifest.put("manifest", where);
        LOG.info("manifest written to {}", where);
      } catch (java.io.IOException | RuntimeException e) {
        // never hide the run's own error behind this one
        LOG.error("could not write the manifest to {}: {}", RunManifest.redact(config.run.output), e.toString());
      }
    }
  }

  /**
   * Reads the article dumps, tokenizes them into sentences and tokens, resolves actors, and writes
   * mentions, per-actor counts, co-occurrence and topics.
   */
  private void runStages() {
    Ingest.Result input = readArticles();
    Dataset<AnalyzedArticle> all = tokenize(input);
    Dataset<AnalyzedArticle> text = inAnalyzedLanguages(all);
    Dataset<Mention> mentions = resolveActors(text);
    Dataset<AnalyzedArticle> counted = countedCopies(text);
    Dataset<Mention> countedMentions = counted == text ? mentions
        : mentions.join(counted.select(org.apache.spark.sql.functions.col("id").as("_counted")),
            mentions.col("articleId").equalTo(org.apache.spark.sql.functions.col("_counted")), "left_semi")
            .as(Mention.ENCODER);
    writeCounts(countedMentions);
    writeCooccurrence(countedMentions, counted);
    writeTopics(counted);
    mentions.unpersist();
    all.unpersist();
  }

  private Ingest.Result readArticles() {
    Ingest.Result input = phase("ingest", "read, check and de-duplicate articles",
        () -> Ingest.run(spark, config.inputs, config.ingest.dedupe, config.ingest.snippetChars, nearDuplicateSettings()));
    manifest.put("input_files", input.files);
    manifest.counts().putAll(input.counts.asMap());
    if (!input.counts.reconciles()) {
      throw new IllegalStateException("counts do not reconcile: " + input.counts.asMap());
    }
    return input;
  }

  private io.actorscope.io.NearDuplicates.Settings nearDuplicateSettings() {
    JobConfig.NearDuplicates nd = config.nearDuplicates;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enabled", nd.enabled);
    if (nd.enabled) {
      m.put("threshold", nd.threshold);
      m.put("shingle_words", nd.shingleWords);
      m.put("count", nd.count);
    }
    manifest.put("near_duplicates", m);
    if (!nd.enabled) {
      return null;
    }
    io.actorscope.io.NearDuplicates.Settings s = new io.actorscope.io.NearDuplicates.Settings();
    s.shingleWords = nd.shingleWords;
    s.threshold = nd.threshold;
    s.hashTables = nd.hashTables;
    return s;
  }

  private Dataset<AnalyzedArticle> tokenize(Ingest.Result input) {
    Dataset<AnalyzedArticle> text = phase("text", "sentences, tokens and terms; write articles", () -> {
      Dataset<AnalyzedArticle> t = TextAnalyzer.analyze(input.articles, config.text.minTermLength)
          .persist(StorageLevel.MEMORY_AND_DISK());
      tables.writeByDate(Tables.ARTICLES, t.select(articleColumns()).as(io.actorscope.io.Article.ENCODER));
      tables.writePartition(Tables.QUARANTINE, "batch", batchId(config.inputs), input.quarantine);
      Map<String, Long> dates = new java.util.TreeMap<>();
      for (org.apache.spark.sql.Row r : t.groupBy("date").count().collectAsList()) {
        dates.put(String.valueOf(r.get(0)), r.getLong(1));
      }
      manifest.put("articles_by_date", dates);
      return t;
    });
    input.release();
    return text;
  }

  /**
   * The articles whose language is in language.analyze (and, if so set, those whose language could
   * not be told; always those never detected); the others stay in `articles` and are counted.
   */
  private Dataset<AnalyzedArticle> inAnalyzedLanguages(Dataset<AnalyzedArticle> all) {
    Map<String, Long> byLang = new java.util.TreeMap<>();
    long notAnalyzed = 0;
    for (org.apache.spark.sql.Row r : all.groupBy("lang").count().collectAsList()) {
      String lang = r.isNullAt(0) ? "not_detected" : r.getString(0);
      byLang.put(lang, r.getLong(1));
      if (!r.isNullAt(0) && !analyzes(lang)) {
        notAnalyzed += r.getLong(1);
      }
    }
    manifest.counts().put("articles_by_lang", byLang);
    manifest.counts().put("not_analyzed_language", notAnalyzed);
    manifest.put("languages_analyzed", config.language.analyze);
    if (notAnalyzed == 0) {
      return all;
    }
    List<String> langs = new ArrayList<>(config.language.analyze);
    if (config.language.analyzeUndetermined) {
      langs.add(io.actorscope.io.LanguageDetection.UNDETERMINED);
    }
    return all.filter(org.apache.spark.sql.functions.col("lang").isNull()
        .or(org.apache.spark.sql.functions.col("lang").isin(langs.toArray())));
  }

  private boolean analyzes(String lang) {
    return config.language.analyze.contains(lang)
        || (config.language.analyzeUndetermined && io.actorscope.io.LanguageDetection.UNDETERMINED.equals(lang));
  }

  /** With near_duplicates.count = story, only each story's first copy; else every article. */
  private Dataset<AnalyzedArticle> countedCopies(Dataset<AnalyzedArticle> text) {
    boolean storyOnce = config.nearDuplicates.enabled
        && JobConfig.NearDuplicates.COUNT_STORY.equals(config.nearDuplicates.count);
    manifest.put("counted_per", storyOnce ? "story" : "copy");
    if (!storyOnce) {
      return text;
    }
    return text.filter(org.apache.spark.sql.functions.col("storyId").equalTo(org.apache.spark.sql.functions.col("id")));
  }

  private Dataset<Mention> resolveActors(Dataset<AnalyzedArticle> text) {
    Broadcast<Dictionary> dict = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(dictionary.dictionary);
    return phase("actors", "resolve actors and write mentions", () -> {
      Dataset<Mention> m = ActorResolver.resolve(text, dict, config.actors.matchKinds)
          .persist(StorageLevel.MEMORY_AND_DISK());
      tables.writeByDate(Tables.MENTIONS, m);
      manifest.count("mentions", m.count());
      return m;
    });
  }

  private void writeCounts(Dataset<Mention> mentions) {
    phase("counts", "actor counts and dictionary tables", () -> {
      tables.writeByDate(Tables.ACTOR_COUNTS, ActorCounts.count(mentions));
      writeDictionaryTables();
      return null;
    });
  }

  private void writeCooccurrence(Dataset<Mention> mentions, Dataset<AnalyzedArticle> text) {
    phase("cooccurrence", "actor co-occurrence", () -> {
      Dataset<PairRow> pairs = Cooccurrence.compute(mentions, text, config.cooccurrence.scopes,
          config.cooccurrence.minCount);
      tables.writeByDate(Tables.COOCCURRENCE, pairs);
      return null;
    });
  }

  /** The columns of the articles table: every {@link io.actorscope.io.Article} property, in its order. */
  private static org.apache.spark.sql.Column[] articleColumns() {
    return java.util.Arrays.stream(io.actorscope.io.Article.ENCODER.schema().fieldNames())
        .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new);
  }

  private void writeDictionaryTables() {
    List<ActorRow> actors = new ArrayList<>();
    dictionary.actors.forEach(a -> actors.add(ActorRow.of(a)));
    List<RoleRow> roles = new ArrayList<>();
    dictionary.roles.forEach(r -> r.holders.forEach(h -> roles.add(RoleRow.of(r, h))));
    tables.writeWhole(Tables.ACTORS, spark.createDataset(actors, ActorRow.ENCODER));
    tables.writeWhole(Tables.ROLES, spark.createDataset(roles, RoleRow.ENCODER));
    manifest.count("dictionary_actors", actors.size());
    manifest.count("dictionary_phrases", dictionary.dictionary.phraseCount());
  }

  private void writeTopics(Dataset<AnalyzedArticle> text) {
    phase("topics", "LDA topics", () -> {
      fitTopics(text);
      return null;
    });
  }

  private void fitTopics(Dataset<AnalyzedArticle> text) throws java.io.IOException {
    Map<String, Object> t = new LinkedHashMap<>();
    manifest.put("topics", t);
    if (!config.topics.enabled) {
      t.put("skipped", "topics.enabled is false");
      return;
    }
    TopicModeler.Result r = TopicModeler.fit(text, config.topics, runId);
    t.put("model_id", runId);
    t.put("documents_with_terms", r.documents);
    if (r.skipped != null) {
      t.put("skipped", r.skipped);
      LOG.warn("topics skipped: {}", r.skipped);
      return;
    }
    String models = tables.path(Tables.MODELS) + "/topics/" + runId;
    r.features.write().overwrite().save(models + "/features");
    r.lda.write().overwrite().save(models + "/lda");
    t.put("model_path", RunManifest.redact(models));
    t.put("k", config.topics.k);
    t.put("vocabulary", r.vocabulary);
    tables.writeWhole(Tables.TOPICS, r.topics);
    tables.writeByDate(Tables.DOC_TOPICS, r.docTopics);
  }

  /** Runs one phase as a Spark job group, timed into the manifest. */
  private <T> T phase(String name, String description, ThrowingSupplier<T> body) {
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

  /** The quarantine partition of a set of inputs: the same inputs give the same batch, so a rerun replaces it. */
  static String batchId(List<InputConfig> inputs) {
    StringBuilder b = new StringBuilder();
    inputs.stream().map(i -> i.format + ":" + i.path).sorted().forEach(s -> b.append(s).append('\n'));
    return io.actorscope.io.ArticleParser.sha256Hex(b.toString(), 6);
  }

  private Map<String, Object> versions() {
    Map<String, Object> v = new LinkedHashMap<>();
    Package p = ActorscopeJob.class.getPackage();
    v.put("actorscope", p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "dev");
    v.put("spark", spark.version());
    v.put("scala", scala.util.Properties.versionNumberString());
    v.put("java", System.getProperty("java.version"));
    return v;
  }

}
