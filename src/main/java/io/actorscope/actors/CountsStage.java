package io.actorscope.actors;

import io.actorscope.Stage;
import io.actorscope.output.Catalogue;
import io.actorscope.output.RunManifest;
import io.actorscope.output.RunOutput;
import io.actorscope.output.TableSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/** Counts: mentions and articles per date, source and actor, and the dictionary as tables. */
public final class CountsStage implements Stage {

  public record Result(Dataset<ActorCount> counts, List<ActorRow> actors, List<RoleRow> roles, long phrases)
      implements Stage.Result {
    @Override
    public void report(RunManifest m) {
      m.count("dictionary_actors", actors.size());
      m.count("dictionary_phrases", phrases);
    }
  }

  private final SparkSession spark;
  private final DictionaryLoader.Loaded dictionary;

  public CountsStage(SparkSession spark, DictionaryLoader.Loaded dictionary) {
    this.spark = spark;
    this.dictionary = dictionary;
  }

  @Override
  public String name() {
    return "counts";
  }

  @Override
  public String description() {
    return "actor counts and dictionary tables";
  }

  @Override
  public List<TableSpec> tables() {
    return List.of(Catalogue.ACTOR_COUNTS, Catalogue.ACTORS, Catalogue.ROLES);
  }

  public Result run(Dataset<Mention> counted) {
    List<ActorRow> actors = new ArrayList<>();
    dictionary.actors.forEach(a -> actors.add(ActorRow.of(a)));
    List<RoleRow> roles = new ArrayList<>();
    dictionary.roles.forEach(r -> r.holders.forEach(h -> roles.add(RoleRow.of(r, h))));
    return new Result(ActorCounts.count(counted), actors, roles, dictionary.dictionary.phraseCount());
  }

  public void write(Result r, RunOutput out) {
    out.write(Catalogue.ACTOR_COUNTS, r.counts);
    out.write(Catalogue.ACTORS, spark.createDataset(r.actors, ActorRow.ENCODER));
    out.write(Catalogue.ROLES, spark.createDataset(r.roles, RoleRow.ENCODER));
  }
}
