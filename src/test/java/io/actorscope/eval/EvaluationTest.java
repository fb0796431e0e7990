package io.actorscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.actorscope.actors.DictionaryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation's definitions on a hand-made gold file (the real gold data in ../shared: EvaluationIT). */
class EvaluationTest {
  private static final List<String> OURS = List.of("builtin:countries.yaml", "builtin:igos.yaml",
      "builtin:organisations.yaml", "builtin:people.yaml", "builtin:roles.yaml");

  private static Evaluation evaluation() {
    return new Evaluation(DictionaryLoader.load(OURS).dictionary, Set.of("alias", "role", "metonym", "demonym"));
  }

  private static String entity(String doc, String text, String value, String type) {
    int b = text.indexOf(value);
    return String.format("{\"_id\":\"%s-%d-%s\",\"documentId\":\"%s\",\"begin\":%d,\"end\":%d,\"type\":\"%s\",\"value\":\"%s\"}",
        doc, b, type, doc, b, b + value.length(), type, value);
  }

  @Test
  void re3dDefinitionsOnAHandMadeDocument(@TempDir Path dir) throws Exception {
    String text = "Russia and NATO met in Geneva. The Russian envoy thanked Bob Smith. Minsk stayed quiet.";
    Path f = Files.createDirectories(dir.resolve("src"));
    Files.writeString(f.resolve("documents.json"), "\uFEFF{\"_id\":\"d1\",\"text\":\"" + text + "\"}\n");
    Files.writeString(f.resolve("entities.json"), String.join("\n",
        entity("d1", text, "Russia", "Organisation"),     // a state acting: Location or Organisation both fit
        entity("d1", text, "NATO", "Organisation"),
        entity("d1", text, "Geneva", "Location"),         // not a phrase of ours: not covered
        entity("d1", text, "Russian envoy", "Person"),    // overlapped by the demonym "Russian": wrong type
        entity("d1", text, "Bob Smith", "Person"),        // not covered
        entity("d1", text, "quiet", "Temporal"),          // not one of the four types: ignored
        entity("d1", text, "NATO", "Organisation")));     // a duplicate line: counted once
    Evaluation.Re3dResult r = evaluation().re3d(dir);
    // ours: Russia (Location), NATO (Organisation), Russian (Nationality), Minsk (Location, metonym)
    Evaluation.TypeScore loc = r.byType.get("Location");
    assertEquals(2, loc.predicted);   // Russia, Minsk
    assertEquals(1, loc.correct);     // Russia hits the Organisation span; Minsk hits nothing
    assertEquals(1, loc.gold);        // Geneva
    assertEquals(0, loc.covered);
    Evaluation.TypeScore org = r.byType.get("Organisation");
    assertEquals(1, org.predicted);
    assertEquals(1, org.correct);
    assertEquals(2, org.gold);        // Russia, NATO
    assertEquals(2, org.covered);
    assertEquals(2, org.found);       // NATO by NATO, Russia by Russia (a country may hit Organisation)
    Evaluation.TypeScore nat = r.byType.get("Nationality");
    assertEquals(1, nat.predicted);
    assertEquals(0, nat.correct);     // "Russian" overlaps only a Person span
    Evaluation.TypeScore per = r.byType.get("Person");
    assertEquals(2, per.gold);
    assertEquals(0, per.covered);     // neither "Russian envoy" nor "Bob Smith" is a phrase of ours
    assertEquals(0, r.misaligned);
  }
}
