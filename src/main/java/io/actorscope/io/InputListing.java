package io.actorscope.io;

import io.actorscope.config.InputConfig;
import io.actorscope.config.Resources;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobFilter;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The files of one input, listed on the driver before anything is read: every file once (empty
 * ones too), each real folder once however many links lead to it, and what cannot be listed or
 * read (a folder without permission, a broken link, a FIFO) as one {@code unreadable} record each,
 * so the job goes on.
 *
 * <p>Local folders are walked with java.nio following links, remembering each folder's file key:
 * Hadoop's local listing follows a link to {@code .} forever. Hidden names (starting with {@code _}
 * or {@code .}, like _SUCCESS and .crc files) are skipped, as Spark's own listing does.
 */
public final class InputListing implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Files to read, as Hadoop path strings (file:/…, hdfs://…), sorted. */
  public final List<String> files = new ArrayList<>();
  /** Links to a folder already read (a loop, or a second way into the same folder): "link -> real folder". */
  public final List<String> loops = new ArrayList<>();
  /** One record per file or folder that cannot be read, reason {@code unreadable}. */
  public final List<RawRecord> failures = new ArrayList<>();

  private InputListing() {}

  /** {@code nameGlob}: keep only files whose name matches (text format), or null for every file. */
  public static InputListing of(Configuration hadoop, InputConfig input, String nameGlob) throws IOException {
    InputListing l = new InputListing();
    GlobFilter names = nameGlob == null ? null : new GlobFilter(nameGlob);
    Path root = new Path(input.path);
    FileSystem fs = root.getFileSystem(hadoop);
    FileStatus[] matches = fs.globStatus(root);
    if (matches == null || matches.length == 0) {
      throw new java.io.FileNotFoundException("input not found: " + input.path);
    }
    boolean local = Resources.localPath(input.path) != null;
    Set<Object> seen = new HashSet<>();
    TreeSet<String> files = new TreeSet<>();
    for (FileStatus m : matches) {
      if (local) {
        l.walkLocal(java.nio.file.Paths.get(m.getPath().toUri()), names, seen, files);
      } else if (m.isDirectory()) {
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
        while (it.hasNext()) {
          LocatedFileStatus f = it.next();
          if (!hiddenBelow(m.getPath(), f.getPath()) && (names == null || names.accept(f.getPath()))) {
            files.add(f.getPath().toString());
          }
        }
      } else if (names == null || names.accept(m.getPath())) {
        files.add(m.getPath().toString());
      }
    }
    l.files.addAll(files);
    return l;
  }

  private void walkLocal(java.nio.file.Path start, GlobFilter names, Set<Object> seen, Set<String> files)
      throws IOException {
    java.nio.file.Path startReal = java.nio.file.Paths.get(real(start));
    Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(java.nio.file.Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(start) && hidden(dir)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        if (!dir.equals(start) && Files.isSymbolicLink(dir) && java.nio.file.Paths.get(real(dir)).startsWith(startReal)) {
          // a link to a folder of this same tree: that folder is read under its own name, whatever
          // order the listing comes in
          loops.add(dir + " -> " + real(dir));
          return FileVisitResult.SKIP_SUBTREE;
        }
        Object key = attrs.fileKey() != null ? attrs.fileKey() : real(dir);
        if (!seen.add(key)) {
          loops.add(dir + " -> " + real(dir));
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(java.nio.file.Path file, BasicFileAttributes attrs) {
        if (!file.equals(start) && hidden(file)) {
          return FileVisitResult.CONTINUE;
        }
        Path p = new Path(file.toAbsolutePath().toUri());
        if (names != null && !names.accept(p)) {
          return FileVisitResult.CONTINUE;
        }
        if (attrs.isSymbolicLink()) {
          fail(p, "broken symbolic link to " + target(file));
        } else if (!attrs.isRegularFile()) {
          fail(p, "not a regular file (a FIFO, socket or device is never read)");
        } else if (!Files.isReadable(file)) {
          fail(p, "permission denied");
        } else {
          files.add(p.toString());
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(java.nio.file.Path file, IOException e) {
        if (e instanceof FileSystemLoopException) {
          loops.add(file + " -> " + real(file));
        } else {
          fail(new Path(file.toAbsolutePath().toUri()), e instanceof AccessDeniedException ? "permission denied"
              : "cannot list or read: " + e);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private void fail(Path p, String why) {
    failures.add(RawRecord.failed(p.toString(), 0, Quarantine.UNREADABLE, why, null, 0));
  }

  private static boolean hidden(java.nio.file.Path p) {
    String n = p.getFileName() == null ? "" : p.getFileName().toString();
    return n.startsWith("_") || n.startsWith(".");
  }

  private static boolean hiddenBelow(Path root, Path f) {
    String rel = f.toUri().getPath().substring(Math.min(f.toUri().getPath().length(), root.toUri().getPath().length()));
    for (String part : rel.split("/")) {
      if (part.startsWith("_") || part.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String real(java.nio.file.Path p) {
    try {
      return p.toRealPath().toString();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize().toString();
    }
  }

  private static String target(java.nio.file.Path p) {
    try {
      return Files.readSymbolicLink(p).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "?";
    }
  }
}
