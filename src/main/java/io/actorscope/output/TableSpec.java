package io.actorscope.output;

import java.util.ArrayList;
import java.util.List;

/**
 * One output table as the catalogue declares it: its folder name, what one row stands for, how it is
 * laid out on disk, and every column with a one-line description. {@link RunOutput} checks each
 * write against the column list, so the catalogue (and README's table reference, generated from it)
 * cannot drift from what the job writes.
 */
public record TableSpec(String name, String rowsPer, Layout layout, List<Column> columns) {

  /** How a table's folder is organised, and so what a run replaces in it. */
  public enum Layout {
    /** Hive partitions {@code date=D}; a run replaces the days it covers. */
    BY_DATE("date"),
    /** Hive partitions {@code batch=B}, one per set of inputs; a run replaces its batches. */
    BY_BATCH("batch"),
    /** One folder of Parquet, replaced whole by each run that writes it. */
    WHOLE(null),
    /** Files that are not Parquet rows (GraphML, saved models): replaced or added by relative path. */
    FILES(null);

    private final String partitionColumn;

    Layout(String partitionColumn) {
      this.partitionColumn = partitionColumn;
    }

    /** The Hive partition column, or null. */
    public String partitionColumn() {
      return partitionColumn;
    }
  }

  /** A column: its SQL name and what it holds (empty when the name says it all). */
  public record Column(String name, String doc) {}

  public TableSpec {
    columns = List.copyOf(columns);
  }

  /** The column names in their written order (the partition column where Parquet readers put it: last). */
  public List<String> columnNames() {
    List<String> out = new ArrayList<>();
    columns.forEach(c -> out.add(c.name()));
    return out;
  }

  public boolean isParquet() {
    return layout != Layout.FILES;
  }

  /** Builds a spec; {@code cols} alternate name and description: {@code "id", "", "start", "0-based offset"}. */
  static TableSpec of(String name, String rowsPer, Layout layout, String... cols) {
    if (cols.length % 2 != 0) {
      throw new IllegalArgumentException(name + ": columns come as name, description pairs");
    }
    List<Column> list = new ArrayList<>();
    for (int i = 0; i < cols.length; i += 2) {
      list.add(new Column(cols[i], cols[i + 1]));
    }
    return new TableSpec(name, rowsPer, layout, list);
  }
}
