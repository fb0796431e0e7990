package io.actorscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.config.ConfigLoader;
import io.actorscope.config.InputConfig;
import io.actorscope.testing.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WARC reader and article extractor on the sample WARCs in ../shared/corpora/warc (skipped when
 * ../shared is absent). Expectations come from reading the raw HTML and the files' PROVENANCE.txt,
 * not from the program.
 */
class WarcSourceIT {
  private static final String HU1 = "hu-news-articles_webarticlecurator.warc.gz";
  private static final String HU2 = "hu-news-articles2_webarticlecurator.warc.gz";
  private static final String CC = "cc-main-format_resiliparse.warc.gz";

  @TempDir
  Path dir;

  private static InputConfig input(Path path, String... sets) {
    ConfigLoader.Overrides o = new ConfigLoader.Overrides();
    o.input = path.toString();
    o.format = "warc";
    o.output = "unused";
    o.sets = List.of(sets);
    return ConfigLoader.load(null, o).inputs.get(0);
  }

  /** Every raw record of one file, read in this JVM (no Spark), in file order. */
  private static List<RawRecord> read(Path file, InputConfig in) throws IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file.toUri());
    FileSystem fs = p.getFileSystem(new Configuration());
    List<RawRecord> out = new ArrayList<>();
    Iterator<RawRecord> it = new WarcSource.RecordIterator(fs, p, in);
    it.forEachRemaining(out::add);
    return out;
  }

  /**
   * WARC-Target-URI of each response record's WARC-Record-ID, found with a plain look at the
   * decompressed headers (independent of jwarc).
   */
  private static Map<String, String> targetToRecordId(Path file) throws IOException {
    String all;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    Map<String, String> out = new HashMap<>();
    Matcher m = Pattern.compile("WARC-Type: response\r\n((?:[^\r\n]+\r\n)*?)\r\n").matcher(all);
    while (m.find()) {
      Matcher id = Pattern.compile("WARC-Record-ID: <([^>]+)>").matcher(m.group(1));
      Matcher uri = Pattern.compile("WARC-Target-URI: (\\S+)").matcher(m.group(1));
      if (id.find() && uri.find()) {
        out.putIfAbsent(uri.group(1), id.group(1));
      }
    }
    return out;
  }

  @Test
  void hungarianNewsPagesGiveTextsAndDates() throws Exception {
    Path warc = SharedSpark.corpus("warc");
    InputConfig in = input(warc.resolve(HU1));
    int responses = 0;
    int texts = 0;
    int dates = 0;
    for (String f : List.of(HU1, HU2)) {
      for (RawRecord r : read(warc.resolve(f), in)) {
        if (r.getSkipped() != null) {
          continue;
        }
        responses++;
        if (r.getText() != null && r.getText().length() >= 200) {
          texts++;
        }
        if (r.getPublished() != null) {
          dates++;
        }
      }
    }
    // PROVENANCE.txt: 25 + 27 HTTP 200 text/html responses, all real article pages
    assertEquals(52, responses);
    assertTrue(texts >= 48, "article texts: " + texts + " of 52");
    assertTrue(dates >= 45, "dates: " + dates + " of 52");
  }

  /**
   * Each record's kind, worked out from the decompressed bytes without jwarc: the WARC headers, and
   * for a response its HTTP status line and Content-Type. {kind, WARC-Target-URI}, kind being the
   * reader's skip kind or "html" for an HTTP 200 HTML response.
   */
  private static List<String[]> kindsByHand(Path file) throws IOException {
    byte[] all;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      all = in.readAllBytes();
    }
    List<String[]> out = new ArrayList<>();
    int at = 0;
    while (at < all.length) {
      String rest = new String(all, at, Math.min(all.length - at, 64 * 1024), StandardCharsets.ISO_8859_1);
      if (!rest.startsWith("WARC/1.")) {
        at++; // the blank lines between records
        continue;
      }
      int headEnd = rest.indexOf("\r\n\r\n");
      String head = rest.substring(0, headEnd);
      Matcher len = Pattern.compile("(?im)^Content-Length: *(\\d+)").matcher(head);
      assertTrue(len.find(), head);
      int blockStart = at + headEnd + 4;
      int blockLen = Integer.parseInt(len.group(1));
      Matcher type = Pattern.compile("(?m)^WARC-Type: *(\\S+)").matcher(head);
      assertTrue(type.find(), head);
      Matcher uri = Pattern.compile("(?m)^WARC-Target-URI: *<?([^>\\s]+)").matcher(head);
      String target = uri.find() ? uri.group(1) : null;
      String kind = type.group(1);
      if (kind.equals("response")) {
        String block = new String(all, blockStart, Math.min(blockLen, 16 * 1024), StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(block.substring(block.indexOf(' ') + 1, block.indexOf(' ') + 4));
        String httpHead = block.substring(0, Math.max(0, block.indexOf("\r\n\r\n")));
        Matcher ct = Pattern.compile("(?im)^Content-Type: *([^;\\r\\n]*)").matcher(httpHead);
        Matcher identified = Pattern.compile("(?m)^WARC-Identified-Payload-Type: *(\\S+)").matcher(head);
        String payload = identified.find() ? identified.group(1) : ct.find() ? ct.group(1) : "";
        kind = status != 200 ? "non_200" : payload.toLowerCase(java.util.Locale.ROOT).contains("html") ? "html" : "non_html";
      }
      out.add(new String[] {kind, target});
      at = blockStart + blockLen;
    }
    return out;
  }

  @Test
  void outcomesOfEverySampleRecordAndTheHungarianTexts() throws Exception {
    Path warc = SharedSpark.corpus("warc");
    InputConfig in = input(warc.resolve(HU1));
    Map<String, Long> expected = new java.util.TreeMap<>();
    Map<String, Long> got = new java.util.TreeMap<>();
    long homePages = 0;
    int records = 0;
    int hungarianPages = 0;
    int hungarianTexts = 0;
    for (String f : List.of(CC, "en-blog-articles_dolma.warc.gz", HU1, HU2)) {
      for (String[] k : kindsByHand(warc.resolve(f))) {
        expected.merge(k[0].equals("html") ? "html" : "skipped:" + k[0], 1L, Long::sum);
        if (k[0].equals("html")) {
          java.net.URI u = java.net.URI.create(k[1]);
          if ((u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/")) && u.getRawQuery() == null) {
            homePages++;
          }
        }
      }
      for (RawRecord r : read(warc.resolve(f), in)) {
        records++;
        String outcome = r.getSkipped() != null ? "skipped:" + r.getSkipped()
            : r.getError() != null ? "quarantined:" + r.getError() : "html";
        got.merge(outcome, 1L, Long::sum);
        if (HtmlArticle.HOME_PAGE.equals(r.getFiltered())) {
          got.merge("home_page", 1L, Long::sum);
        }
        if ((f.equals(HU1) || f.equals(HU2)) && r.getSkipped() == null) {
          hungarianPages++;
          if (r.getFiltered() == null && r.getText() != null && r.getText().length() >= 500) {
            hungarianTexts++;
          }
        }
      }
    }
    expected.put("home_page", homePages);
    // PROVENANCE.txt: 51 + 55 + 34 + 50 records, every one read once, none of them damaged
    assertEquals(190, records);
    assertEquals(expected, got);
    // the bar: 51 of the 52 Hungarian article pages give 500 characters of main text or more
    assertEquals(52, hungarianPages);
    assertTrue(hungarianTexts >= 51, "Hungarian texts of 500 characters or more: " + hungarianTexts + " of 52");
  }

  /** One page's expectations, worked out by reading its raw HTML. */
  private record Page(String file, String target, String title, String date, String instant, String textStart) {}

  private static final List<Page> PAGES = List.of(
      // <meta property="article:published_time" content="2011-02-03T10:15:00+01:00"/>; <div class="lead">
      new Page(HU1, "https://index.hu/kulfold/2011/02/03/harom_tengerig_nyulo_tervet_dedelgetunk/",
          "Három tengerig nyúló tervet dédelgetünk", "2011-02-03", "2011-02-03T09:15:00Z",
          "A pénteki Európai Tanácsi csúcsot a magyar kormánytisztviselők"),
      // JSON-LD "datePublished": "2019-08-24" (day only); first paragraph of the body
      new Page(HU1, "https://www.origo.hu/auto/20190823-bmw-x7-m50d-teszt.html",
          "A tápláléklánc csúcsán", "2019-08-24", null,
          "A cetcápákról tudjuk, hogy hatalmasak, nyugodtak és nem esznek embert"),
      // no date metadata; <span class="datum"> / 2018.08.03., péntek 12:14 /</span>; div.szoveg
      new Page(HU1, "http://valasz.hu/itthon/humboldt-dijas-kvantumfizikus-alapkutatas-nelkul-nincs-fejlodes-129197",
          "Humboldt-díjas kvantumfizikus: alapkutatás nélkül nincs fejlődés", "2018-08-03", null,
          "Minden ugrásszerű technológiai fejlődéshez az anyag tulajdonságainak jobb megértése vezetett el"),
      // article:published_time 2007-12-08T00:14:00+01:00 (the day before in UTC); <h2 class="lead">
      new Page(HU1, "https://totalcar.hu/tesztek/pathfinderle/",
          "Mindenre jó, mégse kéne?", "2007-12-07", "2007-12-07T23:14:00Z",
          "A kategóriatársakkal szemben van személyisége."),
      // article:published_time 2021-01-21T10:55:51.000Z; p.article-html-content
      new Page(HU1, "https://telex.hu/koronavirus/2021/01/21/oltasprogramrol-es-vakcinaigazolasrol-is-kerdezzuk-a-kormanyt",
          "Gulyás: Már februárban lesz védettséget igazoló plasztikkártya", "2021-01-21", "2021-01-21T10:55:51Z",
          "Elégedetlen az Európai Gyógyszerügynökséggel a kormány"),
      // og:title with &#039; entities; article:published_time 2007-11-08T13:19:00+01:00; div.lead
      new Page(HU1, "https://velvet.hu/trend/noferfi1108/",
          "''Pultoslány ne akarjon érsebészt''", "2007-11-08", "2007-11-08T12:19:00Z",
          "Lassan kezd kikristályosodni, mi is a gond manapság a férfival és a nővel"),
      // article:published_time 2014-03-02T23:26:44+01:00; a live blog whose newest entry comes first
      new Page(HU1, "https://444.hu/2014/03/02/mindjart-kezdodik-az-oscar-dij-atadas",
          "Oscar-díj átadás 2014 - 444", "2014-03-02", "2014-03-02T22:26:44Z",
          "A legjobb film a 12 év rabszolgaság lett."),
      // no date metadata; URL /2021/10/18/ and "2021. október 18. | 10:26" in a post-date field
      new Page(HU2, "https://alfahir.hu/2021/10/18/republikon_ellenzeki_elovalasztas",
          "A Republikon szerint az előválasztás az ellenzéki mozgósítás szempontjából egyértelmű siker", "2021-10-18",
          null, "Öt pontban értékelte a Republikon Intézet az ellenzéki előválasztást."),
      // article:published_time 2021-10-11T21:24:12Z = JSON-LD 2021-10-11T23:24:12+0200
      new Page(HU2, "https://rangado.24.hu/magyar_foci/2021/10/11/tenyleg-van-visszaut-boli-ujra-a-fradi-elso-csapataval-edzett/",
          "Tényleg van visszaút: Boli újra a Fradi első csapatával edzett | Rangadó", "2021-10-11",
          "2021-10-11T21:24:12Z", "Hétfőn a ferencvárosi drukkerek egy ismerős arcot vehettek észre"),
      // article:published_time 2015-10-12T09:19+02:00 (no seconds); &#8211; and &laquo; in og:title
      new Page(HU2, "https://merce.hu/2015/10/12/nincs_mas_valasztas_baratkozni_kell_irannal_kozel-keleti_kilatasok/",
          "Nincs más választás, barátkozni kell Iránnal – Közel-keleti kilátások « Mérce", "2015-10-12",
          "2015-10-12T07:19:00Z", "Ha Iránnal nem sikerül megegyezni, akkor jön a bezárkózás"),
      // article:published_time 2010-01-12T07:57:52.0000000+01:00 (seven fraction digits)
      new Page(HU2, "https://hvg.hu/itthon/20100112_bkv_sztrajk_januar_12_hirek",
          "Minden BKV-járat időben elindult", "2010-01-12", "2010-01-12T06:57:52Z",
          "Hat napon keresztül sztrájkolt a BKV-dolgozók 14 szakszervezete"),
      // no meta date; the first <time datetime="2015-01-07T13:28:00Z"> of the live blog
      new Page(HU2, "https://alfahir.hu/raketavetovel_menekulnek_a_gyilkosok",
          "Rakétavetővel menekülnek a gyilkosok", "2015-01-07", null,
          "Said és Chérif Kouachi-t gyanúsítja a párizsi rendőrség"));

  @Test
  void pagesMatchWhatTheirHtmlSays() throws Exception {
    Path warc = SharedSpark.corpus("warc");
    InputConfig in = input(warc.resolve(HU1));
    Map<String, Map<String, RawRecord>> byFile = new HashMap<>();
    for (String f : List.of(HU1, HU2)) {
      Map<String, RawRecord> byId = new HashMap<>();
      for (RawRecord r : read(warc.resolve(f), in)) {
        byId.put(r.getId(), r);
      }
      byFile.put(f, byId);
    }
    for (Page p : PAGES) {
      String id = targetToRecordId(warc.resolve(p.file)).get(p.target);
      assertNotNull(id, "no response for " + p.target);
      RawRecord r = byFile.get(p.file).get(id);
      assertNotNull(r, p.target);
      assertEquals(p.title, r.getTitle(), p.target);
      assertNotNull(r.getPublished(), "no date for " + p.target);
      Dates.Parsed d = Dates.parse(r.getPublished(), ZoneOffset.UTC);
      assertEquals(LocalDate.parse(p.date), d.date, p.target);
      if (p.instant != null) {
        assertEquals(Instant.parse(p.instant), d.instant, p.target);
        assertEquals(Dates.TIME, d.precision, p.target);
      }
      int at = r.getText().indexOf(p.textStart);
      assertTrue(at >= 0 && at < 300, p.target + ": text does not start with its lead: "
          + r.getText().substring(0, Math.min(300, r.getText().length())));
    }
  }

  @Test
  void commonCrawlExcerptFiltersNonArticlesAndReconciles() {
    Path cc = SharedSpark.corpus("warc").resolve(CC);
    Ingest.Result r = Ingest.run(SharedSpark.spark(), List.of(input(cc)), true, 80);
    // PROVENANCE.txt: 1 warcinfo + 17 request + 16 response + 16 metadata records
    assertEquals(50, r.counts.read);
    assertEquals(Map.of("warcinfo", 1L, "request", 17L, "metadata", 16L), r.counts.skippedByKind);
    assertEquals(16, r.counts.accepted + r.counts.filtered + r.counts.duplicates + r.counts.quarantined);
    assertEquals(0, r.counts.quarantined);
    assertTrue(r.counts.reconciles());
    // mostly spam and directory pages: the filter keeps few of them, and names its reasons
    assertTrue(r.counts.filtered >= 12, "filtered " + r.counts.filteredByReason);
    // http://037426.cn/ is the only URL with an empty path
    assertEquals(1L, r.counts.filteredByReason.get(HtmlArticle.HOME_PAGE));
    r.release();
  }

  @Test
  void aCorruptRecordIsQuarantinedAndReadingGoesOn() throws Exception {
    Path src = SharedSpark.corpus("warc").resolve(HU1);
    byte[] bytes = Files.readAllBytes(src);
    List<Integer> members = gzipMembers(bytes);
    // PROVENANCE: 51 records, one gzip member each
    assertEquals(51, members.size());
    // damage the 7th member: warcinfo, then request and response pairs, so the 3rd response
    int victim = 6;
    int start = members.get(victim);
    int end = members.get(victim + 1);
    byte[] bad = bytes.clone();
    for (int i = start + 40; i < Math.min(end, start + 240); i++) {
      bad[i] = (byte) 0x55;
    }
    // and cut the file in the middle of its last member
    int cut = members.get(50) + (bytes.length - members.get(50)) / 2;
    Path damaged = dir.resolve("damaged.warc.gz");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bad, 0, cut);
    Files.write(damaged, out.toByteArray());

    List<RawRecord> recs = read(damaged, input(damaged));
    List<RawRecord> broken = recs.stream().filter(r -> Quarantine.UNREADABLE_RECORD.equals(r.getError())).toList();
    assertEquals(2, broken.size(), "two damaged records");
    assertEquals(start, broken.get(0).getOffset());
    assertEquals(members.get(50).longValue(), broken.get(1).getOffset());
    // every other record was read: 51 - 2
    assertEquals(49, recs.size() - broken.size());

    // through Spark, the quarantine rows name the file and offset and the counts reconcile
    Ingest.Result r = Ingest.run(SharedSpark.spark(), List.of(input(damaged)), true, 80);
    assertEquals(51, r.counts.read);
    assertEquals(2L, r.counts.quarantinedByReason.get(Quarantine.UNREADABLE_RECORD));
    List<Row> q = r.quarantine.select("sourceFile", "offset").orderBy("offset").collectAsList();
    assertTrue(q.get(0).getString(0).endsWith("damaged.warc.gz"));
    assertEquals(start, q.get(0).getLong(1));
    assertTrue(r.counts.reconciles());
    r.release();
  }

  @Test
  void inputsAreFilesFoldersOrAManifestOfPaths() throws Exception {
    Path warc = SharedSpark.corpus("warc");
    Files.createDirectories(dir.resolve("crawl/sub"));
    Files.write(dir.resolve("crawl/sub/b.warc.gz"), new byte[0]);
    Files.write(dir.resolve("crawl/a.warc"), new byte[0]);
    Files.write(dir.resolve("crawl/notes.txt"), new byte[0]);
    Configuration conf = new Configuration();
    // a folder: its WARC files, recursively, sorted; other files left out
    List<String> folder = WarcSource.listFiles(conf, input(dir.resolve("crawl")));
    assertEquals(2, folder.size(), folder.toString());
    assertTrue(folder.get(0).endsWith("crawl/a.warc") && folder.get(1).endsWith("crawl/sub/b.warc.gz"), folder.toString());
    // a manifest like Common Crawl's warc.paths: an absolute path, a comment, a path relative to it
    Path manifest = dir.resolve("warc.paths");
    Files.writeString(manifest, warc.resolve(HU1) + "\n# a comment\n\ncrawl/sub/b.warc.gz\n");
    List<String> listed = WarcSource.listFiles(conf, input(manifest));
    assertEquals(2, listed.size(), listed.toString());
    assertTrue(listed.get(0).endsWith(HU1), listed.toString());
    assertTrue(listed.get(1).endsWith(dir.resolve("crawl/sub/b.warc.gz").toString()), listed.toString());
    // warc_base: relative paths resolve against it instead
    List<String> based = WarcSource.listFiles(conf, input(manifest, "input.warc_base=" + dir.resolve("crawl")));
    assertTrue(based.get(1).endsWith(dir.resolve("crawl/crawl/sub/b.warc.gz").toString()), based.toString());
  }

  @Test
  void aFileSplitByOffsetsGivesEveryRecordOnce() throws Exception {
    Path f = SharedSpark.corpus("warc").resolve(HU2);
    InputConfig in = input(f);
    List<RawRecord> whole = read(f, in);
    // PROVENANCE.txt: 55 records
    assertEquals(55, whole.size());
    long len = Files.size(f);
    // cuts at arbitrary bytes, mid-member, one a byte after another, one a split holding no record start
    long[] cuts = {0, 1, 300_000, 300_001, 1_000_000, 1_000_010, Long.MAX_VALUE};
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(f.toUri());
    FileSystem fs = p.getFileSystem(new Configuration());
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i + 1 < cuts.length; i++) {
      new WarcSource.RecordIterator(fs, p, in, cuts[i], cuts[i + 1])
          .forEachRemaining(r -> pieces.add(r.getOffset() + " " + r.getId() + " " + r.getText()));
    }
    List<String> all = whole.stream().map(r -> r.getOffset() + " " + r.getId() + " " + r.getText()).toList();
    assertEquals(all, pieces);
    // a split starts at the first member holding a record at or after its start: gzipMembers finds them apart
    List<Integer> members = gzipMembers(Files.readAllBytes(f));
    assertEquals(55, members.size());
    int firstAfter = members.stream().filter(m -> m >= 300_000).findFirst().orElseThrow();
    List<RawRecord> from = new ArrayList<>();
    new WarcSource.RecordIterator(fs, p, in, 300_000, Long.MAX_VALUE).forEachRemaining(from::add);
    assertEquals(firstAfter, from.get(0).getOffset());

    // a damaged member right at a split's start (its deflate data overwritten, so it holds no
    // readable record): the split before it reads it and quarantines it, as the whole file does
    int d = members.get(20);
    byte[] broken = Files.readAllBytes(f);
    java.util.Arrays.fill(broken, d + 10, d + 16, (byte) 0xff);
    Path bad = Files.createTempDirectory("warc-split").resolve("damaged.warc.gz");
    Files.write(bad, broken);
    org.apache.hadoop.fs.Path bp = new org.apache.hadoop.fs.Path(bad.toUri());
    List<String> wholeBad = new ArrayList<>();
    new WarcSource.RecordIterator(fs, bp, in, 0, Long.MAX_VALUE)
        .forEachRemaining(r -> wholeBad.add(r.getOffset() + " " + r.getId() + " " + r.getError()));
    List<String> splitBad = new ArrayList<>();
    for (long[] c : new long[][] {{0, d}, {d, Long.MAX_VALUE}}) {
      new WarcSource.RecordIterator(fs, bp, in, c[0], c[1])
          .forEachRemaining(r -> splitBad.add(r.getOffset() + " " + r.getId() + " " + r.getError()));
    }
    assertEquals(1, wholeBad.stream().filter(r -> r.endsWith(" " + Quarantine.UNREADABLE_RECORD)).count(), wholeBad.toString());
    assertEquals(wholeBad, splitBad);

    // 2,090,424 bytes in pieces of 500,000: 5 splits, the last open-ended
    List<WarcSource.Split> splits = WarcSource.splits(new Configuration(), List.of(p.toString()), 500_000);
    assertEquals(5, splits.size());
    assertEquals(2_000_000, splits.get(4).start);
    assertEquals(Long.MAX_VALUE, splits.get(4).end);
    assertEquals(len, 2_090_424);
  }

  /** Offsets of the gzip members of a file whose every member holds one record: each starts a new inflater. */
  private static List<Integer> gzipMembers(byte[] b) throws IOException {
    List<Integer> starts = new ArrayList<>();
    int pos = 0;
    while (pos < b.length) {
      starts.add(pos);
      java.util.zip.Inflater inf = new java.util.zip.Inflater(true);
      int header = 10;
      int flags = b[pos + 3];
      if ((flags & 4) != 0) { // FEXTRA
        int xlen = (b[pos + 10] & 0xff) | (b[pos + 11] & 0xff) << 8;
        header += 2 + xlen;
      }
      if ((flags & 8) != 0) { // FNAME
        while (b[pos + header] != 0) {
          header++;
        }
        header++;
      }
      inf.setInput(b, pos + header, b.length - pos - header);
      byte[] sink = new byte[65536];
      try {
        while (!inf.finished()) {
          if (inf.inflate(sink) == 0 && inf.needsInput()) {
            throw new IOException("truncated member at " + pos);
          }
        }
      } catch (java.util.zip.DataFormatException e) {
        throw new IOException(e);
      }
      pos = pos + header + (int) inf.getBytesRead() + 8; // + CRC32 and ISIZE
      inf.end();
    }
    return starts;
  }
}
