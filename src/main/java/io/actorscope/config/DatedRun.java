package io.actorscope.config;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A run over input laid out by date (see {@code nightly} in conf/defaults.yaml): each input path
 * becomes one input per day, {@code PATH/<layout with the day>}, whose articles get that day as
 * their date. Missing day folders are found here, before Spark starts.
 */
public final class DatedRun {
  /** The days read and written, in order. */
  public final List<LocalDate> dates = new ArrayList<>();
  /** Days whose input folder was absent (nightly.missing_input: skip). */
  public final List<LocalDate> skipped = new ArrayList<>();

  private DatedRun() {}

  /** The Hadoop settings of a job's {@code spark:} section ({@code spark.hadoop.*}), over Hadoop's defaults. */
  public static Configuration hadoopConf(JobConfig config) {
    Configuration conf = new Configuration();
    for (Map.Entry<String, String> e : config.spark.entrySet()) {
      if (e.getKey().startsWith("spark.hadoop.")) {
        conf.set(e.getKey().substring("spark.hadoop.".length()), e.getValue());
      }
    }
    return conf;
  }

  /**
   * Expands {@code config.inputs} in place to one input per (input, day) and returns the days. An
   * undated config is left alone (empty result). Throws a missing-input ConfigException (exit 3) for
   * an absent day folder unless nightly.missing_input is skip.
   */
  public static DatedRun expand(JobConfig config, Configuration hadoop) {
    DatedRun run = new DatedRun();
    List<LocalDate> days = config.nightly.dates();
    if (days.isEmpty()) {
      return run;
    }
    List<InputConfig> expanded = new ArrayList<>();
    for (LocalDate d : days) {
      List<InputConfig> today = new ArrayList<>();
      String missing = null;
      for (int i = 0; i < config.inputs.size(); i++) {
        InputConfig in = config.inputs.get(i);
        String base = in.path.endsWith("/") ? in.path.substring(0, in.path.length() - 1) : in.path;
        String folder = base + "/" + config.nightly.folder(d);
        if (!exists(folder, hadoop)) {
          missing = "inputs[" + i + "].path";
          if ("fail".equals(config.nightly.missingInput)) {
            throw new ConfigException(missing, "no input for " + d + ": " + folder
                + " does not exist (nightly.missing_input: skip to leave such days alone)", true);
          }
          break;
        }
        InputConfig one = copy(in);
        one.path = folder;
        one.partitionDate = d.toString();
        today.add(one);
      }
      if (missing != null) {
        run.skipped.add(d);
      } else {
        run.dates.add(d);
        expanded.addAll(today);
      }
    }
    config.inputs = expanded;
    return run;
  }

  private static boolean exists(String path, Configuration hadoop) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(hadoop);
      return fs.exists(p);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(path, "cannot look for the input: " + e.getMessage().split("\n")[0], true);
    }
  }

  /** A deep copy: every setting of the input, whatever fields InputConfig gains (a field-by-field copy lost new ones). */
  private static InputConfig copy(InputConfig in) {
    return org.apache.commons.lang3.SerializationUtils.clone(in);
  }

  /**
   * A regular expression that finds the day in a file path read from a day's folder (group 1):
   * the layout with {date} as YYYY-MM-DD, between slashes.
   */
  public static String dayInPath(String layout) {
    int at = layout.indexOf("{date}");
    return "/" + java.util.regex.Pattern.quote(layout.substring(0, at)) + "(\\d{4}-\\d{2}-\\d{2})"
        + java.util.regex.Pattern.quote(layout.substring(at + "{date}".length())) + "/";
  }
}
