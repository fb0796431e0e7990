package io.actorscope.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.actorscope.actors.ActorCount;
import io.actorscope.testing.DuckDb;
import io.actorscope.testing.SharedSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesTest {
  @TempDir
  Path dir;

  private static ActorCount c(String date, String actor, long mentions) {
    ActorCount a = new ActorCount();
    a.setDate(LocalDate.parse(date));
    a.setSource("s");
    a.setActorId(actor);
    a.setActorType("country");
    a.setMentions(mentions);
    a.setArticles(1);
    return a;
  }

  @Test
  void writingADateAgainReplacesThatDateOnly() throws Exception {
    SparkSession spark = SharedSpark.spark();
    Tables tables = new Tables(dir.toString(), "snappy");
    tables.writeByDate("t", spark.createDataset(List.of(c("2021-06-01", "RUS", 1), c("2021-06-02", "RUS", 2),
        c("2021-06-02", "UKR", 3)), ActorCount.ENCODER));
    // a later run for June 2nd only, with different rows
    tables.writeByDate("t", spark.createDataset(List.of(c("2021-06-02", "NATO", 9)), ActorCount.ENCODER));
    try (DuckDb db = new DuckDb(dir)) {
      assertEquals(List.of("2021-06-01|RUS|1", "2021-06-02|NATO|9"),
          db.rows("SELECT date, actor_id, mentions FROM " + db.table("t") + " ORDER BY ALL"));
      // columns come in the bean's declared order, snake_case, the partition column last
      assertEquals(List.of("source", "actor_id", "actor_type", "mentions", "articles", "date"),
          db.rows("SELECT column_name FROM (DESCRIBE SELECT * FROM " + db.table("t") + ")"));
    }
  }

  @Test
  void anEmptyPartitionIsStillReadable() throws Exception {
    SparkSession spark = SharedSpark.spark();
    Tables tables = new Tables(dir.toString(), "snappy");
    tables.writePartition("q", "batch", "b1", spark.emptyDataset(ActorCount.ENCODER));
    try (DuckDb db = new DuckDb(dir)) {
      assertEquals(0, db.count("SELECT count(*) FROM " + db.table("q")));
    }
  }
}
