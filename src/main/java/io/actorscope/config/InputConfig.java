package io.actorscope.config;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** One input of a job: a path and how to read it (see `input` in conf/defaults.yaml). */
public final class InputConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String FORMAT_JSONL = "jsonl";
  public static final String FORMAT_TEXT = "text";
  public static final String FORMAT_PARQUET = "parquet";
  public static final String FORMAT_CSV = "csv";
  public static final String FORMAT_WARC = "warc";

  public String path;
  public String format;
  public String encoding;
  public Map<String, String> fields = new LinkedHashMap<>();
  public String glob;
  public String pathPattern;
  public boolean titleFromFirstLine;
  public String source;
  public String timezone;
  public boolean requireDate;
  /**
   * Set by a dated run (never by a job spec): the day whose folder this input is; every article
   * read from it gets this date.
   */
  public String partitionDate;

  /** warc: relative paths in a manifest are resolved against this (null: the manifest's folder). */
  public String warcBase;
  /** warc: an HTML payload larger than this is skipped as too_large. */
  public int warcMaxPayloadBytes;
  /** warc: a page whose main text is shorter is filtered as too_short. */
  public int warcMinTextChars;
  /** A JSON line, CSV record or text file larger than this is quarantined as too_large, never parsed. */
  public int maxRecordBytes;
  /** Whether this input's articles get a detected language: its format is in language.detect (set by ConfigLoader). */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean detectLanguage;

  /** The input column/field holding article field {@code name} (id, url, source, …). */
  public String field(String name) {
    return fields.getOrDefault(name, name);
  }
}
