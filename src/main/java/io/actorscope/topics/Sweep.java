package io.actorscope.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import io.actorscope.actors.Mention;
import io.actorscope.config.JobConfig;
import io.actorscope.text.AnalyzedArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * A sweep over k and optimizer settings on one corpus. The tokens and the vocabulary are prepared
 * once; each setting fits LDA on the training part (1 − held_out of the articles with terms) and is
 * scored by its log-perplexity on the held-out part and by the coherence of its topics over all
 * articles.
 *
 * <p><b>Rule for k</b>: the setting with the highest mean sliding-window NPMI; among settings within
 * {@link #TOLERANCE} of that best mean, the smallest k (the fewer, broader topics an analyst can
 * read), then the lowest held-out log-perplexity. Perplexity alone keeps improving with k, so it only
 * breaks ties.
 */
public final class Sweep {
  public static final double TOLERANCE = 0.01;

  /** One setting's scores. */
  public static final class Row1 {
    public int k;
    public String optimizer;
    public int maxIter;
    public double subsamplingRate;
    public double seconds;
    public double heldOutLogPerplexity;
    public double meanNpmiWindow;
    public double meanNpmiDocument;
    public double meanUmass;
    public double minNpmiWindow;
    public boolean chosen;
  }

  private Sweep() {}

  public static List<Row1> run(Dataset<AnalyzedArticle> articles, Dataset<Mention> mentions, JobConfig.Topics cfg,
      int minTermLength, List<Integer> ks, List<String> optimizers, List<Integer> maxIters, List<Double> rates,
      double heldOut) {
    return run(articles, mentions, cfg, minTermLength, ks, optimizers, maxIters, rates, heldOut, r -> { });
  }

  /** As above, handing each setting's row to {@code progress} as soon as it is scored. */
  public static List<Row1> run(Dataset<AnalyzedArticle> articles, Dataset<Mention> mentions, JobConfig.Topics cfg,
      int minTermLength, List<Integer> ks, List<String> optimizers, List<Integer> maxIters, List<Double> rates,
      double heldOut, java.util.function.Consumer<Row1> progress) {
    TopicTokens.Settings s = TopicModeler.settings(cfg, minTermLength);
    Dataset<Row> marked = TopicTokens.marked(articles, mentions, s).persist(StorageLevel.MEMORY_AND_DISK());
    if (cfg.bigrams.enabled) {
      s.bigrams = TopicTokens.learnBigrams(marked, cfg.bigrams.minCount, cfg.bigrams.minNpmi, cfg.bigrams.max);
    }
    Dataset<Row> tokens = TopicTokens.finish(marked, s).persist(StorageLevel.MEMORY_AND_DISK());
    tokens.count();
    marked.unpersist();
    CountVectorizerModel features = new CountVectorizer().setInputCol(TopicTokens.TOKENS).setOutputCol("features")
        .setVocabSize(cfg.vocabSize).setMinDF(cfg.minDf).setMaxDF(cfg.maxDf).fit(tokens);
    String[] vocab = features.vocabulary();
    Dataset<Row> vectors = features.transform(tokens.filter(size(col(TopicTokens.TOKENS)).gt(0)))
        .filter(functions.udf((UDF1<Vector, Boolean>) v -> v.numNonzeros() > 0, DataTypes.BooleanType).apply(col("features")));
    Dataset<Row>[] split = vectors.randomSplit(new double[] {1 - heldOut, heldOut}, cfg.seed);
    Dataset<Row> train = split[0].persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> test = split[1].persist(StorageLevel.MEMORY_AND_DISK());
    List<Row1> out = new ArrayList<>();
    for (String opt : optimizers) {
      for (int iters : maxIters) {
        for (double rate : "online".equals(opt) ? rates : List.of(Double.NaN)) {
          for (int k : ks) {
            long t0 = System.nanoTime();
            LDAModel m;
            if (TopicModeler.GIBBS.equals(opt)) {
              // max_iter is the number of sweeps here
              GibbsLda.Settings gs = TopicModeler.gibbs(cfg).withIterations(iters);
              m = GibbsLda.toModel(train.sparkSession(), GibbsLda.fit(train, "features", k, vocab.length, gs),
                  "features", "mixture", cfg.seed);
            } else {
              LDA lda = new LDA().setK(k).setMaxIter(iters).setOptimizer(opt).setSeed(cfg.seed)
                  .setFeaturesCol("features").setTopicDistributionCol("mixture");
              if ("online".equals(opt)) {
                lda.setSubsamplingRate(rate);
              }
              m = lda.fit(train);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<List<String>> top = new ArrayList<>();
            List<Row> d = new ArrayList<>(m.describeTopics(cfg.coherence.topN).collectAsList());
            for (Row r : d) {
              List<String> w = new ArrayList<>();
              for (Object i : r.getList(1)) {
                w.add(vocab[(Integer) i]);
              }
              top.add(w);
            }
            List<Coherence.Scores> sc = Coherence.compute(tokens, TopicTokens.TOKENS, top, cfg.coherence.window,
                Coherence.WindowMode.valueOf(cfg.coherence.windowMode.toUpperCase(Locale.ROOT)));
            Row1 row = new Row1();
            row.k = k;
            row.optimizer = opt;
            row.maxIter = iters;
            row.subsamplingRate = rate;
            row.seconds = seconds;
            row.heldOutLogPerplexity = m.logPerplexity(test);
            row.meanNpmiWindow = sc.stream().mapToDouble(x -> x.npmiWindow).average().orElse(Double.NaN);
            row.meanNpmiDocument = sc.stream().mapToDouble(x -> x.npmiDocument).average().orElse(Double.NaN);
            row.meanUmass = sc.stream().mapToDouble(x -> x.umass).average().orElse(Double.NaN);
            row.minNpmiWindow = sc.stream().mapToDouble(x -> x.npmiWindow).min().orElse(Double.NaN);
            out.add(row);
            progress.accept(row);
          }
        }
      }
    }
    choose(out);
    train.unpersist();
    test.unpersist();
    tokens.unpersist();
    return out;
  }

  /** Marks the chosen setting by the rule in the class comment. */
  public static void choose(List<Row1> rows) {
    double best = rows.stream().mapToDouble(r -> r.meanNpmiWindow).max().orElse(Double.NaN);
    Row1 pick = null;
    for (Row1 r : rows) {
      if (r.meanNpmiWindow >= best - TOLERANCE && (pick == null || r.k < pick.k
          || (r.k == pick.k && r.heldOutLogPerplexity < pick.heldOutLogPerplexity))) {
        pick = r;
      }
    }
    if (pick != null) {
      pick.chosen = true;
    }
  }

  public static final String HEADER = "| k | optimizer | max_iter | subsampling | fit s | held-out log-perplexity | mean NPMI (window) | min NPMI (window) | mean NPMI (doc) | mean UMass | chosen |\n"
      + "|---|---|---|---|---|---|---|---|---|---|---|\n";

  public static String table(List<Row1> rows) {
    StringBuilder b = new StringBuilder(HEADER);
    for (Row1 r : rows) {
      b.append(line(r));
    }
    return b.toString();
  }

  public static String line(Row1 r) {
    return String.format(Locale.ROOT, "| %d | %s | %d | %s | %.1f | %.3f | %.4f | %.4f | %.4f | %.3f | %s |%n", r.k, r.optimizer,
        r.maxIter, Double.isNaN(r.subsamplingRate) ? "-" : String.valueOf(r.subsamplingRate), r.seconds,
        r.heldOutLogPerplexity, r.meanNpmiWindow, r.minNpmiWindow, r.meanNpmiDocument, r.meanUmass, r.chosen ? "**yes**" : "");
  }
}
