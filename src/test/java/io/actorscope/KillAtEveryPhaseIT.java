package io.actorscope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.actorscope.testing.Cli;
import io.actorscope.testing.KillRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at the start of every phase of a run, one after another over the same output: before the
 * commit each kill leaves the previous output unchanged to the byte (the next run takes over the dead
 * run's lock and clears its staging); killed at the commit, the output is rolled forward by the next
 * run. The rerun then equals a clean run. ({@link KilledRunIT} kills in topics and checks the same.)
 */
class KillAtEveryPhaseIT {
  /** Every phase the log announces, in the order the pipeline runs them. */
  static final List<String> PHASES = List.of("ingest", "text", "actors", "discover", "mentions", "counts",
      "dictionary_report", "cooccurrence", "topics", "rolling", "commit");

  @TempDir
  Path dir;

  @Test
  void aRunKilledAtAnyPhaseLeavesThePreviousOutputAndTheRerunEqualsACleanRun() throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out");
    KilledRunIT.speeches(in, "Session 75 - 2020", 0, 12);
    Path spec = KilledRunIT.spec(dir, in, out);
    assertEquals(0, Cli.run("run", spec.toString()).exit);
    Map<String, String> before = KillRun.snapshot(out);
    // new articles, so that a finished run would change every table
    KilledRunIT.speeches(in, "Session 76 - 2021", 0, 8);
    for (String phase : PHASES) {
      KillRun.killDuring(dir.resolve("child-" + phase + ".log"), phase, "run", spec.toString());
      if (!phase.equals("commit")) {
        assertEquals(before, KillRun.snapshot(out), "a run killed in phase " + phase + " changed the output");
      }
    }
    Cli rerun = Cli.run("run", spec.toString());
    assertEquals(0, rerun.exit, rerun.err);
    Path clean = dir.resolve("clean");
    assertEquals(0, Cli.run("run", spec.toString(), "--output", clean.toString()).exit);
    assertEquals(KilledRunIT.rows(clean), KilledRunIT.rows(out), "the rerun after the kills");
  }
}
