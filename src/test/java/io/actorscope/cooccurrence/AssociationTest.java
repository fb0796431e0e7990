package io.actorscope.cooccurrence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AssociationTest {
  // Worked by hand: N=100 units, a in 20, b in 10, both in 8.
  // PMI = ln(8*100/(20*10)) = ln 4 = 1.3862944
  // NPMI = ln 4 / -ln(0.08) = 1.3862944 / 2.5257286 = 0.5488691
  // cells: k11=8 E=2, k12=12 E=18, k21=2 E=8, k22=78 E=72
  // G2 = 2*(8 ln4 + 12 ln(12/18) + 2 ln(2/8) + 78 ln(78/72))
  //    = 2*(11.0903549 - 4.8655813 - 2.7725887 + 6.2433312) = 19.3910322
  @Test
  void handWorkedTable() {
    assertEquals(1.3862944, Association.pmi(8, 20, 10, 100), 1e-6);
    assertEquals(0.5488691, Association.npmi(8, 20, 10, 100), 1e-6);
    assertEquals(19.3910322, Association.llr(8, 20, 10, 100), 1e-5);
  }

  @Test
  void independentPairHasZeroPmiAndZeroLlr() {
    // a in 50 of 100, b in 20, both in 10 = 50*20/100: exactly independent
    assertEquals(0.0, Association.pmi(10, 50, 20, 100), 1e-12);
    assertEquals(0.0, Association.npmi(10, 50, 20, 100), 1e-12);
    assertEquals(0.0, Association.llr(10, 50, 20, 100), 1e-9);
  }

  @Test
  void pairInEveryUnitHasNpmiOne() {
    assertEquals(1.0, Association.npmi(5, 5, 5, 5), 0);
    assertEquals(0.0, Association.llr(5, 5, 5, 5), 1e-12);
  }

  @Test
  void alwaysTogetherButRareIsNpmiOne() {
    // both in the same 3 of 30 units: PMI = ln(10), NPMI = ln 10 / -ln(0.1) = 1
    assertEquals(Math.log(10), Association.pmi(3, 3, 3, 30), 1e-12);
    assertEquals(1.0, Association.npmi(3, 3, 3, 30), 1e-12);
  }
}
