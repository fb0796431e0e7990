package io.actorscope.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.actorscope.config.ConfigException;
import io.actorscope.config.ConfigLoader;
import io.actorscope.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Fitting segments (topics.segment_tokens): how an article's tokens are cut. */
class TopicTokensTest {
  private static List<String> words(int n) {
    return IntStream.range(0, n).mapToObj(i -> "w" + i).toList();
  }

  @Test
  void splitsIntoRoundedNumberOfNearEqualConsecutiveSegments() {
    // 10 tokens at length 4: round(2.5) = 3 segments, cut at 10·1/3 = 3 and 10·2/3 = 6
    List<List<String>> s = TopicTokens.split(words(10), 4);
    assertEquals(List.of(List.of("w0", "w1", "w2"), List.of("w3", "w4", "w5"), List.of("w6", "w7", "w8", "w9")), s);
    // 20 tokens at length 5: exactly 4 segments of 5
    assertEquals(List.of(5, 5, 5, 5), TopicTokens.split(words(20), 5).stream().map(List::size).toList());
  }

  @Test
  void keepsShortArticlesWholeAndZeroMeansNeverSplit() {
    // 5 tokens at length 4: round(1.25) = 1, the article itself
    assertEquals(List.of(words(5)), TopicTokens.split(words(5), 4));
    // 6 tokens at length 4: round(1.5) = 2
    assertEquals(2, TopicTokens.split(words(6), 4).size());
    assertEquals(List.of(words(1000)), TopicTokens.split(words(1000), 0));
    assertEquals(List.of(List.of()), TopicTokens.split(List.of(), 4));
  }

  @Test
  void segmentRowsKeepTheArticlesIdDateAndSource() {
    SparkSession spark = SharedSpark.spark();
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create("long", "2021-06-01", "s1", words(9).toArray(new String[0])));
    rows.add(RowFactory.create("short", null, "s2", words(2).toArray(new String[0])));
    Dataset<Row> tokens = spark.createDataFrame(rows, TopicTokens.SCHEMA);
    List<Row> out = TopicTokens.segments(tokens, 3).orderBy("id").collectAsList();
    // 9 tokens at length 3: three segments of the "long" article; 2 tokens: round(0.67) -> one
    assertEquals(4, out.size());
    int longRows = 0;
    for (Row r : out) {
      if (r.getString(0).equals("long")) {
        longRows++;
        assertEquals("2021-06-01", r.getString(1));
        assertEquals("s1", r.getString(2));
        assertEquals(3, r.getList(3).size());
      } else {
        assertEquals(List.of("w0", "w1"), r.getList(3));
      }
    }
    assertEquals(3, longRows);
  }

  @Test
  void negativeSegmentLengthIsAConfigErrorNamingTheKey() {
    ConfigLoader.Overrides o = new ConfigLoader.Overrides();
    o.input = "pom.xml";
    o.output = "unused";
    o.sets = List.of("topics.segment_tokens=-1");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, o));
    assertEquals("topics.segment_tokens", e.key());
  }
}
