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

  public static Script start(Path log, Map<String, String> env, String... command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
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
