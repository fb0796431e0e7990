package io.actorscope.io;

import io.actorscope.config.InputConfig;
import java.io.IOException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/** A source that reads the files an {@link InputListing} found on the driver; read alone, it lists them itself. */
abstract class ListedSource implements ArticleSource {
  /** The glob that selects files under a folder input (null: every file). */
  String glob(InputConfig input) {
    return null;
  }

  @Override
  public final Dataset<RawRecord> read(SparkSession spark, InputConfig input) {
    try {
      return read(spark, input, InputListing.of(
          JavaSparkContext.fromSparkContext(spark.sparkContext()).hadoopConfiguration(), input, glob(input)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + input.path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public final boolean usesListing() {
    return true;
  }

  @Override
  public abstract Dataset<RawRecord> read(SparkSession spark, InputConfig input, InputListing listing);
}
