package io.actorscope.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.testing.Cli;
import io.actorscope.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedule jobs/nightly.yaml and jobs/topics-weekly.yaml set up: a run fits and saves a model;
 * a later run (topics.mode auto, model younger than retrain_days) infers its articles' mixtures with
 * that model and says so in its manifest; once the model is too old, a run fits a new one.
 */
class TopicLifecycleIT {
  static final Path SESSIONS = Path.of("sample/ungdc/TXT");

  @TempDir
  Path dir;

  private JsonNode run(Path out, String session, String glob, String... set) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("run", "--input", SESSIONS.resolve(session).toString(),
        "--format", "text", "--output", out.toString(), "--set", "input.glob=" + glob, "--set", "topics.k=3",
        // the schedule of fits, not their quality: 10 one-sweep burn-in rounds instead of 40
        "--set", "topics.gibbs.iterations=40", "--set", "topics.gibbs.burn_in=10", "--set", "topics.min_documents=5"));
    for (String s : set) {
      args.add("--set");
      args.add(s);
    }
    args.addAll(io.actorscope.testing.Cli.leanWithTopics()); // the schedule is about topics only
    List<Path> before = manifests(out);
    Cli r = Cli.run(args.toArray(new String[0]));
    assertEquals(0, r.exit, r.err);
    Path manifest = manifests(out).stream().filter(p -> !before.contains(p)).findFirst().orElseThrow();
    return new ObjectMapper().readTree(manifest.toFile());
  }

  private static List<Path> manifests(Path out) throws Exception {
    Path runs = out.resolve("_runs");
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(p -> p.toString().endsWith(".json")).toList();
    }
  }

  @Test
  void aLaterRunInfersWithTheLatestModelUntilItIsTooOld() throws Exception {
    Path out = dir.resolve("out");
    // 2020's speeches of countries starting with A: fit and save
    JsonNode fit = run(out, "Session 75 - 2020", "A*.txt", "topics.mode=fit");
    String model = fit.get("topics").get("model_id").asText();
    assertEquals("fit", fit.get("topics").get("used").asText());
    // 2021's: auto, the model is minutes old -> inferred with it
    JsonNode infer = run(out, "Session 76 - 2021", "A[R-Z]*.txt", "topics.mode=auto", "topics.retrain_days=7");
    assertEquals("infer", infer.get("topics").get("used").asText());
    assertEquals(model, infer.get("topics").get("model_id").asText());
    long speeches2021;
    try (Stream<Path> s = Files.list(SESSIONS.resolve("Session 76 - 2021"))) {
      speeches2021 = s.filter(p -> p.getFileName().toString().matches("A[R-Z].*\\.txt")).count();
    }
    try (DuckDb db = new DuckDb(out)) {
      // every 2021 speech has a mixture, from the 2020 model
      assertEquals(speeches2021, db.count("SELECT count(*) FROM " + db.table("doc_topics")
          + " WHERE date = DATE '2021-01-01' AND model_id = '" + model + "'"));
    }
    // retrain_days a millisecond (1.2e-8 days): the saved model, seconds old, is too old -> a new one is fitted
    JsonNode refit = run(out, "Session 77 - 2022", "A[R-Z]*.txt", "topics.mode=auto", "topics.retrain_days=0.000000012");
    assertEquals("fit", refit.get("topics").get("used").asText());
    assertNotEquals(model, refit.get("topics").get("model_id").asText());
  }
}
