package io.actorscope.cli;

import io.actorscope.actors.DictionaryLoader;
import io.actorscope.actors.Mention;
import io.actorscope.config.ConfigException;
import io.actorscope.config.ConfigLoader;
import io.actorscope.config.JobConfig;
import io.actorscope.text.AnalyzedArticle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options and corpus preparation shared by the topic-model commands (sweep, bench-topics): same inputs as run. */
abstract class CorpusCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "JOB.yaml", description = "Job spec.")
  Path job;

  @Option(names = "--input", paramLabel = "PATH", description = "Input file, folder or glob (replaces the spec's inputs).")
  String input;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Input format: jsonl, text, parquet, csv.")
  String format;

  @Option(names = "--output", paramLabel = "DIR", description = "Output folder (default: a temporary folder).")
  String output;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting (repeatable).")
  List<String> sets = new ArrayList<>();

  JobConfig config;
  DictionaryLoader.Loaded dictionary;

  /** Loads the configuration; null on success, else the exit code (the message is printed). */
  Integer load() {
    try {
      ConfigLoader.Overrides cli = new ConfigLoader.Overrides();
      cli.input = input;
      cli.format = format;
      cli.output = output != null ? output : System.getProperty("java.io.tmpdir") + "/actorscope-" + ProcessHandle.current().pid();
      cli.sets = sets;
      config = ConfigLoader.load(job, cli);
      try {
        dictionary = DictionaryLoader.load(config.actors.dictionaries);
      } catch (DictionaryLoader.DictionaryException e) {
        throw new ConfigException("actors.dictionaries", e.getMessage());
      }
      return null;
    } catch (ConfigException e) {
      System.err.println("actorscope: " + e.getMessage());
      return e.isMissingInput() ? Main.MISSING_INPUT : Main.BAD_CONFIG;
    }
  }

  /** The corpus {@code run} would analyse (ingest, language filter, near-duplicates, text, actors), unwritten. */
  private io.actorscope.Pipeline.Corpus corpus;

  /** The analysed articles that count, as {@code run}'s later stages see them (cached). */
  Dataset<AnalyzedArticle> articles(SparkSession spark) {
    if (corpus == null) {
      corpus = new io.actorscope.Pipeline(spark, config, dictionary).corpus(null);
    }
    return corpus.text().counted();
  }

  /** Their mentions: the same as {@code run}'s topics stage reads. */
  Dataset<Mention> mentions(SparkSession spark, Dataset<AnalyzedArticle> text) {
    articles(spark);
    return corpus.actors().counted();
  }
}
