package io.actorscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NioLocalFileSystemTest {
  @TempDir
  Path dir;

  private FileSystem fs() throws Exception {
    Configuration c = new Configuration(false);
    c.set("fs.file.impl", NioLocalFileSystem.class.getName());
    c.setBoolean("fs.file.impl.disable.cache", true);
    c.set("fs.permissions.umask-mode", "022");
    return FileSystem.get(java.net.URI.create("file:///"), c);
  }

  @Test
  void modesAreTheOnesHadoopAskedFor() throws Exception {
    FileSystem fs = fs();
    assertTrue(fs instanceof NioLocalFileSystem);
    org.apache.hadoop.fs.Path sub = new org.apache.hadoop.fs.Path(dir.toUri().toString(), "a/b");
    assertTrue(fs.mkdirs(sub, new FsPermission((short) 0750)));
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(sub, "part-0");
    try (FSDataOutputStream out = fs.create(file, new FsPermission((short) 0666), true, 4096, (short) 1, 1 << 20, null)) {
      out.write(new byte[] {1, 2, 3});
    }
    // 0666 under the umask 022
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/part-0"))));
    // still the checksummed local file system: the .crc beside the file
    assertTrue(Files.exists(dir.resolve("a/b/.part-0.crc")));
    assertEquals(3, fs.getFileStatus(file).getLen());
    fs.setPermission(file, new FsPermission((short) 0604));
    assertEquals("rw----r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/part-0"))));
  }

  @Test
  void everyBitMapsToItsOwnPermission() {
    assertEquals("rwxr-xr--", PosixFilePermissions.toString(NioLocalFileSystem.posix(new FsPermission((short) 0754))));
    assertEquals("-w---x-w-", PosixFilePermissions.toString(NioLocalFileSystem.posix(new FsPermission((short) 0212))));
    assertEquals("---------", PosixFilePermissions.toString(NioLocalFileSystem.posix(new FsPermission((short) 0))));
  }
}
