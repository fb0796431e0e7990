package io.actorscope.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces partition folders ({@code OUTPUT/<table>/date=D/}) all or nothing, on any Hadoop file
 * system. A run writes its rows under {@code OUTPUT/_staging/<run_id>/<table>/…}, where no reader of
 * {@code OUTPUT/<table>/} looks. When every table is written it records a journal,
 * {@code _staging/<run_id>/_COMMIT.json} (written to a temporary name, then renamed: the commit
 * point), listing each partition to replace. Then, partition by partition, the old folder is moved
 * aside and the new one renamed into its place. A reader of {@code OUTPUT/<table>/date=D/} therefore
 * finds the old folder, the new folder, or (for the instant between two renames) none, never a
 * folder half written.
 *
 * <p>A run that dies before the journal leaves only its staging folder: {@link #recover} deletes
 * it, and every partition is as before. A run that dies after the journal is rolled forward by
 * {@link #recover}: the moves are repeated, each one skipped when already done. Either way the next
 * run repairs the output before it writes. On HDFS and the local file system a folder rename is
 * atomic; on S3 it is a copy and a delete, so a crash in the middle of one is repaired the same way
 * (the staged copy is kept until the journal is done) but a reader may meanwhile see a partition
 * being copied.
 */
public final class StagedCommit {
  private static final Logger LOG = LoggerFactory.getLogger(StagedCommit.class);
  public static final String STAGING = "_staging";
  static final String JOURNAL = "_COMMIT.json";
  private static final String OLD = "_old";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileSystem fs;
  private final Path output;
  private final Path root;
  private final List<String[]> entries = new ArrayList<>();
  /** Tests: throw after this many moves, as a crash would stop the commit. -1: never. */
  static int crashAfterMoves = -1;

  public StagedCommit(Configuration hadoop, String output, String runId) throws IOException {
    this.output = new Path(output);
    this.fs = this.output.getFileSystem(hadoop);
    this.root = new Path(this.output, STAGING + "/" + runId);
  }

  /** Where a run writes table {@code table} before the commit. */
  public String stagingPath(String table) {
    return new Path(root, table).toString();
  }

  /**
   * Asks for {@code OUTPUT/<table>/<partition>} to be replaced by the staged folder of the same
   * name, or removed when the run staged none (a day that now has no rows).
   */
  public void replace(String table, String partition) {
    entries.add(new String[] {table, partition});
  }

  /** The partition folders ({@code column=value}) staged for {@code table}. */
  public List<String> staged(String table) throws IOException {
    List<String> out = new ArrayList<>();
    Path t = new Path(root, table);
    if (!fs.exists(t)) {
      return out;
    }
    for (FileStatus s : fs.listStatus(t)) {
      String n = s.getPath().getName();
      if (s.isDirectory() && n.contains("=") && !n.startsWith("_") && !n.startsWith(".")) {
        out.add(n);
      }
    }
    out.sort(null);
    return out;
  }

  /** Writes the journal (the commit point), applies it, and removes the staging folder. */
  public int commit() throws IOException {
    ObjectNode j = JSON.createObjectNode();
    ArrayNode a = j.putArray("replace");
    for (String[] e : entries) {
      boolean staged = fs.exists(new Path(root, e[0] + "/" + e[1]));
      a.addObject().put("table", e[0]).put("partition", e[1]).put("staged", staged);
    }
    fs.mkdirs(root);
    Path tmp = new Path(root, "_COMMIT.json.tmp");
    try (OutputStream out = fs.create(tmp, true)) {
      out.write(JSON.writeValueAsBytes(j));
    }
    if (!fs.rename(tmp, new Path(root, JOURNAL))) {
      throw new IOException("cannot record the commit journal in " + root);
    }
    int moved = apply(fs, output, root, j);
    fs.delete(root, true);
    entries.clear();
    return moved;
  }

  /** Deletes this run's staging folder without committing (a failed run). */
  public void abort() {
    try {
      fs.delete(root, true);
    } catch (IOException e) {
      LOG.warn("could not remove the staging folder {}: {}", RunManifest.redact(root.toString()), e.toString());
    }
  }

  private static int apply(FileSystem fs, Path output, Path root, JsonNode journal) throws IOException {
    int moves = 0;
    for (JsonNode e : journal.get("replace")) {
      String table = e.get("table").asText();
      String part = e.get("partition").asText();
      Path src = new Path(root, table + "/" + part);
      Path dst = new Path(output, table + "/" + part);
      Path old = new Path(root, OLD + "/" + table + "/" + part);
      boolean staged = e.get("staged").asBoolean();
      if (staged && !fs.exists(src)) {
        continue; // moved in by an earlier attempt
      }
      if (fs.exists(dst)) {
        if (fs.exists(old)) {
          fs.delete(old, true);
        }
        fs.mkdirs(old.getParent());
        if (!fs.rename(dst, old)) {
          throw new IOException("cannot move " + dst + " aside");
        }
        moves = step(moves);
      }
      if (staged) {
        fs.mkdirs(dst.getParent());
        if (!fs.rename(src, dst)) {
          throw new IOException("cannot move " + src + " to " + dst);
        }
        moves = step(moves);
      }
    }
    return moves;
  }

  private static int step(int moves) {
    if (crashAfterMoves >= 0 && moves + 1 > crashAfterMoves) {
      throw new IllegalStateException("simulated crash after " + crashAfterMoves + " moves");
    }
    return moves + 1;
  }

  /**
   * Repairs what runs that died left under {@code OUTPUT/_staging/}: a journal is rolled forward, a
   * staging folder without one is deleted. Runs in {@code live} (they hold a lock) are left alone.
   * Returns the run ids repaired.
   */
  public static List<String> recover(Configuration hadoop, String outputDir, Set<String> live) throws IOException {
    Path output = new Path(outputDir);
    FileSystem fs = output.getFileSystem(hadoop);
    Path staging = new Path(output, STAGING);
    List<String> repaired = new ArrayList<>();
    if (!fs.exists(staging)) {
      return repaired;
    }
    for (FileStatus s : fs.listStatus(staging)) {
      String runId = s.getPath().getName();
      if (!s.isDirectory() || live.contains(runId)) {
        continue;
      }
      Path journal = new Path(s.getPath(), JOURNAL);
      if (fs.exists(journal)) {
        JsonNode j;
        try (InputStream in = fs.open(journal)) {
          j = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        int n = apply(fs, output, s.getPath(), j);
        LOG.warn("run {} died while committing; rolled its commit forward ({} moves)", runId, n);
      } else {
        LOG.warn("run {} died before committing; its staged rows are discarded", runId);
      }
      fs.delete(s.getPath(), true);
      repaired.add(runId);
    }
    return repaired;
  }
}
