package io.actorscope.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The sampler on a planted corpus: two disjoint vocabularies (words 0-9 and 10-19), 30 documents
 * drawn from the first alone, 30 from the second alone, 30 from both in proportion 0.75 / 0.25.
 */
class GibbsLdaTest {
  static final int V = 20;

  private static Dataset<Row> corpus(SparkSession spark) {
    Random rnd = new Random(3);
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < 90; d++) {
      double pFirst = d < 30 ? 1.0 : d < 60 ? 0.0 : 0.75;
      double[] counts = new double[V];
      for (int i = 0; i < 80; i++) {
        int base = rnd.nextDouble() < pFirst ? 0 : 10;
        counts[base + rnd.nextInt(10)]++;
      }
      rows.add(RowFactory.create(d, Vectors.dense(counts).compressed()));
    }
    StructType schema = new StructType().add("doc", DataTypes.IntegerType).add("features", new VectorUDT());
    return spark.createDataFrame(rows, schema);
  }

  @Test
  void recoversPlantedTopicsAndTheirProportions() {
    SparkSession spark = SharedSpark.spark();
    Dataset<Row> data = corpus(spark);
    GibbsLda.Settings s = new GibbsLda.Settings(200, 5, 50, 10, GibbsLda.Alpha.ASYMMETRIC, 0.0, 1.0, 0.01, 42);
    GibbsLda.Fitted f = GibbsLda.fit(data, "features", 2, V, s);
    assertEquals(200, f.sweeps);
    // 50 burn-in rounds of one sweep, then 150 / 5 rounds of five
    assertEquals(80, f.rounds);
    assertEquals(90 * 80, f.tokens);
    long total = 0;
    for (int c : f.wordTopic) {
      total += c;
    }
    assertEquals(90 * 80, total); // the merged deltas add up to one topic per token
    // each topic holds (nearly) all tokens of one vocabulary and (nearly) none of the other
    int first = f.wordTopic[0] > f.wordTopic[1] ? 0 : 1;
    long inFirst = 0;
    long stray = 0;
    for (int w = 0; w < V; w++) {
      int own = w < 10 ? first : 1 - first;
      inFirst += w < 10 ? f.wordTopic[w * 2 + first] : 0;
      stray += f.wordTopic[w * 2 + (1 - own)];
    }
    assertTrue(stray < 0.02 * total, "tokens in the other vocabulary's topic: " + stray);
    // 30 + 0.75 · 30 documents' worth of first-vocabulary tokens: 52.5 · 80 = 4200 expected
    assertEquals(4200, inFirst, 150);
    // the optimised alpha stays proper and beta small (a word belongs to one topic here)
    assertTrue(f.alpha[0] > 0 && f.alpha[1] > 0);
    assertTrue(f.beta < 0.5, "beta " + f.beta);

    LocalLDAModel model = GibbsLda.toModel(spark, f, "features", "mixture", 42);
    List<Row> mixed = model.transform(data).select("doc", "mixture").collectAsList();
    for (Row r : mixed) {
      int d = r.getInt(0);
      double theta = ((Vector) r.get(1)).apply(first);
      double expected = d < 30 ? 1.0 : d < 60 ? 0.0 : 0.75;
      assertEquals(expected, theta, 0.12, "document " + d);
    }
    // topics matrix holds n_wt + beta, so its normalised column is the topic's word distribution
    double col = 0;
    for (int w = 0; w < V; w++) {
      col += model.topicsMatrix().apply(w, first);
    }
    assertEquals(f.topicTotals[first] + V * f.beta, col, 1e-6);
  }

  @Test
  void roundsAreOneSweepDuringBurnInThenSyncEvery() {
    GibbsLda.Settings s = new GibbsLda.Settings(25, 10, 3, 10, GibbsLda.Alpha.ASYMMETRIC, 0.0, 1.0, 0.01, 1);
    // 1 + 1 + 1 burn-in sweeps, then 10 + 10, then the 2 left
    int[] expected = {1, 1, 1, 10, 10, 2};
    int done = 0;
    for (int sweeps : expected) {
      assertEquals(sweeps, GibbsLda.sweepsInRound(s, done), "round after " + done + " sweeps");
      done += sweeps;
    }
    assertEquals(25, done);
    GibbsLda.Settings none = new GibbsLda.Settings(7, 4, 0, 0, GibbsLda.Alpha.ASYMMETRIC, 0.0, 1.0, 0.01, 1);
    assertEquals(4, GibbsLda.sweepsInRound(none, 0));
    assertEquals(3, GibbsLda.sweepsInRound(none, 4));
  }

  /**
   * Four planted topics on disjoint vocabularies (words 15p .. 15p+14 for topic p), 120 one-topic
   * documents of 40 tokens, topics interleaved so that both partitions hold all four. Sampled apart
   * for the first 30 sweeps, each partition would form the four topics under its own numbering, and
   * the merge would add different planted topics into one fitted topic (24 numberings, one of them
   * right); merged after every burn-in sweep, every seed must give each planted topic its own fitted
   * topic holding nearly all of its tokens.
   */
  @Test
  void separatesPlantedTopicsFromSeveralSeeds() {
    SparkSession spark = SharedSpark.spark();
    int planted = 4;
    int words = 15;
    Random rnd = new Random(11);
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < 120; d++) {
      double[] counts = new double[planted * words];
      for (int i = 0; i < 40; i++) {
        counts[(d % planted) * words + rnd.nextInt(words)]++;
      }
      rows.add(RowFactory.create(d, Vectors.dense(counts).compressed()));
    }
    StructType schema = new StructType().add("doc", DataTypes.IntegerType).add("features", new VectorUDT());
    Dataset<Row> data = spark.createDataFrame(rows, schema).repartition(2);
    for (long seed = 1; seed <= 4; seed++) {
      GibbsLda.Settings s = new GibbsLda.Settings(60, 30, 30, 10, GibbsLda.Alpha.ASYMMETRIC, 0.0, 1.0, 0.01, seed);
      GibbsLda.Fitted f = GibbsLda.fit(data, "features", planted, planted * words, s);
      boolean[] taken = new boolean[planted];
      long onOwn = 0;
      for (int p = 0; p < planted; p++) {
        long[] byTopic = new long[planted];
        for (int w = p * words; w < (p + 1) * words; w++) {
          for (int t = 0; t < planted; t++) {
            byTopic[t] += f.wordTopic[w * planted + t];
          }
        }
        int best = 0;
        for (int t = 1; t < planted; t++) {
          if (byTopic[t] > byTopic[best]) {
            best = t;
          }
        }
        assertTrue(!taken[best], "seed " + seed + ": planted topic " + p + " shares fitted topic " + best);
        taken[best] = true;
        onOwn += byTopic[best];
      }
      // 120 · 40 = 4800 tokens; a separated fit leaves only smoothing noise off the own topic
      assertTrue(onOwn >= 0.97 * 4800, "seed " + seed + ": tokens on their planted topic's fitted topic " + onOwn);
    }
  }

  /**
   * topics.gibbs.optimize_alpha none: alpha stays alpha_sum / k in every topic while beta is still
   * fitted; symmetric: one alpha for both topics, below the starting 0.5 since two documents in three
   * hold one topic only; asymmetric: the fitted alpha follows the planted proportions (52.5
   * documents' worth of the first vocabulary against 37.5 of the second), so the first topic's is the larger.
   */
  @Test
  void alphaAsOptimiseAlphaSays() {
    SparkSession spark = SharedSpark.spark();
    Dataset<Row> data = corpus(spark);
    GibbsLda.Fitted fixed = GibbsLda.fit(data, "features", 2, V, new GibbsLda.Settings(80, 5, 20, 10, GibbsLda.Alpha.NONE, 0.0, 1.0, 0.01, 42));
    assertEquals(0.5, fixed.alpha[0], 0);
    assertEquals(0.5, fixed.alpha[1], 0);
    assertTrue(fixed.beta != 0.01 && fixed.beta < 0.5, "beta " + fixed.beta);
    GibbsLda.Fitted shared = GibbsLda.fit(data, "features", 2, V, new GibbsLda.Settings(80, 5, 20, 10, GibbsLda.Alpha.SYMMETRIC, 0.0, 1.0, 0.01, 42));
    assertEquals(shared.alpha[0], shared.alpha[1], 0);
    assertTrue(shared.alpha[0] < 0.5, "alpha " + shared.alpha[0]);
    GibbsLda.Fitted fitted = GibbsLda.fit(data, "features", 2, V, new GibbsLda.Settings(80, 5, 20, 10, GibbsLda.Alpha.ASYMMETRIC, 0.0, 1.0, 0.01, 42));
    int first = fitted.wordTopic[0] > fitted.wordTopic[1] ? 0 : 1;
    assertTrue(fitted.alpha[first] > fitted.alpha[1 - first], java.util.Arrays.toString(fitted.alpha));
  }

  /** alpha_shrinkage: 0 keeps the fitted values, 1 gives every topic their mean, 0.5 halves each one's distance to it. */
  @Test
  void shrinkageMovesEachAlphaTowardTheirMean() {
    double[] fitted = {0.1, 0.2, 0.6};
    assertArrayEquals(fitted, GibbsLda.shrink(fitted, 0), 0);
    assertArrayEquals(new double[] {0.3, 0.3, 0.3}, GibbsLda.shrink(fitted, 1), 1e-15);
    assertArrayEquals(new double[] {0.2, 0.25, 0.45}, GibbsLda.shrink(fitted, 0.5), 1e-15);
    // and through a fit: the planted corpus's two alphas end nearer each other than unshrunk
    SparkSession spark = SharedSpark.spark();
    Dataset<Row> data = corpus(spark);
    GibbsLda.Fitted free = GibbsLda.fit(data, "features", 2, V, new GibbsLda.Settings(80, 5, 20, 10, GibbsLda.Alpha.ASYMMETRIC, 0.0, 1.0, 0.01, 42));
    GibbsLda.Fitted half = GibbsLda.fit(data, "features", 2, V, new GibbsLda.Settings(80, 5, 20, 10, GibbsLda.Alpha.ASYMMETRIC, 0.5, 1.0, 0.01, 42));
    double ratioFree = Math.max(free.alpha[0], free.alpha[1]) / Math.min(free.alpha[0], free.alpha[1]);
    double ratioHalf = Math.max(half.alpha[0], half.alpha[1]) / Math.min(half.alpha[0], half.alpha[1]);
    assertTrue(ratioFree > 1.05 && ratioHalf < ratioFree, ratioFree + " " + ratioHalf);
  }

  @Test
  void theSameSeedGivesTheSameCounts() {
    SparkSession spark = SharedSpark.spark();
    Dataset<Row> data = corpus(spark);
    GibbsLda.Settings s = new GibbsLda.Settings(30, 10, 10, 10, GibbsLda.Alpha.ASYMMETRIC, 0.0, 1.0, 0.01, 7);
    GibbsLda.Fitted a = GibbsLda.fit(data, "features", 2, V, s);
    GibbsLda.Fitted b = GibbsLda.fit(data, "features", 2, V, s);
    assertEquals(java.util.Arrays.toString(a.wordTopic), java.util.Arrays.toString(b.wordTopic));
    assertEquals(a.beta, b.beta, 0);
  }
}
