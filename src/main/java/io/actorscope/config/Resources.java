package io.actorscope.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Files the job reads on the driver: {@code builtin:NAME} (bundled from conf/ into the jar under
 * actorscope/conf/) or a local path.
 */
public final class Resources {
  public static final String BUILTIN = "builtin:";
  private static final String ROOT = "actorscope/conf/";

  private Resources() {}

  /** Opens {@code ref}: builtin:NAME resolves to actorscope/conf/{folder}NAME{suffix} on the classpath. */
  public static InputStream open(String ref, String folder, String suffix) throws IOException {
    if (ref.startsWith("cameo:")) { // a CAMEO dictionary (see DictionaryLoader.CAMEO): the file behind it
      ref = ref.substring("cameo:".length());
      suffix = "";
    }
    if (ref.startsWith(BUILTIN)) {
      String name = ROOT + folder + ref.substring(BUILTIN.length());
      if (!name.endsWith(suffix)) {
        name = name + suffix;
      }
      InputStream in = Resources.class.getClassLoader().getResourceAsStream(name);
      if (in == null) {
        throw new IOException("no bundled file " + name);
      }
      return in;
    }
    return Files.newInputStream(Paths.get(ref));
  }

  /** The tab-separated rows of a UTF-8 table opened as {@link #open} does; blank lines and # comments skipped. */
  public static java.util.List<String[]> tsv(String ref, String folder, String suffix) throws IOException {
    java.util.List<String[]> rows = new java.util.ArrayList<>();
    try (java.io.BufferedReader br = new java.io.BufferedReader(
        new java.io.InputStreamReader(open(ref, folder, suffix), java.nio.charset.StandardCharsets.UTF_8))) {
      String line;
      while ((line = br.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t"));
        }
      }
    }
    return rows;
  }

  public static void checkExists(String ref, String key, String folder, String suffix) {
    if (ref == null || ref.isBlank()) {
      throw new ConfigException(key, "required");
    }
    try (InputStream in = open(ref, folder, suffix)) {
      // readable
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(key, "cannot read '" + ref + "'"
          + (ref.startsWith(BUILTIN) ? " (no such bundled file)" : " (no such file)"));
    }
  }

  /** Local inputs must exist before Spark starts; remote ones (hdfs://, s3a://) are checked when read. */
  public static void checkInputExists(String path, String key) {
    Path local = localPath(path);
    if (local == null) {
      return;
    }
    String s = local.toString();
    int glob = indexOfGlob(s);
    if (glob >= 0) {
      // a glob that matches nothing is a missing input (exit 3); one that is not a glob is bad usage (exit 2)
      org.apache.hadoop.fs.FileStatus[] matches;
      try {
        matches = org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration())
            .globStatus(new org.apache.hadoop.fs.Path(local.toAbsolutePath().toString()));
      } catch (IOException | RuntimeException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        throw new ConfigException(key, "not a valid glob: " + (nl < 0 ? m : m.substring(0, nl)));
      }
      if (matches == null || matches.length == 0) {
        throw new ConfigException(key, "input not found: no file matches " + path, true);
      }
      return;
    }
    if (!Files.exists(local)) {
      throw new ConfigException(key, "input not found: " + path, true);
    }
  }

  /** The local file system path of {@code path}, or null when it names another file system. */
  public static Path localPath(String path) {
    int colon = path.indexOf(':');
    int slash = path.indexOf('/');
    boolean hasScheme = colon > 1 && (slash < 0 || colon < slash);
    if (!hasScheme) {
      return Paths.get(path);
    }
    if (path.startsWith("file:")) {
      return Paths.get(URI.create(path.replace(" ", "%20")).getPath());
    }
    return null;
  }

  private static int indexOfGlob(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return -1;
  }
}
