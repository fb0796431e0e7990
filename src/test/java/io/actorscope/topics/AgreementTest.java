package io.actorscope.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AgreementTest {
  @Test
  void purityAndNmiOnTablesWorkedOutByHand() {
    assertEquals(1.0, Agreement.purity(new long[][] {{2, 0}, {0, 2}}), 1e-12);
    assertEquals(1.0, Agreement.nmi(new long[][] {{2, 0}, {0, 2}}), 1e-12);
    assertEquals(0.5, Agreement.purity(new long[][] {{1, 1}, {1, 1}}), 1e-12);
    assertEquals(0.0, Agreement.nmi(new long[][] {{1, 1}, {1, 1}}), 1e-12);
    // topics {a,a,b} {b}: H(T) = H(L) = ln 2 ... T = (3/4, 1/4), L = (1/2, 1/2)
    // I = 2/4 ln(2*4/(3*2)) + 1/4 ln(1*4/(3*2)) + 1/4 ln(1*4/(1*2)); purity = (2 + 1) / 4
    long[][] n = {{2, 1}, {0, 1}};
    double i = 0.5 * Math.log(8.0 / 6) + 0.25 * Math.log(4.0 / 6) + 0.25 * Math.log(2.0);
    double ht = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
    double hl = Math.log(2);
    assertEquals(0.75, Agreement.purity(n), 1e-12);
    assertEquals(i / ((ht + hl) / 2), Agreement.nmi(n), 1e-12);
  }
}
