package io.actorscope.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A nightly feed as it lands, from the committed fixture {@code src/test/resources/feed/}
 * (scripts/make-test-feed: excerpts of fifteen 2022 UN General Debate speeches from the bundled
 * sample, JSON lines): three day folders of four speeches each, and one late speech per day.
 * The fixture's three days are copied under {@code IN/dt=D/} for whichever three days a test names.
 */
public final class DatedCorpus {
  /** The fixture's own days, in order; a test's i-th day receives the fixture's i-th day. */
  public static final List<LocalDate> FIXTURE_DAYS = List.of(LocalDate.parse("2025-03-01"),
      LocalDate.parse("2025-03-02"), LocalDate.parse("2025-03-03"));

  private DatedCorpus() {}

  private static Path fixture() {
    try {
      return Path.of(DatedCorpus.class.getResource("/feed").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies the fixture's first {@code days.size()} days into {@code in}; returns the article ids per day. */
  public static Map<LocalDate, List<String>> feed(Path in, List<LocalDate> days) throws IOException {
    Map<LocalDate, List<String>> ids = new TreeMap<>();
    for (int i = 0; i < days.size(); i++) {
      Path src = fixture().resolve("dt=" + FIXTURE_DAYS.get(i)).resolve("speeches.jsonl");
      Path dir = Files.createDirectories(in.resolve("dt=" + days.get(i)));
      Files.copy(src, dir.resolve("speeches.jsonl"));
      ids.put(days.get(i), ids(src));
    }
    return ids;
  }

  /** Copies the fixture's late speech of its {@code index}-th day into day {@code d}'s folder; returns its id. */
  public static String addLate(Path in, int index, LocalDate d) throws IOException {
    Path src = fixture().resolve("late").resolve("dt=" + FIXTURE_DAYS.get(index)).resolve("late.jsonl");
    Files.copy(src, in.resolve("dt=" + d).resolve("late.jsonl"));
    return ids(src).get(0);
  }

  /** The {@code id} of every line of a fixture file, in file order (read with Jackson, not the job). */
  static List<String> ids(Path jsonl) {
    ObjectMapper json = new ObjectMapper();
    List<String> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(jsonl)) {
        out.add(json.readTree(line).get("id").asText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * A job spec reading {@code in} as JSON lines, writing {@code out}. Lean, because these tests are
   * about days, locks and commits, not about each stage (tested on its own): topics off unless a test
   * turns them on, no near-duplicate search or discovery, co-occurrence at article scope only, no actor
   * graph, no unmatched-names report.
   */
  public static Path spec(Path dir, String in, String out, String... extraLines) throws IOException {
    StringBuilder y = new StringBuilder();
    y.append("run:\n  output: \"").append(out).append("\"\n");
    y.append("inputs:\n  - path: \"").append(in).append("\"\n    format: jsonl\n");
    y.append("topics:\n  enabled: false\n");
    y.append("near_duplicates:\n  enabled: false\n");
    y.append("discover:\n  enabled: false\n");
    y.append("cooccurrence:\n  scopes: [article]\n  graph:\n    enabled: false\n");
    y.append("actors:\n  unmatched_names:\n    enabled: false\n");
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
