package io.actorscope.cli;

import io.actorscope.Pipeline;
import io.actorscope.actors.DictionaryLoader;
import io.actorscope.config.ConfigException;
import io.actorscope.config.ConfigLoader;
import io.actorscope.config.DatedRun;
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
        "2:bad usage or configuration, found before Spark starts", "3:an input path does not exist",
        "4:another run holds the lock of a day this run would write (OUTPUT/_locks/)"})
public final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "JOB.yaml", description = "Job spec.")
  Path job;

  @Option(names = "--input", paramLabel = "PATH", description = "Input file, folder or glob (replaces the spec's inputs).")
  String input;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Input format: jsonl, text, parquet, csv.")
  String format;

  @Option(names = "--output", paramLabel = "DIR", description = "Output folder (local, hdfs://, s3a://).")
  String output;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Process one day: each input's day folder (nightly.layout, default dt={date}).")
  String date;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day of a range (with --to).")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day of a range, inclusive (with --from).")
  String to;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting, e.g. --set topics.k=12 (repeatable).")
  List<String> sets = new ArrayList<>();

  @Override
  public Integer call() {
    JobConfig config;
    DatedRun dated;
    DictionaryLoader.Loaded dictionary;
    try {
      config = loadConfig();
      dated = DatedRun.expand(config, DatedRun.hadoopConf(config));
      try {
        dictionary = DictionaryLoader.load(config.actors.dictionaries);
      } catch (DictionaryLoader.DictionaryException e) {
        throw new ConfigException("actors.dictionaries", e.getMessage());
      }
    } catch (ConfigException e) {
      System.err.println("actorscope: " + e.getMessage());
      return e.isMissingInput() ? Main.MISSING_INPUT : Main.BAD_CONFIG;
    }
    return runJob(config, dated, dictionary);
  }

  /** The configuration this command line asks for (defaults, job spec, options, --set), checked. */
  JobConfig loadConfig() {
    ConfigLoader.Overrides cli = new ConfigLoader.Overrides();
    cli.input = input;
    cli.format = format;
    cli.output = output;
    List<String> all = new ArrayList<>(sets);
    if (date != null) {
      all.add("nightly.date=\"" + date + "\"");
    }
    if (from != null) {
      all.add("nightly.from=\"" + from + "\"");
    }
    if (to != null) {
      all.add("nightly.to=\"" + to + "\"");
    }
    cli.sets = all;
    return ConfigLoader.load(job, cli);
  }

  private int runJob(JobConfig config, DatedRun dated, DictionaryLoader.Loaded dictionary) {
    for (String w : dictionary.warnings) {
      System.err.println("actorscope: dictionary warning: " + w);
    }
    SparkSession spark = null;
    // A session someone else started (a notebook, a test) is used and left running.
    boolean ours = SparkSession.getDefaultSession().isEmpty() && SparkSession.getActiveSession().isEmpty();
    try {
      spark = session(config);
      if (dated.dates.isEmpty() && !dated.skipped.isEmpty()) {
        System.err.println("actorscope: no input for any day of the run; skipped " + dated.skipped);
        return Main.OK;
      }
      if (dated.dates.size() > 1 && JobConfig.Nightly.DAY_BY_DAY.equals(config.nightly.backfill)) {
        // one job per day, in order, each with its own lock, commit and manifest: what nightly runs do
        for (java.time.LocalDate d : dated.dates) {
          Pipeline job = new Pipeline(spark, oneDay(config, d), dictionary)
              .dated(List.of(d), d.equals(dated.dates.get(0)) ? dated.skipped : List.of());
          System.out.println(summary(job.run()));
        }
        return Main.OK;
      }
      Pipeline job = new Pipeline(spark, config, dictionary).dated(dated.dates, dated.skipped);
      RunManifest m = job.run();
      System.out.println(summary(m));
      return Main.OK;
    } catch (io.actorscope.output.OutputLock.HeldException e) {
      System.err.println("actorscope: " + e.getMessage() + "; not run (exit " + Main.LOCK_HELD + ")");
      return Main.LOCK_HELD;
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

  /** The config of one day of a dated range: the inputs of that day only. */
  static JobConfig oneDay(JobConfig config, java.time.LocalDate d) {
    JobConfig c = org.apache.commons.lang3.SerializationUtils.clone(config);
    c.inputs.removeIf(i -> !d.toString().equals(i.partitionDate));
    c.nightly.date = d.toString();
    c.nightly.from = null;
    c.nightly.to = null;
    return c;
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
