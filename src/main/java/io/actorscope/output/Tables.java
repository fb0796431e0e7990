package io.actorscope.output;

import java.time.LocalDate;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes the output tables as Parquet under OUTPUT/&lt;table&gt;/ with snake_case columns. Tables with
 * a date are Hive-partitioned by {@code date} and written with dynamic partition overwrite: a run
 * replaces exactly the dates it has rows for and leaves the others alone, so re-running a date
 * gives the same rows, not twice as many.
 */
public final class Tables {
  public static final String ARTICLES = "articles";
  public static final String MENTIONS = "mentions";
  public static final String ACTOR_COUNTS = "actor_counts";
  public static final String COOCCURRENCE = "cooccurrence";
  public static final String TOPICS = "topics";
  public static final String DOC_TOPICS = "doc_topics";
  public static final String ACTORS = "actors";
  public static final String ROLES = "roles";
  public static final String QUARANTINE = "quarantine";
  public static final String UNMATCHED_NAMES = "unmatched_names";
  public static final String STALE_ROLES = "stale_roles";
  public static final String TOPIC_QUALITY = "topic_quality";
  public static final String ACTOR_TOPICS = "actor_topics";
  public static final String TOPIC_ACTORS = "topic_actors";
  public static final String ACTOR_PARTNERS = "actor_partners";
  /** GraphML files of the actor graph (not Parquet). */
  public static final String GRAPHS = "graphs";
  /** Run manifests (one JSON file per run); the leading underscore keeps Spark's readers out. */
  public static final String RUNS = "_runs";
  public static final String MODELS = "models";

  private final String output;
  private final String compression;

  public Tables(String output, String compression) {
    this.output = output.endsWith("/") ? output.substring(0, output.length() - 1) : output;
    this.compression = compression;
  }

  public String path(String table) {
    return output + "/" + table;
  }

  /** Rolling aggregates over the daily partitions (see {@link Rolling}). */
  public static final String ACTOR_COUNTS_ROLLING = "actor_counts_rolling";
  public static final String COOCCURRENCE_ROLLING = "cooccurrence_rolling";

  /** When set, partitioned tables are written under the run's staging folder and published by its commit. */
  private StagedCommit staging;
  private final java.util.Set<String> staged = new java.util.LinkedHashSet<>();

  public void stageInto(StagedCommit commit) {
    this.staging = commit;
  }

  /** The partitioned tables written to the staging folder so far. */
  public java.util.Set<String> stagedTables() {
    return staged;
  }

  public String output() {
    return output;
  }

  /**
   * Writes {@code rows} (already with SQL column names) partitioned by {@code column}: to the
   * staging folder when staging, else by dynamic partition overwrite.
   */
  public void writeRowsBy(String table, String column, Dataset<Row> rows) {
    if (staging != null) {
      staged.add(table);
      rows.write().mode(SaveMode.Overwrite).option("compression", compression).partitionBy(column)
          .parquet(staging.stagingPath(table));
      return;
    }
    rows.write().mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .option("compression", compression)
        .partitionBy(column)
        .parquet(path(table));
  }

  /** Replaces the date partitions present in {@code rows}. */
  public void writeByDate(String table, Dataset<?> rows) {
    if (staging != null) {
      writeRowsBy(table, "date", snake(rows));
      return;
    }
    snake(rows).write().mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .option("compression", compression)
        .partitionBy("date")
        .parquet(path(table));
  }

  /** Replaces the whole table (dictionary and model tables). */
  public void writeWhole(String table, Dataset<?> rows) {
    snake(rows).coalesce(1).write().mode(SaveMode.Overwrite).option("compression", compression).parquet(path(table));
  }

  /**
   * Replaces one Hive-style partition {@code column=value} of {@code table}, written as a plain
   * folder so that even zero rows leave a readable (empty) Parquet file.
   */
  public void writePartition(String table, String column, String value, Dataset<?> rows) {
    if (staging != null) {
      staged.add(table);
      snake(rows).coalesce(1).write().mode(SaveMode.Overwrite).option("compression", compression)
          .parquet(staging.stagingPath(table) + "/" + column + "=" + value);
      return;
    }
    snake(rows).coalesce(1).write().mode(SaveMode.Overwrite).option("compression", compression)
        .parquet(path(table) + "/" + column + "=" + value);
  }

  /**
   * Bean properties (camelCase) to SQL-friendly snake_case column names, in the order the row
   * bean declares its fields (bean encoders sort them alphabetically), superclass fields first.
   */
  public static Dataset<Row> snake(Dataset<?> rows) {
    java.util.List<String> present = Arrays.asList(rows.columns());
    java.util.List<String> ordered = new java.util.ArrayList<>();
    for (String f : declaredOrder(rows)) {
      if (present.contains(f)) {
        ordered.add(f);
      }
    }
    for (String c : present) {
      if (!ordered.contains(c)) {
        ordered.add(c);
      }
    }
    Dataset<Row> df = rows.toDF().select(ordered.stream().map(c -> org.apache.spark.sql.functions.col("`" + c + "`"))
        .toArray(org.apache.spark.sql.Column[]::new));
    return df.toDF(ordered.stream().map(Tables::snakeCase).toArray(String[]::new));
  }

  private static java.util.List<String> declaredOrder(Dataset<?> rows) {
    java.util.List<String> names = new java.util.ArrayList<>();
    Class<?> bean = rows.encoder().clsTag().runtimeClass();
    java.util.Deque<Class<?>> chain = new java.util.ArrayDeque<>();
    for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
      chain.push(c);
    }
    for (Class<?> c : chain) {
      for (java.lang.reflect.Field f : c.getDeclaredFields()) {
        if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
          names.add(f.getName());
        }
      }
    }
    return names;
  }

  public static String snakeCase(String camel) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          b.append('_');
        }
        b.append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** A DateType value from a Row, whichever Java type the session hands out. */
  public static LocalDate localDate(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDate) {
      return (LocalDate) v;
    }
    return ((java.sql.Date) v).toLocalDate();
  }
}
