package io.actorscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.actorscope.testing.Cli;
import io.actorscope.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's seed: the 2021 NATO/Russia article must come out right. */
class SeedArticleTest {
  static final Path SEED = Path.of("sample/seed.jsonl");

  @TempDir
  Path dir;

  private Path seedDated(String date) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode line = (ObjectNode) json.readTree(Files.readString(SEED));
    line.put("published", date);
    Path p = dir.resolve("seed-" + date + ".jsonl");
    Files.writeString(p, json.writeValueAsString(line) + "\n");
    return p;
  }

  private List<String> mentions(Path input, String name) throws Exception {
    Path out = dir.resolve(name);
    // mentions only: the stages after actors are cut (Cli.LEAN)
    Cli r = Cli.run(Cli.with(Cli.LEAN, "run", "--input", input.toString(), "--format", "jsonl", "--output", out.toString()));
    assertEquals(0, r.exit, r.err);
    try (DuckDb db = new DuckDb(out)) {
      // every surface is exactly the text between its offsets (code points, as DuckDB counts them)
      assertEquals(0, db.count("SELECT count(*) FROM " + db.table("mentions") + " m JOIN " + db.table("articles")
          + " a ON m.article_id = a.id WHERE substring(a.text, m.start + 1, m.\"end\" - m.start) <> m.surface"));
      return db.rows("SELECT actor_id, surface FROM " + db.table("mentions") + " ORDER BY start");
    }
  }

  @Test
  void seedResolvesItsActorsOnItsDate() throws Exception {
    List<String> rows = mentions(seedDated("2021-06-01"), "out2021");
    Set<String> found = new HashSet<>(rows);
    // worked out by reading the article: who is named where, and who held each office on 2021-06-01
    List<String> expected = List.of(
        "NATO|NATO", "NATO|the Alliance", "NATO|the North Atlantic Alliance",
        "RUS|Russia", "RUS|Moscow",
        "NATO_RUSSIA_COUNCIL|the NATO Russia Council",
        "JENS_STOLTENBERG|NATO Secretary General", "JENS_STOLTENBERG|NATO Secretary General Jens Stoltenberg",
        // Geoană, misspelt twice: bound by his office, then a near spelling of the bound name
        "MIRCEA_GEOANA|NATO Deputy Secretary General Mircea Joan", "MIRCEA_GEOANA|Joanet",
        "DOMINIC_RAAB|British Foreign Secretary Dominic Raab", "DOMINIC_RAAB|British Foreign Secretary",
        "DOMINIC_RAAB|Raab",
        "SERGEI_LAVROV|Russian Foreign Minister Sergei Lavrov", "SERGEI_LAVROV|head of the Foreign Ministry",
        "SERGEI_LAVROV|Lavrov",
        "GBR|British", "UKR|Ukraine", "CZE|Czech", "USA|U.S.", "BLR|Minsk", "RYANAIR|Ryanair");
    for (String e : expected) {
      assertTrue(found.contains(e), "missing " + e + " in " + found);
    }
    // the 13 actors and nobody else
    Set<String> actors = new java.util.TreeSet<>();
    rows.forEach(r -> actors.add(r.substring(0, r.indexOf('|'))));
    assertEquals(new java.util.TreeSet<>(List.of("NATO", "RUS", "NATO_RUSSIA_COUNCIL", "JENS_STOLTENBERG", "MIRCEA_GEOANA",
        "DOMINIC_RAAB", "SERGEI_LAVROV", "GBR", "UKR", "CZE", "USA", "BLR", "RYANAIR")), actors);
    // Joanet twice, Raab twice alone, Lavrov three times alone
    assertEquals(2, rows.stream().filter("MIRCEA_GEOANA|Joanet"::equals).count());
    assertEquals(2, rows.stream().filter("DOMINIC_RAAB|Raab"::equals).count());
    assertEquals(3, rows.stream().filter("SERGEI_LAVROV|Lavrov"::equals).count());
  }

  @Test
  void secretaryGeneralIsRutteIn2025() throws Exception {
    List<String> rows = mentions(seedDated("2025-06-01"), "out2025");
    assertTrue(rows.contains("MARK_RUTTE|NATO Secretary General"), rows.toString());
    assertTrue(!rows.contains("JENS_STOLTENBERG|NATO Secretary General"), rows.toString());
    // named in full, Stoltenberg is still Stoltenberg, also right after the office he no longer holds
    assertTrue(rows.contains("JENS_STOLTENBERG|NATO Secretary General Jens Stoltenberg"), rows.toString());
    // in 2025 the deputy is someone else: "Mircea Joan" is not her, the office stays on NATO
    assertTrue(rows.contains("NATO|NATO Deputy Secretary General"), rows.toString());
    assertTrue(rows.stream().noneMatch(r -> r.startsWith("MIRCEA_GEOANA|")), rows.toString());
  }
}
