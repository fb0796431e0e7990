package io.actorscope.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * One HTML page turned into an article: title, main text, publication date, canonical URL and
 * source host, or the reason it is not an article.
 *
 * <p>Main text: Readability4J (a port of Mozilla's Readability, the reader view of Firefox) over a
 * jsoup document, chosen over a plain "paragraphs of the {@code <article>} element" rule after a
 * comparison on the sample WARCs (numbers in README, "WARC input").
 *
 * <p>Date, in this order of trust: JSON-LD {@code datePublished}, then publication meta tags
 * ({@code article:published_time} and kin), then {@code <time datetime>}, then a date in the URL,
 * then a relative date in the page text ("yesterday", "3 days ago", "2 napja") resolved against the
 * crawl date. Within the first kind that has a candidate, one with a time of day is preferred.
 *
 * <p>Not an article (the filter rule, checked in this order): {@code home_page} (the URL path is
 * empty or "/"), {@code product_page} (og:type product or JSON-LD type Product), {@code
 * too_short} (main text under {@code minChars} characters), {@code link_list} (over half of the
 * main text's characters are link text), {@code undated} (no date found, when dates are required).
 */
public final class HtmlArticle {
  public static final String HOME_PAGE = "home_page";
  public static final String PRODUCT_PAGE = "product_page";
  public static final String TOO_SHORT = "too_short";
  public static final String LINK_LIST = "link_list";
  public static final String UNDATED = "undated";

  public String title;
  public String text;
  public String canonicalUrl;
  public String host;
  /** The chosen date as an ISO string {@link Dates#parse} reads, or null. */
  public String published;
  /** time | day | month | year | approximate, or null when there is no date. */
  public String datePrecision;
  /** Where the date came from: json_ld, meta, time_element, url, relative_text. */
  public String dateSource;
  /** Why this page is not an article (one of the constants above), or null. */
  public String filterReason;

  private static final ObjectMapper JSON = new ObjectMapper();
  // the page's CSS queries, parsed once rather than at every call (a parse per paragraph in densest)
  private static final org.jsoup.select.Evaluator Q_CLASSED = org.jsoup.select.QueryParser.parse("[class]");
  private static final org.jsoup.select.Evaluator Q_P = org.jsoup.select.QueryParser.parse("p");
  private static final org.jsoup.select.Evaluator Q_NOT_PROSE = org.jsoup.select.QueryParser.parse("nav, header, footer, aside, form");
  private static final org.jsoup.select.Evaluator Q_A = org.jsoup.select.QueryParser.parse("a");
  private static final org.jsoup.select.Evaluator Q_CANONICAL = org.jsoup.select.QueryParser.parse("link[rel=canonical][href]");
  private static final org.jsoup.select.Evaluator Q_OG_URL = org.jsoup.select.QueryParser.parse("meta[property=og:url][content]");
  private static final org.jsoup.select.Evaluator Q_OG_TITLE = org.jsoup.select.QueryParser.parse("meta[property=og:title][content]");
  private static final org.jsoup.select.Evaluator Q_H1 = org.jsoup.select.QueryParser.parse("h1");
  private static final org.jsoup.select.Evaluator Q_JSON_LD = org.jsoup.select.QueryParser.parse("script[type=application/ld+json]");
  private static final org.jsoup.select.Evaluator Q_META = org.jsoup.select.QueryParser.parse("meta[content]");
  private static final org.jsoup.select.Evaluator Q_ITEMPROP_DATE = org.jsoup.select.QueryParser.parse("[itemprop=datePublished]");
  private static final org.jsoup.select.Evaluator Q_TIME = org.jsoup.select.QueryParser.parse("time[datetime]");
  private static final org.jsoup.select.Evaluator Q_DATE_CLASS = org.jsoup.select.QueryParser.parse("[class*=date], [class*=datum], [class*=time], [class*=publish], [id*=date]");
  private static final org.jsoup.select.Evaluator Q_DATE_OUTSIDE = org.jsoup.select.QueryParser.parse("nav, footer, aside");
  private static final org.jsoup.select.Evaluator Q_OG_TYPE = org.jsoup.select.QueryParser.parse("meta[property=og:type][content]");
  private static final String[] META_DATE_KEYS = {
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "date",
    "dc.date.issued", "dc.date", "dcterms.date", "dcterms.created", "sailthru.date", "parsely-pub-date",
    "article.published", "cxenseparse:recs:publishtime"
  };
  private static final Pattern URL_DAY = Pattern.compile(
      "/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?=[/._-]|$)");
  private static final Pattern URL_COMPACT = Pattern.compile("/((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?=[/._-]|$)");
  private static final Pattern URL_MONTH = Pattern.compile("/((?:19|20)\\d{2})/(0[1-9]|1[0-2])/");
  private static final Pattern RELATIVE = Pattern.compile(
      "(?iu)\\b(?:(\\d{1,2}|an?|one)\\s+(minute|hour|day|week|month|year)s?\\s+ago"
      + "|(\\d{1,2})\\s+(perce|órája|napja|hete|hónapja|éve)"
      + "|(yesterday|today|tegnap|ma))\\b");
  private static final Pattern SPACE = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0\\u2000-\\u200B\\u3000]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n+");

  /**
   * @param body the HTTP payload
   * @param headerCharset the charset of the HTTP Content-Type, or null (then sniffed from the page's
   *     meta tags and byte-order mark, UTF-8 if none)
   * @param url the page's URL (WARC-Target-URI)
   * @param crawled the crawl date (WARC-Date), against which relative dates are resolved
   */
  public static HtmlArticle extract(byte[] body, String headerCharset, String url, Instant crawled,
      int minChars, boolean requireDate) {
    return extract(body, headerCharset, url, crawled, minChars, requireDate, DEFAULT_MODE);
  }

  /** The extractor used: Readability, and the densest paragraphs where Readability keeps too little. */
  public static final String DEFAULT_MODE = "readability+paragraphs";

  /**
   * @param mode readability | paragraphs | readability+paragraphs (the candidates compared in
   *     HtmlArticleComparison; the job uses {@link #DEFAULT_MODE})
   */
  public static HtmlArticle extract(byte[] body, String headerCharset, String url, Instant crawled,
      int minChars, boolean requireDate, String mode) {
    Document doc;
    try {
      doc = Jsoup.parse(new ByteArrayInputStream(body), usableCharset(headerCharset), url == null ? "" : url);
    } catch (IOException e) {
      throw new IllegalStateException("cannot parse HTML: " + e.getMessage(), e);
    }
    HtmlArticle a = new HtmlArticle();
    a.canonicalUrl = canonical(doc, url);
    a.host = host(a.canonicalUrl != null ? a.canonicalUrl : url);
    List<JsonNode> jsonLd = jsonLd(doc);
    a.title = title(doc, jsonLd);
    String kind = notAnArticleByKind(doc, jsonLd, url);
    if (kind != null) {
      // a home or product page is filtered whatever its text, and a filtered page keeps only its
      // title: its text (the costliest part) is left empty
      a.text = "";
      date(a, doc, jsonLd, url, crawled);
      a.filterReason = kind;
      return a;
    }
    Element content = null;
    String text = "";
    // Readability works on a clone, so the page's paragraph figures hold for both uses below
    Densest densest = mode.equals("readability") ? null : densest(doc);
    if (mode.equals(DEFAULT_MODE)) {
      // Readability is most of the reader's time (README, "Benchmark"); where one container plainly
      // holds the page's prose, it would pick that container too, so it is asked only about the rest.
      content = confident(densest);
      text = content == null ? "" : proseText(content);
    }
    if (content == null && !mode.equals("paragraphs")) {
      content = readability(doc, url);
      text = content == null ? "" : blockText(content);
    }
    if (mode.equals("paragraphs") || (!mode.equals("readability") && text.length() < minChars)) {
      // Readability keeps nothing on some pages (valasz.hu's article body, for one): then the
      // container with the most paragraph text, if it gives more.
      Element dense = densest == null ? null : densest.element;
      String t = dense == null ? "" : blockText(dense);
      if (mode.equals("paragraphs") || t.length() > text.length()) {
        content = dense;
        text = t;
      }
    }
    a.text = withLead(doc, text);
    date(a, doc, jsonLd, url, crawled);
    a.filterReason = filter(a, content, minChars, requireDate);
    return a;
  }

  private static final Pattern LEAD_CLASS = Pattern.compile("(?i)(^|\\s)(lead|lede|standfirst)(\\s|$)");

  /**
   * Readability drops the lead of some pages (index.hu's and totalcar.hu's {@code .lead}): an
   * element of class {@code lead} (or lede, standfirst) of 60 to 2000 characters, not already in the
   * text, that comes before the text's first line in the page and shares an ancestor with it at
   * most four levels up, goes before the text.
   */
  static String withLead(Document doc, String text) {
    if (text.length() < 30) {
      return text;
    }
    // the lead candidates first: most pages have none, and then the text's first line need not be found
    List<Element> leads = new ArrayList<>();
    for (Element e : doc.select(Q_CLASSED)) {
      if (LEAD_CLASS.matcher(e.className()).find()) {
        leads.add(e);
      }
    }
    if (leads.isEmpty()) {
      return text;
    }
    String firstLine = text.split("\n", 2)[0];
    String probe = firstLine.substring(0, Math.min(30, firstLine.length()));
    Element first = firstContainingOwnText(doc, probe);
    if (first == null) {
      return text;
    }
    for (Element e : leads) {
      String lead = blockText(e);
      if (lead.length() < 60 || lead.length() > 2000 || text.contains(lead.substring(0, 60))) {
        continue;
      }
      if (near(e, first) && before(doc, e, first)) {
        return lead + "\n" + text;
      }
    }
    return text;
  }

  /**
   * The first element of {@code doc.getElementsContainingOwnText(probe)}, without working out the own
   * text of elements whose own text nodes hold only white space (most of a page's elements): their
   * own text is blank, and cannot contain a probe that is not.
   */
  static Element firstContainingOwnText(Document doc, String probe) {
    if (org.jsoup.internal.StringUtil.normaliseWhitespace(probe).isBlank()) {
      Elements all = doc.getElementsContainingOwnText(probe);
      return all.isEmpty() ? null : all.first();
    }
    org.jsoup.select.Evaluator contains = new org.jsoup.select.Evaluator.ContainsOwnText(probe);
    for (Element e : doc.getAllElements()) {
      if (hasVisibleOwnText(e) && contains.matches(doc, e)) {
        return e;
      }
    }
    return null;
  }

  /** Whether one of the element's own text nodes holds a character jsoup keeps in text other than white space. */
  private static boolean hasVisibleOwnText(Element e) {
    for (int i = 0; i < e.childNodeSize(); i++) {
      if (e.childNode(i) instanceof TextNode) {
        String s = ((TextNode) e.childNode(i)).getWholeText();
        for (int j = 0; j < s.length(); j++) {
          char c = s.charAt(j);
          if (!org.jsoup.internal.StringUtil.isActuallyWhitespace(c) && !org.jsoup.internal.StringUtil.isInvisibleChar(c)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean near(Element a, Element b) {
    Element x = a;
    for (int i = 0; i <= 4 && x != null; i++, x = x.parent()) {
      Element y = b;
      for (int j = 0; j <= 4 && y != null; j++, y = y.parent()) {
        if (x == y) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean before(Document doc, Element a, Element b) {
    for (Element e : doc.getAllElements()) {
      if (e == a) {
        return true;
      }
      if (e == b) {
        return false;
      }
    }
    return false;
  }

  private static Element readability(Document doc, String url) {
    return doc.body() == null ? null : Readability.articleContent(doc, url);
  }

  /** Paragraphs of at least this many characters in all make a page worth trusting to the cheap rule. */
  static final int CONFIDENT_CHARS = 500;
  /** ... and the densest container must hold at least this share of the page's paragraph text. */
  static final double CONFIDENT_SHARE = 0.75;
  static final int CONFIDENT_PARAGRAPHS = 3;

  /**
   * The densest container (see {@link #densest}) when the page leaves no doubt about it: it holds at
   * least {@link #CONFIDENT_PARAGRAPHS} paragraphs and {@link #CONFIDENT_CHARS} characters of
   * paragraph text, at least {@link #CONFIDENT_SHARE} of all the page's, with under a tenth of it link
   * text. Otherwise null, and Readability decides.
   */
  static Element confidentParagraphs(Document doc) {
    return confident(densest(doc));
  }

  private static Element confident(Densest d) {
    if (d == null || d.chars < CONFIDENT_CHARS || d.paragraphs < CONFIDENT_PARAGRAPHS
        || d.chars < CONFIDENT_SHARE * d.pageChars || d.linkChars * 10 >= d.chars || proseBefore(d.element)) {
      return null;
    }
    return d.element;
  }

  /**
   * Whether prose sits just before the container, beside it or beside its parent: a lead in its own
   * element (origo.hu, alfahir.hu), which Readability joins to the text as a scored sibling and the
   * cheap rule would lose.
   */
  private static boolean proseBefore(Element container) {
    Element x = container;
    for (int level = 0; level < 2 && x != null; level++, x = x.parent()) {
      for (Element s = x.previousElementSibling(); s != null; s = s.previousElementSibling()) {
        if (s.nameIs("nav") || s.nameIs("header") || s.nameIs("aside") || s.nameIs("script")) {
          continue;
        }
        String t = s.text();
        if (t.length() < 100) {
          continue;
        }
        if (linkChars(s) * 2 < t.length()) {
          return true;
        }
      }
    }
    return false;
  }

  private static final java.util.Set<String> PROSE = java.util.Set.of(
      "p", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "pre");

  /**
   * The prose of a container: its paragraph, heading, quote and list children, lists that are mostly
   * links left out. The other children of an article's container are pagers, share buttons and
   * "related articles" boxes, which Readability would have cleaned away.
   */
  static String proseText(Element container) {
    StringBuilder b = new StringBuilder();
    for (Element c : container.children()) {
      if (!PROSE.contains(c.normalName())) {
        continue;
      }
      String t = blockText(c);
      if (t.isEmpty()) {
        continue;
      }
      if (c.nameIs("ul") || c.nameIs("ol")) {
        if (linkChars(c) * 2 > t.length()) {
          continue;
        }
      }
      b.append(t).append('\n');
    }
    return b.toString().strip();
  }

  /**
   * The element whose own paragraphs (of 40 characters or more, outside nav, header, footer, aside
   * and forms) hold the most text, with the figures the cheap rule judges it by; null without any.
   */
  static Densest densest(Document doc) {
    java.util.Map<Element, int[]> score = new java.util.HashMap<>();
    long total = 0;
    for (Element p : doc.select(Q_P)) {
      if (p.parent() == null || p.closest(Q_NOT_PROSE) != null) {
        continue;
      }
      int len = p.text().length();
      if (len < 40) {
        continue;
      }
      total += len;
      int[] s = score.computeIfAbsent(p.parent(), k -> new int[3]);
      s[0] += len;
      s[1]++;
      s[2] += linkChars(p);
    }
    Element best = null;
    int[] top = null;
    for (java.util.Map.Entry<Element, int[]> e : score.entrySet()) {
      if (top == null || e.getValue()[0] > top[0]) {
        top = e.getValue();
        best = e.getKey();
      }
    }
    return best == null ? null : new Densest(best, top[0], top[1], top[2], total);
  }

  /** The densest container, its paragraph characters, paragraphs and link characters, and the page's paragraph characters. */
  record Densest(Element element, int chars, int paragraphs, int linkChars, long pageChars) {}

  private static int linkChars(Element e) {
    int n = 0;
    for (Element l : e.select(Q_A)) {
      n += l.text().length();
    }
    return n;
  }

  /** The main text of an element: one line per block, white space folded, blank lines collapsed. */
  static String blockText(Element root) {
    StringBuilder b = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode) {
          b.append(((TextNode) node).getWholeText());
        } else if (node instanceof Element && (((Element) node).isBlock() || ((Element) node).nameIs("br"))) {
          b.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element && ((Element) node).isBlock()) {
          b.append('\n');
        }
      }
    }, root);
    String s = SPACE.matcher(b.toString()).replaceAll(" ");
    StringBuilder out = new StringBuilder(s.length());
    for (String line : s.split("\n")) {
      String t = line.strip();
      if (!t.isEmpty()) {
        out.append(t).append('\n');
      }
    }
    return BLANK_LINES.matcher(out.toString()).replaceAll("\n").strip();
  }

  private static String usableCharset(String cs) {
    if (cs == null || cs.isBlank()) {
      return null;
    }
    try {
      return Charset.isSupported(cs.strip()) ? cs.strip() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String canonical(Document doc, String url) {
    Element link = doc.selectFirst(Q_CANONICAL);
    String c = link != null ? link.absUrl("href") : null;
    if (c == null || c.isBlank()) {
      Element og = doc.selectFirst(Q_OG_URL);
      c = og != null ? og.absUrl("content") : null;
    }
    return c == null || c.isBlank() ? url : c;
  }

  static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      String h = URI.create(url.strip()).getHost();
      if (h == null) {
        return null;
      }
      h = h.toLowerCase(Locale.ROOT);
      return h.startsWith("www.") ? h.substring(4) : h;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String title(Document doc, List<JsonNode> jsonLd) {
    Element og = doc.selectFirst(Q_OG_TITLE);
    if (og != null && !og.attr("content").isBlank()) {
      return clean(og.attr("content"));
    }
    for (JsonNode n : jsonLd) {
      JsonNode h = n.get("headline");
      if (h != null && h.isTextual() && !h.asText().isBlank()) {
        return clean(h.asText());
      }
    }
    Element h1 = doc.selectFirst(Q_H1);
    if (h1 != null && !h1.text().isBlank()) {
      return clean(h1.text());
    }
    return doc.title().isBlank() ? null : clean(doc.title());
  }

  private static String clean(String s) {
    return SPACE.matcher(s.replace('\n', ' ')).replaceAll(" ").strip();
  }

  /** Every JSON-LD object of the page, @graph members and nested objects included. */
  private static List<JsonNode> jsonLd(Document doc) {
    List<JsonNode> out = new ArrayList<>();
    for (Element s : doc.select(Q_JSON_LD)) {
      try {
        collect(JSON.readTree(s.data()), out, 0);
      } catch (IOException | RuntimeException e) {
        // malformed JSON-LD is common; the page's other signals remain
      }
    }
    return out;
  }

  private static void collect(JsonNode n, List<JsonNode> out, int depth) {
    if (n == null || depth > 6) {
      return;
    }
    if (n.isArray()) {
      n.forEach(c -> collect(c, out, depth + 1));
    } else if (n.isObject()) {
      out.add(n);
      n.fields().forEachRemaining(e -> {
        if (e.getValue().isContainerNode()) {
          collect(e.getValue(), out, depth + 1);
        }
      });
    }
  }

  private static void date(HtmlArticle a, Document doc, List<JsonNode> jsonLd, String url, Instant crawled) {
    // Both kinds come from the publisher's own metadata: one with a time of day wins over a bare day.
    List<String[]> structured = new ArrayList<>();
    for (JsonNode n : jsonLd) {
      JsonNode d = n.get("datePublished");
      if (d != null && d.isTextual()) {
        structured.add(new String[] {d.asText(), "json_ld"});
      }
    }
    org.jsoup.select.Elements metas = doc.select(Q_META);
    for (String key : META_DATE_KEYS) {
      for (Element m : metas) {
        String k = m.hasAttr("property") ? m.attr("property") : m.hasAttr("name") ? m.attr("name") : m.attr("itemprop");
        if (k.equalsIgnoreCase(key)) {
          structured.add(new String[] {m.attr("content"), "meta"});
        }
      }
    }
    for (Element m : doc.select(Q_ITEMPROP_DATE)) {
      structured.add(new String[] {m.hasAttr("content") ? m.attr("content") : m.attr("datetime"), "meta"});
    }
    if (pick(a, structured)) {
      return;
    }
    List<String[]> times = new ArrayList<>();
    for (Element t : doc.select(Q_TIME)) {
      times.add(new String[] {t.attr("datetime"), "time_element"});
    }
    if (pick(a, times)) {
      return;
    }
    if (url != null) {
      Matcher m = URL_DAY.matcher(url);
      Matcher c = URL_COMPACT.matcher(url);
      Matcher mo = URL_MONTH.matcher(url);
      String iso = null;
      if (m.find()) {
        iso = String.format("%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      } else if (c.find()) {
        iso = c.group(1) + "-" + c.group(2) + "-" + c.group(3);
      } else if (mo.find()) {
        iso = mo.group(1) + "-" + mo.group(2);
      }
      if (iso != null && parses(iso)) {
        HtmlArticle v = new HtmlArticle();
        if (iso.length() == 10 && visible(v, doc) && Dates.TIME.equals(v.datePrecision)
            && v.published.startsWith(iso)) {
          // the same day, written out on the page with its time of day
          a.published = v.published;
          a.datePrecision = v.datePrecision;
          a.dateSource = v.dateSource;
          return;
        }
        a.published = iso;
        a.datePrecision = iso.length() == 10 ? Dates.DAY : Dates.MONTH;
        a.dateSource = "url";
        return;
      }
    }
    if (visible(a, doc)) {
      return;
    }
    if (crawled != null) {
      relative(a, doc, crawled);
    }
  }

  private static final String[] HU_MONTHS = {"január", "február", "március", "április", "május", "június",
    "július", "augusztus", "szeptember", "október", "november", "december"};
  private static final String[] EN_MONTHS = {"january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december"};
  private static final Pattern VISIBLE_NUMERIC = Pattern.compile(
      "((?:19|20)\\d{2})\\. ?(\\d{1,2})\\. ?(\\d{1,2})\\.?(?:,?\\s*\\p{L}+,?)?(?:\\s*[-–|]?\\s*(\\d{1,2}):(\\d{2}))?");
  private static final Pattern VISIBLE_HU = Pattern.compile(
      "(?iu)((?:19|20)\\d{2})\\. (\\p{L}+) (\\d{1,2})\\.(?:,?\\s*\\p{L}+,?)?(?:\\s*[-–|]?\\s*(\\d{1,2}):(\\d{2}))?");
  private static final Pattern VISIBLE_EN = Pattern.compile(
      "(?iu)\\b(\\p{L}+) (\\d{1,2}), ((?:19|20)\\d{2})(?:,? (?:at )?(\\d{1,2}):(\\d{2}))?");

  /**
   * A date written out in an element whose class or id names a date ("date", "datum", "time",
   * "publish"): "2018.08.03., péntek 12:14", "2019. szeptember 1.", "June 1, 2021". A written time of
   * day is local time, read in the input's time zone. One with a time of day is preferred.
   */
  private static boolean visible(HtmlArticle a, Document doc) {
    String day = null;
    for (Element e : doc.select(Q_DATE_CLASS)) {
      if (e.closest(Q_DATE_OUTSIDE) != null) {
        continue;
      }
      String t = e.ownText().isBlank() ? e.text() : e.ownText();
      if (t.length() > 120) {
        continue;
      }
      String iso = visibleIso(t);
      if (iso == null) {
        continue;
      }
      if (iso.length() > 10) {
        a.published = iso;
        a.datePrecision = Dates.TIME;
        a.dateSource = "visible_text";
        return true;
      }
      if (day == null) {
        day = iso;
      }
    }
    if (day == null) {
      return false;
    }
    a.published = day;
    a.datePrecision = Dates.DAY;
    a.dateSource = "visible_text";
    return true;
  }

  static String visibleIso(String t) {
    int y;
    int mo;
    int d;
    String hh = null;
    String mm = null;
    Matcher m = VISIBLE_NUMERIC.matcher(t);
    Matcher hu = VISIBLE_HU.matcher(t);
    Matcher en = VISIBLE_EN.matcher(t);
    if (m.find()) {
      y = Integer.parseInt(m.group(1));
      mo = Integer.parseInt(m.group(2));
      d = Integer.parseInt(m.group(3));
      hh = m.group(4);
      mm = m.group(5);
    } else if (hu.find() && month(hu.group(2), HU_MONTHS) > 0) {
      y = Integer.parseInt(hu.group(1));
      mo = month(hu.group(2), HU_MONTHS);
      d = Integer.parseInt(hu.group(3));
      hh = hu.group(4);
      mm = hu.group(5);
    } else if (en.find() && month(en.group(1), EN_MONTHS) > 0) {
      y = Integer.parseInt(en.group(3));
      mo = month(en.group(1), EN_MONTHS);
      d = Integer.parseInt(en.group(2));
      hh = en.group(4);
      mm = en.group(5);
    } else {
      return null;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31) {
      return null;
    }
    String iso = String.format("%04d-%02d-%02d", y, mo, d);
    if (hh != null && Integer.parseInt(hh) < 24 && Integer.parseInt(mm) < 60) {
      iso += String.format("T%02d:%02d:00", Integer.parseInt(hh), Integer.parseInt(mm));
    }
    return parses(iso) ? iso : null;
  }

  private static int month(String name, String[] months) {
    String n = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < months.length; i++) {
      if (months[i].equals(n) || (n.length() >= 3 && months[i].startsWith(n.replace(".", "")))) {
        return i + 1;
      }
    }
    return 0;
  }

  /** Takes the first readable candidate {value, source} with a time of day, else the first readable one. */
  private static boolean pick(HtmlArticle a, List<String[]> candidates) {
    String[] first = null;
    for (String[] c : candidates) {
      String v = normalise(c[0]);
      if (v == null) {
        continue;
      }
      Dates.Parsed p = Dates.parse(v, ZoneOffset.UTC);
      if (Dates.TIME.equals(p.precision)) {
        a.published = v;
        a.datePrecision = Dates.TIME;
        a.dateSource = c[1];
        return true;
      }
      if (first == null) {
        first = new String[] {v, c[1], p.precision};
      }
    }
    if (first == null) {
      return false;
    }
    a.published = first[0];
    a.dateSource = first[1];
    a.datePrecision = first[2];
    return true;
  }

  /** A candidate in a form {@link Dates#parse} reads, or null. */
  static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    String v = raw.strip();
    if (v.isEmpty()) {
      return null;
    }
    // "2021-06-01T10:00:00+0200" (no colon in the offset) and "2021-06-01 10:00:00+02:00"
    v = v.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
    if (v.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?([+-]\\d{2}:\\d{2}|Z)")) {
      v = v.replace(' ', 'T');
    }
    if (v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}([+-]\\d{2}:\\d{2}|Z)")) {
      v = v.substring(0, 16) + ":00" + v.substring(16);
    }
    return parses(v) ? v : null;
  }

  private static boolean parses(String v) {
    try {
      Dates.Parsed p = Dates.parse(v, ZoneOffset.UTC);
      int y = p.date.getYear();
      return y >= 1990 && y <= 2100;
    } catch (DateTimeParseException | ArithmeticException e) {
      return false;
    }
  }

  /** "yesterday", "3 days ago", "2 napja", … near the top of the page, resolved against the crawl date. */
  private static void relative(HtmlArticle a, Document doc, Instant crawled) {
    String top = doc.body() == null ? "" : doc.body().text();
    top = top.substring(0, Math.min(top.length(), 3000));
    Matcher m = RELATIVE.matcher(top);
    if (!m.find()) {
      return;
    }
    LocalDate day = crawled.atZone(ZoneId.of("UTC")).toLocalDate();
    String precision = Dates.DAY;
    if (m.group(5) != null) {
      String w = m.group(5).toLowerCase(Locale.ROOT);
      day = w.equals("yesterday") || w.equals("tegnap") ? day.minusDays(1) : day;
    } else {
      String num = m.group(1) != null ? m.group(1) : m.group(3);
      String unit = (m.group(2) != null ? m.group(2) : m.group(4)).toLowerCase(Locale.ROOT);
      int n = num.matches("\\d+") ? Integer.parseInt(num) : 1;
      switch (unit) {
        case "minute": case "perce": case "hour": case "órája":
          day = crawled.minusSeconds((unit.startsWith("h") || unit.startsWith("ó") ? 3600L : 60L) * n)
              .atZone(ZoneId.of("UTC")).toLocalDate();
          break;
        case "day": case "napja":
          day = day.minusDays(n);
          break;
        case "week": case "hete":
          day = day.minusWeeks(n);
          precision = Dates.APPROXIMATE;
          break;
        case "month": case "hónapja":
          day = day.minusMonths(n);
          precision = Dates.APPROXIMATE;
          break;
        default:
          day = day.minusYears(n);
          precision = Dates.APPROXIMATE;
      }
    }
    a.published = day.toString();
    a.datePrecision = precision;
    a.dateSource = "relative_text";
  }

  /** {@link #HOME_PAGE} or {@link #PRODUCT_PAGE} by the page's URL and type, else null. */
  private static String notAnArticleByKind(Document doc, List<JsonNode> jsonLd, String url) {
    if (url != null) {
      try {
        URI u = URI.create(url.strip());
        String path = u.getRawPath();
        if ((path == null || path.isEmpty() || path.equals("/")) && u.getRawQuery() == null) {
          return HOME_PAGE;
        }
      } catch (IllegalArgumentException e) {
        // an odd URL says nothing about the page
      }
    }
    Element ogType = doc.selectFirst(Q_OG_TYPE);
    if (ogType != null && ogType.attr("content").toLowerCase(Locale.ROOT).contains("product")) {
      return PRODUCT_PAGE;
    }
    for (JsonNode n : jsonLd) {
      JsonNode t = n.get("@type");
      if (t != null && t.isTextual() && t.asText().equals("Product")) {
        return PRODUCT_PAGE;
      }
    }
    return null;
  }

  private static String filter(HtmlArticle a, Element content, int minChars, boolean requireDate) {
    // home and product pages (notAnArticleByKind) were filtered before their text was extracted
    if (a.text.length() < minChars) {
      return TOO_SHORT;
    }
    if (content != null) {
      if ((long) linkChars(content) * 2 > a.text.length()) {
        return LINK_LIST;
      }
    }
    if (requireDate && a.published == null) {
      return UNDATED;
    }
    return null;
  }
}
