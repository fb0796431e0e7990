package io.actorscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.io.IngestTestData;
import io.actorscope.output.Tables;
import io.actorscope.testing.Cli;
import io.actorscope.testing.DuckDb;
import io.actorscope.testing.ReportPage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken lines are quarantined, the run exits 0, the manifest and the run report reconcile (12
 * records: 4 accepted, 7 quarantined, one per reason, 1 duplicate, as worked out in
 * {@link IngestTestData}), and a rerun changes nothing. The report in a browser: RunReportIT.
 */
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

    // the stages after actors cut short (Cli.LEAN), topics kept: the report must say why they were skipped
    List<String> lean = Cli.leanWithTopics();
    Cli first = Cli.run(Cli.with(lean, "run", "--input", in.toString(), "--format", "jsonl", "--output", out.toString()));
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

    // the run report says the same, lists every quarantined record, and its top actors are a recount of the mentions
    ReportPage report = ReportPage.of(out);
    assertTrue(first.out.contains("actorscope: report " + report.path), first.out);
    assertTrue(report.html.contains("read 12 = accepted 4 + quarantined 7 + duplicates 1 ✓ reconciled"), report.html);
    TreeSet<String> reasons = new TreeSet<>();
    for (JsonNode q : report.data.get("quarantine")) {
      reasons.add(q.get("reason").asText());
      assertTrue(q.get("source_file").asText().endsWith("mixed.jsonl"), q.toString());
    }
    assertEquals(List.of("binary_content", "invalid_date", "invalid_field", "invalid_json", "missing_date",
        "missing_text", "not_an_object"), new ArrayList<>(reasons));
    assertEquals(7, report.data.get("quarantine").size());
    for (String reason : reasons) {
      assertTrue(report.html.contains("<tr><td>" + reason + "</td><td class=\"num\">1</td></tr>"), reason);
    }
    List<String> recount;
    try (DuckDb db = new DuckDb(out)) {
      recount = db.rows("SELECT actor_id, count(*), count(DISTINCT article_id) FROM " + db.table(Tables.MENTIONS)
          + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10");
    }
    List<String> shown = new ArrayList<>();
    for (JsonNode a : report.data.get("top_actors")) {
      shown.add(a.get("id").asText() + "|" + a.get("mentions").asLong() + "|" + a.get("articles").asLong());
    }
    assertEquals(recount, shown);
    assertTrue(shown.size() >= 2, shown.toString());
    // sections with nothing to show say why: four articles are too few for topics (topics.min_documents),
    // and no pair shares 2 of them (NATO and Russia meet only in the seed)
    assertTrue(report.data.get("notes").get("topics").asText().startsWith("topics were skipped"), report.data.toString());
    assertEquals("no pair of actors is named together in 2 or more articles",
        report.data.get("notes").get("pairs").asText());

    Cli second = Cli.run(Cli.with(lean, "run", "--input", in.toString(), "--format", "jsonl", "--output", out.toString()));
    assertEquals(0, second.exit, second.err);
    manifest(out, 2);
    assertEquals(before, snapshot(out));
  }
}
