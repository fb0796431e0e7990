package io.actorscope.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.config.ConfigLoader;
import io.actorscope.config.JobConfig;
import io.actorscope.testing.SharedSpark;
import io.actorscope.text.AnalyzedArticle;
import io.actorscope.text.TextAnalyzer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class TopicModelerTest {
  @org.junit.jupiter.api.io.TempDir
  java.nio.file.Path dir;

  static final List<String> WAR = List.of("troops", "missile", "border", "army", "tanks", "artillery", "soldiers", "frontline");
  static final List<String> TRADE = List.of("tariffs", "exports", "imports", "market", "prices", "goods", "trade", "growth");

  private static JobConfig.Topics config() {
    ConfigLoader.Overrides o = new ConfigLoader.Overrides();
    o.input = "pom.xml";
    o.output = "unused";
    o.sets = List.of("topics.k=2", "topics.min_df=2", "topics.max_df=0.9", "topics.max_iter=60",
        "topics.subsampling_rate=1.0", "topics.min_documents=5", "topics.top_terms=5");
    return ConfigLoader.load(null, o).topics;
  }

  @Test
  void separatesTwoVocabulariesAndHandlesEmptyDocuments() throws Exception {
    SparkSession spark = SharedSpark.spark();
    Random rnd = new Random(7);
    List<AnalyzedArticle> docs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      List<String> vocab = i % 2 == 0 ? WAR : TRADE;
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 30; w++) {
        text.append(vocab.get(rnd.nextInt(vocab.size()))).append(' ');
      }
      docs.add(TextAnalyzer.analyze((i % 2 == 0 ? "war" : "trade") + i, LocalDate.of(2021, 6, 1), "s", text.toString()));
    }
    // no terms at all, and only stop words / unseen words: both must come out with no dominant topic
    docs.add(TextAnalyzer.analyze("empty", LocalDate.of(2021, 6, 1), "s", "12 34 !!"));
    docs.add(TextAnalyzer.analyze("unseen", LocalDate.of(2021, 6, 1), "s", "the and zyzzyva"));

    TopicModeler.Result r = TopicModeler.fit(spark.createDataset(docs, AnalyzedArticle.ENCODER), config(), "m1");
    assertNull(r.skipped);
    assertEquals(16, r.vocabulary.length);

    List<TopicTerm> terms = r.topics.collectAsList();
    assertEquals(10, terms.size()); // 2 topics x 5 terms
    Map<Integer, Set<String>> top = terms.stream().collect(Collectors.groupingBy(TopicTerm::getTopic,
        Collectors.mapping(TopicTerm::getTerm, Collectors.toSet())));
    // each topic's top terms come from one vocabulary only
    for (Set<String> t : top.values()) {
      assertTrue(WAR.containsAll(t) || TRADE.containsAll(t), "mixed topic " + t);
    }
    assertTrue(!new HashSet<>(top.get(0)).equals(top.get(1)));
    // the label is the four heaviest terms, the same on every row of a topic
    for (TopicTerm t : terms) {
      List<String> heaviest = terms.stream().filter(x -> x.getTopic() == t.getTopic() && x.getRank() <= 4)
          .sorted(java.util.Comparator.comparingInt(TopicTerm::getRank)).map(TopicTerm::getTerm).toList();
      assertEquals(String.join(" / ", heaviest), t.getLabel());
    }
    // one quality row per topic; perfectly separated vocabularies: every within-topic pair co-occurs
    assertEquals(2, r.qualityRows.size());
    for (TopicQuality q : r.qualityRows) {
      assertTrue(q.getNpmiDocument() > 0, "NPMI " + q.getNpmiDocument());
      // each article draws its words uniformly from one topic's 8: a model that separates them gives
      // each token p(w) near 1/8, so the per-token log-perplexity is near ln 8 = 2.079 (a little
      // below: a sample of 30 words is less even than the 8 it is drawn from)
      assertEquals(Math.log(8), q.getLogPerplexity(), 0.15);
      assertEquals(42, q.getDocuments());
    }

    Map<String, DocTopics> mix = r.docTopics.collectAsList().stream()
        .collect(Collectors.toMap(DocTopics::getArticleId, d -> d));
    assertEquals(42, mix.size());
    int warTopic = mix.get("war0").getDominantTopic();
    for (int i = 0; i < 40; i++) {
      DocTopics d = mix.get((i % 2 == 0 ? "war" : "trade") + i);
      assertNotNull(d.getDominantTopic());
      assertEquals(i % 2 == 0, d.getDominantTopic() == warTopic, "article " + i);
      assertEquals(1.0, d.getMixture()[0] + d.getMixture()[1], 1e-6);
      assertEquals(30, d.getTerms());
    }
    assertNull(mix.get("empty").getDominantTopic());
    assertEquals(0.0, java.util.Arrays.stream(mix.get("empty").getMixture()).sum(), 0);
    assertNull(mix.get("unseen").getDominantTopic());
    assertEquals(0, mix.get("unseen").getTerms());

    // saved, found as the latest, loaded and applied again: the same topics and dominant topics
    String root = dir.resolve("models").toString();
    org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    assertNull(ModelStore.find(root, "latest", hadoop));
    ModelStore.save(root + "/m1", "m1", r, config(), hadoop);
    java.nio.file.Files.createDirectories(dir.resolve("models/unfinished")); // no model.json: ignored
    assertEquals("m1", ModelStore.find(root, "latest", hadoop));
    assertNull(ModelStore.find(root, "m9", hadoop));
    ModelStore.Saved saved = ModelStore.load(root, "m1", hadoop);
    assertEquals(16, saved.features.vocabulary().length);
    TopicModeler.Result again = TopicModeler.infer(spark.createDataset(docs, AnalyzedArticle.ENCODER), null, config(), saved);
    assertEquals(r.labels, again.labels);
    for (DocTopics d : again.docTopics.collectAsList()) {
      assertEquals(mix.get(d.getArticleId()).getDominantTopic(), d.getDominantTopic(), d.getArticleId());
      assertEquals("m1", d.getModelId());
    }
    com.fasterxml.jackson.databind.JsonNode meta = saved.meta;
    assertEquals(2, meta.get("parameters").get("k").asInt());
    assertEquals(41, meta.get("training").get("documents").asInt()); // "unseen" has a term, "empty" none
    assertEquals("2021-06-01", meta.get("training").get("from").asText());
  }

  /** Σ_w n_w log Σ_t θ_t p(w|t) for two words and two topics, worked out by hand. */
  @Test
  void logLikelihoodOfAnArticleUnderItsMixture() {
    // p(w|t) at w·k + t: word 0 is 0.5 of topic 0 and 0.1 of topic 1, word 1 is 0.5 and 0.9
    double[] phi = {0.5, 0.1, 0.5, 0.9};
    double[] theta = {0.25, 0.75};
    // word 0 twice, word 1 once: p(w0) = 0.125 + 0.075 = 0.2, p(w1) = 0.125 + 0.675 = 0.8
    org.apache.spark.ml.linalg.Vector counts = org.apache.spark.ml.linalg.Vectors.dense(2, 1);
    assertEquals(2 * Math.log(0.2) + Math.log(0.8), TopicModeler.logLikelihood(counts, theta, phi), 1e-12);
    assertEquals(0.0, TopicModeler.logLikelihood(org.apache.spark.ml.linalg.Vectors.sparse(2, new int[0], new double[0]),
        theta, phi), 0);
  }

  /**
   * Inference with the saved model repeats the fit-time mixtures: the Gibbs-fitted model is stored as an
   * MLlib LocalLDAModel whose variational inference starts from a seeded gamma, so the same model and
   * seed give each article the same mixture, after a save and a load too.
   */
  @Test
  void inferenceWithTheSavedModelRepeatsTheFitTimeMixtures() throws Exception {
    SparkSession spark = SharedSpark.spark();
    Random rnd = new Random(11);
    List<AnalyzedArticle> docs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 25; w++) {
        // mixed articles: each word from WAR with probability i / 30
        List<String> vocab = rnd.nextInt(30) < i ? WAR : TRADE;
        text.append(vocab.get(rnd.nextInt(vocab.size()))).append(' ');
      }
      docs.add(TextAnalyzer.analyze("a" + i, LocalDate.of(2021, 6, 1), "s", text.toString()));
    }
    ConfigLoader.Overrides o = new ConfigLoader.Overrides();
    o.input = "pom.xml";
    o.output = "unused";
    o.sets = List.of("topics.k=2", "topics.min_df=2", "topics.max_df=0.99", "topics.optimizer=gibbs",
        "topics.gibbs.iterations=60", "topics.gibbs.burn_in=20", "topics.min_documents=5");
    JobConfig.Topics cfg = ConfigLoader.load(null, o).topics;
    TopicModeler.Result r = TopicModeler.fit(spark.createDataset(docs, AnalyzedArticle.ENCODER), cfg, "g1");
    assertNull(r.skipped);
    Map<String, double[]> atFit = r.docTopics.collectAsList().stream()
        .collect(Collectors.toMap(DocTopics::getArticleId, DocTopics::getMixture));
    String root = dir.resolve("models").toString();
    org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    ModelStore.save(root + "/g1", "g1", r, cfg, hadoop);
    ModelStore.Saved saved = ModelStore.load(root, "g1", hadoop);
    TopicModeler.Result again = TopicModeler.infer(spark.createDataset(docs, AnalyzedArticle.ENCODER), null, cfg, saved);
    List<DocTopics> inferred = again.docTopics.collectAsList();
    assertEquals(30, inferred.size());
    double spread = 0;
    for (DocTopics d : inferred) {
      double[] before = atFit.get(d.getArticleId());
      for (int t = 0; t < 2; t++) {
        assertEquals(before[t], d.getMixture()[t], 1e-6, d.getArticleId() + " topic " + t);
      }
      spread = Math.max(spread, Math.abs(before[0] - atFit.get("a0")[0]));
    }
    // the mixtures differ between articles (the comparison above is not between constants)
    assertTrue(spread > 0.5, "mixtures barely differ: " + spread);
  }

  @Test
  void tooFewDocumentsIsSkippedWithAReason() {
    SparkSession spark = SharedSpark.spark();
    List<AnalyzedArticle> docs = List.of(TextAnalyzer.analyze("one", null, "s", "troops at the border"));
    TopicModeler.Result r = TopicModeler.fit(spark.createDataset(docs, AnalyzedArticle.ENCODER), config(), "m2");
    assertTrue(r.skipped.contains("fewer than topics.min_documents=5"), r.skipped);
    assertEquals(0, r.topics.count());
  }
}
