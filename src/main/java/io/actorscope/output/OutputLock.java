package io.actorscope.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps two runs from writing the same day of one output at once. A run creates
 * {@code OUTPUT/_locks/date=D.lock} for each day it writes (an undated run: {@code all.lock}) with
 * create-if-absent, which is atomic on HDFS and the local file system (on S3 it is a check and a
 * write, so two runs started within the same second can both pass; schedule S3 runs so they do not
 * overlap). The file names the run, host, process id and start time. A dated run and an undated run
 * exclude each other: each creates its own locks first, then backs off if it sees the other kind.
 *
 * <p>Stale locks: a lock whose owner ran on this host and whose process is gone, or which is older
 * than {@code nightly.lock_stale_minutes}, is taken over (renamed aside first, so of two runs taking
 * it over only one wins). Otherwise remove the file by hand once sure its run is dead.
 */
public final class OutputLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutputLock.class);
  public static final String LOCKS = "_locks";
  public static final String ALL = "all";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileSystem fs;
  private final List<Path> held = new ArrayList<>();

  /** The lock is held by another run. */
  public static final class HeldException extends IOException {
    private static final long serialVersionUID = 1L;

    HeldException(String message) {
      super(message);
    }
  }

  private OutputLock(FileSystem fs) {
    this.fs = fs;
  }

  /** Takes the locks of {@code dates} (empty: the whole output) or throws {@link HeldException}. */
  public static OutputLock acquire(Configuration hadoop, String output, List<LocalDate> dates, String runId,
      long staleMinutes) throws IOException {
    Path dir = new Path(output, LOCKS);
    FileSystem fs = dir.getFileSystem(hadoop);
    fs.mkdirs(dir);
    OutputLock lock = new OutputLock(fs);
    List<String> names = new ArrayList<>();
    if (dates.isEmpty()) {
      names.add(ALL);
    } else {
      dates.stream().sorted().forEach(d -> names.add("date=" + d));
    }
    try {
      for (String n : names) {
        lock.take(new Path(dir, n + ".lock"), runId, staleMinutes, dates);
      }
      // the other kind of lock, taken by a run that started at the same time as this one
      for (FileStatus s : fs.listStatus(dir)) {
        String n = s.getPath().getName();
        boolean other = dates.isEmpty() ? n.startsWith("date=") && n.endsWith(".lock") : n.equals(ALL + ".lock");
        if (other) {
          JsonNode owner = read(fs, s.getPath());
          if (owner == null || !stale(owner, s, staleMinutes)) {
            throw new HeldException("lock " + s.getPath() + " is held by " + describe(owner));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    return lock;
  }

  private void take(Path p, String runId, long staleMinutes, List<LocalDate> dates) throws IOException {
    for (int attempt = 0; attempt < 2; attempt++) {
      if (create(p, runId, dates)) {
        held.add(p);
        return;
      }
      FileStatus st;
      JsonNode owner;
      try {
        st = fs.getFileStatus(p);
        owner = read(fs, p);
      } catch (java.io.FileNotFoundException gone) {
        continue; // released meanwhile
      }
      if (owner != null && !stale(owner, st, staleMinutes)) {
        throw new HeldException("lock " + p + " is held by " + describe(owner));
      }
      Path aside = new Path(p.getParent(), p.getName() + ".stale-" + runId);
      if (fs.rename(p, aside)) {
        LOG.warn("took over the stale lock {} of {}", p, describe(owner));
        fs.delete(aside, false);
      }
    }
    throw new HeldException("lock " + p + " is held by another run (taken while this run tried to take it over)");
  }

  private boolean create(Path p, String runId, List<LocalDate> dates) throws IOException {
    Map<String, Object> owner = new LinkedHashMap<>();
    owner.put("run_id", runId);
    owner.put("host", host());
    owner.put("pid", ProcessHandle.current().pid());
    owner.put("started", Instant.now().toString());
    owner.put("dates", dates.stream().map(LocalDate::toString).toArray());
    byte[] body = JSON.writeValueAsBytes(owner);
    if ("file".equals(fs.getUri().getScheme())) {
      // O_EXCL: Hadoop's local create(overwrite=false) checks and then creates, which two runs can both pass
      java.nio.file.Path local = java.nio.file.Paths.get(fs.makeQualified(p).toUri().getPath());
      try {
        java.nio.file.Files.write(local, body, java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE);
        return true;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream out = fs.create(p, false)) {
      out.write(body);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(p)) {
        return false; // some file systems say "already exists" with a plain IOException
      }
      throw e;
    }
  }

  static JsonNode read(FileSystem fs, Path p) throws IOException {
    try (InputStream in = fs.open(p)) {
      return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null; // being written this instant, or damaged: treated by its age
    }
  }

  private static boolean stale(JsonNode owner, FileStatus st, long staleMinutes) {
    long ageMinutes = (System.currentTimeMillis() - st.getModificationTime()) / 60_000;
    if (ageMinutes >= staleMinutes) {
      return true;
    }
    if (owner != null && host().equals(owner.path("host").asText()) && owner.has("pid")) {
      long pid = owner.get("pid").asLong();
      return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    }
    return false;
  }

  private static String describe(JsonNode owner) {
    if (owner == null) {
      return "a run that is writing it";
    }
    return "run " + owner.path("run_id").asText("?") + " (host " + owner.path("host").asText("?") + ", pid "
        + owner.path("pid").asText("?") + ", started " + owner.path("started").asText("?") + ")";
  }

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Run ids that hold a lock in {@code output} right now (their staging folders are in use). */
  public static Set<String> liveRuns(Configuration hadoop, String output, long staleMinutes) throws IOException {
    Path dir = new Path(output, LOCKS);
    FileSystem fs = dir.getFileSystem(hadoop);
    Set<String> out = new HashSet<>();
    if (!fs.exists(dir)) {
      return out;
    }
    for (FileStatus s : fs.listStatus(dir)) {
      if (s.getPath().getName().endsWith(".lock")) {
        try {
          JsonNode o = read(fs, s.getPath());
          if (o != null && !stale(o, s, staleMinutes)) {
            out.add(o.path("run_id").asText());
          }
        } catch (java.io.FileNotFoundException gone) {
          // released meanwhile
        }
      }
    }
    return out;
  }

  public List<String> files() {
    List<String> out = new ArrayList<>();
    held.forEach(p -> out.add(p.getName()));
    return out;
  }

  @Override
  public void close() {
    for (Path p : held) {
      try {
        fs.delete(p, false);
      } catch (IOException e) {
        LOG.warn("could not release the lock {}: {}", p, e.toString());
      }
    }
    held.clear();
  }
}
