package io.actorscope.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.output.Tables;
import io.actorscope.testing.DuckDb;
import io.actorscope.testing.Script;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application jar on a real Spark standalone cluster: {@code scripts/cluster start} (a Master and
 * two Workers, child JVMs on 127.0.0.1, SPARK_HOME assembled from Maven), then {@code scripts/submit}
 * (Spark's SparkSubmit) against it, on the seed article and the sample's
 * UN General Debate speeches of countries starting with A, with a Worker killed mid-job. Rows are
 * compared by DuckDB with a local run of the same spec.
 * Topics, discovery and the unmatched names are off: none is part of the comparison.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneClusterIT {
  static final Duration JOB_TIMEOUT = Duration.ofMinutes(20);
  /** The tables whose rows must not depend on where the job ran. */
  static final List<String> TABLES = List.of(Tables.ARTICLES, Tables.MENTIONS, Tables.ACTOR_COUNTS,
      Tables.COOCCURRENCE, Tables.ACTORS, Tables.ROLES);

  @TempDir
  static Path dir;
  Path runDir;
  Path spec;
  Map<String, String> clusterEnv;
  String master;

  @BeforeAll
  void startCluster() throws Exception {
    runDir = dir.resolve("cluster");
    int masterPort = freePort();
    master = "spark://127.0.0.1:" + masterPort;
    clusterEnv = new HashMap<>();
    clusterEnv.put("ACTORSCOPE_CLUSTER_DIR", runDir.toString());
    clusterEnv.put("ACTORSCOPE_MASTER_PORT", Integer.toString(masterPort));
    clusterEnv.put("ACTORSCOPE_MASTER_UI_PORT", Integer.toString(freePort()));
    clusterEnv.put("ACTORSCOPE_WORKER_UI_PORT", "0");
    clusterEnv.put("ACTORSCOPE_WORKER_MEMORY", "1g");
    spec = dir.resolve("job.yaml");
    Files.writeString(spec, String.join("\n",
        "inputs:",
        "  - {path: " + Path.of("sample/ungdc/TXT").toAbsolutePath() + ", format: text, glob: \"A*.txt\"}",
        "  - {path: " + Path.of("sample/seed.jsonl").toAbsolutePath() + ", format: jsonl}",
        "topics: {enabled: false}",
        // neither is compared (TABLES); each has its own tests
        "discover: {enabled: false}",
        "actors: {unmatched_names: {enabled: false}}",
        ""));
    Script start = Script.start(dir.resolve("start.log"), clusterEnv, "scripts/cluster", "start");
    assertEquals(0, start.waitFor(Duration.ofMinutes(5)), start.log());
  }

  @AfterAll
  void stopCluster() throws Exception {
    List<Long> pids = daemonPids();
    Script stop = Script.start(dir.resolve("stop.log"), clusterEnv, "scripts/cluster", "stop");
    assertEquals(0, stop.waitFor(Duration.ofMinutes(2)), stop.log());
    for (long pid : pids) {
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " still alive");
      // Each daemon led its own process group; its executors were in it. `kill -0 -- -PGID` fails once it is empty.
      int groupAlive = new ProcessBuilder("kill", "-0", "--", "-" + pid).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
      assertFalse(groupAlive == 0, "process group " + pid + " still has a process");
    }
  }

  /**
   * One cluster job, one Worker JVM killed by its pid once the text phase starts (both executors then
   * hold the cached ingest): the job still succeeds, and its rows equal a local run's.
   */
  @Test
  void aClusterRunWithAWorkerKilledMidJobEqualsALocalRun() throws Exception {
    Path clusterOut = dir.resolve("out-cluster");
    Path log = dir.resolve("submit-cluster.log");
    Script run = submit(master, clusterOut, log);
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    while (!Files.readString(log).contains("phase text")) {
      assertTrue(run.process.isAlive(), "the job ended before the kill:\n" + run.log());
      assertTrue(System.nanoTime() < deadline, "no text phase:\n" + run.log());
      Thread.sleep(200);
    }
    long worker = Long.parseLong(Files.readString(runDir.resolve("worker-1.pid")).trim());
    ProcessHandle handle = ProcessHandle.of(worker).orElseThrow();
    assertTrue(run.process.isAlive(), "the job ended before the kill");
    assertTrue(new ProcessBuilder("kill", "-KILL", Long.toString(worker)).start().waitFor() == 0);
    handle.onExit().get(1, TimeUnit.MINUTES);
    assertEquals(0, run.waitFor(JOB_TIMEOUT), run.log());
    // The driver saw its executor on that worker go.
    assertTrue(run.log().matches("(?si).*(lost executor|is now LOST|worker lost).*"), run.log());
    // It ran on the cluster: each Worker launched an executor for the application.
    for (String w : List.of("worker-1", "worker-2")) {
      try (Stream<Path> apps = Files.list(runDir.resolve(w))) {
        assertTrue(apps.anyMatch(p -> p.getFileName().toString().startsWith("app-")), w + " ran no executor");
      }
    }

    // The local reference runs in this JVM (local[2], the tier's shared Spark): a spark-submit of it
    // would repeat what SubmitExitCodesIT already covers, at the cost of a cold JVM.
    Path localOut = dir.resolve("out-local");
    io.actorscope.testing.Cli local = io.actorscope.testing.Cli.run("run", spec.toString(), "--output", localOut.toString());
    assertEquals(0, local.exit, local.err);
    // Every speech file the glob matches, and the seed's one line, is an article.
    long speeches;
    try (Stream<Path> s = Files.walk(Path.of("sample/ungdc/TXT"))) {
      speeches = s.filter(p -> p.getFileName().toString().matches("A.*\\.txt")).count();
    }
    try (DuckDb db = new DuckDb(clusterOut)) {
      assertEquals(speeches + 1, db.count("SELECT count(*) FROM " + db.table(Tables.ARTICLES)));
      assertTrue(db.count("SELECT count(*) FROM " + db.table(Tables.COOCCURRENCE)) > 100);
    }
    assertSameRows(localOut, clusterOut);
  }

  private Script submit(String masterUrl, Path out, Path log) throws IOException {
    return Script.start(log, Map.of(), "scripts/submit", "--master", masterUrl, "--driver-memory", "1g",
        "--conf", "spark.executor.memory=768m", "--conf", "spark.executor.extraJavaOptions=" + Script.jit(), "run", spec.toString(), "--output", out.toString());
  }

  private List<Long> daemonPids() throws IOException {
    List<Long> pids = new ArrayList<>();
    for (String n : List.of("master", "worker-1", "worker-2")) {
      Path p = runDir.resolve(n + ".pid");
      if (Files.exists(p)) {
        pids.add(Long.parseLong(Files.readString(p).trim()));
      }
    }
    return pids;
  }

  /** Both outputs hold the same rows in every table: same counts, nothing in one and not the other. */
  static void assertSameRows(Path expected, Path actual) throws Exception {
    try (DuckDb a = new DuckDb(expected); DuckDb b = new DuckDb(actual)) {
      for (String t : TABLES) {
        long n = a.count("SELECT count(*) FROM " + a.table(t));
        assertTrue(n > 0, t + " is empty");
        assertEquals(n, b.count("SELECT count(*) FROM " + b.table(t)), t);
        String x = "SELECT * FROM " + a.table(t);
        String y = "SELECT * FROM " + b.table(t);
        assertEquals(0, a.count("SELECT count(*) FROM (" + x + " EXCEPT ALL " + y + ")"), t + ": rows differ");
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
