package io.actorscope.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.actorscope.config.JobConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.clustering.DistributedLDAModel;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.feature.CountVectorizerModel;

/**
 * Saved topic models: OUTPUT/models/topics/&lt;model_id&gt;/ holds {@code features/} (the MLlib
 * CountVectorizerModel, i.e. the vocabulary), {@code lda/} (the MLlib LDA model) and
 * {@code model.json} (parameters, tokens settings with the learned bigrams, vocabulary, training
 * window and quality). A folder without model.json is not a finished model and is ignored.
 */
public final class ModelStore {
  public static final String MODEL_JSON = "model.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A loaded model. */
  public static final class Saved {
    public String modelId;
    public Instant created;
    public CountVectorizerModel features;
    public LDAModel lda;
    public TopicTokens.Settings settings;
    public String trainedFrom;
    public String trainedTo;
    public JsonNode meta;
  }

  private ModelStore() {}

  public static void save(String dir, String modelId, TopicModeler.Result r, JobConfig.Topics cfg, Configuration hadoop)
      throws IOException {
    r.features.write().overwrite().save(dir + "/features");
    r.lda.write().overwrite().save(dir + "/lda");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model_id", modelId);
    m.put("created", Instant.now().toString());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("k", cfg.k);
    p.put("optimizer", cfg.optimizer);
    p.put("max_iter", cfg.maxIter);
    p.put("subsampling_rate", cfg.subsamplingRate);
    p.put("seed", cfg.seed);
    p.put("vocab_size", cfg.vocabSize);
    p.put("min_df", cfg.minDf);
    p.put("max_df", cfg.maxDf);
    p.put("segment_tokens", cfg.segmentTokens);
    if (TopicModeler.GIBBS.equals(cfg.optimizer)) {
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("iterations", cfg.gibbs.iterations);
      g.put("sync_every", cfg.gibbs.syncEvery);
      g.put("burn_in", cfg.gibbs.burnIn);
      g.put("optimize_interval", cfg.gibbs.optimizeInterval);
      g.put("optimize_alpha", cfg.gibbs.optimizeAlpha);
      g.put("alpha_shrinkage", cfg.gibbs.alphaShrinkage);
      g.put("alpha_sum_start", cfg.gibbs.alphaSum);
      g.put("beta_start", cfg.gibbs.beta);
      g.put("alpha", r.alpha);
      g.put("beta", r.beta);
      p.put("gibbs", g);
    }
    m.put("parameters", p);
    Map<String, Object> tok = new LinkedHashMap<>();
    tok.put("stopwords", cfg.stopwords);
    tok.put("stopword_list", new java.util.TreeSet<>(r.settings.stopwords));
    tok.put("actor_tokens", r.settings.actorTokens);
    tok.put("drop_actors", r.settings.dropActors);
    tok.put("min_term_length", r.settings.minTermLength);
    tok.put("bigrams", new java.util.TreeSet<>(r.settings.bigrams));
    m.put("tokens", tok);
    Map<String, Object> train = new LinkedHashMap<>();
    train.put("documents", r.documents);
    train.put("from", r.trainedFrom);
    train.put("to", r.trainedTo);
    m.put("training", train);
    m.put("quality", quality(r));
    m.put("labels", r.labels);
    m.put("vocabulary_size", r.vocabulary.length);
    m.put("vocabulary", r.vocabulary);
    Path path = new Path(dir + "/" + MODEL_JSON);
    FileSystem fs = path.getFileSystem(hadoop);
    try (OutputStream out = fs.create(path, true)) {
      out.write(JSON.writeValueAsString(m).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The quality block of model.json and the manifest. */
  public static Map<String, Object> quality(TopicModeler.Result r) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("log_perplexity", r.logPerplexity);
    q.put("mean_npmi_window", r.mean(TopicQuality::getNpmiWindow));
    q.put("mean_npmi_document", r.mean(TopicQuality::getNpmiDocument));
    q.put("mean_umass", r.mean(TopicQuality::getUmass));
    List<Double> npmi = new ArrayList<>();
    r.qualityRows.forEach(t -> npmi.add(t.getNpmiWindow()));
    q.put("npmi_window_by_topic", npmi);
    return q;
  }

  /** The id of model {@code which} (latest or an id) under {@code root}, or null when there is none. */
  public static String find(String root, String which, Configuration hadoop) throws IOException {
    Path rootPath = new Path(root);
    FileSystem fs = rootPath.getFileSystem(hadoop);
    if ("latest".equals(which)) {
      if (!fs.exists(rootPath)) {
        return null;
      }
      String best = null;
      Instant bestAt = null;
      for (FileStatus s : fs.listStatus(rootPath)) {
        Path meta = new Path(s.getPath(), MODEL_JSON);
        if (s.isDirectory() && fs.exists(meta)) {
          Instant at = Instant.parse(read(fs, meta).get("created").asText());
          if (bestAt == null || at.isAfter(bestAt)) {
            best = s.getPath().getName();
            bestAt = at;
          }
        }
      }
      return best;
    }
    return fs.exists(new Path(rootPath, which + "/" + MODEL_JSON)) ? which : null;
  }

  /** The age of a saved model. */
  public static Duration age(String root, String modelId, Configuration hadoop) throws IOException {
    Path meta = new Path(root + "/" + modelId + "/" + MODEL_JSON);
    JsonNode m = read(meta.getFileSystem(hadoop), meta);
    return Duration.between(Instant.parse(m.get("created").asText()), Instant.now());
  }

  public static Saved load(String root, String modelId, Configuration hadoop) throws IOException {
    String dir = root + "/" + modelId;
    Path metaPath = new Path(dir + "/" + MODEL_JSON);
    JsonNode m = read(metaPath.getFileSystem(hadoop), metaPath);
    Saved s = new Saved();
    s.modelId = modelId;
    s.meta = m;
    s.created = Instant.parse(m.get("created").asText());
    s.features = CountVectorizerModel.load(dir + "/features");
    s.lda = "em".equals(m.path("parameters").path("optimizer").asText())
        ? DistributedLDAModel.load(dir + "/lda").toLocal() : LocalLDAModel.load(dir + "/lda");
    TopicTokens.Settings st = new TopicTokens.Settings();
    JsonNode tok = m.get("tokens");
    st.stopwords = new HashSet<>();
    tok.get("stopword_list").forEach(n -> st.stopwords.add(n.asText()));
    st.actorTokens = tok.get("actor_tokens").asBoolean();
    st.dropActors = tok.path("drop_actors").asBoolean(false);
    st.minTermLength = tok.get("min_term_length").asInt();
    st.bigrams = new HashSet<>();
    tok.get("bigrams").forEach(n -> st.bigrams.add(n.asText()));
    s.settings = st;
    s.trainedFrom = m.path("training").path("from").asText(null);
    s.trainedTo = m.path("training").path("to").asText(null);
    return s;
  }

  private static JsonNode read(FileSystem fs, Path p) throws IOException {
    try (InputStream in = fs.open(p)) {
      return JSON.readTree(in);
    }
  }
}
