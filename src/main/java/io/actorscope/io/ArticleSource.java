package io.actorscope.io;

import io.actorscope.config.InputConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/** Reads one input into raw records; every record read, good or bad, becomes exactly one row. */
public interface ArticleSource {
  Dataset<RawRecord> read(SparkSession spark, InputConfig input);

  static ArticleSource forFormat(String format) {
    switch (format) {
      case InputConfig.FORMAT_JSONL:
        return new JsonLinesSource();
      case InputConfig.FORMAT_TEXT:
        return new TextFilesSource();
      case InputConfig.FORMAT_WARC:
        return new WarcSource();
      case InputConfig.FORMAT_PARQUET:
      case InputConfig.FORMAT_CSV:
        return new TableSource();
      default:
        throw new IllegalArgumentException("unknown input format " + format);
    }
  }
}
