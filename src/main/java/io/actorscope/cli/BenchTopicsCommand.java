package io.actorscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.text.AnalyzedArticle;
import io.actorscope.topics.TopicModeler;
import io.actorscope.topics.TopicTokens;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code actorscope bench-topics JOB.yaml --spec DIR}: fits our topic model on a labelled corpus (label
 * = the articles' {@code source}, e.g. the BBC category) and writes what the peers need to be fitted on
 * the same tokens, vocabulary and k and judged the same way (scripts/bench-topics runs MALLET and
 * scripts/topic-judge.py on it): DIR/spec.json (vocabulary, each article's topic tokens and label, our
 * fit seconds, top terms and dominant topics) and DIR/tokens.txt (each article's in-vocabulary tokens,
 * one line per article, MALLET's input). A benchmark: the articles' tokens are collected to the driver.
 */
@Command(name = "bench-topics", mixinStandardHelpOptions = true,
    description = {"Fits our topic model on one labelled corpus (label = the articles' source) and writes",
        "the tokens, vocabulary and our topics for scripts/bench-topics to fit and judge MALLET and gensim on."})
public final class BenchTopicsCommand extends CorpusCommand implements Callable<Integer> {
  @Option(names = "--spec", required = true, paramLabel = "DIR", description = "Folder for spec.json and tokens.txt.")
  Path spec;

  @Option(names = "--corpus", description = "Corpus name for the report (default: the job file's name).")
  String corpus;

  @Override
  public Integer call() throws Exception {
    Integer bad = load();
    if (bad != null) {
      return bad;
    }
    SparkSession spark = RunCommand.session(config);
    try {
      Dataset<AnalyzedArticle> text = articles(spark);
      text.count();
      TopicModeler.Result r = TopicModeler.fit(text, mentions(spark, text), config.topics, config.text.minTermLength, "bench");
      if (r.skipped != null) {
        System.err.println("actorscope: no model: " + r.skipped);
        return Main.JOB_FAILED;
      }
      int n = config.topics.coherence.topN;
      List<Row> docs = r.tokens.orderBy("id").select("id", "source", TopicTokens.TOKENS).collectAsList();
      Map<String, Integer> dominant = new HashMap<>();
      for (Row d : r.docTopics.select("articleId", "dominantTopic").collectAsList()) {
        dominant.put(d.getString(0), d.isNullAt(1) ? -1 : d.getInt(1));
      }
      Set<String> vocab = new HashSet<>(List.of(r.vocabulary));
      List<List<String>> texts = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      List<Integer> ours = new ArrayList<>();
      Files.createDirectories(spec);
      try (BufferedWriter w = Files.newBufferedWriter(spec.resolve("tokens.txt"), StandardCharsets.UTF_8)) {
        for (Row d : docs) {
          List<String> tokens = d.getList(2);
          texts.add(tokens);
          labels.add(d.isNullAt(1) ? null : d.getString(1));
          ours.add(dominant.getOrDefault(d.getString(0), -1));
          w.write(String.join(" ", tokens.stream().filter(vocab::contains).toList()));
          w.newLine();
        }
      }
      var t = config.topics;
      String name = TopicModeler.GIBBS.equals(t.optimizer)
          ? String.format(Locale.ROOT, "Actorscope Gibbs on Spark (%d sweeps, merged after each of the first %d, then every %d; %d partitions)",
              t.gibbs.iterations, t.gibbs.burnIn, t.gibbs.syncEvery, spark.sparkContext().defaultParallelism())
          : String.format(Locale.ROOT, "Actorscope MLlib %s (max_iter %d)", t.optimizer, t.maxIter);
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", name);
      o.put("seconds", r.fitSeconds);
      o.put("topics", TopicModeler.topTerms(r, n));
      o.put("dominant", ours);
      if (r.alpha != null) {
        o.put("alpha", r.alpha);
        o.put("beta", r.beta);
      }
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("corpus", corpus != null ? corpus : job == null ? "corpus" : job.getFileName().toString());
      s.put("k", t.k);
      s.put("topn", n);
      s.put("seed", t.seed);
      s.put("label", "source");
      s.put("vocabulary", r.vocabulary);
      s.put("texts", texts);
      s.put("labels", labels);
      s.put("ours", o);
      new ObjectMapper().writeValue(spec.resolve("spec.json").toFile(), s);
      System.out.printf(Locale.ROOT, "bench-topics: %d articles, vocabulary %d, k %d, our fit %.1f s -> %s%n",
          docs.size(), r.vocabulary.length, t.k, r.fitSeconds, spec);
      r.release();
      return Main.OK;
    } finally {
      spark.stop();
    }
  }
}
