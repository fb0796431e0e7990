package io.actorscope.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A script of ours as a child process, its output in a log file. */
public final class Script {
  public final Process process;
  public final Path log;

  private Script(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * The JIT options for the JVMs a test starts (pom.xml, test.jvm: C1 only, as they are short-lived),
   * or "". Our scripts' JVMs (spark-submit's driver, cluster daemons) get them through
   * SPARK_SUBMIT_OPTS and SPARK_DAEMON_JAVA_OPTS, the executors through
   * {@code spark.executor.extraJavaOptions} where a test submits.
   */
  public static String jit() {
    return System.getProperty("actorscope.test.child.jvm", "").trim();
  }

  public static Script start(Path log, Map<String, String> env, String... command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    if (!jit().isEmpty()) {
      pb.environment().merge("SPARK_SUBMIT_OPTS", jit(), (a, b) -> a + " " + b);
      pb.environment().merge("SPARK_DAEMON_JAVA_OPTS", jit(), (a, b) -> a + " " + b);
    }
    pb.environment().putAll(env);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return new Script(pb.start(), log);
  }

  public int waitFor(Duration timeout) throws Exception {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("timed out after " + timeout + ":\n" + log());
    }
    return process.exitValue();
  }

  public String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
