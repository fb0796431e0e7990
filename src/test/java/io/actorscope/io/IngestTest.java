package io.actorscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.config.ConfigLoader;
import io.actorscope.config.InputConfig;
import io.actorscope.config.JobConfig;
import io.actorscope.testing.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestTest {
  static final String GOOD_1 = IngestTestData.GOOD_1;
  static final String BAD_DATE = IngestTestData.BAD_DATE;
  static final String NO_DATE = IngestTestData.NO_DATE;

  static byte[] garbage() {
    return IngestTestData.garbage();
  }

  @TempDir
  Path dir;

  static InputConfig input(Path path, String format) {
    ConfigLoader.Overrides o = new ConfigLoader.Overrides();
    o.input = path.toString();
    o.format = format;
    o.output = "unused";
    JobConfig c = ConfigLoader.load(null, o);
    return c.inputs.get(0);
  }

  private Ingest.Result ingest(Path path, String format) {
    SparkSession spark = SharedSpark.spark();
    return Ingest.run(spark, List.of(input(path, format)), true, 80);
  }

  @Test
  void mixedJsonLinesAreQuarantinedWithSpecificReasonsAndCountsReconcile() throws IOException {
    Path f = dir.resolve("mixed.jsonl");
    Files.write(f, IngestTestData.mixedFile());
    Ingest.Result r = ingest(f, "jsonl");

    // 11 records: the blank line is a separator, not a record
    assertEquals(11, r.counts.read);
    assertEquals(3, r.counts.accepted); // a1, a2, a4
    assertEquals(1, r.counts.duplicates); // a3 = a1 after white-space folding
    assertEquals(7, r.counts.quarantined);
    assertTrue(r.counts.reconciles());
    assertEquals(Map.of(Quarantine.INVALID_JSON, 1L, Quarantine.MISSING_TEXT, 1L, Quarantine.INVALID_DATE, 1L,
        Quarantine.BINARY_CONTENT, 1L, Quarantine.MISSING_DATE, 1L, Quarantine.NOT_AN_OBJECT, 1L,
        Quarantine.INVALID_FIELD, 1L), r.counts.quarantinedByReason);

    Map<String, String> idToReason = r.quarantine.collectAsList().stream().filter(q -> q.getId() != null)
        .collect(Collectors.toMap(Quarantine::getId, Quarantine::getReason));
    assertEquals(Quarantine.MISSING_TEXT, idToReason.get("b2"));
    assertEquals(Quarantine.INVALID_DATE, idToReason.get("b3"));
    assertEquals(Quarantine.MISSING_DATE, idToReason.get("b4"));
    assertEquals(Quarantine.INVALID_FIELD, idToReason.get("b5"));

    Map<String, Article> articles = r.articles.collectAsList().stream()
        .collect(Collectors.toMap(Article::getId, a -> a));
    assertEquals(List.of("a1", "a2", "a4"), articles.keySet().stream().sorted().collect(Collectors.toList()));
    // 23:30 at -05:00 is 04:30 UTC the next day
    assertEquals(LocalDate.of(2021, 6, 2), articles.get("a1").getDate());
    assertEquals("time", articles.get("a1").getDatePrecision());
    assertEquals("wire", articles.get("a1").getSource());
    // BOM stripped and NFC applied: "a" + combining acute would be composed; here "a\u0301" -> "á"
    assertEquals("Russiá said so.", articles.get("a2").getText());
    assertEquals("day", articles.get("a2").getDatePrecision());
    assertEquals("caf\uFFFDe au lait", articles.get("a4").getText());
    assertEquals(1, articles.get("a4").getInvalidBytes());
    assertEquals(1, r.counts.bomsStripped);
    // byte offsets of quarantined lines point at the line in the file
    byte[] bytes = Files.readAllBytes(f);
    for (Quarantine q : r.quarantine.collectAsList()) {
      if (Quarantine.INVALID_JSON.equals(q.getReason())) {
        String at = new String(bytes, (int) q.getOffset(), 11, StandardCharsets.UTF_8);
        assertEquals("{\"id\":\"b1\",", at);
      }
    }
  }

  @Test
  void compressedJsonLinesReadTheSame() throws IOException {
    String lines = GOOD_1 + "\n" + BAD_DATE + "\n" + NO_DATE + "\n";
    Path gz = dir.resolve("gz/part.jsonl.gz");
    Files.createDirectories(gz.getParent());
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write(lines.getBytes(StandardCharsets.UTF_8));
    }
    Path bz = dir.resolve("bz/part.jsonl.bz2");
    Files.createDirectories(bz.getParent());
    try (OutputStream o = new BZip2CompressorOutputStream(Files.newOutputStream(bz))) {
      o.write(lines.getBytes(StandardCharsets.UTF_8));
    }
    for (Path p : List.of(gz, bz)) {
      Ingest.Result r = ingest(p, "jsonl");
      assertEquals(3, r.counts.read, p.toString());
      assertEquals(1, r.counts.accepted, p.toString());
      assertEquals(Map.of(Quarantine.INVALID_DATE, 1L, Quarantine.MISSING_DATE, 1L), r.counts.quarantinedByReason);
    }
  }

  @Test
  void truncatedGzipKeepsWhatWasReadAndQuarantinesTheRest() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      lines.append("{\"id\":\"n").append(i).append("\",\"published\":\"2021-06-01\",\"text\":\"Article number ")
          .append(i).append(" about NATO and Russia, with some words to make it longer.\"}\n");
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(gz)) {
      o.write(lines.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = gz.toByteArray();
    Path cut = dir.resolve("cut/part.jsonl.gz");
    Files.createDirectories(cut.getParent());
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
    Ingest.Result r = ingest(cut, "jsonl");
    assertEquals(Map.of(Quarantine.UNREADABLE, 1L), r.counts.quarantinedByReason);
    // some lines came out before the cut, none after it, and nothing is counted twice
    assertTrue(r.counts.accepted > 100 && r.counts.accepted < 2000, "accepted " + r.counts.accepted);
    assertEquals(r.counts.accepted + 1, r.counts.read);
    Quarantine q = r.quarantine.first();
    assertTrue(q.getDetail().startsWith("cannot read the rest of the file"), q.getDetail());
    assertTrue(q.getSourceFile().endsWith("part.jsonl.gz"));
  }

  @Test
  void textFolderTakesMetadataFromThePath() throws IOException {
    Path session = dir.resolve("TXT/Session 75 - 2020");
    Files.createDirectories(session);
    ByteArrayOutputStream bom = new ByteArrayOutputStream();
    bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bom.write("Mr. President, Russia".getBytes(StandardCharsets.UTF_8));
    Files.write(session.resolve("GBR_75_2020.txt"), bom.toByteArray());
    Files.writeString(session.resolve("FRA_75_2020.txt"), "Monsieur le Président");
    Files.write(session.resolve("BIN_75_2020.txt"), garbage());
    Files.writeString(session.resolve("notes.md"), "not matched by the glob");
    Ingest.Result r = ingest(dir.resolve("TXT"), "text");
    assertEquals(3, r.counts.read);
    assertEquals(2, r.counts.accepted);
    assertEquals(Map.of(Quarantine.BINARY_CONTENT, 1L), r.counts.quarantinedByReason);
    Map<String, Article> a = r.articles.collectAsList().stream().collect(Collectors.toMap(Article::getId, x -> x));
    Article gbr = a.get("GBR_75_2020");
    assertEquals("GBR", gbr.getSource());
    assertEquals(LocalDate.of(2020, 1, 1), gbr.getDate());
    assertEquals("year", gbr.getDatePrecision());
    assertEquals("Mr. President, Russia", gbr.getText());
    assertTrue(gbr.getSourceFile().endsWith("GBR_75_2020.txt"), gbr.getSourceFile());
    assertEquals(1, r.counts.bomsStripped);
    assertEquals("FRA", a.get("FRA_75_2020").getSource());
  }

  @Test
  void parquetAndCsvColumnsAreMappedByName() throws IOException {
    SparkSession spark = SharedSpark.spark();
    List<org.apache.spark.sql.Row> rows = List.of(
        org.apache.spark.sql.RowFactory.create("p1", "2021-06-01", "NATO, \"quoted\"\nsecond line", "x"),
        org.apache.spark.sql.RowFactory.create("p2", "2021-06-02", null, "y"));
    org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
        .add("id", "string").add("published", "string").add("text", "string").add("extra", "string");
    Path parquet = dir.resolve("t.parquet");
    Path csv = dir.resolve("t.csv");
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(parquet.toString());
    spark.createDataFrame(rows, schema).coalesce(1).write().option("header", "true").option("escape", "\"")
        .csv(csv.toString());
    for (String format : List.of("parquet", "csv")) {
      Ingest.Result r = ingest(format.equals("parquet") ? parquet : csv, format);
      assertEquals(2, r.counts.read, format);
      assertEquals(Map.of(Quarantine.MISSING_TEXT, 1L), r.counts.quarantinedByReason, format);
      Article a = r.articles.first();
      assertEquals("p1", a.getId());
      assertEquals("NATO, \"quoted\"\nsecond line", a.getText(), format);
      assertNull(a.getUrl());
    }
  }
}
