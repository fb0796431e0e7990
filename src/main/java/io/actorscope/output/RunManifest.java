package io.actorscope.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The JSON manifest of one run: id, status, resolved configuration (secrets masked), input files,
 * reconciled counts, seconds per phase, versions. Written to OUTPUT/_runs/&lt;run_id&gt;.json.
 */
public final class RunManifest {
  /** Keys whose values are never written: anything that looks like a credential. */
  private static final Pattern SECRET = Pattern.compile("(?i).*(secret|password|passwd|token|credential|access\\.key|secret\\.key|session\\.key|private|auth).*");
  // Modules are registered by name, never with findAndRegisterModules(): on Spark's classpath that
  // also finds jackson-module-scala, which turns maps into Scala maps that redact() cannot walk.
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Map<String, Object> root = new LinkedHashMap<>();
  private final Map<String, Object> phases = new LinkedHashMap<>();
  private final Map<String, Object> counts = new LinkedHashMap<>();

  public RunManifest(String runId) {
    root.put("run_id", runId);
    root.put("status", "running");
    root.put("started", java.time.Instant.now().toString());
    root.put("counts", counts);
    root.put("phases_seconds", phases);
  }

  public void put(String key, Object value) {
    root.put(key, value);
  }

  public void count(String key, Object value) {
    counts.put(key, value);
  }

  public void phase(String name, double seconds) {
    phases.put(name, Math.round(seconds * 1000) / 1000.0);
  }

  public Object get(String key) {
    return root.get(key);
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> counts() {
    return counts;
  }

  /** The configuration as plain maps and lists with credential-looking values replaced by "***". */
  public static Object redact(Object node) {
    if (node instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) node).entrySet()) {
        String k = String.valueOf(e.getKey());
        out.put(k, SECRET.matcher(k).matches() && e.getValue() != null ? "***" : redact(e.getValue()));
      }
      return out;
    }
    if (node instanceof List) {
      return ((List<?>) node).stream().map(RunManifest::redact).collect(java.util.stream.Collectors.toList());
    }
    if (node instanceof String) {
      return redactUri((String) node);
    }
    if (node != null && node.getClass().getName().startsWith("scala.")) {
      throw new IllegalArgumentException("cannot redact a " + node.getClass().getName() + "; refusing to write it");
    }
    return node;
  }

  /** user:password@ in a URI is masked. */
  static String redactUri(String s) {
    return s.replaceAll("(?i)^([a-z0-9+.-]+://)[^/@\\s]+@", "$1***@");
  }

  public static Map<String, Object> configMap(Object config) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = new ObjectMapper()
        .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
        .convertValue(config, Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> r = (Map<String, Object>) redact(m);
    return r;
  }

  public void finish(String status, String error) {
    root.put("status", status);
    root.put("finished", java.time.Instant.now().toString());
    if (error != null) {
      root.put("error", error);
    }
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes OUTPUT/_runs/&lt;run_id&gt;.json through Hadoop's file system (local, HDFS, S3). */
  public String write(String output, Configuration hadoop) throws IOException {
    Path p = new Path(output + "/" + Tables.RUNS + "/" + root.get("run_id") + ".json");
    FileSystem fs = p.getFileSystem(hadoop);
    try (OutputStream out = fs.create(p, true)) {
      out.write(toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return p.toString();
  }

}
