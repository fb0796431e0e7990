package io.actorscope.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A run report (OUTPUT/_runs/&lt;run_id&gt;.html): its text, its embedded data, and checks in a real browser. */
public final class ReportPage {
  public final Path path;
  public final String html;
  public final JsonNode data;

  private ReportPage(Path path, String html, JsonNode data) {
    this.path = path;
    this.html = html;
    this.data = data;
  }

  /** The one report of a single-run output. */
  public static ReportPage of(Path output) throws IOException {
    Path p;
    try (Stream<Path> s = Files.list(output.resolve("_runs"))) {
      p = s.filter(x -> x.getFileName().toString().matches("[^.].*\\.html")).findFirst()
          .orElseThrow(() -> new AssertionError("no report in " + output.resolve("_runs")));
    }
    String html = Files.readString(p);
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL)
        .matcher(html);
    assertTrue(m.find(), "the report embeds its data");
    return new ReportPage(p, html, new ObjectMapper().readTree(m.group(1).replace("<\\/", "</")));
  }

  /**
   * Nothing is fetched: every src and href is a fragment or data: URL (no CDN, no font server).
   * And the page opens in headless Chromium without a console message, its load-time check finds
   * every chart with a size, and no script error was recorded.
   */
  public void opensCleanlyIn(Chromium chromium) throws Exception {
    Matcher refs = Pattern.compile("(?i)\\b(?:src|href)\\s*=\\s*\"([^\"]*)\"").matcher(html);
    while (refs.find()) {
      String ref = refs.group(1);
      assertTrue(ref.startsWith("#") || ref.startsWith("data:"), "external reference: " + ref);
    }
    Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
    while (style.find()) {
      assertTrue(!style.group(1).contains("@import") && !style.group(1).contains("url("), "no stylesheet fetches");
    }
    Chromium.Page page = chromium.load(path);
    assertEquals("[]", page.console.toString(), "console messages");
    int charts = count(html, "<svg class=\"chart\"");
    assertTrue(page.dom.contains("data-report-check=\"charts=" + charts + " empty=0\""),
        "every one of " + charts + " charts rendered with a size: " + head(page.dom));
    assertTrue(!page.dom.contains("data-errors="), "script errors: " + head(page.dom));
  }

  private static String head(String s) {
    return s.substring(0, Math.min(400, s.length()));
  }

  public static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
