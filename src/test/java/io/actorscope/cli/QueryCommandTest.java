package io.actorscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code actorscope query} over the output of a real run on three hand-written articles and one
 * broken line. The expected counts are read off the text: NATO is named 3 times, Russia and Germany
 * twice each, on two dates and from two sources.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryCommandTest {
  @TempDir
  static Path dir;
  Path out;

  @BeforeAll
  void run() throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, String.join("\n",
        "{\"id\":\"a1\",\"source\":\"wire\",\"published\":\"2021-06-01\",\"text\":\"NATO criticised Russia. Germany stayed silent.\"}",
        "{\"id\":\"a2\",\"source\":\"wire\",\"published\":\"2021-06-02\",\"text\":\"Russia answered NATO, and NATO replied.\"}",
        "{\"id\":\"a3\",\"source\":\"post\",\"published\":\"2021-06-02\",\"text\":\"Germany spoke, \\\"quoting\\\" a friend.\"}",
        "{\"id\":\"b1\",\"text\":\"unterminated", ""));
    out = dir.resolve("out");
    // the tables a query sees, not each stage's work: near-duplicates, topics, the sentence and
    // window scopes and the graph stay off (their tables have their own tests)
    java.util.Set<Object> before = persisted();
    Cli r = Cli.run(Cli.with(Cli.leanExcept("discover.enabled", "actors.unmatched_names.enabled"),
        "run", "--input", in.toString(), "--format", "jsonl", "--output", out.toString()));
    assertEquals(0, r.exit, r.err);
    leftCached = persisted();
    leftCached.removeAll(before);
  }

  /** RDDs the run left persisted in the session, by id (discovery kept its evidence cached until 2026-12-02). */
  java.util.Set<Object> leftCached;

  private static java.util.Set<Object> persisted() {
    return new java.util.HashSet<>(scala.jdk.javaapi.CollectionConverters.asJava(
        io.actorscope.testing.SharedSpark.spark().sparkContext().getPersistentRDDs()).keySet());
  }

  @Test
  void aRunLeavesNothingCachedInALongLivedSession() {
    // a notebook or a test JVM runs many jobs in one session: each run gives back the memory it cached
    assertEquals(java.util.Set.of(), leftCached);
  }

  @Test
  void tablesAreTheFoldersThatHoldParquet() throws Exception {
    // topics are off, so there is no topics table, and neither topic_quality nor actor_topics; near-duplicate
    // search is off (no story_copies); an undated run rolls no windows (nightly.rolling_undated), so there is
    // no actor_counts_rolling or cooccurrence_rolling
    assertEquals(List.of("actor_counts", "actor_partners", "actors", "articles", "cooccurrence", "discovered_actors", "mentions", "quarantine", "roles", "stale_roles", "unmatched_names"),
        QueryCommand.tables(out));
  }

  @Test
  void alignedTableWithDatePartitionsAsAColumn() {
    Cli r = Cli.run("query", out.toString(),
        "SELECT date, source, actor_id, mentions FROM actor_counts ORDER BY date, source, actor_id");
    assertEquals(0, r.exit, r.err);
    assertEquals(String.join("\n",
        "date       | source | actor_id | mentions",
        "-----------+--------+----------+---------",
        "2021-06-01 | wire   | DEU      |        1",
        "2021-06-01 | wire   | NATO     |        1",
        "2021-06-01 | wire   | RUS      |        1",
        "2021-06-02 | post   | DEU      |        1",
        "2021-06-02 | wire   | NATO     |        2",
        "2021-06-02 | wire   | RUS      |        1",
        "(6 rows)", ""), r.out);
  }

  @Test
  void csvQuotesWhatNeedsQuotingAndLeavesNullEmpty() {
    Cli r = Cli.run("query", out.toString(),
        "SELECT id, text, published FROM articles WHERE id IN ('a1', 'a3') ORDER BY id", "--format", "csv");
    assertEquals(0, r.exit, r.err);
    assertEquals(String.join("\n",
        "id,text,published",
        "a1,NATO criticised Russia. Germany stayed silent.,",
        "a3,\"Germany spoke, \"\"quoting\"\" a friend.\",", ""), r.out);
  }

  @Test
  void jsonKeepsTypesListsAndNulls() throws Exception {
    Cli r = Cli.run("query", out.toString(),
        "SELECT actor_id, sum(mentions) AS mentions, list(DISTINCT source ORDER BY source) AS sources, NULL AS nothing"
            + " FROM actor_counts GROUP BY 1 ORDER BY 1", "--format", "json");
    assertEquals(0, r.exit, r.err);
    JsonNode rows = new ObjectMapper().readTree(r.out);
    assertEquals(3, rows.size());
    assertEquals("DEU", rows.get(0).get("actor_id").asText());
    assertEquals(2, rows.get(0).get("mentions").asLong());
    assertTrue(rows.get(0).get("mentions").isNumber());
    assertEquals(List.of("post", "wire"), List.of(rows.get(0).get("sources").get(0).asText(),
        rows.get(0).get("sources").get(1).asText()));
    assertTrue(rows.get(0).get("nothing").isNull());
    assertEquals(3, rows.get(1).get("mentions").asLong());
    assertEquals("NATO", rows.get(1).get("actor_id").asText());
    assertEquals("[]\n", Cli.run("query", out.toString(), "SELECT * FROM mentions WHERE false", "--format", "json").out);
  }

  @Test
  void quarantineAndDictionaryTablesAreViewsToo() {
    Cli r = Cli.run("query", out.toString(),
        "SELECT q.reason, a.name FROM quarantine q, actors a WHERE a.actor_id = 'NATO'", "--format", "csv");
    assertEquals(0, r.exit, r.err);
    assertEquals("reason,name\ninvalid_json,NATO\n", r.out);
  }

  @Test
  void sqlErrorsPrintDuckDbsMessageAndExitOne() {
    Cli r = Cli.run("query", out.toString(), "SELECT nope FROM mentions");
    assertEquals(Main.JOB_FAILED, r.exit);
    assertTrue(r.err.startsWith("actorscope: query error: Binder Error"), r.err);
    assertTrue(r.err.contains("nope"), r.err);
    assertEquals("", r.out);
    Cli absentTable = Cli.run("query", out.toString(), "SELECT * FROM topics");
    assertEquals(Main.JOB_FAILED, absentTable.exit);
    assertTrue(absentTable.err.contains("Table with name topics does not exist"), absentTable.err);
  }

  @Test
  void missingOutputAndBadFormat() throws Exception {
    assertEquals(Main.MISSING_INPUT, Cli.run("query", dir.resolve("absent").toString(), "SELECT 1").exit);
    Path nothing = Files.createDirectories(dir.resolve("empty/sub"));
    Cli empty = Cli.run("query", nothing.getParent().toString(), "SELECT 1");
    assertEquals(Main.MISSING_INPUT, empty.exit);
    assertTrue(empty.err.contains("no tables"), empty.err);
    assertEquals(Main.BAD_CONFIG, Cli.run("query", out.toString(), "SELECT 1", "--format", "xml").exit);
    assertEquals(Main.BAD_CONFIG, Cli.run("query", out.toString()).exit);
  }
}
