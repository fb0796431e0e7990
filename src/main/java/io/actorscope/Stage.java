package io.actorscope;

import io.actorscope.output.RunManifest;
import io.actorscope.output.TableSpec;
import java.util.List;

/**
 * One phase of the job: a class with an immutable settings record, typed inputs (its own {@code run}
 * method), a typed result, and the tables it declares. {@link Pipeline} runs each stage as a Spark job
 * group, times it, and lets the output owner know which tables the stage owns for this run.
 */
public interface Stage {
  /** The phase name: the job group, the manifest's {@code phases_seconds} key. */
  String name();

  /** One line for the Spark UI and the log. */
  String description();

  /** The output tables this stage writes (each a catalogue entry). */
  List<TableSpec> tables();

  /** False when the settings switch the stage off: it then neither runs nor touches its tables. */
  default boolean enabled() {
    return true;
  }

  /** A stage's result: datasets for the next stages, and the metrics it adds to the manifest. */
  interface Result {
    void report(RunManifest manifest);
  }
}
