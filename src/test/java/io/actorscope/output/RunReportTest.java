package io.actorscope.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.actorscope.io.IngestTestData;
import io.actorscope.testing.Chromium;
import io.actorscope.testing.Cli;
import io.actorscope.testing.DuckDb;
import io.actorscope.testing.ReportPage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run report of a run over broken lines plus the seed article: 12 records, 4 accepted, 7
 * quarantined (one per reason), 1 duplicate, as worked out in {@link IngestTestData}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunReportTest {
  @TempDir
  static Path dir;
  Path out;
  ReportPage report;

  @BeforeAll
  void run() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(IngestTestData.mixedFile());
    b.write(Files.readAllBytes(Path.of("sample/seed.jsonl")));
    Path in = dir.resolve("mixed.jsonl");
    Files.write(in, b.toByteArray());
    out = dir.resolve("out");
    Cli r = Cli.run("run", "--input", in.toString(), "--format", "jsonl", "--output", out.toString());
    assertEquals(0, r.exit, r.err);
    report = ReportPage.of(out);
    assertTrue(r.out.contains("actorscope: report " + report.path), r.out);
  }

  @Test
  void countsReconcileAndEveryQuarantinedRecordIsListedWithItsReason() {
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
  }

  @Test
  void topActorsEqualARecountOfTheMentions() throws Exception {
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
  }

  @Test
  void sectionsWithNothingToShowSayWhy() {
    // four articles: topics need topics.min_documents; no pair shares 2 of them (NATO and Russia meet only in the seed)
    assertTrue(report.data.get("notes").get("topics").asText().startsWith("topics were skipped"), report.data.toString());
    assertEquals("no pair of actors is named together in 2 or more articles",
        report.data.get("notes").get("pairs").asText());
  }

  @Test
  void opensInHeadlessChromiumWithoutErrors() throws Exception {
    report.opensCleanlyIn(Chromium.require());
  }
}
