package io.actorscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.actorscope.output.Catalogue;
import io.actorscope.output.TableSpec;
import io.actorscope.testing.Cli;
import io.actorscope.testing.DuckDb;
import io.actorscope.testing.KillRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL in its topics phase (after every other table was written to staging)
 * leaves every file of the previous output byte for byte as it was; the next run repairs and gives
 * the rows of a clean run. On speeches of the bundled sample.
 *
 * <p>The stages this kill does not reach in a new way are off ({@link #AROUND_TOPICS}): near-duplicate
 * search, discovery, the sentence and window scopes and the rolling tables. Every stage is on in
 * {@link KillAtEveryPhaseIT}, which kills at the start of each phase in turn (too slow for CI).
 */
class KilledRunIT {
  @TempDir
  Path dir;

  /** {@code n} speeches of one session of the sample, copied in the sample's own layout. */
  static void speeches(Path in, String session, int from, int n) throws Exception {
    Path src = Path.of("sample/ungdc/TXT", session);
    Path dst = Files.createDirectories(in.resolve("TXT").resolve(session));
    try (Stream<Path> s = Files.list(src)) {
      for (Path p : s.sorted().skip(from).limit(n).toList()) {
        Files.copy(p, dst.resolve(p.getFileName()));
      }
    }
  }

  static Path spec(Path dir, Path in, Path out) throws Exception {
    Path spec = dir.resolve("job.yaml");
    Files.copy(Path.of("sample/seed.jsonl"), in.resolve("seed.jsonl"));
    Files.writeString(spec, String.join("\n",
        "run:", "  output: " + out,
        "inputs:",
        "  - path: " + in.resolve("TXT"),
        "    format: text",
        "    path_pattern: \"(?<id>(?<source>[A-Z][A-Z0-9]{1,3})_\\\\d+_(?<year>\\\\d{4}))\\\\.txt$\"",
        "  - path: " + in.resolve("seed.jsonl"),
        "    format: jsonl",
        // Cli.SHORT_GIBBS, in the spec so that KillAtEveryPhaseIT's runs have it too: the kill and
        // the commit are what is tested here, not the topics
        "topics:", "  k: 3", "  min_documents: 5", "  max_iter: 5", "  gibbs: {" + String.join(", ",
            Cli.SHORT_GIBBS.stream().map(kv -> kv.substring("topics.gibbs.".length()).replace("=", ": ")).toList()) + "}",
        // an undated run, which rolls windows only when asked: KillAtEveryPhaseIT kills in that phase too
        "nightly:", "  rolling_undated: true", ""));
    return spec;
  }

  static final java.util.Set<String> TOPIC_TABLES = java.util.Set.of("topics", "doc_topics", "topic_quality",
      "actor_topics", "topic_actors");

  /** Every Parquet table's rows, sorted; model ids (the fitting run's id) left out. */
  static Map<String, List<String>> rows(Path out) throws Exception {
    Map<String, List<String>> all = new TreeMap<>();
    try (DuckDb db = new DuckDb(out)) {
      for (TableSpec t : Catalogue.ALL) {
        if (t.isParquet() && Files.isDirectory(out.resolve(t.name()))) {
          String cols = String.join(", ", t.columnNames().stream().filter(c -> !c.equals("model_id"))
              .map(c -> "\"" + c + "\"").toList());
          // a topic model is a fresh Gibbs fit each run (its sampling order follows Spark's scheduling),
          // so its tables are compared by size; every other table row for row
          all.put(t.name(), TOPIC_TABLES.contains(t.name())
              ? List.of("rows: " + db.count("SELECT count(*) FROM " + db.table(t.name())))
              : db.rows("SELECT " + cols + " FROM " + db.table(t.name()) + " ORDER BY ALL"));
        }
      }
    }
    return all;
  }

  /** Whole tables (partners, unmatched names), the graph and the models stay on: the lost tables. */
  static final List<String> AROUND_TOPICS = List.of(
      "--set", "near_duplicates.enabled=false", "--set", "discover.enabled=false",
      "--set", "cooccurrence.scopes=[article]", "--set", "cooccurrence.graph.scope=article",
      "--set", "nightly.rolling_days=[]");

  static String[] args(String... first) {
    return Stream.concat(Stream.of(first), AROUND_TOPICS.stream()).toArray(String[]::new);
  }

  @Test
  void aRunKilledInItsTopicsPhaseLeavesTheOutputAsItWasAndTheRerunEqualsACleanRun() throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out");
    speeches(in, "Session 75 - 2020", 0, 12);
    Path spec = spec(dir, in, out);
    assertEquals(0, Cli.run(args("run", spec.toString())).exit);
    Map<String, String> before = KillRun.snapshot(out);

    // new articles, so that a finished run would change every table
    speeches(in, "Session 76 - 2021", 0, 8);
    KillRun.killDuring(dir.resolve("child.log"), "topics", args("run", spec.toString()));
    assertEquals(before, KillRun.snapshot(out), "a run killed before its commit changed the output");

    Cli rerun = Cli.run(args("run", spec.toString()));
    assertEquals(0, rerun.exit, rerun.err);
    Path clean = dir.resolve("clean");
    assertEquals(0, Cli.run(args("run", spec.toString(), "--output", clean.toString())).exit);
    Map<String, List<String>> got = rows(out);
    assertNotEquals(rows(clean).get("articles").size(), 13, "the second delivery added articles");
    assertEquals(rows(clean), got);
  }
}
