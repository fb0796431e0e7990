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
 * so a token costs O(topics of its word + topics of its document), not O(k).
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
    Delta d = new Delta(g.vocab * k);
    for (int sweep = 0; sweep < sweeps; sweep++) {
      for (int doc = 0; doc < documents(); doc++) {
        s.sampleDocument(words, z, docStart[doc], docStart[doc + 1], rnd, d);
      }
    }
    GibbsShard out = new GibbsShard(docStart, words, z);
    out.delta = d.packed();
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
    final int[][] wordTopics;
    final int[] topicTotals;
    final double[] alpha;
    final double beta;
    final double betaSum;
    final double[] coefficient;
    final double[] wordScores;
    final int[] docCounts;
    final int[] docTopics;
    double smoothingMass;

    Sampler(Global g, int[] shardWords) {
      k = g.k;
      topicBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, k - 1));
      topicMask = (1 << topicBits) - 1;
      alpha = g.alpha;
      beta = g.beta;
      betaSum = beta * g.vocab;
      topicTotals = g.topicTotals.clone();
      wordTopics = new int[g.vocab][];
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
        wordTopics[w] = packed;
      }
      coefficient = new double[k];
      wordScores = new double[k];
      docCounts = new int[k];
      docTopics = new int[k];
      for (int t = 0; t < k; t++) {
        smoothingMass += alpha[t] * beta / (topicTotals[t] + betaSum);
        coefficient[t] = alpha[t] / (topicTotals[t] + betaSum);
      }
    }

    void sampleDocument(int[] words, int[] z, int from, int to, SplittableRandom rnd, Delta delta) {
      Arrays.fill(docCounts, 0);
      for (int i = from; i < to; i++) {
        docCounts[z[i]]++;
      }
      int nonZero = 0;
      double docMass = 0;
      for (int t = 0; t < k; t++) {
        if (docCounts[t] > 0) {
          docTopics[nonZero++] = t;
          docMass += beta * docCounts[t] / (topicTotals[t] + betaSum);
          coefficient[t] = (alpha[t] + docCounts[t]) / (topicTotals[t] + betaSum);
        }
      }
      for (int i = from; i < to; i++) {
        int w = words[i];
        int old = z[i];
        int[] wt = wordTopics[w];
        // take the token out of every count and bucket
        double denom = topicTotals[old] + betaSum;
        smoothingMass -= alpha[old] * beta / denom;
        docMass -= beta * docCounts[old] / denom;
        docCounts[old]--;
        topicTotals[old]--;
        denom = topicTotals[old] + betaSum;
        smoothingMass += alpha[old] * beta / denom;
        docMass += beta * docCounts[old] / denom;
        coefficient[old] = (alpha[old] + docCounts[old]) / denom;
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
              u -= docCounts[t] / (topicTotals[t] + betaSum);
              if (u <= 0 || j == nonZero - 1) {
                topic = t;
                break;
              }
            }
          } else {
            u = (u - docMass) / beta;
            for (int t = 0; t < k; t++) {
              u -= alpha[t] / (topicTotals[t] + betaSum);
              if (u <= 0 || t == k - 1) {
                topic = t;
                break;
              }
            }
          }
        }
        // put the token back under its new topic
        increment(wt, topic);
        denom = topicTotals[topic] + betaSum;
        smoothingMass -= alpha[topic] * beta / denom;
        docMass -= beta * docCounts[topic] / denom;
        if (docCounts[topic] == 0) {
          docTopics[nonZero++] = topic;
        }
        docCounts[topic]++;
        topicTotals[topic]++;
        denom = topicTotals[topic] + betaSum;
        smoothingMass += alpha[topic] * beta / denom;
        docMass += beta * docCounts[topic] / denom;
        coefficient[topic] = (alpha[topic] + docCounts[topic]) / denom;
        if (topic != old) {
          z[i] = topic;
          delta.add(w * k + old, -1);
          delta.add(w * k + topic, 1);
        }
      }
      // back to the smoothing-only coefficients for the next document
      for (int j = 0; j < nonZero; j++) {
        int t = docTopics[j];
        coefficient[t] = alpha[t] / (topicTotals[t] + betaSum);
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
