package io.actorscope.io;

import java.util.ArrayList;
import java.util.List;
import net.dankito.readability4j.extended.Readability4JExtended;
import net.dankito.readability4j.extended.processor.ArticleGrabberExtended;
import net.dankito.readability4j.extended.processor.PostprocessorExtended;
import net.dankito.readability4j.extended.util.RegExUtilExtended;
import net.dankito.readability4j.model.ArticleGrabberOptions;
import net.dankito.readability4j.model.ArticleMetadata;
import net.dankito.readability4j.model.ReadabilityOptions;
import net.dankito.readability4j.processor.MetadataParser;
import net.dankito.readability4j.processor.Preprocessor;
import net.dankito.readability4j.util.RegExUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Readability4J 1.0.8 (Readability4JExtended) over an already parsed jsoup document, giving the same
 * article content as the library but without the work whose result it throws away. In a JFR profile
 * of scripts/bench-warc (README, "Benchmark") about a fifth of Readability's time went to such work:
 *
 * <ul>
 *   <li>its processors serialise every node they remove to HTML for a log line written whether or
 *       not logging is on ({@code ProcessorBase.logNodeInfo});
 *   <li>{@code ArticleGrabber.grabArticle} serialises the whole page to HTML up front, to restore it
 *       should a first attempt find too little text, and the article content three times more for
 *       debug log arguments;
 *   <li>{@code isElementWithoutContent} builds the whole text of every {@code div} to see whether it
 *       is blank, and {@code getInnerText} runs a regular expression over every text it measures to
 *       fold runs of white space that the text rarely has.
 * </ul>
 *
 * <p>{@link Grabber#grabArticle} is the library's loop with the serialisation deferred to the retry
 * that needs it (the HTML is then made again from the untouched page, preprocessed as before); the
 * other two are answered the cheap way where that gives the same answer, and by the library
 * otherwise.
 */
final class Readability {
  private Readability() {}

  private static final RegExUtilExtended REGEX = new LiteralRegex();

  /** Readability's article content for a page (worked on a clone), or null if it finds none or fails. */
  static Element articleContent(Document doc, String url) {
    try {
      String uri = url == null ? "" : url;
      ReadabilityOptions options = new ReadabilityOptions();
      return new Readability4JExtended(uri, doc.clone(), options, REGEX, new Pre(REGEX), new MetadataParser(REGEX),
          new Grabber(options, REGEX, doc), new PostprocessorExtended()).parse().getArticleContent();
    } catch (RuntimeException e) {
      return null; // a page Readability cannot handle: the paragraph rule may still find text
    }
  }

  /**
   * The library's default patterns (its Kotlin constructor with every argument defaulted), where the
   * five it asks of every element's class and id (unlikely candidate, maybe a candidate, positive,
   * negative, byline) are answered without the regular expression engine: each is an alternation of
   * words matched case-insensitively in ASCII (Java's CASE_INSENSITIVE without UNICODE_CASE), some
   * anchored with ^ or $, so a search for each word in the ASCII-lower-cased string gives the same
   * answer. A pattern of any other form is left to its regular expression.
   */
  static final class LiteralRegex extends RegExUtilExtended {
    private final Words unlikely = Words.of(getUnlikelyCandidates());
    private final Words maybe = Words.of(getOkMaybeItsACandidate());
    private final Words positive = Words.of(getPositive());
    private final Words negative = Words.of(getNegative());
    private final Words byline = Words.of(getByline());

    LiteralRegex() {
      // the arguments the Kotlin constructor defaults to (HtmlReadabilityIT compares the two)
      super(RegExUtil.UnlikelyCandidatesDefaultPattern, RegExUtil.OkMaybeItsACandidateDefaultPattern,
          RegExUtil.PositiveDefaultPattern,
          RegExUtil.NegativeDefaultPattern + RegExUtilExtended.NegativeDefaultPatternExtended,
          RegExUtil.ExtraneousDefaultPattern, RegExUtil.BylineDefaultPattern, RegExUtil.ReplaceFontsDefaultPattern,
          RegExUtil.NormalizeDefaultPattern, RegExUtil.VideosDefaultPattern, RegExUtil.NextLinkDefaultPattern,
          RegExUtil.PrevLinkDefaultPattern, RegExUtil.WhitespaceDefaultPattern, RegExUtil.HasContentDefaultPattern,
          RegExUtilExtended.RemoveImageDefaultPattern);
    }

    @Override
    public boolean isUnlikelyCandidate(String s) {
      return unlikely == null ? super.isUnlikelyCandidate(s) : unlikely.find(s);
    }

    @Override
    public boolean okMaybeItsACandidate(String s) {
      return maybe == null ? super.okMaybeItsACandidate(s) : maybe.find(s);
    }

    @Override
    public boolean isPositive(String s) {
      return positive == null ? super.isPositive(s) : positive.find(s);
    }

    @Override
    public boolean isNegative(String s) {
      return negative == null ? super.isNegative(s) : negative.find(s);
    }

    @Override
    public boolean isByline(String s) {
      return byline == null ? super.isByline(s) : byline.find(s);
    }
  }

  /** An alternation of ASCII words, each maybe anchored at the start (^) or end ($) of the input. */
  static final class Words {
    private final String[] words;
    private final boolean[] atStart;
    private final boolean[] atEnd;

    private Words(String[] words, boolean[] atStart, boolean[] atEnd) {
      this.words = words;
      this.atStart = atStart;
      this.atEnd = atEnd;
    }

    /** The words of a case-insensitive pattern such as "banner|^hid$| hid$", or null if it is of another form. */
    static Words of(java.util.regex.Pattern p) {
      if (p.flags() != java.util.regex.Pattern.CASE_INSENSITIVE) {
        return null;
      }
      String[] alts = p.pattern().split("\\|", -1);
      String[] words = new String[alts.length];
      boolean[] start = new boolean[alts.length];
      boolean[] end = new boolean[alts.length];
      for (int i = 0; i < alts.length; i++) {
        String a = alts[i];
        start[i] = a.startsWith("^");
        end[i] = a.endsWith("$") && a.length() > (start[i] ? 1 : 0);
        String w = a.substring(start[i] ? 1 : 0, a.length() - (end[i] ? 1 : 0));
        if (w.isEmpty() || !w.matches("[a-z -]+")) {
          return null;
        }
        words[i] = w;
      }
      return new Words(words, start, end);
    }

    boolean find(String s) {
      String lower = asciiLower(s);
      // $ also matches before a line terminator that ends the input
      String cut = withoutFinalTerminator(lower);
      for (int i = 0; i < words.length; i++) {
        String w = words[i];
        boolean found;
        if (atStart[i] && atEnd[i]) {
          found = lower.equals(w) || cut.equals(w);
        } else if (atStart[i]) {
          found = lower.startsWith(w);
        } else if (atEnd[i]) {
          found = lower.endsWith(w) || cut.endsWith(w);
        } else {
          found = lower.contains(w);
        }
        if (found) {
          return true;
        }
      }
      return false;
    }

    private static String asciiLower(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c >= 'A' && c <= 'Z') {
          char[] b = s.toCharArray();
          for (int j = i; j < b.length; j++) {
            if (b[j] >= 'A' && b[j] <= 'Z') {
              b[j] = (char) (b[j] + ('a' - 'A'));
            }
          }
          return new String(b);
        }
      }
      return s;
    }

    private static String withoutFinalTerminator(String s) {
      if (s.endsWith("\r\n")) {
        return s.substring(0, s.length() - 2);
      }
      if (!s.isEmpty()) {
        char c = s.charAt(s.length() - 1);
        if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
          return s.substring(0, s.length() - 1);
        }
      }
      return s;
    }
  }

  static final class Pre extends Preprocessor {
    Pre(RegExUtilExtended regex) {
      super(regex);
    }

    @Override
    protected void logNodeInfo(Node node, String reason) {}

    /**
     * The library's test, which for each image of a noscript element searches the whole document for
     * {@code img[src=<its src>]}: the image itself is in the document, so where it matches that query
     * the answer is known without the search (a query that does not parse still fails as before).
     */
    @Override
    protected boolean shouldKeepImageInNoscriptElement(Document document, Element noscript) {
      org.jsoup.select.Elements images = noscript.select("img");
      if (images.isEmpty()) {
        return false;
      }
      List<Element> imagesToKeep = new ArrayList<>(images);
      for (Element image : images) {
        org.jsoup.select.Evaluator query = org.jsoup.select.QueryParser.parse("img[src=" + image.attr("src") + "]");
        if (image.is(query) || !document.select(query).isEmpty()) {
          imagesToKeep.remove(image);
        }
      }
      return !imagesToKeep.isEmpty();
    }
  }

  static final class Grabber extends ArticleGrabberExtended {
    /** The page as parsed, untouched: Readability works on a clone of it. */
    private final Document original;

    Grabber(ReadabilityOptions options, RegExUtilExtended regex, Document original) {
      super(options, regex);
      this.original = original;
    }

    @Override
    protected void logNodeInfo(Node node, String reason) {}

    /**
     * ArticleGrabber.grabArticle of Readability4J 1.0.8, step for step, less its debug serialisations:
     * where it keeps {@code doc.html()} to restore the page from before a retry, this makes that HTML
     * only when a retry comes.
     */
    @Override
    public Element grabArticle(Document doc, ArticleMetadata metadata, ArticleGrabberOptions options, Element pageElement) {
      boolean isPaging = pageElement != null;
      Element page = pageElement != null ? pageElement : doc.body();
      if (page == null) {
        return null;
      }
      // the library's doc.html() here is the page after the preprocessor (the metadata parser only
      // reads it): the same HTML is made again from the untouched page should a retry need it
      String pageCacheHtml = null;
      while (true) {
        List<Element> elementsToScore = prepareNodes(doc, options);
        List<Element> candidates = scoreElements(elementsToScore, options);
        kotlin.Pair<Element, Boolean> top = getTopCandidate(page, candidates, options);
        Element topCandidate = top.getFirst();
        boolean neededToCreateTopCandidate = top.getSecond();
        Element articleContent = createArticleContent(doc, topCandidate, isPaging);
        prepArticle(articleContent, options, metadata);
        if (neededToCreateTopCandidate) {
          topCandidate.attr("id", "readability-page-1");
          topCandidate.addClass("page");
        } else {
          Element div = doc.createElement("div");
          div.attr("id", "readability-page-1");
          div.addClass("page");
          for (Node child : new ArrayList<>(articleContent.childNodes())) {
            child.remove();
            div.appendChild(child);
          }
          articleContent.appendChild(div);
        }
        boolean parseSuccessful = true;
        // as in the library, a new list each pass: the last attempt is the only one it holds
        List<kotlin.Pair<Element, Integer>> attempts = new ArrayList<>();
        int textLength = getInnerText(articleContent, getRegEx(), true).length();
        if (textLength < getWordThreshold()) {
          parseSuccessful = false;
          if (pageCacheHtml == null) {
            Document again = original.clone();
            new Pre((RegExUtilExtended) getRegEx()).prepareDocument(again);
            pageCacheHtml = again.html();
          }
          page.html(pageCacheHtml);
          if (options.getStripUnlikelyCandidates()) {
            options.setStripUnlikelyCandidates(false);
            attempts.add(new kotlin.Pair<>(articleContent, textLength));
          } else if (options.getWeightClasses()) {
            options.setWeightClasses(false);
            attempts.add(new kotlin.Pair<>(articleContent, textLength));
          } else if (options.getCleanConditionally()) {
            options.setCleanConditionally(false);
            attempts.add(new kotlin.Pair<>(articleContent, textLength));
          } else {
            attempts.add(new kotlin.Pair<>(articleContent, textLength));
            attempts.sort(java.util.Comparator.comparing(kotlin.Pair::getSecond));
            if (attempts.isEmpty() || attempts.get(0).getSecond() <= 0) {
              return null;
            }
            articleContent = attempts.get(0).getFirst();
            parseSuccessful = true;
          }
        }
        if (parseSuccessful) {
          getTextDirection(topCandidate, doc);
          return articleContent;
        }
      }
    }

    /**
     * The library's {@code node.text().isBlank() && (no children || only br and hr children)}, with
     * the blank test answered from the text nodes, stopping at the first character that is not white
     * space, instead of from the node's whole text; where a text node holds a character jsoup drops
     * from text (a zero-width or soft hyphen) the library's own test decides.
     */
    @Override
    protected boolean isElementWithoutContent(Element node) {
      int blank = blankness(node);
      boolean isBlank = blank == BLANK || (blank == UNSURE && kotlin.text.StringsKt.isBlank(node.text()));
      if (!isBlank) {
        return false;
      }
      int children = node.children().size();
      return children == 0
          || children == node.getElementsByTag("br").size() + node.getElementsByTag("hr").size();
    }

    /**
     * The library's {@code e.text().trim()}, folded by {@code regEx.normalize} (runs of two or more
     * white space characters to one space) only when it holds such a run: a jsoup text seldom does,
     * and then the expression leaves it as it is.
     */
    @Override
    protected String getInnerText(Element e, RegExUtil regEx, boolean normalizeSpaces) {
      boolean memo = texts != null && normalizeSpaces && regEx == getRegEx();
      String t = memo ? texts.get(e) : null;
      if (t != null) {
        return t;
      }
      t = super.getInnerText(e, regEx, false);
      t = normalizeSpaces && regEx != null && hasSpaceRun(t) ? regEx.normalize(t) : t;
      if (memo) {
        texts.put(e, t);
      }
      return t;
    }

    /**
     * The library's cleanConditionally, with each element's inner text worked out once: it measures
     * every element of the tag three times (commas, link density, length) and then maybe removes it.
     * It goes through them last to first, so what it removes comes before, and is never inside, what
     * it has measured: the texts it measured stay as they were until it is done.
     */
    @Override
    protected void cleanConditionally(Element e, String tag, ArticleGrabberOptions options) {
      texts = new java.util.IdentityHashMap<>();
      try {
        super.cleanConditionally(e, tag, options);
      } finally {
        texts = null;
      }
    }

    /**
     * Inner texts (normalised, with the grabber's patterns) of elements, kept only while the library
     * is in getTopCandidate or cleanConditionally, where they do not change.
     */
    private java.util.Map<Element, String> texts;

    /**
     * The library's getTopCandidate, with each element's inner text worked out once: it scales every
     * candidate's score by its link density (its text, and that of each of its links) before it
     * changes the page, and the candidates nest, so the same links were measured once per ancestor.
     */
    @Override
    protected kotlin.Pair<Element, Boolean> getTopCandidate(Element page, List<? extends Element> candidates,
        ArticleGrabberOptions options) {
      texts = new java.util.IdentityHashMap<>();
      try {
        return super.getTopCandidate(page, candidates, options);
      } finally {
        texts = null;
      }
    }
  }

  static final int BLANK = 0;
  static final int NOT_BLANK = 1;
  static final int UNSURE = 2;

  /**
   * Whether the text jsoup gives for {@code e} ({@code Element.text()}) is blank in Kotlin's sense:
   * jsoup's text holds the text nodes' characters, white space folded to one space and the invisible
   * U+200B and U+00AD dropped (kept inside {@code pre}), and spaces between blocks. So a character that
   * is neither Kotlin white space nor invisible makes it {@link #NOT_BLANK}; only white space makes it
   * {@link #BLANK}; white space and invisible characters alone leave it {@link #UNSURE}.
   */
  static int blankness(Element e) {
    boolean invisible = false;
    Node n = e.childNodeSize() == 0 ? null : e.childNode(0);
    while (n != null) {
      if (n instanceof TextNode) {
        String s = ((TextNode) n).getWholeText();
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (c == '\u200B' || c == '\u00AD') {
            invisible = true;
          } else if (!kotlin.text.CharsKt.isWhitespace(c)) {
            return NOT_BLANK;
          }
        }
      }
      // depth first through e's descendants
      if (n.childNodeSize() > 0) {
        n = n.childNode(0);
        continue;
      }
      while (n != null && n != e && n.nextSibling() == null) {
        n = n.parentNode();
      }
      n = n == null || n == e ? null : n.nextSibling();
    }
    return invisible ? UNSURE : BLANK;
  }

  /** Whether {@code s} holds two white space characters of Java's {@code \s} in a row. */
  static boolean hasSpaceRun(String s) {
    boolean prev = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ws = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
      if (ws && prev) {
        return true;
      }
      prev = ws;
    }
    return false;
  }
}
