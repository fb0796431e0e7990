package io.actorscope.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.actors.DictionaryLoader;
import io.actorscope.actors.DictionaryModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** suggest's YAML loads with DictionaryLoader beside the bundled dictionaries and says what it should. */
class SuggestionsTest {
  static final List<String> BUILTIN = List.of("builtin:countries.yaml", "builtin:igos.yaml",
      "builtin:organisations.yaml", "builtin:people.yaml", "builtin:roles.yaml");

  static DiscoveredActor actor(int rank, String id, String type, String name, String country, long mentions) {
    DiscoveredActor a = new DiscoveredActor();
    a.setRank(rank);
    a.setActorId(id);
    a.setType(type);
    a.setName(name);
    a.setCountry(country);
    a.setCountryMentions(country == null ? 0 : 2);
    a.setMentions(mentions);
    a.setArticles(2);
    a.setFirstDate(LocalDate.of(2019, 9, 24));
    a.setLastDate(LocalDate.of(2020, 9, 22));
    a.setTitles(List.of("President of the General Assembly"));
    a.setForms(List.of(name, "Mr \"Lajčák\""));
    a.setCues(List.of("title×3"));
    return a;
  }

  @Test
  void writesLoadableEntriesWithEvidence(@TempDir Path dir) throws Exception {
    List<DiscoveredActor> rows = List.of(
        actor(1, "~person:miroslav_lajcak", "person", "Miroslav Lajčák", "SVK", 9),
        actor(2, "~place:hibhib", "place", "Hibhib", null, 8), // no place type in the dictionary
        actor(3, "~person:jens_stoltenberg", "person", "Jens Stoltenberg", "NOR", 7), // already known
        actor(4, "~organisation:syrian_computer_society", "organisation", "Syrian Computer Society", "SYR", 6),
        actor(5, "~person:x", "person", "السومرية نيوز", null, 5), // no [A-Z0-9_]+ id
        actor(6, "~person:brett_mcgurk", "person", "Brett McGurk", null, 4));
    DictionaryLoader.Loaded builtin = DictionaryLoader.load(BUILTIN);
    String yaml = Suggestions.yaml(rows, builtin.dictionary, "out/test", 2);
    Path file = dir.resolve("suggested.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    List<String> refs = new ArrayList<>(BUILTIN);
    refs.add(file.toString());
    DictionaryLoader.Loaded loaded = DictionaryLoader.load(refs);
    assertEquals(builtin.actors.size() + 2, loaded.actors.size(), "--top 2: Lajčák and the Society");
    DictionaryModel.ActorDef lajcak = find(loaded, "MIROSLAV_LAJCAK");
    assertEquals("person", lajcak.type);
    assertEquals("Miroslav Lajčák", lajcak.name);
    assertEquals("SVK", lajcak.country);
    DictionaryModel.ActorDef society = find(loaded, "SYRIAN_COMPUTER_SOCIETY");
    assertEquals("organisation", society.type);
    assertEquals("SYR", society.country);
    assertTrue(yaml.contains("  # rank 1: 9 mentions in 2 articles, 2019-09-24 to 2020-09-22; discovered as ~person:miroslav_lajcak\n"));
    assertTrue(yaml.contains("  # titles: President of the General Assembly\n"));
    assertTrue(!yaml.contains("HIBHIB") && !yaml.contains("JENS_STOLTENBERG") && !yaml.contains("BRETT_MCGURK"));
  }

  @Test
  void nothingToSuggestIsStillADictionary(@TempDir Path dir) throws Exception {
    String yaml = Suggestions.yaml(List.of(), DictionaryLoader.load(BUILTIN).dictionary, "out/test", 50);
    Path file = dir.resolve("suggested.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    List<String> refs = new ArrayList<>(BUILTIN);
    refs.add(file.toString());
    assertEquals(DictionaryLoader.load(BUILTIN).actors.size(), DictionaryLoader.load(refs).actors.size());
  }

  static DictionaryModel.ActorDef find(DictionaryLoader.Loaded l, String id) {
    return l.actors.stream().filter(a -> a.id.equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
  }
}
