package io.actorscope.io;

import java.io.Serializable;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/** A checked record: either an {@link Article} or a {@link Quarantine} row, never both. */
public class ParsedRecord implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<ParsedRecord> ENCODER = Encoders.bean(ParsedRecord.class);

  private Article article;
  private Quarantine quarantine;
  private int invalidBytes;
  private boolean bomStripped;
  /** Set when the record was skipped (by kind) or filtered (by reason): neither article nor quarantine. */
  private String skipped;
  private String filtered;
  /** The file the record came from, whatever became of it. */
  private String sourceFile;
  /** CSV: physical lines the record spans (see {@link RawRecord#getSpannedLines()}). */
  private int spannedLines;
  /** Unpaired UTF-16 surrogates (from JSON escapes like \\ud800) replaced by U+FFFD. */
  private int loneSurrogates;

  public int getSpannedLines() { return spannedLines; }
  public void setSpannedLines(int v) { spannedLines = v; }
  public int getLoneSurrogates() { return loneSurrogates; }
  public void setLoneSurrogates(int v) { loneSurrogates = v; }

  public String getSourceFile() { return sourceFile; }
  public void setSourceFile(String v) { sourceFile = v; }

  public String getSkipped() { return skipped; }
  public void setSkipped(String v) { skipped = v; }
  public String getFiltered() { return filtered; }
  public void setFiltered(String v) { filtered = v; }

  public Article getArticle() { return article; }
  public void setArticle(Article v) { article = v; }
  public Quarantine getQuarantine() { return quarantine; }
  public void setQuarantine(Quarantine v) { quarantine = v; }
  public int getInvalidBytes() { return invalidBytes; }
  public void setInvalidBytes(int v) { invalidBytes = v; }
  public boolean isBomStripped() { return bomStripped; }
  public void setBomStripped(boolean v) { bomStripped = v; }
}
