package io.actorscope.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.actors.ActorCount;
import io.actorscope.testing.DuckDb;
import io.actorscope.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output owner on a few hand-made rows: what a commit replaces, and that nothing shows before it. */
class RunOutputTest {
  @TempDir
  Path dir;

  private static final TableSpec COUNTS = Catalogue.ACTOR_COUNTS;
  private static final TableSpec WHOLE = TableSpec.of("w", "test row", TableSpec.Layout.WHOLE,
      "date", "", "source", "", "actor_id", "", "actor_type", "", "mentions", "", "articles", "");

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

  private Dataset<ActorCount> rows(ActorCount... r) {
    return SharedSpark.spark().createDataset(List.of(r), ActorCount.ENCODER);
  }

  private RunOutput open(String run, List<LocalDate> dates) throws Exception {
    return RunOutput.open(new Configuration(), dir.toString(), run, dates, "snappy", 60);
  }

  private List<String> counts(DuckDb db) throws Exception {
    return db.rows("SELECT date, actor_id, mentions FROM " + db.table(COUNTS.name()) + " ORDER BY ALL");
  }

  @Test
  void anUndatedRunReplacesTheDatesItHasRowsForOnly() throws Exception {
    try (RunOutput out = open("r1", List.of())) {
      out.write(COUNTS, rows(c("2021-06-01", "RUS", 1), c("2021-06-02", "RUS", 2), c("2021-06-02", "UKR", 3)));
      out.commit();
    }
    try (RunOutput out = open("r2", List.of())) {
      out.write(COUNTS, rows(c("2021-06-02", "NATO", 9)));
      out.commit();
    }
    try (DuckDb db = new DuckDb(dir)) {
      assertEquals(List.of("2021-06-01|RUS|1", "2021-06-02|NATO|9"), counts(db));
      // columns come in the bean's declared order, snake_case, the partition column last
      assertEquals(List.of("source", "actor_id", "actor_type", "mentions", "articles", "date"),
          db.rows("SELECT column_name FROM (DESCRIBE SELECT * FROM " + db.table(COUNTS.name()) + ")"));
    }
  }

  @Test
  void nothingIsVisibleBeforeTheCommitAndAFailedRunLeavesTheOutputAsItWas() throws Exception {
    try (RunOutput out = open("r1", List.of())) {
      out.write(COUNTS, rows(c("2021-06-01", "RUS", 1)));
      out.write(WHOLE, rows(c("2021-06-01", "RUS", 1)));
      out.commit();
    }
    try (RunOutput out = open("r2", List.of())) {
      out.write(COUNTS, rows(c("2021-06-01", "UKR", 5)));
      out.write(WHOLE, rows(c("2021-06-01", "UKR", 5), c("2021-06-03", "BLR", 1)));
      try (DuckDb db = new DuckDb(dir)) {
        assertEquals(List.of("2021-06-01|RUS|1"), counts(db), "staged rows are not in the table yet");
        assertEquals(1, db.count("SELECT count(*) FROM " + db.table("w")));
      }
      // the run fails here: close without commit
    }
    try (DuckDb db = new DuckDb(dir)) {
      assertEquals(List.of("2021-06-01|RUS|1"), counts(db));
      assertEquals(List.of("RUS"), db.rows("SELECT actor_id FROM " + db.table("w")));
    }
    assertFalse(Files.exists(dir.resolve("_staging/r2")), "the failed run's staging folder is gone");
  }

  @Test
  void aDatedRunEmptiesItsDaysInTheTablesItOwnsEvenWithoutRows() throws Exception {
    try (RunOutput out = open("r1", List.of())) {
      out.write(COUNTS, rows(c("2021-06-01", "RUS", 1), c("2021-06-02", "UKR", 2)));
      out.commit();
    }
    // a rerun of June 2nd whose stage ran but found nothing (topics skipped, say): the day's old rows go
    try (RunOutput out = open("r2", List.of(LocalDate.parse("2021-06-02")))) {
      out.claim(List.of(COUNTS));
      out.commit();
    }
    try (DuckDb db = new DuckDb(dir)) {
      assertEquals(List.of("2021-06-01|RUS|1"), counts(db));
    }
  }

  @Test
  void afterCommitShowsTheRowsTheTableWillHold() throws Exception {
    SparkSession spark = SharedSpark.spark();
    try (RunOutput out = open("r1", List.of())) {
      out.write(COUNTS, rows(c("2021-06-01", "RUS", 1), c("2021-06-02", "UKR", 2)));
      out.commit();
    }
    try (RunOutput out = open("r2", List.of(LocalDate.parse("2021-06-02"), LocalDate.parse("2021-06-03")))) {
      out.write(COUNTS, rows(c("2021-06-03", "BLR", 7)));
      assertEquals(List.of("2021-06-01|RUS|1", "2021-06-03|BLR|7"),
          out.afterCommit(spark, COUNTS).selectExpr("concat_ws('|', cast(date AS string), actor_id, mentions)")
              .as(org.apache.spark.sql.Encoders.STRING()).collectAsList().stream().sorted().toList());
      assertEquals(List.of(LocalDate.parse("2021-06-01"), LocalDate.parse("2021-06-03")), out.datesAfterCommit(COUNTS));
    }
  }

  @Test
  void filesAreStagedAndMovedInByTheCommit() throws Exception {
    try (RunOutput out = open("r1", List.of())) {
      Path staged = Path.of(out.stagePath(Catalogue.GRAPHS, ""));
      Files.createDirectories(staged);
      Files.writeString(staged.resolve("actors-article.graphml"), "<graphml/>");
      assertFalse(Files.exists(dir.resolve("graphs")));
      out.commit();
    }
    assertEquals("<graphml/>", Files.readString(dir.resolve("graphs/actors-article.graphml")));
  }

  @Test
  void aColumnTheCatalogueDoesNotListIsRefused() throws Exception {
    try (RunOutput out = open("r1", List.of())) {
      Dataset<?> extra = rows(c("2021-06-01", "RUS", 1)).withColumn("surprise", org.apache.spark.sql.functions.lit(1));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> out.write(COUNTS, extra));
      assertTrue(e.getMessage().contains("surprise"), e.getMessage());
    }
  }

  @Test
  void anEmptyBatchIsStillReadable() throws Exception {
    try (RunOutput out = open("r1", List.of())) {
      out.writeBatch(Catalogue.QUARANTINE, "b1", SharedSpark.spark().emptyDataset(io.actorscope.io.Quarantine.ENCODER));
      out.commit();
    }
    try (DuckDb db = new DuckDb(dir)) {
      assertEquals(0, db.count("SELECT count(*) FROM " + db.table(Tables.QUARANTINE)));
    }
  }
}
