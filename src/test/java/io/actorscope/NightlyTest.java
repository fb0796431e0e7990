package io.actorscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.cli.Main;
import io.actorscope.output.Tables;
import io.actorscope.testing.Cli;
import io.actorscope.testing.DatedCorpus;
import io.actorscope.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nightly semantics on the committed feed fixture (testing/DatedCorpus: UN General Debate excerpts in
 * dt= folders): nightly runs (one with --date, then two days as a day-by-day backfill, one job per
 * day) equal a one-pass backfill of the same days; rolling windows are sums of the daily partitions;
 * a late article is picked up by re-running its day, taking over a dead run's lock; a held lock stops
 * a run with exit 4; a missing day folder is exit 3, or skipped when asked. The tests share one feed
 * and one nightly output, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyTest {
  static final List<String> TABLES = List.of(Tables.ARTICLES, Tables.MENTIONS, Tables.ACTOR_COUNTS,
      Tables.COOCCURRENCE, Tables.ACTORS, Tables.ROLES, Tables.QUARANTINE, Tables.ACTOR_COUNTS_ROLLING,
      Tables.COOCCURRENCE_ROLLING);
  static final List<LocalDate> DAYS = DatedCorpus.FIXTURE_DAYS;

  @TempDir
  static Path dir;
  Path in;
  Map<LocalDate, List<String>> ids;
  Path nightly;
  Path spec;

  private static void ok(Cli c) {
    assertEquals(0, c.exit, c.err);
  }

  @BeforeAll
  void feed() throws Exception {
    in = dir.resolve("in");
    ids = DatedCorpus.feed(in, DAYS);
    nightly = dir.resolve("nightly");
    spec = DatedCorpus.spec(dir, in.toString(), nightly.toString());
  }

  @Test
  @Order(1)
  void nightlyRunsEqualABackfillInOnePassAndDayByDay() throws Exception {
    ok(Cli.run("run", spec.toString(), "--date", DAYS.get(0).toString()));
    ok(Cli.run("run", spec.toString(), "--from", DAYS.get(1).toString(), "--to", DAYS.get(2).toString(),
        "--set", "nightly.backfill=day_by_day"));
    Path onePass = dir.resolve("one-pass");
    ok(Cli.run("run", spec.toString(), "--output", onePass.toString(), "--from", DAYS.get(0).toString(),
        "--to", DAYS.get(2).toString()));

    Map<String, List<String>> a = DatedCorpus.snapshot(nightly, TABLES);
    assertEquals(a, DatedCorpus.snapshot(onePass, TABLES));

    try (DuckDb db = new DuckDb(nightly)) {
      // each day holds exactly the speeches of its folder, dated by the folder (the records say 2022-09-20)
      for (LocalDate d : DAYS) {
        List<String> expected = ids.get(d).stream().sorted().collect(Collectors.toList());
        assertEquals(expected, db.rows("SELECT id FROM " + db.table(Tables.ARTICLES) + " WHERE date = DATE '" + d + "' ORDER BY id"));
      }
      assertTrue(a.get(Tables.MENTIONS).size() > 50, "twelve speeches on war and peace name many actors");
      // the 7-day window ending on day 3 sums days 1-3; the one ending on day 2 sums days 1-2
      for (LocalDate end : List.of(DAYS.get(1), DAYS.get(2))) {
        assertEquals(
            db.rows("SELECT source, actor_id, sum(mentions), sum(articles) FROM " + db.table(Tables.ACTOR_COUNTS)
                + " WHERE date <= DATE '" + end + "' GROUP BY ALL ORDER BY ALL"),
            db.rows("SELECT source, actor_id, mentions, articles FROM " + db.table(Tables.ACTOR_COUNTS_ROLLING)
                + " WHERE date = DATE '" + end + "' AND window_days = 7 ORDER BY ALL"));
      }
      // rolling co-occurrence over days 1-3, recomputed here from the mentions: articles naming each actor and both
      List<String> recomputed = db.rows("WITH u AS (SELECT DISTINCT date, article_id, actor_id FROM " + db.table(Tables.MENTIONS) + "), "
          + "n AS (SELECT actor_id, count(*) c FROM u GROUP BY 1), "
          + "p AS (SELECT x.actor_id a, y.actor_id b, count(*) ab FROM u x JOIN u y ON x.date = y.date "
          + "AND x.article_id = y.article_id AND x.actor_id < y.actor_id GROUP BY 1, 2) "
          + "SELECT a, b, ab, na.c, nb.c, (SELECT count(*) FROM " + db.table(Tables.ARTICLES) + ") FROM p JOIN n na ON na.actor_id = a JOIN n nb ON nb.actor_id = b ORDER BY ALL");
      assertTrue(recomputed.size() > 20, "pairs: " + recomputed.size());
      assertEquals(recomputed,
          db.rows("SELECT actor_a, actor_b, count_ab, count_a, count_b, units FROM " + db.table(Tables.COOCCURRENCE_ROLLING)
              + " WHERE date = DATE '" + DAYS.get(2) + "' AND window_days = 30 AND scope = 'article' ORDER BY ALL"));
    }
    JsonNode m = lastManifest(onePass);
    String all = "[\"" + DAYS.get(0) + "\",\"" + DAYS.get(1) + "\",\"" + DAYS.get(2) + "\"]";
    assertEquals(all, m.get("dates").toString());
    assertEquals(all, m.get("rolling").get("end_dates").toString());
    // no staging folder or lock is left behind by a finished run
    assertEquals(List.of(), list(nightly.resolve("_staging")));
    assertEquals(List.of(), list(nightly.resolve("_locks")));
  }

  @Test
  @Order(2)
  void aLateArticleIsPickedUpByRerunningItsDayOverADeadRunsLock() throws Exception {
    Map<String, List<String>> before = DatedCorpus.snapshot(nightly, List.of(Tables.ARTICLES));
    String late = DatedCorpus.addLate(in, 1, DAYS.get(1));
    // a run killed earlier left its lock: same host, a pid that cannot exist, so it is stale and taken over
    Files.writeString(nightly.resolve("_locks/date=" + DAYS.get(1) + ".lock"), "{\"run_id\":\"dead-run\",\"host\":\""
        + java.net.InetAddress.getLocalHost().getHostName() + "\",\"pid\":" + Integer.MAX_VALUE + "}");
    ok(Cli.run("run", spec.toString(), "--date", DAYS.get(1).toString()));
    assertEquals(List.of(), list(nightly.resolve("_locks")));
    try (DuckDb db = new DuckDb(nightly)) {
      assertEquals(List.of(DAYS.get(0) + "|4", DAYS.get(1) + "|5", DAYS.get(2) + "|4"),
          db.rows("SELECT date, count(*) FROM " + db.table(Tables.ARTICLES) + " GROUP BY 1 ORDER BY 1"));
      assertEquals(List.of(DAYS.get(1).toString()),
          db.rows("SELECT date FROM " + db.table(Tables.ARTICLES) + " WHERE id = '" + late + "'"));
      // the other days' articles are untouched
      assertEquals(before.get(Tables.ARTICLES).size() + 1, db.count("SELECT count(*) FROM " + db.table(Tables.ARTICLES)));
      // the window ending on day 3 contains day 2 and was rewritten: its counts are the daily sums again
      assertEquals(
          db.rows("SELECT actor_id, sum(articles) FROM " + db.table(Tables.ACTOR_COUNTS) + " GROUP BY 1 ORDER BY ALL"),
          db.rows("SELECT actor_id, sum(articles) FROM " + db.table(Tables.ACTOR_COUNTS_ROLLING)
              + " WHERE date = DATE '" + DAYS.get(2) + "' AND window_days = 7 GROUP BY 1 ORDER BY ALL"));
    }
    JsonNode m = lastManifest(nightly);
    assertEquals("[\"" + DAYS.get(1) + "\",\"" + DAYS.get(2) + "\"]", m.get("rolling").get("end_dates").toString());
  }

  @Test
  @Order(3)
  void aHeldLockStopsTheRunWithExit4AndAMissingDayIsExit3OrSkipped() throws Exception {
    Path out = dir.resolve("held");
    Path heldSpec = DatedCorpus.spec(dir, in.toString(), out.toString());
    Files.createDirectories(out.resolve("_locks"));
    // a live owner: this very process, on this host
    Path lock = out.resolve("_locks/date=" + DAYS.get(0) + ".lock");
    Files.writeString(lock, "{\"run_id\":\"other-run\",\"host\":\""
        + java.net.InetAddress.getLocalHost().getHostName() + "\",\"pid\":" + ProcessHandle.current().pid()
        + ",\"started\":\"2025-03-01T00:00:00Z\"}");
    Cli held = Cli.run("run", heldSpec.toString(), "--date", DAYS.get(0).toString());
    assertEquals(Main.LOCK_HELD, held.exit, held.err);
    assertTrue(held.err.contains("_locks/date=" + DAYS.get(0) + ".lock") && held.err.contains("other-run"), held.err);
    assertFalse(Files.exists(out.resolve(Tables.ARTICLES)), "nothing written under a held lock");
    Files.delete(lock);

    LocalDate absent = DAYS.get(2).plusDays(1);
    Cli missing = Cli.run("run", heldSpec.toString(), "--date", absent.toString());
    assertEquals(Main.MISSING_INPUT, missing.exit, missing.err);
    assertTrue(missing.err.contains("dt=" + absent), missing.err);
    ok(Cli.run("run", heldSpec.toString(), "--from", DAYS.get(2).toString(), "--to", absent.toString(),
        "--set", "nightly.missing_input=skip"));
    assertEquals("[\"" + absent + "\"]", lastManifest(out).get("dates_skipped").toString());
    try (DuckDb db = new DuckDb(out)) {
      assertEquals(List.of(DAYS.get(2) + "|4"), db.rows("SELECT date, count(*) FROM " + db.table(Tables.ARTICLES) + " GROUP BY 1"));
    }
  }

  static JsonNode lastManifest(Path out) throws Exception {
    List<Path> runs;
    try (Stream<Path> s = Files.list(out.resolve(Tables.RUNS))) {
      runs = s.filter(p -> p.getFileName().toString().matches("[^.].*\\.json")).sorted().collect(Collectors.toList());
    }
    // by start instant, not by name: two runs in the same second have ids that sort at random
    JsonNode last = null;
    for (Path r : runs) {
      JsonNode m = new ObjectMapper().readTree(r.toFile());
      if (last == null || java.time.Instant.parse(m.get("started").asText())
          .isAfter(java.time.Instant.parse(last.get("started").asText()))) {
        last = m;
      }
    }
    return last;
  }

  static List<String> list(Path p) throws Exception {
    if (!Files.exists(p)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(p)) {
      return s.map(x -> x.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().collect(Collectors.toList());
    }
  }
}
