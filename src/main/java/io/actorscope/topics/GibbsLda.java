package io.actorscope.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.mllib.linalg.Matrices;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * LDA by collapsed Gibbs sampling on Spark (AD-LDA, Newman, Asuncion, Smyth and Welling 2009):
 * the documents stay in their partitions ({@link GibbsShard}, one per partition, cached), each
 * partition samples its tokens' topics for a round of sweeps (one during the {@code burnIn} sweeps,
 * {@code syncEvery} after them, {@link #sweepsInRound}) against a broadcast copy of the topic-word
 * counts, and the count changes are merged on the driver after every round. The
 * driver holds only the k × V topic-word counts (bounded by topics.vocab_size · k ints) and the
 * per-partition deltas of one round; the corpus is never collected. Cost per sweep is linear in the
 * tokens (SparseLDA buckets, see {@link GibbsShard}). After {@code burnIn} sweeps, every
 * {@code optimizeInterval} sweeps the symmetric β, and the document-topic α as {@link Alpha} says,
 * are set to their maximum-likelihood values given the current assignments ({@link Dirichlet}), as
 * MALLET's ParallelTopicModel does.
 *
 * <p>The result is an MLlib {@link LocalLDAModel} whose topics matrix holds n_wt + β for word w and
 * topic t (the posterior Dirichlet parameters of each topic's word distribution, which is what
 * MLlib's variational inference reads as λ), docConcentration α and topicConcentration β, so it is
 * saved, loaded and applied to new articles by MLlib like any other LDA model.
 */
public final class GibbsLda {

  /** Sampler settings (topics.gibbs.*); validated by {@link #validate}. */
  public record Settings(int iterations, int syncEvery, int burnIn, int optimizeInterval, Alpha optimizeAlpha,
      double alphaShrinkage, double alphaSum, double beta, long seed) implements java.io.Serializable {
    public Settings {
      validate(iterations, syncEvery, burnIn, optimizeInterval, alphaShrinkage, alphaSum, beta);
      java.util.Objects.requireNonNull(optimizeAlpha, "topics.gibbs.optimize_alpha");
    }

    /** These settings for a fit of {@code sweeps} sweeps, burn-in at most half of them (topics sweep). */
    public Settings withIterations(int sweeps) {
      return new Settings(sweeps, syncEvery, Math.min(burnIn, sweeps / 2), optimizeInterval, optimizeAlpha,
          alphaShrinkage, alphaSum, beta, seed);
    }
  }

  /**
   * topics.gibbs.optimize_alpha: what the hyperparameter optimisation does to the document-topic α
   * (β is always fitted). MALLET's --optimize-interval fits an asymmetric α; with --use-symmetric-alpha
   * one α shared by all topics.
   */
  public enum Alpha {
    /** one α_t per topic, each fitted */
    ASYMMETRIC,
    /** one α for all topics, fitted */
    SYMMETRIC,
    /** α stays alpha_sum / k */
    NONE;

    public static Alpha parse(String s) {
      for (Alpha a : values()) {
        if (a.name().toLowerCase(java.util.Locale.ROOT).equals(s)) {
          return a;
        }
      }
      throw new IllegalArgumentException("topics.gibbs.optimize_alpha unknown value '" + s + "' (one of asymmetric, symmetric, none)");
    }
  }

  /** The fitted sampler's state: counts and hyperparameters. */
  public static final class Fitted {
    public int k;
    public int vocab;
    /** n_wt at w·k + t. */
    public int[] wordTopic;
    public int[] topicTotals;
    public double[] alpha;
    public double beta;
    public int sweeps;
    public int rounds;
    public int partitions;
    public long tokens;
  }

  private GibbsLda() {}

  /** The checks behind {@link Settings}, as messages naming the key (ConfigLoader reports them). */
  public static void validate(int iterations, int syncEvery, int burnIn, int optimizeInterval, double alphaShrinkage,
      double alphaSum, double beta) {
    if (iterations < 1) {
      throw new IllegalArgumentException("topics.gibbs.iterations must be >= 1");
    }
    if (syncEvery < 1) {
      throw new IllegalArgumentException("topics.gibbs.sync_every must be >= 1");
    }
    if (burnIn < 0) {
      throw new IllegalArgumentException("topics.gibbs.burn_in must be >= 0");
    }
    if (optimizeInterval < 0) {
      throw new IllegalArgumentException("topics.gibbs.optimize_interval must be >= 0 (0 = keep alpha and beta)");
    }
    if (!(alphaShrinkage >= 0 && alphaShrinkage <= 1)) {
      throw new IllegalArgumentException("topics.gibbs.alpha_shrinkage must be between 0 and 1");
    }
    if (!(alphaSum > 0)) {
      throw new IllegalArgumentException("topics.gibbs.alpha_sum must be > 0");
    }
    if (!(beta > 0)) {
      throw new IllegalArgumentException("topics.gibbs.beta must be > 0");
    }
  }

  /** Samples topics for the count vectors of column {@code featuresCol} (vocabulary of {@code vocab} words). */
  public static Fitted fit(Dataset<Row> training, String featuresCol, int k, int vocab, Settings s) {
    if ((long) vocab * k > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("topics.vocab_size × topics.k too large for the Gibbs sampler: " + vocab + " × " + k);
    }
    SparkSession spark = training.sparkSession();
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Vector> vectors = training.select(featuresCol).javaRDD().map(r -> (Vector) r.get(0));
    int partitions = Math.max(1, sc.defaultParallelism());
    if (vectors.getNumPartitions() != partitions) {
      vectors = vectors.repartition(partitions);
    }
    long seed = s.seed();
    JavaRDD<GibbsShard> state = vectors.mapPartitionsWithIndex((index, it) -> {
      List<GibbsShard> one = new ArrayList<>(1);
      one.add(shard(it, k, vocab, seed * 1_000_003L + index));
      return one.iterator();
    }, true).persist(StorageLevel.MEMORY_AND_DISK());
    state.rdd().localCheckpoint();

    Fitted f = new Fitted();
    f.k = k;
    f.vocab = vocab;
    f.wordTopic = new int[vocab * k];
    f.topicTotals = new int[k];
    f.alpha = new double[k];
    Arrays.fill(f.alpha, s.alphaSum() / k);
    f.beta = s.beta();
    f.partitions = partitions;
    for (int[] d : state.map(sh -> sh.delta).collect()) {
      apply(f, d);
    }
    for (int t : f.topicTotals) {
      f.tokens += t;
    }
    int done = 0;
    int round = 0;
    // a round's shards are computed by a closure holding its broadcast, and the next round's tasks
    // carry that (checkpointed) RDD object along: a broadcast is destroyed one round later
    Broadcast<GibbsShard.Global> previous = null;
    while (done < s.iterations()) {
      int sweeps = sweepsInRound(s, done);
      int end = done + sweeps;
      boolean optimize = s.optimizeInterval() > 0 && end > s.burnIn()
          && end / s.optimizeInterval() > done / s.optimizeInterval();
      // the document-topic histograms are only needed to fit alpha
      boolean optimizeAlpha = optimize && s.optimizeAlpha() != Alpha.NONE;
      Broadcast<GibbsShard.Global> g = sc.broadcast(
          new GibbsShard.Global(k, vocab, f.wordTopic.clone(), f.topicTotals.clone(), f.alpha.clone(), f.beta));
      long roundSeed = seed + 7919L * (round + 1);
      JavaRDD<GibbsShard> next = state.mapPartitionsWithIndex((index, it) -> {
        List<GibbsShard> out = new ArrayList<>(1);
        while (it.hasNext()) {
          out.add(it.next().sample(g.value(), sweeps, roundSeed * 31 + index, optimizeAlpha));
        }
        return out.iterator();
      }, true).persist(StorageLevel.MEMORY_AND_DISK());
      // each round's shards replace the last ones: cut the lineage so it does not grow with the rounds
      next.rdd().localCheckpoint();
      List<GibbsShard.Summary> summaries = next.map(GibbsShard.Summary::of).collect();
      for (GibbsShard.Summary sum : summaries) {
        apply(f, sum.delta);
      }
      if (optimize) {
        optimize(f, summaries, s.optimizeAlpha(), s.alphaShrinkage());
      }
      state.unpersist(false);
      if (previous != null) {
        previous.destroy();
      }
      previous = g;
      state = next;
      done = end;
      round++;
    }
    state.unpersist(false);
    if (previous != null) {
      previous.destroy();
    }
    f.sweeps = done;
    f.rounds = round;
    return f;
  }

  /**
   * Sweeps of the round that starts after {@code done} sweeps: one during burn-in, then
   * {@code syncEvery}, never past the iterations. While the topics are
   * still forming, partitions that sample many sweeps apart from a random start each form their own
   * topics under the same numbers, and the merge adds up different topics into one (BBC at seed 42:
   * sport and entertainment in one topic, purity 0.755); merged after every sweep, as MALLET's threads
   * are, the partitions keep sampling the same topics. After burn-in the topics are settled and
   * {@code syncEvery} saves the jobs.
   */
  static int sweepsInRound(Settings s, int done) {
    int left = s.iterations() - done;
    if (done < s.burnIn()) {
      return Math.min(1, left);
    }
    return Math.min(s.syncEvery(), left);
  }

  /** The fitted counts as an MLlib model: topics matrix n_wt + β (V × k), docConcentration α, topicConcentration β. */
  public static LocalLDAModel toModel(SparkSession spark, Fitted f, String featuresCol, String mixtureCol, long seed) {
    double[] values = new double[f.vocab * f.k];
    for (int w = 0; w < f.vocab; w++) {
      for (int t = 0; t < f.k; t++) {
        values[t * f.vocab + w] = f.wordTopic[w * f.k + t] + f.beta;
      }
    }
    org.apache.spark.mllib.clustering.LocalLDAModel old = new org.apache.spark.mllib.clustering.LocalLDAModel(
        Matrices.dense(f.vocab, f.k, values), Vectors.dense(f.alpha), f.beta, 100.0);
    LocalLDAModel m = new LocalLDAModel(Identifiable.randomUID("lda"), f.vocab, old, spark);
    ParamMap p = new ParamMap()
        .put(m.k(), f.k)
        .put(m.seed(), seed)
        .put(m.featuresCol(), featuresCol)
        .put(m.topicDistributionCol(), mixtureCol)
        .put(m.docConcentration(), f.alpha.clone())
        .put(m.topicConcentration(), f.beta);
    return m.copy(p);
  }

  private static GibbsShard shard(Iterator<Vector> it, int k, int vocab, long seed) {
    List<int[]> docs = new ArrayList<>();
    long tokens = 0;
    while (it.hasNext()) {
      SparseVector v = it.next().toSparse();
      int n = 0;
      for (double c : v.values()) {
        n += (int) Math.round(c);
      }
      int[] words = new int[n];
      int j = 0;
      for (int i = 0; i < v.indices().length; i++) {
        for (int c = (int) Math.round(v.values()[i]); c > 0; c--) {
          words[j++] = v.indices()[i];
        }
      }
      docs.add(words);
      tokens += n;
    }
    int[] start = new int[docs.size() + 1];
    int[] words = new int[Math.toIntExact(tokens)];
    int at = 0;
    for (int d = 0; d < docs.size(); d++) {
      start[d] = at;
      System.arraycopy(docs.get(d), 0, words, at, docs.get(d).length);
      at += docs.get(d).length;
    }
    start[docs.size()] = at;
    // tokens in vocabulary order within a document would sample all copies of a word in a row
    shuffleWithinDocuments(start, words, seed);
    return GibbsShard.initial(start, words, k, vocab, seed);
  }

  private static void shuffleWithinDocuments(int[] start, int[] words, long seed) {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int d = 0; d + 1 < start.length; d++) {
      for (int i = start[d + 1] - 1; i > start[d]; i--) {
        int j = start[d] + rnd.nextInt(i - start[d] + 1);
        int tmp = words[i];
        words[i] = words[j];
        words[j] = tmp;
      }
    }
  }

  private static void apply(Fitted f, int[] delta) {
    for (int i = 0; i < delta.length; i += 2) {
      f.wordTopic[delta[i]] += delta[i + 1];
      f.topicTotals[delta[i] % f.k] += delta[i + 1];
    }
  }

  /** α given the round's document-topic histograms (summed over the partitions), as {@code mode} says. */
  private static double[] optimizedAlpha(Fitted f, List<GibbsShard.Summary> summaries, Alpha mode, double shrinkage) {
    int maxLength = 0;
    for (GibbsShard.Summary s : summaries) {
      maxLength = Math.max(maxLength, s.docLengths.length);
    }
    long[] lengths = new long[maxLength];
    long[][] topicDocs = new long[f.k][maxLength];
    for (GibbsShard.Summary s : summaries) {
      for (int n = 0; n < s.docLengths.length; n++) {
        lengths[n] += s.docLengths[n];
        for (int t = 0; t < f.k; t++) {
          topicDocs[t][n] += s.topicDocs[t][n];
        }
      }
    }
    if (mode == Alpha.ASYMMETRIC) {
      return shrink(Dirichlet.optimizeAlpha(f.alpha, topicDocs, lengths, 1.001, 1.0, 5), shrinkage);
    }
    // one concentration over k components, fitted as β is over V words: the cells are the
    // document-topic counts, the groups the documents
    long[] cells = new long[maxLength];
    for (long[] h : topicDocs) {
      for (int n = 0; n < maxLength; n++) {
        cells[n] += h[n];
      }
    }
    double[] a = new double[f.k];
    java.util.Arrays.fill(a, Dirichlet.optimizeBeta(f.alpha[0], cells, lengths, f.k, 200));
    return a;
  }

  /**
   * Each α_t moved {@code fraction} of the way to the topics' mean α (the sum is kept). Why: fitted
   * alone, the α of a topic of words every document uses (on UN speeches "see want come know
   * never") grows to twice the others', and the topic becomes the dominant one of a quarter of the
   * speeches (25.7 %); halfway to the mean, of 22.9 % (README, "The Gibbs sampler").
   */
  static double[] shrink(double[] alpha, double fraction) {
    double mean = 0;
    for (double a : alpha) {
      mean += a;
    }
    mean /= alpha.length;
    double[] out = new double[alpha.length];
    for (int t = 0; t < alpha.length; t++) {
      out[t] = alpha[t] + fraction * (mean - alpha[t]);
    }
    return out;
  }

  private static void optimize(Fitted f, List<GibbsShard.Summary> summaries, Alpha alpha, double shrinkage) {
    if (alpha != Alpha.NONE) {
      f.alpha = optimizedAlpha(f, summaries, alpha, shrinkage);
    }
    int maxCount = 0;
    for (int c : f.wordTopic) {
      maxCount = Math.max(maxCount, c);
    }
    long[] counts = new long[maxCount + 1];
    for (int c : f.wordTopic) {
      counts[c]++;
    }
    int maxTopic = 0;
    for (int c : f.topicTotals) {
      maxTopic = Math.max(maxTopic, c);
    }
    long[] sizes = new long[maxTopic + 1];
    for (int c : f.topicTotals) {
      sizes[c]++;
    }
    f.beta = Dirichlet.optimizeBeta(f.beta, counts, sizes, f.vocab, 200);
  }
}
