package io.actorscope.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.config.InputConfig;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * JSON lines, plain or compressed (any Hadoop codec by file extension: .gz, .bz2, …).
 *
 * <p>Read through Hadoop's {@link TextInputFormat} rather than Spark's JSON reader: it gives each
 * line's raw bytes (so invalid bytes can be counted) and byte offset (so a quarantined line can be
 * found again), which Spark's corrupt-record column does not. Plain files stay splittable.
 */
final class JsonLinesSource implements ArticleSource {

  @Override
  public Dataset<RawRecord> read(SparkSession spark, InputConfig input) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = new Configuration(jsc.hadoopConfiguration());
    conf.setBoolean("mapreduce.input.fileinputformat.input.dir.recursive", true);
    @SuppressWarnings("unchecked")
    JavaNewHadoopRDD<LongWritable, Text> lines = (JavaNewHadoopRDD<LongWritable, Text>)
        jsc.newAPIHadoopFile(input.path, TextInputFormat.class, LongWritable.class, Text.class, conf);
    JavaRDD<RawRecord> records = lines.mapPartitionsWithInputSplit(new ParseLines(input), false);
    return spark.createDataset(records.rdd(), RawRecord.ENCODER);
  }

  /** Decodes and parses the lines of one split. */
  static final class ParseLines
      implements Function2<InputSplit, Iterator<Tuple2<LongWritable, Text>>, Iterator<RawRecord>> {
    private static final long serialVersionUID = 1L;
    private final InputConfig input;

    ParseLines(InputConfig input) {
      this.input = input;
    }

    @Override
    public Iterator<RawRecord> call(InputSplit split, Iterator<Tuple2<LongWritable, Text>> it) {
      String file = split instanceof FileSplit ? ((FileSplit) split).getPath().toString() : split.toString();
      Charset charset = Charset.forName(input.encoding);
      ObjectMapper json = new ObjectMapper();
      return new Iterator<>() {
        long lastOffset = split instanceof FileSplit ? ((FileSplit) split).getStart() : 0;
        boolean broken;
        RawRecord next = advance();

        private RawRecord advance() {
          if (broken) {
            return null;
          }
          try {
            while (it.hasNext()) {
              Tuple2<LongWritable, Text> kv = it.next();
              Text line = kv._2();
              lastOffset = kv._1().get();
              if (isBlank(line)) {
                continue; // blank lines are separators, not records
              }
              return parse(file, lastOffset, line, charset, json);
            }
          } catch (Exception e) {
            // A corrupt or truncated file (bad gzip, cut-off bzip2): what was read stays, the rest of
            // this split becomes one quarantine row instead of failing the whole job.
            broken = true;
            return RawRecord.failed(file, lastOffset, Quarantine.UNREADABLE,
                "cannot read the rest of the file after offset " + lastOffset + ": " + e, null, 0);
          }
          return null;
        }

        @Override
        public boolean hasNext() {
          return next != null;
        }

        @Override
        public RawRecord next() {
          RawRecord r = next;
          next = advance();
          return r;
        }
      };
    }

    private static boolean isBlank(Text line) {
      byte[] b = line.getBytes();
      for (int i = 0; i < line.getLength(); i++) {
        if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
          return false;
        }
      }
      return true;
    }

    RawRecord parse(String file, long offset, Text line, Charset charset, ObjectMapper json) {
      Decoded d = Decoded.of(line.getBytes(), 0, line.getLength(), charset);
      if (Decoded.looksBinary(d.text)) {
        return RawRecord.failed(file, offset, Quarantine.BINARY_CONTENT,
            "line is not text (NUL or >10% control/invalid bytes; " + d.invalidBytes + " invalid bytes)",
            d.text, d.invalidBytes);
      }
      JsonNode node;
      try {
        node = json.readTree(d.text);
      } catch (JsonProcessingException e) {
        return RawRecord.failed(file, offset, Quarantine.INVALID_JSON,
            e.getOriginalMessage(), d.text, d.invalidBytes);
      }
      if (node == null || !node.isObject()) {
        return RawRecord.failed(file, offset, Quarantine.NOT_AN_OBJECT,
            "a line must be a JSON object, found " + (node == null ? "nothing" : node.getNodeType()),
            d.text, d.invalidBytes);
      }
      RawRecord r = new RawRecord();
      r.setSourceFile(file);
      r.setOffset(offset);
      r.setInvalidBytes(d.invalidBytes);
      r.setBomStripped(d.bomStripped);
      List<String> bad = new ArrayList<>();
      r.setId(field(node, input.field("id"), bad));
      r.setUrl(field(node, input.field("url"), bad));
      r.setSource(field(node, input.field("source"), bad));
      r.setPublished(field(node, input.field("published"), bad));
      r.setDatePrecision(field(node, input.field("date_precision"), bad));
      r.setTitle(field(node, input.field("title"), bad));
      r.setText(field(node, input.field("text"), bad));
      if (!bad.isEmpty()) {
        r.setError(Quarantine.INVALID_FIELD);
        r.setErrorDetail("not a string or number: " + String.join(", ", bad));
        r.setRaw(d.text);
      }
      return r;
    }

    private static String field(JsonNode node, String name, List<String> bad) {
      JsonNode v = node.get(name);
      if (v == null || v.isNull()) {
        return null;
      }
      if (v.isTextual()) {
        return v.textValue();
      }
      if (v.isNumber() || v.isBoolean()) {
        return v.asText();
      }
      bad.add(name);
      return null;
    }
  }
}
