package io.actorscope.actors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.mode;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.actorscope.text.AnalyzedArticle;
import io.actorscope.text.Tokenizer;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The stale-dictionary report: capitalised names that no actor matched, counted over the run, so
 * that whoever keeps the dictionary sees what is missing. Names are ranked by the articles that
 * use them, then by mentions, so that one speech repeating a name does not outrank a name many
 * use. Real names come first: an occurrence at the start of a sentence does not count (a capital
 * there says nothing), forms of address ("Excellency", "President") are left out, a name around
 * an actor's is reported whole ("Kingdom of Saudi Arabia"), and a name whose words
 * also appear in lower case at least a tenth of the time ("Member States", "Government") is a
 * common phrase, ranked after every real name.
 */
public final class UnmatchedNames {
  /** Example contexts kept per name. */
  public static final int EXAMPLES = 3;
  /** Characters of context on each side of an example. */
  static final int CONTEXT = 60;
  /** The lower-case share from which a name counts as a common phrase. */
  public static final double COMMON_SHARE = 0.1;

  /** What a name looks like, in rank order: a name, a document, event or generic word, a common phrase. */
  public static final String NAME = "name";
  public static final String DOCUMENT = "document_or_event";
  public static final String COMMON = "common_phrase";
  static final List<String> ORDER = List.of(NAME, DOCUMENT, COMMON);
  /**
   * Last words of names of documents, events and eras rather than actors ("Paris Agreement",
   * "Second World War"), and institutions' generic words used alone ("Assembly", "Council").
   */
  static final Set<String> DOCUMENT_WORDS = Set.of("charter", "agreement", "agreements", "convention", "conventions",
      "goals", "goal", "agenda", "declaration", "treaty", "resolution", "resolutions", "war", "law", "act", "summit",
      "conference", "initiative", "day", "report", "plan", "framework", "protocol", "accord", "accords", "programme",
      "program", "strategy", "decade", "year", "pact", "compact", "covenant", "statute", "consensus", "vision", "sdgs",
      "sdg", "olympics", "games", "cup", "prize", "award", "crisis", "pandemic");
  static final Set<String> GENERIC_WORDS = Set.of("assembly", "council", "government", "committee", "court",
      "commission", "parliament", "secretariat", "organization", "organisation", "state", "states", "nations", "god",
      "chair", "member", "members", "republic", "kingdom", "federation", "union", "community", "people", "peoples");

  /** The class of a name by its words (see {@link #DOCUMENT_WORDS}). */
  static String looksLike(String key) {
    String[] words = key.split(" ");
    String last = words[words.length - 1];
    if (DOCUMENT_WORDS.contains(last) || (words.length == 1 && GENERIC_WORDS.contains(last))) {
      return DOCUMENT;
    }
    // the head of "X of Y", "X for Y", "X on Y": "Charter of the United Nations", "Heads of State"
    for (int i = 1; i < words.length; i++) {
      if (HEAD_ENDS.contains(words[i])) {
        return DOCUMENT_WORDS.contains(words[i - 1]) || HEAD_WORDS.contains(words[i - 1]) ? DOCUMENT : NAME;
      }
    }
    return NAME;
  }

  private static final Set<String> HEAD_ENDS = Set.of("of", "for", "on", "and");
  private static final Set<String> HEAD_WORDS = Set.of("session", "sessions", "heads", "meeting", "states", "members");

  private UnmatchedNames() {}

  /** One occurrence of an unmatched name. */
  public static class Occurrence implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final Encoder<Occurrence> ENCODER = Encoders.bean(Occurrence.class);
    private String nameKey;
    private String name;
    private String articleId;
    private LocalDate date;
    private boolean sentenceInitial;
    private int start;
    /**
     * Context, kept only for an occurrence that is among the {@link #EXAMPLES} first of its name
     * (by article id, then offset) seen so far in its partition: a superset of each partition's
     * first few, so the first few of the corpus are among them whatever the layout.
     */
    private String example;

    public String getNameKey() { return nameKey; }
    public void setNameKey(String v) { nameKey = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getArticleId() { return articleId; }
    public void setArticleId(String v) { articleId = v; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate v) { date = v; }
    public boolean isSentenceInitial() { return sentenceInitial; }
    public void setSentenceInitial(boolean v) { sentenceInitial = v; }
    public int getStart() { return start; }
    public void setStart(int v) { start = v; }
    public String getExample() { return example; }
    public void setExample(String v) { example = v; }
  }

  /**
   * The most frequent unmatched names: in at least {@code minArticles} articles, at most
   * {@code limit} of them, ranked.
   */
  public static Dataset<UnmatchedName> find(Dataset<AnalyzedArticle> text, Broadcast<Dictionary> dictionary,
      int minArticles, int limit) {
    Dataset<Occurrence> found = text.mapPartitions(new FindNames(dictionary), Occurrence.ENCODER);
    List<Row> top = found.groupBy("nameKey").agg(
            mode(col("name")).as("name"),
            sum(when(col("sentenceInitial"), 0).otherwise(1)).as("mentions"),
            sum(when(col("sentenceInitial"), 1).otherwise(0)).as("sentenceInitial"),
            count_distinct(when(col("sentenceInitial").equalTo(false), col("articleId"))).as("articles"),
            min("date").as("firstDate"), max("date").as("lastDate"),
            // the corpus's first occurrences by article id and offset: the same rows on a rerun or
            // another cluster layout (FindNames keeps a superset of them in every partition)
            org.apache.spark.sql.functions.transform(slice(org.apache.spark.sql.functions.sort_array(collect_list(
                when(col("example").isNotNull(), org.apache.spark.sql.functions.struct(col("articleId"), col("start"),
                    col("example"))))), 1, EXAMPLES), e -> e.getField("example")).as("examples"))
        .filter(col("articles").geq(minArticles).and(col("mentions").gt(0)))
        .orderBy(col("articles").desc(), col("mentions").desc(), col("nameKey"))
        .limit(limit)
        .collectAsList(); // at most `limit` rows
    Set<String> keys = new HashSet<>();
    top.forEach(r -> keys.add(r.getString(0)));
    Map<String, Long> lower = lowerCaseCounts(text, keys);
    List<UnmatchedName> rows = new ArrayList<>();
    for (Row r : top) {
      UnmatchedName u = new UnmatchedName();
      u.setNameKey(r.getString(0));
      u.setName(r.getString(1));
      u.setMentions(r.getLong(2));
      u.setSentenceInitial(r.getLong(3));
      u.setArticles(r.getLong(4));
      u.setFirstDate(io.actorscope.output.Tables.localDate(r.get(5)));
      u.setLastDate(io.actorscope.output.Tables.localDate(r.get(6)));
      u.setExamples(r.getList(7));
      u.setLowerCase(lower.getOrDefault(u.getNameKey(), 0L));
      u.setCommonPhrase(u.getLowerCase() >= COMMON_SHARE * (u.getLowerCase() + u.getMentions()));
      u.setLooksLike(u.isCommonPhrase() ? COMMON : looksLike(u.getNameKey()));
      rows.add(u);
    }
    rows.sort(Comparator.comparingInt((UnmatchedName u) -> ORDER.indexOf(u.getLooksLike()))
        .thenComparing(Comparator.comparingLong(UnmatchedName::getArticles).reversed())
        .thenComparing(Comparator.comparingLong(UnmatchedName::getMentions).reversed())
        .thenComparing(UnmatchedName::getNameKey));
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).setRank(i + 1);
    }
    return text.sparkSession().createDataset(rows, UnmatchedName.ENCODER);
  }

  /** How often each key's words appear in lower case over the corpus. */
  static Map<String, Long> lowerCaseCounts(Dataset<AnalyzedArticle> text, Set<String> keys) {
    Map<String, Long> out = new HashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    Broadcast<Set<String>> b = JavaSparkContext.fromSparkContext(text.sparkSession().sparkContext())
        .broadcast(keys);
    for (Tuple2<String, Long> t : text.mapPartitions(new CountLowerCase(b),
        Encoders.tuple(Encoders.STRING(), Encoders.LONG())).toDF("k", "n").groupBy("k").sum("n")
        .as(Encoders.tuple(Encoders.STRING(), Encoders.LONG())).collectAsList()) {
      out.put(t._1(), t._2());
    }
    b.destroy();
    return out;
  }

  /** Finds the unmatched names of a partition's articles. */
  static final class FindNames implements MapPartitionsFunction<AnalyzedArticle, Occurrence> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Dictionary> dictionary;

    FindNames(Broadcast<Dictionary> dictionary) {
      this.dictionary = dictionary;
    }

    @Override
    public Iterator<Occurrence> call(Iterator<AnalyzedArticle> articles) {
      ActorMatcher matcher = new ActorMatcher(dictionary.value(), Set.of());
      Map<String, FirstFew> examples = new HashMap<>();
      List<Occurrence> out = new ArrayList<>();
      return new Iterator<>() {
        int next = 0;

        @Override
        public boolean hasNext() {
          while (next >= out.size() && articles.hasNext()) {
            out.clear();
            next = 0;
            AnalyzedArticle a = articles.next();
            String text = a.getText();
            for (ActorMatcher.Name n : matcher.unmatched(a)) {
              Occurrence o = new Occurrence();
              o.setNameKey(n.key);
              o.setName(text.substring(n.start, n.end));
              o.setArticleId(a.getId());
              o.setDate(a.getDate());
              o.setSentenceInitial(n.sentenceInitial);
              o.setStart(n.start);
              if (!n.sentenceInitial && examples.computeIfAbsent(n.key, k -> new FirstFew()).offer(a.getId(), n.start)) {
                o.setExample(context(text, n.start, n.end));
              }
              out.add(o);
            }
          }
          return next < out.size();
        }

        @Override
        public Occurrence next() {
          hasNext();
          return out.get(next++);
        }
      };
    }
  }

  /**
   * The {@link #EXAMPLES} smallest (article id, offset) pairs offered so far, as the aggregation
   * orders them (null ids first). In article order, as ingest leaves most partitions, an offer after
   * the first few is refused; against it, each later offer may be kept, so the contexts built are at
   * most one per occurrence.
   */
  static final class FirstFew {
    private static final Comparator<String> IDS = Comparator.nullsFirst(Comparator.naturalOrder());
    private final String[] ids = new String[EXAMPLES];
    private final int[] starts = new int[EXAMPLES];
    private int size;

    /** Whether ({@code id}, {@code start}) is now among the first few; if so it is kept. */
    boolean offer(String id, int start) {
      int at = size;
      while (at > 0 && compare(id, start, ids[at - 1], starts[at - 1]) < 0) {
        at--;
      }
      if (at >= EXAMPLES) {
        return false;
      }
      int last = Math.min(size, EXAMPLES - 1);
      for (int i = last; i > at; i--) {
        ids[i] = ids[i - 1];
        starts[i] = starts[i - 1];
      }
      ids[at] = id;
      starts[at] = start;
      size = Math.min(size + 1, EXAMPLES);
      return true;
    }

    private static int compare(String id1, int start1, String id2, int start2) {
      int c = IDS.compare(id1, id2);
      return c != 0 ? c : Integer.compare(start1, start2);
    }
  }

  /** A one-line context around [start, end). */
  static String context(String text, int start, int end) {
    int from = Math.max(0, start - CONTEXT);
    int to = Math.min(text.length(), end + CONTEXT);
    return ((from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : ""))
        .replaceAll("\\s+", " ").strip();
  }

  /** Counts lower-case occurrences of the given keys in a partition's articles. */
  static final class CountLowerCase implements MapPartitionsFunction<AnalyzedArticle, Tuple2<String, Long>> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Set<String>> keys;

    CountLowerCase(Broadcast<Set<String>> keys) {
      this.keys = keys;
    }

    @Override
    public Iterator<Tuple2<String, Long>> call(Iterator<AnalyzedArticle> articles) {
      Set<String> wanted = keys.value();
      // every word-prefix of a wanted key ("united", "united nations" for "united nations
      // council"): a run stops growing as soon as it is no prefix, which for almost every token is
      // at its first word. Building each run up to MAX_UNMATCHED_TOKENS words instead made this
      // pass 13 s of task time on the UNGDC archive.
      Set<String> prefixes = new HashSet<>();
      for (String k : wanted) {
        for (int i = k.indexOf(' '); i > 0; i = k.indexOf(' ', i + 1)) {
          prefixes.add(k.substring(0, i));
        }
        prefixes.add(k);
      }
      Map<String, Long> counts = new HashMap<>();
      StringBuilder b = new StringBuilder();
      while (articles.hasNext()) {
        AnalyzedArticle a = articles.next();
        ActorMatcher.Tokens tk = new ActorMatcher.Tokens(a.getText(), a.tokens());
        for (int t = 0; t < tk.size(); t++) {
          if (tk.keys[t] == null || !prefixes.contains(tk.keys[t])) {
            continue; // no key starts with this word (nor with a hyphen, which a run never starts with)
          }
          b.setLength(0);
          int words = 0;
          for (int j = t; j < tk.size() && words < ActorMatcher.MAX_UNMATCHED_TOKENS; j++) {
            if (tk.r.tokenKind[j] == Tokenizer.HYPHEN && words > 0) {
              continue;
            }
            if (tk.keys[j] == null || Character.isUpperCase(tk.folded[j].codePointAt(0))) {
              break;
            }
            b.append(words++ == 0 ? "" : " ").append(tk.keys[j]);
            String k = b.toString();
            if (!prefixes.contains(k)) {
              break;
            }
            if (wanted.contains(k)) {
              counts.merge(k, 1L, Long::sum);
            }
          }
        }
      }
      List<Tuple2<String, Long>> out = new ArrayList<>();
      counts.forEach((k, v) -> out.add(new Tuple2<>(k, v)));
      return out.iterator();
    }
  }
}
