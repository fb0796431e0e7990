package io.actorscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.config.ConfigLoader;
import io.actorscope.config.InputConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.testing.SharedSpark;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers on the real corpora in ../shared, quirks included (skipped when ../shared is absent). */
class SharedCorporaIT {
  @TempDir
  Path dir;

  private static InputConfig input(Path path, String format, String... sets) {
    ConfigLoader.Overrides o = new ConfigLoader.Overrides();
    o.input = path.toString();
    o.format = format;
    o.output = "unused";
    o.sets = List.of(sets);
    return ConfigLoader.load(null, o).inputs.get(0);
  }

  private static Ingest.Result ingest(InputConfig in) {
    return Ingest.run(SharedSpark.spark(), List.of(in), true, 80);
  }

  @Test
  void ungdcTenSessionsReadWhole() throws Exception {
    Path txt = SharedSpark.corpus("ungdc").resolve("TXT");
    long files;
    try (Stream<Path> s = Files.walk(txt)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).count();
    }
    Ingest.Result r = ingest(input(txt, "text"));
    assertEquals(files, r.counts.read);
    assertEquals(files, r.counts.accepted + r.counts.duplicates);
    assertEquals(0, r.counts.quarantined);
    // every speech is dated by its session's year and attributed to its country code
    assertEquals(0, r.articles.filter("source IS NULL OR date IS NULL OR datePrecision <> 'year'").count());
    assertEquals(10, r.articles.select("date").distinct().count());
  }

  @Test
  void ungdcByteOrderMarksFromThePublishersArchiveAreStripped() throws Exception {
    Path archive = SharedSpark.corpus("ungdc").resolve("UNGDC_1946-2024.tar.gz");
    Path root = dir.resolve("TXT");
    int files = 0;
    int boms = 0;
    // Sessions 15 and 16 (1960-61): the first has no byte-order marks, most of the second has one.
    try (InputStream in = Files.newInputStream(archive);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (!e.isFile() || !(e.getName().contains("/Session 15 - ") || e.getName().contains("/Session 16 - "))) {
          continue;
        }
        byte[] bytes = tar.readAllBytes();
        Path target = root.resolve(e.getName().substring("TXT/".length()));
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        files++;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
          boms++;
        }
      }
    }
    assertTrue(boms > 0 && boms < files, boms + " of " + files);
    Ingest.Result r = ingest(input(root, "text"));
    assertEquals(files, r.counts.read);
    assertEquals(boms, r.counts.bomsStripped);
    assertEquals(0, r.articles.filter("substring(text, 1, 1) = '\uFEFF'").count());
  }

  @Test
  void bbcInvalidByteIsReplacedAndCounted() throws Exception {
    Path sport = SharedSpark.corpus("bbc").resolve("sport");
    // bbc/sport/199.txt holds one byte that is not UTF-8 (0xA3, a Latin-1 pound sign) after 257 ASCII bytes
    byte[] raw = Files.readAllBytes(sport.resolve("199.txt"));
    assertEquals(0xA3, raw[257] & 0xFF);
    Ingest.Result r = ingest(input(sport, "text", "input.require_date=false", "input.title_from_first_line=true",
        "input.path_pattern=(?<id>\\d+)\\.txt$", "input.source=bbc-sport"));
    long files;
    try (Stream<Path> s = Files.list(sport)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).count();
    }
    assertEquals(files, r.counts.read);
    Map<String, Article> byId = new java.util.HashMap<>();
    r.articles.collectAsList().forEach(a -> byId.put(a.getId(), a));
    Article a = byId.get("199");
    assertEquals(1, a.getInvalidBytes());
    assertEquals('\uFFFD', a.getText().charAt(257));
    assertEquals(257, a.getText().lastIndexOf('\uFFFD'));
    assertEquals("Chelsea sack Mutu", a.getTitle());
    assertEquals("bbc-sport", a.getSource());
    assertTrue(r.counts.invalidBytes >= 1);
  }

  @Test
  void re3dJsonLinesWithByteOrderMarkAndOtherFieldNames() throws Exception {
    Path docs = SharedSpark.corpus("re3d-dev").resolve("UK Government").resolve("documents.json");
    long lines = Files.readAllLines(docs).stream().filter(l -> !l.isBlank()).count();
    Ingest.Result r = ingest(input(docs, "jsonl", "input.fields.id=_id", "input.fields.source=sourceName",
        "input.fields.url=sourceUrl", "input.require_date=false"));
    assertEquals(lines, r.counts.read);
    assertEquals(0, r.counts.quarantined, r.counts.quarantinedByReason.toString());
    assertFalse(r.articles.first().getText().isEmpty());
    assertEquals("UK Government", r.articles.first().getSource());
  }

  @Test
  void bundledSeedIsTheSharedArticleUnchanged() throws Exception {
    Path shared = SharedSpark.corpus("seed").resolve("000_74c2b73519e193b9.txt");
    String text = new ObjectMapper().readTree(Files.readString(Path.of("sample/seed.jsonl"))).get("text").asText();
    assertEquals(Files.readString(shared), text);
  }
}
