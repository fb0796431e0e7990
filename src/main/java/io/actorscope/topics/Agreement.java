package io.actorscope.topics;

/**
 * How well topics recover known labels, from the contingency table n[topic][label] of articles by
 * dominant topic and label: purity = Σ_t max_l n[t][l] / N; NMI = I(T;L) / ((H(T) + H(L)) / 2)
 * (the arithmetic-mean normalisation, scikit-learn's default), natural logarithms.
 */
public final class Agreement {
  private Agreement() {}

  public static double purity(long[][] n) {
    long total = 0;
    long hit = 0;
    for (long[] row : n) {
      long max = 0;
      for (long v : row) {
        total += v;
        max = Math.max(max, v);
      }
      hit += max;
    }
    return total == 0 ? Double.NaN : (double) hit / total;
  }

  public static double nmi(long[][] n) {
    int rows = n.length;
    int cols = rows == 0 ? 0 : n[0].length;
    double total = 0;
    double[] rs = new double[rows];
    double[] cs = new double[cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        rs[i] += n[i][j];
        cs[j] += n[i][j];
        total += n[i][j];
      }
    }
    double mi = 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        if (n[i][j] > 0) {
          mi += n[i][j] / total * Math.log(n[i][j] * total / (rs[i] * cs[j]));
        }
      }
    }
    double ht = entropy(rs, total);
    double hl = entropy(cs, total);
    return ht + hl == 0 ? 1.0 : mi / ((ht + hl) / 2);
  }

  private static double entropy(double[] counts, double total) {
    double h = 0;
    for (double c : counts) {
      if (c > 0) {
        h -= c / total * Math.log(c / total);
      }
    }
    return h;
  }
}
