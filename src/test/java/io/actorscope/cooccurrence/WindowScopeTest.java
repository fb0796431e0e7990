package io.actorscope.cooccurrence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.actors.Mention;
import io.actorscope.config.ConfigLoader;
import io.actorscope.config.JobConfig;
import io.actorscope.testing.SharedSpark;
import io.actorscope.text.AnalyzedArticle;
import io.actorscope.text.TextAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window scope, actor_partners and the GraphML export, on counts worked out by hand. */
class WindowScopeTest {
  static final LocalDate D = LocalDate.of(2021, 6, 1);

  @TempDir
  Path dir;

  private static Mention m(String article, int start, String actor) {
    Mention x = new Mention();
    x.setArticleId(article);
    x.setDate(D);
    x.setActorId(actor);
    x.setStart(start);
    x.setMatchKind("alias");
    return x;
  }

  // width 3. a1 "aa bb cc dd ee ff gg hh": 8 tokens, window starts 0..5 (6 windows);
  //   X at token 0 -> starts {0}, and at token 7 -> {5}: 2 windows; Y at token 2 -> {0,1,2}: 3; Z at token 4 -> {2,3,4}: 3
  //   XY {0}: 1; YZ {2}: 1; XZ none
  // a2 "aa cc": 2 tokens, shorter than the window: one window holding X and Y
  // a3 "ab cd": no actor, one window
  // totals: units 8; X 3, Y 4, Z 3; XY 2, YZ 1
  static final List<AnalyzedArticle> ARTICLES = List.of(
      TextAnalyzer.analyze("a1", D, "s", "aa bb cc dd ee ff gg hh"),
      TextAnalyzer.analyze("a2", D, "s", "aa cc"),
      TextAnalyzer.analyze("a3", D, "s", "ab cd"));
  static final List<Mention> MENTIONS = List.of(m("a1", 0, "X"), m("a1", 6, "Y"), m("a1", 21, "X"), m("a1", 12, "Z"),
      m("a2", 0, "X"), m("a2", 3, "Y"));

  @Test
  void windowsAreUnits() {
    SparkSession spark = SharedSpark.spark();
    Dataset<PairRow> rows = Cooccurrence.compute(spark.createDataset(MENTIONS, Mention.ENCODER),
        spark.createDataset(ARTICLES, AnalyzedArticle.ENCODER), List.of(Cooccurrence.WINDOW), 1, 3);
    Map<String, PairRow> byPair = rows.collectAsList().stream().collect(Collectors.toMap(p -> p.getActorA() + p.getActorB(), p -> p));
    assertEquals(2, byPair.size());
    PairRow xy = byPair.get("XY");
    assertEquals(2, xy.getCountAb());
    assertEquals(3, xy.getCountA());
    assertEquals(4, xy.getCountB());
    assertEquals(8, xy.getUnits());
    assertEquals("window", xy.getScope());
    assertEquals(D, xy.getDate());
    assertEquals(Math.log(2.0 * 8 / (3 * 4)) / -Math.log(2.0 / 8), xy.getNpmi(), 1e-12);
    assertEquals(3.0 * 4 / 8, xy.getExpected(), 1e-12);
    PairRow yz = byPair.get("YZ");
    assertEquals(1, yz.getCountAb());
    assertEquals(4, yz.getCountA());
    assertEquals(3, yz.getCountB());
  }

  @Test
  void pValueOfG2IsTheChiSquareTail() {
    // chi-square with 1 degree of freedom: P(X >= 3.841459) = 0.05, P(X >= 6.634897) = 0.01
    assertEquals(0.05, Association.llrPValue(3.841459), 1e-6);
    assertEquals(0.01, Association.llrPValue(6.634897), 1e-6);
    assertEquals(1.0, Association.llrPValue(0), 0);
  }

  @Test
  void partnersNeedSupportAndGraphKeepsSignificantEdges() throws Exception {
    SparkSession spark = SharedSpark.spark();
    ConfigLoader.Overrides o = new ConfigLoader.Overrides();
    o.input = "pom.xml";
    o.output = "unused";
    o.sets = List.of("cooccurrence.partners.min_count=2", "cooccurrence.partners.min_expected=0",
        "cooccurrence.graph.scope=window", "cooccurrence.scopes=[window]", "cooccurrence.graph.min_count=1",
        "cooccurrence.graph.max_p=1.0");
    JobConfig c = ConfigLoader.load(null, o);
    Dataset<PairRow> rows = Cooccurrence.compute(spark.createDataset(MENTIONS, Mention.ENCODER),
        spark.createDataset(ARTICLES, AnalyzedArticle.ENCODER), List.of(Cooccurrence.WINDOW), 1, 3);
    List<Row> partners = Partners.top(rows, c.cooccurrence.partners).collectAsList();
    // only XY has count_ab >= 2; by npmi both directions; by llr only if seen more than expected (2 > 1.5)
    assertEquals(4, partners.size());
    assertTrue(partners.stream().allMatch(r -> r.getLong(r.fieldIndex("count_ab")) == 2));
    Path file = dir.resolve("g.graphml");
    long[] g = GraphExport.write(rows, c.cooccurrence.graph, Map.of("X", new String[] {"Ex & Co", "organisation"}),
        file.toString(), spark.sparkContext().hadoopConfiguration());
    // XY: 2 > expected 1.5 kept; YZ: 1 < expected 1.5 (avoidance) dropped
    assertEquals(2, g[0]);
    assertEquals(1, g[1]);
    String xml = Files.readString(file);
    assertTrue(xml.contains("<data key=\"label\">Ex &amp; Co</data>"), xml);
    assertFalse(xml.contains("\"Z\""));
    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }
}
