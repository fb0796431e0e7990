package io.actorscope.actors;

import io.actorscope.Plans;
import static org.apache.spark.sql.functions.col;

import io.actorscope.Stage;
import io.actorscope.config.ConfigException;
import io.actorscope.config.JobConfig;
import io.actorscope.output.Catalogue;
import io.actorscope.output.RunManifest;
import io.actorscope.output.RunOutput;
import io.actorscope.output.TableSpec;
import io.actorscope.text.AnalyzedArticle;
import java.util.List;
import java.util.Set;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;

/** Actors: every analysed article's mentions, resolved through the dictionary (broadcast once). */
public final class ActorStage implements Stage {
  /** The values of {@code actors.match_kinds}. */
  public static final Set<String> MATCH_KINDS = Set.of("alias", "role", "metonym", "demonym", "discovered");

  public record Settings(List<String> matchKinds) {
    public Settings {
      matchKinds = List.copyOf(matchKinds);
      for (String k : matchKinds) {
        if (!MATCH_KINDS.contains(k)) {
          throw new ConfigException("actors.match_kinds", "unknown kind '" + k + "' (one of "
              + String.join(", ", new java.util.TreeSet<>(MATCH_KINDS)) + ")");
        }
      }
    }

    /** Binds and checks {@code actors.match_kinds}, and that {@code actors.dictionaries} name files there are. */
    public static Settings from(JobConfig c) {
      if (c.actors.dictionaries.isEmpty()) {
        throw new ConfigException("actors.dictionaries", "at least one dictionary is needed");
      }
      for (String d : c.actors.dictionaries) {
        io.actorscope.config.Resources.checkExists(d, "actors.dictionaries", "actors/", "");
      }
      return new Settings(c.actors.matchKinds);
    }
  }

  /**
   * @param mentions every analysed article's mentions (cached; {@link #release()} when done)
   * @param counted the mentions of the articles that count (see the text stage)
   */
  public record Result(Dataset<Mention> mentions, Dataset<Mention> counted, long count) implements Stage.Result {
    public void release() {
      mentions.unpersist();
    }

    @Override
    public void report(RunManifest m) {
      m.count("mentions", count);
    }
  }

  private final Settings settings;
  private final Broadcast<Dictionary> dictionary;

  public ActorStage(Settings settings, Broadcast<Dictionary> dictionary) {
    this.settings = settings;
    this.dictionary = dictionary;
  }

  @Override
  public String name() {
    return "actors";
  }

  @Override
  public String description() {
    return "resolve actors and write mentions";
  }

  @Override
  public List<TableSpec> tables() {
    return List.of(Catalogue.MENTIONS);
  }

  /** Mentions of {@code analyzed}; {@code counted} is {@code analyzed} or a subset of it. */
  public Result run(Dataset<AnalyzedArticle> analyzed, Dataset<AnalyzedArticle> counted) {
    Dataset<Mention> m = Plans.persistCut(
        ActorResolver.resolve(analyzed, dictionary, settings.matchKinds), Mention.ENCODER);
    long n = m.count();
    Dataset<Mention> c = counted == analyzed ? m
        : m.join(counted.select(col("id").as("_counted")), m.col("articleId").equalTo(col("_counted")), "left_semi")
            .as(Mention.ENCODER);
    return new Result(m, c, n);
  }

  /** {@code r} with {@code more} mentions (discovered ones) added, counted the same way. */
  public Result including(Result r, Dataset<Mention> more, Dataset<AnalyzedArticle> analyzed,
      Dataset<AnalyzedArticle> counted) {
    Dataset<Mention> m = Plans.persistCut(r.mentions.union(more), Mention.ENCODER);
    long n = m.count();
    r.release();
    Dataset<Mention> c = counted == analyzed ? m
        : m.join(counted.select(col("id").as("_counted")), m.col("articleId").equalTo(col("_counted")), "left_semi")
            .as(Mention.ENCODER);
    return new Result(m, c, n);
  }

  public void write(Result r, RunOutput out) {
    out.write(Catalogue.MENTIONS, r.mentions);
  }
}
