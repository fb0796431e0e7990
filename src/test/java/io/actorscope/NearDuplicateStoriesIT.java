package io.actorscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.io.NearDuplicates;
import io.actorscope.testing.Cli;
import io.actorscope.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two syndicated copies of one wire story: one story id, counted once when so configured. */
class NearDuplicateStoriesIT {
  private static final String STORY = "NATO foreign ministers met in Brussels on Tuesday to discuss the security situation"
      + " on the alliance's eastern flank, after Russia moved additional troops and armour close to the border with"
      + " Ukraine. Diplomats said the ministers agreed to keep channels of communication open with Moscow while"
      + " strengthening their defensive posture, and that a further meeting was planned for the spring.";
  // The same wire story as a second outlet ran it: its own dateline and sign-off.
  private static final String COPY = "BRUSSELS (Wire) - " + STORY + " Reporting by the wire desk team.";
  private static final String OTHER = "NATO announced a new exercise in the Baltic Sea involving ships from twelve member"
      + " states, to be held over two weeks in June with the participation of Finland and Sweden.";

  @TempDir
  Path dir;

  private Path input() throws Exception {
    ObjectMapper json = new ObjectMapper();
    StringBuilder b = new StringBuilder();
    String[][] rows = {{"a1", STORY}, {"a2", COPY}, {"b1", OTHER}};
    for (String[] r : rows) {
      b.append(json.writeValueAsString(java.util.Map.of("id", r[0], "source", "wire", "published", "2024-03-05",
          "text", r[1]))).append('\n');
    }
    Path p = dir.resolve("wire.jsonl");
    Files.writeString(p, b.toString());
    return p;
  }

  @Test
  void shinglesOfTheCopyOverlapTheStoryAboveTheThreshold() {
    Set<String> a = Set.copyOf(NearDuplicates.shingles(STORY, 3));
    Set<String> b = Set.copyOf(NearDuplicates.shingles(COPY, 3));
    long common = a.stream().filter(b::contains).count();
    double jaccard = common / (double) (a.size() + b.size() - common);
    // 60 words (alliance's is two) -> 58 shingles; the copy adds 2 words before and 6 after: 8 new
    // shingles, none lost: 58 / 66, above the default threshold 0.8
    assertEquals(58, a.size());
    assertEquals(66, b.size());
    assertEquals(58.0 / 66.0, jaccard, 1e-9);
  }

  private long natoArticles(Path out) throws Exception {
    try (DuckDb db = new DuckDb(out)) {
      return db.count("SELECT sum(articles) FROM " + db.table("actor_counts") + " WHERE actor_id = 'NATO'");
    }
  }

  @Test
  void aStoryCountsOnceWhenSoConfiguredAndEveryCopyOtherwise() throws Exception {
    Path in = input();
    Path once = dir.resolve("once");
    // the stages after counts cut short (Cli.LEAN): the story id and the counts are what is checked
    List<String> lean = Cli.leanExcept("near_duplicates.enabled");
    Cli r = Cli.run(Cli.with(lean, "run", "--input", in.toString(), "--format", "jsonl", "--output", once.toString(),
        "--set", "near_duplicates.count=story"));
    assertEquals(0, r.exit, r.err);
    try (DuckDb db = new DuckDb(once)) {
      List<String> stories = db.rows("SELECT id, story_id FROM " + db.table("articles") + " ORDER BY id");
      assertEquals(List.of("a1|a1", "a2|a1", "b1|b1"), stories.stream().map(s -> s.replace(", ", "|")).toList(),
          "rows: " + stories);
      // mentions are kept for every copy
      assertEquals(3, db.count("SELECT count(DISTINCT article_id) FROM " + db.table("mentions") + " WHERE actor_id = 'NATO'"));
    }
    // the story once (a1 with its copy a2) plus b1
    assertEquals(2, natoArticles(once));
    JsonNode m = manifest(once);
    assertEquals("story", m.get("counted_per").asText());
    assertEquals(1, m.get("counts").get("near_duplicate_copies").asLong());

    Path every = dir.resolve("every");
    r = Cli.run(Cli.with(lean, "run", "--input", in.toString(), "--format", "jsonl", "--output", every.toString(),
        "--set", "near_duplicates.count=copy"));
    assertEquals(0, r.exit, r.err);
    assertEquals(3, natoArticles(every));
    assertEquals("copy", manifest(every).get("counted_per").asText());
  }

  private static JsonNode manifest(Path out) throws Exception {
    try (var s = Files.list(out.resolve("_runs"))) {
      Path p = s.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
      return new ObjectMapper().readTree(p.toFile());
    }
  }
}
