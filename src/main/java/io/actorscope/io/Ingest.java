package io.actorscope.io;

import io.actorscope.Plans;
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
    private final Dataset<Row> parsed;
    /** The articles' keys ranked by id, and the articles dropped, cached: the quarantine is read from them. */
    private final Dataset<Row> ranked;
    private final Dataset<Row> dropped;

    /** The story search's result, its pairs still cached; null when the search is off. */
    private final NearDuplicates.Found found;

    Result(Dataset<Row> parsed, Dataset<Article> articles, Dataset<Quarantine> quarantine, Counts counts,
        List<String> files, Dataset<Row> ranked, Dataset<Row> dropped, NearDuplicates.Found found) {
      this.dropped = dropped;
      this.found = found;
      this.parsed = parsed;
      this.ranked = ranked;
      this.articles = articles;
      this.quarantine = quarantine;
      this.counts = counts;
      this.files = files;
    }

    /** Pairs of near-duplicate copies ({@code story_copies}); null when the search is off. */
    public Dataset<StoryCopy> copies() {
      return found == null ? null : found.copies();
    }

    public void release() {
      articles.unpersist();
      ranked.unpersist();
      dropped.unpersist();
      parsed.unpersist();
      if (found != null) {
        found.release();
      }
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
    /** CSV records kept whose quoted fields held line breaks, and the physical lines they span. */
    public long recordsSpanningLines;
    public long linesSpanned;
    /** Unpaired UTF-16 surrogates (JSON escapes like \\ud800) replaced by U+FFFD. */
    public long loneSurrogates;
    /** Links to a folder already read (loops), each followed once: "link -> real folder". */
    public List<String> folderLinksSkipped = new java.util.ArrayList<>();

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
      m.put("lone_surrogates_replaced", loneSurrogates);
      m.put("csv_records_spanning_lines", recordsSpanningLines);
      m.put("csv_lines_spanned", linesSpanned);
      m.put("duplicate_ids", quarantinedByReason.getOrDefault(Quarantine.DUPLICATE_ID, 0L));
      m.put("folder_links_skipped", folderLinksSkipped);
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
    return readAll(spark, inputs, snippetChars, new java.util.ArrayList<>());
  }

  /** As {@link #readAll(SparkSession, List, int)}, with each listed input's {@link InputListing} added to {@code listings}. */
  static Dataset<ParsedRecord> readAll(SparkSession spark, List<InputConfig> inputs, int snippetChars,
      List<InputListing> listings) {
    Dataset<ParsedRecord> all = null;
    org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    for (InputConfig in : inputs) {
      ArticleSource source = ArticleSource.forFormat(in.format);
      Dataset<RawRecord> raw;
      if (source.usesListing()) {
        InputListing listing;
        try {
          listing = InputListing.of(hadoop, in,
              InputConfig.FORMAT_TEXT.equals(in.format) ? in.glob : null);
        } catch (java.io.IOException e) {
          throw new IllegalStateException("cannot list " + in.path + ": " + e.getMessage(), e);
        }
        listings.add(listing);
        raw = source.read(spark, in, listing);
        if (!listing.failures.isEmpty()) {
          raw = raw.unionByName(spark.createDataset(listing.failures, RawRecord.ENCODER));
        }
      } else {
        raw = source.read(spark, in);
      }
      Dataset<ParsedRecord> parsed = ArticleParser.parse(raw, in, snippetChars);
      all = all == null ? parsed : all.union(parsed);
    }
    return all;
  }

  /**
   * The rows to keep of {@code keys} (one per accepted article: {@code _row}, textHash, date, id,
   * sourceFile, offset): the first (by source file, offset, id) of each distinct text, or with
   * {@code perDate} of each distinct text on each date, so that a day gives the same articles
   * whether it is run alone or in a range.
   */
  static Dataset<Row> firstCopies(Dataset<Row> keys, boolean perDate) {
    org.apache.spark.sql.expressions.WindowSpec by = perDate ? Window.partitionBy("textHash", "date")
        : Window.partitionBy("textHash");
    return keys
        .withColumn("_rank", row_number().over(by.orderBy(col("sourceFile"), col("offset"), col("id"))))
        .filter(col("_rank").equalTo(1))
        .drop("_rank");
  }

  /** Above this many articles to drop (exact copies and taken ids), they are joined away by a shuffle, not a broadcast. */
  static final long BROADCAST_DROPS = 1_000_000;

  public static Result run(SparkSession spark, List<InputConfig> inputs, boolean dedupe, int snippetChars) {
    return run(spark, inputs, dedupe, snippetChars, false, null);
  }

  /**
   * {@code perDate}: duplicates are looked for within each date only (dated runs); with
   * {@code nearDuplicates} set, each article's story id found by {@link NearDuplicates}.
   */
  public static Result run(SparkSession spark, List<InputConfig> inputs, boolean dedupe, int snippetChars,
      boolean perDate, NearDuplicates.Settings nearDuplicates) {
    List<InputListing> listings = new java.util.ArrayList<>();
    // _row names a record for the joins below; it is cached with the records, so it stays put
    Dataset<Row> parsed = readAll(spark, inputs, snippetChars, listings)
        .withColumn("_row", org.apache.spark.sql.functions.monotonically_increasing_id())
        .persist(StorageLevel.MEMORY_AND_DISK());
    Counts counts = new Counts();
    List<Row> byReason = parsed
        .groupBy(col("quarantine.reason").as("reason"), col("skipped"), col("filtered"))
        .agg(count(lit(1)).as("n"), sum(col("invalidBytes")).as("bad"),
            sum(when(col("bomStripped"), 1).otherwise(0)).as("boms"),
            sum(col("loneSurrogates")).as("surrogates"),
            sum(when(col("spannedLines").gt(1), 1).otherwise(0)).as("spanning"),
            sum(when(col("spannedLines").gt(1), col("spannedLines")).otherwise(0)).as("spanned"))
        .collectAsList();
    for (InputListing l : listings) {
      counts.folderLinksSkipped.addAll(l.loops);
    }
    for (Row r : byReason) {
      long n = r.getLong(3);
      counts.read += n;
      counts.invalidBytes += r.isNullAt(4) ? 0 : r.getLong(4);
      counts.bomsStripped += r.isNullAt(5) ? 0 : r.getLong(5);
      counts.loneSurrogates += r.isNullAt(6) ? 0 : r.getLong(6);
      counts.recordsSpanningLines += r.isNullAt(7) ? 0 : r.getLong(7);
      counts.linesSpanned += r.isNullAt(8) ? 0 : r.getLong(8);
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
    Dataset<Row> accepted = parsed.filter(col("article").isNotNull()).select(col("article.*"), col("_row"));
    Dataset<Quarantine> quarantine =
        parsed.filter(col("quarantine").isNotNull()).select("quarantine.*").as(Quarantine.ENCODER);
    // Exact copies and taken ids are found on a few key columns per article, and the articles to
    // drop (few, as a rule) joined away by a broadcast: ranking the articles themselves in two
    // windows shuffled every text twice (240 MB on the UNGDC archive) and left the articles in
    // the few partitions AQE coalesced the shuffle to (3, on 2 cores: one core idle for a third
    // of every later stage). Now the articles keep the partitions they were read in.
    Dataset<Row> keys = accepted.select("_row", "textHash", "date", "id", "sourceFile", "offset");
    Dataset<Row> deduped = dedupe ? firstCopies(keys, perDate) : keys;
    // An id names one article: a later article with an id already taken (and another text, since
    // exact copies were dropped above) is quarantined, the first one by file and offset kept.
    org.apache.spark.sql.expressions.WindowSpec byId = (perDate ? Window.partitionBy("id", "date")
        : Window.partitionBy("id")).orderBy(col("sourceFile"), col("offset"));
    Dataset<Row> ranked = deduped
        .withColumn("_idRank", row_number().over(byId))
        .withColumn("_firstFile", org.apache.spark.sql.functions.first(col("sourceFile")).over(byId))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> drop = keys.select("_row").join(ranked.filter(col("_idRank").equalTo(1)).select("_row"), "_row", "left_anti")
        .persist(StorageLevel.MEMORY_AND_DISK());
    long drops = drop.count();
    Dataset<Row> idLosers = ranked.filter(col("_idRank").gt(1)).select("_row", "_firstFile");
    long duplicateIds = idLosers.count();
    if (duplicateIds > 0) {
      Dataset<Quarantine> idQuarantine = accepted.join(duplicateIds <= BROADCAST_DROPS ? org.apache.spark.sql.functions.broadcast(idLosers) : idLosers, "_row").select(
          col("sourceFile"), col("offset"), col("id"), lit(Quarantine.DUPLICATE_ID).as("reason"),
          org.apache.spark.sql.functions.concat(lit("id already taken by an article with another text in "),
              col("_firstFile")).as("detail"),
          org.apache.spark.sql.functions.substring(col("text"), 1, Math.max(snippetChars, 1)).as("snippet"))
          .as(Quarantine.ENCODER);
      counts.quarantined += duplicateIds;
      counts.accepted -= duplicateIds;
      counts.quarantinedByReason.merge(Quarantine.DUPLICATE_ID, duplicateIds, Long::sum);
      quarantine = quarantine.unionByName(idQuarantine);
    }
    Dataset<Row> kept1 = drops == 0 ? accepted
        : accepted.join(drops <= BROADCAST_DROPS ? org.apache.spark.sql.functions.broadcast(drop) : drop, "_row", "left_anti");
    Dataset<Article> kept0 = kept1.drop("_row").as(Article.ENCODER);
    Dataset<Article> base = null;
    NearDuplicates.Found found = null;
    if (nearDuplicates != null) {
      // cut as well: the story search reads it in several self-joins (see NearDuplicates.assign)
      base = io.actorscope.Plans.persistCut(kept0, Article.ENCODER);
      found = NearDuplicates.assign(spark, base, nearDuplicates);
      kept0 = found.articles;
      counts.nearDuplicateCopies = found.copies;
      counts.storiesWithCopies = found.storiesWithCopies;
    }
    Dataset<Article> articles = Plans.persistCut(kept0, Article.ENCODER);
    long kept = articles.count();
    if (base != null) {
      // articles, now cached, hold what the story search added; its pairs stay cached until the
      // copies are written (Result.release), its other intermediate datasets with them
      base.unpersist();
    }

    counts.duplicates = counts.accepted - kept;
    counts.accepted = kept;
    java.util.TreeSet<String> files = new java.util.TreeSet<>();
    for (InputListing l : listings) {
      files.addAll(l.files); // empty files too, which give no record
    }
    if (listings.size() < inputs.size()) { // an input that lists itself (WARC): the files records came from
      files.addAll(parsed
          .select(col("sourceFile").as("f")).filter(col("f").isNotNull())
          .distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    }
    return new Result(parsed, articles, quarantine, counts, new java.util.ArrayList<>(files), ranked, drop, found);
  }
}
