package io.actorscope.output;

import java.time.LocalDate;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The output tables' names (each is a {@link Catalogue} entry), where a reader finds one under an
 * output folder, and the row conventions every writer and reader shares: bean properties become
 * snake_case columns in the bean's declared order. Writing is {@link RunOutput}'s alone.
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

  /** Rolling aggregates over the daily partitions (see {@link Rolling}). */
  public static final String ACTOR_COUNTS_ROLLING = "actor_counts_rolling";
  public static final String COOCCURRENCE_ROLLING = "cooccurrence_rolling";

  private final String output;

  /** A reader's view of the output folder {@code output}. */
  public Tables(String output) {
    this.output = output.endsWith("/") ? output.substring(0, output.length() - 1) : output;
  }

  /** Where the committed table {@code table} is. */
  public String path(String table) {
    return output + "/" + table;
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
