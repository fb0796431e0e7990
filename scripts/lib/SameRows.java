import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * scripts/same-rows OUT1 OUT2: do two outputs of Actorscope hold the same rows? DuckDB reads both.
 * Exact for every table but the topic model's, whose model_id is the run's id and whose weights are
 * floating-point sums: there the top terms per topic and each article's dominant topic must agree.
 */
public class SameRows {
  public static void main(String[] a) throws Exception {
    String[][] tables = {
        {"articles", "*"}, {"mentions", "*"}, {"actor_counts", "*"}, {"cooccurrence", "*"},
        {"actors", "*"}, {"roles", "*"}, {"quarantine", "*"},
        {"topics", "topic, rank, term"}, {"doc_topics", "article_id, dominant_topic"}};
    int differ = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      for (String[] t : tables) {
        boolean hasX = Files.isDirectory(Path.of(a[0], t[0]));
        boolean hasY = Files.isDirectory(Path.of(a[1], t[0]));
        if (!hasX || !hasY) {
          differ += hasX == hasY ? 0 : 1;
          System.out.printf("%-13s %s%n", t[0], hasX == hasY ? "absent from both" : "DIFFER: absent from one");
          continue;
        }
        String x = "SELECT " + t[1] + " FROM " + table(a[0], t[0]);
        String y = "SELECT " + t[1] + " FROM " + table(a[1], t[0]);
        long nx = one(s, "SELECT count(*) FROM (" + x + ")");
        long ny = one(s, "SELECT count(*) FROM (" + y + ")");
        long onlyX = one(s, "SELECT count(*) FROM (" + x + " EXCEPT ALL " + y + ")");
        long onlyY = one(s, "SELECT count(*) FROM (" + y + " EXCEPT ALL " + x + ")");
        boolean same = nx == ny && onlyX == 0 && onlyY == 0;
        differ += same ? 0 : 1;
        System.out.printf("%-13s %8d rows vs %8d%s%n", t[0], nx, ny,
            same ? ", same" : String.format(", DIFFER: %d only in the first, %d only in the second", onlyX, onlyY));
      }
    }
    System.exit(differ == 0 ? 0 : 1);
  }

  static String table(String out, String name) {
    return "read_parquet('" + out + "/" + name + "/**/*.parquet', hive_partitioning = true)";
  }

  static long one(Statement s, String q) throws SQLException {
    try (ResultSet r = s.executeQuery(q)) {
      r.next();
      return r.getLong(1);
    }
  }
}
