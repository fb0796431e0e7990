package io.actorscope.cooccurrence;

/**
 * Association measures of a pair from its 2x2 contingency table, natural logarithms throughout.
 *
 * <pre>
 *   PMI  = ln( c_ab * N / (c_a * c_b) )
 *   NPMI = PMI / -ln( c_ab / N )          (1 when c_ab = N)
 *   G²   = 2 * Σ O_ij * ln( O_ij / E_ij ) over the four cells, 0·ln 0 = 0   (Dunning's LLR)
 * </pre>
 */
public final class Association {
  private Association() {}

  public static double pmi(long ab, long a, long b, long n) {
    return Math.log((double) ab * n / ((double) a * b));
  }

  public static double npmi(long ab, long a, long b, long n) {
    if (ab == n) {
      return 1.0;
    }
    return pmi(ab, a, b, n) / -Math.log((double) ab / n);
  }

  public static double llr(long ab, long a, long b, long n) {
    double k11 = ab;
    double k12 = a - ab;
    double k21 = b - ab;
    double k22 = n - a - b + ab;
    double r1 = a;
    double r2 = n - a;
    double c1 = b;
    double c2 = n - b;
    double g = term(k11, r1 * c1 / n) + term(k12, r1 * c2 / n) + term(k21, r2 * c1 / n) + term(k22, r2 * c2 / n);
    return Math.max(0.0, 2.0 * g);
  }

  /** Units expected to hold both if a and b were independent: c_a * c_b / N. */
  public static double expected(long a, long b, long n) {
    return (double) a * b / n;
  }

  /**
   * P-value of G² against the chi-square distribution with one degree of freedom:
   * P(χ²₁ ≥ g) = erfc(√(g/2)). Dunning's point: unlike a z-score, this stays sane for rare pairs.
   */
  public static double llrPValue(double g) {
    return g <= 0 ? 1.0 : org.apache.commons.math3.special.Erf.erfc(Math.sqrt(g / 2));
  }

  private static double term(double observed, double expected) {
    return observed <= 0 ? 0.0 : observed * Math.log(observed / expected);
  }
}
