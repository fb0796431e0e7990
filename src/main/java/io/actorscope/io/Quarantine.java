package io.actorscope.io;

import java.io.Serializable;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/** A row of the {@code quarantine} table: a record that could not be used, and why. */
public class Quarantine implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<Quarantine> ENCODER = Encoders.bean(Quarantine.class);

  // Reason codes.
  public static final String INVALID_JSON = "invalid_json";
  public static final String NOT_AN_OBJECT = "not_an_object";
  public static final String INVALID_FIELD = "invalid_field";
  public static final String BINARY_CONTENT = "binary_content";
  public static final String MISSING_TEXT = "missing_text";
  public static final String MISSING_DATE = "missing_date";
  public static final String INVALID_DATE = "invalid_date";
  public static final String INVALID_DATE_PRECISION = "invalid_date_precision";
  public static final String UNREADABLE = "unreadable";
  /** A WARC record that cannot be read (truncated, corrupt); the reader resumes at the next record. */
  public static final String UNREADABLE_RECORD = "unreadable_record";
  /** A JSON line, CSV record or text file over input.max_record_bytes: never parsed. */
  public static final String TOO_LARGE = "too_large";
  /** A CSV record with an unclosed quote, text after a closing quote, or a field count other than the header's. */
  public static final String MALFORMED_CSV = "malformed_csv";
  /** A text file whose path does not match input.path_pattern, so it has no date (input.require_date). */
  public static final String PATH_PATTERN_MISMATCH = "path_pattern_mismatch";
  /** An article whose id an earlier article (by file, then offset) already has, with another text. */
  public static final String DUPLICATE_ID = "duplicate_id";

  private String sourceFile;
  private long offset;
  private String id;
  private String reason;
  private String detail;
  private String snippet;

  public String getSourceFile() { return sourceFile; }
  public void setSourceFile(String v) { sourceFile = v; }
  public long getOffset() { return offset; }
  public void setOffset(long v) { offset = v; }
  public String getId() { return id; }
  public void setId(String v) { id = v; }
  public String getReason() { return reason; }
  public void setReason(String v) { reason = v; }
  public String getDetail() { return detail; }
  public void setDetail(String v) { detail = v; }
  public String getSnippet() { return snippet; }
  public void setSnippet(String v) { snippet = v; }
}
