package io.actorscope.cooccurrence;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.actorscope.config.JobConfig;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The actor_partners table: for each scope and actor, its top k partners by NPMI and by LLR over
 * the whole run (pairs counted over all the run's units, not per date). Minimum support: a partner
 * needs count_ab >= partners.min_count and an expected count >= partners.min_expected, so that a
 * pair seen once between two rare actors (NPMI near 1) does not top the list. By LLR only positively
 * associated pairs (count_ab > expected) are ranked: G² is large for avoidance too.
 */
public final class Partners {
  private Partners() {}

  public static Dataset<Row> top(Dataset<PairRow> runWide, JobConfig.Partners cfg) {
    Dataset<Row> p = runWide.toDF()
        .filter(col("countAb").geq(cfg.minCount).and(col("expected").geq(cfg.minExpected)));
    Dataset<Row> both = directed(p, "actorA", "actorB", "countA", "countB")
        .unionByName(directed(p, "actorB", "actorA", "countB", "countA"));
    Dataset<Row> byNpmi = ranked(both, "npmi", col("npmi").desc());
    Dataset<Row> byLlr = ranked(both.filter(col("count_ab").gt(col("expected"))), "llr", col("llr").desc());
    return byNpmi.unionByName(byLlr).filter(col("rank").leq(cfg.k))
        .select("scope", "actor_id", "measure", "rank", "partner_id", "count_ab", "count_actor", "count_partner",
            "units", "expected", "npmi", "llr", "llr_p");
  }

  private static Dataset<Row> directed(Dataset<Row> p, String actor, String partner, String ca, String cp) {
    return p.select(col("scope"), col(actor).as("actor_id"), col(partner).as("partner_id"), col("countAb").as("count_ab"),
        col(ca).as("count_actor"), col(cp).as("count_partner"), col("units"), col("expected"), col("npmi"),
        col("llr"), col("llrP").as("llr_p"));
  }

  private static Dataset<Row> ranked(Dataset<Row> d, String measure, Column order) {
    return d.withColumn("measure", lit(measure))
        .withColumn("rank", row_number().over(Window.partitionBy("scope", "actor_id")
            .orderBy(order, col("count_ab").desc(), col("partner_id"))));
  }
}
