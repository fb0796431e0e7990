package io.actorscope.output;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.actorscope.cooccurrence.Cooccurrence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
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

  /** The end days to recompute: days with daily data ({@code withData}) within w-1 days after a touched day. */
  public static List<LocalDate> endDays(List<LocalDate> withData, List<LocalDate> touched, List<Integer> windows) {
    TreeSet<LocalDate> out = new TreeSet<>();
    if (windows.isEmpty() || touched.isEmpty()) {
      return new ArrayList<>(out);
    }
    int longest = windows.stream().mapToInt(Integer::intValue).max().getAsInt();
    for (LocalDate e : withData) {
      for (LocalDate d : touched) {
        if (!e.isBefore(d) && e.isBefore(d.plusDays(longest))) {
          out.add(e);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** The two rolling tables' rows, or null when no day has mentions yet. */
  public record Windows(Dataset<Row> counts, Dataset<Row> pairs) {}

  /**
   * Both rolling tables for {@code ends}, from the daily tables as {@code daily} gives them (the rows
   * the output holds once the run commits; null for a table without rows).
   */
  public static Windows compute(SparkSession spark, java.util.function.Function<String, Dataset<Row>> daily,
      List<LocalDate> ends, List<Integer> windows, List<String> scopes, long minCount) {
    Dataset<Row> dailyArticles = daily.apply(Tables.ARTICLES);
    Dataset<Row> dailyMentions = daily.apply(Tables.MENTIONS);
    Dataset<Row> dailyCounts = daily.apply(Tables.ACTOR_COUNTS);
    if (dailyArticles == null || dailyMentions == null || dailyCounts == null) {
      return null; // no mentions on any day yet: the windows are empty, and the commit removes old ones
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

    Dataset<Row> counts = inWindows(between(dailyCounts, first, last), windowsDf)
        .groupBy(col("window_days"), col("source"), col("actor_id"), col("actor_type"), col("end_date"))
        .agg(sum("mentions").as("mentions"), sum("articles").as("articles"), countDistinct("date").as("days"))
        .withColumnRenamed("end_date", "date");

    Dataset<Row> mentions = inWindows(between(dailyMentions, first, last), windowsDf)
        .select(col("end_date").as("date"), col("window_days"),
            // an article id is unique within its day; the unit of a window is (day, id)
            concat_ws("/", col("date").cast("string"), col("article_id")).as("articleId"),
            col("sentence"), col("actor_id").as("actorId"));
    Dataset<Row> articles = inWindows(between(dailyArticles, first, last), windowsDf)
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
    return new Windows(counts,
        pairs.select(order.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new)));
  }

  private static Dataset<Row> between(Dataset<Row> daily, LocalDate first, LocalDate last) {
    return daily
        .filter(col("date").geq(lit(java.sql.Date.valueOf(first))).and(col("date").leq(lit(java.sql.Date.valueOf(last)))));
  }

  private static Dataset<Row> inWindows(Dataset<Row> daily, Dataset<Row> windows) {
    return daily.join(windows, col("date").leq(col("end_date"))
        .and(col("date").gt(date_sub(col("end_date"), col("window_days")))));
  }
}
