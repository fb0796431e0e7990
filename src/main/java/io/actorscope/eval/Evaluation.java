package io.actorscope.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actorscope.actors.ActorMatcher;
import io.actorscope.actors.Dictionary;
import io.actorscope.actors.MatchKey;
import io.actorscope.actors.Mention;
import io.actorscope.config.Resources;
import io.actorscope.io.Article;
import io.actorscope.text.TextAnalyzer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scores the actor matcher against gold data: re3d (mention spans), Reuters-21578 (document-level
 * codes) and the seed article (its 13 actors). Each article goes through the job's own per-article
 * path: {@link TextAnalyzer#analyze(Article)} then {@link ActorMatcher#match}, as the actors
 * stage does in each partition.
 */
public final class Evaluation {
  public static final List<String> RE3D_TYPES = List.of("Person", "Organisation", "Location", "Nationality");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Dictionary dictionary;
  private final Set<String> kinds;
  /** The discovery stage's per-article path, or null to score the dictionary alone. */
  private final io.actorscope.discover.Discoverer discoverer;
  /** The discovery path Reuters' PEOPLE and ORGS codes are scored with, or null for the dictionary alone. */
  private final io.actorscope.discover.Discoverer namesDiscoverer;

  public Evaluation(Dictionary dictionary, Set<String> kinds) {
    this(dictionary, kinds, null);
  }

  public Evaluation(Dictionary dictionary, Set<String> kinds,
      io.actorscope.discover.Discoverer discoverer) {
    this(dictionary, kinds, discoverer, discoverer);
  }

  /**
   * {@code namesDiscoverer} finds the names the Reuters PEOPLE and ORGS codes are checked against:
   * the job writes {@code discovered_actors} whenever discovery is enabled, whether or not the match
   * kinds make discovered names mentions, so it may be set when {@code discoverer} is null.
   */
  public Evaluation(Dictionary dictionary, Set<String> kinds,
      io.actorscope.discover.Discoverer discoverer, io.actorscope.discover.Discoverer namesDiscoverer) {
    this.dictionary = dictionary;
    this.kinds = kinds;
    this.discoverer = discoverer;
    this.namesDiscoverer = namesDiscoverer;
  }

  /**
   * The job's per-article path: tokenise, match. The text is used as given: re3d's offsets refer to
   * it (the re3d result counts the documents ingest's NFC step would change: none in re3d-dev).
   */
  public List<Mention> match(String id, LocalDate date, String text) {
    return match(id, date, text, discoverer);
  }

  private List<Mention> match(String id, LocalDate date, String text, io.actorscope.discover.Discoverer with) {
    Article a = new Article();
    a.setId(id);
    a.setDate(date);
    a.setDatePrecision(date == null ? null : "day");
    a.setText(text);
    io.actorscope.text.AnalyzedArticle analyzed = TextAnalyzer.analyze(a);
    List<Mention> ms = new ActorMatcher(dictionary, kinds).match(analyzed);
    if (with != null) {
      // as the discover stage does: it reads all the dictionary's mentions, whatever match kinds count
      List<Mention> out = new ArrayList<>(ms);
      for (io.actorscope.discover.Discoverer.Found f : with.discover(analyzed, ms)) {
        out.add(f.mention);
      }
      return out;
    }
    return ms;
  }

  static boolean discovered(Mention m) {
    return io.actorscope.discover.Discoverer.DISCOVERED.equals(m.getResolvedBy());
  }

  /** The re3d type a mention claims: demonyms are Nationality, roles and people Person, countries Location, the rest Organisation. */
  public static String re3dType(Mention m) {
    String kind = m.getMatchKind();
    if (Dictionary.DEMONYM.equals(kind)) {
      return "Nationality";
    }
    if (Dictionary.ROLE.equals(kind) || Dictionary.ROLE_UNFILLED.equals(kind) || "person".equals(m.getActorType())) {
      return "Person";
    }
    if ("country".equals(m.getActorType()) || "place".equals(m.getActorType())) {
      return "Location";
    }
    return "Organisation";
  }

  /**
   * The gold types a mention may hit: its own, and for a country (or its capital as a metonym) also
   * Organisation, since re3d marks a state acting ("Russia said") as either; a plural demonym also
   * Organisation.
   */
  public static Set<String> compatible(Mention m) {
    String t = re3dType(m);
    if ("Nationality".equals(t) && m.getPhrase() != null && m.getPhrase().endsWith("s")) {
      // a plural demonym is the people of a country, a group: re3d labels "Iraqis", "Syrians" (9 in
      // re3d-dev) Organisation, never Nationality
      return Set.of("Nationality", "Organisation");
    }
    return "Location".equals(t) && !"place".equals(m.getActorType()) ? Set.of("Location", "Organisation") : Set.of(t);
  }

  /** The form in which a gold surface and a dictionary phrase are compared for coverage. */
  public static String norm(String s) {
    String f = MatchKey.key(MatchKey.fold(s)).replace('-', ' ').replace('\u2019', '\'');
    f = f.replaceAll("\\s+", " ").strip();
    return f.startsWith("the ") ? f.substring(4) : f;
  }

  // ---------------------------------------------------------------- re3d

  /** A gold span. */
  public static final class Gold {
    public final String doc;
    public final int begin;
    public final int end;
    public final String type;
    public final String value;

    Gold(String doc, int begin, int end, String type, String value) {
      this.doc = doc;
      this.begin = begin;
      this.end = end;
      this.type = type;
      this.value = value;
    }
  }

  /** Per re3d type: our mentions claiming it and how many hit; gold mentions, covered, found. */
  public static final class TypeScore {
    public int predicted;
    public int correct;
    public int gold;
    public int covered;
    public int found;
    public int foundAll;
    /** Of {@link #predicted} and {@link #correct}: the discovered mentions. */
    public int discoveredPredicted;
    public int discoveredCorrect;
    /** Gold spans overlapped by a dictionary mention (of {@link #foundAll}). */
    public int foundByDictionary;
    public final Map<String, Integer> missesAll = new TreeMap<>();
    /** Discovered mentions outside every gold span, as "surface → actor (cue)" with the sentence. */
    public final List<String> discoveredOutside = new ArrayList<>();
    /** Gold spans no compatible mention overlaps, as "value | context", for reading why they are missed. */
    public final List<String> missedInContext = new ArrayList<>();
    public final Map<String, Integer> falsePositives = new TreeMap<>();
    public final Map<String, Integer> misses = new TreeMap<>();

    public double precision() {
      return predicted == 0 ? Double.NaN : (double) correct / predicted;
    }

    public double recall() {
      return covered == 0 ? Double.NaN : (double) found / covered;
    }

    public double dictionaryPrecision() {
      int p = predicted - discoveredPredicted;
      return p == 0 ? Double.NaN : (double) (correct - discoveredCorrect) / p;
    }

    public double discoveredPrecision() {
      return discoveredPredicted == 0 ? Double.NaN : (double) discoveredCorrect / discoveredPredicted;
    }
  }

  public static final class Re3dResult {
    public final Map<String, TypeScore> byType = new LinkedHashMap<>();
    public int documents;
    /** Gold spans whose text in the document is not their value (none expected). */
    public int misaligned;
    /** Documents whose text NFC changes (offsets could then shift). */
    public int notNfc;

    Re3dResult() {
      for (String t : RE3D_TYPES) {
        byType.put(t, new TypeScore());
      }
    }

    public TypeScore total() {
      TypeScore t = new TypeScore();
      for (TypeScore s : byType.values()) {
        t.predicted += s.predicted;
        t.correct += s.correct;
        t.gold += s.gold;
        t.covered += s.covered;
        t.found += s.found;
        t.foundAll += s.foundAll;
        t.discoveredPredicted += s.discoveredPredicted;
        t.discoveredCorrect += s.discoveredCorrect;
        t.foundByDictionary += s.foundByDictionary;
      }
      return t;
    }
  }

  /** Reads JSON lines (a byte-order mark on the first line is skipped). */
  static List<JsonNode> jsonLines(Path p) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
      String l = line.startsWith("\uFEFF") ? line.substring(1) : line;
      if (!l.isBlank()) {
        out.add(JSON.readTree(l));
      }
    }
    return out;
  }

  /** The normalised phrases of the dictionary: a gold mention is covered if its text is one of them. */
  public Set<String> coveredForms() {
    Set<String> forms = new HashSet<>();
    dictionary.forEachPhrase((p, k) -> forms.add(norm(p)));
    return forms;
  }

  public Re3dResult re3d(Path dir) throws IOException {
    Re3dResult r = new Re3dResult();
    Set<String> forms = coveredForms();
    List<Path> folders;
    try (Stream<Path> s = Files.list(dir)) {
      folders = s.filter(p -> Files.isRegularFile(p.resolve("documents.json"))).sorted().toList();
    }
    for (Path folder : folders) {
      Map<String, List<Gold>> gold = new HashMap<>();
      Set<String> seen = new HashSet<>();
      for (JsonNode e : jsonLines(folder.resolve("entities.json"))) {
        String type = e.path("type").asText();
        if (!RE3D_TYPES.contains(type)) {
          continue;
        }
        String doc = e.path("documentId").asText();
        int b = e.path("begin").asInt();
        int en = e.path("end").asInt();
        if (seen.add(doc + "|" + b + "|" + en + "|" + type)) {
          gold.computeIfAbsent(doc, k -> new ArrayList<>()).add(new Gold(doc, b, en, type, e.path("value").asText()));
        }
      }
      for (JsonNode d : jsonLines(folder.resolve("documents.json"))) {
        String id = d.path("_id").asText();
        String text = d.path("text").asText();
        r.documents++;
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
          r.notNfc++;
        }
        List<Gold> gs = gold.getOrDefault(id, List.of());
        for (Gold g : gs) {
          if (g.end > text.length() || !text.substring(g.begin, g.end).equals(g.value)) {
            r.misaligned++;
          }
        }
        List<Mention> ms = match(id, null, text);
        for (Mention m : ms) {
          TypeScore s = r.byType.get(re3dType(m));
          s.predicted++;
          Set<String> ok = compatible(m);
          boolean hit = gs.stream().anyMatch(g -> ok.contains(g.type) && g.begin < m.getEnd() && m.getStart() < g.end);
          if (discovered(m)) {
            s.discoveredPredicted++;
            if (hit) {
              s.discoveredCorrect++;
            } else if (gs.stream().noneMatch(g -> g.begin < m.getEnd() && m.getStart() < g.end)) {
              s.discoveredOutside.add(m.getSurface() + " → " + m.getActorId() + " | " + context(text, m.getStart(), m.getEnd()));
            }
          }
          if (hit) {
            s.correct++;
          } else {
            s.falsePositives.merge(m.getSurface() + " → " + m.getActorId() + " (" + m.getMatchKind() + ")", 1, Integer::sum);
          }
        }
        for (Gold g : gs) {
          TypeScore s = r.byType.get(g.type);
          s.gold++;
          boolean covered = forms.contains(norm(g.value));
          boolean found = ms.stream().anyMatch(m -> compatible(m).contains(g.type) && g.begin < m.getEnd() && m.getStart() < g.end);
          if (covered) {
            s.covered++;
            if (found) {
              s.found++;
            } else {
              s.misses.merge(g.value, 1, Integer::sum);
            }
          }
          if (found) {
            s.foundAll++;
            if (ms.stream().anyMatch(m -> !discovered(m) && compatible(m).contains(g.type) && g.begin < m.getEnd() && m.getStart() < g.end)) {
              s.foundByDictionary++;
            }
          } else {
            s.missesAll.merge(g.value, 1, Integer::sum);
            s.missedInContext.add(g.value + " | " + context(text, g.begin, g.end));
          }
        }
      }
    }
    return r;
  }

  /** The line around [start, end), at most 80 characters before and 60 after, the span in [[ ]]. */
  static String context(String text, int start, int end) {
    int a = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
    int b = text.indexOf('\n', end);
    int from = Math.max(a, start - 80);
    int to = Math.max(end, Math.min(b < 0 ? text.length() : b, end + 60));
    return (text.substring(from, start) + "[[" + text.substring(start, end) + "]]" + text.substring(end, to)).replace('\n', ' ');
  }

  // ---------------------------------------------------------------- Reuters-21578

  public static final class CodeScore {
    /** Documents annotated for this category (at least one code of it). */
    public int documents;
    /** (document, actor) pairs: predicted among the category's actors, correct, gold (mapped), found. */
    public int predicted;
    public int correct;
    public int gold;
    public int found;
    public final Map<String, Integer> falsePositives = new TreeMap<>();
    public final Map<String, Integer> misses = new TreeMap<>();
    /**
     * Over every code of the annotated documents, mapped or not (each code once per document): the
     * codes, those whose mapped actor a dictionary mention names, and those found with discovery
     * too (PEOPLE and ORGS only; {@link #namesPerson}, {@link #namesOrganisation}).
     */
    public int codes;
    public int codesByDictionary;
    public int codesWithDiscovery;
    /** Whether discovery ran: without it the discovery figures are not measured (not zero). */
    public boolean discovery;
    /**
     * (document, provisional actor of the category's type) pairs in the annotated documents, and
     * those naming one of the document's codes: a lower bound of precision, since Reuters codes
     * only the people or bodies a story is about, not everyone it names.
     */
    public int discoveredActors;
    public int discoveredNaming;
    /** Codes found by neither the dictionary nor discovery, and discovered names matching no code. */
    public final Map<String, Integer> codeMisses = new TreeMap<>();
    public final Map<String, Integer> discoveredUnmatched = new TreeMap<>();

    public double precision() {
      return predicted == 0 ? Double.NaN : (double) correct / predicted;
    }

    public double recall() {
      return gold == 0 ? Double.NaN : (double) found / gold;
    }

    public double codeRecallByDictionary() {
      return codes == 0 ? Double.NaN : (double) codesByDictionary / codes;
    }

    public double codeRecallWithDiscovery() {
      return codes == 0 || !discovery ? Double.NaN : (double) codesWithDiscovery / codes;
    }

    public double discoveredPrecisionLowerBound() {
      return discoveredActors == 0 ? Double.NaN : (double) discoveredNaming / discoveredActors;
    }
  }

  /** The categories whose codes are names discovery can find, with the discovered type each takes. */
  public static final Map<String, String> DISCOVERABLE = discoverable();

  /** PEOPLE, then ORGS: the order the evaluation prints them in. */
  private static Map<String, String> discoverable() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("PEOPLE", io.actorscope.discover.Discoverer.PERSON);
    m.put("ORGS", io.actorscope.discover.Discoverer.ORGANISATION);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The words of a name or a code, folded to lower case; apostrophes dropped ("O'Neill" is one word). */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : MatchKey.key(MatchKey.fold(s)).replace("'", "").split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * Whether a person's name names a Reuters PEOPLE code: the name's last word is the code's last
   * word and every word of the code is in the name. "volcker" is named by "Paul Volcker";
   * "james-baker" by "James A. Baker" but not by "Baker" alone, which could be another Baker.
   */
  public static boolean namesPerson(String code, String name) {
    List<String> c = words(code);
    List<String> n = words(name);
    return !c.isEmpty() && !n.isEmpty() && c.get(c.size() - 1).equals(n.get(n.size() - 1)) && n.containsAll(c);
  }

  /** Words an acronym leaves out ("General Agreement on Tariffs and Trade" is GATT). */
  private static final Set<String> NOT_IN_ACRONYMS = Set.of("of", "for", "on", "and", "the", "in", "de", "des", "du", "la", "le", "et");

  /**
   * Whether an organisation's name names a Reuters ORGS code. The code's acronym is its part before a
   * hyphen ("ico-coffee" and "ico-islam" are both written ICO); it is named by a name whose words
   * run together are it ("OPEC", "U.N.", "World Bank" for worldbank), or whose words' initials,
   * the {@link #NOT_IN_ACRONYMS} left out, are it ("Organization of Petroleum Exporting Countries").
   */
  public static boolean namesOrganisation(String code, String name) {
    String acronym = MatchKey.key(code).split("-", 2)[0];
    List<String> w = words(name);
    if (acronym.isEmpty() || w.isEmpty()) {
      return false;
    }
    if (String.join("", w).equals(acronym)) {
      return true;
    }
    StringBuilder initials = new StringBuilder();
    for (String x : w) {
      if (!NOT_IN_ACRONYMS.contains(x)) {
        initials.appendCodePoint(x.codePointAt(0));
      }
    }
    return initials.toString().equals(acronym);
  }

  /** Whether a discovered mention names a code of the category: by its name (the article's longest form) or its surface. */
  static boolean names(String category, String code, Mention m) {
    for (String form : new String[] {m.getPhrase(), m.getSurface()}) {
      if (form != null && ("PEOPLE".equals(category) ? namesPerson(code, form) : namesOrganisation(code, form))) {
        return true;
      }
    }
    return false;
  }

  public static final List<String> REUTERS_CATEGORIES = List.of("PLACES", "PEOPLE", "ORGS");
  private static final Pattern DOC = Pattern.compile("<REUTERS(.*?)</REUTERS>", Pattern.DOTALL);
  private static final DateTimeFormatter REUTERS_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

  /** category → reuters code → actor id, from conf/eval/reuters-codes.tsv. */
  public static Map<String, Map<String, String>> reutersCodes() throws IOException {
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    for (String[] f : Resources.tsv("builtin:reuters-codes.tsv", "eval/", ".tsv")) {
      m.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], f[2]);
    }
    return m;
  }

  static String unescape(String s) {
    return s.replaceAll("&#\\d+;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  static String element(String doc, String tag) {
    int a = doc.indexOf("<" + tag);
    if (a < 0) {
      return null;
    }
    int b = doc.indexOf('>', a);
    int c = doc.indexOf("</" + tag + ">", b);
    return c < 0 ? null : doc.substring(b + 1, c);
  }

  static List<String> codes(String doc, String tag) {
    List<String> out = new ArrayList<>();
    String inner = element(doc, tag);
    if (inner != null) {
      Matcher m = Pattern.compile("<D>(.*?)</D>").matcher(inner);
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  public Map<String, CodeScore> reuters(Path dir) throws IOException {
    Map<String, Map<String, String>> table = reutersCodes();
    Map<String, CodeScore> out = new LinkedHashMap<>();
    Map<String, Set<String>> range = new HashMap<>();
    for (String c : REUTERS_CATEGORIES) {
      out.put(c, new CodeScore());
      range.put(c, new HashSet<>(table.getOrDefault(c, Map.of()).values()));
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().matches("reut2-\\d+\\.sgm")).sorted().toList();
    }
    for (Path f : files) {
      String sgml = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      Matcher d = DOC.matcher(sgml);
      while (d.find()) {
        String doc = d.group(1);
        String title = element(doc, "TITLE");
        String body = element(doc, "BODY");
        if (title == null && body == null) {
          continue;
        }
        String text = Normalizer.normalize(unescape((title == null ? "" : title.strip() + "\n\n")
            + (body == null ? "" : body)), Normalizer.Form.NFC);
        LocalDate date = null;
        String ds = element(doc, "DATE");
        if (ds != null) {
          try {
            date = LocalDate.parse(ds.strip().split("\\s+")[0], REUTERS_DATE);
          } catch (RuntimeException e) {
            date = null;
          }
        }
        // the dictionary's figures count its own mentions only, so they stay those of the dictionary
        // alone whether or not discovered names are mentions
        Set<String> found = new LinkedHashSet<>();
        Set<String> foundWithDiscovery = new HashSet<>();
        List<Mention> discoveredHere = new ArrayList<>();
        for (Mention m : match("reuters", date, text, namesDiscoverer)) {
          foundWithDiscovery.add(m.getActorId());
          if (discovered(m)) {
            discoveredHere.add(m);
          } else {
            found.add(m.getActorId());
          }
        }
        for (String c : REUTERS_CATEGORIES) {
          List<String> gc = codes(doc, c);
          if (gc.isEmpty()) {
            continue;
          }
          CodeScore s = out.get(c);
          s.documents++;
          s.discovery = namesDiscoverer != null;
          scoreCodes(c, s, new LinkedHashSet<>(gc), table.getOrDefault(c, Map.of()), found, foundWithDiscovery, discoveredHere);
          Set<String> gold = new HashSet<>();
          for (String code : gc) {
            String id = table.getOrDefault(c, Map.of()).get(code);
            if (id != null) {
              gold.add(id);
            }
          }
          s.gold += gold.size();
          for (String id : gold) {
            if (found.contains(id)) {
              s.found++;
            } else {
              s.misses.merge(id, 1, Integer::sum);
            }
          }
          for (String id : found) {
            if (range.get(c).contains(id)) {
              s.predicted++;
              if (gold.contains(id)) {
                s.correct++;
              } else {
                s.falsePositives.merge(id, 1, Integer::sum);
              }
            }
          }
        }
      }
    }
    return out;
  }

  /** Adds one document's codes of a category to its code-level figures. */
  static void scoreCodes(String category, CodeScore s, Set<String> codes, Map<String, String> mapped, Set<String> found,
      Set<String> foundWithDiscovery, List<Mention> discoveredHere) {
    String type = DISCOVERABLE.get(category);
    List<Mention> candidates = type == null ? List.of()
        : discoveredHere.stream().filter(m -> type.equals(m.getActorType())).toList();
    for (String code : codes) {
      s.codes++;
      String id = mapped.get(code);
      if (id != null && found.contains(id)) {
        s.codesByDictionary++;
        s.codesWithDiscovery++;
      } else if (id != null && foundWithDiscovery.contains(id)
          || candidates.stream().anyMatch(m -> names(category, code, m))) {
        s.codesWithDiscovery++;
      } else {
        s.codeMisses.merge(code, 1, Integer::sum);
      }
    }
    // one pair per provisional actor: the article's forms of a name share its id
    Map<String, Boolean> naming = new LinkedHashMap<>();
    for (Mention m : candidates) {
      if (m.getActorId().startsWith("~")) {
        naming.merge(m.getActorId(), codes.stream().anyMatch(code -> names(category, code, m)), Boolean::logicalOr);
      }
    }
    for (Map.Entry<String, Boolean> e : naming.entrySet()) {
      s.discoveredActors++;
      if (e.getValue()) {
        s.discoveredNaming++;
      } else {
        s.discoveredUnmatched.merge(e.getKey(), 1, Integer::sum);
      }
    }
  }

  // ---------------------------------------------------------------- seed

  public static final class SeedResult {
    public final Map<String, String> expected = new LinkedHashMap<>();
    public final Set<String> found = new LinkedHashSet<>();
    public final List<String> missing = new ArrayList<>();
    public final List<Mention> mentions = new ArrayList<>();
  }

  /** The seed article's expected actors: conf/eval/seed-expected.tsv (id, how the article writes it). */
  public static Map<String, String> seedExpected() throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    try (InputStream in = Resources.open("builtin:seed-expected.tsv", "eval/", ".tsv");
        BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = br.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] f = line.split("\t");
          m.put(f[0], f.length > 1 ? f[1] : "");
        }
      }
    }
    return m;
  }

  public SeedResult seed(Path file, LocalDate date) throws IOException {
    SeedResult r = new SeedResult();
    r.expected.putAll(seedExpected());
    String text = Normalizer.normalize(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), Normalizer.Form.NFC);
    r.mentions.addAll(match("seed", date, text));
    for (Mention m : r.mentions) {
      r.found.add(m.getActorId());
    }
    for (String id : r.expected.keySet()) {
      if (!r.found.contains(id)) {
        r.missing.add(id);
      }
    }
    return r;
  }
}
