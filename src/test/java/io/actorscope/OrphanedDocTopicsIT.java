package io.actorscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.testing.Cli;
import io.actorscope.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 6: a dated run that replaces day D but skips topics (too few articles) must not
 * keep the old doc_topics rows of D, which point at articles that no longer exist (fixed by the
 * output owner, RunOutput, which replaces every dated table of the run's days). Integration tier: two
 * whole runs, one of them fitting topics; RunOutputTest covers the mechanism in the fast tier.
 */
class OrphanedDocTopicsIT {
  @TempDir
  Path dir;

  /** {@code n} speeches of the bundled sample (one session), from the {@code from}-th, into {@code day}. */
  private static void copySpeeches(Path day, int from, int n) throws Exception {
    Path src;
    try (var s = Files.list(Path.of("sample/ungdc/TXT"))) {
      src = s.sorted().findFirst().orElseThrow();
    }
    Path dst = Files.createDirectories(day.resolve(src.getFileName()));
    try (var s = Files.list(src)) {
      for (Path p : s.sorted().skip(from).limit(n).toList()) {
        Files.copy(p, dst.resolve(p.getFileName()));
      }
    }
  }

  @Test
  void aRunThatSkipsTopicsLeavesNoDocTopicsOfDeletedArticles() throws Exception {
    Path in = dir.resolve("in");
    Path day = Files.createDirectories(in.resolve("dt=2025-05-01"));
    copySpeeches(day, 0, 30);
    Path out = dir.resolve("out");
    List<String> lean = new java.util.ArrayList<>(Cli.leanWithTopics());
    lean.addAll(Cli.sets(Cli.SHORT_GIBBS));
    List<String> args = List.of(Cli.with(lean, "run", "--input", in.toString(), "--format", "text",
        "--output", out.toString(), "--date", "2025-05-01", "--set", "topics.k=3", "--set", "topics.max_iter=5",
        "--set", "topics.min_df=2"));
    assertEquals(0, Cli.run(args.toArray(new String[0])).exit);
    long before = SharedSpark.spark().read().parquet(out.resolve("doc_topics").toString()).count();
    assertTrue(before > 0, "the first run fitted topics");
    // day D again with 3 other speeches: topics are skipped (topics.min_documents is 20)
    try (var w = Files.walk(day)) {
      w.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(day)).forEach(p -> p.toFile().delete());
    }
    copySpeeches(day, 30, 3);
    List<String> again = new ArrayList<>(args);
    assertEquals(0, Cli.run(again.toArray(new String[0])).exit);
    var spark = SharedSpark.spark();
    // the day's doc_topics emptied may leave no Parquet file in doc_topics (or no folder): then there is no orphan
    boolean anyRows;
    try (var w = Files.exists(out.resolve("doc_topics")) ? Files.walk(out.resolve("doc_topics")) : java.util.stream.Stream.<Path>empty()) {
      anyRows = w.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
    }
    long orphans = !anyRows ? 0 : spark.read().parquet(out.resolve("doc_topics").toString()).alias("d")
        .join(spark.read().parquet(out.resolve("articles").toString()).alias("a"),
            org.apache.spark.sql.functions.col("d.article_id").equalTo(org.apache.spark.sql.functions.col("a.id")),
            "left_anti")
        .count();
    assertEquals(0, orphans, "doc_topics rows whose article is gone");
  }
}
