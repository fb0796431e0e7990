package io.actorscope.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Rendering without Spark: a failed run, and text that must not become markup. */
class ReportHtmlTest {
  private static JsonNode json(String s) throws Exception {
    return new ObjectMapper().readTree(s);
  }

  @Test
  void aFailedRunShowsItsErrorAndCountsThatDoNotReconcile() throws Exception {
    JsonNode m = json("{\"run_id\":\"r1\",\"status\":\"failed\",\"error\":\"IllegalStateException: counts do not reconcile\","
        + "\"counts\":{\"read\":5,\"accepted\":3,\"quarantined\":1,\"duplicates\":0}}");
    ReportData d = new ReportData();
    d.notes.put("actors", "the run failed, so its tables may be incomplete");
    String html = ReportHtml.render(m, d);
    assertTrue(html.contains("<span class=\"status failed\">failed</span>"), html);
    assertTrue(html.contains("IllegalStateException: counts do not reconcile"), html);
    assertTrue(html.contains("read 5 = accepted 3 + quarantined 1 + duplicates 0 ✗ does not reconcile"), html);
    assertTrue(html.contains("the run failed, so its tables may be incomplete"), html);
  }

  @Test
  void namesAndSnippetsAreEscaped() throws Exception {
    JsonNode m = json("{\"run_id\":\"r2\",\"status\":\"succeeded\",\"counts\":{\"read\":1,\"accepted\":0,"
        + "\"quarantined\":1,\"duplicates\":0,\"quarantined_by_reason\":{\"invalid_json\":1}}}");
    ReportData d = new ReportData();
    ReportData.QuarantineRow q = new ReportData.QuarantineRow();
    q.sourceFile = "in.jsonl";
    q.reason = "invalid_json";
    q.snippet = "<script>alert('x')</script>";
    d.quarantine.add(q);
    String html = ReportHtml.render(m, d);
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
    assertFalse(html.contains("<script>alert"), html);
    // the embedded JSON cannot close its script element early
    assertFalse(html.contains("\"snippet\":\"<script>alert('x')</script>"), html);
    // the error listener, the embedded data and the load-time check: no fourth element closed by a snippet
    assertEquals(3, io.actorscope.testing.ReportPage.count(html, "</script>"));
  }

  /** Discovered actors sit beside the known ones, with their provisional ids; a run without discovery says so. */
  @Test
  void discoveredActorsHaveTheirOwnSection() throws Exception {
    JsonNode m = json("{\"run_id\":\"r3\",\"status\":\"succeeded\",\"counts\":{\"read\":4,\"accepted\":4,"
        + "\"quarantined\":0,\"duplicates\":0}}");
    ReportData d = new ReportData();
    ReportData.ActorStat a = new ReportData.ActorStat();
    a.id = "~person:brett_mcgurk";
    a.name = "Brett McGurk";
    a.type = "person";
    a.mentions = 5;
    a.articles = 3;
    a.shareOfArticles = 3 / 4.0;
    d.topDiscovered.add(a);
    String html = ReportHtml.render(m, d);
    int known = html.indexOf("<h2>Top actors</h2>");
    int found = html.indexOf("<h2>Discovered actors</h2>");
    assertTrue(known >= 0 && found > known, html);
    assertTrue(html.contains("<td>Brett McGurk <code>~person:brett_mcgurk</code></td><td>person</td>"
        + "<td class=\"num\">5</td><td class=\"num\">3</td><td class=\"num\">75.0%</td>"), html);

    ReportData off = new ReportData();
    off.notes.put("discovered", "discovery is off (discover.enabled)");
    assertTrue(ReportHtml.render(m, off).contains("discovery is off (discover.enabled)"));
  }

  @Test
  void layoutKeepsNodesApartAndInsideTheSquare() {
    double[][] p = Layout.forceDirected(4, new int[][] {{0, 1}, {2, 3}}, 300);
    for (double[] q : p) {
      assertTrue(q[0] >= 0 && q[0] <= 1 && q[1] >= 0 && q[1] <= 1);
    }
    for (int i = 0; i < 4; i++) {
      for (int j = i + 1; j < 4; j++) {
        assertTrue(Math.hypot(p[i][0] - p[j][0], p[i][1] - p[j][1]) > 0.05, i + "," + j);
      }
    }
  }
}
