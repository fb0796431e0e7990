package io.actorscope.io;

import io.actorscope.config.InputConfig;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * CSV with a header line (RFC 4180: comma, double quotes, "" inside quotes), parsed strictly and
 * with the physical lines in view, which Spark's lenient multi-line reader hides: there an
 * unclosed quote swallows the following rows into one text and extra columns vanish, and the
 * counts still reconcile.
 *
 * <p>A record that is malformed (a quote never closed, text after a closing quote, a field count
 * other than the header's) becomes one {@code malformed_csv} record for its first line only, and
 * parsing starts again at the next line, so the rows an unclosed quote would have swallowed are
 * read as rows. A well-formed record whose quoted field holds line breaks is kept, and counted by
 * the lines it spans ({@link RawRecord#getSpannedLines()}), so such records show in the manifest.
 * A record is never held past input.max_record_bytes.
 */
final class CsvRecords implements FileRecords.Opener {
  private static final long serialVersionUID = 1L;

  @Override
  public FileRecords.PerFile open(String file, FileLines lines, InputConfig input) {
    return new FileRecords.PerFile() {
      final Deque<FileLines.Line> pending = new ArrayDeque<>();
      List<String> header;
      boolean carryBom;
      long at;

      FileLines.Line take() throws IOException {
        return pending.isEmpty() ? lines.next() : pending.pollFirst();
      }

      @Override
      public long position() {
        return at;
      }

      @Override
      public RawRecord next() throws IOException {
        FileLines.Line first;
        while ((first = take()) != null) {
          at = first.offset;
          if (first.text == null) {
            return RawRecord.failed(file, first.offset, Quarantine.TOO_LARGE, "a line of " + first.bytes
                + " bytes is over input.max_record_bytes (" + input.maxRecordBytes + ")", lines.headOf, 0);
          }
          if (first.text.isBlank()) {
            carryBom |= first.bomStripped;
            continue;
          }
          List<FileLines.Line> extra = new ArrayList<>();
          Parse p = parse(first, extra, input.maxRecordBytes);
          if (header == null) {
            if (p.error != null) {
              throw new IOException("the header line is not CSV: " + p.error);
            }
            header = p.fields;
            pending.addAll(extra);
            carryBom |= first.bomStripped;
            continue;
          }
          if (p.error == null && p.fields.size() != header.size()) {
            p.error = p.fields.size() + " fields where the header has " + header.size();
          }
          if (p.error != null) {
            // only the first line is taken as the bad record; the lines looked at beyond it are read again
            for (int i = extra.size() - 1; i >= 0; i--) {
              pending.addFirst(extra.get(i));
            }
            RawRecord r = RawRecord.failed(file, first.offset, Quarantine.MALFORMED_CSV, p.error, first.text,
                first.invalidBytes);
            r.setBomStripped(first.bomStripped || carryBom);
            carryBom = false;
            return r;
          }
          RawRecord r = new RawRecord();
          r.setSourceFile(file);
          r.setOffset(first.offset);
          int bad = first.invalidBytes;
          for (FileLines.Line l : extra) {
            bad += l.invalidBytes;
          }
          r.setInvalidBytes(bad);
          r.setBomStripped(first.bomStripped || carryBom);
          carryBom = false;
          r.setSpannedLines(1 + extra.size());
          r.setId(column(p.fields, input.field("id")));
          r.setUrl(column(p.fields, input.field("url")));
          r.setSource(column(p.fields, input.field("source")));
          r.setPublished(column(p.fields, input.field("published")));
          r.setDatePrecision(column(p.fields, input.field("date_precision")));
          r.setTitle(column(p.fields, input.field("title")));
          r.setText(column(p.fields, input.field("text")));
          return r;
        }
        return null;
      }

      private String column(List<String> fields, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
          return null;
        }
        String v = fields.get(i);
        return v.isEmpty() ? null : v;
      }

      /** One record from {@code first} on; lines read past it go to {@code extra}. */
      private Parse parse(FileLines.Line first, List<FileLines.Line> extra, int max) throws IOException {
        Parse p = new Parse();
        StringBuilder field = new StringBuilder();
        String line = first.text;
        long size = first.bytes;
        int i = 0;
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
          if (i >= line.length()) {
            if (quoted) {
              FileLines.Line more = take();
              if (more == null) {
                p.error = "a quote opened on this line is never closed";
                return p;
              }
              extra.add(more);
              size += more.bytes + 1;
              if (more.text == null || size > max) {
                p.error = "a quote opened on this line is not closed within input.max_record_bytes (" + max + ")";
                return p;
              }
              field.append('\n');
              line = more.text;
              i = 0;
              continue;
            }
            p.fields.add(field.toString());
            return p;
          }
          char c = line.charAt(i);
          if (quoted) {
            if (c == '"') {
              if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
                continue;
              }
              quoted = false;
              i++;
              if (i < line.length() && line.charAt(i) != ',') {
                p.error = "text after a closing quote in field " + (p.fields.size() + 1);
                return p;
              }
              continue;
            }
            field.append(c);
            i++;
            continue;
          }
          if (c == ',') {
            p.fields.add(field.toString());
            field.setLength(0);
            fieldStart = true;
            i++;
            continue;
          }
          if (c == '"' && fieldStart && field.length() == 0) {
            quoted = true;
            fieldStart = false;
            i++;
            continue;
          }
          fieldStart = false;
          field.append(c);
          i++;
        }
      }
    };
  }

  /** A parsed record: its fields, or what is wrong with it. */
  private static final class Parse {
    final List<String> fields = new ArrayList<>();
    String error;
  }
}
