package io.actorscope.cooccurrence;

import java.io.Serializable;
import java.time.LocalDate;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * A row of the {@code cooccurrence} table: one unordered actor pair ({@code actorA < actorB}) on one
 * date within one scope (article or sentence), with its 2x2 counts and association measures.
 */
public class PairRow implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<PairRow> ENCODER = Encoders.bean(PairRow.class);

  private LocalDate date;
  private String scope;
  private String actorA;
  private String actorB;
  /** Units mentioning both. */
  private long countAb;
  /** Units mentioning actorA (actorB). */
  private long countA;
  private long countB;
  /** All units of this scope on this date, with or without mentions. */
  private long units;
  private double pmi;
  private double npmi;
  private double llr;
  /** Units expected to name both if the two actors were independent: count_a * count_b / units. */
  private double expected;
  /** P-value of {@link #llr} against chi-square with one degree of freedom. */
  private double llrP;

  public LocalDate getDate() { return date; }
  public void setDate(LocalDate v) { date = v; }
  public String getScope() { return scope; }
  public void setScope(String v) { scope = v; }
  public String getActorA() { return actorA; }
  public void setActorA(String v) { actorA = v; }
  public String getActorB() { return actorB; }
  public void setActorB(String v) { actorB = v; }
  public long getCountAb() { return countAb; }
  public void setCountAb(long v) { countAb = v; }
  public long getCountA() { return countA; }
  public void setCountA(long v) { countA = v; }
  public long getCountB() { return countB; }
  public void setCountB(long v) { countB = v; }
  public long getUnits() { return units; }
  public void setUnits(long v) { units = v; }
  public double getPmi() { return pmi; }
  public void setPmi(double v) { pmi = v; }
  public double getNpmi() { return npmi; }
  public void setNpmi(double v) { npmi = v; }
  public double getLlr() { return llr; }
  public void setLlr(double v) { llr = v; }
  public double getExpected() { return expected; }
  public void setExpected(double v) { expected = v; }
  public double getLlrP() { return llrP; }
  public void setLlrP(double v) { llrP = v; }
}
