package io.actorscope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.actorscope.testing.Cli;
import io.actorscope.testing.KillRun;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGKILL at the start of a phase: before the commit the previous output is unchanged to the byte;
 * killed at the commit it is rolled forward by the next run. Either way the rerun equals a clean run.
 * (The topics phase is {@link KilledRunIT}; this is three more, a child JVM each.)
 */
class KillAtEveryPhaseIT {
  @TempDir
  Path dir;

  @ParameterizedTest
  // the fast tier kills in topics; here the first write (text), the last stage (rolling) and the commit
  @ValueSource(strings = {"text", "rolling", "commit"})
  void killedAtEachPhase(String phase) throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out");
    KilledRunIT.speeches(in, "Session 75 - 2020", 0, 12);
    Path spec = KilledRunIT.spec(dir, in, out);
    assertEquals(0, Cli.run("run", spec.toString()).exit);
    Map<String, String> before = KillRun.snapshot(out);
    KilledRunIT.speeches(in, "Session 76 - 2021", 0, 8);
    KillRun.killDuring(dir.resolve("child.log"), phase, "run", spec.toString());
    if (!phase.equals("commit")) {
      assertEquals(before, KillRun.snapshot(out), "killed in phase " + phase);
    }
    Cli rerun = Cli.run("run", spec.toString());
    assertEquals(0, rerun.exit, rerun.err);
    Path clean = dir.resolve("clean");
    assertEquals(0, Cli.run("run", spec.toString(), "--output", clean.toString()).exit);
    assertEquals(KilledRunIT.rows(clean), KilledRunIT.rows(out), "rerun after a kill in phase " + phase);
  }

}
