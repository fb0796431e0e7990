package io.actorscope.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staged commit on the local file system, with a crash simulated after each possible number of
 * moves: before recovery every partition folder is whole (old or new); after recovery it is new.
 */
class StagedCommitTest {
  @TempDir
  Path dir;

  @AfterEach
  void noCrash() {
    StagedCommit.crashAfterMoves = -1;
  }

  /** OUTPUT/t/date=1 (old), date=2 (old, to be emptied); staged: date=1 (new), date=3 (new). */
  private StagedCommit prepare(Path out, String runId) throws Exception {
    write(out.resolve("t/date=1/part-0.parquet"), "old-1");
    write(out.resolve("t/date=2/part-0.parquet"), "old-2");
    StagedCommit c = new StagedCommit(new Configuration(), out.toString(), runId);
    write(Path.of(c.stagingPath("t")).resolve("date=1/part-0.parquet"), "new-1");
    write(Path.of(c.stagingPath("t")).resolve("date=1/part-1.parquet"), "new-1b");
    write(Path.of(c.stagingPath("t")).resolve("date=3/part-0.parquet"), "new-3");
    c.replace("t", "date=1");
    c.replace("t", "date=2");
    c.replace("t", "date=3");
    return c;
  }

  private static void write(Path p, String s) throws Exception {
    Files.createDirectories(p.getParent());
    Files.writeString(p, s);
  }

  /** Partition folder → its files' contents, as a reader of OUTPUT/t/ sees them. */
  private static TreeMap<String, String> table(Path t) throws Exception {
    TreeMap<String, String> m = new TreeMap<>();
    if (!Files.exists(t)) {
      return m;
    }
    try (Stream<Path> parts = Files.list(t)) {
      for (Path p : parts.sorted().collect(Collectors.toList())) {
        try (Stream<Path> files = Files.list(p)) {
          m.put(p.getFileName().toString(), files.filter(f -> !f.getFileName().toString().startsWith("."))
              .sorted().map(f -> {
                try {
                  return Files.readString(f);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              }).collect(Collectors.joining(",")));
        }
      }
    }
    return m;
  }

  @Test
  void aCommitReplacesAddsAndEmptiesPartitions() throws Exception {
    Path out = dir.resolve("out");
    StagedCommit c = prepare(out, "run-a");
    assertEquals(4, c.commit());
    assertEquals("{date=1=new-1,new-1b, date=3=new-3}", table(out.resolve("t")).toString());
    assertFalse(Files.exists(out.resolve("_staging/run-a")));
  }

  @Test
  void aCrashAtAnyPointLeavesWholePartitionsAndRecoveryRollsForward() throws Exception {
    for (int crashAfter = 0; crashAfter <= 3; crashAfter++) {
      Path out = dir.resolve("out" + crashAfter);
      StagedCommit c = prepare(out, "run-b");
      StagedCommit.crashAfterMoves = crashAfter;
      assertThrows(IllegalStateException.class, c::commit);
      StagedCommit.crashAfterMoves = -1;
      TreeMap<String, String> during = table(out.resolve("t"));
      for (var e : during.entrySet()) {
        assertTrue(List.of("old-1", "new-1,new-1b", "old-2", "new-3").contains(e.getValue()),
            "crash after " + crashAfter + ": " + e);
      }
      // a live run's staging folder is not touched
      assertEquals(List.of(), StagedCommit.recover(new Configuration(), out.toString(), Set.of("run-b")));
      assertEquals(List.of("run-b"), StagedCommit.recover(new Configuration(), out.toString(), Set.of()));
      assertEquals("{date=1=new-1,new-1b, date=3=new-3}", table(out.resolve("t")).toString(), "crash after " + crashAfter);
      assertFalse(Files.exists(out.resolve("_staging/run-b")));
    }
  }

  @Test
  void aRunThatDiedBeforeItsJournalIsDiscarded() throws Exception {
    Path out = dir.resolve("out");
    prepare(out, "run-c"); // staged, never committed
    assertEquals(List.of("run-c"), StagedCommit.recover(new Configuration(), out.toString(), Set.of()));
    assertEquals("{date=1=old-1, date=2=old-2}", table(out.resolve("t")).toString());
  }
}
