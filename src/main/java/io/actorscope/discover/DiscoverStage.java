package io.actorscope.discover;

import io.actorscope.actors.Dictionary;
import io.actorscope.actors.Mention;
import io.actorscope.config.ConfigException;
import io.actorscope.config.JobConfig;
import io.actorscope.text.AnalyzedArticle;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;

/**
 * The discover stage: analysed articles and the dictionary's mentions in, discovered mentions and
 * the {@code discovered_actors} table out.
 *
 * <p>Cost is linear in the corpus. Each article is read once by {@link Discoverer}, beside its
 * dictionary mentions from the same partition (no shuffle). Provisional actors are merged
 * across the corpus by an aggregation keyed by their id (the normalised name), never collected.
 */
public final class DiscoverStage implements io.actorscope.Stage {
  public static final String TABLE = "discovered_actors";
  static final Set<String> TYPES = Set.of(Discoverer.PERSON, Discoverer.ORGANISATION, Discoverer.PLACE);

  /** The stage's settings, validated; built from {@code discover:} of the job's configuration. */
  public record Settings(boolean enabled, Set<String> types, long minMentions, int maxTitles) implements Serializable {
    public Settings {
      types = Set.copyOf(types);
    }

    public static Settings of(JobConfig.Discover d) {
      for (String t : d.types) {
        if (!TYPES.contains(t)) {
          throw new ConfigException("discover.types", "unknown type '" + t + "' (one of organisation, person, place)");
        }
      }
      if (d.minMentions < 1) {
        throw new ConfigException("discover.min_mentions", "must be >= 1");
      }
      if (d.maxTitles < 0) {
        throw new ConfigException("discover.max_titles", "must be >= 0");
      }
      return new Settings(d.enabled, Set.copyOf(d.types), d.minMentions, d.maxTitles);
    }

    public static Settings defaults() {
      return new Settings(true, TYPES, 1, 5);
    }
  }

  /** The stage's output: mentions (as {@link Mention} rows) and the provisional actors. */
  public static final class Result {
    public final Dataset<Mention> mentions;
    public final Dataset<DiscoveredActor> actors;
    /** The per-mention evidence both are computed from (persisted; unpersist when done). */
    public final Dataset<DiscoveredMention> evidence;

    Result(Dataset<Mention> mentions, Dataset<DiscoveredActor> actors, Dataset<DiscoveredMention> evidence) {
      this.mentions = mentions;
      this.actors = actors;
      this.evidence = evidence;
    }

    /** Drops the cached evidence: once the mentions are persisted on their own and the actors written. */
    public void release() {
      evidence.unpersist();
    }
  }

  private final Settings settings;
  private final Broadcast<Dictionary> dictionary;

  public DiscoverStage(Settings settings, Broadcast<Dictionary> dictionary) {
    this.settings = settings;
    this.dictionary = dictionary;
  }

  @Override
  public String name() {
    return "discover";
  }

  @Override
  public String description() {
    return "people, organisations and places the dictionary lacks";
  }

  @Override
  public boolean enabled() {
    return settings.enabled();
  }

  @Override
  public List<io.actorscope.output.TableSpec> tables() {
    return List.of(io.actorscope.output.Catalogue.DISCOVERED_ACTORS);
  }

  /** What the pipeline gets: the stage's output and how many mentions it discovered. */
  public record Found(Result result, long mentions) implements io.actorscope.Stage.Result {
    @Override
    public void report(io.actorscope.output.RunManifest m) {
      m.count("discovered_mentions", mentions);
    }
  }

  /** Discovers the names of {@code articles} and writes {@code discovered_actors} (when there is an output). */
  public Found run(Dataset<AnalyzedArticle> articles, Dataset<Mention> dictionaryMentions,
      io.actorscope.output.RunOutput out) {
    Result r = run(articles, dictionaryMentions, dictionary, settings);
    if (out != null) {
      out.write(io.actorscope.output.Catalogue.DISCOVERED_ACTORS, r.actors);
    }
    return new Found(r, r.evidence.count());
  }

  /**
   * {@code dictionaryMentions} must be derived from {@code articles} partition by partition (as
   * {@link io.actorscope.actors.ActorResolver#resolve} derives them): each partition's mentions are
   * then read beside its articles, in step, with no shuffle. Joining them by article id instead
   * shuffled every analysed article (text and token arrays: 675 MB on the UNGDC archive) and, with
   * the surname merge reading its input twice, ran the discoverer twice: 36 s of the 148 s run.
   */
  public static Result run(Dataset<AnalyzedArticle> articles, Dataset<Mention> dictionaryMentions,
      Broadcast<Dictionary> dictionary, Settings settings) {
    org.apache.spark.api.java.JavaRDD<AnalyzedArticle> a = articles.toJavaRDD();
    org.apache.spark.api.java.JavaRDD<Mention> m = dictionaryMentions.toJavaRDD();
    if (a.getNumPartitions() != m.getNumPartitions()) {
      throw new IllegalArgumentException("the dictionary mentions (" + m.getNumPartitions()
          + " partitions) are not derived from the articles (" + a.getNumPartitions() + ") partition by partition");
    }
    Dataset<DiscoveredMention> found = articles.sparkSession().createDataset(
        a.zipPartitions(m, new DiscoverPartition(dictionary, settings)).rdd(), DiscoveredMention.ENCODER)
        .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    // the surname merge reads what was found twice (names, then the join): from the cache above
    Dataset<DiscoveredMention> evidence = io.actorscope.Plans.persistCut(DiscoveredActors.mergeSurnames(found),
        DiscoveredMention.ENCODER);
    evidence.count();
    found.unpersist();
    Dataset<Mention> mentions = evidence.map(
        (org.apache.spark.api.java.function.MapFunction<DiscoveredMention, Mention>) DiscoveredMention::toMention,
        Mention.ENCODER);
    return new Result(mentions, DiscoveredActors.merge(evidence, settings), evidence);
  }

  /**
   * Discovers the articles of one partition, each with its dictionary mentions: those of the
   * partition's mentions that follow it with its id and date (the resolver emits an article's
   * mentions together, in article order; an article with none has none there).
   */
  static final class DiscoverPartition
      implements FlatMapFunction2<Iterator<AnalyzedArticle>, Iterator<Mention>, DiscoveredMention> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Dictionary> dictionary;
    private final Settings settings;

    DiscoverPartition(Broadcast<Dictionary> dictionary, Settings settings) {
      this.dictionary = dictionary;
      this.settings = settings;
    }

    @Override
    public Iterator<DiscoveredMention> call(Iterator<AnalyzedArticle> articles, Iterator<Mention> mentions) {
      Discoverer d = new Discoverer(new Lexicon(dictionary.value()));
      return new Iterator<>() {
        Iterator<DiscoveredMention> current = Collections.emptyIterator();
        Mention pending = mentions.hasNext() ? mentions.next() : null;

        @Override
        public boolean hasNext() {
          while (!current.hasNext() && articles.hasNext()) {
            AnalyzedArticle a = articles.next();
            List<Mention> own = new ArrayList<>();
            while (pending != null && a.getId() != null && a.getId().equals(pending.getArticleId())
                && java.util.Objects.equals(a.getDate(), pending.getDate())) {
              own.add(pending);
              pending = mentions.hasNext() ? mentions.next() : null;
            }
            List<DiscoveredMention> out = new ArrayList<>();
            for (Discoverer.Found f : d.discover(a, own)) {
              if (settings.types().contains(f.type)) {
                out.add(DiscoveredMention.of(f));
              }
            }
            current = out.iterator();
          }
          if (!current.hasNext() && pending != null) {
            throw new IllegalStateException("dictionary mention of article " + pending.getArticleId()
                + " out of step with the partition's articles: mentions not derived from these articles");
          }
          return current.hasNext();
        }

        @Override
        public DiscoveredMention next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          return current.next();
        }
      };
    }
  }
}
