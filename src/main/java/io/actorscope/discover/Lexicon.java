package io.actorscope.discover;

import io.actorscope.actors.Dictionary;
import io.actorscope.actors.MatchKey;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words the discoverer's cue patterns read: titles, honorifics, organisation and place head
 * words, reporting verbs, and, from the dictionary itself, its common words and the given names of
 * the people it knows (a first word seen on a known person is evidence that a new two-word name is a
 * person's too). All keys are folded and lower case ({@link MatchKey}).
 */
public final class Lexicon implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Words written before a name that make it a person's; kept in the mention ("Mr McGurk"). */
  static final Set<String> HONORIFICS = set("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame",
      "lord", "lady", "he", "h.e.", "hon", "hon.", "sheikh", "shaikh", "sheik", "mullah", "ayatollah", "imam", "rev",
      "rev.", "prof", "prof.", "professor", "madam", "mme", "monsieur", "senor", "senora", "herr", "frau");

  /**
   * Office and rank words: capitalised before a name ("Minister Ellwood", "Major General Hassan") or
   * lower case ("spokesman", "commander"), they make the name a person's, and they are its title.
   */
  static final Set<String> TITLE_HEADS = set("president", "minister", "secretary", "premier", "chancellor",
      "ambassador", "envoy", "representative", "commissioner", "spokesman", "spokeswoman", "spokesperson",
      "commander", "general", "gen", "gen.", "colonel", "col", "col.", "major", "maj", "maj.", "lieutenant", "lt",
      "lt.", "captain", "capt", "capt.", "sergeant", "sgt", "sgt.", "brigadier", "brig", "brig.", "admiral", "adm",
      "adm.", "marshal", "officer", "chief", "leader", "head", "director", "chairman", "chairwoman", "chairperson",
      "chair", "governor", "gov", "gov.", "mayor", "senator", "sen", "sen.", "congressman", "congresswoman",
      "rep", "rep.", "deputy", "vice", "king", "queen", "prince", "princess", "emir", "sultan", "pope", "cardinal",
      "bishop", "archbishop", "cleric", "judge", "justice", "prosecutor", "attorney", "adviser", "advisor",
      "advisers", "negotiator", "coordinator", "co-ordinator", "mediator", "rapporteur", "delegate", "diplomat",
      "militant", "citizen", "national", "brother", "sister", "son", "daughter", "wife", "husband", "father",
      "mother", "uncle", "cousin", "official", "analyst", "journalist", "reporter", "correspondent", "editor",
      "founder", "ceo", "executive", "chieftain", "physician", "doctor", "lawyer", "activist", "candidate",
      "nominee", "designate", "speaker", "undersecretary", "under-secretary", "secretary-general", "commandant",
      "warlord", "emissary", "mufti", "rabbi", "priest", "patriarch", "caliph", "crown", "counsellor",
      "councillor", "counselor", "staff", "private", "corporal", "pilot", "hostage", "soldier", "fighter",
      "student", "professor", "dr", "dr.");

  /** Title heads only taken capitalised: too often ordinary words in lower case ("national", "head"). */
  static final Set<String> CAPITAL_ONLY_TITLES = set("national", "head", "staff", "private", "crown", "general",
      "major", "justice", "speaker", "chair", "vice", "deputy", "executive");

  /** The last word of an organisation's name ("Syrian Computer Society", "Ministry of Higher Education"). */
  static final Set<String> ORG_HEADS = set("ministry", "department", "dept", "dept.", "office", "council",
      "committee", "commission", "assembly", "parliament", "congress", "senate", "court", "tribunal", "agency",
      "authority", "authorities", "bureau", "directorate", "command", "army", "armies", "navy", "force", "forces",
      "brigade", "brigades", "battalion", "battalions", "regiment", "division", "corps", "militia", "militias", "opposition",
      "guard", "guards", "front", "party", "movement", "alliance", "coalition", "union", "league", "federation",
      "association", "society", "organisation", "organization", "foundation", "institute", "institution",
      "university", "college", "academy", "school", "hospital", "bank", "fund", "corporation", "corp", "corp.",
      "company", "co.", "inc", "inc.", "ltd", "ltd.", "plc", "group", "holdings", "airlines", "airways", "network",
      "news", "times", "post", "press", "television", "tv", "radio", "service", "services", "police",
      "gendarmerie", "cabinet", "government", "administration", "regime", "secretariat", "mission", "delegation",
      "embassy", "consulate", "centre", "center", "board", "panel", "forum", "club",
      "team", "brotherhood", "tribe", "clan", "cartel", "gang", "industries",
      "enterprises", "systems", "technologies", "consortium", "exchange", "observatory", "watch",
      "council.", "unit", "units", "squadron", "fleet", "legion", "mujahideen", "jihad", "taliban");

  /**
   * Heads whose names are shortened to their first word ("Alsumaria" for "Alsumaria News"): media and
   * companies. Other bodies are named after a place or a people ("Brandbergen Mosque", "Africa Group"),
   * and their first word alone is that place.
   */
  static final Set<String> SHORTENED_HEADS = set("news", "network", "television", "tv", "radio", "company", "corporation",
      "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "plc", "holdings", "airlines", "airways", "industries", "enterprises",
      "systems", "technologies", "consortium");

  /** Capitalised heads "the …" does not shorten to one body: "the Organization" is the UN in a UN speech, WHO elsewhere. */
  static final Set<String> NOT_SHORT_NAMES = set("organization", "organisation", "group", "party", "government", "state");

  /** An organisation's first word when "of"/"for" follows ("Ministry of …", "Army of the Victorious Sect"). */
  static final Set<String> ORG_LEADS = set("ministry", "department", "office", "council", "committee",
      "commission", "army", "bank", "university", "court", "board", "union", "league", "federation", "association",
      "society", "organisation", "organization", "institute", "party", "front", "movement", "brigade", "brigades",
      "battalion", "command", "agency", "bureau", "directorate", "academy", "college", "school",
      "forces", "force", "government", "house", "people's", "peoples");

  /** Arabic words that open an armed group's name ("Jaish al-…", "Jabhat al-Nusra", "Kata'ib Hezbollah"). */
  static final Set<String> ARABIC_ORG_LEADS = set("jaish", "jabhat", "jabhet", "kataib", "kata'ib", "liwa",
      "harakat", "hizb", "ansar", "ahrar", "saray", "saraya", "tanzim", "jamaat", "jama'at", "asaib", "asa'ib",
      "faylaq", "tahrir", "hay'at", "hayat", "majlis");

  /** The last word of a place's name ("Hibhib Village", "Anbar Province"); a mosque or church is a building. */
  static final Set<String> PLACE_HEADS = set("mosque", "church", "cathedral", "shrine", "province", "governorate", "district", "village", "city", "town",
      "county", "region", "valley", "river", "mountains", "mountain", "mount", "desert", "island", "islands",
      "camp", "airport", "airbase", "base", "square", "street", "road", "bridge", "dam", "port", "strait", "gulf",
      "sea", "lake", "plain", "plateau", "oasis", "oblast", "krai", "prefecture", "municipality", "neighbourhood",
      "neighborhood", "quarter", "crossing", "border", "peninsula", "state");

  /** Lower-case words that, before a capitalised name, make it a place ("the village of Hibhib"). */
  static final Set<String> PLACE_NOUNS = set("village", "town", "city", "province", "district", "governorate",
      "region", "neighbourhood", "neighborhood", "suburb", "capital", "port", "camp", "area");

  /** Verbs of saying: a two-word name right before or after one is a person's ("…, said Brett McGurk"). */
  static final Set<String> SAID = set("said", "says", "told", "added", "stated", "warned", "explained",
      "noted", "insisted", "stressed", "declared", "urged", "argued", "claimed", "wrote", "tweeted", "recalled",
      "asked", "replied", "confirmed", "denied", "believes", "thinks", "spoke");

  /** Words right before a name that make it a person's ("born Badran Turki Hishan al-Mazidi"). */
  static final Set<String> BEFORE_NAME = set("born", "nee", "née", "alias", "aka", "nicknamed", "dubbed");

  /** "X was a commander": the verbs before an article and a title word. */
  static final Set<String> COPULAS = set("was", "is", "became", "becomes", "remains", "remained");

  /** Title words that after "X is a …" say nothing of a person ("the head of", "a national of"). */
  static final Set<String> NOT_PERSON_AFTER_COPULA = set("head", "national", "chief", "general", "leader", "official",
      "staff", "order", "party");

  /** Lower-case words that head an organisation named by a name or demonym before them ("the Asad regime"). */
  static final Set<String> LOWER_ORG_HEADS = set("people", "population", "television", "government", "governments", "soldiers", "officers",
      "leaders", "authorities", "officials", "parties", "community", "regime", "forces", "army", "militia", "militias", "opposition",
      "rebels", "troops", "military", "tribe", "clan", "navy", "police", "insurgency", "insurgents", "coalition", "junta",
      "loyalists", "fighters", "jihadists", "militants", "separatists", "paramilitaries");

  /**
   * Group words that name an organisation only after a demonym or country ("the Syrian people",
   * "the Iraqi government", "Iraqi soldiers"); after anything else they are ordinary nouns.
   */
  static final Set<String> DEMONYM_GROUP_HEADS = set("people", "population", "television", "government", "soldiers", "officers",
      "leaders", "authorities", "officials", "parties", "community");

  /**
   * Nouns after a group word that make it a modifier: "the Russian military operation", "army base",
   * "regime officials" name no group.
   */
  static final Set<String> AFTER_MODIFIER = set("operation", "operations", "base", "bases", "officials", "official",
      "officers", "spokesman", "spokeswoman", "spokesperson", "sources", "source", "personnel", "action", "actions",
      "intervention", "presence", "units", "unit", "vehicles", "aircraft", "jets", "convoy", "positions", "control",
      "occupation", "offensive", "campaign", "service", "budget", "spending", "policy", "policies", "programme",
      "program", "plan", "leader", "leaders", "commander", "commanders", "members", "member", "figures", "figure",
      "activists", "supporters", "representatives", "delegation", "talks", "attacks", "attack", "strikes", "checkpoint",
      "building", "buildings", "headquarters", "ministers", "minister", "special", "military", "regime", "forces",
      "troops", "army", "police", "bombardment", "bombing", "shelling", "airstrikes", "siege", "crackdown");

  /** Lower-case words for a kind of body, written right before its name ("the German company Züblin"). */
  static final Set<String> ORG_KINDS = set("company", "firm", "militia", "newspaper", "broadcaster", "channel",
      "operator", "organisation", "organization", "charity", "manufacturer", "contractor", "airline", "carrier",
      "insurer", "conglomerate", "agency", "magazine", "network", "outlet", "subsidiary", "startup");

  /** Words before a name that are no part of it, capitalised or not ("A Foreign Office spokesman"). */
  static final Set<String> DETERMINERS = set("the", "a", "an", "this", "that", "these", "those", "our", "my", "your",
      "his", "her", "its", "their", "every", "each", "any", "some", "all", "both", "no", "another", "other", "such");

  /** Nouns after a place's head word that make the name an adjective ("Pacific Island countries"). */
  static final Set<String> PLACE_MODIFIED = set("countries", "country", "nations", "nation", "states", "state",
      "economies", "communities", "leaders", "people", "peoples", "governments", "region", "regions", "forum");

  /** Title words that are also common surnames ("Julie Bishop", "Theresa May" aside, "John Major"). */
  static final Set<String> TITLE_SURNAMES = set("bishop", "king", "major", "marshal", "judge", "prince", "cardinal",
      "mayor", "sheriff", "abbot", "priest", "knight");

  /** Words after a title that are no one's name ("the sister State", "our National Constitution"). */
  static final Set<String> KINSHIP_TITLES = set("brother", "sister", "son", "daughter", "national", "citizen");

  /** Of those, the ones "the …" alone still names, as the one named before or after ("the government"). */
  static final Set<String> BARE_GROUPS = set("government", "authorities");

  /**
   * Two-word names of a collective actor that news writes in lower case as often as not ("the
   * international community").
   */
  static final Set<String> COLLECTIVES = set("international community", "international coalition");
  /** The first words of {@link #COLLECTIVES}. */
  static final Set<String> COLLECTIVE_FIRST_WORDS = COLLECTIVES.stream().map(c -> c.substring(0, c.indexOf(' ')))
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** Modifiers that alone say which side a force is ("coalition forces", "regime troops"). */
  static final Set<String> SIDE_MODIFIERS = set("coalition", "government", "regime", "opposition", "rebel");

  static final Set<String> TROOPS = set("forces", "troops");

  /** Of those, the ones that name a group only with a security word before ("security forces", "armed forces"). */
  static final Set<String> ORG_HEAD_MODIFIERS = set("security", "armed", "special", "government", "regime", "opposition",
      "rebel", "border", "air", "naval", "intelligence", "ground", "coalition", "federal", "local", "tribal", "kurdish");

  /** Lower-case particles inside a name ("Abu Musab al-Zarqawi", "Staffan de Mistura", "bin Laden"). */
  static final Set<String> PARTICLES = set("al", "el", "bin", "ibn", "bint", "abu", "abou", "umm", "de", "da",
      "di", "del", "della", "van", "von", "der", "den", "du", "dos", "das", "la", "le", "ul", "ud", "ad", "as",
      "ash", "at", "az", "ar", "an");

  /** Particles that mark an Arabic personal name when no organisation word says otherwise. */
  static final Set<String> ARABIC_NAME_PARTICLES = set("al", "el", "bin", "ibn", "bint", "abu", "abou", "umm");

  /** Words that join the parts of an organisation's name after a lead word ("of", "for"). */
  static final Set<String> CONNECTORS = set("of", "for", "on");

  static final Set<String> COMPASS = set("west", "east", "north", "south", "left", "right");

  /** Words that open a sentence before a title or name ("Later Mr McGurk left"). */
  static final Set<String> OPENERS = set("however", "meanwhile", "yesterday", "today", "tomorrow", "tonight", "later",
      "earlier", "following", "according", "despite", "although", "though", "after", "before", "during", "since",
      "while", "also", "thus", "then", "now", "still", "yet", "indeed", "instead", "moreover", "furthermore",
      "therefore", "speaking", "separately", "elsewhere", "finally", "first", "secondly", "lastly");

  /**
   * Capitalised words that start sentences or headings but are no part of a name; the stop-word
   * list does not have them.
   */
  static final Set<String> NOT_NAMES = set("however", "meanwhile", "yesterday", "today", "tomorrow", "tonight",
      "following", "according", "despite", "although", "though", "after", "before", "during", "since", "while",
      "under", "earlier", "later", "also", "thus", "hence", "therefore", "moreover", "furthermore", "indeed",
      "instead", "still", "yet", "now", "then", "please", "thank", "thanks", "dear", "excellency", "excellencies",
      "ladies", "gentlemen", "distinguished", "honourable", "honorable", "esteemed", "colleagues", "friends",
      "speaker", "statement", "note", "notes", "source", "sources", "update", "read", "more", "photo", "image",
      "video", "see", "via", "re", "subject", "breaking", "exclusive", "opinion", "analysis", "editorial",
      "chapter", "section", "article", "annex", "paragraph", "figure", "table", "page", "part", "resolution",
      "agenda", "item", "session", "let", "we", "our", "my", "i", "you", "they", "it", "he", "she", "this",
      "that", "these", "those", "there", "here", "mr.", "mrs.", "st", "st.", "no", "yes", "not", "all", "each",
      "every", "both", "many", "much", "some", "several", "such", "other", "another", "any", "either", "neither",
      "sunni", "shia", "shiite", "shi'ite", "muslim", "muslims", "christian", "christians", "islamic", "arab",
      "arabs", "western", "eastern", "northern", "southern", "central", "international", "national", "global",
      "united", "new", "old", "first", "second", "third", "last", "next", "general", "special", "high", "senior",
      "former", "acting", "interim", "transitional", "caretaker", "covid", "covid-19", "coronavirus", "internet",
      "god", "allah", "prophet", "lord", "almighty", "mother", "earth", "sdg", "sdgs", "agenda", "goals", "goal",
      "day", "week", "year", "decade", "century", "millennium", "summit", "conference", "declaration", "treaty",
      "agreement", "accord", "accords", "convention", "protocol", "charter", "act", "law", "plan", "strategy",
      "framework", "process", "compact", "vision", "report", "review", "fund.", "operation", "war", "crisis",
      "revolution", "spring", "winter", "summer", "autumn", "fall", "olympics", "games", "cup");

  /** A set that tolerates a word listed twice (the lists are long and overlap on purpose). */
  private static Set<String> set(String... words) {
    // a HashSet answers contains(null) with false, as a token without a key (punctuation) needs
    return java.util.Collections.unmodifiableSet(new HashSet<>(java.util.Arrays.asList(words)));
  }

  final Set<String> givenNames;
  private final Dictionary dictionary;

  public Lexicon(Dictionary dictionary) {
    this.dictionary = dictionary;
    Set<String> g = new HashSet<>();
    for (Dictionary.Actor a : dictionary.actorList()) {
      if ("person".equals(a.type) && a.name != null) {
        String[] w = a.name.trim().split("\\s+");
        if (w.length >= 2 && w[0].length() > 2 && Character.isUpperCase(w[0].codePointAt(0)) && !w[0].endsWith(".")) {
          String k = key(w[0]);
          if (!TITLE_HEADS.contains(k) && !HONORIFICS.contains(k)) {
            g.add(k);
          }
        }
      }
    }
    givenNames = java.util.Collections.unmodifiableSet(g);
  }

  boolean isCommon(String key) {
    return dictionary.isCommonWord(key);
  }

  static String key(String token) {
    return MatchKey.key(MatchKey.fold(token)).replace('\u2019', '\'');
  }

  static String stripDot(String k) {
    return k == null ? "" : k.endsWith(".") ? k.substring(0, k.length() - 1) : k;
  }

  static boolean isTitleHead(String key) {
    return key != null && TITLE_HEADS.contains(key) || TITLE_HEADS.contains(stripDot(key));
  }

  static boolean isHonorific(String key) {
    return key != null && HONORIFICS.contains(key) || HONORIFICS.contains(stripDot(key));
  }

  /** The key as an id fragment: letters and digits, words joined by "_". */
  static String idPart(String name) {
    StringBuilder b = new StringBuilder();
    boolean gap = false;
    String f = MatchKey.key(MatchKey.fold(name));
    for (int i = 0; i < f.length(); ) {
      int c = f.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        if (gap && b.length() > 0) {
          b.append('_');
        }
        gap = false;
        b.appendCodePoint(c);
      } else if (c != '\'') {
        gap = true;
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
