package io.actorscope.topics;

import io.actorscope.Stage;
import io.actorscope.actors.Mention;
import io.actorscope.config.ConfigException;
import io.actorscope.config.JobConfig;
import io.actorscope.output.Catalogue;
import io.actorscope.output.RunManifest;
import io.actorscope.output.RunOutput;
import io.actorscope.output.TableSpec;
import io.actorscope.text.AnalyzedArticle;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topics: fits an LDA model on the run's articles (or infers with a saved one), scores each topic's
 * coherence, writes each article's mixture and links actors to topics. The model is saved under
 * {@code OUTPUT/models/topics/<model_id>/} in the run's commit.
 */
public final class TopicsStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(TopicsStage.class);

  /** {@code topics.mode}: what a run does about the model. */
  public enum Mode {
    /** fit a new model on this run's articles */
    FIT,
    /** apply the saved model {@code topics.model}; fail if there is none */
    INFER,
    /** infer with the latest model if it is younger than {@code topics.retrain_days}, else fit */
    AUTO;

    public static Mode parse(String s) {
      for (Mode m : values()) {
        if (m.name().toLowerCase(Locale.ROOT).equals(s)) {
          return m;
        }
      }
      throw new ConfigException("topics.mode", "unknown mode '" + s + "' (one of auto, fit, infer)");
    }
  }

  /**
   * @param topics {@code topics.*} as loaded, checked by {@link #from}
   * @param minTermLength {@code text.min_term_length}, the shortest word that is a term: checked
   *     here, where the terms are made
   */
  public record Settings(boolean enabled, Mode mode, JobConfig.Topics topics, int minTermLength) {
    public Settings {
      if (minTermLength < 1) {
        throw new ConfigException("text.min_term_length", "must be >= 1");
      }
    }

    public static Settings from(JobConfig c) {
      check(c.topics);
      return new Settings(c.topics.enabled, Mode.parse(c.topics.mode), c.topics, c.text.minTermLength);
    }

    /** Checks {@code topics.*}: a {@link ConfigException} naming the key, before Spark starts. */
    static void check(JobConfig.Topics t) {
      if (t.k < 2) {
        throw new ConfigException("topics.k", "must be >= 2, got " + t.k);
      }
      if (t.maxIter < 1) {
        throw new ConfigException("topics.max_iter", "must be >= 1");
      }
      if (!(t.subsamplingRate > 0 && t.subsamplingRate <= 1)) {
        throw new ConfigException("topics.subsampling_rate", "must be in (0, 1]");
      }
      if (t.vocabSize < 1) {
        throw new ConfigException("topics.vocab_size", "must be >= 1");
      }
      if (t.minDf < 0) {
        throw new ConfigException("topics.min_df", "must be >= 0");
      }
      if (t.maxDf <= 0) {
        throw new ConfigException("topics.max_df", "must be > 0");
      }
      if (t.minDf >= 1 && t.maxDf >= 1 && t.maxDf < t.minDf) {
        throw new ConfigException("topics.max_df", "is below topics.min_df");
      }
      if (t.topTerms < 1) {
        throw new ConfigException("topics.top_terms", "must be >= 1");
      }
      if (t.minDocuments < 1) {
        throw new ConfigException("topics.min_documents", "must be >= 1");
      }
      for (String sw : t.stopwords) {
        io.actorscope.config.Resources.checkExists(sw, "topics.stopwords", "stopwords/", ".txt");
      }
      if (!Set.of("gibbs", "online", "em").contains(t.optimizer)) {
        throw new ConfigException("topics.optimizer", "unknown optimizer '" + t.optimizer + "' (one of em, gibbs, online)");
      }
      try {
        GibbsLda.validate(t.gibbs.iterations, t.gibbs.syncEvery, t.gibbs.burnIn,
            t.gibbs.optimizeInterval, t.gibbs.alphaShrinkage, t.gibbs.alphaSum, t.gibbs.beta);
      } catch (IllegalArgumentException e) {
        String m = e.getMessage();
        throw new ConfigException(m.substring(0, m.indexOf(' ')), m.substring(m.indexOf(' ') + 1));
      }
      try {
        GibbsLda.Alpha.parse(t.gibbs.optimizeAlpha);
      } catch (IllegalArgumentException e) {
        String m = e.getMessage();
        throw new ConfigException(m.substring(0, m.indexOf(' ')), m.substring(m.indexOf(' ') + 1));
      }
      try {
        TopicTokens.validateSegmentTokens(t.segmentTokens);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("topics.segment_tokens", e.getMessage().substring("topics.segment_tokens ".length()));
      }
      if (!Set.of("fit", "infer", "auto").contains(t.mode)) {
        throw new ConfigException("topics.mode", "unknown mode '" + t.mode + "' (one of auto, fit, infer)");
      }
      if (t.model == null || t.model.isBlank() || t.model.contains("/") || t.model.contains("..")) {
        throw new ConfigException("topics.model", "must be latest or a model id");
      }
      if (!(t.retrainDays > 0)) {
        throw new ConfigException("topics.retrain_days", "must be > 0");
      }
      if (t.labelTerms < 1) {
        throw new ConfigException("topics.label_terms", "must be >= 1");
      }
      if (!Set.of("words", "replace", "drop").contains(t.actorTokens)) {
        throw new ConfigException("topics.actor_tokens", "unknown value '" + t.actorTokens + "' (one of drop, replace, words)");
      }
      if (t.actorsPerTopic < 1) {
        throw new ConfigException("topics.actors_per_topic", "must be >= 1");
      }
      if (t.coherence.topN < 2) {
        throw new ConfigException("topics.coherence.top_n", "must be >= 2");
      }
      if (t.coherence.window < 2) {
        throw new ConfigException("topics.coherence.window", "must be >= 2");
      }
      if (!Set.of("gensim", "exact").contains(t.coherence.windowMode)) {
        throw new ConfigException("topics.coherence.window_mode", "unknown mode '" + t.coherence.windowMode + "' (one of exact, gensim)");
      }
      if (t.bigrams.minCount < 1) {
        throw new ConfigException("topics.bigrams.min_count", "must be >= 1");
      }
      if (!(t.bigrams.minNpmi >= -1 && t.bigrams.minNpmi <= 1)) {
        throw new ConfigException("topics.bigrams.min_npmi", "must be in [-1, 1]");
      }
      if (t.bigrams.max < 0) {
        throw new ConfigException("topics.bigrams.max", "must be >= 0");
      }
    }
  }

  /** What the manifest says under {@code topics}. */
  public record Result(Map<String, Object> summary) implements Stage.Result {
    @Override
    public void report(RunManifest m) {
      m.put("topics", summary);
    }
  }

  private final Settings settings;
  private final String runId;
  private final Configuration hadoop;

  public TopicsStage(Settings settings, String runId, Configuration hadoop) {
    this.settings = settings;
    this.runId = runId;
    this.hadoop = hadoop;
  }

  @Override
  public String name() {
    return "topics";
  }

  @Override
  public String description() {
    return "LDA topics, coherence and actor-topic links";
  }

  @Override
  public boolean enabled() {
    return settings.enabled;
  }

  @Override
  public List<TableSpec> tables() {
    return List.of(Catalogue.TOPICS, Catalogue.TOPIC_QUALITY, Catalogue.DOC_TOPICS, Catalogue.ACTOR_TOPICS,
        Catalogue.TOPIC_ACTORS, Catalogue.MODELS);
  }

  /** The manifest entry of a run whose settings switch topics off. */
  public static Result disabled() {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("skipped", "topics.enabled is false");
    return new Result(t);
  }

  /**
   * The saved model this run infers with, or null to fit one: {@code infer} needs one, {@code auto}
   * takes the latest unless it is older than {@code topics.retrain_days}.
   */
  String modelToUse(String models, Map<String, Object> t) throws IOException {
    JobConfig.Topics cfg = settings.topics;
    switch (settings.mode) {
      case INFER -> {
        String use = ModelStore.find(models, cfg.model, hadoop);
        if (use == null) {
          throw new IllegalStateException("topics.mode=infer: no saved model '" + cfg.model + "' under "
              + RunManifest.redact(models));
        }
        return use;
      }
      case AUTO -> {
        String latest = ModelStore.find(models, cfg.model, hadoop);
        if (latest == null) {
          return null;
        }
        double days = ModelStore.age(models, latest, hadoop).toSeconds() / 86400.0;
        t.put("latest_model_age_days", days);
        return days < cfg.retrainDays ? latest : null;
      }
      default -> {
        return null;
      }
    }
  }

  public Result run(Dataset<AnalyzedArticle> text, Dataset<Mention> mentions, RunOutput out) throws IOException {
    JobConfig.Topics cfg = settings.topics;
    Map<String, Object> t = new LinkedHashMap<>();
    String models = out.committedPath(Catalogue.MODELS) + "/topics";
    t.put("mode", settings.mode.name().toLowerCase(Locale.ROOT));
    String use = modelToUse(models, t);
    TopicModeler.Result r;
    String modelId;
    if (use != null) {
      modelId = use;
      t.put("used", "infer");
      r = TopicModeler.infer(text, mentions, cfg, ModelStore.load(models, use, hadoop));
    } else {
      modelId = runId;
      t.put("used", "fit");
      r = TopicModeler.fit(text, mentions, cfg, settings.minTermLength, runId);
    }
    t.put("model_id", modelId);
    t.put("documents_with_terms", r.documents);
    if (r.skipped != null) {
      t.put("skipped", r.skipped);
      LOG.warn("topics skipped: {}", r.skipped);
      r.release();
      return new Result(t);
    }
    if (use == null) {
      ModelStore.save(out.stagePath(Catalogue.MODELS, "topics/" + modelId), modelId, r, cfg, hadoop);
    }
    t.put("model_path", RunManifest.redact(models + "/" + modelId));
    t.put("k", r.labels.size());
    t.put("vocabulary", r.vocabulary.length);
    t.put("training_window", Arrays.asList(r.trainedFrom, r.trainedTo));
    t.put("bigrams", r.settings.bigrams.size());
    t.put("actor_tokens", r.settings.actorTokens);
    t.put("quality", ModelStore.quality(r));
    t.put("labels", r.labels);
    out.write(Catalogue.TOPICS, r.topics);
    out.write(Catalogue.TOPIC_QUALITY, r.quality);
    Dataset<DocTopics> docTopics = r.docTopics.persist(StorageLevel.MEMORY_AND_DISK());
    out.write(Catalogue.DOC_TOPICS, docTopics);
    Dataset<Row> actorTopics = ActorTopics.actorTopics(mentions, docTopics).persist(StorageLevel.MEMORY_AND_DISK());
    out.write(Catalogue.ACTOR_TOPICS, actorTopics);
    out.write(Catalogue.TOPIC_ACTORS, ActorTopics.topicActors(actorTopics, cfg.actorsPerTopic));
    actorTopics.unpersist();
    docTopics.unpersist();
    r.release();
    return new Result(t);
  }
}
