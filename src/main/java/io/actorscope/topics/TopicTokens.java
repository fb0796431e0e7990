package io.actorscope.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

import io.actorscope.actors.Mention;
import io.actorscope.text.AnalyzedArticle;
import io.actorscope.text.Tokenizer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The tokens the topic model sees, per article: the terms of the text stage's tokens (lower-cased words of
 * letters, at least {@code text.min_term_length} long, so numbers and very short tokens are already
 * gone), stop words removed, optionally each actor mention replaced by one token {@code @ACTOR_ID},
 * optionally frequent collocations joined into one bigram token ({@code foreign_minister}).
 */
public final class TopicTokens {
  /** Column of the prepared rows: id, date (ISO text), source, tokens. */
  public static final String TOKENS = "tokens";
  static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType)
      .add("date", DataTypes.StringType)
      .add("source", DataTypes.StringType)
      .add(TOKENS, DataTypes.createArrayType(DataTypes.StringType));

  /** How articles become tokens; saved with a model so that inference repeats it exactly. */
  public static final class Settings implements Serializable {
    private static final long serialVersionUID = 1L;
    public Set<String> stopwords = new HashSet<>();
    public boolean actorTokens;
    /** Actor mentions' words left out (topics.actor_tokens: drop); needs the mentions. */
    public boolean dropActors;
    public int minTermLength = 3;
    /** Accepted bigrams "a b" (learned when fitting, read from the model when inferring). */
    public Set<String> bigrams = new HashSet<>();
  }

  private TopicTokens() {}

  /**
   * Articles to rows of (id, date, source, tokens), stop words still marked as "" so that bigrams
   * are only formed from words that were adjacent; {@link #finish} joins bigrams and drops them.
   */
  public static Dataset<Row> marked(Dataset<AnalyzedArticle> articles, Dataset<Mention> mentions, Settings s) {
    if ((s.actorTokens || s.dropActors) && mentions != null) {
      Dataset<Row> spans = mentions.groupBy(col("articleId"))
          .agg(collect_list(struct(col("start"), col("end"), col("actorId"))).as("spans"));
      Dataset<Row> joined = articles.toDF().join(spans, articles.col("id").equalTo(spans.col("articleId")), "left")
          .select(col("id"), col("date"), col("source"), col("text"), col("tokenStart"), col("tokenEnd"),
              col("tokenKind"), col("spans"));
      return joined.map(new WithActors(s), ExpressionEncoder.apply(SCHEMA));
    }
    return articles.map(new Plain(s), ExpressionEncoder.apply(SCHEMA));
  }

  /** The checks behind topics.segment_tokens, as a message naming the key (ConfigLoader reports it). */
  public static void validateSegmentTokens(int segmentTokens) {
    if (segmentTokens < 0 || segmentTokens > MAX_SEGMENT_TOKENS) {
      throw new IllegalArgumentException("topics.segment_tokens must be 0 (whole articles) to " + MAX_SEGMENT_TOKENS);
    }
  }

  /** Larger segments than this are whole articles in practice; the bound keeps the setting meaningful. */
  static final int MAX_SEGMENT_TOKENS = 1_000_000;

  /**
   * An article's tokens as the consecutive segments the model is fitted on: round(n / length)
   * segments of near-equal size (one, the article itself, when n < 1.5 · length; 0 = never split).
   * A long article covers many issues; fitted whole, its words co-occur only through being in the
   * same speech, and the topics mix issues that merely share speakers. In segments of a few
   * paragraphs the words a topic gathers are the ones used together, which is what window
   * coherence measures and what a reader takes for an issue.
   */
  static List<List<String>> split(List<String> tokens, int length) {
    int n = tokens.size();
    int parts = length <= 0 ? 1 : (int) Math.max(1, Math.round((double) n / length));
    List<List<String>> out = new ArrayList<>(parts);
    for (int p = 0; p < parts; p++) {
      out.add(tokens.subList((int) ((long) n * p / parts), (int) ((long) n * (p + 1) / parts)));
    }
    return out;
  }

  /** The prepared rows cut by {@link #split}: one row (same id, date, source) per segment. */
  public static Dataset<Row> segments(Dataset<Row> tokens, int length) {
    return tokens.flatMap(new Segments(length), ExpressionEncoder.apply(SCHEMA));
  }

  static final class Segments implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int length;

    Segments(int length) {
      this.length = length;
    }

    @Override
    public Iterator<Row> call(Row r) {
      List<Row> out = new ArrayList<>();
      for (List<String> seg : split(strings(r, 3), length)) {
        out.add(RowFactory.create(r.get(0), r.get(1), r.get(2), seg.toArray(new String[0])));
      }
      return out.iterator();
    }
  }

  /** Joins accepted bigrams and drops the stop-word markers. */
  public static Dataset<Row> finish(Dataset<Row> marked, Settings s) {
    return marked.map(new Finish(s.bigrams), ExpressionEncoder.apply(SCHEMA));
  }

  /**
   * Bigrams worth joining: adjacent words (no stop word between, no actor token) seen at least
   * {@code minCount} times whose NPMI over token positions, ln(p(ab)/(p(a)p(b))) / −ln p(ab) with
   * probabilities over all tokens (gensim Phrases' npmi scorer), is at least {@code minNpmi}; at
   * most {@code max} of them, most frequent first. Counted on the executors; only the accepted
   * bigrams come back.
   */
  public static Set<String> learnBigrams(Dataset<Row> marked, long minCount, double minNpmi, int max) {
    Dataset<Row> grams = marked.select(col(TOKENS)).flatMap(new Grams(), Encoders.STRING()).toDF("g")
        .groupBy("g").count();
    grams.persist();
    double total = grams.filter(col("g").contains(" ").unary_$bang()).agg(org.apache.spark.sql.functions.sum("count"))
        .first().isNullAt(0) ? 0 : grams.filter(col("g").contains(" ").unary_$bang())
        .agg(org.apache.spark.sql.functions.sum("count")).first().getLong(0);
    Dataset<Row> bi = grams.filter(col("g").contains(" ").and(col("count").geq(minCount)))
        .withColumn("a", org.apache.spark.sql.functions.split(col("g"), " ").getItem(0))
        .withColumn("b", org.apache.spark.sql.functions.split(col("g"), " ").getItem(1));
    Dataset<Row> uni = grams.filter(col("g").contains(" ").unary_$bang());
    Dataset<Row> scored = bi.join(uni.select(col("g").as("ua"), col("count").as("ca")), col("a").equalTo(col("ua")))
        .join(uni.select(col("g").as("ub"), col("count").as("cb")), col("b").equalTo(col("ub")))
        .select(col("g"), col("count"), col("ca"), col("cb"));
    Set<String> out = new HashSet<>();
    List<Row> rows = scored.orderBy(col("count").desc(), col("g")).collectAsList();
    for (Row r : rows) {
      double pab = r.getLong(1) / total;
      double npmi = Math.log(pab / ((r.getLong(2) / total) * (r.getLong(3) / total))) / -Math.log(pab);
      if (npmi >= minNpmi && out.size() < max) {
        out.add(r.getString(0));
      }
    }
    grams.unpersist();
    return out;
  }

  static final class Grams implements FlatMapFunction<Row, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<String> call(Row r) {
      List<String> t = strings(r, 0);
      List<String> out = new ArrayList<>();
      for (int i = 0; i < t.size(); i++) {
        String a = t.get(i);
        if (a.isEmpty()) {
          continue;
        }
        out.add(a);
        if (i + 1 < t.size()) {
          String b = t.get(i + 1);
          if (!b.isEmpty() && a.charAt(0) != '@' && b.charAt(0) != '@') {
            out.add(a + " " + b);
          }
        }
      }
      return out.iterator();
    }
  }

  static final class Finish implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Set<String> bigrams;

    Finish(Set<String> bigrams) {
      this.bigrams = bigrams;
    }

    @Override
    public Row call(Row r) {
      List<String> t = strings(r, 3);
      List<String> out = new ArrayList<>(t.size());
      for (int i = 0; i < t.size(); i++) {
        String a = t.get(i);
        if (a.isEmpty()) {
          continue;
        }
        if (!bigrams.isEmpty() && i + 1 < t.size() && !t.get(i + 1).isEmpty() && bigrams.contains(a + " " + t.get(i + 1))) {
          out.add(a + "_" + t.get(i + 1));
          i++;
        } else {
          out.add(a);
        }
      }
      return RowFactory.create(r.get(0), r.get(1), r.get(2), out.toArray(new String[0]));
    }
  }

  static final class Plain implements MapFunction<AnalyzedArticle, Row> {
    private static final long serialVersionUID = 1L;
    private final Set<String> stop;
    private final int minLength;

    Plain(Settings s) {
      this.stop = s.stopwords;
      this.minLength = s.minTermLength;
    }

    @Override
    public Row call(AnalyzedArticle a) {
      List<String> terms = Tokenizer.terms(a.getText(), a.tokens(), minLength);
      String[] out = new String[terms.size()];
      for (int i = 0; i < out.length; i++) {
        String t = terms.get(i);
        out[i] = stop.contains(t) ? "" : t;
      }
      return RowFactory.create(a.getId(), a.getDate() == null ? null : a.getDate().toString(), a.getSource(), out);
    }
  }

  /** Recomputes an article's terms from its tokens, each mention's tokens becoming one "@ACTOR_ID". */
  static final class WithActors implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Set<String> stop;
    private final int minLength;
    private final boolean drop;

    WithActors(Settings s) {
      this.stop = s.stopwords;
      this.minLength = s.minTermLength;
      this.drop = s.dropActors;
    }

    @Override
    public Row call(Row r) {
      String text = r.getString(3);
      int[] ts = ints(r.getList(4));
      int[] te = ints(r.getList(5));
      int[] tk = ints(r.getList(6));
      Tokenizer.Result tokens = new Tokenizer.Result(ts, te, tk, new int[ts.length], new int[0], new int[0]);
      // mention spans in UTF-16 indices (mentions count code points), sorted by start
      List<int[]> spans = new ArrayList<>();
      List<String> actors = new ArrayList<>();
      if (!r.isNullAt(7)) {
        List<Row> list = new ArrayList<>(r.getList(7));
        list.sort((x, y) -> Integer.compare(x.getInt(0), y.getInt(0)));
        for (Row m : list) {
          spans.add(new int[] {text.offsetByCodePoints(0, m.getInt(0)), text.offsetByCodePoints(0, m.getInt(1))});
          actors.add(m.getString(2));
        }
      }
      List<String> out = new ArrayList<>();
      int span = 0;
      for (int t = 0; t < ts.length; t++) {
        while (span < spans.size() && spans.get(span)[1] <= ts[t]) {
          span++;
        }
        if (span < spans.size() && ts[t] >= spans.get(span)[0]) {
          boolean first = t == 0 || te[t - 1] <= spans.get(span)[0];
          if (first) {
            // dropped: a marker, so that no bigram joins the words either side of the name
            out.add(drop ? "" : "@" + actors.get(span));
          }
          continue;
        }
        String w = Tokenizer.term(text, tokens, t, minLength);
        if (w != null) {
          out.add(stop.contains(w) ? "" : w);
        }
      }
      java.time.LocalDate date = io.actorscope.output.Tables.localDate(r.get(1));
      return RowFactory.create(r.get(0), date == null ? null : date.toString(), r.get(2), out.toArray(new String[0]));
    }

    private static int[] ints(List<Object> l) {
      int[] a = new int[l == null ? 0 : l.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = ((Number) l.get(i)).intValue();
      }
      return a;
    }
  }

  /**
   * A string-array column of a row, whether it arrives as a Seq (read back from Spark's storage)
   * or as the String[] a previous map in the same stage put there.
   */
  @SuppressWarnings("unchecked")
  static List<String> strings(Row r, int i) {
    if (r.isNullAt(i)) {
      return Collections.emptyList();
    }
    Object v = r.get(i);
    if (v instanceof String[] a) {
      return Arrays.asList(a);
    }
    if (v instanceof List<?> l) {
      return (List<String>) l;
    }
    return r.getList(i);
  }

  static Set<String> asSet(String[] words) {
    return new HashSet<>(Arrays.asList(words));
  }

  static List<String> none() {
    return Collections.emptyList();
  }

  static Map<String, Object> describe(Settings s) {
    return Map.of("actor_tokens", s.actorTokens, "drop_actors", s.dropActors, "bigrams", s.bigrams.size());
  }
}
