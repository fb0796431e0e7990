package io.actorscope.testing;

import io.actorscope.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs the command line in this JVM and keeps what it printed. A {@code run} goes on the shared
 * SparkSession (started first if need be), which the job then uses and leaves running: one Spark
 * for the whole test JVM instead of one per run.
 */
public final class Cli {
  public final int exit;
  public final String out;
  public final String err;

  private Cli(int exit, String out, String err) {
    this.exit = exit;
    this.out = out;
    this.err = err;
  }

  /**
   * Settings that cut a run down to ingest, text, actors, counts and article co-occurrence, for tests
   * about one of those (each later stage has its own tests): a whole run on a few records costs a few
   * seconds instead of twenty.
   */
  public static final List<String> LEAN = List.of(
      "--set", "near_duplicates.enabled=false", "--set", "discover.enabled=false", "--set", "topics.enabled=false",
      "--set", "cooccurrence.scopes=[article]", "--set", "cooccurrence.graph.enabled=false",
      "--set", "actors.unmatched_names.enabled=false", "--set", "nightly.rolling_days=[]");

  /**
   * A short Gibbs fit (50 sweeps, 10 of them burn-in), for tests whose subject is not the topics:
   * burn-in merges after every sweep, so the defaults' 500 sweeps are 140 Spark jobs.
   */
  public static final List<String> SHORT_GIBBS = List.of("topics.gibbs.iterations=50", "topics.gibbs.burn_in=10");

  /** {@code --set} before each of {@code keyValues}. */
  public static List<String> sets(List<String> keyValues) {
    List<String> out = new java.util.ArrayList<>();
    keyValues.forEach(kv -> out.addAll(List.of("--set", kv)));
    return out;
  }

  /** {@link #LEAN} with the topics stage kept, for tests of topics and of the phases around them. */
  public static List<String> leanWithTopics() {
    return leanExcept("topics.enabled");
  }

  /** {@link #LEAN} without the settings of these keys (the stages a test is about stay as they default). */
  public static List<String> leanExcept(String... keys) {
    List<String> lean = new java.util.ArrayList<>(LEAN);
    for (String k : keys) {
      int t = -1;
      for (int i = 1; i < lean.size(); i += 2) {
        if (lean.get(i).startsWith(k + "=")) {
          t = i;
        }
      }
      if (t < 0) {
        throw new IllegalArgumentException(k + " is not set by LEAN");
      }
      lean.subList(t - 1, t + 1).clear();
    }
    return lean;
  }

  /** {@code args} followed by {@code more}. */
  public static String[] with(List<String> more, String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(more);
    return all.toArray(new String[0]);
  }

  public static Cli run(String... args) {
    if (args.length > 0 && args[0].equals("run")) {
      SharedSpark.spark();
    }
    return bare(args);
  }

  /** As {@link #run}, without starting the shared SparkSession (for checks that nothing starts Spark). */
  public static Cli bare(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = Main.execute(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    String e = err.toString(StandardCharsets.UTF_8);
    if (code != 0) {
      oldErr.println(e);
    }
    return new Cli(code, out.toString(StandardCharsets.UTF_8), e);
  }
}
