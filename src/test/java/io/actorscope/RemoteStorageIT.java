package io.actorscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.output.Tables;
import io.actorscope.testing.ChildJvm;
import io.actorscope.testing.Cli;
import io.actorscope.testing.DatedCorpus;
import io.actorscope.testing.SharedSpark;
import io.actorscope.testing.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job reading from and writing to a real HDFS (MiniDFSCluster) and a real S3 server (S3Proxy,
 * through hadoop-aws's s3a://): every output table read back from there through the same file
 * system equals one local run of the same input (the committed feed fixture, testing/DatedCorpus,
 * two days). The S3 run is a child JVM (a fresh Spark, as under spark-submit) with the keys in the
 * job spec's spark: section, the route most at risk of leaking, whose every log line is kept: the
 * secret key appears in no log line, in no manifest and in no byte of any output file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteStorageIT {
  static final List<String> TABLES = List.of(Tables.ARTICLES, Tables.MENTIONS, Tables.ACTOR_COUNTS,
      Tables.COOCCURRENCE, Tables.ACTORS, Tables.ROLES, Tables.QUARANTINE, Tables.ACTOR_COUNTS_ROLLING,
      Tables.COOCCURRENCE_ROLLING, Tables.TOPICS, Tables.DOC_TOPICS);
  static final List<LocalDate> DAYS = List.of(LocalDate.parse("2025-05-01"), LocalDate.parse("2025-05-02"));
  /** A small LDA so topics and doc_topics are written too. */
  static final String[] TOPICS = Stream.concat(Stream.of("--set", "topics.enabled=true",
      "--set", "topics.k=3", "--set", "topics.max_iter=5", "--set", "topics.min_documents=5", "--set", "topics.min_df=2",
      "--set", "topics.top_terms=5"), Cli.sets(Cli.SHORT_GIBBS).stream()).toArray(String[]::new);

  @TempDir
  static Path dir;
  Path in;
  Map<LocalDate, List<String>> ids;
  Map<String, List<String>> local;

  /** Rows of each table, read by Spark from wherever {@code out} is; columns that name the input's place left out. */
  static Map<String, List<String>> read(SparkSession spark, String out) {
    Map<String, List<String>> all = new TreeMap<>();
    for (String t : TABLES) {
      Dataset<Row> df = spark.read().parquet(out + "/" + t);
      for (String c : List.of("source_file", "batch", "model_id", "mixture", "dominant_topic", "dominant_weight", "weight", "term")) {
        df = df.drop(c); // where the input sat, and the LDA's numbers (checked by count, not value)
      }
      all.put(t, df.collectAsList().stream().map(Row::toString).sorted().collect(Collectors.toList()));
    }
    return all;
  }

  /** The one local run both stores are compared with. */
  @BeforeAll
  void localRun() throws Exception {
    in = dir.resolve("in");
    ids = DatedCorpus.feed(in, DAYS);
    Path out = dir.resolve("local");
    Path spec = DatedCorpus.spec(dir, in.toString(), out.toString());
    Cli c = Cli.run(CrashRecoveryIT.concat(new String[] {"run", spec.toString(), "--from", "2025-05-01", "--to", "2025-05-02"}, TOPICS));
    assertEquals(0, c.exit, c.err);
    local = read(SharedSpark.spark(), out.toString());
    assertEquals(8, local.get(Tables.ARTICLES).size());
    assertEquals(8, local.get(Tables.DOC_TOPICS).size());
    assertEquals(15, local.get(Tables.TOPICS).size());
  }

  @Test
  void hdfsInAndOut() throws Exception {
    String hdfs = Stores.hdfs();
    FileSystem fs = new org.apache.hadoop.fs.Path(hdfs + "/").getFileSystem(new Configuration());
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(in.toUri()), new org.apache.hadoop.fs.Path(hdfs + "/feeds/un"));
    String out = hdfs + "/actorscope/out";
    Path spec = DatedCorpus.spec(dir, hdfs + "/feeds/un", out);
    Cli c = Cli.run(CrashRecoveryIT.concat(new String[] {"run", spec.toString(), "--from", "2025-05-01", "--to", "2025-05-02"}, TOPICS));
    assertEquals(0, c.exit, c.err);
    assertEquals(local, read(SharedSpark.spark(), out));
    // the input really came from HDFS
    String first = ids.get(DAYS.get(0)).get(0);
    assertEquals(List.of(hdfs + "/feeds/un/dt=2025-05-01/speeches.jsonl"), SharedSpark.spark().read()
        .parquet(out + "/" + Tables.ARTICLES).filter("id = '" + first + "'").select("source_file").as(
            org.apache.spark.sql.Encoders.STRING()).collectAsList());
    // one run: one manifest (beside it, its report)
    assertEquals(1, java.util.Arrays.stream(fs.listStatus(new org.apache.hadoop.fs.Path(out + "/" + Tables.RUNS)))
        .filter(st -> st.getPath().getName().endsWith(".json")).count());
  }

  @Test
  void s3InAndOutWithNoSecretInLogsManifestOrOutput() throws Exception {
    String endpoint = Stores.s3Endpoint();
    Map<String, String> s3a = Stores.s3aSettings(endpoint);
    // the test's own reads and uploads: like a cluster's core-site.xml, for this bucket only
    Configuration conf = SharedSpark.spark().sparkContext().hadoopConfiguration();
    String b = "fs.s3a.bucket." + Stores.BUCKET + ".";
    s3a.forEach((k, v) -> conf.set(b + k.substring("fs.s3a.".length()), v));
    conf.set(b + "access.key", Stores.ACCESS_KEY);
    conf.set(b + "secret.key", Stores.SECRET_KEY);
    String bucket = "s3a://" + Stores.BUCKET;
    FileSystem fs = new org.apache.hadoop.fs.Path(bucket + "/").getFileSystem(conf);
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(in.toUri()), new org.apache.hadoop.fs.Path(bucket + "/feeds/un"));

    // 1. credentials in the job spec's spark: section (spark.hadoop.fs.s3a.*), the route most at risk of leaking
    List<String> sparkLines = new ArrayList<>(List.of("spark:"));
    s3a.forEach((k, v) -> sparkLines.add("  spark.hadoop." + k + ": \"" + v + "\""));
    sparkLines.add("  spark.hadoop.fs.s3a.access.key: \"" + Stores.ACCESS_KEY + "\"");
    sparkLines.add("  spark.hadoop.fs.s3a.secret.key: \"" + Stores.SECRET_KEY + "\"");
    sparkLines.add("  spark.ui.enabled: \"false\"");
    Path spec = DatedCorpus.spec(dir, bucket + "/feeds/un", bucket + "/out-spec", sparkLines.toArray(String[]::new));
    Path log4j = dir.resolve("log4j2-everything.properties");
    Files.writeString(log4j, "rootLogger.level = info\nrootLogger.appenderRef.o.ref = o\nappender.o.type = Console\n"
        + "appender.o.name = o\nappender.o.layout.type = PatternLayout\nappender.o.layout.pattern = %d %p %c: %m%n\n");
    List<String> jvm = List.of("-Dlog4j2.configurationFile=" + log4j);
    ChildJvm first = ChildJvm.start(dir.resolve("spec.log"), Map.of(), jvm, CrashRecoveryIT.concat(
        new String[] {"run", spec.toString(), "--from", "2025-05-01", "--to", "2025-05-02"}, TOPICS));
    assertEquals(0, first.waitFor(900), first.output());
    assertEquals(local, read(SharedSpark.spark(), bucket + "/out-spec"));

    // no secret anywhere: every log line of the run, every object it wrote (read as bytes from the server's disk)
    String log = first.output();
    assertTrue(log.contains(" INFO ") && log.contains("Pipeline"), "the log was captured");
    assertFalse(log.contains(Stores.SECRET_KEY), "secret in the log of " + first.log);
    Path served = Stores.s3Root().resolve(Stores.BUCKET);
    int files = 0;
    byte[] secret = Stores.SECRET_KEY.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> s = Files.walk(served)) {
      for (Path p : s.filter(Files::isRegularFile).collect(Collectors.toList())) {
        if (p.startsWith(served.resolve("feeds"))) {
          continue;
        }
        files++;
        assertFalse(contains(Files.readAllBytes(p), secret), "secret in " + p);
      }
    }
    assertTrue(files > 20, "the output was found on the server's disk: " + files + " files");
    String manifest;
    try (Stream<Path> s = Files.list(served.resolve("out-spec/_runs"))) {
      manifest = Files.readString(s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow());
    }
    assertTrue(manifest.contains("\"spark.hadoop.fs.s3a.secret.key\" : \"***\""), manifest);
    assertFalse(manifest.contains(Stores.ACCESS_KEY), "the access key id is masked too");
  }

  static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
