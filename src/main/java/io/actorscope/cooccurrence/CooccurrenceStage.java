package io.actorscope.cooccurrence;

import io.actorscope.Stage;
import io.actorscope.actors.ActorRow;
import io.actorscope.actors.DictionaryLoader;
import io.actorscope.actors.Mention;
import io.actorscope.config.ConfigException;
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
import org.apache.spark.storage.StorageLevel;

/**
 * Co-occurrence: actor pairs per date and scope with PMI, NPMI and G²; over the whole run, each actor's
 * top partners and the actor graph (GraphML).
 */
public final class CooccurrenceStage implements Stage {

  /** The units a pair can share. */
  public static final java.util.Set<String> SCOPES = java.util.Set.of(Cooccurrence.ARTICLE, Cooccurrence.SENTENCE,
      Cooccurrence.WINDOW);

  /** {@code cooccurrence.*}, checked when bound (a {@link ConfigException} naming the key, before Spark starts). */
  public record Settings(List<String> scopes, long minCount, int windowWidth, JobConfig.Partners partners,
      JobConfig.Graph graph) {
    public Settings {
      scopes = List.copyOf(scopes);
      String known = String.join(", ", new java.util.TreeSet<>(SCOPES));
      for (String s : scopes) {
        if (!SCOPES.contains(s)) {
          throw new ConfigException("cooccurrence.scopes", "unknown scope '" + s + "' (one of " + known + ")");
        }
      }
      if (minCount < 1) {
        throw new ConfigException("cooccurrence.min_count", "must be >= 1");
      }
      if (windowWidth < 2) {
        throw new ConfigException("cooccurrence.window_width", "must be >= 2");
      }
      if (partners.k < 1) {
        throw new ConfigException("cooccurrence.partners.k", "must be >= 1");
      }
      if (partners.minCount < 1) {
        throw new ConfigException("cooccurrence.partners.min_count", "must be >= 1");
      }
      if (partners.minExpected < 0) {
        throw new ConfigException("cooccurrence.partners.min_expected", "must be >= 0");
      }
      if (!SCOPES.contains(graph.scope)) {
        throw new ConfigException("cooccurrence.graph.scope", "unknown scope '" + graph.scope + "' (one of " + known + ")");
      }
      if (graph.enabled && !scopes.contains(graph.scope)) {
        throw new ConfigException("cooccurrence.graph.scope", "'" + graph.scope + "' is not in cooccurrence.scopes");
      }
      if (!(graph.maxP > 0 && graph.maxP <= 1)) {
        throw new ConfigException("cooccurrence.graph.max_p", "must be in (0, 1]");
      }
      if (graph.minCount < 1) {
        throw new ConfigException("cooccurrence.graph.min_count", "must be >= 1");
      }
      if (graph.maxEdges < 1) {
        throw new ConfigException("cooccurrence.graph.max_edges", "must be >= 1");
      }
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
    // the per-date table and the run-wide pairs (partners, graph) from one count
    Cooccurrence.PerDateAndRun counted = Cooccurrence.computeWithRunWide(mentions, text, settings.scopes,
        settings.minCount, settings.windowWidth);
    out.write(Catalogue.COOCCURRENCE, counted.perDate);
    Dataset<PairRow> runWide = counted.runWide.persist(StorageLevel.MEMORY_AND_DISK());
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
    counted.release();
    return new Result(graph);
  }
}
