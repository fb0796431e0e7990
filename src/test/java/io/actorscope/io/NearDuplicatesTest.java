package io.actorscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.testing.SharedSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Planted copies of sample speeches (src/test/resources/neardup, made by
 * scripts/make-neardup-fixture): each original is 300 words with 298 distinct 3-word shingles, and
 * each copy's Jaccard similarity to its original follows from its edit: replacing one word well
 * inside the text swaps 3 shingles for 3 new ones, appending k new words adds k shingles.
 */
class NearDuplicatesTest {
  private static final Path FIXTURE = Path.of("src/test/resources/neardup/articles.jsonl");
  private static List<Article> rows;

  @BeforeAll
  static void read() throws Exception {
    rows = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    long offset = 0;
    for (String line : Files.readAllLines(FIXTURE, StandardCharsets.UTF_8)) {
      JsonNode n = json.readTree(line);
      Article a = new Article();
      a.setId(n.get("id").asText());
      a.setSource(n.get("source").asText());
      a.setText(n.get("text").asText());
      a.setDate(LocalDate.parse(n.get("published").asText()));
      a.setSourceFile(FIXTURE.toString());
      a.setOffset(offset);
      a.setStoryId(a.getId());
      offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
      rows.add(a);
    }
  }

  private static Map<String, String> stories(NearDuplicates.Settings s) {
    SparkSession spark = SharedSpark.spark();
    Dataset<Article> in = spark.createDataset(rows, Article.ENCODER).repartition(3);
    NearDuplicates.Found f = NearDuplicates.assign(spark, in, s);
    Map<String, String> out = new TreeMap<>();
    for (Row r : f.articles.select("id", "storyId").collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    f.release();
    return out;
  }

  private static Set<String> shingles(String id) {
    return new HashSet<>(NearDuplicates.shingles(rows.stream().filter(a -> a.getId().equals(id)).findFirst()
        .orElseThrow().getText(), 3));
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    Set<String> i = new HashSet<>(a);
    i.retainAll(b);
    return i.size() / (double) (a.size() + b.size() - i.size());
  }

  @Test
  void theEditsGiveTheJaccardSimilaritiesWorkedOutFromThem() {
    for (Article a : rows) {
      if (a.getSource().equals("ungdc")) {
        assertEquals(298, shingles(a.getId()).size(), a.getId());
      }
    }
    assertEquals(283.0 / 313, jaccard(shingles("AGO_79_2024"), shingles("AGO_79_2024-r5")), 1e-12);
    assertEquals(298.0 / 338, jaccard(shingles("COG_79_2024"), shingles("COG_79_2024-tail40")), 1e-12);
    assertEquals(253.0 / 343, jaccard(shingles("EST_79_2024"), shingles("EST_79_2024-r15")), 1e-12);
    assertEquals(274.0 / 322, jaccard(shingles("GTM_79_2024"), shingles("GTM_79_2024-r8")), 1e-12);
    assertEquals(274.0 / 322, jaccard(shingles("GTM_79_2024-r8"), shingles("GTM_79_2024-r8-r8")), 1e-12);
    assertEquals(250.0 / 346, jaccard(shingles("GTM_79_2024"), shingles("GTM_79_2024-r8-r8")), 1e-12);
    // the hashed sets the job compares give the same numbers
    long[] a = NearDuplicates.shingleHashes(text("GTM_79_2024"), 3, 42);
    long[] b = NearDuplicates.shingleHashes(text("GTM_79_2024-r8-r8"), 3, 42);
    assertEquals(298, a.length);
    assertEquals(250.0 / 346, NearDuplicates.jaccard(a, b), 1e-12);
  }

  @Test
  void wordHashesAreThoseOfTheRegexWords() {
    // the in-place scanner against the regex it replaces, on every sample text and on hostile ones:
    // a dotted capital I that lower-cases to two chars, final sigma, astral letters, digits of other
    // scripts, combining marks, lone surrogates
    List<String> texts = new java.util.ArrayList<>();
    rows.forEach(a -> texts.add(a.getText()));
    texts.addAll(List.of("", "   ", "İstanbul İZMİR", "ΟΔΥΣΣΕΥΣ σοφός", "𝐀𝐁𝐂 𠀋𠀌 x", "٣٤٥ ১২৩ Ⅻ ½",
        "café cafe\u0301 naïve", "a\uD800b \uDC00c", "Dr.O'Neill—U.N.-run 2024/25"));
    for (String t : texts) {
      List<String> words = NearDuplicates.words(t);
      long[] expected = new long[words.size()];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = NearDuplicates.wordHash(words.get(i), 42);
      }
      org.junit.jupiter.api.Assertions.assertArrayEquals(expected, NearDuplicates.wordHashes(t, 42),
          t.length() > 40 ? t.substring(0, 40) : t);
    }
  }

  private static String text(String id) {
    return rows.stream().filter(a -> a.getId().equals(id)).findFirst().orElseThrow().getText();
  }

  @Test
  void copiesAboveTheThresholdWithinTheWindowShareTheFirstCopysStory() {
    Map<String, String> s = stories(new NearDuplicates.Settings());
    Map<String, String> expected = new TreeMap<>();
    rows.forEach(a -> expected.put(a.getId(), a.getId()));
    expected.put("AGO_79_2024-r5", "AGO_79_2024");           // 0.904
    expected.put("COG_79_2024-tail40", "COG_79_2024");       // 0.882
    expected.put("GTM_79_2024-r8", "GTM_79_2024");           // 0.851
    expected.put("GTM_79_2024-r8-r8", "GTM_79_2024");        // 0.723 to GTM, but 0.851 to GTM-r8
    // EST-r15 (0.738) stays alone; KAZ-r5-late (0.904) is 30 days after KAZ, outside the 7-day window
    assertEquals(expected, s);
  }

  @Test
  void theStoryCopiesTableHoldsEachAcceptedPairWithItsExactJaccard() {
    SparkSession spark = SharedSpark.spark();
    NearDuplicates.Found f = NearDuplicates.assign(spark, spark.createDataset(rows, Article.ENCODER).repartition(3),
        new NearDuplicates.Settings());
    List<String> got = new ArrayList<>();
    for (StoryCopy c : f.copies().collectAsList()) {
      got.add(String.format(java.util.Locale.ROOT, "%s<%s %s %.6f %s", c.getArticleId(), c.getCopyOf(),
          c.getStoryId(), c.getJaccard(), c.getDate()));
    }
    f.release();
    java.util.Collections.sort(got);
    // the shingle counts of the test above; GTM-r8-r8 meets GTM-r8, not GTM (0.723 < 0.8)
    assertEquals(List.of(
        String.format(java.util.Locale.ROOT, "AGO_79_2024-r5<AGO_79_2024 AGO_79_2024 %.6f %s", 283.0 / 313, date("AGO_79_2024-r5")),
        String.format(java.util.Locale.ROOT, "COG_79_2024-tail40<COG_79_2024 COG_79_2024 %.6f %s", 298.0 / 338, date("COG_79_2024-tail40")),
        String.format(java.util.Locale.ROOT, "GTM_79_2024-r8-r8<GTM_79_2024-r8 GTM_79_2024 %.6f %s", 274.0 / 322, date("GTM_79_2024-r8-r8")),
        String.format(java.util.Locale.ROOT, "GTM_79_2024-r8<GTM_79_2024 GTM_79_2024 %.6f %s", 274.0 / 322, date("GTM_79_2024-r8"))),
        got);
  }

  private static LocalDate date(String id) {
    return rows.stream().filter(a -> a.getId().equals(id)).findFirst().orElseThrow().getDate();
  }

  @Test
  void withoutAWindowTheLateCopyJoinsItsStoryAndBoilerplateRemovalKeepsPairs() {
    NearDuplicates.Settings settings = new NearDuplicates.Settings();
    settings.windowDays = 0;
    // a hash kept by more than 2 articles is boilerplate: the shingles GTM shares with both its
    // copies leave the signatures, the pairs' shared shingles (2 articles each) stay
    settings.boilerplateMinArticles = 2;
    settings.boilerplateFraction = 0.0;
    Map<String, String> s = stories(settings);
    assertEquals("KAZ_79_2024", s.get("KAZ_79_2024-r5-late"));
    assertEquals("AGO_79_2024", s.get("AGO_79_2024-r5"));
    assertEquals("EST_79_2024-r15", s.get("EST_79_2024-r15"));
  }

  @Test
  void aFullBucketPairsEachArticleWithItsFirstArticlesOnly() {
    NearDuplicates.Settings settings = new NearDuplicates.Settings();
    settings.maxBucket = 1;
    Map<String, String> s = stories(settings);
    // the direct copies meet their original, the first of every bucket they share with it
    assertEquals("AGO_79_2024", s.get("AGO_79_2024-r5"));
    assertEquals("COG_79_2024", s.get("COG_79_2024-tail40"));
    assertEquals("GTM_79_2024", s.get("GTM_79_2024-r8"));
  }

  /** (node, label) rows as "node>label", sorted. */
  private static List<String> labelled(List<Row> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.getString(0) + ">" + r.getString(1)));
    java.util.Collections.sort(out);
    return out;
  }

  @Test
  void storiesAreGroupedAlikeOnTheDriverAndInRoundsAndLabelledByTheirSmallestKeyInUtf8Order() {
    SparkSession spark = SharedSpark.spark();
    org.apache.spark.sql.types.StructType uv = new org.apache.spark.sql.types.StructType()
        .add("u", org.apache.spark.sql.types.DataTypes.StringType).add("v", org.apache.spark.sql.types.DataTypes.StringType);
    // a chain e-d, d-c, c-b, b-a met from its far end; a star; and two keys that sort one way in
    // Java's UTF-16 order (U+1F600 is a surrogate pair, below U+FF21) and the other in UTF-8 bytes
    // (EF BC A1 < F0 9F 98 80), Spark's order for strings
    List<Row> edges = new ArrayList<>();
    for (String[] e : new String[][] {{"e", "d"}, {"d", "c"}, {"c", "b"}, {"b", "a"}, {"s", "x"}, {"s", "y"},
        {"z", "s"}, {"\uD83D\uDE00", "\uFF21"}}) {
      edges.add(org.apache.spark.sql.RowFactory.create(e[0], e[1]));
    }
    List<String> expected = List.of("a>a", "b>a", "c>a", "d>a", "e>a", "s>s", "x>s", "y>s", "z>s",
        "\uD83D\uDE00>\uFF21", "\uFF21>\uFF21");
    List<String> sortedExpected = new ArrayList<>(expected);
    java.util.Collections.sort(sortedExpected);
    assertEquals(sortedExpected, labelled(NearDuplicates.localComponents(edges)));
    Dataset<Row> df = spark.createDataFrame(edges, uv);
    List<Dataset<?>> cached = new ArrayList<>();
    assertEquals(sortedExpected, labelled(NearDuplicates.components(df, cached, 0).collectAsList()), "in rounds");
    assertEquals(sortedExpected, labelled(NearDuplicates.components(df, cached, 100).collectAsList()), "on the driver");
    cached.forEach(Dataset::unpersist);
  }
}
