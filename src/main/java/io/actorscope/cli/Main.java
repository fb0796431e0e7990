package io.actorscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code actorscope}: the command line. Exit codes: 0 success, 1 the job failed, 2 bad usage or
 * configuration (found before Spark starts), 3 an input that does not exist, 4 another run holds
 * the lock of a day this run would write.
 */
@Command(name = "actorscope", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Turns piles of news text into facts about actors: mentions, counts, co-occurrence, topics.",
    subcommands = {RunCommand.class, QueryCommand.class, EvaluateCommand.class, ImportCameoCommand.class,
        SweepCommand.class, BenchTopicsCommand.class, TablesCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int JOB_FAILED = 1;
  public static final int BAD_CONFIG = 2;
  public static final int MISSING_INPUT = 3;
  /** Another run holds the lock of a day (or of the whole output) this run would write. */
  public static final int LOCK_HELD = 4;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try: actorscope run --help)");
  }

  public static int execute(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Package p = Main.class.getPackage();
      String v = p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "dev";
      return new String[] {"actorscope " + v};
    }
  }
}
