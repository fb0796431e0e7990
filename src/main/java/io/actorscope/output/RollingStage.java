package io.actorscope.output;

import io.actorscope.Stage;
import io.actorscope.config.JobConfig;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Rolling windows: 7- and 30-day actor counts and co-occurrence, recomputed for every window that ends
 * on a day with data and contains a day the run touched. They are read from the daily tables as they
 * will be once the run commits, so the windows land in the same commit as the days they sum.
 *
 * <p>Only dated runs ({@code --date}, {@code --from/--to}) roll by default: an undated run reads a whole
 * archive, whose windows no nightly reader is waiting for, and rolling them was a sixth of such a run
 * (52 of 306 s on the UNGDC archive, issue 12). {@code nightly.rolling_undated: true} rolls them too.
 */
public final class RollingStage implements Stage {

  /** @param dated whether the run is a dated one; @param undated whether an undated run rolls too */
  public record Settings(List<Integer> windows, List<String> scopes, long minCount, boolean dated, boolean undated) {
    public Settings {
      for (Integer w : windows) {
        if (w == null || w < 2 || w > 366) {
          throw new io.actorscope.config.ConfigException("nightly.rolling_days", "each window must be 2 to 366 days, got " + w);
        }
      }
      if (new java.util.HashSet<>(windows).size() != windows.size()) {
        throw new io.actorscope.config.ConfigException("nightly.rolling_days", "a window is listed twice");
      }
      windows = List.copyOf(windows);
      scopes = List.copyOf(scopes);
    }

    public static Settings from(JobConfig c) {
      return new Settings(c.nightly.rollingDays, c.cooccurrence.scopes, c.cooccurrence.minCount,
          c.nightly.date != null || c.nightly.from != null, c.nightly.rollingUndated);
    }
  }

  public record Result(List<Integer> windows, List<LocalDate> ends) implements Stage.Result {
    @Override
    public void report(RunManifest m) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("windows_days", windows);
      r.put("end_dates", ends.stream().map(Object::toString).toList());
      m.put("rolling", r);
    }
  }

  private final SparkSession spark;
  private final Settings settings;

  public RollingStage(SparkSession spark, Settings settings) {
    this.spark = spark;
    this.settings = settings;
  }

  @Override
  public String name() {
    return "rolling";
  }

  @Override
  public String description() {
    return "rolling actor counts and co-occurrence";
  }

  @Override
  public boolean enabled() {
    return !settings.windows.isEmpty() && (settings.dated || settings.undated);
  }

  /** What the manifest says when the stage does not run. */
  public Stage.Result skipped() {
    String why = settings.windows.isEmpty() ? "nightly.rolling_days is []"
        : "an undated run (nightly.rolling_undated is false)";
    return m -> m.put("rolling", Map.of("skipped", why));
  }

  @Override
  public List<TableSpec> tables() {
    return List.of(Catalogue.ACTOR_COUNTS_ROLLING, Catalogue.COOCCURRENCE_ROLLING);
  }

  /** @param touched the days the run wrote (a dated run's days; an undated run's article dates) */
  public Result run(List<LocalDate> touched, RunOutput out) throws IOException {
    List<LocalDate> ends = Rolling.endDays(out.datesAfterCommit(Catalogue.ARTICLES), touched, settings.windows);
    out.claimDays(Catalogue.ACTOR_COUNTS_ROLLING, ends);
    out.claimDays(Catalogue.COOCCURRENCE_ROLLING, ends);
    if (!ends.isEmpty()) {
      Map<String, Dataset<Row>> daily = new LinkedHashMap<>();
      for (TableSpec t : List.of(Catalogue.ARTICLES, Catalogue.MENTIONS, Catalogue.ACTOR_COUNTS)) {
        daily.put(t.name(), out.afterCommit(spark, t));
      }
      Rolling.Windows w = Rolling.compute(spark, daily::get, ends, settings.windows, settings.scopes,
          settings.minCount);
      if (w != null) {
        out.write(Catalogue.ACTOR_COUNTS_ROLLING, w.counts());
        out.write(Catalogue.COOCCURRENCE_ROLLING, w.pairs());
      }
    }
    return new Result(settings.windows, new ArrayList<>(ends));
  }
}
