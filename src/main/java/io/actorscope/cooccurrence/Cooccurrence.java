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
  public static final String WINDOW = "window";

  private Cooccurrence() {}

  public static Dataset<PairRow> compute(Dataset<Mention> mentions, Dataset<AnalyzedArticle> articles,
      List<String> scopes, long minCount) {
    return compute(mentions, articles, scopes, minCount, 10);
  }

  public static Dataset<PairRow> compute(Dataset<Mention> mentions, Dataset<AnalyzedArticle> articles,
      List<String> scopes, long minCount, int windowWidth) {
    return measured(counts(mentions, articles, scopes, windowWidth), minCount);
  }

  /** The pairs of each date and, from the same counts, of the whole run; {@link #release()} when written. */
  public static final class PerDateAndRun {
    public final Dataset<PairRow> perDate;
    /** Every pair over all dates (a null date), without a minimum count. */
    public final Dataset<PairRow> runWide;
    private final Dataset<Row> counted;

    PerDateAndRun(Dataset<PairRow> perDate, Dataset<PairRow> runWide, Dataset<Row> counted) {
      this.perDate = perDate;
      this.runWide = runWide;
      this.counted = counted;
    }

    public void release() {
      counted.unpersist();
    }
  }

  /**
   * Both the per-date table (pairs with at least {@code minCount}) and the run-wide pairs, counted
   * once: a unit (article, sentence, window) belongs to one date, so the run's counts are the sums
   * of the dates' counts.
   */
  public static PerDateAndRun computeWithRunWide(Dataset<Mention> mentions, Dataset<AnalyzedArticle> articles,
      List<String> scopes, long minCount, int windowWidth) {
    Dataset<Row> counted = counts(mentions, articles, scopes, windowWidth)
        .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> run = counted.groupBy(col("scope"), col("a"), col("b")).agg(sum("n").as("n"))
        .select(lit(null).cast("string").as("date"), col("scope"), col("a"), col("b"), col("n"));
    return new PerDateAndRun(measured(counted, minCount), measured(run, 1), counted);
  }

  /**
   * (date as text, scope, a, b, n) for every scope: a's units where b is null, the date's units
   * where both are null, the units naming both otherwise.
   */
  static Dataset<Row> counts(Dataset<Mention> mentions, Dataset<AnalyzedArticle> articles, List<String> scopes,
      int windowWidth) {
    Dataset<Row> out = null;
    for (String scope : scopes) {
      Dataset<Row> one = WINDOW.equals(scope) ? windowCounts(mentions, articles, windowWidth)
          : unitCounts(mentions.toDF(), articles.toDF(), scope);
      one = one.select(col("date"), lit(scope).as("scope"), col("a"), col("b"), col("n"));
      out = out == null ? one : out.union(one);
    }
    return out;
  }

  /**
   * The article and sentence scopes over untyped rows: {@code mentions} with columns date,
   * articleId, sentence, actorId; {@code articles} with date, sentences (the rolling windows use
   * this with date = window end). The window scope needs the articles' tokens and is skipped here.
   */
  public static Dataset<PairRow> computeRows(Dataset<Row> mentions, Dataset<Row> articles, List<String> scopes,
      long minCount) {
    Dataset<PairRow> out = null;
    for (String scope : scopes) {
      if (WINDOW.equals(scope)) {
        continue;
      }
      Dataset<Row> one = unitCounts(mentions, articles, scope)
          .select(col("date"), lit(scope).as("scope"), col("a"), col("b"), col("n"));
      Dataset<PairRow> pairs = measured(one, minCount);
      out = out == null ? pairs : out.union(pairs);
    }
    return out != null ? out : mentions.sparkSession().emptyDataset(PairRow.ENCODER);
  }

  /**
   * One scope over untyped rows: each unit's distinct actors gathered once (one shuffle of the
   * mentions by unit), its pairs and marginals emitted from that set and summed map-side before the
   * shuffle by pair; no self-join of the mentions.
   */
  static Dataset<Row> unitCounts(Dataset<Row> mentions, Dataset<Row> articles, String scope) {
    boolean sentence = SENTENCE.equals(scope);
    Dataset<Row> units = articles.groupBy(col("date").cast("string").as("date"))
        .agg(sentence ? sum(col("sentences")).cast("long").as("n") : count(lit(1)).as("n"))
        .select(col("date"), lit(null).cast("string").as("a"), lit(null).cast("string").as("b"), col("n"));
    Dataset<Row> unitActors = mentions
        .groupBy(col("date").cast("string").as("date"), col("articleId"),
            sentence ? col("sentence") : lit(0).as("sentence"))
        .agg(org.apache.spark.sql.functions.array_sort(org.apache.spark.sql.functions.collect_set(col("actorId")))
            .as("actors"))
        .select("date", "actors");
    return unitActors.flatMap(new UnitPairs(),
            org.apache.spark.sql.catalyst.encoders.ExpressionEncoder.apply(COUNTS))
        .groupBy(col("date"), col("a"), col("b")).agg(sum("n").as("n"))
        .union(units);
  }

  private static final org.apache.spark.sql.types.StructType COUNTS = new org.apache.spark.sql.types.StructType()
      .add("date", org.apache.spark.sql.types.DataTypes.StringType)
      .add("a", org.apache.spark.sql.types.DataTypes.StringType)
      .add("b", org.apache.spark.sql.types.DataTypes.StringType)
      .add("n", org.apache.spark.sql.types.DataTypes.LongType);

  /** (date, scope, a, b, n) rows (see {@link #counts}) to pair rows with their marginals, units and measures. */
  static Dataset<PairRow> measured(Dataset<Row> c, long minCount) {
    // the uses of one aggregate share its shuffle (Spark reuses the exchange)
    Dataset<Row> units = c.filter(col("a").isNull()).select(col("date").as("du"), col("scope").as("su"),
        col("n").as("units"));
    Dataset<Row> ma = c.filter(col("a").isNotNull().and(col("b").isNull()))
        .select(col("date").as("da"), col("scope").as("sa"), col("a").as("ida"), col("n").as("countA"));
    Dataset<Row> mb = ma.select(col("da").as("db"), col("sa").as("sb"), col("ida").as("idb"), col("countA").as("countB"));
    Dataset<Row> pairs = c.filter(col("b").isNotNull().and(col("n").geq(minCount)));
    Dataset<Row> joined = pairs
        .join(ma, col("date").eqNullSafe(col("da")).and(col("scope").equalTo(col("sa"))).and(col("a").equalTo(col("ida"))))
        .join(mb, col("date").eqNullSafe(col("db")).and(col("scope").equalTo(col("sb"))).and(col("b").equalTo(col("idb"))))
        .join(units, col("date").eqNullSafe(col("du")).and(col("scope").equalTo(col("su"))))
        .select(col("date").cast("date").as("date"), col("scope"), col("a"), col("b"), col("n"),
            col("countA"), col("countB"), col("units").cast("long").as("units"));
    return joined.map(new Measures(), PairRow.ENCODER);
  }

  /** One unit's sorted distinct actors to (date, a, null, 1) per actor and (date, a, b, 1) per pair a < b. */
  static final class UnitPairs implements org.apache.spark.api.java.function.FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public java.util.Iterator<Row> call(Row r) {
      String date = r.isNullAt(0) ? null : r.getString(0);
      List<String> actors = r.getList(1);
      List<Row> out = new java.util.ArrayList<>();
      for (int i = 0; i < actors.size(); i++) {
        out.add(org.apache.spark.sql.RowFactory.create(date, actors.get(i), null, 1L));
        for (int j = i + 1; j < actors.size(); j++) {
          out.add(org.apache.spark.sql.RowFactory.create(date, actors.get(i), actors.get(j), 1L));
        }
      }
      return out.iterator();
    }
  }

  /**
   * The window scope: every article is cut into sliding windows of {@code width} tokens (one
   * window when it is shorter); each window is one unit. count_a = windows naming a, count_ab =
   * windows naming both, units = all windows of the date. Per article, each actor's windows form a
   * union of intervals of window starts, and a pair's count is the size of the intersection of its
   * two unions; only pairs of actors within one window of each other are emitted.
   */
  static Dataset<Row> windowCounts(Dataset<Mention> mentions, Dataset<AnalyzedArticle> articles, int width) {
    Dataset<Row> spans = mentions.groupBy(col("articleId"))
        .agg(org.apache.spark.sql.functions.collect_list(
            org.apache.spark.sql.functions.struct(col("start"), col("actorId"))).as("m"));
    Dataset<Row> docs = articles.toDF().join(spans, articles.col("id").equalTo(spans.col("articleId")), "left")
        .select(col("date").cast("string").as("date"), col("text"), col("tokenStart"), col("m"));
    org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
        .add("date", org.apache.spark.sql.types.DataTypes.StringType)
        .add("a", org.apache.spark.sql.types.DataTypes.StringType)
        .add("b", org.apache.spark.sql.types.DataTypes.StringType)
        .add("n", org.apache.spark.sql.types.DataTypes.LongType);
    return docs.flatMap(new WindowCounts(width),
        org.apache.spark.sql.catalyst.encoders.ExpressionEncoder.apply(schema))
        .groupBy(col("date"), col("a"), col("b")).agg(sum("n").as("n"));
  }

  /** One article's window counts: (date, null, null, windows), (date, a, null, windows naming a), (date, a, b, both). */
  static final class WindowCounts implements org.apache.spark.api.java.function.FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int width;

    WindowCounts(int width) {
      this.width = width;
    }

    @Override
    public java.util.Iterator<Row> call(Row r) {
      String date = r.getString(0);
      String text = r.getString(1);
      List<Integer> starts = r.isNullAt(2) ? List.of() : r.getList(2);
      int n = starts.size();
      int windows = n < width ? 1 : n - width + 1;
      List<Row> out = new java.util.ArrayList<>();
      out.add(org.apache.spark.sql.RowFactory.create(date, null, null, (long) windows));
      if (r.isNullAt(3)) {
        return out.iterator();
      }
      int[] tokenStart = new int[n];
      for (int i = 0; i < n; i++) {
        tokenStart[i] = starts.get(i);
      }
      // each actor's window starts [from, to], merged
      java.util.TreeMap<String, List<int[]>> byActor = new java.util.TreeMap<>();
      for (Row m : r.<Row>getList(3)) {
        int offset = text.offsetByCodePoints(0, m.getInt(0));
        int p = java.util.Arrays.binarySearch(tokenStart, offset);
        if (p < 0) {
          p = Math.max(0, -p - 2);
        }
        int from = n < width ? 0 : Math.max(0, p - width + 1);
        int to = n < width ? 0 : Math.min(p, n - width);
        byActor.computeIfAbsent(m.getString(1), k -> new java.util.ArrayList<>()).add(new int[] {from, to});
      }
      List<String> actors = new java.util.ArrayList<>(byActor.keySet());
      List<int[][]> merged = new java.util.ArrayList<>();
      for (String a : actors) {
        List<int[]> iv = byActor.get(a);
        iv.sort((x, y) -> Integer.compare(x[0], y[0]));
        List<int[]> m = new java.util.ArrayList<>();
        for (int[] x : iv) {
          if (!m.isEmpty() && x[0] <= m.get(m.size() - 1)[1] + 1) {
            m.get(m.size() - 1)[1] = Math.max(m.get(m.size() - 1)[1], x[1]);
          } else {
            m.add(new int[] {x[0], x[1]});
          }
        }
        merged.add(m.toArray(new int[0][]));
        long c = 0;
        for (int[] x : m) {
          c += x[1] - x[0] + 1;
        }
        out.add(org.apache.spark.sql.RowFactory.create(date, a, null, c));
      }
      for (int i = 0; i < actors.size(); i++) {
        for (int j = i + 1; j < actors.size(); j++) {
          long both = intersect(merged.get(i), merged.get(j));
          if (both > 0) {
            out.add(org.apache.spark.sql.RowFactory.create(date, actors.get(i), actors.get(j), both));
          }
        }
      }
      return out.iterator();
    }

    static long intersect(int[][] x, int[][] y) {
      long c = 0;
      int i = 0;
      int j = 0;
      while (i < x.length && j < y.length) {
        int lo = Math.max(x[i][0], y[j][0]);
        int hi = Math.min(x[i][1], y[j][1]);
        if (lo <= hi) {
          c += hi - lo + 1;
        }
        if (x[i][1] < y[j][1]) {
          i++;
        } else {
          j++;
        }
      }
      return c;
    }
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
      p.setExpected(Association.expected(na, nb, n));
      p.setLlrP(Association.llrPValue(p.getLlr()));
      return p;
    }
  }
}
