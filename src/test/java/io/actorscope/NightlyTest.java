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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nightly semantics on real articles (BBC politics) laid out in dt= folders: three nightly runs
 * equal a backfill of the same days (in one pass and day by day), rolling windows are sums of the
 * daily partitions, a late article is picked up by re-running its day, a held lock stops a run with
 * exit 4, and a missing day folder is exit 3 (or skipped when asked).
 */
class NightlyTest {
  static final List<String> TABLES = List.of(Tables.ARTICLES, Tables.MENTIONS, Tables.ACTOR_COUNTS,
      Tables.COOCCURRENCE, Tables.ACTORS, Tables.ROLES, Tables.QUARANTINE, Tables.ACTOR_COUNTS_ROLLING,
      Tables.COOCCURRENCE_ROLLING);
  static final List<LocalDate> DAYS = List.of(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-02"),
      LocalDate.parse("2025-03-03"));

  @TempDir
  Path dir;

  private static void ok(Cli c) {
    assertEquals(0, c.exit, c.err);
  }

  @Test
  void threeNightlyRunsEqualABackfillInOnePassAndDayByDay() throws Exception {
    Path in = dir.resolve("in");
    Map<LocalDate, List<String>> files = DatedCorpus.bbcPolitics(in, DAYS, 8, 1);
    Path nightly = dir.resolve("nightly");
    Path spec = DatedCorpus.spec(dir, in.toString(), nightly.toString());
    for (LocalDate d : DAYS) {
      ok(Cli.run("run", spec.toString(), "--date", d.toString()));
    }
    Path onePass = dir.resolve("one-pass");
    ok(Cli.run("run", spec.toString(), "--output", onePass.toString(), "--from", "2025-03-01", "--to", "2025-03-03"));
    Path dayByDay = dir.resolve("day-by-day");
    ok(Cli.run("run", spec.toString(), "--output", dayByDay.toString(), "--from", "2025-03-01", "--to", "2025-03-03",
        "--set", "nightly.backfill=day_by_day"));

    Map<String, List<String>> a = DatedCorpus.snapshot(nightly, TABLES);
    assertEquals(a, DatedCorpus.snapshot(onePass, TABLES));
    assertEquals(a, DatedCorpus.snapshot(dayByDay, TABLES));

    try (DuckDb db = new DuckDb(nightly)) {
      // each day holds exactly the files of its folder, dated by the folder (BBC files carry no date)
      for (LocalDate d : DAYS) {
        List<String> ids = files.get(d).stream().map(f -> f.replace(".txt", "")).sorted().collect(Collectors.toList());
        assertEquals(ids, db.rows("SELECT id FROM " + db.table(Tables.ARTICLES) + " WHERE date = DATE '" + d + "' ORDER BY id"));
      }
      assertTrue(a.get(Tables.MENTIONS).size() > 50, "BBC politics names many actors");
      // the 7-day window ending on day 3 sums days 1-3; the one ending on day 2 sums days 1-2
      for (LocalDate end : List.of(DAYS.get(1), DAYS.get(2))) {
        assertEquals(
            db.rows("SELECT source, actor_id, sum(mentions), sum(articles) FROM " + db.table(Tables.ACTOR_COUNTS)
                + " WHERE date <= DATE '" + end + "' GROUP BY ALL ORDER BY ALL"),
            db.rows("SELECT source, actor_id, mentions, articles FROM " + db.table(Tables.ACTOR_COUNTS_ROLLING)
                + " WHERE date = DATE '" + end + "' AND window_days = 7 ORDER BY ALL"));
      }
      // rolling co-occurrence over days 1-3, recomputed here from the mentions: articles naming each actor and both
      assertEquals(
          db.rows("WITH u AS (SELECT DISTINCT date, article_id, actor_id FROM " + db.table(Tables.MENTIONS) + "), "
              + "n AS (SELECT actor_id, count(*) c FROM u GROUP BY 1), "
              + "p AS (SELECT x.actor_id a, y.actor_id b, count(*) ab FROM u x JOIN u y ON x.date = y.date "
              + "AND x.article_id = y.article_id AND x.actor_id < y.actor_id GROUP BY 1, 2) "
              + "SELECT a, b, ab, na.c, nb.c, (SELECT count(*) FROM " + db.table(Tables.ARTICLES) + ") FROM p JOIN n na ON na.actor_id = a JOIN n nb ON nb.actor_id = b ORDER BY ALL"),
          db.rows("SELECT actor_a, actor_b, count_ab, count_a, count_b, units FROM " + db.table(Tables.COOCCURRENCE_ROLLING)
              + " WHERE date = DATE '2025-03-03' AND window_days = 30 AND scope = 'article' ORDER BY ALL"));
    }
    JsonNode m = lastManifest(onePass);
    assertEquals("[\"2025-03-01\",\"2025-03-02\",\"2025-03-03\"]", m.get("dates").toString());
    assertEquals("[\"2025-03-01\",\"2025-03-02\",\"2025-03-03\"]", m.get("rolling").get("end_dates").toString());
    // no staging folder or lock is left behind by a finished run
    assertEquals(List.of(), list(nightly.resolve("_staging")));
    assertEquals(List.of(), list(nightly.resolve("_locks")));
  }

  @Test
  void aLateArticleIsPickedUpByRerunningItsDayAndLaterWindowsFollow() throws Exception {
    Path in = dir.resolve("in");
    DatedCorpus.bbcPolitics(in, DAYS, 4, 40);
    Path out = dir.resolve("out");
    Path spec = DatedCorpus.spec(dir, in.toString(), out.toString());
    ok(Cli.run("run", spec.toString(), "--from", "2025-03-01", "--to", "2025-03-03"));
    DatedCorpus.addLate(in, DAYS.get(1), 60);
    ok(Cli.run("run", spec.toString(), "--date", "2025-03-02"));
    try (DuckDb db = new DuckDb(out)) {
      assertEquals(List.of("2025-03-01|4", "2025-03-02|5", "2025-03-03|4"),
          db.rows("SELECT date, count(*) FROM " + db.table(Tables.ARTICLES) + " GROUP BY 1 ORDER BY 1"));
      // the window ending on day 3 contains day 2 and was rewritten: its counts are the daily sums again
      assertEquals(
          db.rows("SELECT actor_id, sum(articles) FROM " + db.table(Tables.ACTOR_COUNTS) + " GROUP BY 1 ORDER BY ALL"),
          db.rows("SELECT actor_id, sum(articles) FROM " + db.table(Tables.ACTOR_COUNTS_ROLLING)
              + " WHERE date = DATE '2025-03-03' AND window_days = 7 GROUP BY 1 ORDER BY ALL"));
    }
    JsonNode m = lastManifest(out);
    assertEquals("[\"2025-03-02\",\"2025-03-03\"]", m.get("rolling").get("end_dates").toString());
  }

  @Test
  void aHeldLockStopsTheRunWithExit4AndAMissingDayIsExit3() throws Exception {
    Path in = dir.resolve("in");
    DatedCorpus.bbcPolitics(in, DAYS.subList(0, 1), 2, 100);
    Path out = dir.resolve("out");
    Path spec = DatedCorpus.spec(dir, in.toString(), out.toString());
    Files.createDirectories(out.resolve("_locks"));
    // a live owner: this very process, on this host
    Files.writeString(out.resolve("_locks/date=2025-03-01.lock"), "{\"run_id\":\"other-run\",\"host\":\""
        + java.net.InetAddress.getLocalHost().getHostName() + "\",\"pid\":" + ProcessHandle.current().pid()
        + ",\"started\":\"2025-03-01T00:00:00Z\"}");
    Cli held = Cli.run("run", spec.toString(), "--date", "2025-03-01");
    assertEquals(Main.LOCK_HELD, held.exit, held.err);
    assertTrue(held.err.contains("_locks/date=2025-03-01.lock") && held.err.contains("other-run"), held.err);
    assertFalse(Files.exists(out.resolve(Tables.ARTICLES)), "nothing written under a held lock");

    // the owner has gone (a pid that cannot exist): the lock is stale and taken over
    Files.writeString(out.resolve("_locks/date=2025-03-01.lock"), "{\"run_id\":\"dead-run\",\"host\":\""
        + java.net.InetAddress.getLocalHost().getHostName() + "\",\"pid\":" + Integer.MAX_VALUE + "}");
    ok(Cli.run("run", spec.toString(), "--date", "2025-03-01"));
    assertEquals(List.of(), list(out.resolve("_locks")));

    Cli missing = Cli.run("run", spec.toString(), "--date", "2025-03-02");
    assertEquals(Main.MISSING_INPUT, missing.exit, missing.err);
    assertTrue(missing.err.contains("dt=2025-03-02"), missing.err);
    Cli skipped = Cli.run("run", spec.toString(), "--from", "2025-03-01", "--to", "2025-03-02",
        "--set", "nightly.missing_input=skip");
    ok(skipped);
    assertEquals("[\"2025-03-02\"]", lastManifest(out).get("dates_skipped").toString());
  }

  static JsonNode lastManifest(Path out) throws Exception {
    List<Path> runs;
    try (Stream<Path> s = Files.list(out.resolve(Tables.RUNS))) {
      runs = s.filter(p -> p.getFileName().toString().matches("[^.].*\\.json")).sorted().collect(Collectors.toList());
    }
    return new ObjectMapper().readTree(runs.get(runs.size() - 1).toFile());
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
