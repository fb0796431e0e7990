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
  /**
   * Keys whose values are never written. Hadoop's own default {@code hadoop.security.sensitive-config-keys}
   * (searched anywhere in the key, as Hadoop does), plus {@link #SECRET_WORDS}: the rule errs toward masking.
   */
  private static final List<Pattern> HADOOP_SENSITIVE = java.util.stream.Stream.of(
      "secret$", "password$", "ssl.keystore.pass$", "fs.s3.*[Ss]ecret.?[Kk]ey", "fs.s3a.*.server-side-encryption.key",
      "fs.s3a.encryption.algorithm", "fs.s3a.encryption.key", "fs.s3a.secret.key", "fs.s3a.*.secret.key",
      "fs.s3a.session.key", "fs.s3a.*.session.key", "fs.s3a.session.token", "fs.s3a.*.session.token",
      "fs.azure.account.key.*", "fs.azure.oauth2.*", "fs.adl.oauth2.*", "fs.gs.encryption.*", "fs.gs.proxy.password",
      "fs.gs.auth.*", "credential$", "oauth.*secret", "oauth.*password", "oauth.*token",
      "hadoop.security.sensitive-config-keys").map(Pattern::compile).collect(java.util.stream.Collectors.toList());
  /** A key with a segment (split at . _ - and lower-to-upper case changes) equal to one of these is secret. */
  private static final java.util.Set<String> SECRET_WORDS = java.util.Set.of("key", "keys", "secret", "secrets", "token",
      "password", "passwd", "pwd", "pass", "passphrase", "sas", "sig", "signature", "credential", "credentials", "auth",
      "oauth", "oauth2", "private", "privatekey", "apikey", "accesskey", "secretkey", "sessiontoken", "keystore",
      "truststore", "jceks", "jaas", "cookie", "authorization", "bearer");
  /** A key with a segment containing one of these is secret (fooSecretBar, db_password_file, …). */
  private static final List<String> SECRET_PARTS =
      List.of("secret", "password", "passwd", "credential", "apikey", "accesskey", "privatekey", "sastoken");
  /** Query parameters of a URL that carry a credential (Azure SAS sig, S3 presigned URLs, OAuth). */
  private static final Pattern SECRET_QUERY = Pattern.compile(
      "(?i)([?&;](?:sig|signature|sv|se|sp|skoid|sktid|x-amz-signature|x-amz-credential|x-amz-security-token"
          + "|token|access_token|id_token|refresh_token|code|key|apikey|api_key|password|secret|sas)=)[^&;\\s\"']*");
  /** Every value masked so far in this JVM: scrubbed wherever it shows up again (an error message, a path). */
  private static final java.util.Set<String> KNOWN = java.util.concurrent.ConcurrentHashMap.newKeySet();
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

  /** Whether a setting named {@code key} holds a credential (see {@link #HADOOP_SENSITIVE}, {@link #SECRET_WORDS}). */
  public static boolean isSecretKey(String key) {
    for (Pattern p : HADOOP_SENSITIVE) {
      if (p.matcher(key).find()) {
        return true;
      }
    }
    for (String seg : key.split("[._\\-/:\\s]+|(?<=[a-z0-9])(?=[A-Z])")) {
      String s = seg.toLowerCase(java.util.Locale.ROOT);
      if (SECRET_WORDS.contains(s)) {
        return true;
      }
      for (String part : SECRET_PARTS) {
        if (s.contains(part)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The configuration as plain maps and lists with credential-looking values replaced by "***". */
  public static Object redact(Object node) {
    return redact(node, true);
  }

  private static Object redact(Object node, boolean strict) {
    if (node instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) node).entrySet()) {
        String k = String.valueOf(e.getKey());
        if (isSecretKey(k) && e.getValue() != null) {
          remember(e.getValue());
          out.put(k, "***");
        } else {
          out.put(k, redact(e.getValue(), strict));
        }
      }
      return out;
    }
    if (node instanceof List) {
      return ((List<?>) node).stream().map(v -> redact(v, strict)).collect(java.util.stream.Collectors.toList());
    }
    if (node instanceof String) {
      return scrub((String) node);
    }
    if (strict && node != null && node.getClass().getName().startsWith("scala.")) {
      throw new IllegalArgumentException("cannot redact a " + node.getClass().getName() + "; refusing to write it");
    }
    return node;
  }

  private static void remember(Object value) {
    if (value instanceof Map || value instanceof List) {
      for (Object v : value instanceof Map ? ((Map<?, ?>) value).values() : (List<?>) value) {
        remember(v);
      }
      return;
    }
    String v = String.valueOf(value);
    // a very short value ("1", "true") would mask half the manifest and protects nothing
    if (v.length() >= 4) {
      KNOWN.add(v);
    }
  }

  /**
   * {@code s} with every credential it may hold masked: user:password@ in a URI, credential query
   * parameters (SAS, presigned URLs) and any value masked before in this JVM. For error messages
   * and paths that go to the console, the logs, the manifest or the report.
   */
  public static String scrub(String s) {
    if (s == null) {
      return null;
    }
    String r = redactUri(s);
    for (String known : KNOWN) {
      if (r.contains(known)) {
        r = r.replace(known, "***");
      }
    }
    return r;
  }

  /** user:password@ in a URI and credential query parameters are masked. */
  static String redactUri(String s) {
    String r = s.replaceAll("(?i)([a-z0-9+.-]+://)[^/@\\s]+@", "$1***@");
    return SECRET_QUERY.matcher(r).replaceAll("$1***");
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
      // every value, not only the configuration: an error message or a path may carry a credential
      return JSON.writeValueAsString(redact(root, false));
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
