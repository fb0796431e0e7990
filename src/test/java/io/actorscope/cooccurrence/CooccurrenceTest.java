package io.actorscope.cooccurrence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.actorscope.actors.Mention;
import io.actorscope.testing.SharedSpark;
import io.actorscope.text.AnalyzedArticle;
import io.actorscope.text.TextAnalyzer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class CooccurrenceTest {
  static final LocalDate D1 = LocalDate.of(2021, 6, 1);
  static final LocalDate D2 = LocalDate.of(2021, 6, 2);

  private static Mention m(String article, LocalDate date, int sentence, String actor) {
    Mention x = new Mention();
    x.setArticleId(article);
    x.setDate(date);
    x.setActorId(actor);
    x.setSentence(sentence);
    x.setMatchKind("alias");
    return x;
  }

  @Test
  void countsUnitsNotMentionsAndKeepsDatesApart() {
    SparkSession spark = SharedSpark.spark();
    // Day 1: four articles (one without any actor). a1 has 2 sentences, a2 has 3, a3 has 1, a4 has 2.
    //  a1: s0 {NATO, RUS, RUS}, s1 {RUS}
    //  a2: s0 {NATO}, s1 {UKR}, s2 {RUS, UKR}
    //  a3: s0 {NATO, UKR}
    //  a4: no mentions
    // Day 2: one article b1 (1 sentence) {NATO, RUS}.
    List<Mention> mentions = List.of(
        m("a1", D1, 0, "NATO"), m("a1", D1, 0, "RUS"), m("a1", D1, 0, "RUS"), m("a1", D1, 1, "RUS"),
        m("a2", D1, 0, "NATO"), m("a2", D1, 1, "UKR"), m("a2", D1, 2, "RUS"), m("a2", D1, 2, "UKR"),
        m("a3", D1, 0, "NATO"), m("a3", D1, 0, "UKR"),
        m("b1", D2, 0, "NATO"), m("b1", D2, 0, "RUS"));
    List<AnalyzedArticle> articles = new ArrayList<>();
    articles.add(TextAnalyzer.analyze("a1", D1, null, "One. Two."));
    articles.add(TextAnalyzer.analyze("a2", D1, null, "One. Two. Three."));
    articles.add(TextAnalyzer.analyze("a3", D1, null, "One."));
    articles.add(TextAnalyzer.analyze("a4", D1, null, "One. Two."));
    articles.add(TextAnalyzer.analyze("b1", D2, null, "One."));
    List<PairRow> rows = Cooccurrence.compute(spark.createDataset(mentions, Mention.ENCODER),
        spark.createDataset(articles, AnalyzedArticle.ENCODER), List.of("article", "sentence"), 1).collectAsList();
    Map<String, PairRow> byKey = rows.stream().collect(Collectors.toMap(
        p -> p.getDate() + "/" + p.getScope() + "/" + p.getActorA() + "+" + p.getActorB(), p -> p));

    // Article scope, day 1: N=4 articles. NATO in a1,a2,a3 (3); RUS in a1,a2 (2); UKR in a2,a3 (2).
    // NATO+RUS: a1,a2 = 2; NATO+UKR: a2,a3 = 2; RUS+UKR: a2 = 1.
    PairRow nr = byKey.get("2021-06-01/article/NATO+RUS");
    assertEquals(List.of(2L, 3L, 2L, 4L), List.of(nr.getCountAb(), nr.getCountA(), nr.getCountB(), nr.getUnits()));
    assertEquals(Math.log(2.0 * 4 / (3 * 2)), nr.getPmi(), 1e-12);
    assertEquals(2, byKey.get("2021-06-01/article/NATO+UKR").getCountAb());
    assertEquals(1, byKey.get("2021-06-01/article/RUS+UKR").getCountAb());

    // Sentence scope, day 1: N = 2+3+1+2 = 8 sentences. NATO in a1s0,a2s0,a3s0 (3); RUS in a1s0,a1s1,a2s2 (3);
    // UKR in a2s1,a2s2,a3s0 (3). NATO+RUS: a1s0 = 1; NATO+UKR: a3s0 = 1; RUS+UKR: a2s2 = 1.
    PairRow snr = byKey.get("2021-06-01/sentence/NATO+RUS");
    assertEquals(List.of(1L, 3L, 3L, 8L), List.of(snr.getCountAb(), snr.getCountA(), snr.getCountB(), snr.getUnits()));
    assertEquals(1, byKey.get("2021-06-01/sentence/RUS+UKR").getCountAb());

    // Day 2 is its own table: N=1 article, both actors in it: NPMI = 1
    PairRow d2 = byKey.get("2021-06-02/article/NATO+RUS");
    assertEquals(List.of(1L, 1L, 1L, 1L), List.of(d2.getCountAb(), d2.getCountA(), d2.getCountB(), d2.getUnits()));
    assertEquals(1.0, d2.getNpmi(), 0);

    // 3 article pairs + 3 sentence pairs on day 1, one of each on day 2; actor_a < actor_b always
    assertEquals(8, rows.size());
    rows.forEach(p -> assertEquals(-1, Integer.signum(p.getActorA().compareTo(p.getActorB()))));

    // min_count drops rarer pairs
    assertEquals(2, Cooccurrence.compute(spark.createDataset(mentions, Mention.ENCODER),
        spark.createDataset(articles, AnalyzedArticle.ENCODER), List.of("article"), 2).count());
  }
}
