package io.actorscope.discover;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

/**
 * Corpus-level merging of discovered mentions, by aggregations keyed by the actor id (the
 * normalised name): nothing is collected and no pair of articles is compared.
 */
public final class DiscoveredActors {
  private DiscoveredActors() {}

  /**
   * A person written by one name only ("McGurk", in an article that never gives the full name) is
   * the one person of the run whose full name ends in it, when there is exactly one.
   */
  public static Dataset<DiscoveredMention> mergeSurnames(Dataset<DiscoveredMention> evidence) {
    String prefix = "~" + Discoverer.PERSON + ":";
    Dataset<Row> full = evidence.filter(col("actorType").equalTo(Discoverer.PERSON).and(col("actorId").contains("_")))
        .select(col("actorId")).distinct()
        .withColumn("_surname", functions.concat(lit(prefix), functions.regexp_extract(col("actorId"), "_([^_]+)$", 1)));
    Dataset<Row> unique = full.groupBy("_surname").agg(count(lit(1)).as("_n"), functions.first("actorId").as("_to"))
        .filter(col("_n").equalTo(1)).select("_surname", "_to");
    Dataset<Row> joined = evidence.join(unique, evidence.col("actorId").equalTo(unique.col("_surname")), "left_outer");
    return joined.withColumn("actorId", functions.coalesce(col("_to"), col("actorId")))
        .drop("_surname", "_to").as(DiscoveredMention.ENCODER);
  }

  /** One row per provisional actor with at least {@code minMentions} mentions, ranked by mentions. */
  public static Dataset<DiscoveredActor> merge(Dataset<DiscoveredMention> evidence, DiscoverStage.Settings settings) {
    // a bare title standing for a dictionary person is a mention of that person, not a new actor
    evidence = evidence.filter(col("actorId").startsWith("~"));
    Dataset<Row> base = evidence.groupBy(col("actorId"))
        .agg(functions.first("actorType").as("type"), count(lit(1)).as("mentions"),
            countDistinct("articleId").as("articles"), functions.min("date").as("firstDate"),
            functions.max("date").as("lastDate"))
        .filter(col("mentions").geq(settings.minMentions()));
    Dataset<Row> names = topValues(evidence, "name", "_names", 1);
    Dataset<Row> forms = topValues(evidence, "surface", "forms", 10);
    Dataset<Row> titles = topValues(evidence, "title", "titles", settings.maxTitles());
    Dataset<Row> cues = evidence.groupBy("actorId", "cue").agg(count(lit(1)).as("_n"))
        .groupBy("actorId").agg(expr("transform(sort_array(collect_list(struct(_n, cue)), false), x -> concat(x.cue, '×', x._n))")
            .as("cues"));
    Dataset<Row> country = evidence.filter(col("country").isNotNull()).groupBy("actorId", "country")
        .agg(count(lit(1)).as("_n"))
        .groupBy("actorId").agg(expr("max_by(country, struct(_n, country))").as("country"), functions.max("_n").as("countryMentions"));
    Dataset<Row> all = base.join(names, "actorId").join(forms, "actorId")
        .join(titles, new scala.collection.immutable.Set.Set1<>("actorId").toSeq(), "left_outer")
        .join(cues, "actorId")
        .join(country, new scala.collection.immutable.Set.Set1<>("actorId").toSeq(), "left_outer")
        .withColumn("name", expr("_names[0]"))
        .withColumn("titles", functions.coalesce(col("titles"), expr("array()")))
        .withColumn("countryMentions", functions.coalesce(col("countryMentions"), lit(0L)));
    // the table is written as one file anyway (writeWhole): one window over it costs no more
    Column rank = functions.row_number().over(Window.orderBy(col("mentions").desc(), col("articles").desc(), col("actorId")));
    return all.withColumn("rank", rank).drop("_names").as(DiscoveredActor.ENCODER);
  }

  /** Per actor, the {@code k} most frequent non-null values of {@code column}, the most frequent first. */
  private static Dataset<Row> topValues(Dataset<DiscoveredMention> evidence, String column, String as, int k) {
    Dataset<Row> counted = evidence.filter(col(column).isNotNull()).groupBy(col("actorId"), col(column).as("_v"))
        .agg(count(lit(1)).as("_n"));
    return counted.groupBy("actorId").agg(expr("slice(transform(sort_array(collect_list(struct(_n, _v)), false), x -> x._v), 1, "
        + Math.max(k, 1) + ")").as(as));
  }
}
