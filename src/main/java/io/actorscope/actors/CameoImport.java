package io.actorscope.actors;

import io.actorscope.actors.DictionaryModel.ActorDef;
import io.actorscope.actors.DictionaryModel.AgentDef;
import io.actorscope.actors.DictionaryModel.AliasDef;
import io.actorscope.actors.DictionaryModel.CodeDef;
import io.actorscope.config.Resources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns what {@link CameoReader} read into our dictionary model: one {@link ActorDef} per distinct
 * primary phrase (entries with the same primary phrase are one actor), with the synonyms as
 * aliases and the codes kept in {@code codes}. The file is marked {@code yields}: our own
 * dictionaries win every phrase they claim.
 *
 * <p>An entry is one of our actors (and gets our id, adding its phrases as extra aliases) when its
 * current code maps to that actor — by identity for our country ids, else through
 * {@code conf/actors/cameo-codes.tsv} — and one of its phrases already names that actor.
 *
 * <p>Phrases: CAMEO writes everything in capitals; we write words with an initial capital and the
 * case policy {@code initial} (so "KARZAI" matches "Karzai" and "KARZAI", not "karzai"), particles
 * (al, de, of, the, ...) in lower case (any case), and keep capitals for acronyms: a one-word phrase of
 * at most three letters (UN, ANC) or a word without a vowel (PLO).
 */
public final class CameoImport {
  public static final String CODES_RESOURCE = "builtin:cameo-codes.tsv";
  private static final Set<String> PARTICLES = Set.of("al", "el", "ad", "as", "ash", "at", "an", "ar", "az",
      "de", "da", "di", "du", "del", "della", "der", "den", "des", "van", "von", "la", "le", "bin", "ibn",
      "bint", "of", "the", "and", "for", "on", "in", "to", "y", "e", "i", "und", "et", "against", "with");

  private static final java.util.regex.Pattern BODY_WORDS = java.util.regex.Pattern.compile(
      "(?i)(^|_|\\s)(MINIST|ASSEMBL|COUNCIL|PARTY|ARMY|FORCE|COMMITTEE|COURT|BANK|GOVERNMENT|DEPARTMENT|OFFICE|"
      + "AGENCY|SERVICE|COMMISSION|UNION|FRONT|MOVEMENT|ORGANI[SZ]ATION|PARLIAMENT|POLICE|CABINET|SENATE|CONGRESS|"
      + "ALLIANCE|BRIGADE|GROUP|INSTITUTE|AUTHORITY|BOARD|COALITION|GUARD|LEAGUE|ASSOCIATION|CORPORATION|COMPANY|"
      + "NATIONAL|REPUBLIC|STATE|PROVINCE|REGION|CITY|SECURITY|INTELLIGENCE|DIRECTORATE|BUREAU|CHAMBER|JUNTA)");

  private static final java.util.regex.Pattern NOT_ID = java.util.regex.Pattern.compile("[^A-Z0-9]+");
  private static final java.util.regex.Pattern EDGE_UNDERSCORES = java.util.regex.Pattern.compile("^_+|_+$");
  private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+");
  private static final java.util.regex.Pattern AFTER_HYPHEN = java.util.regex.Pattern.compile("(?<=-)");

  private CameoImport() {}

  /** The code → id table (comments with #, tab separated). */
  public static Map<String, String> codeTable() {
    Map<String, String> m = new LinkedHashMap<>();
    try {
      for (String[] f : Resources.tsv(CODES_RESOURCE, "actors/", ".tsv")) {
        m.put(f[0].strip(), f[1].strip());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + CODES_RESOURCE, e);
    }
    return m;
  }

  /** The normalised form used to decide whether two phrases are the same name. */
  static String norm(String phrase) {
    String s = MatchKey.key(MatchKey.fold(phrase.replace('_', ' ').replace('-', ' ')));
    s = BLANKS.matcher(s).replaceAll(" ").strip();
    return s.startsWith("the ") ? s.substring(4) : s;
  }

  /**
   * Converts read files into one yielding dictionary file. {@code ours} are the actors of our own
   * dictionaries, used to recognise entries that denote them.
   */
  public static DictionaryModel.File toModel(List<CameoReader.Result> results, List<ActorDef> ours) {
    Map<String, String> table = codeTable();
    Map<String, ActorDef> ourById = new HashMap<>();
    Map<String, Set<String>> ourNames = new HashMap<>();
    for (ActorDef a : ours) {
      ourById.put(a.id, a);
      Set<String> names = ourNames.computeIfAbsent(a.id, k -> new HashSet<>());
      names.add(norm(a.name));
      for (List<AliasDef> l : List.of(a.aliases, a.demonyms, a.metonyms)) {
        for (AliasDef x : l) {
          names.add(norm(x.text));
        }
      }
    }
    DictionaryModel.File out = new DictionaryModel.File();
    out.yields = true;
    Map<String, ActorDef> byId = new LinkedHashMap<>();
    for (CameoReader.Result r : results) {
      for (CameoReader.Entry e : r.entries) {
        List<String> phrases = new ArrayList<>();
        phrases.add(e.primary);
        phrases.addAll(e.synonyms);
        CameoReader.Code current = current(e.codes);
        String ourId = current == null ? null : mapped(current.code, table, ourById);
        if (ourId != null && !sharesName(phrases, ourNames.get(ourId))) {
          ourId = null;
        }
        ActorDef a;
        if (ourId != null) {
          a = byId.get(ourId);
          if (a == null) {
            ActorDef o = ourById.get(ourId);
            a = new ActorDef();
            a.id = ourId;
            a.type = o.type;
            a.name = o.name;
            a.country = o.country;
            byId.put(ourId, a);
          }
        } else {
          String id = "CAMEO_" + idPart(e.primary);
          a = byId.get(id);
          if (a == null) {
            a = new ActorDef();
            a.id = id;
            a.name = phrase(e.primary).text;
            a.type = type(e.primary, e.codes, current);
            String c = current == null || current.code.length() < 3 ? null : current.code.substring(0, 3);
            ActorDef country = c == null ? null : ourById.get(mappedCountry(c, table, ourById));
            if (country != null && !"country".equals(a.type)) {
              a.country = country.id;
            }
            byId.put(id, a);
          }
        }
        a.note = (a.note == null ? "CAMEO " : a.note + ", ") + r.name + ":" + e.line;
        for (String p : phrases) {
          AliasDef x = phrase(p);
          if (!x.text.isEmpty() && !x.text.equals(a.name) && a.aliases.stream().noneMatch(y -> y.text.equals(x.text))) {
            a.aliases.add(x);
          }
        }
        for (CameoReader.Code c : e.codes) {
          CodeDef d = new CodeDef();
          d.code = c.code;
          d.from = c.from;
          d.to = c.to;
          a.codes.add(d);
        }
      }
      for (CameoReader.Agent g : r.agents) {
        AgentDef d = new AgentDef();
        d.code = g.code;
        d.prefix = g.prefix;
        for (String f : g.forms) {
          d.phrases.add(String.join(" ", CameoReader.words(f)).toLowerCase(Locale.ROOT));
        }
        out.agents.add(d);
      }
    }
    out.actors.addAll(byId.values());
    return out;
  }

  /** The code in force now: the last undated or open-ended one, else the last one. */
  static CameoReader.Code current(List<CameoReader.Code> codes) {
    CameoReader.Code open = null;
    for (CameoReader.Code c : codes) {
      if (c.to == null) {
        open = c;
      }
    }
    return open != null ? open : codes.isEmpty() ? null : codes.get(codes.size() - 1);
  }

  private static String mapped(String code, Map<String, String> table, Map<String, ActorDef> ours) {
    String id = table.get(code);
    if (id == null && code.length() == 3 && ours.containsKey(code) && "country".equals(ours.get(code).type)) {
      id = code;
    }
    return id != null && ours.containsKey(id) ? id : null;
  }

  private static String mappedCountry(String code, Map<String, String> table, Map<String, ActorDef> ours) {
    String id = mapped(code, table, ours);
    return id != null && "country".equals(ours.get(id).type) ? id : null;
  }

  private static boolean sharesName(List<String> phrases, Set<String> names) {
    for (String p : phrases) {
      if (names.contains(norm(p))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Our actor type from CAMEO codes (a heuristic: CAMEO does not say what is a person): a bare
   * three-letter code is a country; a code with ELI (elites), or a closed date range, marks a person,
   * and so does any dated code on a name without a word of a body (ministry, council, party, ...);
   * IGO… an intergovernmental body; MED media; BUS/MNC a company; REB/INS/UAF/SEP an armed group;
   * anything else an organisation.
   */
  static String type(String primary, List<CameoReader.Code> codes, CameoReader.Code current) {
    String c = current == null ? "" : current.code;
    if (c.length() == 3 && c.chars().allMatch(Character::isLetter) && !c.equals("IGO") && !c.equals("MNC")
        && !c.equals("NGO") && !c.equals("ELI")) {
      return "country";
    }
    boolean dated = false;
    for (CameoReader.Code x : codes) {
      if (chunks(x.code).contains("ELI") || x.from != null && x.to != null) {
        return "person";
      }
      dated |= x.dated();
    }
    if (dated && primary != null && !BODY_WORDS.matcher(primary).find()) {
      return "person"; // "HAIDAR_AL_ABADI [IRQGOV >140908]": dated, and no word of a body in the name
    }
    List<String> ch = chunks(c);
    if (c.startsWith("IGO")) {
      return "igo";
    }
    if (ch.contains("MED")) {
      return "media";
    }
    if (ch.contains("MNC") || ch.contains("BUS")) {
      return "company";
    }
    if (ch.contains("REB") || ch.contains("INS") || ch.contains("UAF") || ch.contains("SEP")) {
      return "armed_group";
    }
    return "organisation";
  }

  private static List<String> chunks(String code) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 3 <= code.length(); i += 3) {
      out.add(code.substring(i, i + 3));
    }
    return out;
  }

  static String idPart(String primary) {
    String s = NOT_ID.matcher(MatchKey.fold(primary).toUpperCase(Locale.ROOT)).replaceAll("_");
    s = EDGE_UNDERSCORES.matcher(s).replaceAll("");
    return s.isEmpty() ? "X" : s;
  }

  /** A CAMEO phrase in our alias form (see the class comment). */
  static AliasDef phrase(String cameo) {
    List<String> words = CameoReader.words(cameo);
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (words.size() == 1 && letters(w) <= 3 && letters(w) >= 2 || letters(w) >= 2 && !hasVowel(w)) {
        out.add(w);
        continue;
      }
      StringBuilder b = new StringBuilder();
      for (String part : AFTER_HYPHEN.split(w)) { // keep the hyphens
        String bare = part.endsWith("-") ? part.substring(0, part.length() - 1) : part;
        String lower = bare.toLowerCase(Locale.ROOT);
        if (PARTICLES.contains(lower) || bare.isEmpty()) {
          b.append(lower);
        } else {
          int first = lower.offsetByCodePoints(0, 1);
          b.append(lower.substring(0, first).toUpperCase(Locale.ROOT)).append(lower.substring(first));
        }
        if (part.endsWith("-")) {
          b.append('-');
        }
      }
      out.add(b.toString());
    }
    return AliasDef.of(String.join(" ", out), CasePolicy.INITIAL);
  }

  private static int letters(String w) {
    int n = 0;
    for (int i = 0; i < w.length(); i++) {
      if (Character.isLetter(w.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  private static boolean hasVowel(String w) {
    for (int i = 0; i < w.length(); i++) {
      if ("AEIOUYaeiouy".indexOf(w.charAt(i)) >= 0 || w.charAt(i) > 0x7F) {
        return true;
      }
    }
    return false;
  }
}
