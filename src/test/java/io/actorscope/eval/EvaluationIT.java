package io.actorscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.actors.DictionaryLoader;
import io.actorscope.testing.Cli;
import io.actorscope.testing.SharedSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation on the real gold data in ../shared (its definitions on a hand-made file: EvaluationTest). */
class EvaluationIT {
  private static final List<String> OURS = List.of("builtin:countries.yaml", "builtin:igos.yaml",
      "builtin:organisations.yaml", "builtin:people.yaml", "builtin:roles.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Evaluation evaluation() {
    return new Evaluation(DictionaryLoader.load(OURS).dictionary, Set.of("alias", "role", "metonym", "demonym"));
  }


  @Test
  void re3dDevGoldCountsAndCoverage() throws Exception {
    Path dir = SharedSpark.corpus("re3d-dev");
    // gold spans per type, de-duplicated on (document, begin, end, type), read here from entities.json
    Map<String, Set<String>> spans = new HashMap<>();
    Map<String, Set<String>> values = new HashMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path folder : s.filter(p -> Files.exists(p.resolve("entities.json"))).toList()) {
        for (String line : Files.readAllLines(folder.resolve("entities.json"), StandardCharsets.UTF_8)) {
          JsonNode e = JSON.readTree(line.replace("\uFEFF", ""));
          String type = e.get("type").asText();
          spans.computeIfAbsent(type, k -> new HashSet<>())
              .add(e.get("documentId").asText() + "|" + e.get("begin") + "|" + e.get("end"));
          values.computeIfAbsent(type, k -> new HashSet<>()).add(e.get("value").asText());
        }
      }
    }
    Evaluation.Re3dResult r = evaluation().re3d(dir);
    assertEquals(45, r.documents); // wc -l */documents.json: 4 + 2 + 26 + 13
    for (String t : Evaluation.RE3D_TYPES) {
      Evaluation.TypeScore s = r.byType.get(t);
      assertEquals(spans.get(t).size(), s.gold, t);
      assertTrue(s.correct <= s.predicted && s.found <= s.covered && s.covered <= s.gold && s.found <= s.foundAll, t);
    }
    // every gold Location or Nationality written exactly as one of our country names is covered
    // (a lower bound worked out from the YAML, not from the trie)
    assertTrue(values.get("Location").containsAll(Set.of("Syria", "Iraq", "Russia")));
    assertTrue(r.byType.get("Location").covered >= 3);
    assertTrue(values.get("Nationality").contains("Syrian"));
    assertTrue(r.byType.get("Nationality").covered >= 1);
  }

  @Test
  void seedArticleResolvesItsThirteenActors() throws Exception {
    Path seed = SharedSpark.corpus("seed").resolve("000_74c2b73519e193b9.txt");
    Evaluation.SeedResult s = evaluation().seed(seed, LocalDate.parse("2021-06-01"));
    // the 13 actors issue 3 lists for the seed article
    assertEquals(Set.of("NATO", "RUS", "NATO_RUSSIA_COUNCIL", "JENS_STOLTENBERG", "MIRCEA_GEOANA", "DOMINIC_RAAB",
        "SERGEI_LAVROV", "GBR", "UKR", "CZE", "USA", "BLR", "RYANAIR"), s.expected.keySet());
    assertEquals(List.of(), s.missing);
    assertTrue(s.mentions.stream().anyMatch(m -> m.getActorId().equals("GBR") && m.getSurface().equals("British")));
    assertTrue(s.mentions.stream().anyMatch(m -> m.getActorId().equals("BLR") && m.getSurface().equals("Minsk")));
  }

  @Test
  void reutersDocumentsAndGoldPairsCountedIndependently() throws Exception {
    Path dir = SharedSpark.corpus("reuters21578");
    Map<String, Map<String, String>> table = Evaluation.reutersCodes();
    int places = 0;
    int goldPairs = 0;
    Pattern d = Pattern.compile("<D>([^<]*)</D>");
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".sgm")).toList()) {
        for (String doc : new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).split("</REUTERS>")) {
          int a = doc.indexOf("<PLACES>");
          if (a < 0 || !(doc.contains("<TITLE>") || doc.contains("<BODY>"))) {
            continue;
          }
          String inner = doc.substring(a, doc.indexOf("</PLACES>", a));
          Set<String> ids = new HashSet<>();
          Matcher m = d.matcher(inner);
          while (m.find()) {
            String id = table.get("PLACES").get(m.group(1));
            if (id != null) {
              ids.add(id);
            }
          }
          if (inner.contains("<D>")) {
            places++;
            goldPairs += ids.size();
          }
        }
      }
    }
    Evaluation.CodeScore s = evaluation().reuters(dir).get("PLACES");
    assertEquals(places, s.documents);
    assertEquals(goldPairs, s.gold);
    assertTrue(s.correct == s.found && s.correct <= s.predicted);
  }

  @Test
  void evaluateCommandPrintsTheTable(@TempDir Path tmp) {
    Path seed = SharedSpark.corpus("seed").resolve("000_74c2b73519e193b9.txt");
    Cli c = Cli.run("evaluate", "--seed", seed.toString(), "--re3d", SharedSpark.corpus("re3d-dev").toString());
    assertEquals(0, c.exit, c.err);
    assertTrue(c.out.contains("seed article (2021-06-01): 13/13 expected actors found"), c.out);
    assertTrue(c.out.contains("Nationality"), c.out);
    assertEquals(3, Cli.run("evaluate", "--seed", tmp.resolve("none.txt").toString()).exit);
  }
}
