package io.actorscope.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;

/** One local SparkSession for the whole test JVM (surefire reuses its fork), and the shared corpora. */
public final class SharedSpark {
  private static SparkSession spark;

  private SharedSpark() {}

  public static synchronized SparkSession spark() {
    if (spark == null) {
      SparkSession.Builder b = SparkSession.builder()
          .master("local[2]")
          .appName("actorscope-tests")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false")
          // as in conf/defaults.yaml (a run applies only the runtime settings to this session)
          .config("spark.sql.artifact.isolation.enabled", "false")
          .config("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true")
          .config("spark.hadoop.fs.file.impl", "io.actorscope.io.NioLocalFileSystem")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
      // the fast tier's own settings (pom.xml's test.spark), k=v,k=v
      for (String kv : System.getProperty("actorscope.test.spark", "").split(",")) {
        if (kv.contains("=")) {
          b.config(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
      }
      spark = b.getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> spark.stop()));
    }
    return spark;
  }

  /** ../shared/corpora/NAME, or the test is skipped with a message saying so (a user's clone has no ../shared). */
  public static Path corpus(String name) {
    Path p = Paths.get("..", "shared", "corpora", name).toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.exists(p),
        "skipped: " + p + " is absent (the shared corpora sit beside the project in CI, not in a user's clone)");
    return p;
  }
}
