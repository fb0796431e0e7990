package io.actorscope.io;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Syndicated copies and near-identical rewrites: MLlib's MinHash LSH over word shingles. Two
 * articles whose shingle sets have a Jaccard similarity of at least {@code threshold} are copies of
 * one story (MinHash only proposes candidate pairs; their exact Jaccard distance decides). Stories
 * are the connected groups of such pairs; a story's id is its first copy's id (by source file,
 * offset, id). The pairs are gathered on the driver for the grouping: they are few (copies only),
 * not the corpus.
 */
public final class NearDuplicates {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  /** The settings of near-duplicate detection (near_duplicates in conf/defaults.yaml). */
  public static final class Settings implements Serializable {
    private static final long serialVersionUID = 1L;
    public int shingleWords = 3;
    public double threshold = 0.8;
    public int hashTables = 8;
    public long seed = 42;
  }

  /** What was found. */
  public static final class Found {
    public final Dataset<Article> articles;
    public final List<String[]> pairs;
    public final long storiesWithCopies;
    public final long copies;

    Found(Dataset<Article> articles, List<String[]> pairs, long storiesWithCopies, long copies) {
      this.articles = articles;
      this.pairs = pairs;
      this.storiesWithCopies = storiesWithCopies;
      this.copies = copies;
    }
  }

  private NearDuplicates() {}

  /** The word shingles of a text: lower-cased runs of letters and digits, {@code n} at a time. */
  public static List<String> shingles(String text, int n) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    List<String> out = new ArrayList<>();
    if (words.isEmpty()) {
      return out;
    }
    if (words.size() < n) {
      out.add(String.join(" ", words));
      return out;
    }
    for (int i = 0; i + n <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + n)));
    }
    return out;
  }

  public static Found assign(SparkSession spark, Dataset<Article> articles, Settings s) {
    StructType schema = new StructType()
        .add("id", DataTypes.StringType)
        .add("sourceFile", DataTypes.StringType)
        .add("offset", DataTypes.LongType)
        .add("shingles", DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> sh = articles.map(new Shingle(s.shingleWords),
        org.apache.spark.sql.Encoders.row(schema));
    HashingTF tf = new HashingTF().setInputCol("shingles").setOutputCol("features").setNumFeatures(1 << 22)
        .setBinary(true);
    spark.udf().register("actorscope_nonempty", (UDF1<Vector, Boolean>) v -> ((SparseVector) v.toSparse()).numNonzeros() > 0,
        DataTypes.BooleanType);
    Dataset<Row> vec = tf.transform(sh).filter("actorscope_nonempty(features)").select("id", "sourceFile", "offset", "features")
        .cache();
    MinHashLSHModel model = new MinHashLSH().setInputCol("features").setOutputCol("hashes")
        .setNumHashTables(s.hashTables).setSeed(s.seed).fit(vec);
    List<Row> pairRows = model.approxSimilarityJoin(vec, vec, 1.0 - s.threshold + 1e-12, "distance")
        .filter(col("datasetA.id").lt(col("datasetB.id")))
        .select(col("datasetA.id"), col("datasetA.sourceFile"), col("datasetA.offset"),
            col("datasetB.id"), col("datasetB.sourceFile"), col("datasetB.offset"), col("distance"))
        .collectAsList();
    vec.unpersist();
    // union-find over the pairs; each group's root is its first copy
    Map<String, String> parent = new HashMap<>();
    Map<String, String> orderKey = new HashMap<>();
    List<String[]> pairs = new ArrayList<>();
    for (Row r : pairRows) {
      String a = r.getString(0);
      String b = r.getString(3);
      orderKey.put(a, key(r.getString(1), r.getLong(2), a));
      orderKey.put(b, key(r.getString(4), r.getLong(5), b));
      pairs.add(new String[] {a, b, String.valueOf(1.0 - r.getDouble(6))});
      union(parent, orderKey, a, b);
    }
    List<Row> mapping = new ArrayList<>();
    java.util.Set<String> roots = new java.util.HashSet<>();
    for (String id : orderKey.keySet()) {
      String root = find(parent, id);
      roots.add(root);
      mapping.add(RowFactory.create(id, root));
    }
    StructType ms = new StructType().add("_id", DataTypes.StringType).add("_story", DataTypes.StringType);
    Dataset<Row> map = spark.createDataFrame(mapping, ms);
    Dataset<Article> out = articles.join(org.apache.spark.sql.functions.broadcast(map),
            articles.col("id").equalTo(map.col("_id")), "left")
        .withColumn("storyId", coalesce(col("_story"), col("id")))
        .drop("_id", "_story")
        .select(java.util.Arrays.stream(Article.ENCODER.schema().fieldNames()).map(org.apache.spark.sql.functions::col)
            .toArray(org.apache.spark.sql.Column[]::new))
        .as(Article.ENCODER);
    return new Found(out, pairs, roots.size(), orderKey.size() - roots.size());
  }

  private static String key(String file, long offset, String id) {
    return (file == null ? "" : file) + "\u0000" + String.format("%020d", offset + 1) + "\u0000" + id;
  }

  private static String find(Map<String, String> parent, String x) {
    String p = parent.getOrDefault(x, x);
    if (p.equals(x)) {
      return x;
    }
    String r = find(parent, p);
    parent.put(x, r);
    return r;
  }

  private static void union(Map<String, String> parent, Map<String, String> key, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (ra.equals(rb)) {
      return;
    }
    // the earlier copy becomes the root
    if (key.get(ra).compareTo(key.get(rb)) <= 0) {
      parent.put(rb, ra);
    } else {
      parent.put(ra, rb);
    }
  }

  /** Article to (id, sourceFile, offset, shingles). */
  static final class Shingle implements MapFunction<Article, Row> {
    private static final long serialVersionUID = 1L;
    private final int n;

    Shingle(int n) {
      this.n = n;
    }

    @Override
    public Row call(Article a) {
      return RowFactory.create(a.getId(), a.getSourceFile(), a.getOffset(), shingles(a.getText(), n).toArray(new String[0]));
    }
  }

}
