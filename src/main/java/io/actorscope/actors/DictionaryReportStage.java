package io.actorscope.actors;

import io.actorscope.Stage;
import io.actorscope.config.ConfigException;
import io.actorscope.config.JobConfig;
import io.actorscope.output.Catalogue;
import io.actorscope.output.RunManifest;
import io.actorscope.output.RunOutput;
import io.actorscope.output.TableSpec;
import io.actorscope.text.AnalyzedArticle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the dictionary lacks: frequent capitalised names no actor matched, and roles still mentioned
 * after their last holder on record left office.
 */
public final class DictionaryReportStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(DictionaryReportStage.class);

  /** {@code actors.unmatched_names}. */
  public record Settings(boolean unmatchedNames, int minArticles, int limit) {
    public Settings {
      if (minArticles < 1) {
        throw new ConfigException("actors.unmatched_names.min_articles", "must be >= 1");
      }
      if (limit < 1) {
        throw new ConfigException("actors.unmatched_names.limit", "must be >= 1");
      }
    }

    public static Settings from(JobConfig c) {
      JobConfig.UnmatchedNames u = c.actors.unmatchedNames;
      return new Settings(u.enabled, u.minArticles, u.limit);
    }
  }

  /** @param unmatched null when the search is off */
  public record Result(Dataset<UnmatchedName> unmatched, List<StaleRole> stale) implements Stage.Result {
    @Override
    public void report(RunManifest m) {
      Map<String, Object> report = new LinkedHashMap<>();
      if (unmatched != null) {
        report.put("unmatched_names", unmatched.count());
      }
      List<String> roles = new ArrayList<>();
      stale.forEach(s -> roles.add(s.getRoleId()));
      report.put("stale_roles", roles);
      m.put("dictionary_report", report);
    }
  }

  private final SparkSession spark;
  private final Settings settings;
  private final Broadcast<Dictionary> dictionary;

  public DictionaryReportStage(SparkSession spark, Settings settings, Broadcast<Dictionary> dictionary) {
    this.spark = spark;
    this.settings = settings;
    this.dictionary = dictionary;
  }

  @Override
  public String name() {
    return "dictionary_report";
  }

  @Override
  public String description() {
    return "unmatched names and stale roles";
  }

  @Override
  public List<TableSpec> tables() {
    return List.of(Catalogue.UNMATCHED_NAMES, Catalogue.STALE_ROLES);
  }

  public Result run(Dataset<AnalyzedArticle> analyzed, Dataset<Mention> mentions) {
    Dataset<UnmatchedName> names = settings.unmatchedNames
        ? UnmatchedNames.find(analyzed, dictionary, settings.minArticles, settings.limit) : null;
    List<StaleRole> stale = StaleRoles.find(mentions, dictionary.value());
    for (StaleRole s : stale) {
      LOG.warn("stale role {}: {} left office on {}, yet the role is mentioned {} times after that ({} to {})",
          s.getRoleId(), s.getLastHolder(), s.getTermEnded(), s.getMentionsAfter(), s.getFirstDate(), s.getLastDate());
    }
    return new Result(names, stale);
  }

  public void write(Result r, RunOutput out) {
    if (r.unmatched != null) {
      out.write(Catalogue.UNMATCHED_NAMES, r.unmatched);
    }
    out.write(Catalogue.STALE_ROLES, spark.createDataset(r.stale, StaleRole.ENCODER));
  }
}
