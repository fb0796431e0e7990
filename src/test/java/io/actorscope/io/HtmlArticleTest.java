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

  // a paragraph of 5 x 64 characters less the last space: 319; four of them make 1,276
  private static final String SENTENCE = "The harbour board agreed the budget for the new quay on Monday. ";
  private static final String PARA = SENTENCE.repeat(5).strip();

  private static org.jsoup.nodes.Document doc(String body) {
    return org.jsoup.Jsoup.parse("<html><head><title>T</title></head><body>" + body + "</body></html>");
  }

  @Test
  void oneContainerOfProseIsTakenWithoutReadabilityAndWithoutItsPager() {
    String html = "<nav><p>" + "Home, World, Sports, Culture and everything else we cover here. ".repeat(3) + "</p></nav>"
        + "<div id=body><h2>Quay</h2><p>" + PARA + "</p><p>" + PARA + "</p><div class=pager>next page 1 2</div><p>"
        + PARA + "</p><p>" + PARA + "</p></div>";
    org.jsoup.nodes.Element c = HtmlArticle.confidentParagraphs(doc(html));
    assertEquals("body", c.id());
    // the heading and the four paragraphs, one a line; the pager is not prose
    assertEquals("Quay\n" + PARA + "\n" + PARA + "\n" + PARA + "\n" + PARA, HtmlArticle.proseText(c));
  }

  @Test
  void readabilityDecidesWhereTheCheapRuleIsUnsure() {
    // a lead of 2 x 64 = 128 characters in its own element just before the container
    String lead = "<div class=intro>" + SENTENCE + SENTENCE + "</div>";
    String four = "<div id=body><p>" + PARA + "</p><p>" + PARA + "</p><p>" + PARA + "</p><p>" + PARA + "</p></div>";
    assertNull(HtmlArticle.confidentParagraphs(doc(lead + four)));
    // the same 1,276 characters split 638 / 638 over two containers: half the text, under 75 %
    String two = "<div id=a><p>" + PARA + "</p><p>" + PARA + "</p></div><div id=b><p>" + PARA + "</p><p>" + PARA + "</p></div>";
    assertNull(HtmlArticle.confidentParagraphs(doc(two)));
    // three paragraphs of 2 x 64 characters less the last space: 3 x 127 = 381, under 500
    String shortPara = (SENTENCE + SENTENCE).strip();
    assertNull(HtmlArticle.confidentParagraphs(
        doc("<div><p>" + shortPara + "</p><p>" + shortPara + "</p><p>" + shortPara + "</p></div>")));
    // two paragraphs of 638 characters: over 500, but under three paragraphs
    assertNull(HtmlArticle.confidentParagraphs(doc("<div><p>" + PARA + "</p><p>" + PARA + "</p></div>")));
    // three of them (957 characters) are enough
    assertEquals("three", HtmlArticle.confidentParagraphs(
        doc("<div id=three><p>" + PARA + "</p><p>" + PARA + "</p><p>" + PARA + "</p></div>")).id());
    // and the whole extraction still finds the text through Readability
    HtmlArticle a = HtmlArticle.extract(("<html><body>" + two + "</body></html>").getBytes(StandardCharsets.UTF_8), "UTF-8",
        "https://news.example/a/b", CRAWLED, 500, false);
    org.junit.jupiter.api.Assertions.assertTrue(a.text.contains(PARA), a.text);
  }
}
