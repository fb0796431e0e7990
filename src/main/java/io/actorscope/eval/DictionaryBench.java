package io.actorscope.eval;

import io.actorscope.actors.ActorMatcher;
import io.actorscope.actors.DictionaryLoader;
import io.actorscope.io.Article;
import io.actorscope.text.AnalyzedArticle;
import io.actorscope.text.TextAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Times the actor matcher with two dictionaries on one corpus (scripts/bench-dictionary): the
 * articles are tokenised once, then each dictionary matches all of them, alternating A B A B …, and
 * the median pass is reported. Only {@link ActorMatcher#match} is inside the timing.
 *
 * <p>Arguments: CORPUS_DIR PASSES DICT_A DICT_B, each DICT a comma-separated list of references.
 */
public final class DictionaryBench {
  private DictionaryBench() {}

  public static void main(String[] args) throws IOException {
    Path corpus = Paths.get(args[0]);
    int passes = Integer.parseInt(args[1]);
    List<String> a = Arrays.asList(args[2].split(","));
    List<String> b = Arrays.asList(args[3].split(","));
    Set<String> kinds = Set.of("alias", "role", "metonym", "demonym");

    long t0 = System.nanoTime();
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpus)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    List<AnalyzedArticle> articles = new ArrayList<>(files.size());
    long chars = 0;
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).replace("\uFEFF", "");
      text = Normalizer.normalize(text, Normalizer.Form.NFC);
      chars += text.length();
      Article art = new Article();
      art.setId(f.getFileName().toString());
      art.setText(text);
      art.setDate(java.time.LocalDate.of(2021, 6, 1));
      art.setDatePrecision("day");
      articles.add(TextAnalyzer.analyze(art));
    }
    System.out.printf("corpus %s: %d articles, %.1f M characters, tokenised in %.1f s%n", corpus, articles.size(),
        chars / 1e6, (System.nanoTime() - t0) / 1e9);

    long l0 = System.nanoTime();
    DictionaryLoader.Loaded da = DictionaryLoader.load(a);
    long l1 = System.nanoTime();
    DictionaryLoader.Loaded db = DictionaryLoader.load(b);
    long l2 = System.nanoTime();
    System.out.printf("A: %d actors, %d phrases, loaded in %.2f s (%s)%n", da.actors.size(), da.dictionary.phraseCount(),
        (l1 - l0) / 1e9, String.join(",", a));
    System.out.printf("B: %d actors, %d phrases, loaded in %.2f s (%s)%n", db.actors.size(), db.dictionary.phraseCount(),
        (l2 - l1) / 1e9, String.join(",", b).replaceAll("cameo:[^,]*/", "cameo:…/"));

    ActorMatcher ma = new ActorMatcher(da.dictionary, kinds);
    ActorMatcher mb = new ActorMatcher(db.dictionary, kinds);
    // warm-up: JIT both paths
    run(ma, articles.subList(0, Math.min(500, articles.size())));
    run(mb, articles.subList(0, Math.min(500, articles.size())));
    double[] ta = new double[passes];
    double[] tb = new double[passes];
    long na = 0;
    long nb = 0;
    for (int p = 0; p < passes; p++) {
      long s0 = System.nanoTime();
      na = run(ma, articles);
      long s1 = System.nanoTime();
      nb = run(mb, articles);
      long s2 = System.nanoTime();
      ta[p] = (s1 - s0) / 1e9;
      tb[p] = (s2 - s1) / 1e9;
    }
    double mA = median(ta);
    double mB = median(tb);
    System.out.printf("matching A: median %.2f s over %d passes %s, %d mentions%n", mA, passes, Arrays.toString(round(ta)), na);
    System.out.printf("matching B: median %.2f s over %d passes %s, %d mentions%n", mB, passes, Arrays.toString(round(tb)), nb);
    System.out.printf("ratio B/A: %.2f (target <= 2.00)%n", mB / mA);
  }

  private static long run(ActorMatcher m, List<AnalyzedArticle> articles) {
    long n = 0;
    for (AnalyzedArticle x : articles) {
      n += m.match(x).size();
    }
    return n;
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }

  private static double[] round(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = Math.round(v[i] * 100) / 100.0;
    }
    return r;
  }
}
