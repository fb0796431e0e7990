package io.actorscope.io;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/** A row of the {@code articles} table: one accepted, de-duplicated article. */
public class Article implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<Article> ENCODER = Encoders.bean(Article.class);

  private String id;
  private String url;
  private String source;
  private String title;
  /** The stored text: byte-order mark stripped, Unicode NFC. Every offset refers to it. */
  private String text;
  /** The publication instant when the input gave a time of day, else null. */
  private Instant published;
  private LocalDate date;
  /** time | day | month | year | approximate */
  private String datePrecision;
  private String sourceFile;
  /** Byte offset of the record in its (decompressed) file, the row index in Parquet, -1 if unknown. */
  private long offset;
  /** SHA-256 (hex, 32 chars) of the text with white space folded: the de-duplication key. */
  private String textHash;
  private int chars;
  private int invalidBytes;
  /** Sentences and tokens the text stage found (0 before it runs). */
  private int sentences;
  private int tokens;
  /** ISO 639-1 code of the detected language, {@code und} if it cannot be told, null if not detected. */
  private String lang;
  /** The id of the story this article is a copy of (the first copy's id); its own id when it has no near-duplicate. */
  private String storyId;

  public String getId() { return id; }
  public void setId(String v) { id = v; }
  public String getUrl() { return url; }
  public void setUrl(String v) { url = v; }
  public String getSource() { return source; }
  public void setSource(String v) { source = v; }
  public String getTitle() { return title; }
  public void setTitle(String v) { title = v; }
  public String getText() { return text; }
  public void setText(String v) { text = v; }
  public Instant getPublished() { return published; }
  public void setPublished(Instant v) { published = v; }
  public LocalDate getDate() { return date; }
  public void setDate(LocalDate v) { date = v; }
  public String getDatePrecision() { return datePrecision; }
  public void setDatePrecision(String v) { datePrecision = v; }
  public String getSourceFile() { return sourceFile; }
  public void setSourceFile(String v) { sourceFile = v; }
  public long getOffset() { return offset; }
  public void setOffset(long v) { offset = v; }
  public String getTextHash() { return textHash; }
  public void setTextHash(String v) { textHash = v; }
  public int getChars() { return chars; }
  public void setChars(int v) { chars = v; }
  public int getInvalidBytes() { return invalidBytes; }
  public void setInvalidBytes(int v) { invalidBytes = v; }
  public int getSentences() { return sentences; }
  public void setSentences(int v) { sentences = v; }
  public int getTokens() { return tokens; }
  public void setTokens(int v) { tokens = v; }
  public String getLang() { return lang; }
  public void setLang(String v) { lang = v; }
  public String getStoryId() { return storyId; }
  public void setStoryId(String v) { storyId = v; }

  /** Copies every field of {@code a} into this one. */
  public void copyFrom(Article a) {
    id = a.id;
    url = a.url;
    source = a.source;
    title = a.title;
    text = a.text;
    published = a.published;
    date = a.date;
    datePrecision = a.datePrecision;
    sourceFile = a.sourceFile;
    offset = a.offset;
    textHash = a.textHash;
    chars = a.chars;
    invalidBytes = a.invalidBytes;
    sentences = a.sentences;
    tokens = a.tokens;
    lang = a.lang;
    storyId = a.storyId;
  }
}
