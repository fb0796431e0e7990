package io.actorscope.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * The lines of one file, read as a stream: decompressed by extension, decoded by its byte-order
 * mark (UTF-8, UTF-16 and UTF-32 BOMs win over input.encoding) or else as input.encoding, a line
 * longer than the record limit skipped without being held. A damaged stream (a truncated bzip2, a
 * gzip whose CRC is wrong) throws from {@link #next()} only after every complete line before the
 * damage has been returned.
 *
 * <p>gzip and bzip2 are decompressed with the JDK's and Commons Compress's streams rather than
 * Hadoop's codecs: those check a gzip's CRC while still holding the last buffer of good lines, and
 * fail a truncated bzip2 while its reader is being opened, before a line can be kept.
 */
final class FileLines implements Closeable {
  /** One line; {@code text} is null when it was over the limit ({@code bytes} says how long it was). */
  static final class Line {
    long offset;
    String text;
    long bytes;
    int invalidBytes;
    boolean bomStripped;
  }

  private final InputStream in;
  private final Reader reader;
  private final Charset charset;
  private final int maxBytes;
  private final int unitBytes;
  private long position;
  private boolean firstLine = true;
  private boolean bom;

  FileLines(InputStream raw, Charset configured, int maxBytes) throws IOException {
    BufferedInputStream b = new BufferedInputStream(raw, 1 << 16);
    this.maxBytes = maxBytes;
    b.mark(4);
    byte[] head = new byte[4];
    int n = b.readNBytes(head, 0, 4);
    b.reset();
    Charset bomCharset = null;
    int bomLength = 0;
    if (n >= 4 && head[0] == (byte) 0xFF && head[1] == (byte) 0xFE && head[2] == 0 && head[3] == 0) {
      bomCharset = Charset.forName("UTF-32LE");
      bomLength = 4;
    } else if (n >= 4 && head[0] == 0 && head[1] == 0 && head[2] == (byte) 0xFE && head[3] == (byte) 0xFF) {
      bomCharset = Charset.forName("UTF-32BE");
      bomLength = 4;
    } else if (n >= 2 && head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) {
      bomCharset = StandardCharsets.UTF_16BE;
      bomLength = 2;
    } else if (n >= 2 && head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) {
      bomCharset = StandardCharsets.UTF_16LE;
      bomLength = 2;
    } else if (n >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
      bomCharset = StandardCharsets.UTF_8;
      bomLength = 3;
    }
    if (bomCharset != null) {
      b.skipNBytes(bomLength);
      position = bomLength;
      bom = true;
    }
    this.in = b;
    this.charset = bomCharset != null ? bomCharset : configured;
    if (bomCharset != null && !bomCharset.equals(StandardCharsets.UTF_8)) {
      // wide encodings: a newline is not one byte, so lines are split on decoded characters
      unitBytes = bomCharset.name().startsWith("UTF-32") ? 4 : 2;
      reader = new InputStreamReader(b, bomCharset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    } else {
      unitBytes = 0;
      reader = null;
    }
  }

  /** Opens {@code file} through Hadoop's file system, decompressed by its extension. */
  static InputStream open(String file, Configuration conf) throws IOException {
    Path p = new Path(file);
    FileSystem fs = p.getFileSystem(conf);
    InputStream raw = fs.open(p);
    String name = p.getName().toLowerCase(java.util.Locale.ROOT);
    try {
      if (name.endsWith(".gz") || name.endsWith(".gzip")) {
        return new GZIPInputStream(raw, 1 << 16); // reads concatenated members too
      }
      if (name.endsWith(".bz2")) {
        return new KeepBeforeFailure(new BZip2CompressorInputStream(raw, true));
      }
      CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(p);
      return codec == null ? raw : codec.createInputStream(raw);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /**
   * Hands out every byte decoded before a failure, then the failure. A bzip2 stream decodes into
   * the caller's buffer and throws from the same call when it meets a cut-off block, so the bytes
   * already decoded by that call (up to a whole buffer of good lines) would be lost.
   */
  static final class KeepBeforeFailure extends java.io.FilterInputStream {
    private IOException pending;

    KeepBeforeFailure(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      if (pending != null) {
        throw pending;
      }
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pending != null) {
        throw pending;
      }
      int n = 0;
      while (n < len) {
        int c;
        try {
          c = in.read();
        } catch (IOException e) {
          if (n == 0) {
            throw e;
          }
          pending = e;
          return n;
        }
        if (c < 0) {
          return n == 0 ? -1 : n;
        }
        b[off + n++] = (byte) c;
      }
      return n;
    }
  }

  /** Whether {@code file} is compressed (by extension): such files are read whole by one task. */
  static boolean compressed(String file, Configuration conf) {
    String name = new Path(file).getName().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".gz") || name.endsWith(".gzip") || name.endsWith(".bz2")
        || new CompressionCodecFactory(conf).getCodec(new Path(file)) != null;
  }

  /** The charset the lines are decoded with (the BOM's, when there was one). */
  Charset charset() {
    return charset;
  }

  /** Byte offset (in the decompressed stream) of the next line. */
  long position() {
    return position;
  }

  /** The next line without its line break, or null at the end. */
  Line next() throws IOException {
    Line l = reader != null ? nextChars() : nextBytes();
    if (l != null && firstLine) {
      l.bomStripped = bom;
      firstLine = false;
    }
    return l;
  }

  private Line nextBytes() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
    long start = position;
    long length = 0;
    int c;
    boolean any = false;
    while ((c = in.read()) >= 0) {
      any = true;
      position++;
      if (c == '\n') {
        break;
      }
      length++;
      if (length <= maxBytes) {
        buf.write(c);
      } else if (buf.size() > 0 && length == maxBytes + 1) {
        buf = keepHead(buf);
      }
    }
    if (!any) {
      return null;
    }
    Line l = new Line();
    l.offset = start;
    l.bytes = length;
    byte[] b = buf.toByteArray();
    int len = b.length;
    if (length <= maxBytes && len > 0 && b[len - 1] == '\r') {
      len--;
    }
    Decoded d = Decoded.of(b, 0, len, charset);
    l.invalidBytes = d.invalidBytes;
    l.text = length > maxBytes ? null : d.text;
    if (length > maxBytes) {
      l.text = null;
      l.invalidBytes = 0;
      headOf = d.text;
    } else {
      headOf = null;
    }
    return l;
  }

  /** The first characters of the last line that was over the limit, for the quarantine snippet. */
  String headOf;

  private static ByteArrayOutputStream keepHead(ByteArrayOutputStream buf) {
    byte[] b = buf.toByteArray();
    ByteArrayOutputStream head = new ByteArrayOutputStream(1024);
    head.write(b, 0, Math.min(b.length, 1024));
    return head;
  }

  private Line nextChars() throws IOException {
    StringBuilder sb = new StringBuilder();
    long start = position;
    long chars = 0;
    int c;
    boolean any = false;
    while ((c = reader.read()) >= 0) {
      any = true;
      position += unitBytes == 4 && Character.isLowSurrogate((char) c) ? 0 : unitBytes == 4 ? 4 : 2;
      if (c == '\n') {
        break;
      }
      chars++;
      if (chars * unitBytes <= maxBytes) {
        sb.append((char) c);
      }
    }
    if (!any) {
      return null;
    }
    Line l = new Line();
    l.offset = start;
    l.bytes = chars * unitBytes;
    if (l.bytes > maxBytes) {
      headOf = sb.substring(0, Math.min(sb.length(), 1024));
      l.text = null;
    } else {
      int len = sb.length();
      if (len > 0 && sb.charAt(len - 1) == '\r') {
        sb.setLength(len - 1);
      }
      String t = sb.toString();
      if (!t.isEmpty() && t.charAt(0) == '\uFEFF') {
        t = t.substring(1);
        l.bomStripped = true;
      }
      l.text = t;
      headOf = null;
    }
    return l;
  }

  /** The rest of the file as bytes, at most {@code limit}+1 of them (one more says it was over). */
  byte[] readAll(int limit) throws IOException {
    return in.readNBytes(limit + 1);
  }

  boolean hadBom() {
    return bom;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
