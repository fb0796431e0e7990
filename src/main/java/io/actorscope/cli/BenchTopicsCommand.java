package io.actorscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.text.AnalyzedArticle;
import io.actorscope.topics.Agreement;
import io.actorscope.topics.Coherence;
import io.actorscope.topics.TopicModeler;
import io.actorscope.topics.TopicTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code actorscope bench-topics JOB.yaml}: our LDA against gensim's LdaMulticore on the same
 * tokens, vocabulary and k, judged by the articles' known labels (their {@code source}, e.g. the
 * BBC category): wall time of the fit, mean NPMI of the top terms (our coherence, and gensim's own
 * c_npmi for gensim's topics), purity and NMI of dominant topic vs label, and each topic's dominant label.
 */
@Command(name = "bench-topics", mixinStandardHelpOptions = true,
    description = {"Benchmarks our LDA against gensim LdaMulticore (python3-gensim) on one labelled corpus",
        "(label = the articles' source): fit wall time, mean NPMI, purity, NMI."})
public final class BenchTopicsCommand extends CorpusCommand implements Callable<Integer> {
  @Option(names = "--passes", description = "gensim passes over the corpus (default 10).")
  int passes = 10;

  @Option(names = "--workers", description = "gensim LdaMulticore workers (default 1).")
  int workers = 1;

  @Option(names = "--python", description = "Python with gensim (default /usr/bin/python3).")
  String python = "/usr/bin/python3";

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
      long t0 = System.nanoTime();
      TopicModeler.Result r = TopicModeler.fit(text, mentions(spark, text), config.topics, config.text.minTermLength, "bench");
      double oursTotal = (System.nanoTime() - t0) / 1e9;
      if (r.skipped != null) {
        System.err.println("actorscope: no model: " + r.skipped);
        return Main.JOB_FAILED;
      }
      int k = config.topics.k;
      int n = config.topics.coherence.topN;
      List<Row> docs = r.tokens.orderBy("id").select("id", "source", TopicTokens.TOKENS).collectAsList();
      Map<String, Integer> ourDominant = new java.util.HashMap<>();
      for (Row d : r.docTopics.select("articleId", "dominantTopic").collectAsList()) {
        ourDominant.put(d.getString(0), d.isNullAt(1) ? -1 : d.getInt(1));
      }
      List<String> labels = new ArrayList<>(new java.util.TreeSet<>(docs.stream().filter(d -> d.get(1) != null)
          .map(d -> d.getString(1)).toList()));
      List<List<String>> texts = new ArrayList<>();
      List<Integer> ours = new ArrayList<>();
      for (Row d : docs) {
        texts.add(d.getList(2));
        ours.add(ourDominant.getOrDefault(d.getString(0), -1));
      }
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("vocabulary", r.vocabulary);
      spec.put("texts", texts);
      spec.put("k", k);
      spec.put("passes", passes);
      spec.put("workers", workers);
      spec.put("topn", n);
      spec.put("seed", config.topics.seed);
      Path json = Files.createTempFile("bench-topics", ".json");
      new ObjectMapper().writeValue(json.toFile(), spec);
      Path script = Path.of(System.getProperty("actorscope.home", "."), "scripts", "gensim-lda.py");
      Process p = new ProcessBuilder(python, script.toString(), json.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        System.err.println("actorscope: gensim failed");
        return Main.JOB_FAILED;
      }
      Files.deleteIfExists(json);
      JsonNode g = new ObjectMapper().readTree(out);
      List<List<String>> gTop = new ArrayList<>();
      g.get("topics").forEach(t -> {
        List<String> w = new ArrayList<>();
        t.forEach(x -> w.add(x.asText()));
        gTop.add(w);
      });
      List<Integer> theirs = new ArrayList<>();
      g.get("dominant").forEach(x -> theirs.add(x.asInt()));
      Coherence.WindowMode mode = Coherence.WindowMode.valueOf(config.topics.coherence.windowMode.toUpperCase(Locale.ROOT));
      List<Coherence.Scores> gScores = Coherence.compute(r.tokens, TopicTokens.TOKENS, gTop, config.topics.coherence.window, mode);
      double gensimOwn = 0;
      for (JsonNode x : g.get("c_npmi")) {
        gensimOwn += x.asDouble() / k;
      }
      long[][] cOurs = contingency(ours, docs, labels, k);
      long[][] cTheirs = contingency(theirs, docs, labels, k);
      System.out.printf(Locale.ROOT, "corpus: %d articles, %d labels %s, vocabulary %d, k %d, top %d terms%n", docs.size(),
          labels.size(), labels, r.vocabulary.length, k, n);
      System.out.println("| model | fit wall s | mean NPMI (window, ours) | mean NPMI (gensim c_npmi) | mean UMass | purity | NMI |");
      System.out.println("|---|---|---|---|---|---|---|");
      System.out.printf(Locale.ROOT, "| Actorscope MLlib LDA (%s, max_iter %d) | %.1f (whole stage %.1f) | %.4f | - | %.3f | %.3f | %.3f |%n",
          config.topics.optimizer, config.topics.maxIter, r.fitSeconds, oursTotal, r.mean(q -> q.getNpmiWindow()), r.mean(q -> q.getUmass()),
          Agreement.purity(cOurs), Agreement.nmi(cOurs));
      System.out.printf(Locale.ROOT, "| gensim %s LdaMulticore (passes %d, workers %d) | %.1f | %.4f | %.4f | %.3f | %.3f | %.3f |%n",
          g.get("gensim").asText(), passes, workers, g.get("seconds").asDouble(),
          gScores.stream().mapToDouble(s -> s.npmiWindow).average().orElse(Double.NaN), gensimOwn,
          gScores.stream().mapToDouble(s -> s.umass).average().orElse(Double.NaN), Agreement.purity(cTheirs), Agreement.nmi(cTheirs));
      System.out.println();
      printTopics("Actorscope", r.labels, r.qualityRows.stream().map(q -> q.getNpmiWindow()).toList(), cOurs, labels);
      List<String> gLabels = gTop.stream().map(t -> String.join(" / ", t.subList(0, Math.min(config.topics.labelTerms, t.size())))).toList();
      printTopics("gensim", gLabels, gScores.stream().map(s -> s.npmiWindow).toList(), cTheirs, labels);
      r.release();
      return Main.OK;
    } finally {
      spark.stop();
    }
  }

  private static long[][] contingency(List<Integer> dominant, List<Row> docs, List<String> labels, int k) {
    long[][] c = new long[k][labels.size()];
    for (int i = 0; i < docs.size(); i++) {
      int t = dominant.get(i);
      if (t >= 0 && docs.get(i).get(1) != null) { // articles without a label are not judged
        c[t][labels.indexOf(String.valueOf(docs.get(i).get(1)))]++;
      }
    }
    return c;
  }

  private static void printTopics(String who, List<String> topicLabels, List<Double> npmi, long[][] c, List<String> labels) {
    System.out.println("| " + who + " topic | label | NPMI | articles | dominant category | share |");
    System.out.println("|---|---|---|---|---|---|");
    for (int t = 0; t < c.length; t++) {
      long total = 0;
      int best = 0;
      for (int j = 0; j < c[t].length; j++) {
        total += c[t][j];
        if (c[t][j] > c[t][best]) {
          best = j;
        }
      }
      System.out.printf(Locale.ROOT, "| %d | %s | %.3f | %d | %s | %.2f |%n", t, topicLabels.get(t), npmi.get(t), total,
          total == 0 ? "-" : labels.get(best), total == 0 ? 0.0 : (double) c[t][best] / total);
    }
    System.out.println();
  }
}
