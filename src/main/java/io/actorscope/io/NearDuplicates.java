package io.actorscope.io;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Syndicated copies and near-identical rewrites, in time linear in the corpus. Two articles whose
 * sets of word shingles have a Jaccard similarity of at least {@code threshold} are copies of one
 * story; copies of copies join the same story, whose id is its first copy's id (by source file,
 * offset, id).
 *
 * <p>No pair of articles is compared unless LSH proposes it, and LSH proposes a bounded number per
 * article:
 *
 * <ol>
 *   <li>One pass over the text: each article's shingles are hashed to 64 bits and binned
 *       (one-permutation MinHash); each bin keeps its {@link Settings#depth} smallest hashes.
 *   <li>Boilerplate: a hash that is among those kept by more than {@code boilerplateFraction} of
 *       the articles (and at least {@code boilerplateMinArticles}) is left out of the signatures:
 *       speeches that all open with "Mr. President, on behalf of" would otherwise share buckets.
 *       Counting only the kept hashes bounds this count by {@code bins × depth} rows an article.
 *   <li>Each signature (the smallest hash left per bin, empty bins filled from the next one) is
 *       cut into bands of {@link Settings#rows}; articles sharing a band's values share a bucket.
 *       For dated articles the bucket also carries a block of {@code windowDays} days (each
 *       article also visits the next block), so only articles at most that many days apart meet.
 *   <li>Within a bucket, ordered by first copy, each article is paired only with the bucket's first
 *       {@code maxBucket} articles: a bucket of 10,000 never makes 50 million pairs.
 *   <li>A candidate whose signatures agree on too few bins is dropped; the others are decided on
 *       the exact Jaccard similarity of their full shingle sets (boilerplate included).
 *   <li>Stories are the connected components of the remaining pairs, found by min-label
 *       propagation on the cluster (never gathered on the driver).
 * </ol>
 */
public final class NearDuplicates {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final long EMPTY = Long.MAX_VALUE;

  /** The settings of near-duplicate detection (near_duplicates in conf/defaults.yaml). */
  public static final class Settings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@code near_duplicates.*} bound and checked; the tuning fields below keep their defaults. */
    public static Settings from(io.actorscope.config.JobConfig.NearDuplicates nd) {
      if (nd.shingleWords < 1) {
        throw new io.actorscope.config.ConfigException("near_duplicates.shingle_words", "must be >= 1");
      }
      if (!(nd.threshold > 0 && nd.threshold <= 1)) {
        throw new io.actorscope.config.ConfigException("near_duplicates.threshold", "must be in (0, 1]");
      }
      if (nd.hashTables < 1) {
        throw new io.actorscope.config.ConfigException("near_duplicates.hash_tables", "must be >= 1");
      }
      Settings s = new Settings();
      s.shingleWords = nd.shingleWords;
      s.threshold = nd.threshold;
      s.hashTables = nd.hashTables;
      return s;
    }

    public int shingleWords = 3;
    public double threshold = 0.8;
    /** LSH bands; the signature has {@code hashTables × rows} bins. */
    public int hashTables = 16;
    /** MinHash values per band: two articles share a band's bucket with probability ~J^rows. */
    public int rows = 4;
    /** Smallest hashes kept per bin, so a bin still has one when boilerplate is taken out. */
    public int depth = 3;
    /** A hash kept by more than this fraction of the articles is boilerplate. */
    public double boilerplateFraction = 0.01;
    /** ... and by at least this many articles (a small corpus has no boilerplate to speak of). */
    public int boilerplateMinArticles = 50;
    /** At most this many boilerplate hashes are broadcast (the most frequent). */
    public int boilerplateMax = 200_000;
    /** Each article is paired with at most this many others in each bucket. */
    public int maxBucket = 50;
    /** Dated articles more than this many days apart are never copies; 0: no window. */
    public int windowDays = 7;
    /** A candidate is checked exactly only if its signatures' agreement is at least threshold − this. */
    public double signatureMargin = 0.25;
    public long seed = 42;
  }

  /** What was found. */
  public static final class Found {
    public final Dataset<Article> articles;
    /** Pairs of copies (a, b, jaccard) with a before b; cached, {@link #release()} when done. */
    public final Dataset<Row> pairs;
    public final long storiesWithCopies;
    public final long copies;
    private final List<Dataset<?>> cached;

    Found(Dataset<Article> articles, Dataset<Row> pairs, long storiesWithCopies, long copies, List<Dataset<?>> cached) {
      this.articles = articles;
      this.pairs = pairs;
      this.storiesWithCopies = storiesWithCopies;
      this.copies = copies;
      this.cached = cached;
    }

    /**
     * The pairs as rows of {@code story_copies}: each pair once, the later article first, with its story
     * and the date it is filed under (the later article's). Read it before {@link #release()}.
     */
    public Dataset<StoryCopy> copies() {
      Dataset<Row> b = articles.select(col("id").as("_b"), col("storyId"), col("date"));
      return pairs.join(b, pairs.col("b_id").equalTo(b.col("_b")))
          .select(col("b_id").as("articleId"), col("a_id").as("copyOf"), col("storyId"), col("jaccard"), col("date"))
          .as(StoryCopy.ENCODER);
    }

    /** Releases the cached intermediate datasets (call once {@link #articles} is materialised). */
    public void release() {
      cached.forEach(Dataset::unpersist);
    }
  }

  private NearDuplicates() {}

  /** The word shingles of a text: lower-cased runs of letters and digits, {@code n} at a time. */
  public static List<String> shingles(String text, int n) {
    List<String> words = words(text);
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

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  /**
   * The distinct 64-bit hashes of {@link #shingles}, sorted: the same shingles give the same
   * hashes, so the Jaccard similarity of two hash sets is that of the shingle sets (up to 64-bit
   * collisions).
   */
  public static long[] shingleHashes(String text, int n, long seed) {
    long[] wh = wordHashes(text, seed);
    if (wh.length == 0) {
      return new long[0];
    }
    int count = Math.max(1, wh.length - n + 1);
    int width = Math.min(n, wh.length);
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      long h = seed ^ width;
      for (int j = 0; j < width; j++) {
        h = mix(h * 0x9E3779B97F4A7C15L + wh[i + j]);
      }
      out[i] = h;
    }
    Arrays.sort(out);
    int k = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[k++] = out[i];
      }
    }
    return Arrays.copyOf(out, k);
  }

  /** The Jaccard similarity of two sorted distinct arrays. */
  public static double jaccard(long[] a, long[] b) {
    if (a.length == 0 && b.length == 0) {
      return 1.0;
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return common / (double) (a.length + b.length - common);
  }

  /**
   * {@link #wordHash} of each of {@link #words}, hashed where the word stands in the lower-cased
   * text: the regex and a String per word were a third of the sketch pass (profiled on UNGDC).
   */
  static long[] wordHashes(String text, long seed) {
    String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
    long[] out = new long[16];
    int n = 0;
    int i = 0;
    int len = t.length();
    while (i < len) {
      int c = t.codePointAt(i);
      if (!isWordChar(c)) {
        i += Character.charCount(c);
        continue;
      }
      long h = 0xcbf29ce484222325L ^ seed;
      while (i < len) {
        c = t.codePointAt(i);
        if (!isWordChar(c)) {
          break;
        }
        int end = i + Character.charCount(c);
        for (; i < end; i++) {
          h = (h ^ t.charAt(i)) * 0x100000001b3L;
        }
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = mix(h);
    }
    return Arrays.copyOf(out, n);
  }

  /** {@link #WORD}'s class, [\p{L}\p{N}], for one code point. */
  private static boolean isWordChar(int c) {
    if (c < 0x80) {
      return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
    }
    switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** A word's hash (FNV-1a over its UTF-16 units, then {@link #mix}). */
  static long wordHash(String w, long seed) {
    long h = 0xcbf29ce484222325L ^ seed;
    for (int i = 0; i < w.length(); i++) {
      h = (h ^ w.charAt(i)) * 0x100000001b3L;
    }
    return mix(h);
  }

  /** SplitMix64's finaliser: every input bit moves every output bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * The {@code depth} smallest hashes of each of {@code bins} bins (a hash's bin from its high bits),
   * ascending within a bin, {@link #EMPTY} where a bin has fewer.
   */
  static long[] binMinima(long[] hashes, int bins, int depth) {
    long[] tops = new long[bins * depth];
    Arrays.fill(tops, EMPTY);
    for (long h : hashes) {
      int bin = (int) (((h >>> 32) * bins) >>> 32);
      int base = bin * depth;
      if (h >= tops[base + depth - 1]) {
        continue;
      }
      int p = base + depth - 1;
      while (p > base && tops[p - 1] > h) {
        tops[p] = tops[p - 1];
        p--;
      }
      tops[p] = h;
    }
    return tops;
  }

  /**
   * The signature: per bin the smallest hash not in {@code boilerplate} (sorted); a bin left empty
   * takes the next non-empty bin's value, salted by the distance (rotation densification), so two
   * articles with the same shingles get the same signature. Null when the text has no shingle.
   */
  static long[] signature(long[] tops, int bins, int depth, long[] boilerplate) {
    long[] sig = new long[bins];
    boolean any = false;
    for (int b = 0; b < bins; b++) {
      sig[b] = EMPTY;
      for (int d = 0; d < depth; d++) {
        long h = tops[b * depth + d];
        if (h == EMPTY) {
          break;
        }
        if (Arrays.binarySearch(boilerplate, h) < 0) {
          sig[b] = h;
          any = true;
          break;
        }
      }
    }
    if (!any) {
      // nothing but boilerplate: the raw minima still tell identical texts apart from others
      for (int b = 0; b < bins; b++) {
        sig[b] = tops[b * depth];
        any |= sig[b] != EMPTY;
      }
      if (!any) {
        return null;
      }
    }
    long[] out = sig.clone();
    for (int b = 0; b < bins; b++) {
      if (sig[b] != EMPTY) {
        continue;
      }
      for (int dist = 1; dist < bins; dist++) {
        long v = sig[(b + dist) % bins];
        if (v != EMPTY) {
          out[b] = mix(v + dist * 0x9E3779B97F4A7C15L);
          break;
        }
      }
    }
    return out;
  }

  /** The order of first copies: source file, offset, id. */
  static String key(String file, long offset, String id) {
    return (file == null ? "" : file) + "\u0000" + String.format("%020d", offset + 1) + "\u0000" + id;
  }

  private static final StructType SKETCH = new StructType()
      .add("id", DataTypes.StringType)
      .add("key", DataTypes.StringType)
      .add("day", DataTypes.LongType)
      .add("tops", DataTypes.createArrayType(DataTypes.LongType, false));

  private static final StructType SIG = new StructType()
      .add("id", DataTypes.StringType)
      .add("key", DataTypes.StringType)
      .add("day", DataTypes.LongType)
      .add("sig", DataTypes.createArrayType(DataTypes.LongType, false));

  private static final StructType BUCKET = new StructType()
      .add("band", DataTypes.IntegerType)
      .add("value", DataTypes.LongType)
      .add("block", DataTypes.LongType)
      .add("spill", DataTypes.BooleanType)
      .add("key", DataTypes.StringType)
      .add("day", DataTypes.LongType);

  public static Found assign(SparkSession spark, Dataset<Article> articles, Settings s) {
    int bins = s.hashTables * s.rows;
    List<Dataset<?>> cached = new ArrayList<>();
    Dataset<Row> sketch = articles.map(new Sketch(s.shingleWords, s.seed, bins, s.depth), Encoders.row(SKETCH))
        .filter(col("tops").isNotNull())
        .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(sketch);

    // boilerplate: hashes that many articles keep; counting only kept hashes bounds the rows
    // an article adds (bins × depth), and the broadcast set is capped
    Dataset<Row> kept = sketch.select(org.apache.spark.sql.functions.explode(
        org.apache.spark.sql.functions.array_distinct(col("tops"))).as("h")).filter(col("h").notEqual(lit(EMPTY)));
    Row n = sketch.agg(org.apache.spark.sql.functions.count(lit(1))).first();
    long articlesSketched = n.getLong(0);
    long limit = Math.max(s.boilerplateMinArticles, (long) Math.floor(s.boilerplateFraction * articlesSketched));
    List<Long> frequent = kept.groupBy("h").count().filter(col("count").gt(limit))
        .orderBy(col("count").desc(), col("h")).limit(s.boilerplateMax)
        .select("h").as(Encoders.LONG()).collectAsList();
    long[] boiler = frequent.stream().mapToLong(Long::longValue).sorted().toArray();
    Broadcast<long[]> bp = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(boiler);

    // cut: the pairs below join sig with itself three ways, and with the whole plan under it the
    // driver spent 4.1 s analysing them (DeduplicateRelations on every self-join) before a task ran
    Dataset<Row> sig = io.actorscope.Plans.persistCut(sketch.map(new Sign(bins, s.depth, bp), Encoders.row(SIG))
        .filter(col("sig").isNotNull()), Encoders.row(SIG));
    cached.add(sig);

    // buckets: (band, band value, block of days); each article paired with the first maxBucket
    Dataset<Row> buckets = sig.flatMap(new Bands(s.hashTables, s.rows, s.windowDays, s.seed), Encoders.row(BUCKET))
        .withColumn("rank", row_number().over(Window.partitionBy("band", "value", "block").orderBy("key", "spill")));
    Dataset<Row> anchors = buckets.filter(col("rank").leq(s.maxBucket))
        .select(col("band"), col("value"), col("block"), col("rank").as("a_rank"), col("key").as("a_key"),
            col("day").as("a_day"), col("spill").as("a_spill"));
    Dataset<Row> members = buckets.select(col("band"), col("value"), col("block"), col("rank").as("b_rank"),
        col("key").as("b_key"), col("day").as("b_day"), col("spill").as("b_spill"));
    Column window = s.windowDays <= 0 ? lit(true)
        : col("a_day").isNull().or(org.apache.spark.sql.functions.abs(col("a_day").minus(col("b_day"))).leq(s.windowDays));
    Dataset<Row> candidates = members.join(anchors, new String[] {"band", "value", "block"})
        .filter(col("a_rank").lt(col("b_rank")).and(org.apache.spark.sql.functions.not(col("a_spill").and(col("b_spill"))))
            .and(col("a_key").lt(col("b_key"))).and(window))
        .select("a_key", "b_key").distinct();

    // cheap check on the signatures first, then the exact Jaccard of the full shingle sets
    Dataset<Row> sa = sig.select(col("key").as("a_key"), col("id").as("a_id"), col("sig").as("a_sig"));
    Dataset<Row> sb = sig.select(col("key").as("b_key"), col("id").as("b_id"), col("sig").as("b_sig"));
    Column agree = org.apache.spark.sql.functions.aggregate(
        org.apache.spark.sql.functions.zip_with(col("a_sig"), col("b_sig"), (x, y) -> x.equalTo(y).cast("int")),
        lit(0), (acc, x) -> acc.plus(x)).divide((double) bins);
    Dataset<Row> likely = candidates.join(sa, "a_key").join(sb, "b_key")
        .filter(agree.geq(s.threshold - s.signatureMargin))
        .select("a_key", "a_id", "b_key", "b_id")
        .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(likely);
    // likely and the shingle sets are each read three times below: uncached, the bucket join ran
    // five times and every article's text was shuffled twice to meet the ids in the semi-join
    // (2 × 118 MB and 23 s of the 45 s ingest on the UNGDC archive, for one pair of copies)
    long likelyPairs = likely.count();
    Dataset<Row> involved = likely.select(col("a_id").as("_id")).union(likely.select(col("b_id").as("_id"))).distinct();
    Dataset<Row> sets = articles.select(col("id"), col("text"))
        .join(likelyPairs <= BROADCAST_PAIRS ? org.apache.spark.sql.functions.broadcast(involved) : involved,
            col("id").equalTo(col("_id")), "left_semi")
        .map(new Hashes(s.shingleWords, s.seed), Encoders.row(new StructType()
            .add("id", DataTypes.StringType).add("h", DataTypes.createArrayType(DataTypes.LongType, false))))
        .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(sets);
    spark.udf().register("actorscope_jaccard", (org.apache.spark.sql.api.java.UDF2<scala.collection.Seq<Long>,
        scala.collection.Seq<Long>, Double>) (x, y) -> jaccard(toArray(x), toArray(y)), DataTypes.DoubleType);
    Dataset<Row> pairs = likely
        .join(sets.select(col("id").as("a_id"), col("h").as("a_h")), "a_id")
        .join(sets.select(col("id").as("b_id"), col("h").as("b_h")), "b_id")
        .withColumn("jaccard", org.apache.spark.sql.functions.call_udf("actorscope_jaccard", col("a_h"), col("b_h")))
        .filter(col("jaccard").geq(s.threshold))
        .select("a_key", "a_id", "b_key", "b_id", "jaccard")
        .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(pairs);

    Dataset<Row> labels = components(pairs.select(col("a_key").as("u"), col("b_key").as("v")), cached);
    // a key ends with the article's id
    Dataset<Row> story = labels.select(
        org.apache.spark.sql.functions.substring_index(col("node"), "\u0000", -1).as("_id"),
        org.apache.spark.sql.functions.substring_index(col("label"), "\u0000", -1).as("_story"));
    Row c = labels.agg(org.apache.spark.sql.functions.count(lit(1)),
        org.apache.spark.sql.functions.countDistinct(col("label"))).first();
    long nodes = c.getLong(0);
    long stories = c.getLong(1);
    Dataset<Article> out = articles.join(story, articles.col("id").equalTo(story.col("_id")), "left")
        .withColumn("storyId", coalesce(col("_story"), col("id")))
        .drop("_id", "_story")
        .select(Arrays.stream(Article.ENCODER.schema().fieldNames()).map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new))
        .as(Article.ENCODER);
    return new Found(out, pairs.select(col("a_id"), col("b_id"), col("jaccard")), stories, nodes - stories, cached);
  }

  private static long[] toArray(scala.collection.Seq<Long> s) {
    long[] out = new long[s.size()];
    scala.collection.Iterator<Long> it = s.iterator();
    int i = 0;
    while (it.hasNext()) {
      out[i++] = it.next();
    }
    return out;
  }

  /**
   * Connected components of an undirected graph (u, v): every node's label becomes the smallest
   * node of its component. Up to {@link #LOCAL_EDGES} edges by union-find on the driver
   * ({@link #localComponents}); more on the cluster by min-label propagation, each round one small
   * join over the edges, as many rounds as the longest shortest path (copies form stars and
   * cliques: a few rounds). Returns (node, label).
   */
  static Dataset<Row> components(Dataset<Row> edges, List<Dataset<?>> cached) {
    return components(edges, cached, LOCAL_EDGES);
  }

  /** As above, grouping on the driver only up to {@code localEdges} pairs (a test forces the rounds with 0). */
  static Dataset<Row> components(Dataset<Row> edges, List<Dataset<?>> cached, int localEdges) {
    // Few pairs (the usual case: a day of news holds hundreds of copies, not millions) are grouped in
    // one pass on the driver, bounded by LOCAL_EDGES (some tens of MB of keys), instead of the
    // rounds below, each a join, a checkpoint and a count.
    List<Row> few = edges.limit(localEdges + 1).collectAsList();
    if (few.size() <= localEdges) {
      return edges.sparkSession().createDataFrame(localComponents(few), LABELS);
    }
    Dataset<Row> both = edges.select(col("u"), col("v")).union(edges.select(col("v"), col("u")))
        .distinct().persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(both);
    // each round's labels are checkpointed (eagerly, on the executors): the plan of round k would
    // otherwise hold round k-1's twice, and grow as 2^k
    Dataset<Row> labels = both.groupBy("u").agg(least(min("v"), col("u")).as("label"))
        .select(col("u").as("node"), col("label")).localCheckpoint();
    while (true) {
      Dataset<Row> next = both.join(labels.select(col("node").as("v"), col("label").as("nl")), "v")
          .groupBy("u").agg(min("nl").as("nl"))
          .join(labels, col("u").equalTo(col("node")))
          .select(col("node"), least(col("label"), col("nl")).as("label"), col("label").as("old"))
          .localCheckpoint();
      long changed = next.filter(col("label").notEqual(col("old"))).count();
      labels = next.select("node", "label");
      if (changed == 0) {
        return labels;
      }
    }
  }

  /** Up to this many likely pairs, the articles they name are picked out by a broadcast, not a shuffle of every text. */
  static final long BROADCAST_PAIRS = 1_000_000;

  /** Up to this many copy pairs are grouped into stories on the driver ({@link #components}). */
  static final int LOCAL_EDGES = 100_000;

  private static final StructType LABELS = new StructType()
      .add("node", DataTypes.StringType, false)
      .add("label", DataTypes.StringType, false);

  /**
   * (node, label) for edges (u, v): union-find, each component labelled by its smallest node in the
   * order Spark's {@code min} uses on strings (their UTF-8 bytes), as the distributed rounds label it.
   */
  static List<Row> localComponents(List<Row> edges) {
    java.util.Map<String, String> parent = new java.util.HashMap<>();
    for (Row e : edges) {
      String a = root(parent, e.getString(0));
      String b = root(parent, e.getString(1));
      if (!a.equals(b)) {
        if (UTF8.compare(a, b) < 0) {
          parent.put(b, a);
        } else {
          parent.put(a, b);
        }
      }
    }
    List<Row> out = new ArrayList<>(parent.size());
    for (String n : parent.keySet()) {
      out.add(RowFactory.create(n, root(parent, n)));
    }
    return out;
  }

  private static String root(java.util.Map<String, String> parent, String n) {
    String r = n;
    for (String p = parent.putIfAbsent(r, r); p != null && !p.equals(r); p = parent.get(r)) {
      r = p;
    }
    // path compression: every node on the way now points at the root
    for (String x = n; !x.equals(r); ) {
      String next = parent.get(x);
      parent.put(x, r);
      x = next;
    }
    return r;
  }

  /** Strings in the order of their UTF-8 bytes, unsigned: Spark's order for string columns. */
  static final java.util.Comparator<String> UTF8 = (x, y) -> java.util.Arrays.compareUnsigned(
      x.getBytes(java.nio.charset.StandardCharsets.UTF_8), y.getBytes(java.nio.charset.StandardCharsets.UTF_8));

  /** Article to (id, key, epoch day or null, bin minima); null minima for a text without words. */
  static final class Sketch implements MapFunction<Article, Row> {
    private static final long serialVersionUID = 1L;
    private final int n;
    private final long seed;
    private final int bins;
    private final int depth;

    Sketch(int n, long seed, int bins, int depth) {
      this.n = n;
      this.seed = seed;
      this.bins = bins;
      this.depth = depth;
    }

    @Override
    public Row call(Article a) {
      long[] h = shingleHashes(a.getText(), n, seed);
      Long day = a.getDate() == null ? null : a.getDate().toEpochDay();
      return RowFactory.create(a.getId(), key(a.getSourceFile(), a.getOffset(), a.getId()), day,
          h.length == 0 ? null : binMinima(h, bins, depth));
    }
  }

  /** Sketch row to signature row. */
  static final class Sign implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int bins;
    private final int depth;
    private final Broadcast<long[]> boilerplate;

    Sign(int bins, int depth, Broadcast<long[]> boilerplate) {
      this.bins = bins;
      this.depth = depth;
      this.boilerplate = boilerplate;
    }

    @Override
    public Row call(Row r) {
      long[] sig = signature(unbox(r.getList(3)), bins, depth, boilerplate.value());
      return RowFactory.create(r.getString(0), r.getString(1), r.isNullAt(2) ? null : r.getLong(2),
          sig);
    }
  }

  /** Signature row to one bucket row per band (two in a dated run: its block and the next). */
  static final class Bands implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int bands;
    private final int rows;
    private final int windowDays;
    private final long seed;

    Bands(int bands, int rows, int windowDays, long seed) {
      this.bands = bands;
      this.rows = rows;
      this.windowDays = windowDays;
      this.seed = seed;
    }

    @Override
    public Iterator<Row> call(Row r) {
      List<Long> sig = r.getList(3);
      String key = r.getString(1);
      Long day = r.isNullAt(2) ? null : r.getLong(2);
      List<Row> out = new ArrayList<>();
      for (int b = 0; b < bands; b++) {
        long v = seed + b;
        for (int i = 0; i < rows; i++) {
          v = mix(v * 0x9E3779B97F4A7C15L + sig.get(b * rows + i));
        }
        if (day == null || windowDays <= 0) {
          out.add(RowFactory.create(b, v, Long.MIN_VALUE, false, key, day));
        } else {
          // blocks of windowDays: two articles at most windowDays apart are in one block or
          // neighbours, and the later block also holds each article as a visitor
          long block = Math.floorDiv(day, (long) windowDays);
          out.add(RowFactory.create(b, v, block, false, key, day));
          out.add(RowFactory.create(b, v, block + 1, true, key, day));
        }
      }
      return out.iterator();
    }
  }

  /** (id, text) to (id, sorted shingle hashes). */
  static final class Hashes implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int n;
    private final long seed;

    Hashes(int n, long seed) {
      this.n = n;
      this.seed = seed;
    }

    @Override
    public Row call(Row r) {
      return RowFactory.create(r.getString(0), shingleHashes(r.getString(1), n, seed));
    }
  }

  private static long[] unbox(List<Long> l) {
    long[] out = new long[l.size()];
    for (int i = 0; i < l.size(); i++) {
      out[i] = l.get(i);
    }
    return out;
  }
}
