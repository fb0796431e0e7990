package io.actorscope.io;

import io.actorscope.Stage;
import io.actorscope.config.ConfigException;
import io.actorscope.config.DatedRun;
import io.actorscope.config.InputConfig;
import io.actorscope.config.JobConfig;
import io.actorscope.output.Catalogue;
import io.actorscope.output.RunManifest;
import io.actorscope.output.RunOutput;
import io.actorscope.output.TableSpec;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * Ingest: every input read and checked into articles or quarantine rows, exact duplicates dropped,
 * near-duplicate stories found; the counts reconcile (read = accepted + filtered + skipped +
 * quarantined + duplicates) or the run stops. Writes the quarantine, one batch per set of inputs (in a
 * dated run, one per day).
 */
public final class IngestStage implements Stage {

  /** How near-duplicate copies are counted downstream. */
  public enum CountPer {
    /** every copy counts */
    COPY,
    /** only each story's first copy counts */
    STORY;

    static CountPer parse(String s) {
      try {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("near_duplicates.count", "must be story or copy, not '" + s + "'");
      }
    }
  }

  /**
   * @param nearDuplicates null when near-duplicate search is off
   * @param dates the days of a dated run (duplicates are then looked for within a day); empty otherwise
   * @param layout nightly.layout, which names a day's folder in a dated run
   */
  public record Settings(List<InputConfig> inputs, boolean dedupe, int snippetChars,
      NearDuplicates.Settings nearDuplicates, CountPer countPer, List<LocalDate> dates, String layout) {
    public Settings {
      inputs = List.copyOf(inputs);
      dates = List.copyOf(dates);
      if (snippetChars < 0) {
        throw new ConfigException("ingest.snippet_chars", "must be >= 0");
      }
    }

    /**
     * Binds and checks {@code inputs}, {@code ingest.*}, {@code near_duplicates.*} and {@code
     * language.detect}: a {@link ConfigException} naming the key, before Spark starts.
     */
    public static Settings from(JobConfig c, List<LocalDate> dates) {
      for (int i = 0; i < c.inputs.size(); i++) {
        ArticleSource.checkInput(c.inputs.get(i), "inputs[" + i + "]");
      }
      for (String f : c.language.detect) {
        if (!ArticleSource.FORMATS.containsKey(f)) {
          throw new ConfigException("language.detect", "unknown format '" + f + "' (one of " + ArticleSource.formatNames() + ")");
        }
      }
      JobConfig.NearDuplicates nd = c.nearDuplicates;
      NearDuplicates.Settings near = NearDuplicates.Settings.from(nd); // checked even when off: a typo waits for no one
      CountPer per = CountPer.parse(nd.count);
      return new Settings(c.inputs, c.ingest.dedupe, c.ingest.snippetChars, nd.enabled ? near : null,
          nd.enabled ? per : CountPer.COPY, dates, c.nightly.layout);
    }
  }

  /** What ingest produced and counted; {@link #release()} once the text stage has cached its articles. */
  public record Result(Ingest.Result read, Settings settings) implements Stage.Result {
    public Dataset<Article> articles() {
      return read.articles;
    }

    public Ingest.Counts counts() {
      return read.counts;
    }

    public void release() {
      read.release();
    }

    @Override
    public void report(RunManifest m) {
      Map<String, Object> nd = new LinkedHashMap<>();
      nd.put("enabled", settings.nearDuplicates != null);
      if (settings.nearDuplicates != null) {
        nd.put("threshold", settings.nearDuplicates.threshold);
        nd.put("shingle_words", settings.nearDuplicates.shingleWords);
        nd.put("count", settings.countPer.name().toLowerCase(java.util.Locale.ROOT));
      }
      m.put("near_duplicates", nd);
      m.put("input_files", read.files);
      m.counts().putAll(read.counts.asMap());
    }
  }

  private final SparkSession spark;
  private final Settings settings;

  public IngestStage(SparkSession spark, Settings settings) {
    this.spark = spark;
    this.settings = settings;
  }

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public String description() {
    return "read, check and de-duplicate articles";
  }

  @Override
  public List<TableSpec> tables() {
    return settings.nearDuplicates != null ? List.of(Catalogue.QUARANTINE, Catalogue.STORY_COPIES)
        : List.of(Catalogue.QUARANTINE);
  }

  /** Reads and checks every input; fails when the counts do not reconcile. */
  public Result run() {
    Ingest.Result read = Ingest.run(spark, settings.inputs, settings.dedupe, settings.snippetChars,
        !settings.dates.isEmpty(), settings.nearDuplicates);
    if (!read.counts.reconciles()) {
      throw new IllegalStateException("counts do not reconcile: " + read.counts.asMap());
    }
    return new Result(read, settings);
  }

  /**
   * Writes the near-duplicate pairs, and the quarantine rows: one batch for the inputs, or in a dated
   * run one per day, even when empty.
   */
  public void write(Result r, RunOutput out) {
    Dataset<StoryCopy> copies = r.read.copies();
    if (copies != null) {
      out.write(Catalogue.STORY_COPIES, copies);
    }
    if (settings.dates.isEmpty()) {
      out.writeBatch(Catalogue.QUARANTINE, batchId(settings.inputs), r.read.quarantine);
      return;
    }
    Dataset<Quarantine> q = r.read.quarantine.persist(StorageLevel.MEMORY_AND_DISK());
    Column day = functions.regexp_extract(functions.col("sourceFile"), DatedRun.dayInPath(settings.layout), 1);
    for (LocalDate d : settings.dates) {
      out.writeBatch(Catalogue.QUARANTINE, d + "-" + datedBatchSuffix(), q.filter(day.equalTo(d.toString())));
    }
    q.unpersist();
  }

  /** The quarantine batch of a set of inputs: the same inputs give the same batch, so a rerun replaces it. */
  public static String batchId(List<InputConfig> inputs) {
    StringBuilder b = new StringBuilder();
    inputs.stream().map(i -> i.format + ":" + i.path).sorted().forEach(s -> b.append(s).append('\n'));
    return ArticleParser.sha256Hex(b.toString(), 6);
  }

  /** The part of a dated run's quarantine batch after the day: the same inputs give the same batch. */
  private String datedBatchSuffix() {
    StringBuilder b = new StringBuilder(settings.layout).append('\n');
    settings.inputs.stream().map(i -> i.format + ":" + i.path.substring(0, i.path.length()
        - settings.layout.replace("{date}", i.partitionDate).length())).distinct().sorted()
        .forEach(x -> b.append(x).append('\n'));
    return ArticleParser.sha256Hex(b.toString(), 6);
  }
}
