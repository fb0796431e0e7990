package io.actorscope.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into tokens and sentences with character offsets into the text itself.
 *
 * <p>Written here rather than taken from a library: the JDK's {@code BreakIterator} ends a
 * sentence after {@code U.S.} and has no token rules for possessives or hyphens, and the NLP
 * libraries on Maven Central (OpenNLP, CoreNLP) need model files and are 10-100x slower per
 * character for what the matcher needs: word tokens with exact offsets.
 *
 * <p>Rules: a word is letters, marks and digits, with an inner apostrophe kept ({@code O'Brien},
 * {@code don't}) except a possessive {@code 's}/{@code ’s}, which becomes its own token
 * ({@code Russia’s} → {@code Russia}, {@code ’s}). Dotted abbreviations ({@code U.S.}) and
 * known ones ({@code Mr.}, {@code Gen.}) keep their dot and never end a sentence. Numbers keep
 * inner {@code .} and {@code ,} ({@code 3.5}, {@code 1,000}). Hyphens and dashes are tokens of
 * their own, so {@code NATO-Russia} is {@code NATO}, {@code -}, {@code Russia}. Any other
 * character is a one-character token. A sentence ends after {@code .}, {@code !}, {@code ?} or an
 * ellipsis (with any closing quotes or brackets) when the next token starts with a capital, a
 * digit or an opening quote, and always at a blank line.
 */
public final class Tokenizer {

  public static final int WORD = 0;
  public static final int NUMBER = 1;
  public static final int ABBREVIATION = 2;
  public static final int HYPHEN = 3;
  public static final int POSSESSIVE = 4;
  public static final int PUNCT = 5;

  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj", "brig",
      "sen", "rep", "gov", "pres", "prof", "amb", "rev", "hon", "jr", "sr", "inc", "ltd", "co", "corp",
      "no", "nos", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
      "nov", "dec", "mt", "ft", "dept", "approx", "est", "fig", "art", "para", "vol", "op", "cf");

  /** Tokens and sentences of one text. Arrays are parallel; offsets are [start, end). */
  public static final class Result {
    public final int[] tokenStart;
    public final int[] tokenEnd;
    public final int[] tokenKind;
    public final int[] tokenSentence;
    public final int[] sentenceStart;
    public final int[] sentenceEnd;

    public Result(int[] ts, int[] te, int[] tk, int[] tsent, int[] ss, int[] se) {
      tokenStart = ts;
      tokenEnd = te;
      tokenKind = tk;
      tokenSentence = tsent;
      sentenceStart = ss;
      sentenceEnd = se;
    }

    public int size() {
      return tokenStart.length;
    }
  }

  private Tokenizer() {}

  public static Result tokenize(String text) {
    IntList starts = new IntList();
    IntList ends = new IntList();
    IntList kinds = new IntList();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int c = text.codePointAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0xFEFF) {
        i += Character.charCount(c);
        continue;
      }
      int start = i;
      int kind;
      if (Character.isLetter(c)) {
        int abbr = dottedAbbreviationEnd(text, i);
        if (abbr > 0) {
          i = abbr;
          kind = ABBREVIATION;
        } else {
          i = wordEnd(text, i);
          kind = WORD;
          if (i < n && text.charAt(i) == '.' && isAbbreviation(text, start, i)) {
            i++;
            kind = ABBREVIATION;
          }
        }
      } else if (Character.isDigit(c)) {
        i = numberEnd(text, i);
        kind = NUMBER;
      } else if (isApostrophe(c) && i + 1 < n && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
          && (i + 2 >= n || !Character.isLetterOrDigit(text.charAt(i + 2)))
          && i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
        i += 2;
        kind = POSSESSIVE;
      } else if (isHyphen(c)) {
        i += 1;
        kind = HYPHEN;
      } else if (c == '.' && i + 2 < n && text.charAt(i + 1) == '.' && text.charAt(i + 2) == '.') {
        i += 3;
        while (i < n && text.charAt(i) == '.') {
          i++;
        }
        kind = PUNCT;
      } else {
        i += Character.charCount(c);
        kind = PUNCT;
      }
      starts.add(start);
      ends.add(i);
      kinds.add(kind);
    }
    int[] ts = starts.toArray();
    int[] te = ends.toArray();
    int[] tk = kinds.toArray();
    int[] tsent = new int[ts.length];
    IntList ss = new IntList();
    IntList se = new IntList();
    int sentence = 0;
    int first = 0;
    for (int t = 0; t < ts.length; t++) {
      tsent[t] = sentence;
      boolean last = t == ts.length - 1;
      boolean end = last;
      if (!last) {
        if (blankLineBetween(text, te[t], ts[t + 1])) {
          end = true;
        } else if (isTerminal(text, ts[t], te[t], tk[t])) {
          // absorb closing quotes and brackets into this sentence
          while (t + 1 < ts.length && isCloser(text.charAt(ts[t + 1])) && te[t + 1] - ts[t + 1] == 1
              && !blankLineBetween(text, te[t], ts[t + 1])) {
            t++;
            tsent[t] = sentence;
          }
          end = t == ts.length - 1 || startsSentence(text, ts[t + 1], te[t + 1], tk[t + 1])
              || blankLineBetween(text, te[t], ts[t + 1]);
        }
      }
      if (end) {
        ss.add(ts[first]);
        se.add(te[t]);
        sentence++;
        first = t + 1;
      }
    }
    return new Result(ts, te, tk, tsent, ss.toArray(), se.toArray());
  }

  /** The text of the words a topic model sees: lower-cased, letters (and inner apostrophes) only. */
  public static List<String> terms(String text, Result r, int minLength) {
    List<String> out = new ArrayList<>();
    for (int t = 0; t < r.size(); t++) {
      String w = term(text, r, t, minLength);
      if (w != null) {
        out.add(w);
      }
    }
    return out;
  }

  /** Token {@code t} as a topic-model term, or null when it is not one (too short, a number, punctuation). */
  public static String term(String text, Result r, int t, int minLength) {
    if (r.tokenKind[t] != WORD || r.tokenEnd[t] - r.tokenStart[t] < minLength) {
      return null;
    }
    String w = text.substring(r.tokenStart[t], r.tokenEnd[t]);
    for (int k = 0; k < w.length(); k++) {
      char ch = w.charAt(k);
      if (!Character.isLetter(ch) && !isApostrophe(ch) && Character.getType(ch) != Character.NON_SPACING_MARK) {
        return null;
      }
    }
    return w.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
  }

  /** A known abbreviation before a dot; "No." only as in "No. 10", so that "said no." ends a sentence. */
  private static boolean isAbbreviation(String text, int start, int end) {
    String w = text.substring(start, end).toLowerCase(Locale.ROOT);
    if (!ABBREVIATIONS.contains(w)) {
      return false;
    }
    if (w.equals("no") || w.equals("nos")) {
      int k = end + 1;
      while (k < text.length() && text.charAt(k) == ' ') {
        k++;
      }
      return k < text.length() && Character.isDigit(text.charAt(k));
    }
    return true;
  }

  static boolean isApostrophe(int c) {
    return c == '\'' || c == '\u2019' || c == '\u02BC';
  }

  public static boolean isHyphen(int c) {
    return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014' || c == '\u2212';
  }

  private static int dottedAbbreviationEnd(String s, int i) {
    int j = i;
    int letters = 0;
    while (j + 1 < s.length() && Character.isLetter(s.charAt(j)) && s.charAt(j + 1) == '.') {
      letters++;
      j += 2;
    }
    if (letters >= 2 && (j >= s.length() || !Character.isLetter(s.charAt(j)))) {
      return j;
    }
    return -1;
  }

  private static int wordEnd(String s, int i) {
    int n = s.length();
    while (i < n) {
      int c = s.codePointAt(i);
      if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
          || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
        i += Character.charCount(c);
      } else if (isApostrophe(c) && i + 1 < n && Character.isLetter(s.charAt(i + 1))) {
        // possessive 's stays a token of its own
        boolean possessive = (s.charAt(i + 1) == 's' || s.charAt(i + 1) == 'S')
            && (i + 2 >= n || !Character.isLetterOrDigit(s.charAt(i + 2)));
        if (possessive) {
          return i;
        }
        i += 1;
      } else {
        return i;
      }
    }
    return i;
  }

  private static int numberEnd(String s, int i) {
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isDigit(c)) {
        i++;
      } else if ((c == '.' || c == ',') && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
        i++;
      } else if (c == '%') {
        return i + 1;
      } else {
        return i;
      }
    }
    return i;
  }

  private static boolean isTerminal(String s, int start, int end, int kind) {
    if (kind != PUNCT) {
      return false;
    }
    char c = s.charAt(start);
    return c == '.' || c == '!' || c == '?' || c == '\u2026';
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\u201D' || c == '\u2019' || c == '\'' || c == ')' || c == ']' || c == '\u00BB';
  }

  private static boolean startsSentence(String s, int start, int end, int kind) {
    int c = s.codePointAt(start);
    if (Character.isUpperCase(c) || Character.isTitleCase(c) || Character.isDigit(c)) {
      return true;
    }
    return c == '"' || c == '\u201C' || c == '\u2018' || c == '\'' || c == '(' || c == '[' || c == '\u00AB'
        || c == '-' || c == '\u2013' || c == '\u2014';
  }

  private static boolean blankLineBetween(String s, int from, int to) {
    int newlines = 0;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c == '\n') {
        newlines++;
        if (newlines >= 2) {
          return true;
        }
      } else if (c == '\r' || c == ' ' || c == '\t') {
        continue;
      } else if (!Character.isWhitespace(c)) {
        return false;
      }
    }
    return false;
  }

  /** A growable int array, to keep per-token bookkeeping off boxed integers. */
  static final class IntList {
    private int[] a = new int[64];
    private int size;

    void add(int v) {
      if (size == a.length) {
        a = java.util.Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(a, size);
    }
  }
}
