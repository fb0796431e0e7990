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

  public Article getArticle() { return article; }
  public void setArticle(Article v) { article = v; }
  public Quarantine getQuarantine() { return quarantine; }
  public void setQuarantine(Quarantine v) { quarantine = v; }
  public int getInvalidBytes() { return invalidBytes; }
  public void setInvalidBytes(int v) { invalidBytes = v; }
  public boolean isBomStripped() { return bomStripped; }
  public void setBomStripped(boolean v) { bomStripped = v; }
}
