package io.actorscope.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.actorscope.testing.SharedSpark;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Window and document counts worked out by hand on four tiny documents, and the measures from them. */
class CoherenceTest {
  static final double EPS = 1e-12;

  private static Dataset<Row> docs(List<List<String>> texts) {
    StructType schema = new StructType().add("tokens", DataTypes.createArrayType(DataTypes.StringType));
    return SharedSpark.spark().createDataFrame(texts.stream().map(t -> RowFactory.create((Object) t.toArray(new String[0])))
        .toList(), schema).repartition(3);
  }

  // windows of 3: [a a b] [a b c] | [c] (shorter than the window: one window) | [] (one empty window) | [b]
  static final List<List<String>> TEXTS = List.of(List.of("a", "a", "b", "c"), List.of("c"), List.of(), List.of("b"));
  static final List<List<String>> TOPIC = List.of(List.of("a", "b", "c"));

  static double npmi(double ab, double a, double b, double n) {
    return Math.log((ab / n + EPS) / ((a / n) * (b / n))) / -Math.log(ab / n + EPS);
  }

  @Test
  void exactWindowsCountEveryWindowHoldingATerm() {
    Coherence.Counts c = Coherence.count(docs(TEXTS), "tokens", TOPIC, 3, Coherence.WindowMode.EXACT);
    assertEquals(5, c.windows());
    assertEquals(4, c.documents());
    // term ids in first-seen order a=0, b=1, c=2
    assertArrayEquals(new long[] {2, 3, 2}, c.windowTerm);
    assertArrayEquals(new long[] {1, 2, 2}, c.docTerm);
    Coherence.Index ix = new Coherence.Index(TOPIC, 3, Coherence.WindowMode.EXACT);
    assertEquals(2, c.windowPair[ix.slot(0, 1)]); // a,b
    assertEquals(1, c.windowPair[ix.slot(0, 2)]); // a,c
    assertEquals(1, c.windowPair[ix.slot(1, 2)]); // b,c
    assertEquals(1, c.docPair[ix.slot(0, 1)]);
    assertEquals(1, c.docPair[ix.slot(0, 2)]);
    assertEquals(1, c.docPair[ix.slot(1, 2)]);
  }

  @Test
  void gensimWindowsForgetATermWhoseFirstCopyLeaves() {
    // second window [a b c]: gensim clears 'a' as the first 'a' leaves, although the second 'a' is still inside
    Coherence.Counts c = Coherence.count(docs(TEXTS), "tokens", TOPIC, 3, Coherence.WindowMode.GENSIM);
    assertEquals(5, c.windows());
    assertArrayEquals(new long[] {1, 3, 2}, c.windowTerm);
    Coherence.Index ix = new Coherence.Index(TOPIC, 3, Coherence.WindowMode.GENSIM);
    assertEquals(1, c.windowPair[ix.slot(0, 1)]);
    assertEquals(0, c.windowPair[ix.slot(0, 2)]);
    assertEquals(1, c.windowPair[ix.slot(1, 2)]);

    List<Coherence.Scores> s = Coherence.scores(ix, c);
    double npmiWindow = (npmi(1, 1, 3, 5) + npmi(0, 1, 2, 5) + npmi(1, 3, 2, 5)) / 3;
    double npmiDoc = (npmi(1, 1, 2, 4) + npmi(1, 1, 2, 4) + npmi(1, 2, 2, 4)) / 3;
    // UMass pairs (b|a), (c|a), (c|b): ln((D(w',w*)/N + eps) / (D(w*)/N))
    double umass = (Math.log((0.25 + EPS) / 0.25) + Math.log((0.25 + EPS) / 0.25) + Math.log((0.25 + EPS) / 0.5)) / 3;
    assertEquals(npmiWindow, s.get(0).npmiWindow, 1e-12);
    assertEquals(npmiDoc, s.get(0).npmiDocument, 1e-12);
    assertEquals(umass, s.get(0).umass, 1e-12);
  }
}
