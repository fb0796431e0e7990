package io.actorscope.cli;

import io.actorscope.text.AnalyzedArticle;
import io.actorscope.topics.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code actorscope sweep [JOB.yaml] --k 5,10,20 [--optimizer online,em] [--max-iter 40] [--subsampling 0.25]} */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Fits LDA for each k (and optimizer setting) on the job's articles and prints, per setting,",
        "held-out log-perplexity and the topics' coherence (NPMI, UMass), marking the k chosen by the rule:",
        "highest mean sliding-window NPMI; within 0.01 of it, the smallest k; then lowest perplexity."})
public final class SweepCommand extends CorpusCommand implements Callable<Integer> {
  @Option(names = "--k", split = ",", required = true, paramLabel = "K", description = "Numbers of topics, e.g. 5,10,20.")
  List<Integer> ks = new ArrayList<>();

  @Option(names = "--optimizer", split = ",", paramLabel = "OPT", description = "gibbs, online and/or em (default: topics.optimizer; for gibbs --max-iter is the number of sweeps).")
  List<String> optimizers = new ArrayList<>();

  @Option(names = "--max-iter", split = ",", paramLabel = "N", description = "Iterations (default: topics.max_iter).")
  List<Integer> maxIters = new ArrayList<>();

  @Option(names = "--subsampling", split = ",", paramLabel = "RATE", description = "Online subsampling rates (default: topics.subsampling_rate).")
  List<Double> rates = new ArrayList<>();

  @Option(names = "--held-out", paramLabel = "FRACTION", description = "Articles held out for perplexity (default 0.1).")
  double heldOut = 0.1;

  @Override
  public Integer call() {
    Integer bad = load();
    if (bad != null) {
      return bad;
    }
    for (int k : ks) {
      if (k < 2) {
        System.err.println("actorscope: --k: must be >= 2, got " + k);
        return Main.BAD_CONFIG;
      }
    }
    if (!(heldOut > 0 && heldOut < 1)) {
      System.err.println("actorscope: --held-out: must be in (0, 1)");
      return Main.BAD_CONFIG;
    }
    SparkSession spark = RunCommand.session(config);
    try {
      Dataset<AnalyzedArticle> text = articles(spark);
      System.err.print("actorscope: sweep progress\n" + Sweep.HEADER);
      List<Sweep.Row1> rows = Sweep.run(text, mentions(spark, text), config.topics, config.text.minTermLength, ks,
          optimizers.isEmpty() ? List.of(config.topics.optimizer) : optimizers,
          maxIters.isEmpty() ? List.of(io.actorscope.topics.TopicModeler.GIBBS.equals(config.topics.optimizer)
              && optimizers.isEmpty() ? config.topics.gibbs.iterations : config.topics.maxIter) : maxIters,
          rates.isEmpty() ? List.of(config.topics.subsamplingRate) : rates, heldOut,
          r -> System.err.print(Sweep.line(r)));
      System.out.print(Sweep.table(rows));
      rows.stream().filter(r -> r.chosen).findFirst().ifPresent(r -> System.out.println("actorscope: chosen k=" + r.k
          + " (" + r.optimizer + ", max_iter " + r.maxIter + ")"));
      return Main.OK;
    } catch (Exception e) {
      System.err.println("actorscope: sweep failed: " + e);
      e.printStackTrace(System.err);
      return Main.JOB_FAILED;
    } finally {
      spark.stop();
    }
  }
}
