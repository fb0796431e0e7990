package io.actorscope.actors;

import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;

/** Counts stage: mentions to mentions and distinct articles per date, source and actor. */
public final class ActorCounts {
  private ActorCounts() {}

  public static Dataset<ActorCount> count(Dataset<Mention> mentions) {
    return mentions
        .groupBy("date", "source", "actorId", "actorType")
        .agg(org.apache.spark.sql.functions.count(lit(1)).as("mentions"), countDistinct("articleId").as("articles"))
        .as(ActorCount.ENCODER);
  }
}
