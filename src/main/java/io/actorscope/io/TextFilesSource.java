package io.actorscope.io;

import io.actorscope.config.InputConfig;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/**
 * A folder (searched recursively, each real folder once) of text files, one article per file,
 * listed by {@link InputListing} and read by {@link FileRecords} (decoded by a byte-order mark if
 * there is one, decompressed by extension). Metadata comes from the file's path through
 * {@code path_pattern}.
 */
final class TextFilesSource extends ListedSource {
  /** The groups {@code path_pattern} may name; each one fills the article field of its name. */
  static final java.util.Set<String> PATTERN_GROUPS = java.util.Set.of("id", "source", "year", "month", "day", "date", "title");

  @Override
  String glob(InputConfig input) {
    return input.glob;
  }

  @Override
  public void check(InputConfig in, String at) {
    try {
      Pattern p = Pattern.compile(in.pathPattern == null ? "" : in.pathPattern);
      Matcher names = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(p.pattern());
      while (names.find()) {
        String g = names.group(1);
        if (!PATTERN_GROUPS.contains(g)) {
          throw new io.actorscope.config.ConfigException(at + ".path_pattern", "unknown group '" + g + "' (one of "
              + String.join(", ", new java.util.TreeSet<>(PATTERN_GROUPS)) + ")");
        }
      }
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new io.actorscope.config.ConfigException(at + ".path_pattern", "not a regular expression: "
          + io.actorscope.config.ConfigException.firstLine(e.getDescription()));
    }
  }




  /** The listed files (already filtered by {@code input.glob}), one task reading several. */
  @Override
  public Dataset<RawRecord> read(SparkSession spark, InputConfig input, InputListing listing) {
    return FileRecords.read(spark, input, listing.files, new FileRecords.WholeFile());
  }

  /** One file's bytes (its byte-order mark already read by {@link FileLines}) to one raw record. */
  static RawRecord record(InputConfig input, String path, byte[] content, Charset charset, boolean bom) {
    Decoded d = Decoded.of(content, 0, content.length, charset);
    if (Decoded.looksBinary(d.text)) {
      return RawRecord.failed(path, 0, Quarantine.BINARY_CONTENT,
          "file is not text (NUL or >10% control/invalid bytes; " + d.invalidBytes + " invalid bytes)",
          d.text, d.invalidBytes);
    }
    RawRecord r = new RawRecord();
    r.setSourceFile(path);
    r.setOffset(0);
    r.setInvalidBytes(d.invalidBytes);
    r.setBomStripped(bom || d.bomStripped);
    r.setText(d.text);
    if (input.titleFromFirstLine) {
      int nl = d.text.indexOf('\n');
      r.setTitle((nl < 0 ? d.text : d.text.substring(0, nl)).strip());
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    r.setId(dot > 0 ? name.substring(0, dot) : name);
    Matcher m = Pattern.compile(input.pathPattern).matcher(path);
    if (!m.find()) {
      if (input.requireDate && input.partitionDate == null) {
        // the file is not laid out as path_pattern says, so it has no date: say that, not missing_date
        r.setError(Quarantine.PATH_PATTERN_MISMATCH);
        r.setErrorDetail("the path does not match input.path_pattern " + ArticleParser.cut(input.pathPattern, 120));
        r.setRaw(d.text);
      }
      return r;
    }
    String id = group(m, "id");
    if (id != null) {
      r.setId(id);
    }
    r.setSource(group(m, "source"));
    String title = group(m, "title");
    if (title != null) {
      r.setTitle(title);
    }
    String date = group(m, "date");
    if (date == null) {
      String year = group(m, "year");
      String month = group(m, "month");
      String day = group(m, "day");
      if (year != null) {
        date = year + (month != null ? "-" + pad(month) + (day != null ? "-" + pad(day) : "") : "");
      }
    }
    r.setPublished(date);
    return r;
  }

  private static String pad(String s) {
    return s.length() == 1 ? "0" + s : s;
  }

  private static String group(Matcher m, String name) {
    try {
      return m.group(name);
    } catch (IllegalArgumentException absent) {
      return null;
    }
  }
}
