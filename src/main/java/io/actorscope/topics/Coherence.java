package io.actorscope.topics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Topic coherence of each topic's top terms, computed on Spark: only the set of top terms (and the
 * pairs inside each topic) is broadcast; every partition counts, for its own documents, how many
 * documents and how many sliding windows hold each top term and each within-topic pair, and the
 * partial counts (at most k·N terms and k·N(N−1)/2 pairs) are summed. The corpus never leaves the
 * executors.
 *
 * <p>The measures follow gensim 4.2 (Debian bookworm)'s {@code CoherenceModel} exactly (natural logarithms,
 * ε = 1e-12), so they can be checked against it:
 *
 * <ul>
 *   <li><b>NPMI, sliding window</b> (gensim {@code c_npmi}): every ordered pair of distinct top
 *       terms; P estimated over boolean sliding windows of {@code window} tokens (a document shorter
 *       than the window is one window, an empty document one empty window);
 *       {@code npmi = ln((P(a,b)+ε)/(P(a)P(b))) / −ln(P(a,b)+ε)}; mean over pairs.
 *   <li><b>NPMI, whole document</b>: the same measure with P over documents.
 *   <li><b>UMass</b> (gensim {@code u_mass}): for each term w′ and each heavier term w* before it,
 *       {@code ln((D(w′,w*)/D + ε) / (D(w*)/D))} with D counting documents; mean over pairs.
 * </ul>
 *
 * <p>Gensim slides its window incrementally: when the window moves it clears the flag of the token
 * that left, even if the same token still occurs inside the window, so a term repeated within one
 * window can be missed for the rest of that window. {@link WindowMode#GENSIM} reproduces that;
 * {@link WindowMode#EXACT} counts a window as holding a term whenever any of its tokens is that term.
 */
public final class Coherence {
  public static final double EPSILON = 1e-12;

  /** How sliding windows are tested for a term; see the class comment. */
  public enum WindowMode { GENSIM, EXACT }

  /** The scores of one topic. */
  public static final class Scores implements Serializable {
    private static final long serialVersionUID = 1L;
    public final double npmiWindow;
    public final double npmiDocument;
    public final double umass;

    Scores(double npmiWindow, double npmiDocument, double umass) {
      this.npmiWindow = npmiWindow;
      this.npmiDocument = npmiDocument;
      this.umass = umass;
    }
  }

  /** Document and window counts of the top terms and of the within-topic pairs. */
  public static final class Counts implements Serializable {
    private static final long serialVersionUID = 1L;
    long documents;
    long windows;
    final long[] docTerm;
    final long[] windowTerm;
    final long[] docPair;
    final long[] windowPair;

    Counts(int terms, int pairs) {
      docTerm = new long[terms];
      windowTerm = new long[terms];
      docPair = new long[pairs];
      windowPair = new long[pairs];
    }

    Counts add(Counts o) {
      documents += o.documents;
      windows += o.windows;
      for (int i = 0; i < docTerm.length; i++) {
        docTerm[i] += o.docTerm[i];
        windowTerm[i] += o.windowTerm[i];
      }
      for (int i = 0; i < docPair.length; i++) {
        docPair[i] += o.docPair[i];
        windowPair[i] += o.windowPair[i];
      }
      return this;
    }

    public long documents() { return documents; }
    public long windows() { return windows; }
  }

  /** The top terms of all topics, numbered, and the within-topic pairs, numbered. */
  static final class Index implements Serializable {
    private static final long serialVersionUID = 1L;
    final Map<String, Integer> termId = new HashMap<>();
    /** Per topic, the term ids of its top terms in rank order. */
    final int[][] topics;
    /** (smaller id, larger id) → pair slot. */
    final Map<Long, Integer> pairSlot = new HashMap<>();
    final int[] pairA;
    final int[] pairB;
    final int window;
    final WindowMode mode;

    Index(List<List<String>> topTerms, int window, WindowMode mode) {
      this.window = window;
      this.mode = mode;
      topics = new int[topTerms.size()][];
      for (int t = 0; t < topTerms.size(); t++) {
        List<String> terms = topTerms.get(t);
        topics[t] = new int[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
          topics[t][i] = termId.computeIfAbsent(terms.get(i), k -> termId.size());
        }
        for (int i = 0; i < terms.size(); i++) {
          for (int j = 0; j < i; j++) {
            long key = key(topics[t][i], topics[t][j]);
            if (topics[t][i] != topics[t][j] && !pairSlot.containsKey(key)) {
              pairSlot.put(key, pairSlot.size());
            }
          }
        }
      }
      pairA = new int[pairSlot.size()];
      pairB = new int[pairSlot.size()];
      pairSlot.forEach((key, slot) -> {
        pairA[slot] = (int) (key >>> 32);
        pairB[slot] = (int) (key & 0xffffffffL);
      });
    }

    static long key(int a, int b) {
      return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    int slot(int a, int b) {
      Integer s = pairSlot.get(key(a, b));
      return s == null ? -1 : s;
    }
  }

  private Coherence() {}

  /**
   * Per-topic coherence of {@code topTerms} (each topic's terms in rank order) over the token lists
   * in column {@code tokensColumn} of {@code docs}.
   */
  public static List<Scores> compute(Dataset<Row> docs, String tokensColumn, List<List<String>> topTerms, int window,
      WindowMode mode) {
    Counts c = count(docs, tokensColumn, topTerms, window, mode);
    return scores(new Index(topTerms, window, mode), c);
  }

  public static Counts count(Dataset<Row> docs, String tokensColumn, List<List<String>> topTerms, int window,
      WindowMode mode) {
    Index index = new Index(topTerms, window, mode);
    Broadcast<Index> b = JavaSparkContext.fromSparkContext(docs.sparkSession().sparkContext()).broadcast(index);
    Counts zero = new Counts(index.termId.size(), index.pairSlot.size());
    Counts total = docs.select(tokensColumn).javaRDD()
        .mapPartitions(new CountPartition(b))
        .fold(zero, Counts::add);
    b.destroy();
    return total;
  }

  static List<Scores> scores(Index index, Counts c) {
    List<Scores> out = new ArrayList<>();
    for (int[] topic : index.topics) {
      double npmiW = 0;
      double npmiD = 0;
      double umass = 0;
      int unordered = 0;
      int pre = 0;
      for (int i = 0; i < topic.length; i++) {
        for (int j = 0; j < i; j++) {
          int a = topic[i];
          int s = index.slot(a, topic[j]);
          int star = topic[j];
          long wab = s < 0 ? 0 : c.windowPair[s];
          long dab = s < 0 ? 0 : c.docPair[s];
          npmiW += npmi(wab, c.windowTerm[a], c.windowTerm[star], c.windows);
          npmiD += npmi(dab, c.docTerm[a], c.docTerm[star], c.documents);
          unordered++;
          umass += umass(dab, c.docTerm[star], c.documents);
          pre++;
        }
      }
      out.add(new Scores(unordered == 0 ? Double.NaN : npmiW / unordered,
          unordered == 0 ? Double.NaN : npmiD / unordered, pre == 0 ? Double.NaN : umass / pre));
    }
    return out;
  }

  /** gensim's normalised log-ratio measure: ln((P(a,b)+ε)/(P(a)P(b))) / −ln(P(a,b)+ε). */
  public static double npmi(long ab, long a, long b, long n) {
    double pab = (double) ab / n;
    double pmi = Math.log((pab + EPSILON) / (((double) a / n) * ((double) b / n)));
    return pmi / -Math.log(pab + EPSILON);
  }

  /** gensim's log-conditional-probability: ln((D(w′,w*)/D + ε) / (D(w*)/D)); 0 when w* is in no document. */
  public static double umass(long ab, long star, long n) {
    if (star == 0) {
      return 0.0;
    }
    return Math.log(((double) ab / n + EPSILON) / ((double) star / n));
  }

  /** Counts one partition's documents into one partial {@link Counts}. */
  static final class CountPartition implements FlatMapFunction<Iterator<Row>, Counts> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Index> index;

    CountPartition(Broadcast<Index> index) {
      this.index = index;
    }

    @Override
    public Iterator<Counts> call(Iterator<Row> rows) {
      Index ix = index.value();
      Counts c = new Counts(ix.termId.size(), ix.pairSlot.size());
      DocCounter counter = new DocCounter(ix, c);
      while (rows.hasNext()) {
        Row r = rows.next();
        List<String> tokens = TopicTokens.strings(r, 0);
        counter.add(tokens);
      }
      return Collections.singletonList(c).iterator();
    }
  }

  /** Adds documents, one at a time, to a {@link Counts}. */
  static final class DocCounter {
    private final Index ix;
    private final Counts c;
    private final boolean[] flag;
    private final boolean[] seen;
    private final int[] present;

    DocCounter(Index ix, Counts c) {
      this.ix = ix;
      this.c = c;
      flag = new boolean[ix.termId.size()];
      seen = new boolean[ix.termId.size()];
      present = new int[Math.max(ix.window, 1)];
    }

    void add(List<String> tokens) {
      int n = tokens.size();
      int[] ids = new int[n];
      for (int i = 0; i < n; i++) {
        Integer id = ix.termId.get(tokens.get(i));
        ids[i] = id == null ? -1 : id;
      }
      c.documents++;
      countDocument(ids);
      countWindows(ids);
    }

    private void countDocument(int[] ids) {
      List<Integer> distinct = new ArrayList<>();
      for (int id : ids) {
        if (id >= 0 && !seen[id]) {
          seen[id] = true;
          distinct.add(id);
          c.docTerm[id]++;
        }
      }
      if (distinct.size() > 1) {
        for (int s = 0; s < ix.pairA.length; s++) {
          if (seen[ix.pairA[s]] && seen[ix.pairB[s]]) {
            c.docPair[s]++;
          }
        }
      }
      for (int id : distinct) {
        seen[id] = false;
      }
    }

    private void countWindows(int[] ids) {
      int n = ids.length;
      int w = ix.window;
      int windows = n < w ? 1 : n - w + 1;
      int len = Math.min(n, w);
      for (int s = 0; s < windows; s++) {
        if (ix.mode == WindowMode.GENSIM) {
          if (s == 0) {
            for (int k = 0; k < len; k++) {
              if (ids[k] >= 0) {
                flag[ids[k]] = true;
              }
            }
          } else {
            if (ids[s - 1] >= 0) {
              flag[ids[s - 1]] = false;
            }
            if (ids[s + w - 1] >= 0) {
              flag[ids[s + w - 1]] = true;
            }
          }
        }
        int m = 0;
        for (int k = s; k < s + len; k++) {
          int id = ids[k];
          if (id >= 0 && !seen[id] && (ix.mode == WindowMode.EXACT || flag[id])) {
            seen[id] = true;
            present[m++] = id;
          }
        }
        for (int x = 0; x < m; x++) {
          c.windowTerm[present[x]]++;
          for (int y = 0; y < x; y++) {
            int slot = ix.slot(present[x], present[y]);
            if (slot >= 0) {
              c.windowPair[slot]++;
            }
          }
        }
        for (int x = 0; x < m; x++) {
          seen[present[x]] = false;
        }
        c.windows++;
      }
      if (ix.mode == WindowMode.GENSIM) {
        for (int k = Math.max(0, windows - 1); k < Math.min(n, windows - 1 + len); k++) {
          if (ids[k] >= 0) {
            flag[ids[k]] = false;
          }
        }
      }
    }
  }
}
