package io.actorscope.topics;

import org.apache.commons.math3.special.Gamma;

/**
 * Maximum-likelihood Dirichlet hyperparameters from topic counts, by Minka's fixed point
 * ("Estimating a Dirichlet distribution", 2000), as MALLET's hyperparameter optimisation does:
 * the counts come as histograms (how many documents have n tokens in topic t; how many word-topic
 * pairs have count n) so that one iteration costs O(distinct counts), not O(documents).
 * Each term ψ(x + n) − ψ(x) is evaluated with commons-math3's digamma.
 */
final class Dirichlet {
  /** Below this an alpha or beta is held: a topic that lost all its tokens would otherwise reach 0. */
  static final double FLOOR = 1e-6;

  private Dirichlet() {}

  /**
   * The asymmetric document-topic prior: α_t ← α_t · (Σ_n h_t[n]·(ψ(α_t+n) − ψ(α_t)) + s − 1)
   * / (Σ_n L[n]·(ψ(Σα+n) − ψ(Σα)) + 1/θ), with a Gamma(s, θ) prior on each α_t (s = 1, no pull;
   * MALLET uses s = 1.001, θ = 1). {@code topicDocs[t][n]} = documents with n tokens in topic t,
   * {@code docLengths[n]} = documents of n tokens. Returns the new alpha (the input is not changed).
   */
  static double[] optimizeAlpha(double[] alpha, long[][] topicDocs, long[] docLengths, double shape, double scale,
      int iterations) {
    double[] a = alpha.clone();
    for (int it = 0; it < iterations; it++) {
      double sum = 0;
      for (double x : a) {
        sum += x;
      }
      double denominator = 1 / scale;
      for (int n = 1; n < docLengths.length; n++) {
        if (docLengths[n] > 0) {
          denominator += docLengths[n] * (Gamma.digamma(sum + n) - Gamma.digamma(sum));
        }
      }
      for (int t = 0; t < a.length; t++) {
        double numerator = shape - 1;
        long[] h = topicDocs[t];
        double base = Gamma.digamma(a[t]);
        for (int n = 1; n < h.length; n++) {
          if (h[n] > 0) {
            numerator += h[n] * (Gamma.digamma(a[t] + n) - base);
          }
        }
        a[t] = Math.max(FLOOR, a[t] * numerator / denominator);
      }
    }
    return a;
  }

  /**
   * The symmetric topic-word prior β over {@code vocab} words: β ← β · Σ_n C[n]·(ψ(β+n) − ψ(β))
   * / (V · Σ_n S[n]·(ψ(Vβ+n) − ψ(Vβ))), {@code countHistogram[n]} = word-topic pairs with count n,
   * {@code topicSizes[n]} = topics with n tokens; iterated until it moves less than 1e-9 relatively.
   */
  static double optimizeBeta(double beta, long[] countHistogram, long[] topicSizes, int vocab, int iterations) {
    double b = beta;
    for (int it = 0; it < iterations; it++) {
      double numerator = 0;
      double base = Gamma.digamma(b);
      for (int n = 1; n < countHistogram.length; n++) {
        if (countHistogram[n] > 0) {
          numerator += countHistogram[n] * (Gamma.digamma(b + n) - base);
        }
      }
      double sum = b * vocab;
      double baseSum = Gamma.digamma(sum);
      double denominator = 0;
      for (int n = 1; n < topicSizes.length; n++) {
        if (topicSizes[n] > 0) {
          denominator += topicSizes[n] * (Gamma.digamma(sum + n) - baseSum);
        }
      }
      double next = Math.max(FLOOR, b * numerator / (vocab * denominator));
      boolean done = Math.abs(next - b) <= 1e-9 * b;
      b = next;
      if (done) {
        break;
      }
    }
    return b;
  }
}
