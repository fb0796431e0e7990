package io.actorscope.cli;

import io.actorscope.actors.DictionaryLoader;
import io.actorscope.config.ConfigException;
import io.actorscope.config.JobConfig;
import io.actorscope.discover.DiscoverStage;
import io.actorscope.discover.DiscoveredActor;
import io.actorscope.discover.Suggestions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code actorscope suggest OUTPUT --output conf/actors/suggested.yaml [--top N]} */
@Command(name = "suggest", mixinStandardHelpOptions = true,
    description = {"Writes the top discovered actors of a run (OUTPUT/discovered_actors) as dictionary entries",
        "in the YAML of conf/actors, with their evidence (mentions, dates, titles, forms, cues) as comments,",
        "for review. People and organisations only; names the run's dictionaries already have are left out."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:success", "1:the table could not be read", "2:bad usage or configuration",
        "3:OUTPUT has no discovered_actors table"})
public final class SuggestCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "OUTPUT", description = "A run's output folder (local).")
  Path run;

  @Option(names = "--output", paramLabel = "FILE", required = true, description = "The YAML file to write.")
  Path file;

  @Option(names = "--top", paramLabel = "N", defaultValue = "50", description = "Entries to write (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a setting, as for run (actors.dictionaries).")
  List<String> sets = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Path table = run.resolve(DiscoverStage.TABLE);
    if (!Files.isDirectory(table)) {
      System.err.println("actorscope: suggest: no " + DiscoverStage.TABLE + " table in " + run);
      return Main.MISSING_INPUT;
    }
    if (top < 1) {
      System.err.println("actorscope: suggest: --top must be >= 1");
      return Main.BAD_CONFIG;
    }
    DictionaryLoader.Loaded d;
    try {
      JobConfig config = EvaluateCommand.config(sets);
      d = DictionaryLoader.load(config.actors.dictionaries);
    } catch (ConfigException | DictionaryLoader.DictionaryException e) {
      System.err.println("actorscope: " + e.getMessage());
      return Main.BAD_CONFIG;
    }
    List<DiscoveredActor> rows;
    try {
      rows = read(table);
    } catch (SQLException e) {
      System.err.println("actorscope: suggest: " + e.getMessage());
      return Main.JOB_FAILED;
    }
    String yaml = Suggestions.yaml(rows, d.dictionary, run.toString(), top);
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    System.out.println("actorscope: suggest: wrote " + file + " (" + yaml.lines().filter(l -> l.startsWith("  - id: ")).count()
        + " entries from " + rows.size() + " discovered actors)");
    return Main.OK;
  }

  /** The table in rank order, read with the embedded DuckDB (no Spark). */
  static List<DiscoveredActor> read(Path table) throws SQLException {
    List<DiscoveredActor> out = new ArrayList<>();
    try (Connection c = QueryCommand.duckdb(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT rank, actor_id, type, name, country, country_mentions, first_date, last_date, "
            + "titles, forms, cues, mentions, articles FROM read_parquet('"
            + table.toAbsolutePath().normalize().toString().replace("'", "''") + "/*.parquet') ORDER BY rank")) {
      while (r.next()) {
        DiscoveredActor a = new DiscoveredActor();
        a.setRank(r.getInt(1));
        a.setActorId(r.getString(2));
        a.setType(r.getString(3));
        a.setName(r.getString(4));
        a.setCountry(r.getString(5));
        a.setCountryMentions(r.getLong(6));
        java.sql.Date f = r.getDate(7);
        java.sql.Date l = r.getDate(8);
        a.setFirstDate(f == null ? null : f.toLocalDate());
        a.setLastDate(l == null ? null : l.toLocalDate());
        a.setTitles(strings(r.getArray(9)));
        a.setForms(strings(r.getArray(10)));
        a.setCues(strings(r.getArray(11)));
        a.setMentions(r.getLong(12));
        a.setArticles(r.getLong(13));
        out.add(a);
      }
    }
    return out;
  }

  private static List<String> strings(java.sql.Array a) throws SQLException {
    List<String> out = new ArrayList<>();
    if (a != null) {
      for (Object o : (Object[]) a.getArray()) {
        out.add(String.valueOf(o));
      }
    }
    return out;
  }
}
