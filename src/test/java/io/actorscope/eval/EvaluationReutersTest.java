package io.actorscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.actors.Dictionary;
import io.actorscope.actors.DictionaryLoader;
import io.actorscope.actors.Mention;
import io.actorscope.discover.Discoverer;
import io.actorscope.discover.Lexicon;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reuters PEOPLE and ORGS codes against discovered names: the matching rules and the counts, on hand-made cases. */
class EvaluationReutersTest {
  private static final List<String> OURS = List.of("builtin:countries.yaml", "builtin:igos.yaml",
      "builtin:organisations.yaml", "builtin:people.yaml", "builtin:roles.yaml");

  @Test
  void aPersonCodeIsNamedByANameEndingInItsLastWordAndHoldingAllItsWords() {
    assertTrue(Evaluation.namesPerson("volcker", "Paul Volcker"));
    assertTrue(Evaluation.namesPerson("volcker", "Volcker"));
    assertTrue(Evaluation.namesPerson("james-baker", "James A. Baker"));
    assertTrue(Evaluation.namesPerson("abdel-hadi-kandeel", "Abdel-Hadi Kandeel"));
    assertTrue(Evaluation.namesPerson("chiang-ching-kuo", "Chiang Ching-kuo"));
    assertTrue(Evaluation.namesPerson("aquino", "Corazón Aquino"));   // diacritics folded
    assertFalse(Evaluation.namesPerson("james-baker", "Baker"));      // "james" is missing
    assertFalse(Evaluation.namesPerson("baker", "Baker Hughes"));     // a firm, or another man: the last word differs
    assertFalse(Evaluation.namesPerson("bond", "James Bond Smith"));
    assertFalse(Evaluation.namesPerson("volcker", ""));
  }

  @Test
  void anOrganisationCodeIsNamedByItsAcronymOrTheInitialsOfTheName() {
    assertTrue(Evaluation.namesOrganisation("opec", "OPEC"));
    assertTrue(Evaluation.namesOrganisation("opec", "Organization of Petroleum Exporting Countries"));
    assertTrue(Evaluation.namesOrganisation("gatt", "General Agreement on Tariffs and Trade"));
    assertTrue(Evaluation.namesOrganisation("un", "U.N."));
    assertTrue(Evaluation.namesOrganisation("worldbank", "World Bank"));
    assertTrue(Evaluation.namesOrganisation("ec", "European Community"));
    assertTrue(Evaluation.namesOrganisation("ico-coffee", "International Coffee Organization"));
    assertTrue(Evaluation.namesOrganisation("ico-coffee", "ICO"));
    // the qualifier is not checked: the Asian bank's code is named by the African bank too
    assertTrue(Evaluation.namesOrganisation("adb-asia", "African Development Bank"));
    assertFalse(Evaluation.namesOrganisation("ec", "European Economic Community"));   // EEC
    assertFalse(Evaluation.namesOrganisation("imf", "IMF staff"));
    assertFalse(Evaluation.namesOrganisation("un", ""));
  }

  private static Mention mention(String actorId, String type, String phrase, String surface, boolean discovered) {
    Mention m = new Mention();
    m.setActorId(actorId);
    m.setActorType(type);
    m.setPhrase(phrase);
    m.setSurface(surface);
    m.setResolvedBy(discovered ? Discoverer.DISCOVERED : "dictionary");
    return m;
  }

  @Test
  void peopleCodesFoundByTheDictionaryOrByADiscoveredName() {
    Evaluation.CodeScore s = new Evaluation.CodeScore();
    List<Mention> discovered = List.of(
        mention("~person:paul_volcker", "person", "Paul Volcker", "Paul Volcker", true),
        mention("~person:paul_volcker", "person", "Paul Volcker", "Volcker", true),   // the same actor: one pair
        mention("~person:baker", "person", "Baker", "Mr Baker", true),                // not james-baker
        mention("~person:john_smith", "person", "John Smith", "John Smith", true),    // no code
        // a discovered span the discoverer resolved to a dictionary person: found through the mapping
        mention("CARLO_AZEGLIO_CIAMPI", "person", null, "Ciampi", true),
        mention("~organisation:treasury", "organisation", "Treasury", "Treasury", true));  // not a person
    Evaluation.scoreCodes("PEOPLE", s, new LinkedHashSet<>(List.of("volcker", "james-baker", "chirac", "ciampi")),
        Map.of("chirac", "JACQUES_CHIRAC", "ciampi", "CARLO_AZEGLIO_CIAMPI"), Set.of("JACQUES_CHIRAC"),
        Set.of("JACQUES_CHIRAC", "CARLO_AZEGLIO_CIAMPI", "~person:paul_volcker", "~person:baker", "~person:john_smith"),
        discovered);
    assertEquals(4, s.codes);
    assertEquals(1, s.codesByDictionary);    // chirac
    assertEquals(3, s.codesWithDiscovery);   // chirac, volcker (Paul Volcker), ciampi (the mapped actor)
    assertEquals(Map.of("james-baker", 1), s.codeMisses);
    assertEquals(3, s.discoveredActors);     // paul_volcker, baker, john_smith; Ciampi's id is not provisional
    assertEquals(1, s.discoveredNaming);     // paul_volcker
  }

  @Test
  void orgsCodesFoundByTheDictionaryOrByADiscoveredName() {
    Evaluation.CodeScore s = new Evaluation.CodeScore();
    List<Mention> discovered = List.of(
        mention("~organisation:general_agreement_on_tariffs_and_trade", "organisation",
            "General Agreement on Tariffs and Trade", "General Agreement on Tariffs and Trade", true),
        mention("~organisation:world_bank", "organisation", "World Bank", "World Bank", true),
        mention("~organisation:european_economic_community", "organisation",
            "European Economic Community", "European Economic Community", true),
        mention("~person:gatt", "person", "Gatt", "Gatt", true));   // a person: not an ORGS candidate
    Evaluation.scoreCodes("ORGS", s, new LinkedHashSet<>(List.of("opec", "ec", "worldbank", "gatt")),
        Map.of("opec", "OPEC", "ec", "EU", "worldbank", "WORLD_BANK"), Set.of("OPEC"), Set.of("OPEC"), discovered);
    assertEquals(4, s.codes);
    assertEquals(1, s.codesByDictionary);    // opec
    assertEquals(3, s.codesWithDiscovery);   // opec, gatt, worldbank
    assertEquals(Map.of("ec", 1), s.codeMisses);
    assertEquals(3, s.discoveredActors);
    assertEquals(2, s.discoveredNaming);     // GATT, World Bank; EEC's initials are not "ec"
  }

  private static final String SGML = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
      + "<REUTERS TOPICS=\"YES\" NEWID=\"1\">\n<DATE> 2-MAR-1987 10:00:00.00</DATE>\n"
      + "<PLACES><D>usa</D></PLACES>\n<PEOPLE><D>volcker</D></PEOPLE>\n<ORGS><D>opec</D></ORGS>\n"
      + "<TEXT>\n<TITLE>DOLLAR STEADY</TITLE>\n<BODY>Mr Volcker told reporters that Mr Smith agreed.\n"
      + "OPEC output was steady.\n</BODY></TEXT>\n</REUTERS>\n";

  @Test
  void reutersCountsEveryCodeAndTheDiscoveredPeopleOfTheAnnotatedDocuments(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("reut2-000.sgm"), SGML, StandardCharsets.ISO_8859_1);
    Dictionary d = DictionaryLoader.load(OURS).dictionary;
    Set<String> kinds = Set.of("alias", "role", "metonym", "demonym");
    Discoverer names = new Discoverer(new Lexicon(d));

    Map<String, Evaluation.CodeScore> on = new Evaluation(d, kinds, null, names).reuters(dir);
    Evaluation.CodeScore people = on.get("PEOPLE");
    assertEquals(1, people.documents);
    assertEquals(1, people.codes);
    assertEquals(0, people.codesByDictionary);      // Volcker is not in our people
    assertEquals(1, people.codesWithDiscovery);     // "Mr Volcker": an honorific cue
    assertEquals(2, people.discoveredActors);       // Volcker, Smith
    assertEquals(1, people.discoveredNaming);
    assertEquals(0.5, people.discoveredPrecisionLowerBound());
    Evaluation.CodeScore orgs = on.get("ORGS");
    assertEquals(1, orgs.codes);
    assertEquals(1, orgs.codesByDictionary);        // OPEC is ours
    assertEquals(1, orgs.codesWithDiscovery);
    assertEquals(0, orgs.discoveredActors);

    Evaluation.CodeScore off = new Evaluation(d, kinds).reuters(dir).get("PEOPLE");
    assertEquals(1, off.codes);
    assertEquals(0, off.codesByDictionary);
    assertFalse(off.discovery);
    assertTrue(Double.isNaN(off.codeRecallWithDiscovery()));   // not measured, rather than 0
  }
}
