package io.actorscope.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.testing.SharedSpark;
import io.actorscope.text.AnalyzedArticle;
import io.actorscope.text.TextAnalyzer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The stale-dictionary report on a few articles written here, against ActorMatcherTest's dictionary. */
class DictionaryReportTest {
  private static Dataset<AnalyzedArticle> articles(SparkSession spark, String date, String... texts) {
    List<AnalyzedArticle> out = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      out.add(TextAnalyzer.analyze(date + "/" + i, LocalDate.parse(date), "src", texts[i]));
    }
    return spark.createDataset(out, AnalyzedArticle.ENCODER);
  }

  private static Broadcast<Dictionary> dictionary(SparkSession spark) {
    return JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(ActorMatcherTest.dictionary().dictionary);
  }

  @Test
  void unmatchedNamesPutRealNamesFirst() {
    SparkSession spark = SharedSpark.spark();
    Dataset<AnalyzedArticle> text = articles(spark, "2021-06-01",
        "Russia met the Acme Widget Company today. Then the Acme Widget Company left. The Member States agreed.",
        "Then the Acme Widget Company of Ohio said no. All member states and member states, said the Member States.",
        "Most member states, said Jordan. The Jordan Power plant in the Bank of England closed. Zorblat closed. "
            + "They met under the Paris Agreement.",
        "The Jordan Power plant and the Bank of England met Jens Stoltenberg. Zorblat closed. His Excellency "
            + "spoke of the Paris Agreement.");
    // Worked out by hand (min_articles 2):
    //  acme widget company: 2 mentions, 1 article -> left out; "... of Ohio" is another, longer name
    //  zorblat: only ever starts a sentence -> left out
    //  jordan power: "Jordan" joined to "Power" is no country -> a name, 2 mentions in 2 articles
    //  bank of england: 2 mentions in 2 articles
    //  paris agreement: 2 in 2, but a document -> after the names
    //  his excellency: a form of address -> left out
    //  member states: 2 mentions in 2 articles, 3 times in lower case (>= a tenth) -> common phrase, last
    List<UnmatchedName> rows = UnmatchedNames.find(text, dictionary(spark), 2, 100).collectAsList();
    assertEquals(List.of("1 bank of england 2/2 lower 0 name", "2 jordan power 2/2 lower 0 name",
            "3 paris agreement 2/2 lower 0 document_or_event", "4 member states 2/2 lower 3 common_phrase"),
        rows.stream().map(r -> r.getRank() + " " + r.getNameKey() + " " + r.getMentions() + "/" + r.getArticles()
            + " lower " + r.getLowerCase() + " " + r.getLooksLike()).collect(Collectors.toList()));
    UnmatchedName bank = rows.get(0);
    assertEquals("Bank of England", bank.getName());
    assertEquals(2, bank.getExamples().size());
    assertTrue(bank.getExamples().get(0).contains("Bank of England"), bank.getExamples().toString());
    // the limit keeps the most frequent
    assertEquals(1, UnmatchedNames.find(text, dictionary(spark), 2, 1).count());
  }

  @Test
  void examplesAreTheFirstOccurrencesWhateverTheLayout() {
    SparkSession spark = SharedSpark.spark();
    // six articles naming the Bank of England, ids 2021-06-01/0 .. /5; their texts sort in another
    // order than their ids, so examples picked by text (or by what a partition saw first) would differ
    String[] places = {"Zurich", "Oslo", "Madrid", "Bergen", "Lima", "Austin"};
    String[] texts = new String[places.length];
    for (int i = 0; i < places.length; i++) {
      texts[i] = places[i] + " heard that the Bank of England raised rates.";
    }
    Dataset<AnalyzedArticle> text = articles(spark, "2021-06-01", texts);
    // worked out by hand: the first three by article id, whole (each text is shorter than the context)
    List<String> expected = List.of(texts[0], texts[1], texts[2]);
    List<AnalyzedArticle> reversed = new ArrayList<>();
    for (int i = texts.length - 1; i >= 0; i--) {
      reversed.add(TextAnalyzer.analyze("2021-06-01/" + i, LocalDate.parse("2021-06-01"), "src", texts[i]));
    }
    for (Dataset<AnalyzedArticle> layout : List.of(text.coalesce(1),
        spark.createDataset(reversed, AnalyzedArticle.ENCODER).coalesce(1), text.repartition(3))) {
      List<UnmatchedName> rows = UnmatchedNames.find(layout, dictionary(spark), 2, 100).collectAsList();
      UnmatchedName bank = rows.stream().filter(r -> r.getNameKey().equals("bank of england")).findFirst().orElseThrow();
      assertEquals(6, bank.getArticles());
      assertEquals(expected, bank.getExamples());
    }
  }

  @Test
  void aRoleMentionedAfterItsLastHolderLeftIsStale() {
    SparkSession spark = SharedSpark.spark();
    // Raab is the only Foreign Secretary on record, until 2021-09-15
    Dataset<AnalyzedArticle> before = articles(spark, "2021-06-01", "The British Foreign Secretary spoke.");
    Dataset<AnalyzedArticle> after = articles(spark, "2022-01-10",
        "The British Foreign Secretary spoke. Britain's Foreign Secretary left.", "The British Foreign Secretary came.");
    Dataset<Mention> mentions = ActorResolver.resolve(before.union(after), dictionary(spark), List.of("alias", "role"));
    List<StaleRole> stale = StaleRoles.find(mentions, ActorMatcherTest.dictionary().dictionary);
    assertEquals(1, stale.size());
    StaleRole s = stale.get(0);
    assertEquals("GBR_FOREIGN_SECRETARY", s.getRoleId());
    assertEquals("DOMINIC_RAAB", s.getLastHolder());
    assertEquals(LocalDate.of(2021, 9, 15), s.getTermEnded());
    assertEquals(3, s.getMentionsAfter());
    assertEquals(2, s.getArticlesAfter());
    assertEquals(LocalDate.of(2022, 1, 10), s.getFirstDate());
    // NATO's Secretary General has a holder in office; Russia's Foreign Minister never had one on record
    assertTrue(stale.stream().map(StaleRole::getRoleId).collect(Collectors.toSet()).equals(Set.of("GBR_FOREIGN_SECRETARY")));
  }
}
