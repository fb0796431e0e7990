package io.actorscope.cooccurrence;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.actorscope.actors.Mention;
import io.actorscope.text.AnalyzedArticle;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Co-occurrence stage: for each date and scope, the units (articles or sentences) each actor is
 * named in, pairs counted by a self-join on the unit. Only pairs that occur are materialised.
 */
public final class Cooccurrence {
  public static final String ARTICLE = "article";
  public static final String SENTENCE = "sentence";

  private Cooccurrence() {}

  public static Dataset<PairRow> compute(Dataset<Mention> mentions, Dataset<AnalyzedArticle> articles,
      List<String> scopes, long minCount) {
    return computeRows(mentions.toDF(), articles.toDF(), scopes, minCount);
  }

  /**
   * The same over untyped rows: {@code mentions} with columns date, articleId, sentence, actorId;
   * {@code articles} with date, sentences (the rolling windows use this with date = window end).
   */
  public static Dataset<PairRow> computeRows(Dataset<Row> mentions, Dataset<Row> articles, List<String> scopes,
      long minCount) {
    Dataset<PairRow> out = null;
    for (String scope : scopes) {
      Dataset<PairRow> one = compute(mentions, articles, scope, minCount);
      out = out == null ? one : out.union(one);
    }
    return out;
  }

  static Dataset<PairRow> compute(Dataset<Row> mentions, Dataset<Row> articles, String scope, long minCount) {
    boolean sentence = SENTENCE.equals(scope);
    Dataset<Row> units = articles.groupBy("date")
        .agg(sentence ? sum(col("sentences")).as("units") : count(lit(1)).as("units"));
    Dataset<Row> unitActors = mentions
        .select(col("date"),
            sentence ? concat_ws("#", col("articleId"), col("sentence").cast("string")).as("unit")
                : col("articleId").as("unit"),
            col("actorId"))
        .distinct();
    Dataset<Row> marginal = unitActors.groupBy("date", "actorId").agg(count(lit(1)).as("n"));
    Dataset<Row> a = unitActors.as("a");
    Dataset<Row> b = unitActors.as("b");
    Dataset<Row> pairs = a.join(b, col("a.date").eqNullSafe(col("b.date"))
            .and(col("a.unit").equalTo(col("b.unit")))
            .and(col("a.actorId").lt(col("b.actorId"))))
        .groupBy(col("a.date").as("date"), col("a.actorId").as("actorA"), col("b.actorId").as("actorB"))
        .agg(count(lit(1)).as("countAb"))
        .filter(col("countAb").geq(minCount));
    Dataset<Row> ma = marginal.select(col("date").as("da"), col("actorId").as("ida"), col("n").as("countA"));
    Dataset<Row> mb = marginal.select(col("date").as("db"), col("actorId").as("idb"), col("n").as("countB"));
    Dataset<Row> u = units.select(col("date").as("du"), col("units"));
    Dataset<Row> joined = pairs
        .join(ma, col("date").eqNullSafe(col("da")).and(col("actorA").equalTo(col("ida"))))
        .join(mb, col("date").eqNullSafe(col("db")).and(col("actorB").equalTo(col("idb"))))
        .join(u, col("date").eqNullSafe(col("du")))
        .select(col("date"), lit(scope).as("scope"), col("actorA"), col("actorB"), col("countAb"),
            col("countA"), col("countB"), col("units").cast("long").as("units"));
    return joined.map(new Measures(), PairRow.ENCODER);
  }

  /** Adds PMI, NPMI and G² to a counted pair. */
  static final class Measures implements MapFunction<Row, PairRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public PairRow call(Row r) {
      PairRow p = new PairRow();
      p.setDate(io.actorscope.output.Tables.localDate(r.get(0)));
      p.setScope(r.getString(1));
      p.setActorA(r.getString(2));
      p.setActorB(r.getString(3));
      long ab = r.getLong(4);
      long na = r.getLong(5);
      long nb = r.getLong(6);
      long n = r.getLong(7);
      p.setCountAb(ab);
      p.setCountA(na);
      p.setCountB(nb);
      p.setUnits(n);
      p.setPmi(Association.pmi(ab, na, nb, n));
      p.setNpmi(Association.npmi(ab, na, nb, n));
      p.setLlr(Association.llr(ab, na, nb, n));
      return p;
    }
  }
}
