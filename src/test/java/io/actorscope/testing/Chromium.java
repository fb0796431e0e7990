package io.actorscope.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's {@code chromium}) opening a local page the way a person would. Tests
 * that need it are skipped with a message when it is not installed; CI installs it.
 *
 * <p>How a page is judged: Chromium's log at --v=0 carries every console message as an
 * {@code INFO:CONSOLE} line (errors and uncaught exceptions included, at the same level), so any
 * such line counts, and a page that should be silent must print none. {@code --dump-dom} gives the
 * DOM after the load event, so attributes a page's own script sets on load can be read back.
 */
public final class Chromium {
  private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-background-networking", "--no-first-run", "--hide-scrollbars", "--enable-logging=stderr", "--v=0");

  /** What loading a page gave. */
  public static final class Page {
    public final String dom;
    public final List<String> console;
    public final String log;

    Page(String dom, List<String> console, String log) {
      this.dom = dom;
      this.console = console;
      this.log = log;
    }
  }

  private final String binary;

  private Chromium(String binary) {
    this.binary = binary;
  }

  /** The installed browser (CHROMIUM, or chromium / chromium-browser on the PATH), or the test is skipped. */
  public static Chromium require() {
    String env = System.getenv("CHROMIUM");
    List<String> candidates = new ArrayList<>();
    if (env != null && !env.isBlank()) {
      candidates.add(env);
    }
    candidates.addAll(List.of("chromium", "chromium-browser"));
    for (String c : candidates) {
      Path p = c.contains("/") ? Path.of(c) : onPath(c);
      if (p != null && Files.isExecutable(p)) {
        return new Chromium(p.toString());
      }
    }
    // runs wherever Chromium is installed (CI installs it); a user's machine without it skips, saying so
    return Assumptions.abort("skipped: headless Chromium is not installed (apt-get install chromium; CI installs it)");
  }

  private static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** Loads the page and returns its DOM after the load event and the console messages it logged. */
  public Page load(Path html) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("chromium");
    Result r = run(work, "--dump-dom", html.toUri().toString());
    List<String> console = new ArrayList<>();
    for (String line : r.err.split("\n")) {
      if (line.contains(":CONSOLE")) {
        console.add(line);
      }
    }
    return new Page(r.out, console, r.err);
  }

  /** A PNG of the page at the given window size. */
  public void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.deleteIfExists(png);
    Path work = Files.createTempDirectory("chromium");
    Result r = run(work, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
        html.toUri().toString());
    if (!Files.exists(png)) {
      throw new IOException("chromium wrote no screenshot: " + r.err);
    }
  }

  private record Result(String out, String err) {}

  private Result run(Path work, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary);
    cmd.addAll(FLAGS);
    cmd.add("--user-data-dir=" + work.resolve("profile"));
    cmd.addAll(List.of(args));
    Path out = work.resolve("stdout");
    Path err = work.resolve("stderr");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new IOException("chromium did not finish within 120 s: " + String.join(" ", cmd));
    }
    String o = Files.readString(out, StandardCharsets.UTF_8);
    String e = Files.readString(err, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException("chromium exited " + p.exitValue() + ": " + e);
    }
    return new Result(o, e);
  }
}
