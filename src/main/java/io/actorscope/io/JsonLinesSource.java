package io.actorscope.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.config.InputConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
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
 * JSON lines, plain or compressed (.gz, .bz2 or any Hadoop codec by file extension).
 *
 * <p>Plain files are read through Hadoop's {@link TextInputFormat} rather than Spark's JSON
 * reader: it gives each line's raw bytes (so invalid bytes can be counted) and byte offset (so a
 * quarantined line can be found again), and plain files stay splittable. Compressed files (and
 * plain files that turn out to be UTF-16 or UTF-32 by their byte-order mark) are read whole by
 * one task as a stream ({@link FileRecords}), so a damaged one keeps the lines before the damage.
 */
final class JsonLinesSource extends ListedSource {



  @Override
  public Dataset<RawRecord> read(SparkSession spark, InputConfig input, InputListing listing) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = new Configuration(jsc.hadoopConfiguration());
    List<String> plain = new ArrayList<>();
    List<String> whole = new ArrayList<>();
    for (String f : listing.files) {
      (FileLines.compressed(f, conf) ? whole : plain).add(f);
    }
    Dataset<RawRecord> out = FileRecords.read(spark, input, whole, new FileRecords.JsonLines());
    if (!plain.isEmpty()) {
      Job job;
      try {
        job = Job.getInstance(conf);
        // the listed files exactly, as Path objects: a comma in a name is not read as a list
        FileInputFormat.setInputPaths(job, plain.stream().map(Path::new).toArray(Path[]::new));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      @SuppressWarnings("unchecked")
      JavaNewHadoopRDD<LongWritable, Text> lines = (JavaNewHadoopRDD<LongWritable, Text>)
          jsc.newAPIHadoopRDD(job.getConfiguration(), TextInputFormat.class, LongWritable.class, Text.class);
      HadoopConf hc = new HadoopConf(conf);
      JavaRDD<RawRecord> records = lines.mapPartitionsWithInputSplit(new ParseLines(input, hc), false);
      out = out.unionByName(spark.createDataset(records.rdd(), RawRecord.ENCODER));
    }
    return out;
  }

  /** A JSON reader that takes strings as long as a record may be (Jackson's own cap is 20M characters). */
  static ObjectMapper mapper(InputConfig input) {
    ObjectMapper m = new ObjectMapper();
    m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxStringLength(Math.max(input.maxRecordBytes, StreamReadConstraints.DEFAULT_MAX_STRING_LEN)).build());
    return m;
  }

  static RawRecord tooLarge(String file, long offset, long bytes, InputConfig input, String head) {
    return RawRecord.failed(file, offset, Quarantine.TOO_LARGE, "a line of " + bytes
        + " bytes is over input.max_record_bytes (" + input.maxRecordBytes + ")", head, 0);
  }

  /** Decodes and parses the lines of one split. */
  static final class ParseLines
      implements Function2<InputSplit, Iterator<Tuple2<LongWritable, Text>>, Iterator<RawRecord>> {
    private static final long serialVersionUID = 1L;
    private final InputConfig input;
    private final HadoopConf conf;

    ParseLines(InputConfig input, HadoopConf conf) {
      this.input = input;
      this.conf = conf;
    }

    @Override
    public Iterator<RawRecord> call(InputSplit split, Iterator<Tuple2<LongWritable, Text>> it) throws IOException {
      String file = split instanceof FileSplit ? ((FileSplit) split).getPath().toString() : split.toString();
      long start = split instanceof FileSplit ? ((FileSplit) split).getStart() : 0;
      Charset charset = Charset.forName(input.encoding);
      ObjectMapper json = mapper(input);
      // Hadoop's line reader drops a UTF-8 byte-order mark without a word, and splits UTF-16 on the
      // wrong bytes: the file's first bytes say which it is
      int bom = bom(file);
      if (bom == WIDE) {
        if (start != 0) {
          return Collections.emptyIterator();
        }
        return new FileRecords(input, conf, new FileRecords.JsonLines()).call(List.of(file).iterator());
      }
      return new Iterator<>() {
        long lastOffset = start;
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
              if (line.getLength() > input.maxRecordBytes) {
                return tooLarge(file, lastOffset, line.getLength(), input,
                    Decoded.of(line.getBytes(), 0, Math.min(line.getLength(), 1024), charset).text);
              }
              Decoded d = Decoded.of(line.getBytes(), 0, line.getLength(), charset);
              return parse(input, json, file, lastOffset, d.text, d.invalidBytes,
                  d.bomStripped || (bom == UTF8 && lastOffset == 0));
            }
          } catch (Exception e) {
            // A corrupt file: what was read stays, the rest of this split becomes one quarantine row
            // instead of failing the whole job.
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

    private static final int NONE = 0;
    private static final int UTF8 = 1;
    private static final int WIDE = 2;

    private int bom(String file) throws IOException {
      Path p = new Path(file);
      byte[] b = new byte[4];
      int n;
      try (InputStream in = p.getFileSystem(conf.get()).open(p)) {
        n = in.readNBytes(b, 0, 4);
      }
      if (n >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
        return UTF8;
      }
      if (n >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE))) {
        return WIDE;
      }
      if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == (byte) 0xFE && b[3] == (byte) 0xFF) {
        return WIDE;
      }
      return NONE;
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
  }

  /** One decoded line to a raw record. */
  static RawRecord parse(InputConfig input, ObjectMapper json, String file, long offset, String text, int invalidBytes,
      boolean bomStripped) {
    if (Decoded.looksBinary(text)) {
      return RawRecord.failed(file, offset, Quarantine.BINARY_CONTENT,
          "line is not text (NUL or >10% control/invalid bytes; " + invalidBytes + " invalid bytes)",
          text, invalidBytes);
    }
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JsonProcessingException e) {
      return RawRecord.failed(file, offset, Quarantine.INVALID_JSON, e.getOriginalMessage(), text, invalidBytes);
    }
    if (node == null || !node.isObject()) {
      return RawRecord.failed(file, offset, Quarantine.NOT_AN_OBJECT,
          "a line must be a JSON object, found " + (node == null ? "nothing" : node.getNodeType()),
          text, invalidBytes);
    }
    RawRecord r = new RawRecord();
    r.setSourceFile(file);
    r.setOffset(offset);
    r.setInvalidBytes(invalidBytes);
    r.setBomStripped(bomStripped);
    List<String> bad = new ArrayList<>();
    r.setId(field(node, input.field("id"), bad, false));
    r.setUrl(field(node, input.field("url"), bad, false));
    r.setSource(field(node, input.field("source"), bad, false));
    r.setPublished(field(node, input.field("published"), bad, false));
    r.setDatePrecision(field(node, input.field("date_precision"), bad, false));
    r.setTitle(field(node, input.field("title"), bad, false));
    r.setText(field(node, input.field("text"), bad, true));
    if (!bad.isEmpty()) {
      r.setError(Quarantine.INVALID_FIELD);
      r.setErrorDetail(String.join("; ", bad));
      r.setRaw(text);
    }
    return r;
  }

  /** A field's value as a string; {@code textOnly}: a number or boolean is not an article text. */
  private static String field(JsonNode node, String name, List<String> bad, boolean textOnly) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (!textOnly && (v.isNumber() || v.isBoolean())) {
      return v.asText();
    }
    bad.add("'" + name + "' is " + (textOnly ? "not a string" : "not a string or number") + " but "
        + v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    return null;
  }
}
