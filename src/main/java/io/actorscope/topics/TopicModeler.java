package io.actorscope.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import io.actorscope.actors.Mention;
import io.actorscope.config.JobConfig;
import io.actorscope.config.Resources;
import io.actorscope.text.AnalyzedArticle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * Topics stage: articles to tokens ({@link TopicTokens}), tokens counted (CountVectorizer with
 * min/max document frequency), then LDA (by default collapsed Gibbs sampling, {@link GibbsLda}; or
 * MLlib's online or EM optimizer), either fitted on this run's articles or loaded from a saved
 * model ({@link ModelStore}) and applied to them. Either way each topic is scored for coherence over
 * the run's articles ({@link Coherence}) and the articles' log-perplexity under their mixtures. Articles whose
 * tokens are all outside the vocabulary are left out of fitting and get an all-zero mixture with no
 * dominant topic.
 */
public final class TopicModeler {

  /** The model and its tables; {@link #skipped} says why there is none. */
  public static final class Result {
    public Dataset<TopicTerm> topics;
    public Dataset<DocTopics> docTopics;
    public Dataset<TopicQuality> quality;
    public CountVectorizerModel features;
    public LDAModel lda;
    public String skipped;
    public long documents;
    public String[] vocabulary = new String[0];
    public TopicTokens.Settings settings;
    public double logPerplexity = Double.NaN;
    /** The fitted document-topic prior (docConcentration) and topic-word prior (topicConcentration). */
    public double[] alpha;
    public double beta = Double.NaN;
    /** Seconds of the LDA fit alone (vocabulary and coherence excluded). */
    public double fitSeconds = Double.NaN;
    public List<TopicQuality> qualityRows = new ArrayList<>();
    public List<String> labels = new ArrayList<>();
    public String trainedFrom;
    public String trainedTo;
    /** The prepared token rows (persisted; {@link #release()} frees them). */
    public Dataset<Row> tokens;
    /** Each article's count vector and inferred mixture (persisted; {@link #release()} frees them). */
    Dataset<Row> mixed;

    public void release() {
      if (tokens != null) {
        tokens.unpersist();
      }
      if (mixed != null) {
        mixed.unpersist();
      }
    }

    public double mean(java.util.function.ToDoubleFunction<TopicQuality> f) {
      return qualityRows.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
    }
  }

  /** topics.optimizer value of the collapsed Gibbs sampler ({@link GibbsLda}). */
  public static final String GIBBS = "gibbs";

  private TopicModeler() {}

  /** The sampler settings of topics.gibbs.*. */
  public static GibbsLda.Settings gibbs(JobConfig.Topics cfg) {
    JobConfig.Gibbs g = cfg.gibbs;
    return new GibbsLda.Settings(g.iterations, g.syncEvery, g.burnIn, g.optimizeInterval, GibbsLda.Alpha.parse(g.optimizeAlpha), g.alphaShrinkage, g.alphaSum, g.beta, cfg.seed);
  }

  /** Fits on articles without actor tokens (tests, benchmarks). */
  public static Result fit(Dataset<AnalyzedArticle> articles, JobConfig.Topics cfg, String modelId) {
    return fit(articles, null, cfg, 3, modelId);
  }

  public static TopicTokens.Settings settings(JobConfig.Topics cfg, int minTermLength) {
    TopicTokens.Settings s = new TopicTokens.Settings();
    for (String ref : cfg.stopwords) {
      s.stopwords.addAll(TopicTokens.asSet(stopWords(ref)));
    }
    s.actorTokens = "replace".equals(cfg.actorTokens);
    s.dropActors = "drop".equals(cfg.actorTokens);
    s.minTermLength = minTermLength;
    return s;
  }

  public static Result fit(Dataset<AnalyzedArticle> articles, Dataset<Mention> mentions, JobConfig.Topics cfg,
      int minTermLength, String modelId) {
    Result r = new Result();
    r.settings = settings(cfg, minTermLength);
    Dataset<Row> marked = TopicTokens.marked(articles, mentions, r.settings).persist(StorageLevel.MEMORY_AND_DISK());
    if (cfg.bigrams.enabled) {
      r.settings.bigrams = TopicTokens.learnBigrams(marked, cfg.bigrams.minCount, cfg.bigrams.minNpmi, cfg.bigrams.max);
    }
    r.tokens = TopicTokens.finish(marked, r.settings).persist(StorageLevel.MEMORY_AND_DISK());
    r.documents = r.tokens.filter(size(col(TopicTokens.TOKENS)).gt(0)).count();
    marked.unpersist();
    if (r.documents < cfg.minDocuments) {
      return skipped(r, articles, "only " + r.documents + " article(s) have terms, fewer than topics.min_documents="
          + cfg.minDocuments);
    }
    CountVectorizer vectorizer = new CountVectorizer().setInputCol(TopicTokens.TOKENS).setOutputCol("features")
        .setVocabSize(cfg.vocabSize).setMinDF(cfg.minDf).setMaxDF(cfg.maxDf);
    try {
      r.features = vectorizer.fit(r.tokens);
    } catch (IllegalArgumentException e) {
      return skipped(r, articles, "no vocabulary: " + e.getMessage());
    }
    r.vocabulary = r.features.vocabulary();
    if (r.vocabulary.length == 0) {
      return skipped(r, articles, "no term passes topics.min_df/max_df");
    }
    Dataset<Row> vectors = r.features.transform(r.tokens);
    Dataset<Row> withTerms = vectors.filter(nonEmpty().apply(col("features")));
    // fitted on segments (vocabulary and document frequencies stay per article); every mixture is
    // still inferred per article
    Dataset<Row> training = cfg.segmentTokens > 0
        ? r.features.transform(TopicTokens.segments(r.tokens, cfg.segmentTokens)).filter(nonEmpty().apply(col("features")))
        : withTerms;
    long t0 = System.nanoTime();
    if (GIBBS.equals(cfg.optimizer)) {
      GibbsLda.Fitted g = GibbsLda.fit(training, "features", cfg.k, r.vocabulary.length, gibbs(cfg));
      r.lda = GibbsLda.toModel(training.sparkSession(), g, "features", "mixture", cfg.seed);
      r.alpha = g.alpha;
      r.beta = g.beta;
    } else {
      LDA lda = new LDA().setK(cfg.k).setMaxIter(cfg.maxIter).setOptimizer(cfg.optimizer)
          .setSeed(cfg.seed).setFeaturesCol("features").setTopicDistributionCol("mixture");
      if ("online".equals(cfg.optimizer)) {
        lda.setSubsamplingRate(cfg.subsamplingRate);
      }
      r.lda = lda.fit(training);
    }
    r.fitSeconds = (System.nanoTime() - t0) / 1e9;
    Row window = r.tokens.filter(size(col(TopicTokens.TOKENS)).gt(0)).agg(functions.min("date"), functions.max("date")).first();
    r.trainedFrom = window.isNullAt(0) ? null : window.getString(0);
    r.trainedTo = window.isNullAt(1) ? null : window.getString(1);
    describe(r, vectors, cfg, modelId);
    return r;
  }

  /** Applies a saved model to the articles: same tokens settings, vocabulary and topics as when it was fitted. */
  public static Result infer(Dataset<AnalyzedArticle> articles, Dataset<Mention> mentions, JobConfig.Topics cfg,
      ModelStore.Saved saved) {
    Result r = new Result();
    r.settings = saved.settings;
    r.features = saved.features;
    r.lda = saved.lda;
    r.vocabulary = saved.features.vocabulary();
    r.trainedFrom = saved.trainedFrom;
    r.trainedTo = saved.trainedTo;
    Dataset<Row> marked = TopicTokens.marked(articles, mentions, r.settings);
    r.tokens = TopicTokens.finish(marked, r.settings).persist(StorageLevel.MEMORY_AND_DISK());
    r.documents = r.tokens.filter(size(col(TopicTokens.TOKENS)).gt(0)).count();
    Dataset<Row> vectors = r.features.transform(r.tokens);
    describe(r, vectors, cfg, saved.modelId);
    return r;
  }

  private static UserDefinedFunction nonEmpty() {
    return functions.udf((UDF1<Vector, Boolean>) v -> v.numNonzeros() > 0, DataTypes.BooleanType);
  }

  /** Topic terms and labels, doc mixtures, coherence and perplexity of a model on the run's articles. */
  private static void describe(Result r, Dataset<Row> vectors, JobConfig.Topics cfg, String modelId) {
    List<TopicTerm> terms = new ArrayList<>();
    List<List<String>> top = new ArrayList<>();
    int n = Math.max(cfg.topTerms, cfg.coherence.topN);
    double[] phi = topicWord(r.lda);
    int k = r.lda.getK();
    int[][] described = heaviest(phi, k, n);
    for (int topic = 0; topic < k; topic++) {
      List<String> words = new ArrayList<>();
      for (int w : described[topic]) {
        words.add(r.vocabulary[w]);
      }
      top.add(words.subList(0, Math.min(cfg.coherence.topN, words.size())));
      r.labels.add(String.join(" / ", words.subList(0, Math.min(cfg.labelTerms, words.size()))));
    }
    for (int topic = 0; topic < k; topic++) {
      int[] idx = described[topic];
      for (int i = 0; i < Math.min(cfg.topTerms, idx.length); i++) {
        TopicTerm t = new TopicTerm();
        t.setModelId(modelId);
        t.setTopic(topic);
        t.setRank(i + 1);
        t.setTerm(r.vocabulary[idx[i]]);
        t.setWeight(phi[idx[i] * k + topic]);
        t.setLabel(r.labels.get(topic));
        terms.add(t);
      }
    }
    r.topics = r.tokens.sparkSession().createDataset(terms, TopicTerm.ENCODER);
    // one inference pass: the mixtures are kept for doc_topics and the perplexity is computed from
    // them. MLlib's logPerplexity ran inference twice more (its bound and its token count): 7.8 of
    // the sample's 60 s topics phase (event log, 2026-12-02)
    r.mixed = r.lda.transform(vectors).select("id", "date", "source", "features", "mixture")
        .persist(StorageLevel.MEMORY_AND_DISK());
    r.docTopics = r.mixed.map(new ToDocTopics(modelId), DocTopics.ENCODER);
    long scoredDocs = r.tokens.count();
    r.logPerplexity = r.documents == 0 ? Double.NaN : logPerplexity(r.mixed, phi);
    List<Coherence.Scores> scores = Coherence.compute(r.tokens, TopicTokens.TOKENS, top, cfg.coherence.window,
        Coherence.WindowMode.valueOf(cfg.coherence.windowMode.toUpperCase(Locale.ROOT)));
    for (int t = 0; t < scores.size(); t++) {
      TopicQuality q = new TopicQuality();
      q.setModelId(modelId);
      q.setTopic(t);
      q.setLabel(r.labels.get(t));
      q.setTopN(top.get(t).size());
      q.setWindow(cfg.coherence.window);
      q.setNpmiWindow(scores.get(t).npmiWindow);
      q.setNpmiDocument(scores.get(t).npmiDocument);
      q.setUmass(scores.get(t).umass);
      q.setLogPerplexity(r.logPerplexity);
      q.setDocuments(scoredDocs);
      r.qualityRows.add(q);
    }
    r.quality = r.tokens.sparkSession().createDataset(r.qualityRows, TopicQuality.ENCODER);
  }

  /** p(w | t) at w·k + t: the model's topics matrix (λ, or n_wt + β for Gibbs) with each topic normalised. */
  static double[] topicWord(LDAModel lda) {
    org.apache.spark.ml.linalg.Matrix m = lda.topicsMatrix();
    int v = m.numRows();
    int k = m.numCols();
    double[] out = new double[v * k];
    for (int t = 0; t < k; t++) {
      double sum = 0;
      for (int w = 0; w < v; w++) {
        sum += m.apply(w, t);
      }
      for (int w = 0; w < v; w++) {
        out[w * k + t] = m.apply(w, t) / sum;
      }
    }
    return out;
  }

  /**
   * Σ_w n_w · log Σ_t θ_t · p(w | t): the log-likelihood of one article's term counts under its
   * mixture θ and the topics ({@code phi} at w·k + t, {@link #topicWord}).
   */
  static double logLikelihood(Vector counts, double[] theta, double[] phi) {
    int k = theta.length;
    double ll = 0;
    org.apache.spark.ml.linalg.SparseVector c = counts.toSparse();
    for (int i = 0; i < c.indices().length; i++) {
      int w = c.indices()[i];
      double p = 0;
      for (int t = 0; t < k; t++) {
        p += theta[t] * phi[w * k + t];
      }
      ll += c.values()[i] * Math.log(p);
    }
    return ll;
  }

  /**
   * Per-token log-perplexity of the articles under their inferred mixtures, −Σ log-likelihood / Σ
   * terms, over rows with {@code features} (counts) and {@code mixture}; articles without a term
   * count for nothing. Lower is better.
   */
  static double logPerplexity(Dataset<Row> mixed, double[] phi) {
    org.apache.spark.broadcast.Broadcast<double[]> b = org.apache.spark.api.java.JavaSparkContext
        .fromSparkContext(mixed.sparkSession().sparkContext()).broadcast(phi);
    double[] sums = mixed.select("features", "mixture").javaRDD().map(row -> {
      Vector counts = (Vector) row.get(0);
      double n = 0;
      for (double x : counts.toSparse().values()) {
        n += x;
      }
      return n == 0 ? new double[] {0, 0} : new double[] {logLikelihood(counts, ((Vector) row.get(1)).toArray(), b.value()), n};
    }).fold(new double[] {0, 0}, (x, y) -> new double[] {x[0] + y[0], x[1] + y[1]});
    b.destroy();
    return sums[1] == 0 ? Double.NaN : -sums[0] / sums[1];
  }

  /** The top terms of each topic, in rank order (for coherence references and benchmarks). */
  public static List<List<String>> topTerms(Result r, int n) {
    List<List<String>> out = new ArrayList<>();
    for (int[] idx : heaviest(topicWord(r.lda), r.lda.getK(), n)) {
      List<String> words = new ArrayList<>();
      for (int w : idx) {
        words.add(r.vocabulary[w]);
      }
      out.add(words);
    }
    return out;
  }

  /**
   * Each topic's n heaviest terms by p(w | t) ({@code phi} at w·k + t, {@link #topicWord}), ties in
   * vocabulary order: what MLlib's describeTopics gives, without the Dataset of Scala tuples it builds,
   * whose first use loads Scala reflection (1.2 s of the sample's topics phase in a JFR profile, 2026-12-03).
   */
  static int[][] heaviest(double[] phi, int k, int n) {
    int v = phi.length / k;
    int[][] out = new int[k][];
    for (int t = 0; t < k; t++) {
      final int topic = t;
      out[t] = java.util.stream.IntStream.range(0, v).boxed()
          .sorted((a, b) -> {
            int c = Double.compare(phi[b * k + topic], phi[a * k + topic]);
            return c != 0 ? c : Integer.compare(a, b);
          })
          .limit(n).mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  private static Result skipped(Result r, Dataset<AnalyzedArticle> articles, String why) {
    r.skipped = why;
    r.topics = articles.sparkSession().emptyDataset(TopicTerm.ENCODER);
    r.docTopics = articles.sparkSession().emptyDataset(DocTopics.ENCODER);
    r.quality = articles.sparkSession().emptyDataset(TopicQuality.ENCODER);
    return r;
  }

  /** One article's mixture vector to a row. */
  static final class ToDocTopics implements MapFunction<Row, DocTopics> {
    private static final long serialVersionUID = 1L;
    private final String modelId;

    ToDocTopics(String modelId) {
      this.modelId = modelId;
    }

    @Override
    public DocTopics call(Row r) {
      DocTopics d = new DocTopics();
      d.setArticleId(r.getString(0));
      d.setDate(r.isNullAt(1) ? null : java.time.LocalDate.parse(r.getString(1)));
      d.setSource(r.getString(2));
      d.setModelId(modelId);
      Vector counts = (Vector) r.get(3);
      double[] mix = ((Vector) r.get(4)).toArray();
      double terms = 0;
      for (double v : counts.toSparse().values()) {
        terms += v;
      }
      d.setTerms((int) terms);
      if (counts.numNonzeros() == 0) {
        mix = new double[mix.length]; // no known term: no evidence for any topic
      }
      d.setMixture(mix);
      int best = -1;
      for (int i = 0; i < mix.length; i++) {
        if (mix[i] > 0 && (best < 0 || mix[i] > mix[best])) {
          best = i;
        }
      }
      if (best >= 0 && counts.numNonzeros() > 0) {
        d.setDominantTopic(best);
        d.setDominantWeight(mix[best]);
      }
      return d;
    }
  }

  /** Stop words from `builtin:NAME` (conf/stopwords/NAME.txt) or a file: one per line, # comments. */
  public static String[] stopWords(String ref) {
    List<String> out = new ArrayList<>();
    try (InputStream in = Resources.open(ref, "stopwords/", ".txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          out.add(w.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read stop words " + ref + ": " + e.getMessage(), e);
    }
    return out.toArray(new String[0]);
  }
}
