package io.actorscope.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The hyperparameter estimates move from a wrong start to the values that generated the counts:
 * documents drawn from a Dirichlet-multinomial with a known asymmetric alpha, topics drawn from a
 * symmetric Dirichlet with a known beta.
 */
class DirichletTest {
  private static double[] dirichlet(RandomGenerator rnd, double[] a) {
    double[] x = new double[a.length];
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      x[i] = new GammaDistribution(rnd, a[i], 1.0).sample();
      sum += x[i];
    }
    for (int i = 0; i < a.length; i++) {
      x[i] /= sum;
    }
    return x;
  }

  private static int draw(RandomGenerator rnd, double[] p) {
    double u = rnd.nextDouble();
    for (int i = 0; i < p.length - 1; i++) {
      u -= p[i];
      if (u <= 0) {
        return i;
      }
    }
    return p.length - 1;
  }

  @Test
  void alphaMovesToTheGeneratingAsymmetricPrior() {
    double[] truth = {0.1, 0.4, 1.5};
    RandomGenerator rnd = new MersenneTwister(11);
    int docs = 4000;
    int length = 60;
    long[] lengths = new long[length + 1];
    long[][] topicDocs = new long[3][length + 1];
    for (int d = 0; d < docs; d++) {
      double[] theta = dirichlet(rnd, truth);
      int[] c = new int[3];
      for (int i = 0; i < length; i++) {
        c[draw(rnd, theta)]++;
      }
      lengths[length]++;
      for (int t = 0; t < 3; t++) {
        topicDocs[t][c[t]]++;
      }
    }
    double[] start = {1, 1, 1};
    double[] fitted = Dirichlet.optimizeAlpha(start, topicDocs, lengths, 1.0, 1e12, 300);
    assertEquals(1, start[0]); // the input is not changed
    for (int t = 0; t < 3; t++) {
      assertEquals(truth[t], fitted[t], 0.1 * truth[t], "alpha_" + t);
    }
    // a few iterations, as the sampler runs them, already move every component toward the truth
    double[] few = Dirichlet.optimizeAlpha(start, topicDocs, lengths, 1.001, 1.0, 5);
    for (int t = 0; t < 3; t++) {
      assertEquals(true, Math.abs(few[t] - truth[t]) < Math.abs(start[t] - truth[t]), "alpha_" + t + " = " + few[t]);
    }
  }

  @Test
  void betaMovesToTheGeneratingSymmetricPrior() {
    double truth = 0.05;
    int vocab = 300;
    int topics = 20;
    int tokensPerTopic = 4000;
    RandomGenerator rnd = new MersenneTwister(5);
    double[] b = new double[vocab];
    java.util.Arrays.fill(b, truth);
    long[] counts = new long[tokensPerTopic + 1];
    long[] sizes = new long[tokensPerTopic + 1];
    for (int t = 0; t < topics; t++) {
      double[] phi = dirichlet(rnd, b);
      int[] c = new int[vocab];
      for (int i = 0; i < tokensPerTopic; i++) {
        c[draw(rnd, phi)]++;
      }
      for (int w = 0; w < vocab; w++) {
        counts[c[w]]++;
      }
      sizes[tokensPerTopic]++;
    }
    double fitted = Dirichlet.optimizeBeta(1.0, counts, sizes, vocab, 500);
    assertEquals(truth, fitted, 0.1 * truth);
  }
}
