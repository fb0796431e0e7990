package io.actorscope.io;

import io.actorscope.config.InputConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;

/**
 * Checks raw records: text normalised (byte-order mark off, Unicode NFC), binary content, empty
 * text and dates caught. Each record becomes an {@link Article} or a {@link Quarantine} row.
 */
public final class ArticleParser {
  private ArticleParser() {}

  public static Dataset<ParsedRecord> parse(Dataset<RawRecord> raw, InputConfig input, int snippetChars) {
    return raw.map(new Check(input, snippetChars), ParsedRecord.ENCODER);
  }

  /** The per-record check. */
  static final class Check implements MapFunction<RawRecord, ParsedRecord> {
    private static final long serialVersionUID = 1L;
    private final InputConfig input;
    private final int snippetChars;

    Check(InputConfig input, int snippetChars) {
      this.input = input;
      this.snippetChars = snippetChars;
    }

    @Override
    public ParsedRecord call(RawRecord r) {
      ParsedRecord p = new ParsedRecord();
      p.setInvalidBytes(r.getInvalidBytes());
      p.setBomStripped(r.isBomStripped());
      p.setSourceFile(r.getSourceFile());
      p.setSpannedLines(r.getSpannedLines());
      if (r.getSkipped() != null || r.getFiltered() != null) {
        p.setSkipped(r.getSkipped());
        p.setFiltered(r.getSkipped() == null ? r.getFiltered() : null);
        return p;
      }
      if (r.getError() != null) {
        return quarantine(p, r, r.getError(), r.getErrorDetail(), r.getRaw());
      }
      String text = r.getText();
      if (text != null && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
        text = text.substring(1);
        p.setBomStripped(true);
      }
      if (text != null) {
        int[] lone = new int[1];
        text = replaceLoneSurrogates(text, lone);
        p.setLoneSurrogates(lone[0]);
      }
      text = text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
      if (text == null || text.isBlank()) {
        return quarantine(p, r, Quarantine.MISSING_TEXT,
            text == null ? "no field '" + input.field("text") + "'" : "text is empty", null);
      }
      if (Decoded.looksBinary(text)) {
        return quarantine(p, r, Quarantine.BINARY_CONTENT, "text is not text (NUL or >10% control/invalid characters)", text);
      }
      Article a = new Article();
      String published = r.getPublished();
      if (published == null || published.isBlank()) {
        if (input.requireDate && input.partitionDate == null) {
          return quarantine(p, r, Quarantine.MISSING_DATE, "no field '" + input.field("published") + "'", text);
        }
      } else {
        try {
          Dates.Parsed d = Dates.parse(published, ZoneId.of(input.timezone));
          a.setDate(d.date);
          a.setPublished(d.instant);
          a.setDatePrecision(d.precision);
        } catch (DateTimeParseException | ArithmeticException e) {
          return quarantine(p, r, Quarantine.INVALID_DATE, "cannot read date '" + cut(published, 60) + "'", text);
        }
      }
      String precision = r.getDatePrecision();
      if (precision != null && !precision.isBlank()) {
        if (!Dates.isPrecision(precision)) {
          return quarantine(p, r, Quarantine.INVALID_DATE_PRECISION,
              "'" + cut(precision, 40) + "' is not one of time, day, month, year, approximate", text);
        }
        a.setDatePrecision(precision);
      }
      if (input.partitionDate != null) {
        // a dated run: the day's folder says which day the article belongs to
        a.setDate(java.time.LocalDate.parse(input.partitionDate));
      }
      String hash = textHash(text);
      a.setId(blankToNull(r.getId()) != null ? r.getId().strip() : hash.substring(0, 16));
      a.setUrl(blankToNull(r.getUrl()));
      a.setSource(blankToNull(r.getSource()) != null ? r.getSource().strip() : input.source);
      if (r.getTitle() != null) {
        int[] lone = new int[1];
        a.setTitle(Normalizer.normalize(replaceLoneSurrogates(r.getTitle(), lone), Normalizer.Form.NFC));
        p.setLoneSurrogates(p.getLoneSurrogates() + lone[0]);
      }
      a.setText(text);
      a.setSourceFile(r.getSourceFile());
      a.setOffset(r.getOffset());
      a.setTextHash(hash);
      a.setChars(text.length());
      a.setInvalidBytes(r.getInvalidBytes());
      a.setStoryId(a.getId());
      if (input.detectLanguage) {
        a.setLang(LanguageDetection.detect(a.getTitle(), text));
      }
      p.setArticle(a);
      return p;
    }

    private ParsedRecord quarantine(ParsedRecord p, RawRecord r, String reason, String detail, String content) {
      Quarantine q = new Quarantine();
      q.setSourceFile(r.getSourceFile());
      q.setOffset(r.getOffset());
      q.setId(blankToNull(r.getId()));
      q.setReason(reason);
      q.setDetail(detail == null ? null : cut(detail, 300));
      q.setSnippet(content == null ? null : snippet(content, snippetChars));
      p.setQuarantine(q);
      return p;
    }
  }

  /**
   * {@code s} with each unpaired UTF-16 surrogate (a JSON escape like \\ud800 alone) replaced by
   * U+FFFD and counted in {@code count[0]}; UTF-8 output would otherwise turn it into '?' unseen.
   */
  static String replaceLoneSurrogates(String s, int[] count) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean lone = Character.isHighSurrogate(c)
          ? !(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
          : Character.isLowSurrogate(c) && !(i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
      if (lone) {
        if (b == null) {
          b = new StringBuilder(s.length()).append(s, 0, i);
        }
        b.append('\uFFFD');
        count[0]++;
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  /** First characters of {@code s}, control characters shown as U+FFFD so a snippet prints on one line. */
  static String snippet(String s, int max) {
    String cut = cut(s, max);
    StringBuilder b = new StringBuilder(cut.length());
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      b.append(c < 0x20 ? (c == '\n' || c == '\t' || c == '\r' ? ' ' : '\uFFFD') : c);
    }
    return b.toString();
  }

  public static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max;
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The de-duplication key: SHA-256 of the text with runs of white space folded to one space. */
  public static String textHash(String text) {
    return sha256Hex(text.strip().replaceAll("\\s+", " "), 16);
  }

  /** The first {@code bytes} bytes of the SHA-256 of {@code s} (UTF-8), in hex. */
  public static String sha256Hex(String s, int bytes) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < bytes; i++) {
        b.append(String.format("%02x", h[i]));
      }
      return b.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
