package io.actorscope.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Real news laid out the way a nightly feed lands: BBC politics articles (../shared/corpora/bbc,
 * plain text, title on the first line) copied into {@code IN/dt=YYYY-MM-DD/politics-NNN.txt},
 * consecutive files per day. Skipped with a message when ../shared is absent.
 */
public final class DatedCorpus {
  private DatedCorpus() {}

  /** Copies {@code perDay} files per day, starting at file number {@code first}; returns the file names per day. */
  public static Map<LocalDate, List<String>> bbcPolitics(Path in, List<LocalDate> days, int perDay, int first)
      throws IOException {
    Path politics = SharedSpark.corpus("bbc").resolve("politics");
    Map<LocalDate, List<String>> out = new TreeMap<>();
    int n = first;
    for (LocalDate d : days) {
      Path dir = in.resolve("dt=" + d);
      Files.createDirectories(dir);
      List<String> names = new ArrayList<>();
      for (int i = 0; i < perDay; i++, n++) {
        String name = String.format("politics-%03d.txt", n);
        Files.copy(politics.resolve(String.format("%03d.txt", n)), dir.resolve(name));
        names.add(name);
      }
      out.put(d, names);
    }
    return out;
  }

  /** Copies BBC politics file {@code n} into day {@code d}'s folder (a late arrival). */
  public static void addLate(Path in, LocalDate d, int n) throws IOException {
    Path politics = SharedSpark.corpus("bbc").resolve("politics");
    Files.copy(politics.resolve(String.format("%03d.txt", n)), in.resolve("dt=" + d).resolve(String.format("politics-%03d.txt", n)));
  }

  /** A job spec reading {@code in} as BBC text files, writing {@code out}; topics off (issue 6 owns them in dated runs). */
  public static Path spec(Path dir, String in, String out, String... extraLines) throws IOException {
    StringBuilder y = new StringBuilder();
    y.append("run:\n  output: \"").append(out).append("\"\n");
    y.append("inputs:\n  - path: \"").append(in).append("\"\n    format: text\n");
    y.append("    path_pattern: \"(?<id>politics-\\\\d+)\\\\.txt$\"\n    title_from_first_line: true\n    source: bbc\n");
    y.append("topics:\n  enabled: false\n");
    for (String l : extraLines) {
      y.append(l).append('\n');
    }
    Path spec = dir.resolve("job-" + Math.abs(y.toString().hashCode()) + ".yaml");
    Files.writeString(spec, y.toString());
    return spec;
  }

  /** Every row of every table, per table (DuckDB, sorted), for comparing two outputs. */
  public static Map<String, List<String>> snapshot(Path out, List<String> tables) throws Exception {
    Map<String, List<String>> all = new TreeMap<>();
    try (DuckDb db = new DuckDb(out)) {
      for (String t : tables) {
        List<String> rows = List.of();
        try {
          rows = db.rows("SELECT * FROM " + db.table(t) + " ORDER BY ALL");
        } catch (java.sql.SQLException e) {
          if (!String.valueOf(e.getMessage()).contains("No files found")) {
            throw e;
          }
        }
        all.put(t, rows);
      }
    }
    return all;
  }
}
