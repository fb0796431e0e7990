package io.actorscope.io;

import io.actorscope.config.InputConfig;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A folder (searched recursively) of text files, one article per file, read with Spark's
 * {@code binaryFile} source. Metadata comes from the file's path through {@code path_pattern}.
 */
final class TextFilesSource implements ArticleSource {

  @Override
  public Dataset<RawRecord> read(SparkSession spark, InputConfig input) {
    Dataset<Row> files = spark.read().format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", input.glob)
        .load(input.path)
        .select("path", "content");
    return files.map(new ReadFile(input), RawRecord.ENCODER);
  }

  /** One file to one raw record. */
  static final class ReadFile implements MapFunction<Row, RawRecord> {
    private static final long serialVersionUID = 1L;
    private final InputConfig input;
    private transient Pattern pattern;

    ReadFile(InputConfig input) {
      this.input = input;
    }

    @Override
    public RawRecord call(Row row) {
      if (pattern == null) {
        pattern = Pattern.compile(input.pathPattern);
      }
      String path = row.getString(0);
      byte[] content = (byte[]) row.get(1);
      Decoded d = Decoded.of(content, 0, content.length, Charset.forName(input.encoding));
      if (Decoded.looksBinary(d.text)) {
        return RawRecord.failed(path, 0, Quarantine.BINARY_CONTENT,
            "file is not text (NUL or >10% control/invalid bytes; " + d.invalidBytes + " invalid bytes)",
            d.text, d.invalidBytes);
      }
      RawRecord r = new RawRecord();
      r.setSourceFile(path);
      r.setOffset(0);
      r.setInvalidBytes(d.invalidBytes);
      r.setBomStripped(d.bomStripped);
      r.setText(d.text);
      if (input.titleFromFirstLine) {
        int nl = d.text.indexOf('\n');
        r.setTitle((nl < 0 ? d.text : d.text.substring(0, nl)).strip());
      }
      String decodedPath = decodePath(path);
      String name = decodedPath.substring(decodedPath.lastIndexOf('/') + 1);
      int dot = name.lastIndexOf('.');
      r.setId(dot > 0 ? name.substring(0, dot) : name);
      Matcher m = pattern.matcher(decodedPath);
      if (m.find()) {
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
      }
      return r;
    }

    /** Spark hands out the path as a URI; a name with a literal '%' may not decode, and is then used as is. */
    private static String decodePath(String path) {
      try {
        return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notEncoded) {
        return path;
      }
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

}
