package io.actorscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.cli.Main;
import io.actorscope.testing.Cli;
import io.actorscope.testing.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input suite (issue 14): every case of src/test/resources/hostile/ (and the ones made
 * here from it) in one CLI run where the cases do not interfere, plus the configuration cases, each
 * a run that stops before Spark starts. Each case's exit code and quarantine reason is asserted, and
 * the manifest's counts against the physical records counted here, by reading the files the test
 * wrote (lines, rows, files), never by the program's readers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
  static final String SECRET_AZ = "SECRETAZq7Yw3Xk";
  static final String SECRET_ENC = "SECRETENCp2Lm9Vd";
  static final String SECRET_SAS = "SECRETSASr5Tn8Ch";
  static final int MAX_RECORD = 8192;

  @TempDir
  static Path dir;
  Path out;
  Cli run;
  JsonNode manifest;
  String manifestText;
  final StringBuilder logs = new StringBuilder();
  /** Physical records of each input, counted here. */
  final Map<String, Long> physical = new TreeMap<>();
  boolean lockedIsReadable;

  @BeforeAll
  void runEveryCaseOnce() throws Exception {
    Path jsonl = Files.createDirectories(dir.resolve("in/jsonl"));
    writeMixedJsonl(jsonl.resolve("mixed.jsonl"));
    Path wide = Files.createDirectories(dir.resolve("in/utf16"));
    writeUtf16Jsonl(wide.resolve("utf16.jsonl"));
    Path damaged = Files.createDirectories(dir.resolve("in/damaged"));
    writeDamaged(damaged);
    Path csv = Files.createDirectories(dir.resolve("in/csv"));
    Files.copy(resource("hostile.csv"), csv.resolve("hostile.csv"));
    physical.put("csv", Files.readAllLines(csv.resolve("hostile.csv")).stream().filter(l -> l.matches("c\\d+,.*")).count());
    Path txt = Files.createDirectories(dir.resolve("in/TXT"));
    writeTextTree(txt);
    Path parquet = Files.createDirectories(dir.resolve("in/parquet"));
    writeParquet(parquet);

    out = dir.resolve("out");
    Path job = dir.resolve("hostile.yaml");
    Files.writeString(job, String.join("\n",
        "inputs:",
        "  - {path: \"" + jsonl + "\", format: jsonl}",
        "  - {path: \"" + wide + "\", format: jsonl}",
        "  - {path: \"" + damaged + "\", format: jsonl}",
        "  - {path: \"" + csv + "\", format: csv}",
        "  - {path: \"" + txt + "\", format: text}",
        "  - {path: \"" + parquet + "\", format: parquet}",
        "input:",
        "  max_record_bytes: " + MAX_RECORD,
        "run:",
        "  output: \"" + out + "\"",
        "topics: {enabled: false}",
        "near_duplicates: {enabled: false}",
        // what these cases are about is ingest and the manifest: the later stages are cut short
        "actors: {unmatched_names: {enabled: false}}",
        "cooccurrence: {scopes: [article], graph: {enabled: false}}",
        "nightly: {rolling_days: []}",
        "output: {compression: none}", // so that a grep of the Parquet files is a real grep
        ""));
    SharedSpark.spark();
    AbstractAppender capture = captureLogs();
    try {
      run = Cli.run("run", job.toString(),
          "--set", "spark.spark.hadoop.fs.azure.account.key.myacct.dfs.core.windows.net=" + SECRET_AZ,
          "--set", "spark.spark.hadoop.fs.s3a.encryption.key=" + SECRET_ENC,
          "--set", "spark.spark.hadoop.fs.azure.sas.c.myacct.blob.core.windows.net=" + SECRET_SAS);
    } finally {
      releaseLogs(capture);
    }
    try (Stream<Path> s = Files.list(out.resolve("_runs"))) {
      Path m = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
      manifestText = Files.readString(m);
      manifest = new ObjectMapper().readTree(manifestText);
    }
  }

  // ---------------------------------------------------------------- fixtures

  private static Path resource(String name) throws Exception {
    return Path.of(HostileInputTest.class.getResource("/hostile/" + name).toURI());
  }

  private void writeMixedJsonl(Path f) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a UTF-8 byte-order mark
    b.write(Files.readAllBytes(resource("mixed.jsonl")));
    b.write("{\"id\":\"nul\",\"published\":\"2021-06-01\",\"text\":\"a".getBytes(StandardCharsets.UTF_8));
    b.write(0);
    b.write("b\"}\n".getBytes(StandardCharsets.UTF_8));
    b.write(("[".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8)); // nesting bomb
    b.write(("{\"id\":\"big\",\"published\":\"2021-06-01\",\"text\":\"" + "NATO ".repeat(4000) + "\"}\n")
        .getBytes(StandardCharsets.UTF_8)); // 20 kB, over max_record_bytes
    Files.write(f, b.toByteArray());
    physical.put("jsonl", nonBlankLines(b.toByteArray()));
  }

  private void writeUtf16Jsonl(Path f) throws IOException {
    String s = "\uFEFF{\"id\":\"u16a\",\"published\":\"2021-06-06\",\"text\":\"Ukraine and Poland met.\"}\n"
        + "{\"id\":\"u16b\",\"published\":\"2021-06-06\",\"text\":\"\u0395\u03bb\u03bb\u03ac\u03b4\u03b1 and Cyprus.\"}\n";
    Files.write(f, s.getBytes(StandardCharsets.UTF_16LE));
    physical.put("utf16", 2L);
  }

  private void writeDamaged(Path d) throws IOException {
    // 100 good lines whose gzip trailer CRC is wrong
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(gz)) {
      for (int i = 0; i < 100; i++) {
        o.write(("{\"id\":\"g" + i + "\",\"published\":\"2021-06-07\",\"text\":\"Gzip line " + i + " of NATO.\"}\n")
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] g = gz.toByteArray();
    g[g.length - 8] ^= 0x5A;
    Files.write(d.resolve("badcrc.jsonl.gz"), g);
    // two concatenated bzip2 streams of 50 lines each, the second cut in half: 50 lines survive
    ByteArrayOutputStream first = bz2(0, 50);
    ByteArrayOutputStream second = bz2(50, 100);
    ByteArrayOutputStream cut = new ByteArrayOutputStream();
    cut.write(first.toByteArray());
    cut.write(second.toByteArray(), 0, second.size() / 2);
    Files.write(d.resolve("truncated.jsonl.bz2"), cut.toByteArray());
    Files.write(d.resolve("empty.jsonl"), new byte[0]);
    // records: 100 + one unreadable, 50 + one unreadable, none
    physical.put("damaged", 100L + 1 + 50 + 1);
  }

  private static ByteArrayOutputStream bz2(int from, int to) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream o = new BZip2CompressorOutputStream(b)) {
      for (int i = from; i < to; i++) {
        o.write(("{\"id\":\"b" + i + "\",\"published\":\"2021-06-08\",\"text\":\"Bzip line " + i + " of Russia.\"}\n")
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    return b;
  }

  private void writeTextTree(Path txt) throws Exception {
    Path session = Files.createDirectories(txt.resolve("Session 75 - 2020"));
    Files.writeString(session.resolve("USA_75_2020.txt"), "The United States spoke of NATO.\n");
    Files.write(session.resolve("FRA_75_2020.txt"),
        "\uFEFFFrance spoke of Germany in UTF-16.\n".getBytes(StandardCharsets.UTF_16LE));
    Path locked = session.resolve("DEU_75_2020.txt");
    Files.writeString(locked, "Germany spoke of Europe.\n");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    lockedIsReadable = Files.isReadable(locked); // root reads it anyway
    Files.writeString(txt.resolve("notes.txt"), "Notes that are not a speech about Chile.\n");
    Files.createSymbolicLink(txt.resolve("a"), Path.of("."));
    Files.createSymbolicLink(txt.resolve("b"), Path.of("."));
    Files.createSymbolicLink(txt.resolve("again"), Path.of("Session 75 - 2020"));
    Files.createSymbolicLink(session.resolve("dangling.txt"), Path.of("nowhere.txt"));
    Process p = new ProcessBuilder("mkfifo", session.resolve("pipe.txt").toString()).start();
    assertEquals(0, p.waitFor(), "mkfifo");
    // 4 regular files matching *.txt, read once each, plus the dangling link and the FIFO
    physical.put("text", 4L + 1 + 1);
  }

  private void writeParquet(Path d) throws IOException {
    SparkSession spark = SharedSpark.spark();
    StructType strings = new StructType().add("id", DataTypes.StringType).add("published", DataTypes.StringType)
        .add("text", DataTypes.StringType);
    StructType ints = new StructType().add("id", DataTypes.StringType).add("published", DataTypes.StringType)
        .add("text", DataTypes.IntegerType);
    StructType other = new StructType().add("id", DataTypes.StringType).add("body", DataTypes.StringType);
    single(spark.createDataFrame(List.of(RowFactory.create("p1", "2021-06-09", "Parquet row about Iraq."),
        RowFactory.create("p2", "2021-06-09", "Parquet row about Syria.")), strings), d.resolve("good.parquet"));
    single(spark.createDataFrame(List.of(RowFactory.create("i1", "2021-06-09", 5), RowFactory.create("i2", "2021-06-09", 6),
        RowFactory.create("i3", "2021-06-09", 7)), ints), d.resolve("int.parquet"));
    single(spark.createDataFrame(List.of(RowFactory.create("n1", "x"), RowFactory.create("n2", "y")), other),
        d.resolve("nocol.parquet"));
    Files.writeString(d.resolve("junk.parquet"), "this is not Parquet at all");
    // rows 2 + 3, and one record for each file that cannot be read as articles
    physical.put("parquet", 2L + 3 + 1 + 1);
  }

  private static void single(org.apache.spark.sql.Dataset<Row> df, Path target) throws IOException {
    Path tmp = target.resolveSibling("_tmp-" + target.getFileName());
    df.coalesce(1).write().parquet(tmp.toString());
    try (Stream<Path> s = Files.list(tmp)) {
      Path part = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
      Files.move(part, target);
    }
    try (Stream<Path> s = Files.walk(tmp)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static long nonBlankLines(byte[] b) {
    long n = 0;
    int start = 0;
    for (int i = 0; i <= b.length; i++) {
      if (i == b.length || b[i] == '\n') {
        if (!new String(b, start, i - start, StandardCharsets.ISO_8859_1).isBlank()) {
          n++;
        }
        start = i + 1;
      }
    }
    return n;
  }

  private AbstractAppender captureLogs() {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    Configuration cfg = ctx.getConfiguration();
    AbstractAppender a = new AbstractAppender("hostile-capture", null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent e) {
        synchronized (logs) {
          logs.append(e.getLoggerName()).append(' ').append(e.getMessage().getFormattedMessage()).append('\n');
          if (e.getThrown() != null) {
            java.io.StringWriter w = new java.io.StringWriter();
            e.getThrown().printStackTrace(new java.io.PrintWriter(w));
            logs.append(w).append('\n');
          }
        }
      }
    };
    a.start();
    LoggerConfig root = cfg.getRootLogger();
    root.addAppender(a, Level.ALL, null);
    root.setLevel(Level.INFO); // more than the usual WARN: what Spark says at INFO must be clean too
    ctx.updateLoggers();
    return a;
  }

  private void releaseLogs(AbstractAppender a) {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    LoggerConfig root = ctx.getConfiguration().getRootLogger();
    root.removeAppender(a.getName());
    root.setLevel(Level.WARN);
    ctx.updateLoggers();
    a.stop();
  }

  private List<Row> quarantine() {
    return SharedSpark.spark().read().parquet(out.resolve("quarantine").toString())
        .select("source_file", "reason", "id", "detail").collectAsList();
  }

  private List<String> articleIds() {
    return SharedSpark.spark().read().parquet(out.resolve("articles").toString()).select("id")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }

  private static String name(Row q) {
    String f = q.getString(0);
    return f.substring(f.lastIndexOf('/') + 1);
  }

  // ---------------------------------------------------------------- the run

  @Test
  void theRunSucceedsAndReconcilesWithThePhysicalRecordsCountedHere() {
    assertEquals(0, run.exit, run.err);
    JsonNode c = manifest.get("counts");
    long records = physical.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(records, c.get("read").asLong(), "physical records " + physical + " vs manifest " + c);
    assertTrue(c.get("reconciled").asBoolean());
    assertEquals(c.get("read").asLong(), c.get("accepted").asLong() + c.get("quarantined").asLong()
        + c.get("duplicates").asLong() + c.get("filtered").asLong() + c.get("skipped").asLong());
    long locked = lockedIsReadable ? 0 : 1;
    Map<String, Long> expected = new TreeMap<>(Map.ofEntries(
        Map.entry("invalid_json", 2L), // bad-json, nesting bomb
        Map.entry("not_an_object", 1L),
        Map.entry("invalid_field", 1L + 3), // "text": 5, and the 3 rows of an int text column
        Map.entry("invalid_date", 1L),
        Map.entry("missing_date", 1L),
        Map.entry("missing_text", 1L),
        Map.entry("invalid_date_precision", 1L),
        Map.entry("binary_content", 1L), // NUL byte
        Map.entry("too_large", 1L),
        Map.entry("duplicate_id", 1L),
        // bad CRC, truncated bzip2, dangling link, FIFO, Parquet without a text column, not Parquet
        Map.entry("unreadable", 6L + locked),
        Map.entry("malformed_csv", 2L), // unclosed quote, extra column
        Map.entry("path_pattern_mismatch", 1L)));
    Map<String, Long> actual = new TreeMap<>();
    c.get("quarantined_by_reason").fields().forEachRemaining(e -> actual.put(e.getKey(), e.getValue().asLong()));
    assertEquals(expected, actual);
    assertEquals(1, c.get("duplicates").asLong()); // "copy" = ok1 after white-space folding
    assertEquals(166 - locked, c.get("accepted").asLong());
  }

  @Test
  void secretsReachNoManifestReportLogOrOutputFile() throws IOException {
    List<String> secrets = List.of(SECRET_AZ, SECRET_ENC, SECRET_SAS);
    String report;
    try (Stream<Path> s = Files.list(out.resolve("_runs"))) {
      report = Files.readString(s.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow());
    }
    String logText;
    synchronized (logs) {
      logText = logs.toString();
    }
    assertTrue(logText.contains("phase ingest"), "the log capture saw the run");
    assertTrue(manifestText.contains("fs.azure.account.key.myacct.dfs.core.windows.net"), "the key itself is shown");
    for (String secret : secrets) {
      assertFalse(manifestText.contains(secret), secret + " in the manifest");
      assertFalse(report.contains(secret), secret + " in the report");
      assertFalse(run.out.contains(secret) || run.err.contains(secret), secret + " on the console");
      assertFalse(logText.contains(secret), secret + " in the log");
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(out)) {
      files = s.filter(Files::isRegularFile).collect(Collectors.toList());
    }
    assertTrue(files.size() > 10, "output files: " + files.size());
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      String asText = new String(b, StandardCharsets.ISO_8859_1);
      for (String secret : secrets) {
        assertFalse(asText.contains(secret), secret + " in " + f);
      }
    }
  }

  @Test
  void damagedCompressedFilesKeepTheLinesBeforeTheDamage() {
    List<String> ids = articleIds();
    assertEquals(100, ids.stream().filter(i -> i.matches("g\\d+")).count(), "gzip with a bad CRC");
    List<String> bz = ids.stream().filter(i -> i.matches("b\\d+")).sorted().collect(Collectors.toList());
    assertEquals(50, bz.size(), "truncated bzip2");
    assertTrue(bz.stream().allMatch(i -> Integer.parseInt(i.substring(1)) < 50), bz.toString());
    Map<String, String> unreadable = quarantine().stream().filter(q -> q.getString(1).equals("unreadable"))
        .collect(Collectors.toMap(HostileInputTest::name, q -> q.getString(3)));
    assertTrue(unreadable.containsKey("badcrc.jsonl.gz"), unreadable.toString());
    assertTrue(unreadable.containsKey("truncated.jsonl.bz2"), unreadable.toString());
    assertTrue(manifest.get("input_files").toString().contains("empty.jsonl"), "empty files are listed");
  }

  @Test
  void unreadableFilesAreQuarantinedOneByOneAndNamed() {
    Map<String, String> unreadable = quarantine().stream().filter(q -> q.getString(1).equals("unreadable"))
        .collect(Collectors.toMap(HostileInputTest::name, q -> q.getString(3)));
    assertTrue(unreadable.get("dangling.txt").contains("broken symbolic link"), unreadable.toString());
    assertTrue(unreadable.get("pipe.txt").contains("not a regular file"), unreadable.toString());
    assertTrue(unreadable.get("nocol.parquet").contains("no column 'text'"), unreadable.toString());
    assertTrue(unreadable.get("junk.parquet").contains("not a readable Parquet file"), unreadable.toString());
    assertFalse(unreadable.containsKey("good.parquet"), "the good file is not blamed");
    if (!lockedIsReadable) {
      assertTrue(unreadable.get("DEU_75_2020.txt").contains("permission denied"), unreadable.toString());
    }
    List<String> ids = articleIds();
    assertTrue(ids.containsAll(List.of("p1", "p2", "USA_75_2020", "FRA_75_2020")), ids.toString());
    long intRows = quarantine().stream().filter(q -> q.getString(1).equals("invalid_field") && name(q).equals("int.parquet"))
        .count();
    assertEquals(3, intRows);
  }

  @Test
  void symlinkLoopsAreFollowedOnceAndReported() {
    JsonNode loops = manifest.get("counts").get("folder_links_skipped");
    assertEquals(3, loops.size(), loops.toString()); // a -> ., b -> ., again -> Session 75 - 2020
    List<String> ids = articleIds();
    assertEquals(1, ids.stream().filter(i -> i.equals("USA_75_2020")).count(), "read once");
  }

  @Test
  void csvRowsAreNeitherSwallowedNorCutSilently() {
    List<String> ids = articleIds();
    assertTrue(ids.containsAll(List.of("c1", "c2", "c4", "c6", "c7")), ids.toString());
    Map<String, Long> csv = quarantine().stream().filter(q -> name(q).equals("hostile.csv"))
        .collect(Collectors.groupingBy(q -> q.getString(1), Collectors.counting()));
    assertEquals(Map.of("malformed_csv", 2L), csv);
    assertEquals(1, manifest.get("counts").get("csv_records_spanning_lines").asLong()); // c6, two lines
    assertEquals(2, manifest.get("counts").get("csv_lines_spanned").asLong());
  }

  @Test
  void fidelityCasesAreCounted() {
    JsonNode c = manifest.get("counts");
    assertEquals(1, c.get("lone_surrogates_replaced").asLong());
    // the UTF-8 BOM of mixed.jsonl, the UTF-16 BOMs of utf16.jsonl and FRA_75_2020.txt
    assertEquals(3, c.get("boms_stripped").asLong());
    assertEquals(1, c.get("duplicate_ids").asLong());
    List<Row> q = quarantine();
    assertTrue(q.stream().anyMatch(r -> "dup".equals(r.getString(2)) && r.getString(1).equals("duplicate_id")));
    assertTrue(q.stream().anyMatch(r -> "num-text".equals(r.getString(2)) && r.getString(1).equals("invalid_field")));
    assertTrue(q.stream().anyMatch(r -> name(r).equals("notes.txt") && r.getString(1).equals("path_pattern_mismatch")));
    assertTrue(q.stream().anyMatch(r -> "big".equals(r.getString(2)) || (r.getString(1).equals("too_large")
        && name(r).equals("mixed.jsonl"))));
    String surrogate = SharedSpark.spark().read().parquet(out.resolve("articles").toString())
        .filter("id = 'surrogate'").select("text").as(org.apache.spark.sql.Encoders.STRING()).first();
    assertTrue(surrogate.contains("\uFFFD"), surrogate);
    String greek = SharedSpark.spark().read().parquet(out.resolve("articles").toString())
        .filter("id = 'u16b'").select("text").as(org.apache.spark.sql.Encoders.STRING()).first();
    assertTrue(greek.startsWith("\u0395\u03bb\u03bb\u03ac\u03b4\u03b1"), greek);
  }

  // ---------------------------------------------------------------- query is read-only

  @Test
  void queryCannotWriteOrReadOutsideTheOutput() throws IOException {
    Path target = dir.resolve("x.csv");
    Cli copy = Cli.run("query", out.toString(), "COPY (SELECT 1) TO '" + target + "'");
    assertEquals(Main.BAD_CONFIG, copy.exit, copy.err);
    assertTrue(Files.notExists(target));
    Path inside = out.resolve("articles/x.csv");
    assertEquals(Main.BAD_CONFIG, Cli.run("query", out.toString(), "COPY articles TO '" + inside + "'").exit);
    assertTrue(Files.notExists(inside));
    for (String sql : List.of("EXPORT DATABASE '" + dir.resolve("exp") + "'", "ATTACH '" + dir.resolve("a.db") + "'",
        "INSTALL httpfs", "LOAD httpfs", "SET enable_external_access = true", "CREATE TABLE t AS SELECT 1",
        "SELECT 1; COPY (SELECT 1) TO '" + target + "'")) {
      Cli r = Cli.run("query", out.toString(), sql);
      assertEquals(Main.BAD_CONFIG, r.exit, sql + ": " + r.err);
    }
    Cli passwd = Cli.run("query", out.toString(), "SELECT * FROM read_csv('/etc/passwd')");
    assertEquals(Main.JOB_FAILED, passwd.exit, passwd.out);
    assertFalse(passwd.out.contains("root:"));
    assertTrue(Files.notExists(target) && Files.notExists(dir.resolve("exp")) && Files.notExists(dir.resolve("a.db")));
    Cli ok = Cli.run("query", out.toString(), "SELECT count(*) AS n FROM articles", "--format", "csv");
    assertEquals(0, ok.exit, ok.err);
    assertEquals("n\n" + manifest.get("counts").get("accepted").asLong() + "\n", ok.out);
  }

  // ---------------------------------------------------------------- configuration, before Spark starts

  private Path tinyInput() throws IOException {
    Path p = dir.resolve("cfg/in.jsonl");
    Files.createDirectories(p.getParent());
    Files.writeString(p, "{\"id\":\"x\",\"published\":\"2021-06-01\",\"text\":\"NATO.\"}\n");
    return p;
  }

  private Cli config(String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("run", "--input", tinyInput().toString(), "--output",
        dir.resolve("cfg/out").toString()));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(new String[0]));
  }

  private static void oneLine(Cli r, int exit, String key) {
    assertEquals(exit, r.exit, r.err);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.contains(key), key + " not named: " + r.err);
  }

  @Test
  void configurationCasesExitBeforeSparkWithOneLine() throws Exception {
    oneLine(config("--set", "topics.k=2.5"), Main.BAD_CONFIG, "topics.k");
    oneLine(config("--set", "topics.k=100000"), Main.BAD_CONFIG, "topics.k");
    oneLine(config("--set", "topics.k=1000", "--set", "topics.vocab_size=1000000"), Main.BAD_CONFIG, "topics.k");
    oneLine(config("--set", "cooccurrence.graph.max_edges=2000000000"), Main.BAD_CONFIG, "cooccurrence.graph.max_edges");
    oneLine(config("--set", "spark.notspark=1"), Main.BAD_CONFIG, "spark.notspark");
    oneLine(config("--set", "input.glob=["), Main.BAD_CONFIG, "glob");
    oneLine(config("--set", "input.max_record_bytes=0"), Main.BAD_CONFIG, "max_record_bytes");
    oneLine(config(resource("duplicate-keys.yaml").toString()), Main.BAD_CONFIG, "duplicate-keys.yaml");
    assertTrue(config(resource("duplicate-keys.yaml").toString()).err.toLowerCase().contains("duplicate"));
    // refused at once (its keys are unknown; the aliases are never expanded into a billion strings)
    long t0 = System.nanoTime();
    oneLine(config(resource("yaml-bomb.yaml").toString()), Main.BAD_CONFIG, "config error");
    assertTrue(System.nanoTime() - t0 < 30e9, "the YAML bomb took " + (System.nanoTime() - t0) / 1e9 + " s");
    Path file = dir.resolve("cfg/a-file");
    Files.writeString(file, "x");
    oneLine(Cli.run("run", "--input", tinyInput().toString(), "--output", file.toString()), Main.BAD_CONFIG, "run.output");
    oneLine(Cli.run("run", "--input", dir.resolve("cfg/nothing-*.jsonl").toString(), "--output",
        dir.resolve("cfg/o2").toString()), Main.MISSING_INPUT, "inputs[0].path");
    oneLine(Cli.run("run", "--input", dir.resolve("cfg/[").toString() + "/*.jsonl", "--output",
        dir.resolve("cfg/o2").toString()), Main.BAD_CONFIG, "inputs[0].path");
    // output inside the input, and the input inside the output
    Path tree = Files.createDirectories(dir.resolve("cfg/tree"));
    Files.copy(tinyInput(), tree.resolve("in.jsonl"));
    oneLine(Cli.run("run", "--input", tree.toString(), "--output", tree.resolve("out").toString()), Main.BAD_CONFIG,
        "run.output");
    oneLine(Cli.run("run", "--input", tree.resolve("in.jsonl").toString(), "--output", tree.toString()), Main.BAD_CONFIG,
        "run.output");
    Path link = dir.resolve("cfg/link-to-tree");
    Files.createSymbolicLink(link, tree);
    oneLine(Cli.run("run", "--input", link.toString(), "--output", tree.resolve("o3").toString()), Main.BAD_CONFIG,
        "run.output");
    assertTrue(Files.notExists(tree.resolve("out")) && Files.notExists(tree.resolve("o3")));
  }
}
