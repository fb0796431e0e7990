package io.actorscope.io;

import io.actorscope.config.InputConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/** Reads one input into raw records; every record read, good or bad, becomes exactly one row. */
public interface ArticleSource {
  Dataset<RawRecord> read(SparkSession spark, InputConfig input);

  /** Whether this source reads the files of an {@link InputListing} made on the driver. */
  default boolean usesListing() {
    return false;
  }

  /** Reads the listed files (what cannot be listed is in {@code listing.failures}, added by the caller). */
  default Dataset<RawRecord> read(SparkSession spark, InputConfig input, InputListing listing) {
    return read(spark, input);
  }

  static ArticleSource forFormat(String format) {
    switch (format) {
      case InputConfig.FORMAT_JSONL:
        return new JsonLinesSource();
      case InputConfig.FORMAT_TEXT:
        return new TextFilesSource();
      case InputConfig.FORMAT_WARC:
        return new WarcSource();
      case InputConfig.FORMAT_PARQUET:
        return new TableSource();
      case InputConfig.FORMAT_CSV:
        return new CsvSource();
      default:
        throw new IllegalArgumentException("unknown input format " + format);
    }
  }
}
