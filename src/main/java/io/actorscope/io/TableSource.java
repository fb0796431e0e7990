package io.actorscope.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.actorscope.config.InputConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Parquet through Spark's own reader, columns mapped by `fields`.
 *
 * <p>Each file's footer is read first (in a Spark job: footers only, no data), and the files are
 * read in groups of one schema. Spark takes one file's schema for all, so a file whose columns do
 * not fit fails the whole job with an error naming whichever file was read, often a good one. Here
 * a file that is not Parquet, or has no text column, is one {@code unreadable} record naming it;
 * a file whose text column is not a string (an int column) gives one {@code invalid_field} record
 * per row.
 */
final class TableSource extends ListedSource {
  private static final List<String> FIELDS =
      List.of("id", "url", "source", "published", "date_precision", "title", "text");



  @Override
  public Dataset<RawRecord> read(SparkSession spark, InputConfig input, InputListing listing) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    if (listing.files.isEmpty()) {
      return spark.emptyDataset(RawRecord.ENCODER);
    }
    HadoopConf conf = new HadoopConf(new org.apache.hadoop.conf.Configuration(jsc.hadoopConfiguration()));
    String text = input.field("text");
    int slices = Math.max(1, Math.min(listing.files.size(), jsc.defaultParallelism() * 4));
    // file -> "ok:<schema>" | "int:<type>:<schema>" | "bad:<why>"
    List<Tuple2<String, String>> judged = jsc.parallelize(listing.files, slices)
        .map(f -> new Tuple2<>(f, judge(f, text, conf))).collect(); // one short string per file
    Map<String, List<String>> groups = new LinkedHashMap<>();
    List<RawRecord> bad = new ArrayList<>();
    List<String> columnsSeen = new ArrayList<>();
    for (Tuple2<String, String> j : judged) {
      if (j._2().startsWith("bad:")) {
        bad.add(RawRecord.failed(j._1(), 0, Quarantine.UNREADABLE, j._2().substring(4), null, 0));
      } else {
        groups.computeIfAbsent(j._2(), k -> new ArrayList<>()).add(j._1());
      }
      if (j._2().startsWith("bad:no column")) {
        columnsSeen.add(j._2());
      }
    }
    if (groups.isEmpty() && !columnsSeen.isEmpty()) {
      // no file has the column: the setting is wrong, not the files
      throw new IllegalArgumentException("input " + input.path + ": " + columnsSeen.get(0).substring(4)
          + "; set fields.text");
    }
    Dataset<RawRecord> out = spark.createDataset(bad, RawRecord.ENCODER);
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      out = out.unionByName(readGroup(spark, input, g.getValue(), g.getKey()));
    }
    return out;
  }

  /** What one file's footer says about it. */
  private static String judge(String file, String text, HadoopConf conf) {
    MessageType schema;
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(p, conf.get()))) {
      schema = r.getFooter().getFileMetaData().getSchema();
    } catch (IOException | RuntimeException e) {
      return "bad:not a readable Parquet file: " + e;
    }
    if (!schema.containsField(text)) {
      List<String> names = new ArrayList<>();
      schema.getFields().forEach(t -> names.add(t.getName()));
      return "bad:no column '" + text + "' for the article text (columns: " + String.join(", ", names) + ")";
    }
    Type t = schema.getType(text);
    boolean string = t.isPrimitive() && (t.asPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY
        || t.asPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY);
    return (string ? "ok:" : "int:" + (t.isPrimitive() ? t.asPrimitiveType().getPrimitiveTypeName() : "group") + ":")
        + schema;
  }

  private static Dataset<RawRecord> readGroup(SparkSession spark, InputConfig input, List<String> files, String judged) {
    Dataset<Row> df = spark.read().parquet(files.toArray(new String[0]));
    List<String> columns = java.util.Arrays.asList(df.columns());
    String textType = judged.startsWith("int:") ? judged.substring(4, judged.indexOf(':', 4)) : null;
    List<Column> select = new ArrayList<>();
    for (String f : FIELDS) {
      String name = input.field(f);
      Column c = columns.contains(name) ? col("`" + name + "`").cast("string") : lit(null).cast("string");
      select.add(c.as(camel(f)));
    }
    select.add(col("_metadata.file_path").as("sourceFile"));
    select.add(col("_metadata.row_index").as("offset"));
    if (textType != null) {
      select.add(lit(Quarantine.INVALID_FIELD).as("error"));
      select.add(lit("column '" + input.field("text") + "' is " + textType + " in this file, not a string").as("errorDetail"));
      select.add(col("`" + input.field("text") + "`").cast("string").as("raw"));
    } else {
      for (String extra : List.of("error", "errorDetail", "raw")) {
        select.add(lit(null).cast("string").as(extra));
      }
    }
    for (String extra : List.of("skipped", "filtered")) {
      select.add(lit(null).cast("string").as(extra));
    }
    select.add(lit(0).as("invalidBytes"));
    select.add(lit(false).as("bomStripped"));
    select.add(lit(0).as("spannedLines"));
    return df.select(select.toArray(new Column[0])).as(RawRecord.ENCODER);
  }

  private static String camel(String snake) {
    return snake.equals("date_precision") ? "datePrecision" : snake;
  }
}
