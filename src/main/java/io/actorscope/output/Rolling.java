package io.actorscope.output;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.actorscope.cooccurrence.Cooccurrence;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Rolling aggregates, recomputed from the committed daily partitions: for a window of w days
 * ending on day E, {@code actor_counts_rolling} sums actor_counts over E-w+1..E and
 * {@code cooccurrence_rolling} counts units over the same days (an article or sentence belongs to one
 * day, so sums of units are exact) and recomputes PMI, NPMI and G² on them.
 *
 * <p>Which windows: those ending on a day that has daily data (an articles partition) and that
 * contain a day this run touched. A nightly run of day D thus writes the windows ending on D, and a
 * backfill or late-arrival rerun of an earlier day also rewrites the later windows that contain it.
 * Every window of a listed end day is rewritten (each end day is one partition).
 */
public final class Rolling {
  private Rolling() {}

  /** The end days to recompute: days with daily data within w-1 days after a touched day. */
  public static List<LocalDate> endDays(Configuration hadoop, Tables tables, List<LocalDate> touched, List<Integer> windows)
      throws IOException {
    TreeSet<LocalDate> out = new TreeSet<>();
    if (windows.isEmpty() || touched.isEmpty()) {
      return new ArrayList<>(out);
    }
    int longest = windows.stream().mapToInt(Integer::intValue).max().getAsInt();
    for (LocalDate e : daysWithData(hadoop, tables)) {
      for (LocalDate d : touched) {
        if (!e.isBefore(d) && e.isBefore(d.plusDays(longest))) {
          out.add(e);
        }
      }
    }
    return new ArrayList<>(out);
  }

  static List<LocalDate> daysWithData(Configuration hadoop, Tables tables) throws IOException {
    Path p = new Path(tables.path(Tables.ARTICLES));
    FileSystem fs = p.getFileSystem(hadoop);
    List<LocalDate> out = new ArrayList<>();
    if (!fs.exists(p)) {
      return out;
    }
    for (FileStatus s : fs.listStatus(p)) {
      String n = s.getPath().getName();
      if (s.isDirectory() && n.matches("date=\\d{4}-\\d{2}-\\d{2}")) {
        out.add(LocalDate.parse(n.substring(5)));
      }
    }
    return out;
  }

  /** Writes both rolling tables for {@code ends} (through {@code tables}, so staged when it is). */
  public static void write(SparkSession spark, Configuration hadoop, Tables tables, List<LocalDate> ends,
      List<Integer> windows, List<String> scopes, long minCount) throws IOException {
    for (String t : List.of(Tables.ARTICLES, Tables.MENTIONS, Tables.ACTOR_COUNTS)) {
      Path p = new Path(tables.path(t));
      if (!p.getFileSystem(hadoop).exists(p)) {
        return; // no mentions on any day yet: the windows are empty, and the commit removes old ones
      }
    }
    List<Row> rows = new ArrayList<>();
    for (LocalDate e : ends) {
      for (Integer w : windows) {
        rows.add(RowFactory.create(java.sql.Date.valueOf(e), w));
      }
    }
    StructType schema = new StructType().add("end_date", DataTypes.DateType).add("window_days", DataTypes.IntegerType);
    Dataset<Row> windowsDf = org.apache.spark.sql.functions.broadcast(spark.createDataFrame(rows, schema));
    LocalDate first = ends.get(0).minusDays(windows.stream().mapToInt(Integer::intValue).max().getAsInt() - 1);
    LocalDate last = ends.get(ends.size() - 1);

    Dataset<Row> counts = inWindows(daily(spark, tables, Tables.ACTOR_COUNTS, first, last), windowsDf)
        .groupBy(col("window_days"), col("source"), col("actor_id"), col("actor_type"), col("end_date"))
        .agg(sum("mentions").as("mentions"), sum("articles").as("articles"), countDistinct("date").as("days"))
        .withColumnRenamed("end_date", "date");
    tables.writeRowsBy(Tables.ACTOR_COUNTS_ROLLING, "date", counts);

    Dataset<Row> mentions = inWindows(daily(spark, tables, Tables.MENTIONS, first, last), windowsDf)
        .select(col("end_date").as("date"), col("window_days"),
            // an article id is unique within its day; the unit of a window is (day, id)
            concat_ws("/", col("date").cast("string"), col("article_id")).as("articleId"),
            col("sentence"), col("actor_id").as("actorId"));
    Dataset<Row> articles = inWindows(daily(spark, tables, Tables.ARTICLES, first, last), windowsDf)
        .select(col("end_date").as("date"), col("window_days"), col("sentences"));
    Dataset<Row> pairs = null;
    for (Integer w : windows) {
      Dataset<Row> one = Tables.snake(Cooccurrence.computeRows(
              mentions.filter(col("window_days").equalTo(w)).drop("window_days"),
              articles.filter(col("window_days").equalTo(w)).drop("window_days"), scopes, minCount))
          .withColumn("window_days", lit(w));
      pairs = pairs == null ? one : pairs.unionByName(one);
    }
    List<String> order = new ArrayList<>(List.of("window_days"));
    for (String c : pairs.columns()) {
      if (!c.equals("window_days")) {
        order.add(c);
      }
    }
    tables.writeRowsBy(Tables.COOCCURRENCE_ROLLING, "date",
        pairs.select(order.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new)));
  }

  private static Dataset<Row> daily(SparkSession spark, Tables tables, String table, LocalDate first, LocalDate last) {
    return spark.read().parquet(tables.path(table))
        .filter(col("date").geq(lit(java.sql.Date.valueOf(first))).and(col("date").leq(lit(java.sql.Date.valueOf(last)))));
  }

  private static Dataset<Row> inWindows(Dataset<Row> daily, Dataset<Row> windows) {
    return daily.join(windows, col("date").leq(col("end_date"))
        .and(col("date").gt(date_sub(col("end_date"), col("window_days")))));
  }
}
