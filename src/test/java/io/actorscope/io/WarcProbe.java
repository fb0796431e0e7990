package io.actorscope.io;

import io.actorscope.config.InputConfig;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Prints what the WARC reader makes of a file (a developer's probe, not a test). */
public final class WarcProbe {
  public static void main(String[] args) throws Exception {
    InputConfig in = new InputConfig();
    in.warcMaxPayloadBytes = 8 << 20;
    in.warcMinTextChars = 500;
    in.requireDate = true;
    for (String f : args) {
      Path p = new Path(f);
      FileSystem fs = p.getFileSystem(new Configuration());
      Iterator<RawRecord> it = new WarcSource.RecordIterator(fs, p, in);
      while (it.hasNext()) {
        RawRecord r = it.next();
        if (r.getSkipped() != null && !r.getSkipped().equals("x")) {
          if (!r.getSkipped().equals("request")) System.out.println(r.getOffset() + " SKIP " + r.getSkipped() + " " + r.getUrl());
          continue;
        }
        String t = r.getText() == null ? "" : r.getText();
        if (System.getProperty("dump") != null && !t.isEmpty()) {
          java.nio.file.Files.writeString(java.nio.file.Paths.get(System.getProperty("dump")), r.getOffset() + "\t" + r.getUrl() + "\t" + t.replace('\n', ' ') + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        System.out.println(r.getOffset() + " " + (r.getFiltered() != null ? "FILTER " + r.getFiltered() : r.getError() != null ? "ERR " + r.getError() + r.getErrorDetail() : "OK")
            + " | " + r.getUrl() + "\n   title=" + r.getTitle() + "\n   date=" + r.getPublished() + " " + r.getDatePrecision()
            + " src=" + r.getSource() + " chars=" + t.length() + "\n   text=" + t.substring(0, Math.min(160, t.length())).replace('\n', '|'));
      }
    }
  }
}
