package io.actorscope.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.actorscope.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** A topic's heaviest terms, by hand and against MLlib's describeTopics. */
class TopTermsTest {

  @Test
  void heaviestTermsFirstTiesInVocabularyOrder() {
    // k = 2, four words; phi at w·k + t. Topic 0: 0.1 0.4 0.1 0.4; topic 1: 0.7 0.1 0.2 0.0
    double[] phi = {0.1, 0.7, 0.4, 0.1, 0.1, 0.2, 0.4, 0.0};
    int[][] top = TopicModeler.heaviest(phi, 2, 3);
    assertArrayEquals(new int[] {1, 3, 0}, top[0]);
    assertArrayEquals(new int[] {0, 2, 1}, top[1]);
  }

  @Test
  void sameTermsAsDescribeTopics() {
    GibbsLda.Fitted f = new GibbsLda.Fitted();
    f.k = 3;
    f.vocab = 7;
    f.beta = 0.01;
    f.alpha = new double[] {0.5, 0.5, 0.5};
    f.wordTopic = new int[] {5, 0, 1, 2, 9, 0, 0, 3, 8, 7, 7, 7, 1, 0, 4, 6, 2, 2, 0, 1, 0};
    f.topicTotals = new int[3];
    for (int i = 0; i < f.wordTopic.length; i++) {
      f.topicTotals[i % 3] += f.wordTopic[i];
    }
    LocalLDAModel m = GibbsLda.toModel(SharedSpark.spark(), f, "features", "mixture", 1);
    List<Row> described = new ArrayList<>(m.describeTopics(5).collectAsList());
    described.sort((a, b) -> Integer.compare(a.getInt(0), b.getInt(0)));
    int[][] ours = TopicModeler.heaviest(TopicModeler.topicWord(m), 3, 5);
    for (Row d : described) {
      List<Integer> idx = d.getList(1);
      assertArrayEquals(idx.stream().mapToInt(Integer::intValue).toArray(), ours[d.getInt(0)], "topic " + d.getInt(0));
    }
  }
}
