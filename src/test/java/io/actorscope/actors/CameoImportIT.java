package io.actorscope.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.testing.SharedSpark;
import io.actorscope.text.TextAnalyzer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The TABARI/PETRARCH reader and the CAMEO import, on the PETRARCH2 dictionaries in ../shared
 * (the grammar on hand-written lines is CameoImportTest, in the fast tier).
 * Every expected count was worked out with grep on the files, not taken from the program; the
 * commands are beside each number.
 */
class CameoImportIT {
  private static final List<String> OURS = List.of("builtin:countries.yaml", "builtin:igos.yaml",
      "builtin:organisations.yaml", "builtin:people.yaml", "builtin:roles.yaml");

  private static CameoReader.Result read(String name) throws IOException {
    Path p = SharedSpark.corpus("petrarch2").resolve(name);
    try (InputStream in = Files.newInputStream(p)) {
      return CameoReader.read(in, name);
    }
  }

  private static CameoReader.Result readText(String text) throws IOException {
    return CameoReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t");
  }

  // For a file F, with the comments removed first (C = grep -v '^#' F | sed 's/#.*//'):
  //   entries:  C | grep -vcE '^\s*($|\+|\[)'
  //   synonyms: C | grep -cE '^\s*\+'
  //   codes:    C | grep -oE '\[[^]]*\]' | wc -l
  //   dated:    C | grep -oE '\[[^]]*\]' | grep -cE '\[\S+\s+\S'
  @Test
  void countriesFileCountsMatchTheFile() throws IOException {
    CameoReader.Result r = read("Phoenix.Countries.actors.txt");
    assertEquals(18390, r.entries.size());
    assertEquals(7527, r.synonyms);
    assertEquals(28389, r.codes);
    assertEquals(26110, r.datedCodes);
    assertEquals(r.datedCodes, r.ranges + r.before + r.after + r.single);
    // grep -oE '\[[^]]*\]' | grep -cE '<' -> 26 ; '>' -> 5272
    assertEquals(26, r.before);
    assertEquals(5272, r.after);
  }

  @Test
  void internationalAndMilNonStateCountsMatchTheFiles() throws IOException {
    CameoReader.Result i = read("Phoenix.International.actors.txt");
    assertEquals(7841, i.entries.size());
    assertEquals(66, i.synonyms);
    assertEquals(7896, i.codes);
    assertEquals(452, i.datedCodes);
    CameoReader.Result m = read("Phoenix.MilNonState.actors.txt");
    assertEquals(1021, m.entries.size());
    assertEquals(772, m.synonyms);
    assertEquals(1021, m.codes);
    assertEquals(1, m.datedCodes);
  }

  @Test
  void agentsFileCountsMatchTheFile() throws IOException {
    // lines with a code: C | grep -c '\['                                   -> 2244
    // lines with a marker: !PERSON! 20 (5 forms each), !MINIST! 326 (4 forms each) -> 1404 forms
    // other lines 1898: with {..} 75, of which {} empty 46 -> 1 form; the rest 2 forms (singular, plural)
    //   (1898 - 75) * 2 + (75 - 46) * 2 + 46 + 1404 = 5154
    CameoReader.Result a = read("Phoenix.agents.txt");
    assertTrue(a.isAgents());
    assertEquals(2244, a.agents.size());
    assertEquals(5154, a.agentForms);
    CameoReader.Agent president = a.agents.stream().filter(x -> x.phrase.equals("PRESIDENT")).findFirst().orElseThrow();
    assertEquals("GOV", president.code); // Phoenix.agents.txt:1141 PRESIDENT [~GOV]
    assertFalse(president.prefix);
    assertEquals(List.of("PRESIDENT", "PRESIDENTS"), president.forms);
    // the one line without a code (ISLAMIC_EXTREMIST) is skipped with a warning
    assertTrue(a.warnings.stream().anyMatch(w -> w.contains("no code")), a.warnings.toString());
  }

  private static List<String> found(DictionaryLoader.Loaded d, String text) {
    io.actorscope.io.Article a = new io.actorscope.io.Article();
    a.setId("a1");
    a.setDate(LocalDate.parse("2021-06-01"));
    a.setText(text);
    return new ActorMatcher(d.dictionary, Set.of("alias", "role", "metonym", "demonym"))
        .match(TextAnalyzer.analyze(a)).stream()
        .map(x -> x.getSurface() + "=" + x.getActorId() + "/" + x.getMatchKind())
        .collect(Collectors.toList());
  }

  @Test
  void loadingDirectlyKeepsOurDictionaryFirst() {
    Path dir = SharedSpark.corpus("petrarch2");
    List<String> refs = new ArrayList<>(OURS);
    for (String f : List.of("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt")) {
      refs.add(DictionaryLoader.CAMEO + dir.resolve(f));
    }
    DictionaryLoader.Loaded both = DictionaryLoader.load(refs);
    DictionaryLoader.Loaded ours = DictionaryLoader.load(OURS);
    assertEquals(4, both.imported.size());
    assertEquals(2244, both.agents.size());
    assertTrue(both.dictionary.actors.size() > ours.dictionary.actors.size() + 10_000);
    assertTrue(both.yieldedPhrases > 0);
    // ours wins: "Kremlin" is our metonym of Russia, CAMEO's own entry KREMLIN [RUSGOV] yields
    // "Minsk" stays our metonym of Belarus; CAMEO's BELARUS entry (current code BLR, shares the name
    // "Belarus") is our BLR and brings the synonym BYELORUSSIA as an alias
    assertEquals(List.of("The Kremlin=RUS/metonym", "Minsk=BLR/metonym", "Byelorussia=BLR/alias", "Hamid Karzai=CAMEO_HAMID_KARZAI/alias"),
        found(both, "The Kremlin and Minsk. Byelorussia. Hamid Karzai spoke."));
    assertEquals("person", both.dictionary.actors.get("CAMEO_HAMID_KARZAI").type);
    assertEquals("AFG", both.dictionary.actors.get("CAMEO_HAMID_KARZAI").country);
    // without CAMEO, only ours
    assertEquals(List.of("The Kremlin=RUS/metonym", "Minsk=BLR/metonym"),
        found(ours, "The Kremlin and Minsk. Byelorussia. Hamid Karzai spoke."));
    // CAMEO capitals are not required: names match with an initial capital, not in lower case
    assertEquals(List.of(), found(both, "hamid karzai"));
    // Countries.actors.txt:43200 BAN_KI_MOON_ [KORGOVBUS 041001-061130]: a closed range marks a person
    assertEquals("person", both.dictionary.actors.get("CAMEO_BAN_KI_MOON").type);
  }

  @Test
  void theImportCommandWritesYamlThatLoadsLikeTheFiles(@org.junit.jupiter.api.io.TempDir Path tmp) {
    Path dir = SharedSpark.corpus("petrarch2");
    Path out = tmp.resolve("cameo.yaml");
    io.actorscope.testing.Cli c = io.actorscope.testing.Cli.run("import-cameo",
        dir.resolve("Phoenix.International.actors.txt").toString(), dir.resolve("Phoenix.agents.txt").toString(),
        "--output", out.toString());
    assertEquals(0, c.exit, c.err);
    assertTrue(c.out.contains("Phoenix.International.actors.txt: 7841 entries, 66 synonyms, 7896 codes (452 dated"), c.out);
    List<String> viaYaml = new ArrayList<>(OURS);
    viaYaml.add(out.toString());
    List<String> direct = new ArrayList<>(OURS);
    direct.add(DictionaryLoader.CAMEO + dir.resolve("Phoenix.International.actors.txt"));
    direct.add(DictionaryLoader.CAMEO + dir.resolve("Phoenix.agents.txt"));
    DictionaryLoader.Loaded a = DictionaryLoader.load(viaYaml);
    DictionaryLoader.Loaded b = DictionaryLoader.load(direct);
    assertEquals(b.dictionary.actors.keySet(), a.dictionary.actors.keySet());
    assertEquals(b.dictionary.phraseCount(), a.dictionary.phraseCount());
    assertEquals(b.yieldedPhrases, a.yieldedPhrases);
    assertEquals(2244, a.agents.size());
    // a missing input file is exit code 3
    assertEquals(3, io.actorscope.testing.Cli.run("import-cameo", tmp.resolve("nope.txt").toString(), "--output",
        tmp.resolve("x.yaml").toString()).exit);
  }

  @Test
  void theJobLoadsCameoFilesDirectly(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Path intl = SharedSpark.corpus("petrarch2").resolve("Phoenix.International.actors.txt");
    SharedSpark.spark();
    Path out = tmp.resolve("out");
    String dicts = "actors.dictionaries=[" + String.join(", ", OURS) + ", cameo:" + intl + "]";
    io.actorscope.testing.Cli c = io.actorscope.testing.Cli.run(io.actorscope.testing.Cli.with(
        io.actorscope.testing.Cli.LEAN, "run", "--input", "sample/seed.jsonl", "--format", "jsonl",
        "--output", out.toString(), "--set", dicts));
    assertEquals(0, c.exit, c.err);
    List<String> refs = new ArrayList<>(OURS);
    refs.add(DictionaryLoader.CAMEO + intl);
    int expected = DictionaryLoader.load(refs).actors.size();
    try (io.actorscope.testing.DuckDb db = new io.actorscope.testing.DuckDb(out)) {
      assertEquals(List.of(Integer.toString(expected)), db.rows("SELECT count(*) FROM " + db.table("actors")));
      // International.actors.txt:34 SECRETARY-GENERAL_BAN_KI-MOON, codes [IGOUNO >20070101] and a closed
      // [KORGOVBUS …-20061201]: the UN's current code, but no name of the UN, so not our UN: a CAMEO person
      assertEquals(List.of("person"), db.rows("SELECT type FROM " + db.table("actors")
          + " WHERE actor_id = 'CAMEO_SECRETARY_GENERAL_BAN_KI_MOON'"));
    }
  }

}
