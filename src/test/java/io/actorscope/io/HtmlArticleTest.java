package io.actorscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The date rules and the not-an-article rule on small hand-written pages. */
class HtmlArticleTest {
  private static final Instant CRAWLED = Instant.parse("2024-03-10T12:00:00Z");
  private static final String BODY = "<p>" + "The council met on the budget and agreed on the plan for the harbour. ".repeat(12) + "</p>";

  private static HtmlArticle page(String url, String head, String beforeBody, int minChars) {
    String html = "<html><head><title>T</title>" + head + "</head><body><article><h1>Heading</h1>" + beforeBody
        + BODY + "</article></body></html>";
    return HtmlArticle.extract(html.getBytes(StandardCharsets.UTF_8), "UTF-8", url, CRAWLED, minChars, true);
  }

  @Test
  void aMetaTagWithATimeOfDayWinsOverAJsonLdDay() {
    HtmlArticle a = page("https://news.example/a/b",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2021-06-01\"}</script>"
            + "<meta property=\"article:published_time\" content=\"2021-06-01T10:00:00+02:00\">", "", 100);
    assertEquals("2021-06-01T10:00:00+02:00", a.published);
    assertEquals(Dates.TIME, a.datePrecision);
    assertEquals("meta", a.dateSource);
    assertNull(a.filterReason);
  }

  @Test
  void relativeDatesResolveAgainstTheCrawlDate() {
    HtmlArticle days = page("https://news.example/a/b", "", "<span>Posted 3 days ago</span>", 100);
    assertEquals("2024-03-07", days.published);
    assertEquals(Dates.DAY, days.datePrecision);
    assertEquals("relative_text", days.dateSource);
    HtmlArticle weeks = page("https://news.example/a/b", "", "<span>2 weeks ago</span>", 100);
    assertEquals("2024-02-25", weeks.published);
    assertEquals(Dates.APPROXIMATE, weeks.datePrecision);
    HtmlArticle tegnap = page("https://hirek.example/a/b", "", "<span>tegnap, 14:02</span>", 100);
    assertEquals("2024-03-09", tegnap.published);
    assertEquals(Dates.DAY, tegnap.datePrecision);
  }

  @Test
  void aDateInTheUrl() {
    HtmlArticle a = page("https://news.example/2019/5/1/story/", "", "", 100);
    assertEquals("2019-05-01", a.published);
    assertEquals("url", a.dateSource);
  }

  @Test
  void notArticlesAreNamedByTheirReason() {
    String dated = "<meta property=\"article:published_time\" content=\"2021-06-01T10:00:00Z\">";
    assertEquals(HtmlArticle.HOME_PAGE, page("https://news.example/", dated, "", 100).filterReason);
    assertEquals(HtmlArticle.PRODUCT_PAGE,
        page("https://shop.example/p/1", dated + "<meta property=\"og:type\" content=\"product\">", "", 100).filterReason);
    // the body is 12 sentences of about 70 characters: under 1,000
    assertEquals(HtmlArticle.TOO_SHORT, page("https://news.example/a/b", dated, "", 5000).filterReason);
    assertEquals(HtmlArticle.UNDATED, page("https://news.example/a/b", "", "", 100).filterReason);
  }
}
