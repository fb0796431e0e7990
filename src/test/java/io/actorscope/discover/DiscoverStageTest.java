package io.actorscope.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.actorscope.actors.ActorResolver;
import io.actorscope.actors.Dictionary;
import io.actorscope.actors.DictionaryLoader;
import io.actorscope.actors.Mention;
import io.actorscope.text.AnalyzedArticle;
import io.actorscope.text.TextAnalyzer;
import io.actorscope.testing.SharedSpark;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The stage on three hand-written articles: per-article discovery, then the corpus-level merge. */
class DiscoverStageTest {

  @Test
  void mergesFormsAcrossArticlesIntoOneProvisionalActor() {
    SparkSession spark = SharedSpark.spark();
    Dictionary dict = DictionaryLoader.load(List.of("builtin:countries.yaml", "builtin:igos.yaml",
        "builtin:organisations.yaml", "builtin:people.yaml", "builtin:roles.yaml")).dictionary;
    Broadcast<Dictionary> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(dict);
    List<AnalyzedArticle> in = List.of(
        TextAnalyzer.analyze("a1", LocalDate.of(2016, 4, 5), "s",
            "Special Presidential Envoy Brett McGurk arrived in Erbil on Monday. McGurk met local leaders."),
        // only the surname here: the one person of the run whose full name ends in it
        TextAnalyzer.analyze("a2", LocalDate.of(2016, 5, 10), "s", "Mr McGurk said the coalition would stay."),
        TextAnalyzer.analyze("a3", LocalDate.of(2016, 6, 1), "s", "Britain's Foreign Office Minister Tobias Ellwood agreed."));
    Dataset<AnalyzedArticle> articles = spark.createDataset(in, AnalyzedArticle.ENCODER);
    Dataset<Mention> dictionary = ActorResolver.resolve(articles, b, List.of("alias", "role", "metonym", "demonym"));
    DiscoverStage.Result r = DiscoverStage.run(articles, dictionary, b, DiscoverStage.Settings.defaults());

    List<Mention> ms = r.mentions.collectAsList();
    Map<String, String> byArticle = new HashMap<>();
    for (Mention m : ms) {
      assertEquals("discovered", m.getResolvedBy());
      assertEquals("discovered", m.getMatchKind());
      byArticle.merge(m.getArticleId(), m.getSurface() + "=" + m.getActorId(), (x, y) -> x + "; " + y);
    }
    assertEquals(4, ms.size());
    assertEquals("Mr McGurk=~person:brett_mcgurk", byArticle.get("a2"));
    assertEquals("Foreign Office Minister Tobias Ellwood=~person:tobias_ellwood", byArticle.get("a3"));

    List<DiscoveredActor> actors = r.actors.orderBy("rank").collectAsList();
    assertEquals(2, actors.size());
    DiscoveredActor mcgurk = actors.get(0);
    assertEquals(1, mcgurk.getRank());
    assertEquals("~person:brett_mcgurk", mcgurk.getActorId());
    assertEquals("person", mcgurk.getType());
    assertEquals("Brett McGurk", mcgurk.getName());
    assertEquals(3, mcgurk.getMentions());
    assertEquals(2, mcgurk.getArticles());
    assertEquals(LocalDate.of(2016, 4, 5), mcgurk.getFirstDate());
    assertEquals(LocalDate.of(2016, 5, 10), mcgurk.getLastDate());
    assertEquals(List.of("Special Presidential Envoy"), mcgurk.getTitles(), "\"Mr\" is no title");
    assertNull(mcgurk.getCountry());
    DiscoveredActor ellwood = actors.get(1);
    assertEquals("~person:tobias_ellwood", ellwood.getActorId());
    assertEquals("GBR", ellwood.getCountry());
    assertEquals(1, ellwood.getCountryMentions());
    assertEquals(List.of("Foreign Office Minister"), ellwood.getTitles());
    r.evidence.unpersist();
  }

  @Test
  void refusesMentionsThatAreNotTheArticlesOwn() {
    SparkSession spark = SharedSpark.spark();
    Dictionary dict = DictionaryLoader.load(List.of("builtin:countries.yaml")).dictionary;
    Broadcast<Dictionary> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(dict);
    Dataset<AnalyzedArticle> articles = spark.createDataset(List.of(
        TextAnalyzer.analyze("a1", LocalDate.of(2016, 4, 5), "s", "Talks in Erbil went on.")), AnalyzedArticle.ENCODER)
        .coalesce(1);
    // mentions of another article (France, in b1): read beside a1 they would be credited to it
    Dataset<AnalyzedArticle> other = spark.createDataset(List.of(
        TextAnalyzer.analyze("b1", LocalDate.of(2016, 4, 5), "s", "France agreed.")), AnalyzedArticle.ENCODER)
        .coalesce(1);
    Dataset<Mention> foreign = ActorResolver.resolve(other, b, List.of("alias"));
    Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
        () -> DiscoverStage.run(articles, foreign, b, DiscoverStage.Settings.defaults()));
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    org.junit.jupiter.api.Assertions.assertTrue(root.getMessage().contains("article b1 out of step"), root.getMessage());
  }
}
