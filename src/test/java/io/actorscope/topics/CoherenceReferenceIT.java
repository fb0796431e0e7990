package io.actorscope.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.config.ConfigLoader;
import io.actorscope.config.JobConfig;
import io.actorscope.io.Ingest;
import io.actorscope.testing.SharedSpark;
import io.actorscope.text.AnalyzedArticle;
import io.actorscope.text.TextAnalyzer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our distributed coherence against an independent reference: gensim's CoherenceModel (Debian
 * python3-gensim; c_npmi with its boolean sliding window of 10, u_mass) on the BBC corpus, given the
 * very token lists and top terms our job used. Tolerance: 1e-9 absolute per topic (both sides
 * compute the same closed formulas from integer counts in double precision; any difference in a
 * count would move a score by far more than that). Skipped when ../shared or python3-gensim is
 * absent; CI installs python3-gensim.
 */
class CoherenceReferenceIT {
  static final double TOLERANCE = 1e-9;

  @TempDir
  Path dir;

  static String python() {
    String p = System.getenv("ACTORSCOPE_PYTHON");
    if (p != null) {
      return p;
    }
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  static void assumeGensim() throws Exception {
    boolean ok;
    try {
      Process p = new ProcessBuilder(python(), "-c", "import gensim").redirectErrorStream(true).start();
      ok = p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      ok = false;
    }
    Assumptions.assumeTrue(ok, "skipped: " + python() + " cannot import gensim (apt-get install python3-gensim; CI does)");
  }

  static JobConfig load(String... sets) {
    ConfigLoader.Overrides o = new ConfigLoader.Overrides();
    o.input = SharedSpark.corpus("bbc").toString();
    o.format = "text";
    o.output = "unused";
    List<String> all = new ArrayList<>(List.of("input.require_date=false", "input.title_from_first_line=true",
        "input.path_pattern=(?<id>(?<source>[a-z]+)/\\d+)\\.txt$"));
    all.addAll(List.of(sets));
    o.sets = all;
    return ConfigLoader.load(null, o);
  }

  /** BBC read by our text reader, category as source and category/NNN as id. */
  static Dataset<AnalyzedArticle> bbc(JobConfig c) {
    Ingest.Result in = Ingest.run(SharedSpark.spark(), c.inputs, true, 80);
    return TextAnalyzer.analyze(in.articles).cache();
  }

  @Test
  void npmiAndUmassAgreeWithGensimOnBbc() throws Exception {
    SharedSpark.corpus("bbc");
    assumeGensim();
    // any five topics do (the scores are compared, not the fit): a short Gibbs fit
    List<String> sets = new ArrayList<>(List.of("topics.k=5", "topics.max_iter=10", "topics.min_df=5",
        "topics.coherence.top_n=10"));
    sets.addAll(io.actorscope.testing.Cli.SHORT_GIBBS);
    JobConfig c = load(sets.toArray(new String[0]));
    Dataset<AnalyzedArticle> articles = bbc(c);
    TopicModeler.Result r = TopicModeler.fit(articles, null, c.topics, c.text.minTermLength, "bbc-test");
    assertEquals(null, r.skipped);
    List<List<String>> top = TopicModeler.topTerms(r, 10);

    // the token lists exactly as our coherence saw them (collected here only to hand them to gensim)
    List<List<String>> texts = new ArrayList<>();
    for (Row row : r.tokens.orderBy("id").select(TopicTokens.TOKENS).collectAsList()) {
      texts.add(row.getList(0));
    }
    assertEquals(articles.count(), texts.size()); // one token list per accepted article, empty ones included
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("texts", texts);
    spec.put("topics", top);
    spec.put("window", 10);
    Path json = dir.resolve("spec.json");
    new ObjectMapper().writeValue(json.toFile(), spec);
    Process p = new ProcessBuilder(python(), Path.of("scripts", "gensim-coherence.py").toString(), json.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "gensim timed out");
    assertEquals(0, p.exitValue(), out);
    JsonNode ref = new ObjectMapper().readTree(out);

    assertEquals(5, r.qualityRows.size());
    for (int t = 0; t < 5; t++) {
      TopicQuality q = r.qualityRows.get(t);
      assertEquals(ref.get("c_npmi").get(t).asDouble(), q.getNpmiWindow(), TOLERANCE, "c_npmi of topic " + t + " " + top.get(t));
      assertEquals(ref.get("u_mass").get(t).asDouble(), q.getUmass(), TOLERANCE, "u_mass of topic " + t + " " + top.get(t));
      assertEquals(ref.get("npmi_document").get(t).asDouble(), q.getNpmiDocument(), TOLERANCE,
          "document NPMI of topic " + t + " " + top.get(t));
    }
    r.release();
  }
}
