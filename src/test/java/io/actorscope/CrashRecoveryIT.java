package io.actorscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.actorscope.output.Tables;
import io.actorscope.testing.ChildJvm;
import io.actorscope.testing.Cli;
import io.actorscope.testing.DatedCorpus;
import io.actorscope.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backfill of the committed feed fixture (testing/DatedCorpus) killed with SIGKILL while it
 * writes (a child JVM, kill -9 once its staged mentions appear): every day of every table is then still whole, either as before or fully new; the next
 * run takes over the dead run's lock, repairs, and gives the rows of a clean run.
 */
class CrashRecoveryIT {
  static final List<String> DATED = List.of(Tables.ARTICLES, Tables.MENTIONS, Tables.ACTOR_COUNTS,
      Tables.COOCCURRENCE, Tables.ACTOR_COUNTS_ROLLING, Tables.COOCCURRENCE_ROLLING);
  static final List<LocalDate> DAYS = List.of(LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-02"),
      LocalDate.parse("2025-04-03"));

  @TempDir
  Path dir;

  /** table → day → that day's rows (sorted). */
  static Map<String, Map<String, List<String>>> byDay(Path out) throws Exception {
    Map<String, Map<String, List<String>>> all = new TreeMap<>();
    try (DuckDb db = new DuckDb(out)) {
      for (String t : DATED) {
        Map<String, List<String>> days = new TreeMap<>();
        for (LocalDate d : DAYS) {
          days.put(d.toString(), db.rows("SELECT * FROM " + db.table(t) + " WHERE date = DATE '" + d + "' ORDER BY ALL"));
        }
        all.put(t, days);
      }
    }
    return all;
  }

  @Test
  void aRunKilledMidWriteLeavesWholeDaysAndTheRerunEqualsACleanRun() throws Exception {
    Path in = dir.resolve("in");
    DatedCorpus.feed(in, DAYS);
    Path out = dir.resolve("out");
    Path spec = DatedCorpus.spec(dir, in.toString(), out.toString());
    String[] range = {"--from", DAYS.get(0).toString(), "--to", DAYS.get(2).toString()};
    // before: the days as first delivered
    assertEquals(0, Cli.run(concat(new String[] {"run", spec.toString()}, range)).exit);
    Map<String, Map<String, List<String>>> before = byDay(out);
    // late articles for every day, then a clean run of the full days elsewhere
    for (int i = 0; i < DAYS.size(); i++) {
      DatedCorpus.addLate(in, i, DAYS.get(i));
    }
    Path clean = dir.resolve("clean");
    assertEquals(0, Cli.run(concat(new String[] {"run", spec.toString(), "--output", clean.toString()}, range)).exit);
    Map<String, Map<String, List<String>>> after = byDay(clean);

    ChildJvm child = ChildJvm.start(dir.resolve("child.log"), Map.of(), List.of(),
        concat(new String[] {"run", spec.toString()}, range));
    Path staged = null;
    long deadline = System.currentTimeMillis() + 600_000;
    while (staged == null && child.process.isAlive() && System.currentTimeMillis() < deadline) {
      staged = stagedMentions(out);
      Thread.sleep(staged == null ? 20 : 0);
    }
    assertTrue(staged != null, "the child never started writing: " + child.output());
    child.kill9();
    assertTrue(Files.exists(out.resolve("_locks/date=2025-04-01.lock")), "a SIGKILL leaves the lock behind");

    // every day of every table is whole: the old rows or the new ones
    Map<String, Map<String, List<String>>> killed = byDay(out);
    for (String t : DATED) {
      for (LocalDate d : DAYS) {
        List<String> rows = killed.get(t).get(d.toString());
        assertTrue(rows.equals(before.get(t).get(d.toString())) || rows.equals(after.get(t).get(d.toString())),
            t + " " + d + " is neither as before nor as new (" + rows.size() + " rows)");
      }
    }

    Cli rerun = Cli.run(concat(new String[] {"run", spec.toString()}, range));
    assertEquals(0, rerun.exit, rerun.err);
    assertEquals(after, byDay(out));
    JsonNode m = NightlyTest.lastManifest(out);
    assertEquals(1, m.get("repaired_runs").size(), m.toString());
    assertEquals(List.of(), NightlyTest.list(out.resolve("_staging")));
  }

  private static Path stagedMentions(Path out) throws Exception {
    Path s = out.resolve("_staging");
    if (!Files.isDirectory(s)) {
      return null;
    }
    try (Stream<Path> runs = Files.list(s)) {
      return runs.map(r -> r.resolve(Tables.MENTIONS)).filter(Files::isDirectory).findFirst().orElse(null);
    }
  }

  static String[] concat(String[] a, String[] b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
