package io.actorscope.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the output may go: not onto a file, not inside an input (each rerun would read its own
 * tables as articles) and not around one. Checked before Spark starts.
 */
final class OutputPlace {
  private OutputPlace() {}

  static void check(JobConfig c) {
    String out = c.run.output;
    if (out == null || out.isBlank()) {
      return; // a command that writes no output (evaluate, import-cameo)
    }
    Path localOut = Resources.localPath(out);
    if (localOut != null && Files.exists(localOut) && !Files.isDirectory(localOut)) {
      throw new ConfigException("run.output", "'" + out + "' is a file, not a folder");
    }
    String o = canonical(out);
    for (int i = 0; i < c.inputs.size(); i++) {
      String in = canonical(base(c.inputs.get(i).path));
      if (o == null || in == null) {
        continue;
      }
      if (within(o, in)) {
        throw new ConfigException("run.output", "'" + out + "' is inside inputs[" + i + "].path '"
            + c.inputs.get(i).path + "' (each run would read its own tables)");
      }
      if (within(in, o)) {
        throw new ConfigException("run.output", "inputs[" + i + "].path '" + c.inputs.get(i).path
            + "' is inside the output '" + out + "'");
      }
    }
  }

  /** The path up to its first glob character's folder. */
  private static String base(String path) {
    for (int i = 0; i < path.length(); i++) {
      char ch = path.charAt(i);
      if (ch == '*' || ch == '?' || ch == '[' || ch == '{') {
        int slash = path.lastIndexOf('/', i);
        return slash <= 0 ? "." : path.substring(0, slash);
      }
    }
    return path;
  }

  private static boolean within(String child, String parent) {
    return child.equals(parent) || child.startsWith(parent.endsWith("/") ? parent : parent + "/");
  }

  /** A local path as its real path (symbolic links resolved as far as it exists); a URI as scheme://authority/path. */
  static String canonical(String path) {
    Path local = Resources.localPath(path);
    if (local != null) {
      Path abs = local.toAbsolutePath().normalize();
      Path existing = abs;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing == null) {
        return abs.toString();
      }
      try {
        return existing.toRealPath().resolve(existing.relativize(abs)).normalize().toString();
      } catch (IOException e) {
        return abs.toString();
      }
    }
    try {
      URI u = URI.create(path.replace(" ", "%20")).normalize();
      String p = u.getPath() == null ? "" : u.getPath();
      if (p.endsWith("/") && p.length() > 1) {
        p = p.substring(0, p.length() - 1);
      }
      return (u.getScheme() + "://" + (u.getAuthority() == null ? "" : u.getAuthority()) + p).toLowerCase(java.util.Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
