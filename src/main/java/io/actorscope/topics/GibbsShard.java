package io.actorscope.topics;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One partition's documents for the collapsed Gibbs sampler ({@link GibbsLda}): their tokens as
 * vocabulary indices, each token's topic, and, after a round of sweeps, what the round changed
 * (the word-topic count deltas, packed) and, when asked, the document-topic histograms the alpha
 * optimisation needs. Sampling follows SparseLDA (Yao, Mimno and McCallum, KDD 2009): the
 * conditional p(t) ∝ (α_t + n_dt)(β + n_wt)/(Vβ + n_t) is split into a smoothing bucket
 * Σ α_t β/(Vβ+n_t), a document bucket Σ n_dt β/(Vβ+n_t) over the document's topics and a word bucket
 * Σ (α_t+n_dt) n_wt/(Vβ+n_t) over the word's topics, the first two kept up to date incrementally,
 * so a token costs O(topics of its word + topics of its document), not O(k). With few topics
 * ({@link Sampler#DENSE_TOPICS}) the plain O(k) draw over a dense n_wt is the faster one.
 */
final class GibbsShard implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Document d's tokens are words[docStart[d] .. docStart[d+1]). */
  final int[] docStart;
  final int[] words;
  final int[] topics;
  /** Word-topic changes of the last round: pairs (w·k + t, change); null before the first round. */
  int[] delta;
  /** docLength[n] = documents of n tokens; topicDocs[t][n] = documents with n tokens in topic t. */
  int[] docLengths;
  int[][] topicDocs;

  GibbsShard(int[] docStart, int[] words, int[] topics) {
    this.docStart = docStart;
    this.words = words;
    this.topics = topics;
  }

  int documents() {
    return docStart.length - 1;
  }

  /** The shard with each token given a topic uniformly at random; delta = all its counts. */
  static GibbsShard initial(int[] docStart, int[] words, int k, int vocab, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] z = new int[words.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = rnd.nextInt(k);
    }
    GibbsShard s = new GibbsShard(docStart, words, z);
    Delta d = new Delta(vocab * k);
    for (int i = 0; i < z.length; i++) {
      d.add(words[i] * k + z[i], 1);
    }
    s.delta = d.packed();
    return s;
  }

  /** The model state every partition samples against in a round (broadcast). */
  static final class Global implements Serializable {
    private static final long serialVersionUID = 1L;
    final int k;
    final int vocab;
    /** n_wt at index w·k + t. */
    final int[] wordTopic;
    final int[] topicTotals;
    final double[] alpha;
    final double beta;

    Global(int k, int vocab, int[] wordTopic, int[] topicTotals, double[] alpha, double beta) {
      this.k = k;
      this.vocab = vocab;
      this.wordTopic = wordTopic;
      this.topicTotals = topicTotals;
      this.alpha = alpha;
      this.beta = beta;
    }
  }

  /**
   * {@code sweeps} sweeps over this shard's tokens against a local copy of the global counts that
   * sees this shard's own changes at once and the other shards' at the next merge (AD-LDA, Newman
   * et al. 2009). Returns a new shard (this one is left as it was: it may be cached).
   */
  GibbsShard sample(Global g, int sweeps, long seed, boolean statistics) {
    int k = g.k;
    int[] z = topics.clone();
    Sampler s = new Sampler(g, words);
    SplittableRandom rnd = new SplittableRandom(seed);
    // drawing dense, the sampler's own copy of n_wt already holds this shard's changes: the delta is
    // that copy minus the broadcast one, found in one pass at the end instead of a second
    // vocab·k array written at random for every change (two such arrays overflow the 1 MB L2 of a
    // core here at the sample's 12k words × 12 topics: 3–10 % more tokens a second on two threads)
    Delta d = s.dense ? null : new Delta(g.vocab * k);
    for (int sweep = 0; sweep < sweeps; sweep++) {
      for (int doc = 0; doc < documents(); doc++) {
        s.sampleDocument(words, z, docStart[doc], docStart[doc + 1], rnd, d);
      }
    }
    GibbsShard out = new GibbsShard(docStart, words, z);
    out.delta = s.dense ? Delta.difference(s.wordTopicDense, g.wordTopic) : d.packed();
    if (statistics) {
      int max = 0;
      for (int doc = 0; doc < documents(); doc++) {
        max = Math.max(max, docStart[doc + 1] - docStart[doc]);
      }
      out.docLengths = new int[max + 1];
      out.topicDocs = new int[k][max + 1];
      int[] counts = new int[k];
      for (int doc = 0; doc < documents(); doc++) {
        Arrays.fill(counts, 0);
        for (int i = docStart[doc]; i < docStart[doc + 1]; i++) {
          counts[z[i]]++;
        }
        out.docLengths[docStart[doc + 1] - docStart[doc]]++;
        for (int t = 0; t < k; t++) {
          out.topicDocs[t][counts[t]]++;
        }
      }
    }
    return out;
  }

  /** What the driver needs from a round: the shard without its tokens. */
  static final class Summary implements Serializable {
    private static final long serialVersionUID = 1L;
    int[] delta;
    int[] docLengths;
    int[][] topicDocs;

    static Summary of(GibbsShard s) {
      Summary out = new Summary();
      out.delta = s.delta;
      out.docLengths = s.docLengths;
      out.topicDocs = s.topicDocs;
      return out;
    }
  }

  /** Topic counts of each document, n_dt at [d][t]. */
  int[][] documentTopicCounts(int k) {
    int[][] c = new int[documents()][k];
    for (int doc = 0; doc < documents(); doc++) {
      for (int i = docStart[doc]; i < docStart[doc + 1]; i++) {
        c[doc][topics[i]]++;
      }
    }
    return c;
  }

  /** Word-topic count changes, dense over w·k + t (bounded by vocab_size · k), packed when done. */
  static final class Delta {
    private final int[] dense;

    Delta(int size) {
      dense = new int[size];
    }

    void add(int key, int change) {
      dense[key] += change;
    }

    /** Pairs (i, now[i] − before[i]) where the two differ. */
    static int[] difference(int[] now, int[] before) {
      int n = 0;
      for (int i = 0; i < now.length; i++) {
        if (now[i] != before[i]) {
          n++;
        }
      }
      int[] out = new int[2 * n];
      int j = 0;
      for (int i = 0; i < now.length; i++) {
        if (now[i] != before[i]) {
          out[j++] = i;
          out[j++] = now[i] - before[i];
        }
      }
      return out;
    }

    int[] packed() {
      int n = 0;
      for (int v : dense) {
        if (v != 0) {
          n++;
        }
      }
      int[] out = new int[2 * n];
      int j = 0;
      for (int i = 0; i < dense.length; i++) {
        if (dense[i] != 0) {
          out[j++] = i;
          out[j++] = dense[i];
        }
      }
      return out;
    }
  }

  /**
   * The local counts and the SparseLDA buckets. Each word's topic counts are kept as ints
   * (count &lt;&lt; topicBits | topic) sorted by count, largest first, so that the word bucket is
   * built from the word's non-zero topics only and a draw in it usually stops at the first entries.
   */
  static final class Sampler {
    final int k;
    final int topicBits;
    final int topicMask;
    /** Per word, its topic counts for SparseLDA (null when drawing dense). */
    final int[][] wordTopics;
    final int[] topicTotals;
    final double[] alpha;
    final double beta;
    final double betaSum;
    final double[] coefficient;
    /** 1 / (n_t + Vβ), the denominator of every bucket, kept per topic: one division per change, not ten per token. */
    final double[] inverse;
    final double[] wordScores;
    /**
     * Up to this many topics every token is drawn from all k terms of the conditional, over a dense
     * copy of n_wt (a word's counts in a cache line or two), not from SparseLDA's buckets, whose
     * bookkeeping and branches cost more than the k products they save when k is small. Measured on
     * the sample's speeches (674k tokens, 2 shards on 2 threads, 300-500 sweeps as GibbsLda rounds
     * them, SweepBench in the closing note of 2026-12-02), dense ÷ buckets in tokens per second:
     * k = 5: 1.3 and 1.6; k = 12: 1.1 in three alternations; k = 20: 1.2 and 0.8, a wash. Past that the buckets win.
     */
    static final int DENSE_TOPICS = 16;
    final boolean dense;
    /** n_wt at w·k + t (dense sampling only). */
    final int[] wordTopicDense;
    final double[] cumulative;
    final int[] docCounts;
    final int[] docTopics;
    double smoothingMass;

    Sampler(Global g, int[] shardWords) {
      this(g, shardWords, g.k <= DENSE_TOPICS);
    }

    /** @param dense draw over all k topics (see {@link #DENSE_TOPICS}) rather than from the buckets */
    Sampler(Global g, int[] shardWords, boolean dense) {
      k = g.k;
      topicBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, k - 1));
      topicMask = (1 << topicBits) - 1;
      alpha = g.alpha;
      beta = g.beta;
      betaSum = beta * g.vocab;
      topicTotals = g.topicTotals.clone();
      this.dense = dense;
      wordTopicDense = dense ? g.wordTopic.clone() : null;
      wordTopics = dense ? null : wordLists(g, shardWords, topicBits);
      coefficient = new double[k];
      inverse = new double[k];
      wordScores = new double[k];
      cumulative = new double[k];
      docCounts = new int[k];
      docTopics = new int[k];
      for (int t = 0; t < k; t++) {
        inverse[t] = 1.0 / (topicTotals[t] + betaSum);
        smoothingMass += alpha[t] * beta * inverse[t];
        coefficient[t] = alpha[t] * inverse[t];
      }
    }

    /** Each word's non-zero topic counts, packed (count &lt;&lt; topicBits | topic), largest first. */
    private static int[][] wordLists(Global g, int[] shardWords, int topicBits) {
      int k = g.k;
      int[][] lists = new int[g.vocab][];
      // only the words of this shard are ever looked up: the others stay null
      boolean[] seen = new boolean[g.vocab];
      for (int w : shardWords) {
        seen[w] = true;
      }
      for (int w = 0; w < g.vocab; w++) {
        if (!seen[w]) {
          continue;
        }
        int[] packed = new int[k];
        int n = 0;
        for (int t = 0; t < k; t++) {
          int c = g.wordTopic[w * k + t];
          if (c > 0) {
            packed[n++] = (c << topicBits) | t;
          }
        }
        Arrays.sort(packed, 0, n);
        // descending, zeros (empty slots) at the end
        for (int i = 0, j = n - 1; i < j; i++, j--) {
          int tmp = packed[i];
          packed[i] = packed[j];
          packed[j] = tmp;
        }
        lists[w] = packed;
      }
      return lists;
    }

    void sampleDocument(int[] words, int[] z, int from, int to, SplittableRandom rnd, Delta delta) {
      if (dense) {
        sampleDense(words, z, from, to, rnd);
        return;
      }
      Arrays.fill(docCounts, 0);
      for (int i = from; i < to; i++) {
        docCounts[z[i]]++;
      }
      int nonZero = 0;
      double docMass = 0;
      for (int t = 0; t < k; t++) {
        if (docCounts[t] > 0) {
          docTopics[nonZero++] = t;
          docMass += beta * docCounts[t] * inverse[t];
          coefficient[t] = (alpha[t] + docCounts[t]) * inverse[t];
        }
      }
      for (int i = from; i < to; i++) {
        int w = words[i];
        int old = z[i];
        int[] wt = wordTopics[w];
        // kept to put back as they were when the token draws its old topic again (most tokens, once
        // the topics have formed): cheaper than recomputing, and no rounding drift
        double smoothingBefore = smoothingMass;
        double docBefore = docMass;
        double coefficientBefore = coefficient[old];
        double inverseBefore = inverse[old];
        // take the token out of every count and bucket
        smoothingMass -= alpha[old] * beta * inverseBefore;
        docMass -= beta * docCounts[old] * inverseBefore;
        docCounts[old]--;
        topicTotals[old]--;
        double inv = 1.0 / (topicTotals[old] + betaSum);
        inverse[old] = inv;
        smoothingMass += alpha[old] * beta * inv;
        docMass += beta * docCounts[old] * inv;
        coefficient[old] = (alpha[old] + docCounts[old]) * inv;
        if (docCounts[old] == 0) {
          nonZero = removeTopic(docTopics, nonZero, old);
        }
        decrement(wt, old);
        // the word bucket over the word's topics
        double wordMass = 0;
        int n = 0;
        while (n < wt.length && wt[n] > 0) {
          double score = coefficient[wt[n] & topicMask] * (wt[n] >>> topicBits);
          wordScores[n] = score;
          wordMass += score;
          n++;
        }
        double u = rnd.nextDouble() * (smoothingMass + docMass + wordMass);
        int topic = -1;
        if (u < wordMass) {
          int j = 0;
          while (j < n - 1) {
            u -= wordScores[j];
            if (u <= 0) {
              break;
            }
            j++;
          }
          topic = wt[j] & topicMask;
        } else {
          u -= wordMass;
          if (u < docMass) {
            u /= beta;
            for (int j = 0; j < nonZero; j++) {
              int t = docTopics[j];
              u -= docCounts[t] * inverse[t];
              if (u <= 0 || j == nonZero - 1) {
                topic = t;
                break;
              }
            }
          } else {
            u = (u - docMass) / beta;
            for (int t = 0; t < k; t++) {
              u -= alpha[t] * inverse[t];
              if (u <= 0 || t == k - 1) {
                topic = t;
                break;
              }
            }
          }
        }
        // put the token back under its new topic
        increment(wt, topic);
        if (docCounts[topic] == 0) {
          docTopics[nonZero++] = topic;
        }
        if (topic == old) {
          docCounts[old]++;
          topicTotals[old]++;
          smoothingMass = smoothingBefore;
          docMass = docBefore;
          coefficient[old] = coefficientBefore;
          inverse[old] = inverseBefore;
          continue;
        }
        inv = inverse[topic];
        smoothingMass -= alpha[topic] * beta * inv;
        docMass -= beta * docCounts[topic] * inv;
        docCounts[topic]++;
        topicTotals[topic]++;
        inv = 1.0 / (topicTotals[topic] + betaSum);
        inverse[topic] = inv;
        smoothingMass += alpha[topic] * beta * inv;
        docMass += beta * docCounts[topic] * inv;
        coefficient[topic] = (alpha[topic] + docCounts[topic]) * inv;
        z[i] = topic;
        delta.add(w * k + old, -1);
        delta.add(w * k + topic, 1);
      }
      // back to the smoothing-only coefficients for the next document
      for (int j = 0; j < nonZero; j++) {
        int t = docTopics[j];
        coefficient[t] = alpha[t] * inverse[t];
      }
    }

    /**
     * p(t) ∝ (α_t + n_dt)(β + n_wt) / (n_t + Vβ) over all k topics, with (α_t + n_dt)/(n_t + Vβ) kept
     * per topic and changed only for the token's old and new topic: one product a topic per token
     * instead of two (SweepBench on the sample's 638k tokens, k = 12, one thread, three alternations:
     * 19.4–20.0 M tokens/s against 17.3–19.1).
     */
    private void sampleDense(int[] words, int[] z, int from, int to, SplittableRandom rnd) {
      Arrays.fill(docCounts, 0);
      for (int i = from; i < to; i++) {
        docCounts[z[i]]++;
      }
      final int k = this.k;
      final double beta = this.beta;
      final double[] alpha = this.alpha;
      final double[] inverse = this.inverse;
      final double[] coefficient = this.coefficient;
      final double[] cumulative = this.cumulative;
      final int[] docCounts = this.docCounts;
      final int[] topicTotals = this.topicTotals;
      for (int t = 0; t < k; t++) {
        coefficient[t] = (alpha[t] + docCounts[t]) * inverse[t];
      }
      final int[] nwt = wordTopicDense;
      for (int i = from; i < to; i++) {
        int w = words[i];
        int old = z[i];
        int base = w * k;
        double inverseBefore = inverse[old];
        double coefficientBefore = coefficient[old];
        docCounts[old]--;
        nwt[base + old]--;
        topicTotals[old]--;
        double inv = 1.0 / (topicTotals[old] + betaSum);
        inverse[old] = inv;
        coefficient[old] = (alpha[old] + docCounts[old]) * inv;
        double sum = 0;
        for (int t = 0; t < k; t++) {
          sum += coefficient[t] * (beta + nwt[base + t]);
          cumulative[t] = sum;
        }
        double u = rnd.nextDouble() * sum;
        int topic = 0;
        while (topic < k - 1 && cumulative[topic] <= u) {
          topic++;
        }
        docCounts[topic]++;
        nwt[base + topic]++;
        topicTotals[topic]++;
        if (topic == old) {
          inverse[old] = inverseBefore;
          coefficient[old] = coefficientBefore;
          continue;
        }
        inv = 1.0 / (topicTotals[topic] + betaSum);
        inverse[topic] = inv;
        coefficient[topic] = (alpha[topic] + docCounts[topic]) * inv;
        z[i] = topic;
      }
    }

    private static int removeTopic(int[] list, int n, int topic) {
      int j = 0;
      while (list[j] != topic) {
        j++;
      }
      System.arraycopy(list, j + 1, list, j, n - j - 1);
      return n - 1;
    }

    private void decrement(int[] wt, int topic) {
      int i = 0;
      while ((wt[i] & topicMask) != topic || wt[i] == 0) {
        i++;
      }
      int c = (wt[i] >>> topicBits) - 1;
      wt[i] = c == 0 ? 0 : (c << topicBits) | topic;
      // keep the order: move the smaller value right
      while (i + 1 < wt.length && wt[i] < wt[i + 1]) {
        int tmp = wt[i];
        wt[i] = wt[i + 1];
        wt[i + 1] = tmp;
        i++;
      }
    }

    private void increment(int[] wt, int topic) {
      int i = 0;
      while (wt[i] != 0 && (wt[i] & topicMask) != topic) {
        i++;
      }
      int c = wt[i] == 0 ? 1 : (wt[i] >>> topicBits) + 1;
      wt[i] = (c << topicBits) | topic;
      while (i > 0 && wt[i] > wt[i - 1]) {
        int tmp = wt[i];
        wt[i] = wt[i - 1];
        wt[i - 1] = tmp;
        i--;
      }
    }
  }
}
