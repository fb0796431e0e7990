package io.actorscope.config;

/**
 * Upper bounds of the sizes a typo can turn into an out-of-memory failure after minutes of work
 * (topics.k=100000 allocates a k x vocabulary matrix on the driver); checked before Spark starts.
 */
public final class Limits {
  static final int MAX_TOPICS = 1000;
  /** Doubles of one k x vocabulary topic matrix (400 MB); online LDA holds a few copies of it. */
  static final long MAX_TOPIC_CELLS = 50_000_000L;
  static final int MAX_VOCABULARY = 1 << 20;
  public static final int MAX_RECORD_BYTES = 256 << 20;

  private Limits() {}

  static void check(JobConfig c) {
    JobConfig.Topics t = c.topics;
    atMost("topics.k", t.k, MAX_TOPICS);
    atMost("topics.vocab_size", t.vocabSize, MAX_VOCABULARY);
    if ((long) t.k * t.vocabSize > MAX_TOPIC_CELLS) {
      throw new ConfigException("topics.k", "topics.k x topics.vocab_size = " + (long) t.k * t.vocabSize
          + " is over " + MAX_TOPIC_CELLS + " (the topic matrix would not fit in memory)");
    }
    atMost("topics.max_iter", t.maxIter, 10_000);
    atMost("topics.top_terms", t.topTerms, 1000);
    atMost("topics.label_terms", t.labelTerms, 100);
    atMost("topics.actors_per_topic", t.actorsPerTopic, 10_000);
    atMost("topics.coherence.top_n", t.coherence.topN, 100);
    atMost("topics.coherence.window", t.coherence.window, 1000);
    atMost("topics.bigrams.max", t.bigrams.max, 1_000_000);
    atMost("cooccurrence.window_width", c.cooccurrence.windowWidth, 1000);
    atMost("cooccurrence.partners.k", c.cooccurrence.partners.k, 10_000);
    atMost("cooccurrence.graph.max_edges", c.cooccurrence.graph.maxEdges, 1_000_000);
    atMost("actors.unmatched_names.limit", c.actors.unmatchedNames.limit, 1_000_000);
    atMost("ingest.snippet_chars", c.ingest.snippetChars, 100_000);
    atMost("near_duplicates.shingle_words", c.nearDuplicates.shingleWords, 50);
    atMost("near_duplicates.hash_tables", c.nearDuplicates.hashTables, 100);
    for (int i = 0; i < c.inputs.size(); i++) {
      atMost("inputs[" + i + "].warc_max_payload_bytes", c.inputs.get(i).warcMaxPayloadBytes, MAX_RECORD_BYTES);
    }
  }

  private static void atMost(String key, long value, long max) {
    if (value > max) {
      throw new ConfigException(key, "must be <= " + max + ", got " + value);
    }
  }
}
