package io.actorscope;

import io.actorscope.actors.ActorCounts;
import io.actorscope.actors.ActorResolver;
import io.actorscope.actors.ActorRow;
import io.actorscope.actors.Dictionary;
import io.actorscope.actors.DictionaryLoader;
import io.actorscope.actors.Mention;
import io.actorscope.actors.RoleRow;
import io.actorscope.actors.StaleRole;
import io.actorscope.actors.StaleRoles;
import io.actorscope.actors.UnmatchedName;
import io.actorscope.actors.UnmatchedNames;
import io.actorscope.config.InputConfig;
import io.actorscope.config.JobConfig;
import io.actorscope.cooccurrence.Cooccurrence;
import io.actorscope.cooccurrence.PairRow;
import io.actorscope.io.Ingest;
import io.actorscope.output.RunManifest;
import io.actorscope.output.RunReport;
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
  /** The days of a dated run (empty: an undated run) and the days skipped for want of input. */
  private List<java.time.LocalDate> dates = List.of();
  private List<java.time.LocalDate> skipped = List.of();
  private io.actorscope.output.StagedCommit commit;

  public ActorscopeJob(SparkSession spark, JobConfig config, DictionaryLoader.Loaded dictionary) {
    this.spark = spark;
    this.config = config;
    this.dictionary = dictionary;
    this.tables = new Tables(config.run.output, config.output.compression);
    this.runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(java.time.Instant.now().atOffset(ZoneOffset.UTC))
        + "-" + UUID.randomUUID().toString().substring(0, 8);
    this.manifest = new RunManifest(runId);
  }

  /** Makes this a dated run of {@code days} (inputs already expanded by {@link io.actorscope.config.DatedRun}). */
  public ActorscopeJob dated(List<java.time.LocalDate> days, List<java.time.LocalDate> skippedDays) {
    this.dates = List.copyOf(days);
    this.skipped = List.copyOf(skippedDays);
    return this;
  }

  public String runId() {
    return runId;
  }

  /** Spark's Hadoop settings plus the job's own spark.hadoop.* (which a session started elsewhere lacks). */
  private org.apache.hadoop.conf.Configuration hadoopConf() {
    org.apache.hadoop.conf.Configuration c = new org.apache.hadoop.conf.Configuration(spark.sparkContext().hadoopConfiguration());
    config.spark.forEach((k, v) -> {
      if (k.startsWith("spark.hadoop.")) {
        c.set(k.substring("spark.hadoop.".length()), v);
      }
    });
    return c;
  }

  /** Runs every stage; the manifest is written whether the run succeeds or fails. */
  public RunManifest run() throws Exception {
    manifest.put("output", RunManifest.redact(config.run.output));
    manifest.put("config", RunManifest.configMap(config));
    manifest.put("versions", versions());
    manifest.put("dates", dates.stream().map(Object::toString).collect(java.util.stream.Collectors.toList()));
    if (!skipped.isEmpty()) {
      manifest.put("dates_skipped", skipped.stream().map(Object::toString).collect(java.util.stream.Collectors.toList()));
    }
    org.apache.hadoop.conf.Configuration hadoop = hadoopConf();
    try (io.actorscope.output.OutputLock lock = io.actorscope.output.OutputLock.acquire(hadoop, config.run.output,
        dates, runId, config.nightly.lockStaleMinutes)) {
      manifest.put("locks", lock.files());
      manifest.put("repaired_runs", io.actorscope.output.StagedCommit.recover(hadoop, config.run.output,
          io.actorscope.output.OutputLock.liveRuns(hadoop, config.run.output, config.nightly.lockStaleMinutes)));
      commit = new io.actorscope.output.StagedCommit(hadoop, config.run.output, runId);
      tables.stageInto(commit);
      try {
        runStages();
        publish();
        rolling(hadoop);
      } catch (Exception | Error e) {
        commit.abort();
        throw e;
      }
      manifest.finish("succeeded", null);
      return manifest;
    } catch (Exception | Error e) {
      manifest.finish("failed", e.getClass().getSimpleName() + ": " + e.getMessage());
      throw e;
    } finally {
      try {
        String where = manifest.write(config.run.output, hadoopConf());
        manifest.put("manifest", where);
        LOG.info("manifest written to {}", where);
      } catch (java.io.IOException | RuntimeException e) {
        // never hide the run's own error behind this one
        LOG.error("could not write the manifest to {}: {}", RunManifest.redact(config.run.output), e.toString());
      }
      writeReport();
    }
  }

  /** OUTPUT/_runs/&lt;run_id&gt;.html beside the manifest; a failure here is logged, never thrown. */
  private void writeReport() {
    try {
      spark.sparkContext().setJobGroup("report", "run report", false);
      String where = RunReport.write(spark, config.run.output, manifest, batchId(config.inputs));
      manifest.put("report", where);
      LOG.info("report written to {}", where);
    } catch (java.io.IOException | RuntimeException e) {
      // never hide the run's own error behind this one
      LOG.error("could not write the run report: {}", e.toString());
    } finally {
      spark.sparkContext().clearJobGroup();
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
    Broadcast<Dictionary> dict = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(dictionary.dictionary);
    Dataset<Mention> mentions = resolveActors(text, dict);
    Dataset<AnalyzedArticle> counted = countedCopies(text);
    Dataset<Mention> countedMentions = counted == text ? mentions
        : mentions.join(counted.select(org.apache.spark.sql.functions.col("id").as("_counted")),
            mentions.col("articleId").equalTo(org.apache.spark.sql.functions.col("_counted")), "left_semi")
            .as(Mention.ENCODER);
    writeCounts(countedMentions);
    reportDictionaryGaps(text, mentions, dict);
    writeCooccurrence(countedMentions, counted);
    writeTopics(counted, countedMentions);
    mentions.unpersist();
    all.unpersist();
  }

  private Ingest.Result readArticles() {
    Ingest.Result input = phase("ingest", "read, check and de-duplicate articles",
        () -> Ingest.run(spark, config.inputs, config.ingest.dedupe, config.ingest.snippetChars, !dates.isEmpty(),
            nearDuplicateSettings()));
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
      if (dates.isEmpty()) {
        tables.writePartition(Tables.QUARANTINE, "batch", batchId(config.inputs), input.quarantine);
      } else {
        // one quarantine partition per day, batch=DAY-<inputs> (the day read from the file's folder),
        // written even when empty so that the table is always readable
        Dataset<io.actorscope.io.Quarantine> q = input.quarantine.persist(StorageLevel.MEMORY_AND_DISK());
        org.apache.spark.sql.Column day = org.apache.spark.sql.functions.regexp_extract(
            org.apache.spark.sql.functions.col("sourceFile"), io.actorscope.config.DatedRun.dayInPath(config.nightly.layout), 1);
        for (java.time.LocalDate d : dates) {
          tables.writePartition(Tables.QUARANTINE, "batch", d + "-" + datedBatchSuffix(), q.filter(day.equalTo(d.toString())));
        }
        q.unpersist();
      }
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

  private Dataset<Mention> resolveActors(Dataset<AnalyzedArticle> text, Broadcast<Dictionary> dict) {
    Dataset<Mention> dictionaryMentions = phase("actors", "resolve actors through the dictionary", () -> {
      Dataset<Mention> m = ActorResolver.resolve(text, dict, config.actors.matchKinds)
          .persist(StorageLevel.MEMORY_AND_DISK());
      manifest.count("dictionary_mentions", m.count());
      return m;
    });
    Dataset<Mention> all = discover(text, dictionaryMentions, dict);
    return phase("mentions", "write mentions", () -> {
      tables.writeByDate(Tables.MENTIONS, all);
      manifest.count("mentions", all.count());
      return all;
    });
  }

  // ---- discover stage (issue 15): minimal wiring, to be carried into the stage pipeline
  /**
   * Names the dictionary lacks: the discover stage's mentions joined to the dictionary's (when
   * actors.match_kinds lists `discovered`) and the discovered_actors table.
   */
  private Dataset<Mention> discover(Dataset<AnalyzedArticle> text, Dataset<Mention> dictionaryMentions,
      Broadcast<Dictionary> dict) {
    io.actorscope.discover.DiscoverStage.Settings settings = io.actorscope.discover.DiscoverStage.Settings.of(config.discover);
    if (!settings.enabled()) {
      return dictionaryMentions;
    }
    return phase("discover", "people, organisations and places the dictionary lacks", () -> {
      io.actorscope.discover.DiscoverStage.Result r =
          io.actorscope.discover.DiscoverStage.run(text, dictionaryMentions, dict, settings);
      tables.writeWhole(io.actorscope.discover.DiscoverStage.TABLE, r.actors);
      manifest.count("discovered_mentions", r.evidence.count());
      if (!config.actors.matchKinds.contains(io.actorscope.discover.Discoverer.DISCOVERED)) {
        return dictionaryMentions;
      }
      return dictionaryMentions.union(r.mentions).persist(StorageLevel.MEMORY_AND_DISK());
    });
  }

  private void writeCounts(Dataset<Mention> mentions) {
    phase("counts", "actor counts and dictionary tables", () -> {
      tables.writeByDate(Tables.ACTOR_COUNTS, ActorCounts.count(mentions));
      writeDictionaryTables();
      return null;
    });
  }

  /**
   * What the dictionary lacks: frequent capitalised names no actor matched, and roles still
   * mentioned after their last holder on record left office.
   */
  private void reportDictionaryGaps(Dataset<AnalyzedArticle> text, Dataset<Mention> mentions,
      Broadcast<Dictionary> dict) {
    phase("dictionary_report", "unmatched names and stale roles", () -> {
      Map<String, Object> report = new LinkedHashMap<>();
      manifest.put("dictionary_report", report);
      JobConfig.UnmatchedNames u = config.actors.unmatchedNames;
      if (u.enabled) {
        Dataset<UnmatchedName> names = UnmatchedNames.find(text, dict, u.minArticles, u.limit);
        tables.writeWhole(Tables.UNMATCHED_NAMES, names);
        report.put("unmatched_names", names.count());
      }
      List<StaleRole> stale = StaleRoles.find(mentions, dictionary.dictionary);
      tables.writeWhole(Tables.STALE_ROLES, spark.createDataset(stale, StaleRole.ENCODER));
      List<String> roles = new ArrayList<>();
      for (StaleRole s : stale) {
        roles.add(s.getRoleId());
        LOG.warn("stale role {}: {} left office on {}, yet the role is mentioned {} times after that ({} to {})",
            s.getRoleId(), s.getLastHolder(), s.getTermEnded(), s.getMentionsAfter(), s.getFirstDate(), s.getLastDate());
      }
      report.put("stale_roles", roles);
      return null;
    });
  }

  private void writeCooccurrence(Dataset<Mention> mentions, Dataset<AnalyzedArticle> text) {
    phase("cooccurrence", "actor co-occurrence, top partners and the actor graph", () -> {
      JobConfig.Cooccurrence cfg = config.cooccurrence;
      Dataset<PairRow> pairs = Cooccurrence.compute(mentions, text, cfg.scopes, cfg.minCount, cfg.windowWidth);
      tables.writeByDate(Tables.COOCCURRENCE, pairs);
      // the same pairs over the whole run (one null date), for partners and the graph
      Dataset<Mention> allMentions = mentions.withColumn("date", org.apache.spark.sql.functions.lit(null).cast("date"))
          .as(Mention.ENCODER);
      Dataset<AnalyzedArticle> allText = text.withColumn("date", org.apache.spark.sql.functions.lit(null).cast("date"))
          .as(AnalyzedArticle.ENCODER);
      Dataset<PairRow> runWide = Cooccurrence.compute(allMentions, allText, cfg.scopes, 1, cfg.windowWidth)
          .persist(StorageLevel.MEMORY_AND_DISK());
      tables.writeWhole(Tables.ACTOR_PARTNERS, io.actorscope.cooccurrence.Partners.top(runWide, cfg.partners));
      if (cfg.graph.enabled) {
        Map<String, String[]> names = new java.util.HashMap<>();
        dictionary.actors.forEach(a -> {
          ActorRow row = ActorRow.of(a);
          names.put(row.getActorId(), new String[] {row.getName(), row.getType()});
        });
        String file = tables.path(Tables.GRAPHS) + "/actors-" + cfg.graph.scope + ".graphml";
        long[] g = io.actorscope.cooccurrence.GraphExport.write(runWide, cfg.graph, names, file,
            spark.sparkContext().hadoopConfiguration());
        Map<String, Object> gm = new LinkedHashMap<>();
        gm.put("path", RunManifest.redact(file));
        gm.put("nodes", g[0]);
        gm.put("edges", g[1]);
        manifest.put("graph", gm);
      }
      runWide.unpersist();
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

  private void writeTopics(Dataset<AnalyzedArticle> text, Dataset<Mention> mentions) {
    phase("topics", "LDA topics, coherence and actor-topic links", () -> {
      fitTopics(text, mentions);
      return null;
    });
  }

  private void fitTopics(Dataset<AnalyzedArticle> text, Dataset<Mention> mentions) throws java.io.IOException {
    Map<String, Object> t = new LinkedHashMap<>();
    manifest.put("topics", t);
    if (!config.topics.enabled) {
      t.put("skipped", "topics.enabled is false");
      return;
    }
    JobConfig.Topics cfg = config.topics;
    org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    String root = tables.path(Tables.MODELS) + "/topics";
    String use = null;
    t.put("mode", cfg.mode);
    if ("infer".equals(cfg.mode)) {
      use = io.actorscope.topics.ModelStore.find(root, cfg.model, hadoop);
      if (use == null) {
        throw new IllegalStateException("topics.mode=infer: no saved model '" + cfg.model + "' under "
            + RunManifest.redact(root));
      }
    } else if ("auto".equals(cfg.mode)) {
      String latest = io.actorscope.topics.ModelStore.find(root, cfg.model, hadoop);
      if (latest != null) {
        double days = io.actorscope.topics.ModelStore.age(root, latest, hadoop).toSeconds() / 86400.0;
        t.put("latest_model_age_days", days);
        if (days < cfg.retrainDays) {
          use = latest;
        }
      }
    }
    TopicModeler.Result r;
    String modelId;
    if (use != null) {
      modelId = use;
      t.put("used", "infer");
      r = TopicModeler.infer(text, mentions, cfg, io.actorscope.topics.ModelStore.load(root, use, hadoop));
    } else {
      modelId = runId;
      t.put("used", "fit");
      r = TopicModeler.fit(text, mentions, cfg, config.text.minTermLength, runId);
    }
    t.put("model_id", modelId);
    t.put("documents_with_terms", r.documents);
    if (r.skipped != null) {
      t.put("skipped", r.skipped);
      LOG.warn("topics skipped: {}", r.skipped);
      r.release();
      return;
    }
    String models = root + "/" + modelId;
    if (use == null) {
      io.actorscope.topics.ModelStore.save(models, modelId, r, cfg, hadoop);
    }
    t.put("model_path", RunManifest.redact(models));
    t.put("k", r.labels.size());
    t.put("vocabulary", r.vocabulary.length);
    t.put("training_window", java.util.Arrays.asList(r.trainedFrom, r.trainedTo));
    t.put("bigrams", r.settings.bigrams.size());
    t.put("actor_tokens", r.settings.actorTokens);
    t.put("quality", io.actorscope.topics.ModelStore.quality(r));
    t.put("labels", r.labels);
    tables.writeWhole(Tables.TOPICS, r.topics);
    tables.writeWhole(Tables.TOPIC_QUALITY, r.quality);
    Dataset<io.actorscope.topics.DocTopics> docTopics = r.docTopics.persist(StorageLevel.MEMORY_AND_DISK());
    tables.writeByDate(Tables.DOC_TOPICS, docTopics);
    Dataset<org.apache.spark.sql.Row> actorTopics = io.actorscope.topics.ActorTopics.actorTopics(mentions, docTopics)
        .persist(StorageLevel.MEMORY_AND_DISK());
    tables.writeWhole(Tables.ACTOR_TOPICS, actorTopics);
    tables.writeWhole(Tables.TOPIC_ACTORS, io.actorscope.topics.ActorTopics.topicActors(actorTopics, cfg.actorsPerTopic));
    actorTopics.unpersist();
    docTopics.unpersist();
    r.release();
  }

  /** The part of a dated run's quarantine batch after the day: the same inputs give the same batch. */
  private String datedBatchSuffix() {
    StringBuilder b = new StringBuilder(config.nightly.layout).append('\n');
    config.inputs.stream().map(i -> i.format + ":" + i.path.substring(0, i.path.length() - config.nightly.folder(
        java.time.LocalDate.parse(i.partitionDate)).length())).distinct().sorted().forEach(x -> b.append(x).append('\n'));
    return io.actorscope.io.ArticleParser.sha256Hex(b.toString(), 6);
  }

  /**
   * Publishes what the run staged: in a dated run every day of the run in every partitioned table
   * written (a day now without rows is emptied), else the partitions that have rows.
   */
  private void publish() throws java.io.IOException {
    phase("commit", "replace the written partitions", () -> {
      List<String> replaced = new ArrayList<>();
      for (String table : tables.stagedTables()) {
        List<String> parts = new ArrayList<>();
        if (dates.isEmpty()) {
          parts.addAll(commit.staged(table));
        } else if (table.equals(Tables.QUARANTINE)) {
          dates.forEach(d -> parts.add("batch=" + d + "-" + datedBatchSuffix()));
        } else {
          dates.forEach(d -> parts.add("date=" + d));
        }
        for (String p : parts) {
          commit.replace(table, p);
          replaced.add(table + "/" + p);
        }
      }
      commit.commit();
      manifest.put("replaced_partitions", replaced.size());
      return null;
    });
  }

  /** Rolling windows ending on the days this run touched and the later days whose windows contain them. */
  private void rolling(org.apache.hadoop.conf.Configuration hadoop) throws java.io.IOException {
    if (config.nightly.rollingDays.isEmpty()) {
      return;
    }
    List<java.time.LocalDate> touched = new ArrayList<>(dates);
    if (touched.isEmpty()) {
      @SuppressWarnings("unchecked")
      Map<String, Long> byDate = (Map<String, Long>) manifest.get("articles_by_date");
      byDate.keySet().stream().filter(d -> d.matches("\\d{4}-\\d{2}-\\d{2}")).forEach(d -> touched.add(java.time.LocalDate.parse(d)));
    }
    List<java.time.LocalDate> ends = io.actorscope.output.Rolling.endDays(hadoop, tables, touched, config.nightly.rollingDays);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("windows_days", config.nightly.rollingDays);
    r.put("end_dates", ends.stream().map(Object::toString).collect(java.util.stream.Collectors.toList()));
    manifest.put("rolling", r);
    if (ends.isEmpty()) {
      return;
    }
    phase("rolling", "rolling actor counts and co-occurrence", () -> {
      commit = new io.actorscope.output.StagedCommit(hadoop, config.run.output, runId);
      tables.stageInto(commit);
      tables.stagedTables().clear();
      io.actorscope.output.Rolling.write(spark, hadoop, tables, ends, config.nightly.rollingDays, config.cooccurrence.scopes,
          config.cooccurrence.minCount);
      for (String table : List.of(Tables.ACTOR_COUNTS_ROLLING, Tables.COOCCURRENCE_ROLLING)) {
        for (java.time.LocalDate e : ends) {
          commit.replace(table, "date=" + e);
        }
      }
      commit.commit();
      return null;
    });
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
