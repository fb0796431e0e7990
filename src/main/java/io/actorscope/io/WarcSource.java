package io.actorscope.io;

import io.actorscope.config.InputConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * WARC files (WARC/1.0 and 1.1, one gzip member per record or plain), folders of them, or a
 * manifest listing their paths one a line (as Common Crawl's {@code warc.paths.gz}). Each file, or
 * each {@link #SPLIT_BYTES} of a larger gzipped one, is one Spark task that streams it record by
 * record with jwarc; a record is never held beyond its HTML payload (capped at {@code
 * warc_max_payload_bytes}).
 *
 * <p>Every WARC record becomes one raw record: an article candidate (HTTP 200 HTML response), a
 * skipped record named by its kind ({@code warcinfo}, {@code request}, {@code metadata}, {@code
 * revisit}, {@code resource}, {@code non_200}, {@code non_html}, …), a page filtered as not an
 * article (see {@link HtmlArticle}), or, for a record that cannot be read, an {@code
 * unreadable_record} quarantine row with the file and offset; reading then resumes at the next
 * record boundary found after the damage.
 */
final class WarcSource implements ArticleSource {

  @Override
  public void check(InputConfig in, String at) {
    if (in.warcMaxPayloadBytes < 1) {
      throw new io.actorscope.config.ConfigException(at + ".warc_max_payload_bytes", "must be >= 1");
    }
    if (in.warcMinTextChars < 0) {
      throw new io.actorscope.config.ConfigException(at + ".warc_min_text_chars", "must be >= 0");
    }
  }

  @Override
  public Dataset<RawRecord> read(SparkSession spark, InputConfig input) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = jsc.hadoopConfiguration();
    List<String> files;
    try {
      files = listFiles(conf, input);
    } catch (IOException e) {
      throw new IllegalArgumentException("input " + input.path + ": cannot list WARC files: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      return spark.createDataset(List.of(), RawRecord.ENCODER);
    }
    List<Split> splits;
    try {
      splits = splits(conf, files, SPLIT_BYTES);
    } catch (IOException e) {
      throw new IllegalArgumentException("input " + input.path + ": cannot size WARC files: " + e.getMessage(), e);
    }
    JavaRDD<RawRecord> records = jsc.parallelize(splits, splits.size())
        .flatMap(new ReadWarc(input, new SerializableConfiguration(conf)));
    return spark.createDataset(records.rdd(), RawRecord.ENCODER);
  }

  /**
   * A gzipped WARC file larger than this is read by several tasks, one per this many bytes (an HDFS
   * block): one Common Crawl file of about 1 GB would otherwise keep one core busy while the others
   * idle.
   */
  static final long SPLIT_BYTES = 128L << 20;

  /**
   * A byte range of one WARC file: its task reads the records that start in [start, end). Each
   * record of a gzipped WARC is its own gzip member, so the task starts at the first member at or
   * after {@code start} that holds a record, and reads on past {@code end} to finish its last one.
   */
  static final class Split implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final String file;
    final long start;
    final long end;

    Split(String file, long start, long end) {
      this.file = file;
      this.start = start;
      this.end = end;
    }

    @Override
    public String toString() {
      return file + "[" + start + ", " + end + ")";
    }
  }

  /** The splits of the files: plain (uncompressed) files whole, gzipped ones in pieces of {@code bytes}. */
  static List<Split> splits(Configuration conf, List<String> files, long bytes) throws IOException {
    List<Split> out = new ArrayList<>();
    for (String f : files) {
      Path p = new Path(f);
      long len = p.getFileSystem(conf).getFileStatus(p).getLen();
      if (!f.toLowerCase(Locale.ROOT).endsWith(".gz") || len <= bytes) {
        out.add(new Split(f, 0, Long.MAX_VALUE));
        continue;
      }
      for (long at = 0; at < len; at += bytes) {
        out.add(new Split(f, at, at + bytes >= len ? Long.MAX_VALUE : at + bytes));
      }
    }
    return out;
  }

  static boolean isWarcName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".warc") || n.endsWith(".warc.gz");
  }

  /**
   * The WARC files of an input: a WARC file, a folder (recursive) or glob of them, or any other file
   * taken as a manifest of paths; relative paths in it are resolved against {@code warc_base} or,
   * when that is null, the manifest's folder.
   */
  static List<String> listFiles(Configuration conf, InputConfig input) throws IOException {
    Path p = new Path(input.path);
    FileSystem fs = p.getFileSystem(conf);
    FileStatus[] matched = fs.globStatus(p);
    List<String> out = new ArrayList<>();
    if (matched == null) {
      return out;
    }
    for (FileStatus st : matched) {
      if (st.isDirectory()) {
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(st.getPath(), true);
        List<String> found = new ArrayList<>();
        while (it.hasNext()) {
          LocatedFileStatus f = it.next();
          if (isWarcName(f.getPath().getName())) {
            found.add(f.getPath().toString());
          }
        }
        found.sort(null);
        out.addAll(found);
      } else if (isWarcName(st.getPath().getName())) {
        out.add(st.getPath().toString());
      } else {
        out.addAll(readManifest(fs, st.getPath(), input.warcBase));
      }
    }
    return out;
  }

  private static List<String> readManifest(FileSystem fs, Path manifest, String base) throws IOException {
    List<String> out = new ArrayList<>();
    try (InputStream raw = fs.open(manifest);
        InputStream in = manifest.getName().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        Path entry = new Path(l);
        if (!entry.isAbsoluteAndSchemeAuthorityNull() && entry.toUri().getScheme() == null) {
          entry = base != null ? new Path(base.endsWith("/") ? base : base + "/", l) : new Path(manifest.getParent(), l);
        }
        out.add(entry.toString());
      }
    }
    return out;
  }

  /** Streams one split of a WARC file into raw records. */
  static final class ReadWarc implements FlatMapFunction<Split, RawRecord> {
    private static final long serialVersionUID = 1L;
    private final InputConfig input;
    private final SerializableConfiguration conf;

    ReadWarc(InputConfig input, SerializableConfiguration conf) {
      this.input = input;
      this.conf = conf;
    }

    @Override
    public Iterator<RawRecord> call(Split split) throws IOException {
      Path path = new Path(split.file);
      FileSystem fs = path.getFileSystem(conf.value());
      return new RecordIterator(fs, path, input, split.start, split.end);
    }
  }

  /** Record by record over one file or split of it, resuming after damage. */
  static final class RecordIterator implements Iterator<RawRecord> {
    private final FileSystem fs;
    private final Path path;
    private final String file;
    private final InputConfig input;
    private final long length;
    /** Records that start at or after this offset belong to the next split (its first record). */
    private final long end;
    private FSDataInputStream stream;
    private WarcReader reader;
    /** Where the current reader started in the file (0, or a resume point after damage). */
    private long base;
    /** End of the last record read whole, in file bytes, when known. */
    private long lastGood;
    private boolean gzip;
    /** Whether the current reader has read a record whole. */
    private boolean readAny;
    private RawRecord next;
    private boolean done;

    RecordIterator(FileSystem fs, Path path, InputConfig input) throws IOException {
      this(fs, path, input, 0, Long.MAX_VALUE);
    }

    RecordIterator(FileSystem fs, Path path, InputConfig input, long start, long end) throws IOException {
      this.fs = fs;
      this.path = path;
      this.file = path.toString();
      this.input = input;
      this.length = fs.getFileStatus(path).getLen();
      // A split owns the members from its first record to the next split's first record, so a
      // damaged member between the next split's start and that record is read (and quarantined)
      // here: the next split, looking for a member that holds a record, would skip it unseen.
      long next = end == Long.MAX_VALUE ? -1 : Boundaries.nextRecord(fs, path, end, length);
      this.end = next < 0 ? Long.MAX_VALUE : next;
      long at = start == 0 ? 0 : Boundaries.nextRecord(fs, path, start, length);
      if (at < 0 || at >= this.end) {
        done = true; // no record starts in this split
        return;
      }
      open(at);
    }

    private void open(long at) throws IOException {
      closeQuietly();
      stream = fs.open(path);
      stream.seek(at);
      base = at;
      readAny = false;
      reader = new WarcReader(stream);
      reader.setLenient(true);
      gzip = reader.compression() == org.netpreserve.jwarc.WarcCompression.GZIP;
    }

    @Override
    public boolean hasNext() {
      if (next == null && !done) {
        next = advance();
        if (next == null) {
          done = true;
          closeQuietly();
        }
      }
      return next != null;
    }

    @Override
    public RawRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      RawRecord r = next;
      next = null;
      return r;
    }

    private RawRecord advance() {
      long recordStart = -1;
      try {
        WarcRecord rec = reader.next().orElse(null);
        if (rec == null) {
          return null;
        }
        recordStart = base + reader.position();
        if (recordStart >= end) {
          return null;
        }
        RawRecord r = WarcRecords.toRaw(rec, file, recordStart, input);
        lastGood = recordStart;
        readAny = true;
        return r;
      } catch (IOException | RuntimeException e) {
        long damaged;
        if (recordStart >= 0) {
          damaged = recordStart; // its header was read, its payload was not
        } else if (!readAny) {
          damaged = base;
        } else {
          // the record after the last good one: where the next boundary after it lies
          long b = boundaryAfter(lastGood);
          damaged = b < 0 ? lastGood : b;
        }
        if (damaged >= end) {
          return null; // the next split's record
        }
        RawRecord q = RawRecord.failed(file, damaged, Quarantine.UNREADABLE_RECORD,
            "cannot read the WARC record at offset " + damaged + ": " + e, null, 0);
        resume(damaged);
        return q;
      }
    }

    private long boundaryAfter(long at) {
      try {
        return Boundaries.next(fs, path, at + 1, gzip, length);
      } catch (IOException e) {
        return -1;
      }
    }

    /** Reopens the file at the next record boundary after {@code from}, or ends the file. */
    private void resume(long from) {
      try {
        long at = Boundaries.next(fs, path, from + 1, gzip, length);
        if (at < 0 || at >= end) {
          done = true;
          closeQuietly();
          return;
        }
        open(at);
        lastGood = at;
      } catch (IOException e) {
        done = true;
        closeQuietly();
      }
    }

    private void closeQuietly() {
      try {
        if (reader != null) {
          reader.close();
        }
        if (stream != null) {
          stream.close();
        }
      } catch (IOException ignored) {
        // nothing more to read from it anyway
      }
      reader = null;
      stream = null;
    }
  }

  /** Finds where the next record may start: a gzip member header, or a "WARC/1." line in a plain file. */
  static final class Boundaries {
    private Boundaries() {}

    /**
     * The first gzip member at or after {@code from} that decompresses to a WARC record header: the
     * three bytes of a member header also turn up inside compressed data, where a split must not start.
     */
    static long nextRecord(FileSystem fs, Path path, long from, long length) throws IOException {
      long at = from;
      while (true) {
        long c = next(fs, path, at, true, length);
        if (c < 0 || startsRecord(fs, path, c)) {
          return c;
        }
        at = c + 1;
      }
    }

    private static boolean startsRecord(FileSystem fs, Path path, long at) {
      try (FSDataInputStream in = fs.open(path)) {
        in.seek(at);
        byte[] head = new GZIPInputStream(in, 512).readNBytes(7);
        return new String(head, StandardCharsets.US_ASCII).equals("WARC/1.");
      } catch (IOException e) {
        return false;
      }
    }

    static long next(FileSystem fs, Path path, long from, boolean gzip, long length) throws IOException {
      byte[] sig = gzip ? new byte[] {0x1f, (byte) 0x8b, 0x08} : "\nWARC/1.".getBytes(StandardCharsets.US_ASCII);
      try (FSDataInputStream in = fs.open(path)) {
        in.seek(from);
        byte[] buf = new byte[1 << 16];
        long pos = from;
        int matched = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
          for (int i = 0; i < n; i++) {
            if (buf[i] == sig[matched]) {
              matched++;
              if (matched == sig.length) {
                long start = pos + i - sig.length + 1;
                return gzip ? start : start + 1; // a plain record starts after the newline
              }
            } else {
              matched = buf[i] == sig[0] ? 1 : 0;
            }
          }
          pos += n;
        }
      }
      return -1;
    }
  }

  /** One WARC record to one raw record. */
  static final class WarcRecords {
    private WarcRecords() {}

    static RawRecord toRaw(WarcRecord rec, String file, long offset, InputConfig input) throws IOException {
      RawRecord r = new RawRecord();
      r.setSourceFile(file);
      r.setOffset(offset);
      String type = rec.type();
      String url = rec.headers().first("WARC-Target-URI").map(WarcRecords::unbracket).orElse(null);
      r.setUrl(url);
      r.setId(rec.headers().first("WARC-Record-ID").map(WarcRecords::unbracket).orElse(null));
      if (!"response".equals(type) || !(rec instanceof WarcResponse)) {
        r.setSkipped(type == null ? "unknown" : type.toLowerCase(Locale.ROOT));
        return r;
      }
      WarcResponse resp = (WarcResponse) rec;
      String ct = rec.contentType() == null ? "" : rec.contentType().base().toString();
      if (!ct.startsWith("application/http")) {
        r.setSkipped("non_http");
        return r;
      }
      HttpResponse http = resp.http();
      if (http.status() != 200) {
        r.setSkipped("non_200");
        return r;
      }
      // Common Crawl's own payload sniffing (WARC-Identified-Payload-Type) outranks the server's word.
      String identified = rec.headers().first("WARC-Identified-Payload-Type").orElse(null);
      MediaType httpType = http.contentType();
      String payloadType = identified != null ? identified : httpType == null ? "" : httpType.base().toString();
      payloadType = payloadType.toLowerCase(Locale.ROOT);
      if (!payloadType.contains("html")) {
        r.setSkipped("non_html");
        return r;
      }
      byte[] body = readCapped(http.bodyDecoded().stream(), input.warcMaxPayloadBytes);
      if (body == null) {
        r.setSkipped("too_large");
        return r;
      }
      String charset = httpType == null ? null : httpType.parameters().get("charset");
      java.time.Instant crawled = rec.date();
      HtmlArticle a = HtmlArticle.extract(body, charset, url, crawled, input.warcMinTextChars, input.requireDate);
      if (a.filterReason != null) {
        r.setFiltered(a.filterReason);
        r.setTitle(a.title);
        return r;
      }
      r.setUrl(a.canonicalUrl != null ? a.canonicalUrl : url);
      r.setSource(a.host);
      r.setTitle(a.title);
      r.setText(a.text);
      r.setPublished(a.published);
      r.setDatePrecision(a.datePrecision);
      return r;
    }

    private static byte[] readCapped(InputStream in, int cap) throws IOException {
      byte[] b = in.readNBytes(cap + 1);
      return b.length > cap ? null : b;
    }

    static String unbracket(String s) {
      String v = s.strip();
      return v.startsWith("<") && v.endsWith(">") ? v.substring(1, v.length() - 1) : v;
    }
  }
}
