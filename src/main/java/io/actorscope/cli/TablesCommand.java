package io.actorscope.cli;

import io.actorscope.output.Catalogue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code actorscope tables}: the catalogue of output tables, as README's table reference shows it. */
@Command(name = "tables", mixinStandardHelpOptions = true,
    description = {"Prints every output table: what a row is, how the folder is laid out, and each column",
        "(Markdown; README's table reference is this output)."})
public final class TablesCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.print(Catalogue.markdown());
    return Main.OK;
  }
}
