package io.actorscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage and configuration errors: one line naming the key, a distinct exit code, no Spark started. */
class CliTest {
  @TempDir
  Path dir;

  private Path input() throws IOException {
    Path p = dir.resolve("in.jsonl");
    Files.writeString(p, "{\"id\":\"x\",\"published\":\"2021-06-01\",\"text\":\"NATO.\"}\n");
    return p;
  }

  private static boolean sparkRunning() {
    return SparkSession.getDefaultSession().isDefined() || SparkSession.getActiveSession().isDefined();
  }

  @Test
  void unknownSetKeyExitsTwoNamingTheKeyBeforeSparkStarts() throws IOException {
    boolean before = sparkRunning();
    Cli r = Cli.bare("run", "--input", input().toString(), "--format", "jsonl", "--output", dir.resolve("o").toString(),
        "--set", "topics.alpha=0.1");
    assertEquals(Main.BAD_CONFIG, r.exit);
    assertEquals("actorscope: config error: topics.alpha: unknown key", r.err.strip());
    assertEquals(before, sparkRunning());
    assertTrue(Files.notExists(dir.resolve("o")));
  }

  @Test
  void malformedValueAndBadFormatExitTwo() throws IOException {
    Cli r = Cli.bare("run", "--input", input().toString(), "--output", "o", "--set", "topics.k=ten");
    assertEquals(Main.BAD_CONFIG, r.exit);
    assertTrue(r.err.startsWith("actorscope: config error: topics.k: malformed value"), r.err);
    assertEquals(1, r.err.strip().lines().count());
    r = Cli.bare("run", "--input", input().toString(), "--format", "xml", "--output", "o");
    assertEquals(Main.BAD_CONFIG, r.exit);
    assertTrue(r.err.contains("inputs[0].format"), r.err);
  }

  @Test
  void missingInputExitsThree() {
    Cli r = Cli.bare("run", "--input", dir.resolve("absent.jsonl").toString(), "--output", "o");
    assertEquals(Main.MISSING_INPUT, r.exit);
    assertTrue(r.err.contains("inputs[0].path: input not found"), r.err);
  }

  @Test
  void badDictionaryIsAConfigError() throws IOException {
    Path dict = dir.resolve("d.yaml");
    Files.writeString(dict, "actors:\n  - {id: X, type: planet, name: Mars}\n");
    Cli r = Cli.bare("run", "--input", input().toString(), "--output", "o", "--set", "actors.dictionaries=[" + dict + "]");
    assertEquals(Main.BAD_CONFIG, r.exit);
    assertTrue(r.err.contains("actors.dictionaries") && r.err.contains("type 'planet'"), r.err);
  }

  @Test
  void helpOnEveryCommand() {
    Cli top = Cli.bare("--help");
    assertEquals(0, top.exit);
    assertTrue(top.out.contains("run"), top.out);
    Cli run = Cli.bare("run", "--help");
    assertEquals(0, run.exit);
    assertTrue(run.out.contains("--set=KEY=VALUE") && run.out.contains("Exit codes"), run.out);
    assertEquals(Main.BAD_CONFIG, Cli.bare().exit);
    assertEquals(Main.BAD_CONFIG, Cli.bare("run", "--bogus").exit);
  }
}
