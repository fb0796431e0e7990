package io.actorscope.topics;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import io.actorscope.actors.Mention;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Actor–topic links. An actor's topic mixture is the mixture of the articles that name it, each
 * article weighted by how many times it names the actor: weight(a, t) = Σ_d m(a,d)·θ(d,t) / Σ_d m(a,d),
 * over articles with a topic mixture. A topic's most associated actors are ranked by their mention
 * mass in it, Σ_d m(a,d)·θ(d,t); lift = weight(a,t) / mean_d θ(d,t) says how much more than an
 * average article the actor's articles are about the topic.
 */
public final class ActorTopics {
  private ActorTopics() {}

  /** Rows: model_id, actor_id, topic, weight, mass, mentions, articles, lift. */
  public static Dataset<Row> actorTopics(Dataset<Mention> mentions, Dataset<DocTopics> docTopics) {
    Dataset<Row> scored = docTopics.toDF().filter(col("dominantTopic").isNotNull());
    Dataset<Row> perArticle = mentions.groupBy(col("articleId"), col("actorId")).agg(count(lit(1)).as("m"));
    Dataset<Row> mix = scored.select(col("articleId").as("doc"), col("modelId"), posexplode(col("mixture")).as(new String[] {"topic", "theta"}));
    Dataset<Row> mean = mix.groupBy("topic").agg(avg("theta").as("meanTheta"));
    Dataset<Row> linked = perArticle.join(mix, perArticle.col("articleId").equalTo(mix.col("doc")));
    Dataset<Row> totals = linked.filter(col("topic").equalTo(0))
        .groupBy(col("actorId").as("tid")).agg(sum("m").as("mentions"), countDistinct("doc").as("articles"));
    Dataset<Row> mass = linked.groupBy(col("modelId"), col("actorId"), col("topic"))
        .agg(sum(col("m").multiply(col("theta"))).as("mass"));
    return mass.join(totals, col("actorId").equalTo(col("tid")))
        .join(mean.withColumnRenamed("topic", "mt"), col("topic").equalTo(col("mt")))
        .select(col("modelId").as("model_id"), col("actorId").as("actor_id"), col("topic"),
            col("mass").divide(col("mentions")).as("weight"), col("mass"), col("mentions"), col("articles"),
            col("mass").divide(col("mentions")).divide(col("meanTheta")).as("lift"));
  }

  /** Rows: model_id, topic, rank, actor_id, mass, share (of the topic's actor mass), weight, lift, mentions. */
  public static Dataset<Row> topicActors(Dataset<Row> actorTopics, int perTopic) {
    Dataset<Row> topicMass = actorTopics.groupBy(col("topic").as("tt")).agg(sum("mass").as("topicMass"));
    return actorTopics.join(topicMass, col("topic").equalTo(col("tt")))
        .withColumn("rank", row_number().over(Window.partitionBy("topic").orderBy(col("mass").desc(), col("actor_id"))))
        .filter(col("rank").leq(perTopic))
        .select(col("model_id"), col("topic"), col("rank"), col("actor_id"), col("mass"),
            col("mass").divide(col("topicMass")).as("share"), col("weight"), col("lift"), col("mentions"));
  }
}
