package io.actorscope.io;

import io.actorscope.config.ConfigLoader;
import io.actorscope.config.InputConfig;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The WARC reader alone (records streamed, HTTP parsed, pages extracted and judged), for
 * scripts/bench-warc: reads the given WARC files in a local Spark session, counts the records by
 * outcome, and prints MB/s per core and records per second. Progress (records so far) is printed
 * every 30 s, so a run stopped early still tells its rate.
 */
public final class WarcReadBench {
  private WarcReadBench() {}

  /** Records read so far; in local mode the tasks run in this JVM. */
  static final java.util.concurrent.atomic.AtomicLong SEEN = new java.util.concurrent.atomic.AtomicLong();

  public static void main(String[] args) throws Exception {
    String path = args[0];
    String master = args.length > 1 ? args[1] : "local[1]";
    ConfigLoader.Overrides o = new ConfigLoader.Overrides();
    o.input = path;
    o.format = "warc";
    o.output = "unused";
    InputConfig in = ConfigLoader.load(null, o).inputs.get(0);
    SparkSession spark = SparkSession.builder().master(master).appName("warc-read-bench")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
    int cores = spark.sparkContext().defaultParallelism();
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    long bytes = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).getContentSummary(p).getLength();
    // compressed bytes per record of the input, when known (scripts/bench-warc: the sample set's)
    double bytesPerRecord = args.length > 2 ? Double.parseDouble(args[2]) : 0;
    AtomicBoolean done = new AtomicBoolean();
    // CPU seconds of this JVM as well as wall seconds: on a shared machine the wall rate says as much
    // about the neighbours as about the reader
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    Thread progress = new Thread(() -> {
      while (!done.get()) {
        try {
          Thread.sleep(30_000);
        } catch (InterruptedException e) {
          return;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long n = SEEN.get();
        System.out.printf("bench-warc: %.0f s, %d records, %.1f records/s, about %.2f MB/s compressed%n", s, n, n / s,
            n * bytesPerRecord / 1e6 / s);
      }
    });
    progress.setDaemon(true);
    progress.start();
    Dataset<RawRecord> raw = ArticleSource.forFormat("warc").read(spark, in);
    List<Row> counts = raw.map((org.apache.spark.api.java.function.MapFunction<RawRecord, String>) r -> {
      SEEN.incrementAndGet();
      return r.getSkipped() != null ? "skipped:" + r.getSkipped()
          : r.getFiltered() != null ? "filtered:" + r.getFiltered()
          : r.getError() != null ? "quarantined:" + r.getError() : "article";
    }, org.apache.spark.sql.Encoders.STRING()).groupBy("value").count().orderBy("value").collectAsList();
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpuSecs = (os.getProcessCpuTime() - cpu0) / 1e9;
    done.set(true);
    long records = 0;
    for (Row r : counts) {
      records += r.getLong(1);
      System.out.printf("  %-28s %d%n", r.getString(0), r.getLong(1));
    }
    List<String> listed = WarcSource.listFiles(spark.sparkContext().hadoopConfiguration(), in);
    long files = listed.size();
    long splits = WarcSource.splits(spark.sparkContext().hadoopConfiguration(), listed, WarcSource.SPLIT_BYTES).size();
    int busy = (int) Math.min(cores, splits);
    System.out.printf("bench-warc: %d file(s) in %d split(s), %.1f MB compressed, %d records in %.1f s on %d core(s) (%d busy):"
        + " %.2f MB/s per core, %.1f records/s, max heap %d MB%n",
        files, splits, bytes / 1e6, records, secs, cores, busy, bytes / 1e6 / secs / busy, records / secs,
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("bench-warc: %.1f CPU s (all threads: JIT and GC too): %.2f MB per CPU second, %.1f records per CPU"
        + " second%n", cpuSecs, bytes / 1e6 / cpuSecs, records / cpuSecs);
    spark.stop();
  }
}
