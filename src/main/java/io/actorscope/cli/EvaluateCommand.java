package io.actorscope.cli;

import io.actorscope.actors.DictionaryLoader;
import io.actorscope.config.ConfigException;
import io.actorscope.config.ConfigLoader;
import io.actorscope.config.JobConfig;
import io.actorscope.eval.Evaluation;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code actorscope evaluate [--re3d DIR] [--reuters DIR] [--seed FILE] [--set key=value]…} */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Scores actor resolution against gold data and prints a table: re3d mention spans",
        "(precision over our mentions, recall over gold mentions the dictionary covers, per type),",
        "Reuters-21578 document codes (conf/eval/reuters-codes.tsv) and the seed article's 13 actors",
        "(conf/eval/seed-expected.tsv). Without any of --re3d/--reuters/--seed, all three are read from",
        "../shared/corpora. The dictionaries and match kinds are the job's (--set actors.dictionaries=…)."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:success", "2:bad usage or configuration", "3:a gold data path does not exist"})
public final class EvaluateCommand implements Callable<Integer> {
  static final Path SHARED = Paths.get("..", "shared", "corpora");

  @Option(names = "--re3d", paramLabel = "DIR", description = "re3d folder (sub-folders with documents.json, entities.json).")
  Path re3d;

  @Option(names = "--reuters", paramLabel = "DIR", description = "Reuters-21578 folder (reut2-*.sgm).")
  Path reuters;

  @Option(names = "--seed", paramLabel = "FILE", description = "The seed article.")
  Path seed;

  @Option(names = "--seed-date", paramLabel = "DATE", defaultValue = "2021-06-01", description = "The seed article's date (default ${DEFAULT-VALUE}).")
  LocalDate seedDate;

  @Option(names = "--examples", paramLabel = "N", defaultValue = "8", description = "Most frequent errors shown per row (default ${DEFAULT-VALUE}).")
  int examples;

  @Option(names = "--outside", paramLabel = "N", defaultValue = "0",
      description = "Print up to N discovered mentions per type that overlap no gold span, with context (for a hand check).")
  int outside;

  @Option(names = "--missed", paramLabel = "N", defaultValue = "0",
      description = "Print up to N gold spans per type that no mention of a compatible type overlaps, with context.")
  int missed;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a setting, as for run (e.g. actors.dictionaries, actors.match_kinds).")
  List<String> sets = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (re3d == null && reuters == null && seed == null) {
      re3d = SHARED.resolve("re3d-dev");
      reuters = SHARED.resolve("reuters21578");
      seed = SHARED.resolve("seed").resolve("000_74c2b73519e193b9.txt");
    }
    for (Path p : new Path[] {re3d, reuters, seed}) {
      if (p != null && !Files.exists(p)) {
        System.err.println("actorscope: not found: " + p);
        return Main.MISSING_INPUT;
      }
    }
    Evaluation eval;
    try {
      JobConfig config = config(sets);
      DictionaryLoader.Loaded d = DictionaryLoader.load(config.actors.dictionaries);
      io.actorscope.discover.DiscoverStage.Settings ds = io.actorscope.discover.DiscoverStage.Settings.of(config.discover);
      io.actorscope.discover.Discoverer names = ds.enabled()
          ? new io.actorscope.discover.Discoverer(new io.actorscope.discover.Lexicon(d.dictionary), ds.types()) : null;
      // discovered names are mentions (re3d, seed) only when the match kinds say so, as in the job;
      // the Reuters codes are checked against them whenever discovery runs (discovered_actors)
      io.actorscope.discover.Discoverer discoverer = config.actors.matchKinds.contains("discovered") ? names : null;
      eval = new Evaluation(d.dictionary, new HashSet<>(config.actors.matchKinds), discoverer, names);
      System.out.printf("dictionary: %d actors, %d phrases (%s); match kinds %s%n", d.actors.size(),
          d.dictionary.phraseCount(), String.join(", ", config.actors.dictionaries), config.actors.matchKinds);
    } catch (ConfigException | DictionaryLoader.DictionaryException e) {
      System.err.println("actorscope: " + e.getMessage());
      return Main.BAD_CONFIG;
    }
    PrintStream out = System.out;
    if (re3d != null) {
      Evaluation.Re3dResult r = eval.re3d(re3d);
      print(out, r, examples);
      if (outside > 0) {
        for (Map.Entry<String, Evaluation.TypeScore> e : r.byType.entrySet()) {
          List<String> l = e.getValue().discoveredOutside;
          out.printf("%n%s: %d discovered mentions overlap no gold span%s%n", e.getKey(), l.size(),
              l.size() > outside ? " (first " + outside + ")" : "");
          for (int i = 0; i < Math.min(outside, l.size()); i++) {
            out.println("  " + l.get(i));
          }
        }
      }
      if (missed > 0) {
        for (Map.Entry<String, Evaluation.TypeScore> e : r.byType.entrySet()) {
          List<String> l = e.getValue().missedInContext;
          out.printf("%n%s: %d gold spans missed%s%n", e.getKey(), l.size(), l.size() > missed ? " (first " + missed + ")" : "");
          for (int i = 0; i < Math.min(missed, l.size()); i++) {
            out.println("  " + l.get(i));
          }
        }
      }
    }
    if (reuters != null) {
      printReuters(out, eval.reuters(reuters), examples);
    }
    if (seed != null) {
      Evaluation.SeedResult s = eval.seed(seed, seedDate);
      out.printf("%nseed article (%s): %d/%d expected actors found%s%n", seedDate,
          s.expected.size() - s.missing.size(), s.expected.size(),
          s.missing.isEmpty() ? "" : "; missing: " + String.join(", ", s.missing));
      List<String> extra = new ArrayList<>(s.found);
      extra.removeAll(s.expected.keySet());
      if (!extra.isEmpty()) {
        out.println("  also found (not expected): " + String.join(", ", extra));
      }
    }
    return Main.OK;
  }

  /** The job's configuration with {@code --set} applied (no input or output is needed here). */
  static JobConfig config(List<String> sets) {
    ConfigLoader.Overrides o = new ConfigLoader.Overrides();
    o.sets = sets;
    o.runsTheJob = false;
    return ConfigLoader.load(null, o);
  }

  static String pct(double v) {
    return Double.isNaN(v) ? "   -  " : String.format("%6.3f", v);
  }

  static void print(PrintStream out, Evaluation.Re3dResult r, int examples) {
    out.printf("%nre3d: %d documents; a mention is correct if it overlaps a gold span of a compatible type;%n", r.documents);
    out.println("recall counts gold spans whose text is a dictionary phrase (covered); recall(all) counts every gold span,");
    out.println("(dict) by the dictionary's mentions alone; precision(dict) and precision(disc) split the mentions");
    out.printf("%-13s %9s %8s %9s %9s %5s %9s | %6s %8s %6s %7s %11s %11s%n", "type", "mentions", "correct", "precision",
        "prec dict", "disc", "prec disc", "gold", "covered", "found", "recall", "recall(all)", "(dict)");
    for (Map.Entry<String, Evaluation.TypeScore> e : r.byType.entrySet()) {
      row(out, e.getKey(), e.getValue());
    }
    row(out, "all", r.total());
    if (r.misaligned > 0 || r.notNfc > 0) {
      out.printf("  (%d gold spans do not match their text; %d documents are not NFC)%n", r.misaligned, r.notNfc);
    }
    if (examples > 0) {
      for (Map.Entry<String, Evaluation.TypeScore> e : r.byType.entrySet()) {
        out.printf("  %s false positives: %s%n", e.getKey(), top(e.getValue().falsePositives, examples));
        out.printf("  %s covered misses:  %s%n", e.getKey(), top(e.getValue().misses, examples));
        out.printf("  %s misses (all):    %s%n", e.getKey(), top(e.getValue().missesAll, examples));
      }
    }
  }

  private static void row(PrintStream out, String name, Evaluation.TypeScore s) {
    out.printf("%-13s %9d %8d %9s %9s %5d %9s | %6d %8d %6d %7s %11s %11s%n", name, s.predicted, s.correct,
        pct(s.precision()), pct(s.dictionaryPrecision()), s.discoveredPredicted, pct(s.discoveredPrecision()), s.gold,
        s.covered, s.found, pct(s.recall()), pct(s.gold == 0 ? Double.NaN : (double) s.foundAll / s.gold),
        pct(s.gold == 0 ? Double.NaN : (double) s.foundByDictionary / s.gold));
  }

  static void printReuters(PrintStream out, Map<String, Evaluation.CodeScore> r, int examples) {
    out.printf("%nReuters-21578: document-level codes mapped to actors (conf/eval/reuters-codes.tsv); only documents%n");
    out.println("annotated with the category are scored; precision over our actors of that category's range");
    out.printf("%-8s %9s %9s %8s %9s | %6s %6s %7s%n", "codes", "documents", "predicted", "correct", "precision",
        "gold", "found", "recall");
    for (Map.Entry<String, Evaluation.CodeScore> e : r.entrySet()) {
      Evaluation.CodeScore s = e.getValue();
      out.printf("%-8s %9d %9d %8d %9s | %6d %6d %7s%n", e.getKey(), s.documents, s.predicted, s.correct,
          pct(s.precision()), s.gold, s.found, pct(s.recall()));
    }
    if (examples > 0) {
      for (Map.Entry<String, Evaluation.CodeScore> e : r.entrySet()) {
        out.printf("  %s false positives: %s%n", e.getKey(), top(e.getValue().falsePositives, examples));
        out.printf("  %s misses: %s%n", e.getKey(), top(e.getValue().misses, examples));
      }
    }
    out.printf("%nReuters-21578 PEOPLE and ORGS, every code of the annotated documents (mapped or not): found by the%n");
    out.println("dictionary (its mapped actor named), and with discovery (also a discovered name naming the code: for");
    out.println("PEOPLE the name's last word is the code's and has all its words, for ORGS the name or its initials are");
    out.println("the acronym). prec disc ≥: discovered actors in those documents naming one of their codes, a lower");
    out.println("bound (Reuters codes only the main people and bodies)");
    out.printf("%-8s %9s %6s | %6s %7s | %6s %7s | %9s %7s %11s%n", "codes", "documents", "gold", "dict", "recall",
        "+disc", "recall", "disc acts", "naming", "prec disc ≥");
    for (String c : Evaluation.DISCOVERABLE.keySet()) {
      Evaluation.CodeScore s = r.get(c);
      if (s == null) {
        continue;
      }
      out.printf("%-8s %9d %6d | %6d %7s | %6s %7s | %9s %7s %11s%n", c, s.documents, s.codes, s.codesByDictionary,
          pct(s.codeRecallByDictionary()), s.discovery ? String.valueOf(s.codesWithDiscovery) : "-",
          pct(s.codeRecallWithDiscovery()), s.discovery ? String.valueOf(s.discoveredActors) : "-",
          s.discovery ? String.valueOf(s.discoveredNaming) : "-", pct(s.discoveredPrecisionLowerBound()));
    }
    if (examples > 0) {
      for (String c : Evaluation.DISCOVERABLE.keySet()) {
        Evaluation.CodeScore s = r.get(c);
        if (s != null) {
          out.printf("  %s codes missed: %s%n", c, top(s.codeMisses, examples));
          if (s.discovery) {
            out.printf("  %s discovered, naming no code: %s%n", c, top(s.discoveredUnmatched, examples));
          }
        }
      }
    }
  }

  static String top(Map<String, Integer> m, int n) {
    List<Map.Entry<String, Integer>> l = new ArrayList<>(m.entrySet());
    l.sort((a, b) -> b.getValue() - a.getValue());
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(n, l.size()); i++) {
      b.append(i == 0 ? "" : "; ").append(l.get(i).getKey()).append(" ×").append(l.get(i).getValue());
    }
    return b.length() == 0 ? "none" : b.toString();
  }
}
