package io.actorscope.discover;

import io.actorscope.actors.Dictionary;
import io.actorscope.actors.Mention;
import io.actorscope.config.ConfigException;
import io.actorscope.config.JobConfig;
import io.actorscope.text.AnalyzedArticle;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * The discover stage: analysed articles and the dictionary's mentions in, discovered mentions and
 * the {@code discovered_actors} table out.
 *
 * <p>Cost is linear in the corpus. The dictionary's mentions are grouped per article (one shuffle
 * of mention spans) and joined to the articles (one shuffle of the articles); each article is then
 * read once by {@link Discoverer} inside {@code mapPartitions}. Provisional actors are merged
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

  public static Result run(Dataset<AnalyzedArticle> articles, Dataset<Mention> dictionaryMentions,
      Broadcast<Dictionary> dictionary, Settings settings) {
    Dataset<Row> spans = dictionaryMentions
        .groupBy(functions.col("articleId").as("_article"))
        .agg(functions.collect_list(functions.struct("start", "end", "actorId", "actorType", "roleId", "surface",
            "matchKind")).as("_spans"));
    Dataset<Tuple2<AnalyzedArticle, Row>> joined = articles.joinWith(spans,
        articles.col("id").equalTo(spans.col("_article")), "left_outer");
    Dataset<DiscoveredMention> evidence = joined
        .mapPartitions(new DiscoverPartition(dictionary, settings), DiscoveredMention.ENCODER);
    evidence = DiscoveredActors.mergeSurnames(evidence).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    Dataset<Mention> mentions = evidence.map(
        (org.apache.spark.api.java.function.MapFunction<DiscoveredMention, Mention>) DiscoveredMention::toMention,
        Mention.ENCODER);
    return new Result(mentions, DiscoveredActors.merge(evidence, settings), evidence);
  }

  /** Discovers the articles of one partition, each with its dictionary mentions. */
  static final class DiscoverPartition implements MapPartitionsFunction<Tuple2<AnalyzedArticle, Row>, DiscoveredMention> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Dictionary> dictionary;
    private final Settings settings;

    DiscoverPartition(Broadcast<Dictionary> dictionary, Settings settings) {
      this.dictionary = dictionary;
      this.settings = settings;
    }

    @Override
    public Iterator<DiscoveredMention> call(Iterator<Tuple2<AnalyzedArticle, Row>> rows) {
      Discoverer d = new Discoverer(new Lexicon(dictionary.value()));
      return new Iterator<>() {
        Iterator<DiscoveredMention> current = Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!current.hasNext() && rows.hasNext()) {
            Tuple2<AnalyzedArticle, Row> r = rows.next();
            List<DiscoveredMention> out = new ArrayList<>();
            for (Discoverer.Found f : d.discover(r._1(), mentions(r._2()))) {
              if (settings.types().contains(f.type)) {
                out.add(DiscoveredMention.of(f));
              }
            }
            current = out.iterator();
          }
          return current.hasNext();
        }

        @Override
        public DiscoveredMention next() {
          hasNext();
          return current.next();
        }
      };
    }
  }

  /** The dictionary spans of one article as the discoverer reads them. */
  static List<Mention> mentions(Row grouped) {
    if (grouped == null || grouped.isNullAt(grouped.fieldIndex("_spans"))) {
      return List.of();
    }
    List<Row> spans = grouped.getList(grouped.fieldIndex("_spans"));
    List<Mention> out = new ArrayList<>(spans.size());
    for (Row s : spans) {
      Mention m = new Mention();
      m.setStart(s.getInt(0));
      m.setEnd(s.getInt(1));
      m.setActorId(s.getString(2));
      m.setActorType(s.getString(3));
      m.setRoleId(s.getString(4));
      m.setSurface(s.getString(5));
      m.setMatchKind(s.getString(6));
      out.add(m);
    }
    return out;
  }
}
