package io.actorscope.io;

import io.actorscope.config.ConfigException;
import io.actorscope.config.InputConfig;
import io.actorscope.config.Limits;
import io.actorscope.config.Resources;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/**
 * Reads one input into raw records; every record read, good or bad, becomes exactly one row.
 *
 * <p>Each format is registered once, in {@link #FORMATS}, and checks the options only it reads
 * ({@link #check}); the options every format shares are checked by {@link #checkInput}. A new
 * format is a class and one line here.
 */
public interface ArticleSource {
  /** The input formats (the {@code format} of an input), in the order README lists them. */
  Map<String, Supplier<ArticleSource>> FORMATS = formats();

  private static Map<String, Supplier<ArticleSource>> formats() {
    Map<String, Supplier<ArticleSource>> m = new LinkedHashMap<>();
    m.put(InputConfig.FORMAT_JSONL, JsonLinesSource::new);
    m.put(InputConfig.FORMAT_TEXT, TextFilesSource::new);
    m.put(InputConfig.FORMAT_PARQUET, TableSource::new);
    m.put(InputConfig.FORMAT_CSV, CsvSource::new);
    m.put(InputConfig.FORMAT_WARC, WarcSource::new);
    return java.util.Collections.unmodifiableMap(m);
  }

  Dataset<RawRecord> read(SparkSession spark, InputConfig input);

  /** Whether this source reads the files of an {@link InputListing} made on the driver. */
  default boolean usesListing() {
    return false;
  }

  /** Reads the listed files (what cannot be listed is in {@code listing.failures}, added by the caller). */
  default Dataset<RawRecord> read(SparkSession spark, InputConfig input, InputListing listing) {
    return read(spark, input);
  }

  /** Checks the options only this format reads; {@code at} names the input (e.g. {@code inputs[0]}). */
  default void check(InputConfig in, String at) {}

  static ArticleSource forFormat(String format) {
    Supplier<ArticleSource> s = FORMATS.get(format);
    if (s == null) {
      throw new IllegalArgumentException("unknown input format " + format);
    }
    return s.get();
  }

  /** The formats' names, sorted, for messages. */
  static String formatNames() {
    return String.join(", ", new TreeSet<>(FORMATS.keySet()));
  }

  /** The article fields an input may map to its own columns or keys. */
  Set<String> FIELDS = Set.of("id", "url", "source", "published", "title", "text", "date_precision");

  /**
   * Checks one input before Spark starts: the options every format shares, then its format's own.
   * Throws a {@link ConfigException} naming the key.
   */
  static void checkInput(InputConfig in, String at) {
    if (in.path == null || in.path.isBlank()) {
      throw new ConfigException(at + ".path", "required");
    }
    if (in.format == null || !FORMATS.containsKey(in.format)) {
      throw new ConfigException(at + ".format", "unknown format '" + in.format + "' (one of " + formatNames() + ")");
    }
    Resources.checkInputExists(in.path, at + ".path");
    try {
      Charset.forName(in.encoding);
    } catch (RuntimeException e) {
      throw new ConfigException(at + ".encoding", "unknown character set '" + in.encoding + "'");
    }
    try {
      ZoneId.of(in.timezone);
    } catch (RuntimeException e) {
      throw new ConfigException(at + ".timezone", "unknown time zone '" + in.timezone + "'");
    }
    for (String f : List.of("id", "text")) {
      String v = in.fields.get(f);
      if (v == null || v.isBlank()) {
        throw new ConfigException(at + ".fields." + f, "required");
      }
    }
    for (String f : in.fields.keySet()) {
      if (!FIELDS.contains(f)) {
        throw new ConfigException(at + ".fields." + f, "unknown article field");
      }
    }
    if (in.maxRecordBytes < 1 || in.maxRecordBytes > Limits.MAX_RECORD_BYTES) {
      throw new ConfigException(at + ".max_record_bytes", "must be 1 to " + Limits.MAX_RECORD_BYTES + ", got " + in.maxRecordBytes);
    }
    if (in.glob == null || in.glob.isEmpty()) {
      throw new ConfigException(at + ".glob", "required (a glob on the file name, e.g. *.txt)");
    }
    try {
      new org.apache.hadoop.fs.GlobPattern(in.glob);
    } catch (RuntimeException e) {
      throw new ConfigException(at + ".glob", "not a glob: " + ConfigException.firstLine(e.getMessage()));
    }
    forFormat(in.format).check(in, at);
  }
}
