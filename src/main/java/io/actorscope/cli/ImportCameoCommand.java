package io.actorscope.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.actorscope.actors.CameoImport;
import io.actorscope.actors.CameoReader;
import io.actorscope.actors.DictionaryLoader;
import io.actorscope.actors.DictionaryModel;
import io.actorscope.config.ConfigException;
import io.actorscope.config.ConfigLoader;
import io.actorscope.config.JobConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code actorscope import-cameo FILE… --output cameo.yaml}: TABARI/PETRARCH dictionaries to our YAML. */
@Command(name = "import-cameo", mixinStandardHelpOptions = true,
    description = {"Converts TABARI/PETRARCH (CAMEO) actor and agent dictionaries into Actorscope's YAML",
        "dictionary format (conf/actors/README.md). The output is marked 'yields: true': loaded beside",
        "our own dictionaries, every phrase they claim stays theirs. Entries that are one of our actors",
        "(same code, shared name) keep our id; the others get CAMEO_<NAME> ids."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:success", "2:bad usage or an unreadable dictionary", "3:an input file does not exist"})
public final class ImportCameoCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Phoenix.*.actors.txt / *.agents.txt files.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--output", required = true, paramLabel = "FILE.yaml", description = "The YAML file to write.")
  Path output;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Settings, as for run; actors.dictionaries names our own dictionaries (default: the bundled ones).")
  List<String> sets = new ArrayList<>();

  @Override
  public Integer call() {
    List<CameoReader.Result> results = new ArrayList<>();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        System.err.println("actorscope: no such file: " + f);
        return Main.MISSING_INPUT;
      }
      try (InputStream in = Files.newInputStream(f)) {
        results.add(CameoReader.read(in, f.getFileName().toString()));
      } catch (IOException e) {
        System.err.println("actorscope: cannot read " + f + ": " + e.getMessage());
        return Main.BAD_CONFIG;
      }
    }
    DictionaryLoader.Loaded ours;
    try {
      ConfigLoader.Overrides o = new ConfigLoader.Overrides();
      o.sets = sets;
      o.runsTheJob = false;
      JobConfig config = ConfigLoader.load(null, o);
      ours = DictionaryLoader.load(config.actors.dictionaries);
    } catch (ConfigException | DictionaryLoader.DictionaryException e) {
      System.err.println("actorscope: " + e.getMessage());
      return Main.BAD_CONFIG;
    }
    DictionaryModel.File model = CameoImport.toModel(results, ours.actors);
    for (CameoReader.Result r : results) {
      if (r.isAgents()) {
        System.out.printf("%s: %d agents, %d phrase forms, %d warnings%n", r.name, r.agents.size(), r.agentForms,
            r.warnings.size());
      } else {
        System.out.printf("%s: %d entries, %d synonyms, %d codes (%d dated: %d ranges, %d <before, %d >after, %d single days), %d warnings%n",
            r.name, r.entries.size(), r.synonyms, r.codes, r.datedCodes, r.ranges, r.before, r.after, r.single,
            r.warnings.size());
      }
      for (String w : r.warnings) {
        System.err.println("actorscope: warning: " + w);
      }
    }
    long mapped = model.actors.stream().filter(a -> !a.id.startsWith("CAMEO_")).count();
    System.out.printf("wrote %s: %d actors (%d of them ours, with extra aliases), %d agents%n", output,
        model.actors.size(), mapped, model.agents.size());
    try {
      write(model, output);
    } catch (IOException e) {
      System.err.println("actorscope: cannot write " + output + ": " + e.getMessage());
      return Main.BAD_CONFIG;
    }
    return Main.OK;
  }

  static void write(DictionaryModel.File model, Path output) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    if (output.getParent() != null) {
      Files.createDirectories(output.getParent());
    }
    try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      w.write("# Converted by `actorscope import-cameo` from TABARI/PETRARCH dictionaries (MIT, Open Event\n"
          + "# Data Alliance). 'yields: true': phrases our own dictionaries claim stay theirs.\n");
      yaml.writeValue(w, model);
    }
  }
}
