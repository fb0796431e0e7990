package io.actorscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.testing.SharedSpark;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.dankito.readability4j.extended.Readability4JExtended;
import net.dankito.readability4j.extended.util.RegExUtilExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * {@link Readability} against Readability4J itself: on every HTML page of the sample WARCs
 * (../shared/corpora/warc; skipped when absent) its article content is the library's, node for node,
 * and its shortcuts (word-list patterns, the blank test) answer as the library's code does.
 */
class HtmlReadabilityIT {
  /** {url, page} of every HTTP 200 HTML response in the sample WARCs. */
  private static final List<Object[]> PAGES = new ArrayList<>();

  @BeforeAll
  static void readPages() throws IOException {
    Path dir = SharedSpark.corpus("warc");
    List<Path> files;
    try (var s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".warc.gz")).sorted().toList();
    }
    for (Path f : files) {
      try (WarcReader r = new WarcReader(Files.newInputStream(f))) {
        for (WarcRecord rec : r) {
          if (!(rec instanceof WarcResponse) || !rec.contentType().base().toString().startsWith("application/http")) {
            continue;
          }
          HttpResponse http = ((WarcResponse) rec).http();
          MediaType type = http.contentType();
          String payload = rec.headers().first("WARC-Identified-Payload-Type")
              .orElse(type == null ? "" : type.base().toString());
          if (http.status() != 200 || !payload.toLowerCase(Locale.ROOT).contains("html")) {
            continue;
          }
          byte[] body = http.bodyDecoded().stream().readAllBytes();
          String cs = type == null ? null : type.parameters().get("charset");
          String url = WarcSource.WarcRecords.unbracket(rec.headers().first("WARC-Target-URI").orElse(""));
          Document doc = Jsoup.parse(new ByteArrayInputStream(body),
              cs != null && Charset.isSupported(cs) ? cs : null, url);
          PAGES.add(new Object[] {url, doc});
        }
      }
    }
  }

  @Test
  void theArticleContentIsTheLibrarys() {
    // PROVENANCE.txt: 16 + 15 + 25 + 27 HTTP 200 HTML responses
    assertEquals(83, PAGES.size());
    for (Object[] p : PAGES) {
      String url = (String) p[0];
      Document doc = (Document) p[1];
      Element ours = Readability.articleContent(doc, url);
      Element library;
      try {
        library = new Readability4JExtended(url, doc.clone()).parse().getArticleContent();
      } catch (RuntimeException e) {
        library = null; // as HtmlArticle takes a failure
      }
      assertEquals(library == null ? null : library.outerHtml(), ours == null ? null : ours.outerHtml(), url);
    }
  }

  @Test
  void theWordListsAnswerAsThePatterns() {
    RegExUtilExtended lib = defaultRegex();
    Readability.LiteralRegex ours = new Readability.LiteralRegex();
    // the same patterns as the library's defaults
    for (String getter : List.of("getUnlikelyCandidates", "getOkMaybeItsACandidate", "getPositive", "getNegative",
        "getExtraneous", "getByline", "getReplaceFonts", "getNormalize", "getVideos", "getNextLink", "getPrevLink",
        "getWhitespace", "getHasContent")) {
      assertEquals(pattern(lib, getter), pattern(ours, getter), getter);
    }
    Set<String> inputs = new LinkedHashSet<>(List.of("", "hid", "HID", "Hid\n", "hid\r\n", "x hid", "x HID\u2028",
        "hid x", "a hid b", "ahid", "hidden", "HIDDEN-box", "Comment-list", "com-x", "Floating", "p-AUTHOR",
        "ad-break", "adbreak", "İndex", "K\u212Aomment", "sidebar\n", "article main", "entry-content", "ﬁle"));
    for (Object[] p : PAGES) {
      for (Element e : ((Document) p[1]).getAllElements()) {
        inputs.add(e.className() + " " + e.id());
        inputs.add(e.className());
        inputs.add(e.id());
      }
    }
    assertTrue(inputs.size() > 2000, "inputs: " + inputs.size());
    for (String s : inputs) {
      assertEquals(lib.isUnlikelyCandidate(s), ours.isUnlikelyCandidate(s), s);
      assertEquals(lib.okMaybeItsACandidate(s), ours.okMaybeItsACandidate(s), s);
      assertEquals(lib.isPositive(s), ours.isPositive(s), s);
      assertEquals(lib.isNegative(s), ours.isNegative(s), s);
      assertEquals(lib.isByline(s), ours.isByline(s), s);
    }
  }

  @Test
  void theBlankTestAnswersAsTheText() {
    Document made = Jsoup.parse("<div id=a> \u00a0\u2003 <span>\n</span></div><div id=b>\u200b</div>"
        + "<pre id=c>\u200b</pre><div id=d> <b> x</b></div><div id=e><br><hr></div>");
    assertEquals(Readability.BLANK, Readability.blankness(made.getElementById("a")));
    assertEquals(Readability.UNSURE, Readability.blankness(made.getElementById("b")));
    assertEquals(Readability.UNSURE, Readability.blankness(made.getElementById("c")));
    assertEquals(Readability.NOT_BLANK, Readability.blankness(made.getElementById("d")));
    assertEquals(Readability.BLANK, Readability.blankness(made.getElementById("e")));
    List<Document> docs = new ArrayList<>();
    docs.add(made);
    PAGES.forEach(p -> docs.add((Document) p[1]));
    for (Document d : docs) {
      for (Element e : d.getAllElements()) {
        int b = Readability.blankness(e);
        if (b != Readability.UNSURE) {
          assertEquals(kotlin.text.StringsKt.isBlank(e.text()), b == Readability.BLANK, e.cssSelector());
        }
      }
    }
  }

  private static String pattern(net.dankito.readability4j.util.RegExUtil r, String getter) {
    try {
      java.lang.reflect.Method m = net.dankito.readability4j.util.RegExUtil.class.getDeclaredMethod(getter);
      m.setAccessible(true);
      java.util.regex.Pattern p = (java.util.regex.Pattern) m.invoke(r);
      return p.pattern() + " / " + p.flags();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RegExUtilExtended defaultRegex() {
    try {
      Class<?>[] types = new Class<?>[16];
      java.util.Arrays.fill(types, 0, 14, String.class);
      types[14] = int.class;
      types[15] = kotlin.jvm.internal.DefaultConstructorMarker.class;
      Object[] args = new Object[16];
      args[14] = (1 << 14) - 1;
      return RegExUtilExtended.class.getConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
