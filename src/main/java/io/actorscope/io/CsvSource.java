package io.actorscope.io;

import io.actorscope.config.InputConfig;
import java.io.IOException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/** CSV files with a header line (plain or compressed), each read whole by one task (see {@link CsvRecords}). */
final class CsvSource extends ListedSource {



  @Override
  public Dataset<RawRecord> read(SparkSession spark, InputConfig input, InputListing listing) {
    return FileRecords.read(spark, input, listing.files, new CsvRecords());
  }
}
