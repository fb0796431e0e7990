package io.actorscope.cooccurrence;

import static org.apache.spark.sql.functions.col;

import io.actorscope.config.JobConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * GraphML export of the actor graph (opens in Gephi, yEd, networkx, igraph): one node per actor,
 * one undirected edge per significantly and positively associated pair of one scope over the whole
 * run. Only the selected edges (at most graph.max_edges, heaviest LLR first) reach the driver.
 */
public final class GraphExport {
  private GraphExport() {}

  /** Writes the graph; returns {nodes, edges}. */
  public static long[] write(Dataset<PairRow> runWide, JobConfig.Graph cfg, Map<String, String[]> actors, String file,
      Configuration hadoop) throws IOException {
    List<Row> edges = runWide.toDF()
        .filter(col("scope").equalTo(cfg.scope).and(col("countAb").geq(cfg.minCount))
            .and(col("llrP").leq(cfg.maxP)).and(col("countAb").gt(col("expected"))))
        .orderBy(col("llr").desc(), col("actorA"), col("actorB")).limit(cfg.maxEdges)
        .select("actorA", "actorB", "countAb", "countA", "countB", "npmi", "llr", "llrP", "units")
        .collectAsList();
    Map<String, Long> nodes = new TreeMap<>();
    for (Row e : edges) {
      nodes.put(e.getString(0), e.getLong(3));
      nodes.put(e.getString(1), e.getLong(4));
    }
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(hadoop);
    try (OutputStream os = fs.create(path, true); Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
      w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      w.write("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
          + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
          + "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
      w.write("  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n");
      w.write("  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n");
      w.write("  <key id=\"units\" for=\"node\" attr.name=\"units\" attr.type=\"long\"/>\n");
      w.write("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"long\"/>\n");
      w.write("  <key id=\"npmi\" for=\"edge\" attr.name=\"npmi\" attr.type=\"double\"/>\n");
      w.write("  <key id=\"llr\" for=\"edge\" attr.name=\"llr\" attr.type=\"double\"/>\n");
      w.write("  <key id=\"llr_p\" for=\"edge\" attr.name=\"llr_p\" attr.type=\"double\"/>\n");
      w.write("  <graph id=\"actors-" + esc(cfg.scope) + "\" edgedefault=\"undirected\">\n");
      for (Map.Entry<String, Long> n : nodes.entrySet()) {
        String[] a = actors.getOrDefault(n.getKey(), new String[] {n.getKey(), ""});
        w.write("    <node id=\"" + esc(n.getKey()) + "\"><data key=\"label\">" + esc(a[0]) + "</data><data key=\"type\">"
            + esc(a[1]) + "</data><data key=\"units\">" + n.getValue() + "</data></node>\n");
      }
      int i = 0;
      for (Row e : edges) {
        w.write("    <edge id=\"e" + i++ + "\" source=\"" + esc(e.getString(0)) + "\" target=\"" + esc(e.getString(1))
            + "\"><data key=\"weight\">" + e.getLong(2) + "</data><data key=\"npmi\">" + e.getDouble(5)
            + "</data><data key=\"llr\">" + e.getDouble(6) + "</data><data key=\"llr_p\">" + e.getDouble(7)
            + "</data></edge>\n");
      }
      w.write("  </graph>\n</graphml>\n");
    }
    return new long[] {nodes.size(), edges.size()};
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
