package io.actorscope.cli;

import io.actorscope.ActorscopeJob;
import io.actorscope.actors.DictionaryLoader;
import io.actorscope.config.ConfigException;
import io.actorscope.config.ConfigLoader;
import io.actorscope.config.JobConfig;
import io.actorscope.output.RunManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code actorscope run [JOB.yaml] [--input PATH --format F] [--output DIR] [--set key=value]…} */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the job: a job spec (jobs/*.yaml), or --input/--format/--output, or both",
        "(the command line wins). Every key and its default: conf/defaults.yaml."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:success", "1:the job failed (see the manifest in OUTPUT/_runs/)",
        "2:bad usage or configuration, found before Spark starts", "3:an input path does not exist"})
public final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "JOB.yaml", description = "Job spec.")
  Path job;

  @Option(names = "--input", paramLabel = "PATH", description = "Input file, folder or glob (replaces the spec's inputs).")
  String input;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Input format: jsonl, text, parquet, csv.")
  String format;

  @Option(names = "--output", paramLabel = "DIR", description = "Output folder (local, hdfs://, s3a://).")
  String output;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting, e.g. --set topics.k=12 (repeatable).")
  List<String> sets = new ArrayList<>();

  @Override
  public Integer call() {
    JobConfig config;
    DictionaryLoader.Loaded dictionary;
    try {
      ConfigLoader.Overrides cli = new ConfigLoader.Overrides();
      cli.input = input;
      cli.format = format;
      cli.output = output;
      cli.sets = sets;
      config = ConfigLoader.load(job, cli);
      try {
        dictionary = DictionaryLoader.load(config.actors.dictionaries);
      } catch (DictionaryLoader.DictionaryException e) {
        throw new ConfigException("actors.dictionaries", e.getMessage());
      }
    } catch (ConfigException e) {
      System.err.println("actorscope: " + e.getMessage());
      return e.isMissingInput() ? Main.MISSING_INPUT : Main.BAD_CONFIG;
    }
    for (String w : dictionary.warnings) {
      System.err.println("actorscope: dictionary warning: " + w);
    }
    SparkSession spark = null;
    // A session someone else started (a notebook, a test) is used and left running.
    boolean ours = SparkSession.getDefaultSession().isEmpty() && SparkSession.getActiveSession().isEmpty();
    try {
      spark = session(config);
      ActorscopeJob job = new ActorscopeJob(spark, config, dictionary);
      RunManifest m = job.run();
      System.out.println(summary(m));
      return Main.OK;
    } catch (Exception | Error e) {
      System.err.println("actorscope: job failed: " + e);
      e.printStackTrace(System.err);
      return Main.JOB_FAILED;
    } finally {
      if (spark != null && ours) {
        spark.stop();
      }
    }
  }

  /** A session for this run; under spark-submit the submit's master and settings win. */
  static SparkSession session(JobConfig config) {
    SparkSession.Builder b = SparkSession.builder().appName(config.run.appName);
    if (System.getProperty("spark.master") == null) {
      b.master(config.run.master);
    }
    for (Map.Entry<String, String> e : config.spark.entrySet()) {
      if (System.getProperty(e.getKey()) == null) {
        b.config(e.getKey(), e.getValue());
      }
    }
    return b.getOrCreate();
  }

  private static String summary(RunManifest m) {
    Map<String, Object> c = m.counts();
    return String.format("actorscope: run %s succeeded: read %s, accepted %s, quarantined %s, duplicates %s, mentions %s%n"
            + "actorscope: manifest %s", m.get("run_id"), c.get("read"), c.get("accepted"), c.get("quarantined"),
        c.get("duplicates"), c.get("mentions"), m.get("manifest"))
        + (m.get("report") != null ? String.format("%nactorscope: report %s", m.get("report")) : "");
  }
}
