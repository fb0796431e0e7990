package io.actorscope.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the job's Parquet back with a second engine: DuckDB, the way a notebook user would. */
public final class DuckDb implements AutoCloseable {
  private final Connection c;
  private final Path output;

  public DuckDb(Path output) throws SQLException {
    this.c = DriverManager.getConnection("jdbc:duckdb:");
    this.output = output;
  }

  /** {@code read_parquet('OUTPUT/table/**}{@code /*.parquet', hive_partitioning=true)} */
  public String table(String name) {
    return "read_parquet('" + output.resolve(name) + "/**/*.parquet', hive_partitioning=true)";
  }

  /** Rows as strings, columns joined by '|', in the query's order. */
  public List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          if (i > 1) {
            b.append('|');
          }
          b.append(r.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  public long count(String sql) throws SQLException {
    return Long.parseLong(rows(sql).get(0));
  }

  @Override
  public void close() throws SQLException {
    c.close();
  }
}
