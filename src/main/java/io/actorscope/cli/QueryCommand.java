package io.actorscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code actorscope query OUTPUT "SQL" [--format table|csv|json]}: SQL over a run's output through
 * the embedded DuckDB, with each table folder of OUTPUT registered as a view of the same name.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = {"Runs SQL over a run's output with the embedded DuckDB.",
        "Each table folder of OUTPUT is a view of the same name ('actorscope tables' lists them with their columns).",
        "Date partitions become a 'date' column.",
        "Example: actorscope query out/sample \"SELECT actor_id, sum(mentions) AS m FROM actor_counts"
            + " GROUP BY 1 ORDER BY m DESC LIMIT 5\""},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:success", "1:DuckDB rejected or could not run the SQL (its message is printed)",
        "2:bad usage, or a statement that is not a read-only SELECT", "3:OUTPUT does not exist or holds no tables"})
public final class QueryCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "OUTPUT", description = "A run's output folder (local).")
  Path output;

  @Parameters(index = "1", paramLabel = "SQL", description = "One SQL statement (DuckDB's dialect).")
  String sql;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (aligned, for people), csv (RFC 4180 with a header) or json (an array of objects). Default: ${DEFAULT-VALUE}.")
  QueryResults.Format format;

  @Option(names = "--max-width", paramLabel = "N", defaultValue = "60",
      description = "In table format, cut longer values to N characters (0: never). Default: ${DEFAULT-VALUE}.")
  int maxWidth;

  @Override
  public Integer call() {
    if (!Files.isDirectory(output)) {
      System.err.println("actorscope: query: output folder not found: " + output);
      return Main.MISSING_INPUT;
    }
    List<String> tables;
    try {
      tables = tables(output);
    } catch (java.io.IOException e) {
      System.err.println("actorscope: query: cannot list " + output + ": " + e.getMessage());
      return Main.MISSING_INPUT;
    }
    if (tables.isEmpty()) {
      System.err.println("actorscope: query: no tables (folders with Parquet files) in " + output);
      return Main.MISSING_INPUT;
    }
    try (Connection c = connect(output, tables)) {
      String refused = notReadOnly(c, sql);
      if (refused != null) {
        System.err.println("actorscope: query refused: " + refused);
        return Main.BAD_CONFIG;
      }
      QueryResults.print(c, sql, format, maxWidth, System.out);
      System.out.flush();
      return Main.OK;
    } catch (SQLException e) {
      System.out.flush();
      System.err.println("actorscope: query error: " + e.getMessage());
      return Main.JOB_FAILED;
    } catch (java.io.IOException e) {
      System.err.println("actorscope: query: " + e.getMessage());
      return Main.JOB_FAILED;
    }
  }

  /**
   * The table folders of OUTPUT: sub-folders holding at least one Parquet file, except hidden ones
   * (_runs, .spark-staging) and the saved models, sorted by name.
   */
  public static List<String> tables(Path output) throws java.io.IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(output)) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        if (!Files.isDirectory(p) || n.startsWith("_") || n.startsWith(".") || n.equals("models")) {
          continue;
        }
        try (Stream<Path> files = Files.walk(p)) {
          if (files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet") && !hiddenBelow(p, f))) {
            names.add(n);
          }
        }
      }
    }
    return names;
  }

  private static boolean hiddenBelow(Path root, Path f) {
    for (Path part : root.relativize(f)) {
      String n = part.toString();
      if (n.startsWith("_") || n.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why {@code sql} may not run, or null: only SELECT statements (with WITH, FROM-first, DESCRIBE,
   * SUMMARIZE, SHOW, which DuckDB's parser turns into SELECTs) are read-only. DuckDB's own parser
   * says which statements those are ({@code json_serialize_sql} takes SELECTs only), so COPY … TO,
   * EXPORT, ATTACH, INSTALL, LOAD, CREATE, SET and PRAGMA are refused before anything runs. A
   * statement that does not parse is left to DuckDB, whose message says what is wrong.
   */
  static String notReadOnly(Connection c, String sql) throws SQLException {
    try (java.sql.PreparedStatement p = c.prepareStatement("SELECT json_serialize_sql(CAST(? AS VARCHAR))")) {
      p.setString(1, sql);
      try (java.sql.ResultSet r = p.executeQuery()) {
        r.next();
        com.fasterxml.jackson.databind.JsonNode j;
        try {
          j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.getString(1));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          return "cannot tell whether the statement is read-only";
        }
        if (!j.path("error").asBoolean(false)) {
          return null;
        }
        String type = j.path("error_type").asText("");
        if (type.equalsIgnoreCase("parser") || type.toLowerCase(java.util.Locale.ROOT).contains("syntax")) {
          return null;
        }
        return "only read-only SELECT statements run over a results folder (" + j.path("error_message").asText() + ")";
      }
    }
  }

  /** A new in-memory DuckDB; a clear error where the classpath has none. */
  static Connection duckdb() throws SQLException {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
    } catch (ClassNotFoundException e) {
      throw new SQLException("DuckDB is not on this classpath: query and suggest run through scripts/actorscope"
          + " (the spark-submit application jar leaves DuckDB out)");
    }
    return DriverManager.getConnection("jdbc:duckdb:");
  }

  /**
   * An in-memory DuckDB with one view per table; Hive partitions (date=…, batch=…) become columns.
   * Once the views exist, file access is limited to OUTPUT, extensions cannot be installed or
   * loaded, and the configuration is locked, so a statement cannot read or write elsewhere.
   */
  public static Connection connect(Path output, List<String> tables) throws SQLException {
    Connection c = duckdb();
    try (java.sql.Statement s = c.createStatement()) {
      Path root = output.toAbsolutePath().normalize();
      for (String t : tables) {
        String glob = root.resolve(t) + "/**/*.parquet";
        s.execute("CREATE VIEW " + ident(t) + " AS SELECT * FROM read_parquet(" + literal(glob)
            + ", hive_partitioning = true, union_by_name = true)");
      }
      s.execute("SET autoinstall_known_extensions = false");
      s.execute("SET autoload_known_extensions = false");
      s.execute("SET allowed_directories = [" + literal(root + "/") + "]");
      s.execute("SET enable_external_access = false");
      s.execute("SET lock_configuration = true");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  static String ident(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
