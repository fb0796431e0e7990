package io.actorscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.io.IngestTestData;
import io.actorscope.output.Tables;
import io.actorscope.testing.Cli;
import io.actorscope.testing.DuckDb;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken lines are quarantined, the run exits 0, the manifest reconciles, and a rerun changes nothing. */
class MixedInputTest {
  static final List<String> TABLES = List.of(Tables.ARTICLES, Tables.MENTIONS, Tables.ACTOR_COUNTS,
      Tables.COOCCURRENCE, Tables.ACTORS, Tables.ROLES, Tables.QUARANTINE);

  @TempDir
  Path dir;

  private Map<String, List<String>> snapshot(Path out) throws Exception {
    Map<String, List<String>> all = new TreeMap<>();
    try (DuckDb db = new DuckDb(out)) {
      for (String t : TABLES) {
        all.put(t, db.rows("SELECT * FROM " + db.table(t) + " ORDER BY ALL"));
      }
    }
    return all;
  }

  private JsonNode manifest(Path out, int expectedRuns) throws Exception {
    List<Path> runs;
    try (Stream<Path> s = Files.list(out.resolve(Tables.RUNS))) {
      runs = s.filter(p -> p.getFileName().toString().matches("[^.].*\\.json")).sorted().collect(Collectors.toList());
    }
    assertEquals(expectedRuns, runs.size());
    return new ObjectMapper().readTree(runs.get(runs.size() - 1).toFile());
  }

  @Test
  void brokenLinesAreQuarantinedAndARerunLeavesTheSameRows() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(IngestTestData.mixedFile());
    b.write(Files.readAllBytes(Path.of("sample/seed.jsonl")));
    Path in = dir.resolve("mixed.jsonl");
    Files.write(in, b.toByteArray());
    Path out = dir.resolve("out");

    Cli first = Cli.run("run", "--input", in.toString(), "--format", "jsonl", "--output", out.toString());
    assertEquals(0, first.exit, first.err);
    JsonNode m = manifest(out, 1);
    JsonNode c = m.get("counts");
    assertEquals("succeeded", m.get("status").asText());
    // 11 records of the mixed file + the seed; 7 broken, 1 duplicate
    assertEquals(12, c.get("read").asLong());
    assertEquals(4, c.get("accepted").asLong());
    assertEquals(7, c.get("quarantined").asLong());
    assertEquals(1, c.get("duplicates").asLong());
    assertTrue(c.get("reconciled").asBoolean());
    Map<String, List<String>> before = snapshot(out);
    assertEquals(4, before.get(Tables.ARTICLES).size());
    try (DuckDb db = new DuckDb(out)) {
      assertEquals(List.of("binary_content|1", "invalid_date|1", "invalid_field|1", "invalid_json|1",
          "missing_date|1", "missing_text|1", "not_an_object|1"),
          db.rows("SELECT reason, count(*) FROM " + db.table(Tables.QUARANTINE) + " GROUP BY 1 ORDER BY 1"));
      // each quarantine row says where the line is and shows a piece of it
      assertEquals(0, db.count("SELECT count(*) FROM " + db.table(Tables.QUARANTINE)
          + " WHERE source_file NOT LIKE '%mixed.jsonl' OR \"offset\" < 0 OR detail IS NULL"));
    }

    Cli second = Cli.run("run", "--input", in.toString(), "--format", "jsonl", "--output", out.toString());
    assertEquals(0, second.exit, second.err);
    manifest(out, 2);
    assertEquals(before, snapshot(out));
  }
}
