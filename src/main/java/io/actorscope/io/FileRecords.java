package io.actorscope.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.config.InputConfig;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/**
 * Files read whole by one task each, as streams (compressed JSON lines, UTF-16/32 JSON lines,
 * CSV, one-article text files). A file that cannot be opened, or breaks part way, gives what was
 * read before the damage and then one {@code unreadable} record: it never fails the job.
 */
final class FileRecords implements FlatMapFunction<Iterator<String>, RawRecord> {
  private static final long serialVersionUID = 1L;

  /** What one file gives: its records in order, or a throw once the stream breaks. */
  interface PerFile {
    /** The next record, or null at the end of the file. */
    RawRecord next() throws IOException;

    /** Offset of where reading stopped, for the unreadable record. */
    long position();
  }

  /** Opens one file's records. */
  interface Opener extends java.io.Serializable {
    PerFile open(String file, FileLines lines, InputConfig input) throws IOException;
  }

  private final InputConfig input;
  private final HadoopConf conf;
  private final Opener opener;

  FileRecords(InputConfig input, HadoopConf conf, Opener opener) {
    this.input = input;
    this.conf = conf;
    this.opener = opener;
  }

  /** The records of {@code files}, spread over tasks (a file is never split). */
  static Dataset<RawRecord> read(SparkSession spark, InputConfig input, List<String> files, Opener opener) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    if (files.isEmpty()) {
      return spark.emptyDataset(RawRecord.ENCODER);
    }
    HadoopConf conf = new HadoopConf(new org.apache.hadoop.conf.Configuration(jsc.hadoopConfiguration()));
    int slices = Math.max(1, Math.min(files.size(), jsc.defaultParallelism() * 4));
    JavaRDD<RawRecord> rdd = jsc.parallelize(files, slices).mapPartitions(new FileRecords(input, conf, opener));
    return spark.createDataset(rdd.rdd(), RawRecord.ENCODER);
  }

  @Override
  public Iterator<RawRecord> call(Iterator<String> files) {
    Charset charset = Charset.forName(input.encoding);
    return new Iterator<>() {
      FileLines lines;
      PerFile current;
      String file;
      RawRecord next = advance();

      private RawRecord advance() {
        while (true) {
          if (current == null) {
            if (!files.hasNext()) {
              return null;
            }
            file = files.next();
            try {
              lines = new FileLines(FileLines.open(file, conf.get()), charset, input.maxRecordBytes);
              current = opener.open(file, lines, input);
            } catch (IOException | RuntimeException e) {
              closeQuietly();
              return RawRecord.failed(file, 0, Quarantine.UNREADABLE, "cannot open the file: " + e, null, 0);
            }
          }
          long at = current.position();
          try {
            at = current.position();
            RawRecord r = current.next();
            if (r != null) {
              return r;
            }
            closeQuietly();
          } catch (IOException | RuntimeException e) {
            closeQuietly();
            // what was read stays; the rest of this file becomes one quarantine row
            return RawRecord.failed(file, at, Quarantine.UNREADABLE,
                "cannot read the rest of the file after offset " + at + ": " + e, null, 0);
          }
        }
      }

      private void closeQuietly() {
        current = null;
        if (lines != null) {
          try {
            lines.close();
          } catch (IOException | RuntimeException ignored) {
            // the file was read as far as it could be
          }
          lines = null;
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public RawRecord next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        RawRecord r = next;
        next = advance();
        return r;
      }
    };
  }

  /** JSON lines, one record per line (blank lines are separators). */
  static final class JsonLines implements Opener {
    private static final long serialVersionUID = 1L;

    @Override
    public PerFile open(String file, FileLines lines, InputConfig input) {
      ObjectMapper json = JsonLinesSource.mapper(input);
      return new PerFile() {
        @Override
        public RawRecord next() throws IOException {
          FileLines.Line l;
          while ((l = lines.next()) != null) {
            if (l.text != null && l.text.isBlank()) {
              continue;
            }
            if (l.text == null) {
              return JsonLinesSource.tooLarge(file, l.offset, l.bytes, input, lines.headOf);
            }
            return JsonLinesSource.parse(input, json, file, l.offset, l.text, l.invalidBytes, l.bomStripped);
          }
          return null;
        }

        @Override
        public long position() {
          return lines.position();
        }
      };
    }
  }

  /** One article per file. */
  static final class WholeFile implements Opener {
    private static final long serialVersionUID = 1L;

    @Override
    public PerFile open(String file, FileLines lines, InputConfig input) {
      return new PerFile() {
        boolean done;

        @Override
        public RawRecord next() throws IOException {
          if (done) {
            return null;
          }
          done = true;
          byte[] b = lines.readAll(input.maxRecordBytes);
          if (b.length > input.maxRecordBytes) {
            return RawRecord.failed(file, 0, Quarantine.TOO_LARGE, "file is over input.max_record_bytes ("
                + input.maxRecordBytes + ")", Decoded.of(b, 0, Math.min(b.length, 1024), lines.charset()).text, 0);
          }
          return TextFilesSource.record(input, file, b, lines.charset(), lines.hadBom());
        }

        @Override
        public long position() {
          return 0;
        }
      };
    }
  }
}
