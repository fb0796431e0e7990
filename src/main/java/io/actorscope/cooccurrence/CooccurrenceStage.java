package io.actorscope.cooccurrence;

import io.actorscope.Stage;
import io.actorscope.actors.ActorRow;
import io.actorscope.actors.DictionaryLoader;
import io.actorscope.actors.Mention;
import io.actorscope.config.JobConfig;
import io.actorscope.output.Catalogue;
import io.actorscope.output.RunManifest;
import io.actorscope.output.RunOutput;
import io.actorscope.output.TableSpec;
import io.actorscope.text.AnalyzedArticle;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * Co-occurrence: actor pairs per date and scope with PMI, NPMI and G²; over the whole run, each actor's
 * top partners and the actor graph (GraphML).
 */
public final class CooccurrenceStage implements Stage {

  /** {@code cooccurrence.*} (checked by the config loader before Spark starts). */
  public record Settings(List<String> scopes, long minCount, int windowWidth, JobConfig.Partners partners,
      JobConfig.Graph graph) {
    public Settings {
      scopes = List.copyOf(scopes);
    }

    public static Settings from(JobConfig c) {
      JobConfig.Cooccurrence k = c.cooccurrence;
      return new Settings(k.scopes, k.minCount, k.windowWidth, k.partners, k.graph);
    }
  }

  /** @param graph the graph's path and size, or null when it is off */
  public record Result(Map<String, Object> graph) implements Stage.Result {
    @Override
    public void report(RunManifest m) {
      if (graph != null) {
        m.put("graph", graph);
      }
    }
  }

  private final Settings settings;
  private final DictionaryLoader.Loaded dictionary;
  private final Configuration hadoop;

  public CooccurrenceStage(Settings settings, DictionaryLoader.Loaded dictionary, Configuration hadoop) {
    this.settings = settings;
    this.dictionary = dictionary;
    this.hadoop = hadoop;
  }

  @Override
  public String name() {
    return "cooccurrence";
  }

  @Override
  public String description() {
    return "actor co-occurrence, top partners and the actor graph";
  }

  @Override
  public List<TableSpec> tables() {
    return List.of(Catalogue.COOCCURRENCE, Catalogue.ACTOR_PARTNERS, Catalogue.GRAPHS);
  }

  /** Computes and writes the pairs of {@code mentions} (of the articles in {@code text}). */
  public Result run(Dataset<Mention> mentions, Dataset<AnalyzedArticle> text, RunOutput out) throws IOException {
    out.write(Catalogue.COOCCURRENCE,
        Cooccurrence.compute(mentions, text, settings.scopes, settings.minCount, settings.windowWidth));
    // the same pairs over the whole run (one null date), for partners and the graph
    Dataset<Mention> allMentions = mentions.withColumn("date", functions.lit(null).cast("date")).as(Mention.ENCODER);
    Dataset<AnalyzedArticle> allText = text.withColumn("date", functions.lit(null).cast("date"))
        .as(AnalyzedArticle.ENCODER);
    Dataset<PairRow> runWide = Cooccurrence.compute(allMentions, allText, settings.scopes, 1, settings.windowWidth)
        .persist(StorageLevel.MEMORY_AND_DISK());
    out.write(Catalogue.ACTOR_PARTNERS, Partners.top(runWide, settings.partners));
    Map<String, Object> graph = null;
    if (settings.graph.enabled) {
      Map<String, String[]> names = new HashMap<>();
      dictionary.actors.forEach(a -> {
        ActorRow row = ActorRow.of(a);
        names.put(row.getActorId(), new String[] {row.getName(), row.getType()});
      });
      String file = "actors-" + settings.graph.scope + ".graphml";
      long[] g = GraphExport.write(runWide, settings.graph, names, out.stagePath(Catalogue.GRAPHS, "") + "/" + file,
          hadoop);
      graph = new LinkedHashMap<>();
      graph.put("path", RunManifest.redact(out.committedPath(Catalogue.GRAPHS) + "/" + file));
      graph.put("nodes", g[0]);
      graph.put("edges", g[1]);
    }
    runWide.unpersist();
    return new Result(graph);
  }
}
