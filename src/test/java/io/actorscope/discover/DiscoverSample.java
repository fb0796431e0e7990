package io.actorscope.discover;

import io.actorscope.actors.ActorMatcher;
import io.actorscope.actors.DictionaryLoader;
import io.actorscope.actors.Mention;
import io.actorscope.text.AnalyzedArticle;
import io.actorscope.text.TextAnalyzer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A development aid: the pure discoverer over the sample's UN speeches (no Spark), printing the most
 * mentioned provisional actors and a reproducible sample of mentions (every k-th) for a hand check.
 */
public final class DiscoverSample {
  public static void main(String[] args) throws Exception {
    DictionaryLoader.Loaded d = DictionaryLoader.load(List.of("builtin:countries.yaml", "builtin:igos.yaml",
        "builtin:organisations.yaml", "builtin:people.yaml", "builtin:roles.yaml"));
    Discoverer disc = new Discoverer(new Lexicon(d.dictionary));
    ActorMatcher matcher = new ActorMatcher(d.dictionary, Set.of("alias", "role", "metonym", "demonym"));
    Map<String, Integer> counts = new TreeMap<>();
    int every = args.length > 0 ? Integer.parseInt(args[0]) : 97;
    int n = 0;
    List<Path> files;
    try (Stream<Path> s = Files.walk(Paths.get("sample", "ungdc", "TXT"))) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    for (Path p : files) {
      String text = java.text.Normalizer.normalize(Files.readString(p, StandardCharsets.UTF_8), java.text.Normalizer.Form.NFC);
      String year = p.getFileName().toString().replaceAll(".*_(\\d{4})\\.txt", "$1");
      AnalyzedArticle a = TextAnalyzer.analyze(p.getFileName().toString(), java.time.LocalDate.of(Integer.parseInt(year), 9, 1), "x", text);
      List<Mention> ms = matcher.match(a);
      for (Discoverer.Found f : disc.discover(a, ms)) {
        counts.merge(f.mention.getActorId() + " (" + f.name + ")", 1, Integer::sum);
        if (n++ % every == 0) {
          int s = Math.max(0, f.mention.getStart() - 70);
          int e = Math.min(text.length(), f.mention.getEnd() + 50);
          System.out.println("SAMPLE\t" + f.mention.getSurface() + "\t" + f.mention.getActorId() + "\t" + f.cue + "\t"
              + text.substring(s, e).replace('\n', ' '));
        }
      }
    }
    System.out.println("TOTAL\t" + n);
    counts.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(80)
        .forEach(e -> System.out.println("TOP\t" + e.getValue() + "\t" + e.getKey()));
  }
}
