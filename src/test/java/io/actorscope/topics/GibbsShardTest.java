package io.actorscope.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GibbsShardTest {

  /**
   * A document of one token: with the token taken out, the rest of the counts are the same whatever
   * topic it holds, so every draw is from the same conditional p(t) ∝ α_t (β + n_wt) / (n_t + Vβ),
   * worked out here from the counts. Both ways of drawing (dense and SparseLDA's buckets) must
   * give it.
   */
  @ParameterizedTest
  @CsvSource({"4, true", "4, false", "20, true", "20, false"})
  void aTokenIsDrawnFromItsConditional(int k, boolean dense) {
    int vocab = 3;
    int word = 1;
    int[] totals = new int[k];
    // a few topics without the word, so the buckets' sparse lists are short
    int[] wordTopic = counts(k, vocab, k, 40, (w, t) -> w == word && t % 3 == 0, totals);
    double[] alpha = alpha(k);
    int start = 2; // the token's topic: counted in the global state like every other token
    wordTopic[word * k + start]++;
    totals[start]++;
    double beta = 0.1;
    double[] expected = new double[k];
    double sum = 0;
    for (int t = 0; t < k; t++) {
      int nwt = wordTopic[word * k + t] - (t == start ? 1 : 0);
      int nt = totals[t] - (t == start ? 1 : 0);
      expected[t] = alpha[t] * (beta + nwt) / (nt + vocab * beta);
      sum += expected[t];
    }
    GibbsShard.Global g = new GibbsShard.Global(k, vocab, wordTopic, totals, alpha, beta);
    int[] words = {word};
    int[] z = {start};
    GibbsShard.Sampler s = new GibbsShard.Sampler(g, words, dense);
    assertEquals(dense, s.dense);
    GibbsShard.Delta delta = new GibbsShard.Delta(vocab * k);
    int draws = 200_000;
    int[] seen = new int[k];
    SplittableRandom draw = new SplittableRandom(7);
    for (int i = 0; i < draws; i++) {
      s.sampleDocument(words, z, 0, 1, draw, delta);
      seen[z[0]]++;
    }
    for (int t = 0; t < k; t++) {
      double p = expected[t] / sum;
      double sd = Math.sqrt(draws * p * (1 - p));
      assertTrue(Math.abs(seen[t] - draws * p) < 5 * sd + 1,
          "topic " + t + ": " + seen[t] + " draws, expected " + draws * p);
    }
  }

  /**
   * A document of two tokens of different words, sampled sweep after sweep: the pair of topics
   * (a, b) must follow the collapsed joint p(a, b) ∝ α_a (α_b + [a = b]) (β + n_{w0,a}) (β + n_{w1,b})
   * / ((n_a + Vβ)(n_b + Vβ + [a = b])), n counted without the two tokens. This is the one that
   * checks the document's own counts (and SparseLDA's document bucket).
   */
  @ParameterizedTest
  @CsvSource({"4, true", "4, false", "20, true", "20, false"})
  void twoTokensFollowTheCollapsedJoint(int k, boolean dense) {
    int vocab = 3;
    int[] totals = new int[k];
    int[] wordTopic = counts(k, vocab, 31 + k, 30, (w, t) -> t % 3 == w, totals);
    double[] alpha = alpha(k);
    double beta = 0.1;
    double vb = vocab * beta;
    double[][] joint = new double[k][k];
    double sum = 0;
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        int same = a == b ? 1 : 0;
        joint[a][b] = alpha[a] * (alpha[b] + same) * (beta + wordTopic[k + a]) * (beta + wordTopic[2 * k + b])
            / ((totals[a] + vb) * (totals[b] + vb + same));
        sum += joint[a][b];
      }
    }
    int[] words = {1, 2};
    int[] z = {0, 1};
    wordTopic[k + 0]++;
    totals[0]++;
    wordTopic[2 * k + 1]++;
    totals[1]++;
    GibbsShard.Sampler s = new GibbsShard.Sampler(new GibbsShard.Global(k, vocab, wordTopic, totals, alpha, beta), words, dense);
    GibbsShard.Delta delta = new GibbsShard.Delta(vocab * k);
    int sweeps = 1_600_000;
    double[][] seen = new double[k][k];
    SplittableRandom draw = new SplittableRandom(11);
    for (int i = 0; i < sweeps; i++) {
      s.sampleDocument(words, z, 0, 2, draw, delta);
      seen[z[0]][z[1]]++;
    }
    double tv = 0;
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        tv += Math.abs(seen[a][b] / sweeps - joint[a][b] / sum) / 2;
      }
    }
    assertTrue(tv < 0.015, "total variation from the collapsed joint " + tv);
  }

  /** Random word-topic counts below {@code max} (none where {@code none(w, t)}), their topic totals added to {@code totals}. */
  private static int[] counts(int k, int vocab, long seed, int max,
      java.util.function.BiPredicate<Integer, Integer> none, int[] totals) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] wordTopic = new int[vocab * k];
    for (int t = 0; t < k; t++) {
      for (int w = 0; w < vocab; w++) {
        int c = none.test(w, t) ? 0 : rnd.nextInt(max);
        wordTopic[w * k + t] = c;
        totals[t] += c;
      }
    }
    return wordTopic;
  }

  /** An asymmetric prior: 0.05, 0.15, 0.25, … */
  private static double[] alpha(int k) {
    double[] alpha = new double[k];
    for (int t = 0; t < k; t++) {
      alpha[t] = 0.05 + 0.1 * t;
    }
    return alpha;
  }
}
