package io.actorscope.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A run killed with SIGKILL once it has started a given phase, and what the output folder holds:
 * every file of every table with its SHA-256, so "unchanged" means unchanged to the byte.
 */
public final class KillRun {
  private KillRun() {}

  /** Every file under {@code out} except the run records, locks and staging, with its SHA-256. */
  public static Map<String, String> snapshot(Path out) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(out)) {
      return files;
    }
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = out.relativize(p).toString();
        if (rel.startsWith("_runs") || rel.startsWith("_locks") || rel.startsWith("_staging")) {
          continue;
        }
        files.put(rel, sha256(p));
      }
    }
    return files;
  }

  /**
   * Runs {@code args} in a child JVM and kills it with SIGKILL as soon as its log says it started
   * {@code phase}; fails if the child ends before that.
   */
  public static ChildJvm killDuring(Path log, String phase, String... args) throws Exception {
    ChildJvm child = ChildJvm.start(log, Map.of(), List.of(), args);
    String mark = "phase " + phase + ":";
    long deadline = System.currentTimeMillis() + 600_000;
    while (child.process.isAlive() && System.currentTimeMillis() < deadline) {
      if (child.output().contains(mark)) {
        child.kill9();
        return child;
      }
      Thread.sleep(20);
    }
    child.kill9();
    throw new AssertionError("the child never reached phase " + phase + ": " + child.output());
  }

  private static String sha256(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
