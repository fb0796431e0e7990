package io.actorscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints a query's result as an aligned table, CSV or JSON. */
public final class QueryResults {
  /** Output formats of {@code actorscope query}. */
  public enum Format { table, csv, json }

  private static final ObjectMapper JSON = new ObjectMapper();

  private QueryResults() {}

  /** Runs one statement; prints its rows, or nothing when it returns none. */
  public static void print(Connection c, String sql, Format format, int maxWidth, PrintStream out)
      throws SQLException, IOException {
    try (Statement s = c.createStatement()) {
      if (!s.execute(sql)) {
        return;
      }
      try (ResultSet r = s.getResultSet()) {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        switch (format) {
          case csv -> csv(r, w);
          case json -> json(r, w);
          default -> table(r, maxWidth, w);
        }
        w.flush();
      }
    }
  }

  private static List<String> names(ResultSetMetaData m) throws SQLException {
    List<String> n = new ArrayList<>();
    for (int i = 1; i <= m.getColumnCount(); i++) {
      n.add(m.getColumnLabel(i));
    }
    return n;
  }

  /** RFC 4180 with a header line; NULL is an empty field; lists and structs as DuckDB writes them. */
  static void csv(ResultSet r, Writer w) throws SQLException, IOException {
    List<String> names = names(r.getMetaData());
    // Header names may repeat (SELECT a.x, b.x), so the schema names columns by position and the
    // header is written as the first row. Without a schema, Jackson would drop trailing NULLs.
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false).setNullValue("");
    for (int i = 0; i < names.size(); i++) {
      schema.addColumn("c" + i);
    }
    CsvMapper mapper = new CsvMapper();
    mapper.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false); // the target is System.out
    mapper.configure(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS, true); // "" is an empty string, nothing is NULL
    mapper.configure(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING, true); // quote only what RFC 4180 needs
    try (var seq = mapper.writer(schema.build()).writeValues(w)) {
      seq.write(names);
      int n = names.size();
      while (r.next()) {
        List<String> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(r.getObject(i) == null ? null : r.getString(i));
        }
        seq.write(row);
      }
    }
  }

  /** An array of objects, one per row, with numbers, booleans, lists and structs as JSON values. */
  static void json(ResultSet r, Writer w) throws SQLException, IOException {
    List<String> names = names(r.getMetaData());
    w.write('[');
    boolean first = true;
    while (r.next()) {
      w.write(first ? "\n" : ",\n");
      first = false;
      // one generator per row, so that each row sits on its own line
      try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        for (int i = 1; i <= names.size(); i++) {
          g.writeFieldName(names.get(i - 1));
          writeValue(g, r.getObject(i));
        }
        g.writeEndObject();
      }
    }
    w.write(first ? "]\n" : "\n]\n");
  }

  private static void writeValue(JsonGenerator g, Object v) throws IOException, SQLException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        g.writeString(d.toString());
      } else {
        g.writeNumber(d);
      }
    } else if (v instanceof Float f) {
      writeValue(g, f.doubleValue());
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (v instanceof Number n) {
      g.writeNumber(n.longValue());
    } else if (v instanceof java.sql.Array a) {
      g.writeStartArray();
      for (Object o : (Object[]) a.getArray()) {
        writeValue(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof java.sql.Struct s) {
      Object m = structMap(s);
      if (m instanceof Map<?, ?> map) {
        writeMap(g, map);
      } else {
        g.writeStartArray();
        for (Object o : s.getAttributes()) {
          writeValue(g, o);
        }
        g.writeEndArray();
      }
    } else if (v instanceof Map<?, ?> map) {
      writeMap(g, map);
    } else if (v instanceof java.sql.Timestamp t) {
      g.writeString(t.toLocalDateTime().toString());
    } else if (v instanceof java.sql.Date d) {
      g.writeString(d.toLocalDate().toString());
    } else if (v instanceof byte[] bytes) {
      g.writeBinary(bytes);
    } else {
      g.writeString(v.toString());
    }
  }

  private static void writeMap(JsonGenerator g, Map<?, ?> map) throws IOException, SQLException {
    g.writeStartObject();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      g.writeFieldName(String.valueOf(e.getKey()));
      writeValue(g, e.getValue());
    }
    g.writeEndObject();
  }

  /** DuckDB's struct exposes its field names through getMap(); other drivers' only through metadata. */
  private static Object structMap(java.sql.Struct s) {
    try {
      return s.getClass().getMethod("getMap").invoke(s);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /** Aligned columns with a header rule, numbers right-aligned, NULL spelled out, then a row count. */
  static void table(ResultSet r, int maxWidth, Writer w) throws SQLException, IOException {
    ResultSetMetaData m = r.getMetaData();
    List<String> names = names(m);
    int n = names.size();
    boolean[] right = new boolean[n];
    for (int i = 0; i < n; i++) {
      right[i] = numeric(m.getColumnType(i + 1));
    }
    List<String[]> rows = new ArrayList<>();
    while (r.next()) {
      String[] row = new String[n];
      for (int i = 0; i < n; i++) {
        row[i] = r.getObject(i + 1) == null ? "NULL" : cell(r.getString(i + 1), maxWidth);
      }
      rows.add(row);
    }
    int[] width = new int[n];
    for (int i = 0; i < n; i++) {
      width[i] = names.get(i).codePointCount(0, names.get(i).length());
      for (String[] row : rows) {
        width[i] = Math.max(width[i], row[i].codePointCount(0, row[i].length()));
      }
    }
    StringBuilder b = new StringBuilder();
    line(b, names.toArray(new String[0]), width, new boolean[n]);
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
    }
    b.append('\n');
    for (String[] row : rows) {
      line(b, row, width, right);
    }
    b.append('(').append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)").append('\n');
    w.write(b.toString());
  }

  private static void line(StringBuilder b, String[] cells, int[] width, boolean[] right) {
    for (int i = 0; i < cells.length; i++) {
      String pad = " ".repeat(width[i] - cells[i].codePointCount(0, cells[i].length()));
      b.append(i == 0 ? "" : " | ");
      if (right[i]) {
        b.append(pad).append(cells[i]);
      } else {
        b.append(cells[i]);
        if (i < cells.length - 1) {
          b.append(pad);
        }
      }
    }
    b.append('\n');
  }

  /** One line per cell: line breaks and tabs shown as \n and \t; cut to maxWidth code points with an ellipsis. */
  static String cell(String s, int maxWidth) {
    String flat = s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    if (maxWidth > 0 && flat.codePointCount(0, flat.length()) > maxWidth) {
      int end = flat.offsetByCodePoints(0, Math.max(1, maxWidth - 1));
      return flat.substring(0, end) + "…";
    }
    return flat;
  }

  private static boolean numeric(int sqlType) {
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.REAL, Types.DOUBLE,
          Types.DECIMAL, Types.NUMERIC -> true;
      default -> false;
    };
  }
}
