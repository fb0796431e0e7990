package io.actorscope.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}, checksummed as usual) with permissions set through
 * java.nio instead of a {@code chmod} process. Without Hadoop's native library (which Maven does not
 * ship), {@link RawLocalFileSystem#setPermission} forks {@code chmod} for every directory and file a
 * write creates: part files, their {@code .crc}s, {@code _SUCCESS}, every {@code _temporary} level.
 * JFR on three nightly runs of the fast tier's fixture counted 552 such forks (about 190 a run; a
 * run over many dates makes more, a few per file). Measured on this project's 2-core machine, 200
 * files each in a new directory written through Hadoop's class: 1.3–1.8 s wall, 0.7–1.3 s of the
 * JVM's CPU; through this one: 0.02–0.15 s. Registered as {@code fs.file.impl}
 * (conf/defaults.yaml, {@code spark.hadoop.fs.file.impl}).
 */
public class NioLocalFileSystem extends LocalFileSystem {
  public NioLocalFileSystem() {
    super(new Raw());
  }

  /** The raw file system underneath, with {@link #setPermission} in-process. */
  public static class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (permission.getStickyBit()) {
        // POSIX file attributes cannot say "sticky": Hadoop's own way, which can
        super.setPermission(p, permission);
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
      } catch (UnsupportedOperationException notPosix) {
        super.setPermission(p, permission);
      }
    }
  }

  /** The rwx bits of {@code permission} as java.nio permissions (its "rwxr-x---" form, sticky bit aside). */
  static Set<PosixFilePermission> posix(FsPermission permission) {
    return PosixFilePermissions.fromString(permission.toString());
  }
}
