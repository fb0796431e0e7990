package io.actorscope.io;

import java.io.Serializable;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * One record as a reader found it, before any check: the article fields as strings, where it came
 * from, and a reader-level problem ({@link #getError()}) when the record could not even be split
 * into fields (bad JSON, a binary file).
 */
public class RawRecord implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<RawRecord> ENCODER = Encoders.bean(RawRecord.class);

  private String sourceFile;
  private long offset = -1;
  private String id;
  private String url;
  private String source;
  private String published;
  private String datePrecision;
  private String title;
  private String text;
  /** A quarantine reason code found by the reader (see {@link Quarantine}), or null. */
  private String error;
  private String errorDetail;
  /** The record's raw text when it failed, for the quarantine snippet. */
  private String raw;
  private int invalidBytes;
  private boolean bomStripped;
  /** A record read but not meant to be an article (WARC: request, metadata, non_200, …), by kind; or null. */
  private String skipped;
  /** A page read and judged not an article (WARC: home_page, too_short, …), by reason; or null. */
  private String filtered;
  /** CSV: the physical lines this record spans (more than 1: a quoted field held line breaks); else 0. */
  private int spannedLines;

  public String getSourceFile() { return sourceFile; }
  public void setSourceFile(String v) { sourceFile = v; }
  public long getOffset() { return offset; }
  public void setOffset(long v) { offset = v; }
  public String getId() { return id; }
  public void setId(String v) { id = v; }
  public String getUrl() { return url; }
  public void setUrl(String v) { url = v; }
  public String getSource() { return source; }
  public void setSource(String v) { source = v; }
  public String getPublished() { return published; }
  public void setPublished(String v) { published = v; }
  public String getDatePrecision() { return datePrecision; }
  public void setDatePrecision(String v) { datePrecision = v; }
  public String getTitle() { return title; }
  public void setTitle(String v) { title = v; }
  public String getText() { return text; }
  public void setText(String v) { text = v; }
  public String getError() { return error; }
  public void setError(String v) { error = v; }
  public String getErrorDetail() { return errorDetail; }
  public void setErrorDetail(String v) { errorDetail = v; }
  public String getRaw() { return raw; }
  public void setRaw(String v) { raw = v; }
  public int getInvalidBytes() { return invalidBytes; }
  public void setInvalidBytes(int v) { invalidBytes = v; }
  public boolean isBomStripped() { return bomStripped; }
  public void setBomStripped(boolean v) { bomStripped = v; }
  public String getSkipped() { return skipped; }
  public void setSkipped(String v) { skipped = v; }
  public int getSpannedLines() { return spannedLines; }
  public void setSpannedLines(int v) { spannedLines = v; }
  public String getFiltered() { return filtered; }
  public void setFiltered(String v) { filtered = v; }

  /** A record the reader could not split into fields. */
  public static RawRecord failed(String file, long offset, String reason, String detail, String raw, int invalidBytes) {
    RawRecord r = new RawRecord();
    r.sourceFile = file;
    r.offset = offset;
    r.error = reason;
    r.errorDetail = detail;
    r.raw = raw;
    r.invalidBytes = invalidBytes;
    return r;
  }
}
