package io.actorscope.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.actorscope.config.InputConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Parquet and CSV (with a header line) through Spark's own readers, columns mapped by `fields`. */
final class TableSource implements ArticleSource {
  private static final List<String> FIELDS =
      List.of("id", "url", "source", "published", "date_precision", "title", "text");

  @Override
  public Dataset<RawRecord> read(SparkSession spark, InputConfig input) {
    boolean parquet = InputConfig.FORMAT_PARQUET.equals(input.format);
    Dataset<Row> df = parquet
        ? spark.read().option("recursiveFileLookup", "true").parquet(input.path)
        : spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
            .option("encoding", input.encoding).option("recursiveFileLookup", "true").csv(input.path);
    List<String> columns = Arrays.asList(df.columns());
    String text = input.field("text");
    if (!columns.contains(text)) {
      throw new IllegalArgumentException("input " + input.path + ": no column '" + text
          + "' for the article text (columns: " + String.join(", ", columns) + "); set fields.text");
    }
    List<Column> select = new ArrayList<>();
    for (String f : FIELDS) {
      String name = input.field(f);
      Column c = columns.contains(name) ? col("`" + name + "`").cast("string") : lit(null).cast("string");
      select.add(c.as(camel(f)));
    }
    select.add(col("_metadata.file_path").as("sourceFile"));
    select.add(parquet ? col("_metadata.row_index").as("offset") : lit(-1L).as("offset"));
    for (String extra : List.of("error", "errorDetail", "raw", "skipped", "filtered")) {
      select.add(lit(null).cast("string").as(extra));
    }
    select.add(lit(0).as("invalidBytes"));
    select.add(lit(false).as("bomStripped"));
    return df.select(select.toArray(new Column[0])).as(RawRecord.ENCODER);
  }

  private static String camel(String snake) {
    return snake.equals("date_precision") ? "datePrecision" : snake;
  }
}
