package io.actorscope.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  private ConfigLoader.Overrides cli(String input, String format, String output, String... sets) {
    ConfigLoader.Overrides o = new ConfigLoader.Overrides();
    o.input = input;
    o.format = format;
    o.output = output;
    o.sets = List.of(sets);
    return o;
  }

  private Path input() throws IOException {
    Path p = dir.resolve("in.jsonl");
    Files.writeString(p, "{}\n");
    return p;
  }

  private ConfigException fails(Path job, ConfigLoader.Overrides o) {
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(job, o));
  }

  @Test
  void defaultsApplyAndSetOverrides() throws IOException {
    JobConfig c = ConfigLoader.load(null, cli(input().toString(), "jsonl", "out", "topics.k=7",
        "actors.match_kinds=[alias, role]", "spark.spark.sql.shuffle.partitions=3"));
    assertEquals(7, c.topics.k);
    assertEquals(List.of("alias", "role"), c.actors.matchKinds);
    assertEquals("3", c.spark.get("spark.sql.shuffle.partitions"));
    assertEquals(1, c.inputs.size());
    assertEquals("jsonl", c.inputs.get(0).format);
    assertEquals("text", c.inputs.get(0).field("text"));
    assertEquals("UTC", c.inputs.get(0).timezone);
  }

  @Test
  void unknownSetKeyIsNamed() throws IOException {
    ConfigException e = fails(null, cli(input().toString(), "jsonl", "out", "topics.kk=3"));
    assertEquals("topics.kk", e.key());
    assertEquals("config error: topics.kk: unknown key", e.getMessage());
  }

  @Test
  void malformedValueNamesTheKey() throws IOException {
    ConfigException e = fails(null, cli(input().toString(), "jsonl", "out", "topics.k=many"));
    assertEquals("topics.k", e.key());
    assertTrue(e.getMessage().startsWith("config error: topics.k: malformed value"), e.getMessage());
  }

  @Test
  void topicAndCooccurrenceSettingsAreCheckedByKey() throws IOException {
    String in = input().toString();
    assertEquals("topics.mode", fails(null, cli(in, "jsonl", "out", "topics.mode=sometimes")).key());
    assertEquals("topics.model", fails(null, cli(in, "jsonl", "out", "topics.model=../other")).key());
    assertEquals("topics.coherence.window_mode", fails(null, cli(in, "jsonl", "out", "topics.coherence.window_mode=fast")).key());
    assertEquals("topics.actor_tokens", fails(null, cli(in, "jsonl", "out", "topics.actor_tokens=ids")).key());
    assertEquals("topics.gibbs.optimize_alpha", fails(null, cli(in, "jsonl", "out", "topics.gibbs.optimize_alpha=true")).key());
    assertEquals("topics.gibbs.alpha_shrinkage", fails(null, cli(in, "jsonl", "out", "topics.gibbs.alpha_shrinkage=1.5")).key());
    assertEquals("topics.gibbs.alpha_shrinkage", fails(null, cli(in, "jsonl", "out", "topics.gibbs.alpha_shrinkage=-0.1")).key());
    assertEquals("topics.stopwords", fails(null, cli(in, "jsonl", "out", "topics.stopwords=[builtin:en, builtin:xx]")).key());
    assertEquals("cooccurrence.graph.scope", fails(null, cli(in, "jsonl", "out", "cooccurrence.graph.scope=window")).key());
    assertEquals("cooccurrence.window_width", fails(null, cli(in, "jsonl", "out", "cooccurrence.window_width=1")).key());
    // one stop-word list or several
    assertEquals(List.of("builtin:en"), ConfigLoader.load(null, cli(in, "jsonl", "out")).topics.stopwords);
    assertEquals(List.of("builtin:en", "builtin:mallet-en"), ConfigLoader.load(null, cli(in, "jsonl", "out",
        "topics.stopwords=[builtin:en, builtin:mallet-en]")).topics.stopwords);
    assertEquals(List.of("builtin:en", "builtin:fr"),
        ConfigLoader.load(null, cli(in, "jsonl", "out", "topics.stopwords=[builtin:en, builtin:fr]")).topics.stopwords);
  }

  /** Each stage binds its own section (its Settings); the loader reaches every one before Spark starts. */
  @Test
  void everyStageChecksItsOwnSectionThroughTheLoader() throws IOException {
    String in = input().toString();
    Map<String, String> bad = new java.util.LinkedHashMap<>();
    bad.put("ingest.snippet_chars=-1", "ingest.snippet_chars");
    bad.put("near_duplicates.threshold=0", "near_duplicates.threshold");
    bad.put("near_duplicates.count=each", "near_duplicates.count");
    bad.put("language.detect=[xml]", "language.detect");
    bad.put("language.analyze=[EN]", "language.analyze");
    bad.put("text.min_term_length=0", "text.min_term_length");
    bad.put("actors.dictionaries=[]", "actors.dictionaries");
    bad.put("actors.unmatched_names.limit=0", "actors.unmatched_names.limit");
    bad.put("discover.min_mentions=0", "discover.min_mentions");
    bad.put("cooccurrence.scopes=[paragraph]", "cooccurrence.scopes");
    bad.put("cooccurrence.partners.k=0", "cooccurrence.partners.k");
    bad.put("cooccurrence.graph.max_p=1.5", "cooccurrence.graph.max_p");
    bad.put("nightly.rolling_days=[7, 7]", "nightly.rolling_days");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      assertEquals(e.getValue(), fails(null, cli(in, "jsonl", "out", e.getKey())).key(), e.getKey());
    }
  }

  /** An option only one format reads is checked for inputs of that format, not for the others. */
  @Test
  void aFormatChecksTheOptionsItReads() throws IOException {
    String in = input().toString();
    assertEquals("inputs[0].warc_min_text_chars",
        fails(null, cli(in, "warc", "out", "input.warc_min_text_chars=-1")).key());
    assertEquals(-1, ConfigLoader.load(null, cli(in, "jsonl", "out", "input.warc_min_text_chars=-1"))
        .inputs.get(0).warcMinTextChars);
    assertEquals(List.of("jsonl", "text", "parquet", "csv", "warc"),
        List.copyOf(io.actorscope.io.ArticleSource.FORMATS.keySet()));
  }

  @Test
  void outOfRangeValueNamesTheKey() throws IOException {
    assertEquals("topics.k", fails(null, cli(input().toString(), "jsonl", "out", "topics.k=1")).key());
    assertEquals("actors.match_kinds",
        fails(null, cli(input().toString(), "jsonl", "out", "actors.match_kinds=[alias, guess]")).key());
    assertEquals("inputs[0].format", fails(null, cli(input().toString(), "xml", "out")).key());
    assertEquals("inputs[0].timezone",
        fails(null, cli(input().toString(), "jsonl", "out", "input.timezone=Mars/Base")).key());
  }

  @Test
  void unknownKeysInAJobSpecAreNamedWithTheirPath() throws IOException {
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, "run:\n  output: out\ntopics:\n  k: 5\n  alpha: 0.1\n");
    assertEquals("topics.alpha", fails(job, cli(input().toString(), null, null)).key());
    Files.writeString(job, "run: {output: out}\ninputs:\n  - {path: " + input() + ", fromat: jsonl}\n");
    assertEquals("inputs[0].fromat", fails(job, null).key());
  }

  @Test
  void missingInputIsFlaggedAsSuch() {
    ConfigException e = fails(null, cli(dir.resolve("nope.jsonl").toString(), "jsonl", "out"));
    assertEquals("inputs[0].path", e.key());
    assertTrue(e.isMissingInput());
    assertTrue(e.getMessage().contains("nope.jsonl"));
  }

  @Test
  void missingOutputAndJobFileAreNamed() throws IOException {
    assertEquals("run.output", fails(null, cli(input().toString(), "jsonl", null)).key());
    assertEquals(dir.resolve("none.yaml").toString(), fails(dir.resolve("none.yaml"), null).key());
  }

  @Test
  void jobSpecInputsMergeOverInputDefaults() throws IOException {
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, "run: {output: out}\ninput: {timezone: Europe/Moscow}\n"
        + "inputs:\n  - {path: " + input() + "}\n  - {path: " + dir + ", format: text, glob: '*.md'}\n");
    JobConfig c = ConfigLoader.load(job, null);
    assertEquals("Europe/Moscow", c.inputs.get(0).timezone);
    assertEquals("jsonl", c.inputs.get(0).format);
    assertEquals("text", c.inputs.get(1).format);
    assertEquals("*.md", c.inputs.get(1).glob);
    assertEquals("Europe/Moscow", c.inputs.get(1).timezone);
  }

  @Test
  void badPathPatternGroupIsNamed() throws IOException {
    ConfigException e = fails(null, cli(dir.toString(), "text", "out", "input.path_pattern=(?<country>[A-Z]+)"));
    assertEquals("inputs[0].path_pattern", e.key());
  }

  @Test
  void everyBundledJobSpecLoads() throws IOException {
    int loaded = 0;
    try (var specs = Files.list(Path.of("jobs"))) {
      for (Path spec : (Iterable<Path>) specs.filter(p -> p.toString().endsWith(".yaml"))::iterator) {
        JobConfig c = ConfigLoader.load(withSharedInputsPresent(spec), null);
        assertTrue(!c.inputs.isEmpty(), spec + " has inputs");
        loaded++;
      }
    }
    assertTrue(loaded >= 5, "job specs: " + loaded);
  }

  /**
   * {@code spec} itself, or, when it reads ../shared and ../shared is absent (a user's clone), a copy
   * beside it whose ../shared inputs are an empty folder: every other key is still checked, and so
   * is every input outside ../shared.
   */
  private Path withSharedInputsPresent(Path spec) throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper yaml =
        new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    com.fasterxml.jackson.databind.JsonNode tree = yaml.readTree(spec.toFile());
    boolean replaced = false;
    for (com.fasterxml.jackson.databind.JsonNode in : tree.path("inputs")) {
      String path = in.path("path").asText();
      if (path.startsWith("../shared/") && !Files.exists(Path.of(path))) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) in).put("path",
            Files.createDirectories(dir.resolve("stand-in-" + spec.getFileName())).toString());
        replaced = true;
      }
    }
    if (!replaced) {
      return spec;
    }
    // the spec's own input is missing, and loading it says so by name with the missing-input exit
    ConfigException e = fails(spec, null);
    assertTrue(e.isMissingInput() && e.getMessage().contains("../shared/"), e.getMessage());
    Path copy = dir.resolve(spec.getFileName());
    yaml.writeValue(copy.toFile(), tree);
    return copy;
  }

  @Test
  void nightlyKeysAreCheckedBeforeSparkStarts() throws IOException {
    String in = input().toString();
    assertEquals("config error: nightly.date: '2025-02-30' is not a day (YYYY-MM-DD)",
        fails(null, cli(in, "jsonl", "out", "nightly.date=2025-02-30")).getMessage());
    assertEquals("config error: nightly.from: a range needs both --from and --to",
        fails(null, cli(in, "jsonl", "out", "nightly.to=2025-01-01")).getMessage());
    assertEquals("config error: nightly.to: 2025-01-01 is before nightly.from 2025-01-05",
        fails(null, cli(in, "jsonl", "out", "nightly.from=2025-01-05", "nightly.to=2025-01-01")).getMessage());
    assertEquals("config error: nightly.date: give either a date or a range (--from/--to), not both",
        fails(null, cli(in, "jsonl", "out", "nightly.date=2025-01-05", "nightly.from=2025-01-01",
            "nightly.to=2025-01-09")).getMessage());
    assertEquals("config error: nightly.layout: must contain {date} once, e.g. dt={date}",
        fails(null, cli(in, "jsonl", "out", "nightly.layout=day")).getMessage());
    assertEquals("config error: nightly.backfill: unknown mode 'weekly' (one of day_by_day, one_pass)",
        fails(null, cli(in, "jsonl", "out", "nightly.backfill=weekly")).getMessage());
    assertEquals("config error: nightly.rolling_days: each window must be 2 to 366 days, got 1",
        fails(null, cli(in, "jsonl", "out", "nightly.rolling_days=[1, 7]")).getMessage());
    JobConfig ok = ConfigLoader.load(null, cli(in, "jsonl", "out", "nightly.from=2024-02-27", "nightly.to=2024-03-01"));
    assertEquals(4, ok.nightly.dates().size()); // 27, 28, 29 (leap year), 1 March
    assertEquals("dt=2024-02-29", ok.nightly.folder(ok.nightly.dates().get(2)));
  }

  @Test
  void warcLanguageAndNearDuplicateKeysAreChecked() throws IOException {
    String in = input().toString();
    JobConfig c = ConfigLoader.load(null, cli(in, "warc", "out"));
    assertEquals("warc", c.inputs.get(0).format);
    // language.detect defaults to [warc]: a warc input is detected, a jsonl one is not
    assertTrue(c.inputs.get(0).detectLanguage);
    assertTrue(!ConfigLoader.load(null, cli(in, "jsonl", "out")).inputs.get(0).detectLanguage);
    assertEquals(List.of("en"), c.language.analyze);
    assertEquals("story", c.nearDuplicates.count);
    assertEquals("near_duplicates.count",
        fails(null, cli(in, "warc", "out", "near_duplicates.count=twice")).key());
    assertEquals("near_duplicates.threshold",
        fails(null, cli(in, "warc", "out", "near_duplicates.threshold=1.5")).key());
    assertEquals("language.analyze", fails(null, cli(in, "warc", "out", "language.analyze=[English]")).key());
    assertEquals("language.detect", fails(null, cli(in, "warc", "out", "language.detect=[html]")).key());
    assertEquals("inputs[0].warc_min_text_chars",
        fails(null, cli(in, "warc", "out", "input.warc_min_text_chars=-1")).key());
  }
}
