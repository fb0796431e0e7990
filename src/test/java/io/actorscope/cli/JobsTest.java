package io.actorscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.config.JobConfig;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * jobs/: the Airflow DAG compiles and its command line, like the crontab's, matches scripts/submit
 * (scripts/check-jobs, Python, no Airflow needed); the arguments they pass parse with the real
 * command line and load the job specs they name.
 */
class JobsTest {

  private static JobConfig load(String... args) {
    CommandLine cl = new CommandLine(new Main());
    CommandLine.ParseResult r = cl.parseArgs(args);
    RunCommand run = (RunCommand) r.subcommand().commandSpec().userObject();
    return run.loadConfig();
  }

  @Test
  void theDagAndTheCrontabRunTheSubmitCommandLine() throws Exception {
    Process p = new ProcessBuilder("python3", "scripts/check-jobs").redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    List<String> lines = out.lines().filter(l -> l.startsWith("[")).toList();
    assertEquals(3, lines.size(), out); // the DAG's, the crontab's nightly and weekly topic model
    for (String line : lines) {
      List<String> args = new ArrayList<>();
      new ObjectMapper().readTree(line).forEach(n -> args.add(n.asText()));
      JobConfig c = load(args.toArray(String[]::new));
      if (line.contains("topics-weekly")) {
        // 2025-01-30 to 2025-03-01: the 31 days before the sample day, fitting a topic model
        assertEquals(31, c.nightly.dates().size(), line);
        assertEquals("fit", c.topics.mode);
      } else {
        assertEquals(List.of(LocalDate.parse("2025-03-01")), c.nightly.dates(), line);
        assertEquals("auto", c.topics.mode);
      }
      assertEquals("dt={date}", c.nightly.layout);
    }
  }

  @Test
  void theBackfillSpecLoadsWithARange() {
    JobConfig c = load("run", "jobs/backfill.yaml", "--from", "2025-01-30", "--to", "2025-02-02");
    assertEquals(4, c.nightly.dates().size());
    assertEquals("skip", c.nightly.missingInput);
  }

  @Test
  void aBrokenDagFailsTheCheck() throws Exception {
    // the check can fail: a copy of the DAG with the wrong main class
    java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("jobs-check");
    java.nio.file.Path scripts = java.nio.file.Files.createDirectories(tmp.resolve("scripts"));
    java.nio.file.Path jobs = java.nio.file.Files.createDirectories(tmp.resolve("jobs/airflow"));
    java.nio.file.Files.copy(java.nio.file.Path.of("scripts/check-jobs"), scripts.resolve("check-jobs"));
    java.nio.file.Files.copy(java.nio.file.Path.of("jobs/nightly.yaml"), tmp.resolve("jobs/nightly.yaml"));
    java.nio.file.Files.copy(java.nio.file.Path.of("jobs/crontab.example"), tmp.resolve("jobs/crontab.example"));
    java.nio.file.Files.writeString(jobs.resolve("actorscope_nightly.py"),
        java.nio.file.Files.readString(java.nio.file.Path.of("jobs/airflow/actorscope_nightly.py"))
            .replace("MAIN_CLASS = \"io.actorscope.cli.Main\"", "MAIN_CLASS = \"io.actorscope.Other\""));
    Process p = new ProcessBuilder("python3", scripts.resolve("check-jobs").toString()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, p.exitValue(), out);
    assertTrue(out.contains("java_class"), out);
  }
}
