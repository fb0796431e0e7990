package io.actorscope.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.actorscope.config.InputConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;

/**
 * Ingest: every input read into raw records, checked into articles or quarantine rows, exact
 * duplicates dropped; the counts reconcile: read = accepted + quarantined + duplicates.
 */
public final class Ingest {

  /** What ingest produced and counted. */
  public static final class Result {
    public final Dataset<Article> articles;
    public final Dataset<Quarantine> quarantine;
    public final Counts counts;
    public final List<String> files;
    /** Every checked record, cached; {@link #release()} once articles and quarantine are written. */
    private final Dataset<ParsedRecord> parsed;

    Result(Dataset<ParsedRecord> parsed, Dataset<Article> articles, Dataset<Quarantine> quarantine, Counts counts,
        List<String> files) {
      this.parsed = parsed;
      this.articles = articles;
      this.quarantine = quarantine;
      this.counts = counts;
      this.files = files;
    }

    public void release() {
      articles.unpersist();
      parsed.unpersist();
    }
  }

  /** The reconciled counts of one run's input. */
  public static final class Counts {
    public long read;
    public long accepted;
    public long quarantined;
    public long duplicates;
    public long invalidBytes;
    public long bomsStripped;
    public Map<String, Long> quarantinedByReason = new TreeMap<>();
    /** Pages read and judged not articles (WARC), by reason. */
    public long filtered;
    public Map<String, Long> filteredByReason = new TreeMap<>();
    /** Records read that are not pages to judge (WARC request, metadata, non-200, …), by kind. */
    public long skipped;
    public Map<String, Long> skippedByKind = new TreeMap<>();
    /** Near-duplicates (not part of the reconciliation: copies stay articles): later copies, stories with copies. */
    public Long nearDuplicateCopies;
    public Long storiesWithCopies;

    public boolean reconciles() {
      return read == accepted + filtered + skipped + quarantined + duplicates;
    }

    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("read", read);
      m.put("accepted", accepted);
      m.put("quarantined", quarantined);
      m.put("duplicates", duplicates);
      m.put("filtered", filtered);
      m.put("skipped", skipped);
      m.put("reconciled", reconciles());
      m.put("filtered_by_reason", filteredByReason);
      m.put("skipped_by_kind", skippedByKind);
      m.put("quarantined_by_reason", quarantinedByReason);
      m.put("invalid_bytes", invalidBytes);
      m.put("boms_stripped", bomsStripped);
      if (nearDuplicateCopies != null) {
        m.put("near_duplicate_copies", nearDuplicateCopies);
        m.put("stories_with_copies", storiesWithCopies);
      }
      return m;
    }
  }

  private Ingest() {}

  /** All inputs, each with its own settings, checked into one dataset of parsed records. */
  public static Dataset<ParsedRecord> readAll(SparkSession spark, List<InputConfig> inputs, int snippetChars) {
    Dataset<ParsedRecord> all = null;
    for (InputConfig in : inputs) {
      Dataset<RawRecord> raw = ArticleSource.forFormat(in.format).read(spark, in);
      Dataset<ParsedRecord> parsed = ArticleParser.parse(raw, in, snippetChars);
      all = all == null ? parsed : all.union(parsed);
    }
    return all;
  }

  /** Keeps the first article (by source file, then offset) of each distinct text. */
  public static Dataset<Article> dedupe(Dataset<Article> accepted) {
    return dedupe(accepted, false);
  }

  /**
   * Keeps the first article of each distinct text; {@code perDate}: of each distinct text on each
   * date, so a day gives the same articles whether it is run alone or in a range.
   */
  public static Dataset<Article> dedupe(Dataset<Article> accepted, boolean perDate) {
    org.apache.spark.sql.expressions.WindowSpec by = perDate ? Window.partitionBy("textHash", "date")
        : Window.partitionBy("textHash");
    return accepted
        .withColumn("_rank", row_number().over(by.orderBy(col("sourceFile"), col("offset"), col("id"))))
        .filter(col("_rank").equalTo(1))
        .drop("_rank")
        .as(Article.ENCODER);
  }

  public static Result run(SparkSession spark, List<InputConfig> inputs, boolean dedupe, int snippetChars) {
    return run(spark, inputs, dedupe, snippetChars, false, null);
  }

  /**
   * {@code perDate}: duplicates are looked for within each date only (dated runs); with
   * {@code nearDuplicates} set, each article's story id found by {@link NearDuplicates}.
   */
  public static Result run(SparkSession spark, List<InputConfig> inputs, boolean dedupe, int snippetChars,
      boolean perDate, NearDuplicates.Settings nearDuplicates) {
    Dataset<ParsedRecord> parsed = readAll(spark, inputs, snippetChars).persist(StorageLevel.MEMORY_AND_DISK());
    Counts counts = new Counts();
    List<Row> byReason = parsed
        .groupBy(col("quarantine.reason").as("reason"), col("skipped"), col("filtered"))
        .agg(count(lit(1)).as("n"), sum(col("invalidBytes")).as("bad"),
            sum(when(col("bomStripped"), 1).otherwise(0)).as("boms"))
        .collectAsList();
    for (Row r : byReason) {
      long n = r.getLong(3);
      counts.read += n;
      counts.invalidBytes += r.isNullAt(4) ? 0 : r.getLong(4);
      counts.bomsStripped += r.isNullAt(5) ? 0 : r.getLong(5);
      if (!r.isNullAt(1)) {
        counts.skipped += n;
        counts.skippedByKind.merge(r.getString(1), n, Long::sum);
      } else if (!r.isNullAt(2)) {
        counts.filtered += n;
        counts.filteredByReason.merge(r.getString(2), n, Long::sum);
      } else if (r.isNullAt(0)) {
        counts.accepted += n;
      } else {
        counts.quarantined += n;
        counts.quarantinedByReason.put(r.getString(0), n);
      }
    }
    Dataset<Article> accepted = parsed.filter(col("article").isNotNull()).select("article.*").as(Article.ENCODER);
    Dataset<Quarantine> quarantine =
        parsed.filter(col("quarantine").isNotNull()).select("quarantine.*").as(Quarantine.ENCODER);
    Dataset<Article> kept0 = dedupe ? dedupe(accepted, perDate) : accepted;
    Dataset<Article> base = null;
    NearDuplicates.Found found = null;
    if (nearDuplicates != null) {
      base = kept0.persist(StorageLevel.MEMORY_AND_DISK());
      found = NearDuplicates.assign(spark, base, nearDuplicates);
      kept0 = found.articles;
      counts.nearDuplicateCopies = found.copies;
      counts.storiesWithCopies = found.storiesWithCopies;
    }
    Dataset<Article> articles = kept0.persist(StorageLevel.MEMORY_AND_DISK());
    long kept = articles.count();
    if (base != null) {
      base.unpersist(); // articles, now cached, hold what the story search added
      found.release();
    }

    counts.duplicates = counts.accepted - kept;
    counts.accepted = kept;
    List<String> files = parsed
        .select(col("sourceFile").as("f")).filter(col("f").isNotNull())
        .distinct().orderBy("f").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    return new Result(parsed, articles, quarantine, counts, files);
  }
}
