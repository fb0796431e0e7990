package io.actorscope.output;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The one owner of a run's output folder. It takes the run's locks, repairs what dead runs left,
 * stages every write (Parquet tables, GraphML, saved models) under {@code OUTPUT/_staging/<run_id>/},
 * and publishes them in one {@link StagedCommit}: a run that dies at any point before its journal
 * leaves the previous output exactly as it was, and one that dies after it is rolled forward by the
 * next run. Nothing else writes under OUTPUT except the manifest and the report in {@code _runs/}.
 *
 * <p>What a commit replaces follows the table's {@link TableSpec.Layout}: in a dated run, every day of
 * the run in each by-date table a stage that ran declared (a day without rows is emptied, so no row
 * outlives the articles it points at); in an undated run, the dates staged; the batches staged; a
 * whole table or a file when it was written.
 */
public final class RunOutput implements AutoCloseable {
  private final Configuration hadoop;
  private final FileSystem fs;
  private final String root;
  private final String runId;
  private final List<LocalDate> dates;
  private final String compression;
  private final OutputLock lock;
  private final StagedCommit commit;
  private final List<String> repaired;
  /** Tables of the stages that ran, in the order they were claimed. */
  private final Set<TableSpec> owned = new LinkedHashSet<>();
  /** By-date tables whose replaced days are not the run's own (the rolling windows' end days). */
  private final Map<TableSpec, List<LocalDate>> days = new LinkedHashMap<>();
  /** Files and folders staged under a FILES table, by table. */
  private final Map<String, List<String>> files = new LinkedHashMap<>();
  private boolean committed;

  private RunOutput(Configuration hadoop, String root, String runId, List<LocalDate> dates, String compression,
      long lockStaleMinutes) throws IOException {
    this.hadoop = hadoop;
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.fs = new Path(this.root).getFileSystem(hadoop);
    this.runId = runId;
    this.dates = List.copyOf(dates);
    this.compression = compression;
    this.lock = OutputLock.acquire(hadoop, this.root, this.dates, runId, lockStaleMinutes);
    try {
      this.repaired = StagedCommit.recover(hadoop, this.root, OutputLock.liveRuns(hadoop, this.root, lockStaleMinutes));
      this.commit = new StagedCommit(hadoop, this.root, runId);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * Locks the days of {@code dates} (an undated run: the whole output) and repairs dead runs' leftovers.
   * Throws {@link OutputLock.HeldException} when another live run holds one of them.
   */
  public static RunOutput open(Configuration hadoop, String root, String runId, List<LocalDate> dates,
      String compression, long lockStaleMinutes) throws IOException {
    return new RunOutput(hadoop, root, runId, dates, compression, lockStaleMinutes);
  }

  public String root() {
    return root;
  }

  public List<String> lockFiles() {
    return lock.files();
  }

  /** The run ids whose leftovers this run repaired before it started. */
  public List<String> repairedRuns() {
    return repaired;
  }

  /** Where readers find the committed table. */
  public String committedPath(TableSpec table) {
    return root + "/" + table.name();
  }

  /**
   * A stage that runs owns its tables for this run: in a dated run, each of their days is replaced
   * even when the stage writes no row for it.
   */
  public void claim(List<TableSpec> tables) {
    owned.addAll(tables);
  }

  /**
   * Owns {@code table} for exactly {@code replaced} days (whatever the run's own days): each is replaced,
   * by the staged rows or, when none were staged, by nothing.
   */
  public void claimDays(TableSpec table, List<LocalDate> replaced) {
    if (table.layout() != TableSpec.Layout.BY_DATE) {
      throw new IllegalArgumentException(table.name() + " is not partitioned by date");
    }
    owned.add(table);
    days.put(table, List.copyOf(replaced));
  }

  /** Writes a by-date or whole table (bean columns become snake_case, in the bean's declared order). */
  public void write(TableSpec table, Dataset<?> rows) {
    Dataset<Row> df = checked(table, Tables.snake(rows));
    owned.add(table);
    switch (table.layout()) {
      case BY_DATE -> df.write().mode(SaveMode.Overwrite).option("compression", compression).partitionBy("date")
          .parquet(commit.stagingPath(table.name()));
      case WHOLE -> df.coalesce(1).write().mode(SaveMode.Overwrite).option("compression", compression)
          .parquet(commit.stagingPath(table.name()));
      default -> throw new IllegalArgumentException(table.name() + " is " + table.layout() + ", not written this way");
    }
  }

  /** Writes one batch of a by-batch table, as a plain folder, so that zero rows still leave a readable file. */
  public void writeBatch(TableSpec table, String batch, Dataset<?> rows) {
    if (table.layout() != TableSpec.Layout.BY_BATCH) {
      throw new IllegalArgumentException(table.name() + " is not partitioned by batch");
    }
    owned.add(table);
    Dataset<Row> df = Tables.snake(rows);
    checkColumns(table, df.columns(), true);
    df.coalesce(1).write().mode(SaveMode.Overwrite).option("compression", compression)
        .parquet(commit.stagingPath(table.name()) + "/batch=" + batch);
  }

  /**
   * A staging path for {@code relative} (a file or folder) under a FILES table; the commit puts it at
   * {@code OUTPUT/<table>/<relative>}, or replaces the whole table folder when {@code relative} is empty.
   */
  public String stagePath(TableSpec table, String relative) {
    if (table.layout() != TableSpec.Layout.FILES) {
      throw new IllegalArgumentException(table.name() + " holds rows, not files");
    }
    owned.add(table);
    files.computeIfAbsent(table.name(), k -> new ArrayList<>()).add(relative);
    return relative.isEmpty() ? commit.stagingPath(table.name()) : commit.stagingPath(table.name()) + "/" + relative;
  }

  /**
   * The rows {@code table} will hold once this run commits: the committed rows of the days this run does
   * not replace, and the staged rows. Null when neither exists. (Rolling windows read this, so that they
   * are written in the same commit as the days they sum.)
   */
  public Dataset<Row> afterCommit(SparkSession spark, TableSpec table) throws IOException {
    if (table.layout() != TableSpec.Layout.BY_DATE) {
      throw new IllegalArgumentException(table.name() + " is not partitioned by date");
    }
    Path staged = new Path(commit.stagingPath(table.name()));
    Path done = new Path(committedPath(table));
    boolean hasStaged = !datePartitions(staged).isEmpty();
    boolean hasDone = !datePartitions(done).isEmpty();
    Dataset<Row> old = null;
    if (hasDone) {
      Set<LocalDate> replaced = replacedDates(table);
      old = spark.read().parquet(done.toString());
      if (!replaced.isEmpty()) {
        old = old.filter(org.apache.spark.sql.functions.not(col("date").isin(
            replaced.stream().map(java.sql.Date::valueOf).toArray())));
      }
    }
    Dataset<Row> now = hasStaged ? spark.read().parquet(staged.toString()) : null;
    if (old == null) {
      return now;
    }
    return now == null ? old : old.unionByName(now, true);
  }

  /** The days {@code table} will have folders for once this run commits. */
  public List<LocalDate> datesAfterCommit(TableSpec table) throws IOException {
    TreeSet<LocalDate> out = new TreeSet<>(datePartitions(new Path(committedPath(table))));
    out.removeAll(replacedDates(table));
    out.addAll(datePartitions(new Path(commit.stagingPath(table.name()))));
    return new ArrayList<>(out);
  }

  private Set<LocalDate> replacedDates(TableSpec table) throws IOException {
    Set<LocalDate> out = new TreeSet<>();
    if (!owned.contains(table)) {
      return out;
    }
    if (days.containsKey(table)) {
      out.addAll(days.get(table));
    } else if (!dates.isEmpty()) {
      out.addAll(dates);
    } else {
      out.addAll(datePartitions(new Path(commit.stagingPath(table.name()))));
    }
    return out;
  }

  private List<LocalDate> datePartitions(Path table) throws IOException {
    List<LocalDate> out = new ArrayList<>();
    if (!fs.exists(table)) {
      return out;
    }
    for (FileStatus s : fs.listStatus(table)) {
      String n = s.getPath().getName();
      if (s.isDirectory() && n.matches("date=\\d{4}-\\d{2}-\\d{2}")) {
        out.add(LocalDate.parse(n.substring(5)));
      }
    }
    return out;
  }

  /**
   * Publishes everything staged in one commit (see the class comment for what is replaced) and returns
   * the folders replaced, as {@code table/partition}.
   */
  public List<String> commit() throws IOException {
    List<String> replaced = new ArrayList<>();
    for (TableSpec t : owned) {
      List<String> parts = new ArrayList<>();
      switch (t.layout()) {
        case BY_DATE -> {
          if (days.containsKey(t)) {
            days.get(t).forEach(d -> parts.add("date=" + d));
          } else if (dates.isEmpty()) {
            parts.addAll(commit.staged(t.name()));
          } else {
            dates.forEach(d -> parts.add("date=" + d));
          }
        }
        case BY_BATCH -> parts.addAll(commit.staged(t.name()));
        case WHOLE -> {
          if (fs.exists(new Path(commit.stagingPath(t.name())))) {
            parts.add("");
          }
        }
        case FILES -> parts.addAll(files.getOrDefault(t.name(), List.of()));
        default -> throw new IllegalStateException(t.layout().toString());
      }
      for (String p : parts) {
        commit.replace(t.name(), p);
        replaced.add(p.isEmpty() ? t.name() : t.name() + "/" + p);
      }
    }
    commit.commit();
    committed = true;
    return replaced;
  }

  /** Throws away what this run staged (a failed run); the output stays as it was. */
  public void abort() {
    if (!committed) {
      commit.abort();
    }
  }

  /** Writes {@code OUTPUT/_runs/<run_id>.json}; returns where. */
  public String writeManifest(RunManifest manifest) throws IOException {
    return manifest.write(root, hadoop);
  }

  /** Releases the locks; a run that did not commit leaves no staged rows behind. */
  @Override
  public void close() {
    abort();
    lock.close();
  }

  private static Dataset<Row> checked(TableSpec table, Dataset<Row> df) {
    checkColumns(table, df.columns(), table.layout() == TableSpec.Layout.BY_BATCH);
    return df;
  }

  /**
   * The columns a stage hands over must be the catalogue's, in its order: the catalogue is what README
   * and the query command describe, so a column it does not know is a bug, caught by every test run.
   */
  static void checkColumns(TableSpec table, String[] written, boolean partitionAdded) {
    List<String> expected = new ArrayList<>(table.columnNames());
    if (partitionAdded && table.layout().partitionColumn() != null) {
      expected.remove(table.layout().partitionColumn());
    }
    if (table.layout() == TableSpec.Layout.BY_DATE) {
      // Spark writes the partition column as a folder; readers put it last
      expected.remove("date");
      List<String> got = new ArrayList<>(List.of(written));
      got.remove("date");
      if (!got.equals(expected)) {
        throw new IllegalStateException("table " + table.name() + ": written columns " + got
            + " differ from the catalogue's " + expected);
      }
      return;
    }
    if (!List.of(written).equals(expected)) {
      throw new IllegalStateException("table " + table.name() + ": written columns " + List.of(written)
          + " differ from the catalogue's " + expected);
    }
  }
}
