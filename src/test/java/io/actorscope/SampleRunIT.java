package io.actorscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.output.Tables;
import io.actorscope.testing.Cli;
import io.actorscope.testing.Chromium;
import io.actorscope.testing.DuckDb;
import io.actorscope.testing.ReportPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** README's run command on the bundled sample, its output read back by DuckDB and recomputed there. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleRunIT {
  @TempDir
  static Path dir;
  Path out;
  JsonNode manifest;

  /**
   * README's run command, or, when {@code ACTORSCOPE_SAMPLE_OUTPUT} names its output (.ci/run runs
   * that command for the notebooks), that output: the sample is not run twice in CI. .ci/run runs it
   * beside this tier and writes its exit status to {@code ACTORSCOPE_SAMPLE_DONE} when it ends.
   */
  @BeforeAll
  void runSample() throws Exception {
    String given = System.getenv("ACTORSCOPE_SAMPLE_OUTPUT");
    String done = System.getenv("ACTORSCOPE_SAMPLE_DONE");
    if (given != null && !given.isBlank()) {
      if (done != null && !done.isBlank()) {
        Path d = Path.of(done);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(20);
        while (!Files.exists(d)) {
          assertTrue(System.nanoTime() < deadline, "the sample run of .ci/run did not end in 20 minutes");
          Thread.sleep(1000);
        }
        assertEquals("0", Files.readString(d).trim(), "the sample run of .ci/run failed: see its log above");
      }
      out = Path.of(given);
    } else {
      out = dir.resolve("sample-out");
      Cli r = Cli.run("run", "jobs/sample.yaml", "--output", out.toString());
      assertEquals(0, r.exit, r.err);
    }
    try (Stream<Path> s = Files.list(out.resolve(Tables.RUNS))) {
      Path m = s.filter(p -> p.getFileName().toString().matches("[^.].*\\.json")).findFirst().orElseThrow();
      manifest = new ObjectMapper().readTree(m.toFile());
    }
  }

  @Test
  void countsReconcileWithTheFilesOnDisk() throws Exception {
    long speeches;
    try (Stream<Path> s = Files.walk(Path.of("sample/ungdc/TXT"))) {
      speeches = s.filter(p -> p.toString().endsWith(".txt")).count();
    }
    long seedLines = Files.readAllLines(Path.of("sample/seed.jsonl")).size();
    JsonNode c = manifest.get("counts");
    assertEquals(speeches + seedLines, c.get("read").asLong());
    assertEquals(c.get("read").asLong(),
        c.get("accepted").asLong() + c.get("quarantined").asLong() + c.get("duplicates").asLong());
    try (DuckDb db = new DuckDb(out)) {
      assertEquals(c.get("accepted").asLong(), db.count("SELECT count(*) FROM " + db.table(Tables.ARTICLES)));
      assertEquals(c.get("quarantined").asLong(), db.count("SELECT count(*) FROM " + db.table(Tables.QUARANTINE)));
      assertEquals(c.get("mentions").asLong(), db.count("SELECT count(*) FROM " + db.table(Tables.MENTIONS)));
      // UNGDC speeches are dated by year: one partition per session year, plus the seed's day
      assertEquals(List.of("2020-01-01", "2021-01-01", "2021-06-01", "2022-01-01", "2023-01-01", "2024-01-01"),
          db.rows("SELECT DISTINCT date FROM " + db.table(Tables.ARTICLES) + " ORDER BY 1"));
    }
    assertEquals("succeeded", manifest.get("status").asText());
    for (String phase : List.of("ingest", "text", "actors", "counts", "cooccurrence", "topics")) {
      assertTrue(manifest.get("phases_seconds").has(phase), phase);
    }
  }

  @Test
  void everyTableIsReadableByDuckDb() throws Exception {
    try (DuckDb db = new DuckDb(out)) {
      for (String t : List.of(Tables.ARTICLES, Tables.MENTIONS, Tables.ACTOR_COUNTS, Tables.COOCCURRENCE,
          Tables.TOPICS, Tables.DOC_TOPICS, Tables.ACTORS, Tables.ROLES, Tables.TOPIC_QUALITY, Tables.ACTOR_TOPICS,
          Tables.TOPIC_ACTORS, Tables.ACTOR_PARTNERS)) {
        assertTrue(db.count("SELECT count(*) FROM " + db.table(t)) > 0, t);
      }
      assertEquals(0, db.count("SELECT count(*) FROM " + db.table(Tables.QUARANTINE)));
      // topics: k=12 (jobs/sample.yaml) x 15 top terms (defaults); a mixture for every article
      assertEquals(12 * 15, db.count("SELECT count(*) FROM " + db.table(Tables.TOPICS)));
      assertEquals(db.count("SELECT count(*) FROM " + db.table(Tables.ARTICLES)),
          db.count("SELECT count(*) FROM " + db.table(Tables.DOC_TOPICS)));
      assertEquals(0, db.count("SELECT count(*) FROM " + db.table(Tables.DOC_TOPICS)
          + " WHERE dominant_topic IS NOT NULL AND abs(list_sum(mixture) - 1) > 1e-6"));
    }
  }

  @Test
  void cooccurrenceEqualsARecomputationFromMentions() throws Exception {
    try (DuckDb db = new DuckDb(out)) {
      String m = db.table(Tables.MENTIONS);
      String a = db.table(Tables.ARTICLES);
      String recomputed = "WITH u AS ("
          + "  SELECT DISTINCT 'article' AS scope, date, article_id AS unit, actor_id FROM " + m
          + "  UNION ALL SELECT DISTINCT 'sentence', date, article_id || '#' || sentence, actor_id FROM " + m + "),"
          + " n AS (SELECT 'article' AS scope, date, count(*) AS units FROM " + a + " GROUP BY date"
          + "  UNION ALL SELECT 'sentence', date, sum(sentences) FROM " + a + " GROUP BY date),"
          + " marg AS (SELECT scope, date, actor_id, count(*) AS c FROM u GROUP BY ALL),"
          + " p AS (SELECT x.scope, x.date, x.actor_id AS aa, y.actor_id AS bb, count(*) AS ab FROM u x JOIN u y"
          + "  ON x.scope = y.scope AND x.date = y.date AND x.unit = y.unit AND x.actor_id < y.actor_id GROUP BY ALL)"
          + " SELECT p.date, p.scope, aa, bb, ab, ma.c, mb.c, n.units, ln(ab * n.units / (ma.c * mb.c)) AS pmi FROM p"
          + " JOIN marg ma ON ma.scope = p.scope AND ma.date = p.date AND ma.actor_id = aa"
          + " JOIN marg mb ON mb.scope = p.scope AND mb.date = p.date AND mb.actor_id = bb"
          + " JOIN n ON n.scope = p.scope AND n.date = p.date";
      String table = "SELECT date, scope, actor_a, actor_b, count_ab, count_a, count_b, units, pmi FROM "
          + db.table(Tables.COOCCURRENCE) + " WHERE scope <> 'window'";
      long rows = db.count("SELECT count(*) FROM (" + table + ")");
      assertTrue(rows > 1000, "pairs: " + rows);
      assertEquals(rows, db.count("SELECT count(*) FROM (" + recomputed + ")"));
      String key = "date, scope, actor_a, actor_b, count_ab, count_a, count_b, units";
      assertEquals(0, db.count("SELECT count(*) FROM (SELECT " + key + " FROM (" + table + ") EXCEPT SELECT * EXCLUDE (pmi) FROM ("
          + recomputed.replace("SELECT p.date, p.scope, aa, bb,", "SELECT p.date, p.scope, aa AS actor_a, bb AS actor_b,")
          + "))"));
      assertEquals(0, db.count("SELECT count(*) FROM (" + table + ") t JOIN (" + recomputed + ") r"
          + " ON t.date = r.date AND t.scope = r.scope AND t.actor_a = r.aa AND t.actor_b = r.bb"
          + " WHERE abs(t.pmi - r.pmi) > 1e-9"));
    }
  }

  /**
   * The run report: it opens in headless Chromium without a console message, leaves a screenshot in
   * target/report-screenshots/, and its top actors and strongest pairs equal what DuckDB recomputes
   * from the mentions table.
   */
  @Test
  void runReportOpensInChromiumAndAgreesWithTheMentions() throws Exception {
    ReportPage report = ReportPage.of(out);
    assertEquals(manifest.get("run_id").asText() + ".html", report.path.getFileName().toString());
    try (DuckDb db = new DuckDb(out)) {
      String m = db.table(Tables.MENTIONS);
      List<String> top = db.rows("SELECT actor_id, count(*), count(DISTINCT article_id) FROM " + m
          + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10");
      List<String> shown = new java.util.ArrayList<>();
      report.data.get("top_actors").forEach(a -> shown.add(a.get("id").asText() + "|" + a.get("mentions").asLong()
          + "|" + a.get("articles").asLong()));
      assertEquals(top, shown);
      // pooled over all articles at article scope, at least 1% of the 965 articles (10) in common
      long units = db.count("SELECT count(*) FROM " + db.table(Tables.ARTICLES));
      assertEquals(10, report.data.get("min_support").asLong());
      List<String> pairs = db.rows("WITH u AS (SELECT DISTINCT article_id, actor_id FROM " + m + "),"
          + " n AS (SELECT actor_id, count(*) AS c FROM u GROUP BY 1),"
          + " p AS (SELECT x.actor_id AS a, y.actor_id AS b, count(*) AS ab FROM u x JOIN u y"
          + "  ON x.article_id = y.article_id AND x.actor_id < y.actor_id GROUP BY ALL HAVING count(*) >= 10)"
          + " SELECT a, b, ab, na.c, nb.c, round(ln(ab * " + units + " / (na.c * nb.c)) / -ln(ab / " + units + "), 9) AS npmi"
          + " FROM p JOIN n na ON na.actor_id = a JOIN n nb ON nb.actor_id = b ORDER BY npmi DESC, ab DESC, a, b LIMIT 30");
      List<String> drawn = new java.util.ArrayList<>();
      report.data.get("pairs").forEach(p -> drawn.add(p.get("a").asText() + "|" + p.get("b").asText() + "|"
          + p.get("count_ab").asLong() + "|" + p.get("count_a").asLong() + "|" + p.get("count_b").asLong() + "|"
          + new java.math.BigDecimal(p.get("npmi").asDouble()).setScale(9, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()));
      assertEquals(pairs.size(), drawn.size());
      for (int i = 0; i < pairs.size(); i++) {
        String[] x = pairs.get(i).split("\\|");
        String[] y = drawn.get(i).split("\\|");
        assertEquals(String.join("|", java.util.Arrays.copyOf(x, 5)), String.join("|", java.util.Arrays.copyOf(y, 5)));
        assertEquals(Double.parseDouble(x[5]), Double.parseDouble(y[5]), 1e-8, pairs.get(i));
      }
    }
    // 12 topics (jobs/sample.yaml) of 8 terms; mean mixtures sum to 1
    assertEquals(12, report.data.get("topics").size());
    double prevalence = 0;
    for (JsonNode t : report.data.get("topics")) {
      assertEquals(8, t.get("terms").size());
      prevalence += t.get("prevalence").asDouble();
    }
    assertEquals(1.0, prevalence, 1e-6);
    assertEquals("year", report.data.get("trend_bucket").asText());
    Chromium chromium = Chromium.require();
    report.opensCleanlyIn(chromium);
    Path png = Path.of("target", "report-screenshots", "sample-report.png");
    chromium.screenshot(report.path, png, 1100, 4400);
    assertTrue(Files.size(png) > 50_000, "a screenshot with content: " + Files.size(png) + " bytes");
  }

  @Test
  void topicQualityActorTopicsPartnersAndGraph() throws Exception {
    try (DuckDb db = new DuckDb(out)) {
      // one quality row per topic, scores in their ranges, the same perplexity on every row
      assertEquals(12, db.count("SELECT count(*) FROM " + db.table(Tables.TOPIC_QUALITY)
          + " WHERE npmi_window BETWEEN -1 AND 1 AND npmi_document BETWEEN -1 AND 1 AND umass <= 0 AND top_n = 10"));
      assertEquals(1, db.count("SELECT count(DISTINCT log_perplexity) FROM " + db.table(Tables.TOPIC_QUALITY)));
      // labels: the same in topics and topic_quality
      assertEquals(0, db.count("SELECT count(*) FROM " + db.table(Tables.TOPIC_QUALITY) + " q JOIN (SELECT DISTINCT topic, label FROM "
          + db.table(Tables.TOPICS) + ") t USING (topic) WHERE q.label <> t.label"));
      // actor_topics recomputed from mentions and doc_topics: mixture weighted by mentions
      String recomputed = "WITH m AS (SELECT article_id, actor_id, count(*) AS c FROM " + db.table(Tables.MENTIONS) + " GROUP BY ALL),"
          + " d AS (SELECT article_id, unnest(mixture) AS theta, unnest(range(len(mixture))) AS topic FROM "
          + db.table(Tables.DOC_TOPICS) + " WHERE dominant_topic IS NOT NULL)"
          + " SELECT actor_id, topic, sum(c * theta) / sum(c) AS w FROM m JOIN d USING (article_id) GROUP BY ALL";
      long rows = db.count("SELECT count(*) FROM " + db.table(Tables.ACTOR_TOPICS));
      assertTrue(rows > 12 * 50, "actor_topics rows " + rows);
      assertEquals(rows, db.count("SELECT count(*) FROM (" + recomputed + ")"));
      assertEquals(0, db.count("SELECT count(*) FROM " + db.table(Tables.ACTOR_TOPICS) + " a JOIN (" + recomputed
          + ") r USING (actor_id, topic) WHERE abs(a.weight - r.w) > 1e-9"));
      assertEquals(12 * 20, db.count("SELECT count(*) FROM " + db.table(Tables.TOPIC_ACTORS)));
      // the window scope is written; partners respect minimum support and k
      assertTrue(db.count("SELECT count(*) FROM " + db.table(Tables.COOCCURRENCE) + " WHERE scope = 'window'") > 100);
      assertEquals(0, db.count("SELECT count(*) FROM " + db.table(Tables.ACTOR_PARTNERS) + " WHERE count_ab < 3 OR rank > 10"
          + " OR (measure = 'llr' AND count_ab <= expected)"));
      assertEquals(3, db.count("SELECT count(DISTINCT scope) FROM " + db.table(Tables.ACTOR_PARTNERS)));
    }
    JsonNode t = manifest.get("topics");
    assertEquals("fit", t.get("used").asText());
    assertTrue(Files.exists(Path.of(t.get("model_path").asText(), "model.json")));
    JsonNode g = manifest.get("graph");
    Path graph = Path.of(g.get("path").asText());
    String xml = Files.readString(graph);
    assertEquals(g.get("edges").asLong(), xml.split("<edge ", -1).length - 1);
    assertTrue(g.get("edges").asLong() > 10);
  }

  @Test
  void actorCountsEqualARecomputationFromMentions() throws Exception {
    try (DuckDb db = new DuckDb(out)) {
      String recomputed = "SELECT date, source, actor_id, count(*) AS mentions, count(DISTINCT article_id) AS articles FROM "
          + db.table(Tables.MENTIONS) + " GROUP BY ALL";
      String table = "SELECT date, source, actor_id, mentions, articles FROM " + db.table(Tables.ACTOR_COUNTS);
      assertEquals(db.count("SELECT count(*) FROM (" + recomputed + ")"), db.count("SELECT count(*) FROM (" + table + ")"));
      assertEquals(0, db.count("SELECT count(*) FROM (" + table + " EXCEPT " + recomputed + ")"));
      // The United States speaks every year; its own speech names it at least once each year
      assertEquals(5, db.count("SELECT count(DISTINCT date) FROM (" + table + ") WHERE source = 'USA' AND actor_id = 'USA'"));
    }
  }
}
