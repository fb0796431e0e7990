package io.actorscope.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.cli.Main;
import io.actorscope.testing.Script;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/submit exits with the job's own exit code: the driver runs inside spark-submit (client
 * mode, here a local master), and Main's System.exit ends that JVM.
 */
class SubmitExitCodesIT {
  @TempDir
  Path dir;

  private Script submit(String... runArgs) throws Exception {
    String[] cmd = new String[runArgs.length + 5];
    cmd[0] = "scripts/submit";
    cmd[1] = "--master";
    cmd[2] = "local[1]";
    cmd[3] = "--driver-memory";
    cmd[4] = "1g";
    System.arraycopy(runArgs, 0, cmd, 5, runArgs.length);
    Script s = Script.start(dir.resolve("submit.log"), Map.of(), cmd);
    s.waitFor(Duration.ofMinutes(15));
    return s;
  }

  @Test
  void missingInputIsThree() throws Exception {
    Script s = submit("run", "--input", dir.resolve("absent.jsonl").toString(), "--output", dir.resolve("o").toString());
    assertEquals(Main.MISSING_INPUT, s.process.exitValue(), s.log());
    assertTrue(s.log().contains("absent.jsonl"), s.log());
  }

  @Test
  void unknownKeyAndUnknownOptionAreTwo() throws Exception {
    Script s = submit("run", "--input", "sample/seed.jsonl", "--output", dir.resolve("o").toString(), "--set", "topics.alpha=1");
    assertEquals(Main.BAD_CONFIG, s.process.exitValue(), s.log());
    assertTrue(s.log().contains("topics.alpha"), s.log());
    s = submit("run", "--no-such-option");
    assertEquals(Main.BAD_CONFIG, s.process.exitValue(), s.log());
  }

  @Test
  void aJobThatFailsAfterSparkStartedIsOne() throws Exception {
    // The output's parent is a regular file: the first table write fails inside Spark.
    Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
    Script s = submit("run", "--input", "sample/seed.jsonl", "--format", "jsonl", "--output", file.resolve("out").toString());
    assertEquals(Main.JOB_FAILED, s.process.exitValue(), s.log());
    assertTrue(s.log().contains("actorscope: job failed"), s.log());
  }
  // 0: StandaloneClusterIT's local and cluster runs.
}
