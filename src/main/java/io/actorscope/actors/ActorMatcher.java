package io.actorscope.actors;

import io.actorscope.text.AnalyzedArticle;
import io.actorscope.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds actor mentions in one tokenized article, in two passes.
 *
 * <p>Pass one walks the dictionary trie: at each token the longest phrase whose case rules the
 * text satisfies wins, and matching goes on after it (no overlaps; hyphens between tokens are
 * skipped; a phrase never crosses a sentence boundary).
 *
 * <p>Pass two resolves what needs the whole article ({@link Mention#getResolvedBy()} says how):
 * <ul>
 *   <li>a role resolves to its holder on the article's date ({@code role_holder}); a name right
 *       after it is bound to it ({@code role_name}): a known person's name wins over the holder on
 *       record, an unknown name is taken as the holder's only when it shares a word (or a near
 *       spelling) with the holder's name, otherwise the role stays on its body;
 *   <li>a title without its body ("the Foreign Minister", "the head of the Foreign Ministry") is
 *       the role of that title named in the same or the previous {@value #TITLE_WINDOW} sentences
 *       ({@code title_antecedent}); with none, the one role that carries the title if only one does
 *       ({@code title_unique}, "the Foreign Secretary"); otherwise it is not a mention;
 *   <li>a surname alone is the person of that surname named in full (or by role) anywhere in the
 *       article ({@code surname}); otherwise, if only one person in the dictionary has it and the
 *       person's entry allows it, that person ({@code surname_unique});
 *   <li>an unknown capitalised word within a small edit distance of the surname of a person
 *       already resolved in the article, or of a name a role bound, is that person ({@code fuzzy}).
 * </ul>
 */
public final class ActorMatcher {
  /** How many sentences back a bare title looks for the role it stands for. */
  static final int TITLE_WINDOW = 2;
  /** The longest run of capitalised words taken as a person's name after a role. */
  static final int MAX_NAME_TOKENS = 4;

  public static final String BY_ALIAS = "alias";
  public static final String BY_ROLE_HOLDER = "role_holder";
  public static final String BY_ROLE_NAME = "role_name";
  public static final String BY_TITLE = "title_antecedent";
  public static final String BY_TITLE_UNIQUE = "title_unique";
  public static final String BY_SURNAME = "surname";
  public static final String BY_SURNAME_UNIQUE = "surname_unique";
  public static final String BY_FUZZY = "fuzzy";

  private final Dictionary dictionary;
  private final Set<String> kinds;
  /** Token positions of the phrase being walked; reused across tokens (a matcher serves one partition). */
  private int[] used = new int[16];

  public ActorMatcher(Dictionary dictionary, Set<String> kinds) {
    this.dictionary = dictionary;
    this.kinds = kinds;
  }

  /** A phrase found in pass one, over tokens [start, end), and what pass two made of it. */
  static final class Hit {
    final Dictionary.Entry entry;
    /** For a surname: the people who have it. */
    final String[] surnameOf;
    final int start;
    int end;
    String actor;
    String kind;
    String roleId;
    String resolvedBy;
    /** Where a known person's name bound by the role starts; -1 if none. */
    int nameStart = -1;
    /** Dropped in pass two (a bare title with no antecedent, a surname nobody in particular has). */
    boolean dropped;

    Hit(Dictionary.Entry entry, String[] surnameOf, int start, int end) {
      this.entry = entry;
      this.surnameOf = surnameOf;
      this.start = start;
      this.end = end;
    }
  }

  /** The article's tokens as the matcher sees them. */
  static final class Tokens {
    final String text;
    final Tokenizer.Result r;
    final String[] folded;
    final String[] keys;

    Tokens(String text, Tokenizer.Result r) {
      this.text = text;
      this.r = r;
      int n = r.size();
      folded = new String[n];
      keys = new String[n];
      for (int t = 0; t < n; t++) {
        if (r.tokenKind[t] == Tokenizer.PUNCT || r.tokenKind[t] == Tokenizer.HYPHEN) {
          continue;
        }
        folded[t] = MatchKey.fold(text.substring(r.tokenStart[t], r.tokenEnd[t]));
        keys[t] = MatchKey.key(folded[t]);
      }
    }

    int size() {
      return r.size();
    }

    /** A word that starts with a capital letter and is not a common word. */
    boolean isNameWord(int t, Set<String> common) {
      if (keys[t] == null || r.tokenKind[t] != Tokenizer.WORD || common.contains(keys[t])) {
        return false;
      }
      return Character.isUpperCase(folded[t].codePointAt(0));
    }

    /** A capital followed by at least one lower-case letter ("Jordan", not "JORDAN"). */
    boolean isTitleCase(int t) {
      String f = folded[t];
      if (f == null || !Character.isUpperCase(f.codePointAt(0))) {
        return false;
      }
      for (int i = 1; i < f.length(); i++) {
        if (Character.isLowerCase(f.charAt(i))) {
          return true;
        }
      }
      return false;
    }

    /**
     * A headline: a sentence with at least three words beyond the common ones, every one of them
     * capitalised ("Jordan Signs Trade Deal", "RUSSIA WARNS OF SANCTIONS"), where a capital says
     * nothing about a name.
     */
    boolean headline(int token, Set<String> common) {
      int sentence = r.tokenSentence[token];
      int from = token;
      while (from > 0 && r.tokenSentence[from - 1] == sentence) {
        from--;
      }
      int words = 0;
      for (int t = from; t < size() && r.tokenSentence[t] == sentence; t++) {
        if (keys[t] != null && r.tokenKind[t] == Tokenizer.WORD && !common.contains(keys[t])) {
          if (!Character.isUpperCase(folded[t].codePointAt(0))) {
            return false;
          }
          words++;
        }
      }
      return words >= 3;
    }

    /** The first word of its sentence (punctuation such as an opening quote does not count). */
    boolean sentenceInitial(int t) {
      for (int i = t - 1; i >= 0 && r.tokenSentence[i] == r.tokenSentence[t]; i--) {
        if (keys[i] != null) {
          return false;
        }
      }
      return true;
    }
  }

  public List<Mention> match(AnalyzedArticle a) {
    Tokens tk = new Tokens(a.getText(), a.tokens());
    List<Hit> hits = find(tk);
    resolve(hits, tk, a);
    return mentions(hits, tk, a);
  }

  /** A run of capitalised words that no actor matched: char offsets [start, end) and lookup key. */
  public static final class Name {
    public final int start;
    public final int end;
    public final String key;
    public final boolean sentenceInitial;

    Name(int start, int end, String key, boolean sentenceInitial) {
      this.start = start;
      this.end = end;
      this.key = key;
      this.sentenceInitial = sentenceInitial;
    }
  }

  /** Lower-case words allowed inside a name ("Bank of England", "Organization for Security and Co-operation"). */
  private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "the", "de", "del", "la", "du", "al", "on");
  /** The longest name reported, in tokens. */
  static final int MAX_UNMATCHED_TOKENS = 6;

  /**
   * The capitalised names no actor matched in an article, outside headlines: runs of capitalised
   * words (and connecting "of", "for", "and", "the" between them), each with whether it starts
   * its sentence.
   */
  public List<Name> unmatched(AnalyzedArticle a) {
    Tokens tk = new Tokens(a.getText(), a.tokens());
    List<Hit> hits = find(tk);
    resolve(hits, tk, a);
    Hit[] owner = new Hit[tk.size()];
    for (Hit h : hits) {
      for (int i = h.start; i < h.end; i++) {
        owner[i] = h;
      }
    }
    Set<String> common = dictionary.commonWords;
    List<Name> out = new ArrayList<>();
    int n = tk.size();
    int t = 0;
    int checked = -1;
    boolean headline = false;
    while (t < n) {
      if (owner[t] != null || !startsName(tk, t, common)) {
        t++;
        continue;
      }
      int sentence = tk.r.tokenSentence[t];
      if (sentence != checked) {
        checked = sentence;
        headline = tk.headline(t, common);
      }
      if (headline) {
        t++;
        continue;
      }
      int first = t;
      int last = t;
      boolean address = common.contains(tk.keys[t]) || ADDRESS.contains(stripDot(tk.keys[t]));
      int j = t + 1;
      while (j < n && tk.r.tokenSentence[j] == sentence && owner[j] == null && j - first < MAX_UNMATCHED_TOKENS) {
        if (tk.isNameWord(j, common) || startsName(tk, j, common)) {
          address &= common.contains(tk.keys[j]) || ADDRESS.contains(stripDot(tk.keys[j]));
          last = j++;
        } else if ((tk.r.tokenKind[j] == Tokenizer.HYPHEN || (tk.keys[j] != null && CONNECTORS.contains(tk.folded[j])))
            && j + 1 < n && tk.r.tokenSentence[j + 1] == sentence && owner[j + 1] == null && tk.isNameWord(j + 1, common)) {
          j++; // a connector counts only with a name word after it
        } else {
          break;
        }
      }
      if (address || (first == last && tk.keys[first].length() < 2) || nextToSlash(tk, first, last)) {
        t = last + 1; // "Excellency", "Mr. President", a stray letter
        continue;
      }
      // a fragment of a longer name around an actor's ("Kingdom of Saudi Arabia"): report it whole
      int from = first;
      int to = last;
      if (from > 0 && isNameActor(owner[from - 1]) && tk.r.tokenSentence[from - 1] == sentence) {
        from = owner[from - 1].start;
      }
      int next = to + 1;
      if (next + 1 < n && tk.keys[next] != null && "of".equals(tk.keys[next])) {
        next++;
      }
      if (next < n && isNameActor(owner[next]) && owner[next].start == next && tk.r.tokenSentence[next] == sentence) {
        to = owner[next].end - 1;
      }
      StringBuilder key = new StringBuilder();
      for (int i = from; i <= to; i++) {
        if (tk.keys[i] != null) {
          key.append(key.length() == 0 ? "" : " ").append(tk.keys[i]);
        }
      }
      out.add(new Name(tk.r.tokenStart[from], tk.r.tokenEnd[to], key.toString(), tk.sentenceInitial(from)));
      t = to + 1;
    }
    return out;
  }

  /** Part of a document symbol ("A/75/PV.4"): touching a slash. */
  private static boolean nextToSlash(Tokens tk, int first, int last) {
    return (first > 0 && tk.r.tokenEnd[first - 1] == tk.r.tokenStart[first] && tk.text.charAt(tk.r.tokenStart[first] - 1) == '/')
        || (last + 1 < tk.size() && tk.r.tokenStart[last + 1] == tk.r.tokenEnd[last] && tk.text.charAt(tk.r.tokenEnd[last]) == '/');
  }

  /** A hit naming an actor by its name (not a role or title): a longer unmatched name may contain it. */
  private static boolean isNameActor(Hit h) {
    return h != null && h.actor != null && h.roleId == null && !Dictionary.DEMONYM.equals(h.kind);
  }

  /**
   * A word that can start an unmatched name: a name word, or a capitalised common word inside a
   * sentence followed by a name word ("New York", "The Hague").
   */
  private static boolean startsName(Tokens tk, int t, Set<String> common) {
    if (tk.isNameWord(t, common)) {
      return true;
    }
    return tk.keys[t] != null && tk.r.tokenKind[t] == Tokenizer.WORD && common.contains(tk.keys[t])
        && tk.isTitleCase(t) && !tk.sentenceInitial(t) && t + 1 < tk.size()
        && tk.r.tokenSentence[t + 1] == tk.r.tokenSentence[t] && tk.isNameWord(t + 1, common);
  }

  /** Pass one: the longest phrase at each token, with one token of look-ahead. */
  List<Hit> find(Tokens tk) {
    List<Hit> hits = new ArrayList<>();
    int n = tk.size();
    int t = 0;
    Hit ahead = null;
    while (t < n) {
      Hit here = ahead != null ? ahead : longest(t, tk);
      ahead = null;
      if (here == null) {
        t++;
        continue;
      }
      // One token of look-ahead: a phrase starting at the next token that reaches further wins, so
      // "the UN Secretary-General" is the role, not the alias "the UN" followed by a stray title.
      Hit next = t + 1 < here.end ? longest(t + 1, tk) : null;
      if (next != null && next.end > here.end) {
        ahead = next; // already the longest match at t + 1: not looked up again
        t++;
        continue;
      }
      hits.add(here);
      t = here.end;
    }
    return hits;
  }

  /** Covered tokens after pass one and two (for unmatched names). */
  static boolean[] covered(List<Hit> hits, int n) {
    boolean[] c = new boolean[n];
    for (Hit h : hits) {
      for (int i = h.start; i < h.end; i++) {
        c[i] = true;
      }
    }
    return c;
  }

  /** Pass two: roles, names after roles, bare titles, surnames and near spellings, over the whole article. */
  void resolve(List<Hit> hits, Tokens tk, AnalyzedArticle a) {
    boolean[] found = covered(hits, tk.size());
    for (Hit h : hits) {
      if (h.entry != null && !h.entry.role && vetoed(h, tk, found)) {
        h.dropped = true;
      }
    }
    for (Hit h : hits) {
      if (h.surnameOf != null && partOfAnotherName(h, tk, found)) {
        h.dropped = true;
      }
    }
    hits.removeIf(h -> h.dropped);
    for (Hit h : hits) {
      if (h.entry == null || Dictionary.TITLE.equals(h.entry.kind) || Dictionary.NOT_AN_ACTOR.equals(h.entry.kind)) {
        continue;
      }
      if (h.entry.role) {
        Dictionary.Role role = dictionary.roles.get(h.entry.target);
        h.roleId = role.id;
        h.actor = holder(role, a.getDate(), a.getDatePrecision());
        h.kind = Dictionary.ROLE;
        h.resolvedBy = BY_ROLE_HOLDER;
        if (h.actor == null) {
          h.actor = role.body;
          h.kind = Dictionary.ROLE_UNFILLED;
        }
      } else {
        h.actor = h.entry.target;
        h.kind = h.entry.kind;
        h.resolvedBy = BY_ALIAS;
      }
    }
    // names bound by a role: surname key -> person, for the surnames and near spellings below
    Map<String, String> bound = new HashMap<>();
    bindNamesAfterRoles(hits, tk, bound);
    Map<String, String> people = new HashMap<>(); // surname key -> person resolved in the article
    for (Hit h : hits) {
      if (h.actor != null && !h.dropped) {
        Dictionary.Actor p = dictionary.actors.get(h.actor);
        if (p != null && p.isPerson()) {
          people.put(p.surname, p.id);
        }
      }
    }
    Map<String, String> fromDictionary = new HashMap<>(people);
    people.putAll(bound);
    for (int i = 0; i < hits.size(); i++) {
      Hit h = hits.get(i);
      if (h.surnameOf != null && !h.dropped) {
        resolveSurname(h, tk, people);
      } else if (h.entry != null && Dictionary.TITLE.equals(h.entry.kind)) {
        resolveTitle(h, hits, i, tk, a);
      }
    }
    fuzzy(hits, tk, fromDictionary, bound);
  }

  /**
   * The context rules of an alias: a word right before it that makes it something else ("LET
   * US"), and, for a name that is also a personal or company name, another capitalised word
   * joined to it ("Michael Jordan", "Georgia Power", "Georgia-Pacific", "Washington Post") —
   * except in a headline written in capitals or title case, where every word is capitalised.
   */
  private boolean vetoed(Hit h, Tokens tk, boolean[] covered) {
    Dictionary.Entry e = h.entry;
    int before = h.start - 1;
    if (e.notAfter != null && before >= 0 && tk.folded[before] != null) {
      for (String w : e.notAfter) {
        if (w.equals(tk.folded[before])) {
          return true;
        }
      }
    }
    if (!e.nameLike || !tk.isTitleCase(h.start) || tk.headline(h.start, dictionary.commonWords)) {
      return false;
    }
    int after = h.end;
    if (after < tk.size() && tk.r.tokenKind[after] == Tokenizer.HYPHEN) {
      after++; // "Georgia-Pacific"
    }
    if (after < tk.size() && !covered[after] && tk.r.tokenSentence[after] == tk.r.tokenSentence[h.start]
        && tk.isNameWord(after, dictionary.commonWords) && tk.isTitleCase(after)) {
      return true;
    }
    return before >= 0 && !covered[before] && tk.r.tokenSentence[before] == tk.r.tokenSentence[h.start]
        && tk.isNameWord(before, dictionary.commonWords) && tk.isTitleCase(before) && !tk.sentenceInitial(before);
  }

  /** Words before a surname that make it someone's surname rather than part of another name. */
  static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "madam",
      "president", "minister", "chancellor", "premier", "king", "queen", "prince", "princess", "pope", "sheikh", "emir",
      "sultan", "senator", "ambassador", "secretary", "general", "judge", "professor", "prof", "excellency", "chairman",
      "chairwoman", "chair", "director", "governor", "mayor", "commissioner", "envoy", "comrade", "marshal", "colonel",
      "leader", "speaker", "foreign", "prime");
  /** Forms of address and offices: a run made only of them is no missing actor ("His Excellency", "President"). */
  private static final Set<String> ADDRESS = addressWords();

  private static Set<String> addressWords() {
    Set<String> s = new java.util.HashSet<>(HONORIFICS);
    s.addAll(List.of("excellency", "excellencies", "majesty", "majesties", "highness", "highnesses", "delegates",
        "ladies", "gentlemen", "distinguished", "honourable", "honorable", "vice", "deputy", "head", "heads"));
    return Set.copyOf(s);
  }

  /** Lower-case words that continue a name ("Osama bin Laden", "Charles de Gaulle"). */
  static final Set<String> NAME_PARTICLES = Set.of("bin", "ibn", "al", "el", "de", "da", "di", "del", "van", "von", "le", "la");

  /**
   * A surname that is part of another name, not the person's: glued by a hyphen ("Al-Sabah"),
   * after an article ("The Hague"), beside "&" ("Johnson & Johnson"), after a first name or an
   * initial that is not a title ("Ellen Johnson", "Marsha P. Johnson"; "Mr. Michel", "President Xi"
   * are fine), or before another name word ("Johnson Sirleaf", "Sharon Sharabi", "Osama bin Laden").
   */
  private boolean partOfAnotherName(Hit h, Tokens tk, boolean[] covered) {
    int before = h.start - 1;
    int sentence = tk.r.tokenSentence[h.start];
    if (before >= 1 && ".".equals(tk.text.substring(tk.r.tokenStart[before], tk.r.tokenEnd[before]))
        && tk.folded[before - 1] != null && tk.folded[before - 1].length() == 1
        && Character.isUpperCase(tk.folded[before - 1].charAt(0))) {
      return true; // an initial, which the tokenizer may have taken for a sentence's end: "Marsha P. Johnson"
    }
    if (before >= 0 && tk.r.tokenSentence[before] == sentence && !covered[before]) {
      int kind = tk.r.tokenKind[before];
      String f = tk.folded[before];
      if (kind == Tokenizer.HYPHEN || "&".equals(tk.text.substring(tk.r.tokenStart[before], tk.r.tokenEnd[before]))) {
        return true;
      }
      if (f != null && ("the".equals(tk.keys[before]) || "a".equals(tk.keys[before]) || "an".equals(tk.keys[before]))) {
        return true;
      }
      if (f != null && !HONORIFICS.contains(stripDot(tk.keys[before]))
          && (tk.isNameWord(before, dictionary.commonWords) || isInitial(f))) {
        return true;
      }
    }
    if (ROMAN_NUMERAL.matcher(tk.folded[h.start]).matches()) {
      return true; // "XI." heading a section, not Xi Jinping
    }
    int after = h.end;
    if (after + 1 < tk.size() && tk.r.tokenKind[after] == Tokenizer.POSSESSIVE && !covered[after + 1]
        && tk.isNameWord(after + 1, dictionary.commonWords)) {
      return true; // "Moore's Law"
    }
    if (after < tk.size() && tk.r.tokenSentence[after] == sentence && !covered[after]) {
      if ("&".equals(tk.text.substring(tk.r.tokenStart[after], tk.r.tokenEnd[after]))
          || tk.isNameWord(after, dictionary.commonWords)) {
        return true;
      }
      if (tk.keys[after] != null && NAME_PARTICLES.contains(tk.keys[after]) && after + 1 < tk.size()
          && tk.isNameWord(after + 1, dictionary.commonWords)) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern ROMAN_NUMERAL = java.util.regex.Pattern.compile("[IVXLC]{2,}");

  private static String stripDot(String k) {
    return k.endsWith(".") ? k.substring(0, k.length() - 1) : k;
  }

  /** A single capital letter with a full stop: "P." */
  private static boolean isInitial(String f) {
    return f.length() == 2 && Character.isUpperCase(f.charAt(0)) && f.charAt(1) == '.';
  }

  /** A role followed by a name: the name is bound to the role (one mention over both). */
  private void bindNamesAfterRoles(List<Hit> hits, Tokens tk, Map<String, String> bound) {
    for (int i = 0; i < hits.size(); i++) {
      Hit h = hits.get(i);
      if (h.roleId == null || h.end >= tk.size() || tk.r.tokenSentence[h.end] != tk.r.tokenSentence[h.start]) {
        continue;
      }
      String holder = Dictionary.ROLE.equals(h.kind) ? h.actor : null;
      Hit next = i + 1 < hits.size() ? hits.get(i + 1) : null;
      if (next != null && next.start == h.end && next.actor != null && isPerson(next.actor)) {
        // a known person's name: the name wins over the holder on record
        h.actor = next.actor;
        h.kind = next.actor.equals(holder) ? Dictionary.ROLE : Dictionary.ALIAS;
        h.resolvedBy = BY_ROLE_NAME;
        h.nameStart = next.start;
        h.end = next.end;
        hits.remove(i + 1);
        continue;
      }
      if (next != null && next.start == h.end && next.surnameOf != null) {
        String person = holder != null && contains(next.surnameOf, holder) ? holder
            : next.surnameOf.length == 1 ? next.surnameOf[0] : null;
        if (person != null) {
          h.actor = person;
          h.kind = person.equals(holder) ? Dictionary.ROLE : Dictionary.ALIAS;
          h.resolvedBy = BY_ROLE_NAME;
          h.nameStart = next.start;
          h.end = next.end;
          hits.remove(i + 1);
        }
        continue;
      }
      int end = h.end;
      int limit = next != null ? next.start : tk.size();
      while (end < limit && end - h.end < MAX_NAME_TOKENS && tk.r.tokenSentence[end] == tk.r.tokenSentence[h.start]
          && tk.isNameWord(end, dictionary.commonWords)) {
        end++;
      }
      if (end == h.end) {
        continue;
      }
      if (holder != null && sharesAName(tk, h.end, end, dictionary.actors.get(holder))) {
        h.end = end;
        h.resolvedBy = BY_ROLE_NAME;
        bound.put(tk.keys[end - 1], holder);
      } else if (holder != null) {
        // someone the dictionary does not know holds the role here: not the holder on record
        Dictionary.Role role = dictionary.roles.get(h.roleId);
        h.actor = role.body;
        h.kind = Dictionary.ROLE_UNFILLED;
      }
    }
  }

  /** Whether a written name shares a word, or a near spelling of one, with a person's dictionary name. */
  private static boolean sharesAName(Tokens tk, int from, int to, Dictionary.Actor person) {
    List<String> words = Dictionary.foldedTokens(person.name);
    for (int t = from; t < to; t++) {
      for (String w : words) {
        if (near(tk.keys[t], MatchKey.key(w))) {
          return true;
        }
      }
    }
    return false;
  }

  private void resolveSurname(Hit h, Tokens tk, Map<String, String> people) {
    String key = Dictionary.key(java.util.Arrays.asList(java.util.Arrays.copyOfRange(tk.keys, h.start, h.end)));
    String person = people.get(key);
    if (person != null && contains(h.surnameOf, person)) {
      resolved(h, person, BY_SURNAME);
      return;
    }
    if (h.surnameOf.length == 1 && dictionary.actors.get(h.surnameOf[0]).surnameAlone) {
      resolved(h, h.surnameOf[0], BY_SURNAME_UNIQUE);
      return;
    }
    h.dropped = true;
  }

  private static void resolved(Hit h, String person, String by) {
    h.actor = person;
    h.kind = Dictionary.ALIAS;
    h.resolvedBy = by;
  }

  private void resolveTitle(Hit h, List<Hit> hits, int i, Tokens tk, AnalyzedArticle a) {
    List<String> group = dictionary.titleGroups.get(h.entry.target);
    int sentence = tk.r.tokenSentence[h.start];
    for (int j = i - 1; j >= 0; j--) {
      Hit p = hits.get(j);
      if (sentence - tk.r.tokenSentence[p.start] > TITLE_WINDOW) {
        break;
      }
      if (!p.dropped && p.roleId != null && group.contains(p.roleId)) {
        h.roleId = p.roleId;
        h.actor = p.actor;
        h.kind = p.kind;
        h.resolvedBy = BY_TITLE;
        return;
      }
    }
    if (group.size() == 1 && mostNamed(hits).contains(dictionary.roles.get(group.get(0)).body)) {
      // a title only one role in the dictionary carries ("the Foreign Secretary") is that role, when
      // the role's country or body is what the article names most: a unique title in the dictionary
      // is not unique in the world (every country has a Vice-President)
      Dictionary.Role role = dictionary.roles.get(group.get(0));
      h.roleId = role.id;
      h.actor = holder(role, a.getDate(), a.getDatePrecision());
      h.kind = Dictionary.ROLE;
      if (h.actor == null) {
        h.actor = role.body;
        h.kind = Dictionary.ROLE_UNFILLED;
      }
      h.resolvedBy = BY_TITLE_UNIQUE;
      return;
    }
    h.dropped = true;
  }

  /** The actors the article's hits name most often, roles aside (ties all count). */
  private static Set<String> mostNamed(List<Hit> hits) {
    Map<String, Integer> n = new HashMap<>();
    int max = 0;
    for (Hit h : hits) {
      if (h.actor != null && !h.dropped && h.roleId == null) {
        max = Math.max(max, n.merge(h.actor, 1, Integer::sum));
      }
    }
    Set<String> out = new java.util.HashSet<>();
    for (Map.Entry<String, Integer> e : n.entrySet()) {
      if (e.getValue() == max) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /**
   * Unknown capitalised words near the surname of someone named in full or by role in the
   * article ({@link #nearSurname}), or near a name a role bound ({@link #near}): a role's evidence
   * allows the looser match.
   */
  private void fuzzy(List<Hit> hits, Tokens tk, Map<String, String> surnames, Map<String, String> bound) {
    if (surnames.isEmpty() && bound.isEmpty()) {
      return;
    }
    boolean[] covered = covered(hits, tk.size());
    List<Hit> found = new ArrayList<>();
    Set<String> common = dictionary.commonWords;
    for (int t = 0; t < tk.size(); t++) {
      if (covered[t] || !tk.isNameWord(t, common) || tk.sentenceInitial(t) || tk.keys[t].length() < 4) {
        continue; // never a sentence's first word
      }
      int next = t + 1;
      if (next < tk.size() && !covered[next] && tk.r.tokenSentence[next] == tk.r.tokenSentence[t]
          && (tk.isNameWord(next, common) || (tk.keys[next] != null && NAME_PARTICLES.contains(tk.keys[next])))) {
        continue; // only the last word of a name
      }
      String person = nearest(tk.keys[t], bound, false);
      if (person == null && !surnames.containsKey(tk.keys[t])) {
        // a dictionary surname written correctly was the surname rule's to take or leave
        person = nearest(tk.keys[t], surnames, true);
      }
      if (person != null) {
        Hit h = new Hit(null, null, t, t + 1);
        resolved(h, person, BY_FUZZY);
        found.add(h);
      }
    }
    if (!found.isEmpty()) {
      hits.addAll(found);
      hits.sort(java.util.Comparator.comparingInt(h -> h.start));
    }
  }

  /** The one person whose name (a key of {@code names}) is near {@code word}; null if none or two. */
  private static String nearest(String word, Map<String, String> names, boolean strict) {
    String person = null;
    for (Map.Entry<String, String> p : names.entrySet()) {
      if (p.getKey().indexOf(' ') < 0 && (strict ? nearSurname(word, p.getKey()) : near(word, p.getKey()))) {
        if (person != null && !person.equals(p.getValue())) {
          return null; // near two people: neither
        }
        person = p.getValue();
      }
    }
    return person;
  }

  /**
   * A misspelt dictionary surname, held to a stricter rule than a name a role bound, since short
   * names one letter apart are often different people ("Osama"/"Obama") or words ("Charter"/
   * "Charles"): the same first letter, at least 7 letters and an edit distance of 1, or at least
   * 9 letters and a distance of 2 ("Gueterres" for "Guterres", "Stoltenbreg" for "Stoltenberg").
   */
  static boolean nearSurname(String a, String b) {
    int len = Math.min(a.length(), b.length());
    if (len < 7 || a.charAt(0) != b.charAt(0)) {
      return false;
    }
    int max = len >= 9 ? 2 : 1;
    return Math.abs(a.length() - b.length()) <= max && editDistance(a, b, max) <= max;
  }

  /**
   * Two spellings of one name: the same first letter and an edit distance of at most 1, or 2 when
   * the word is at least 6 letters long ("Joanet" for "Joan", "Stoltenbrg" for "Stoltenberg").
   */
  static boolean near(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (a.isEmpty() || b.isEmpty() || a.charAt(0) != b.charAt(0)) {
      return false;
    }
    int max = Math.max(a.length(), b.length()) >= 6 ? 2 : 1;
    if (Math.abs(a.length() - b.length()) > max || Math.min(a.length(), b.length()) < 4) {
      return false;
    }
    return editDistance(a, b, max) <= max;
  }

  /** Levenshtein distance, stopping early once every cell of a row exceeds {@code max}. */
  static int editDistance(String a, String b, int max) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] x = prev;
      prev = cur;
      cur = x;
    }
    return prev[b.length()];
  }

  private boolean isPerson(String actor) {
    Dictionary.Actor a = dictionary.actors.get(actor);
    return a != null && a.isPerson();
  }

  private static boolean contains(String[] a, String x) {
    for (String s : a) {
      if (s.equals(x)) {
        return true;
      }
    }
    return false;
  }

  private List<Mention> mentions(List<Hit> hits, Tokens tk, AnalyzedArticle a) {
    List<Mention> out = new ArrayList<>();
    boolean astral = hasSurrogates(tk.text);
    for (Hit h : hits) {
      if (h.dropped || h.actor == null) {
        continue;
      }
      int from = h.start;
      String roleId = h.roleId;
      String kind = h.kind;
      if (roleId != null && !kinds.contains(Dictionary.ROLE)) {
        if (h.nameStart < 0) {
          continue;
        }
        // roles not counted: the person's name that followed the role still is
        from = h.nameStart;
        roleId = null;
        kind = Dictionary.ALIAS;
      }
      if (roleId == null && !kinds.contains(kind)) {
        continue;
      }
      Mention m = new Mention();
      m.setArticleId(a.getId());
      m.setDate(a.getDate());
      m.setSource(a.getSource());
      m.setActorId(h.actor);
      m.setActorType(dictionary.actors.get(h.actor).type);
      m.setMatchKind(kind);
      m.setRoleId(roleId);
      m.setPhrase(h.entry != null ? h.entry.phrase : null);
      m.setResolvedBy(h.resolvedBy);
      int start = tk.r.tokenStart[from];
      int end = tk.r.tokenEnd[h.end - 1];
      m.setSentence(tk.r.tokenSentence[from]);
      m.setSurface(tk.text.substring(start, end));
      // Offsets count Unicode code points, as Python, DuckDB and Spark SQL's substring do.
      m.setStart(astral ? tk.text.codePointCount(0, start) : start);
      m.setEnd(astral ? m.getStart() + tk.text.codePointCount(start, end) : end);
      out.add(m);
    }
    return out;
  }

  private static boolean hasSurrogates(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private Hit longest(int t, Tokens tk) {
    if (tk.keys[t] == null) {
      return null;
    }
    Tokenizer.Result r = tk.r;
    int n = r.size();
    Dictionary.Node node = dictionary.root;
    Hit best = null;
    int sentence = r.tokenSentence[t];
    int[] used = this.used;
    int depth = 0;
    int j = t;
    while (j < n && r.tokenSentence[j] == sentence) {
      if (r.tokenKind[j] == Tokenizer.HYPHEN && depth > 0) {
        j++;
        continue;
      }
      if (tk.keys[j] == null) {
        break;
      }
      node = node.child(tk.keys[j]);
      if (node == null) {
        break;
      }
      if (depth == used.length) {
        used = java.util.Arrays.copyOf(used, depth * 2);
        this.used = used;
      }
      used[depth++] = j;
      j++;
      boolean matched = false;
      if (node.entries != null) {
        for (Dictionary.Entry e : node.entries) {
          if (accepts(e.policy, e.tokens, tk.folded, used, depth)) {
            best = new Hit(e, null, t, j);
            matched = true;
            break;
          }
        }
      }
      if (!matched && node.surnameOf != null && accepts(CasePolicy.INITIAL, node.surnameTokens, tk.folded, used, depth)) {
        best = new Hit(null, node.surnameOf, t, j);
      }
    }
    return best;
  }

  private static boolean accepts(String policy, String[] tokens, String[] folded, int[] used, int depth) {
    for (int i = 0; i < depth; i++) {
      if (!CasePolicy.accepts(policy, tokens[i], folded[used[i]])) {
        return false;
      }
    }
    return true;
  }

  /** The holder over the span the article's date stands for: a day, or a whole month or year. */
  static String holder(Dictionary.Role role, java.time.LocalDate date, String precision) {
    if (date == null) {
      return null;
    }
    if (io.actorscope.io.Dates.YEAR.equals(precision)) {
      java.time.LocalDate first = date.withDayOfYear(1);
      return role.holderThroughout(first, first.plusYears(1).minusDays(1));
    }
    if (io.actorscope.io.Dates.MONTH.equals(precision)) {
      java.time.LocalDate first = date.withDayOfMonth(1);
      return role.holderThroughout(first, first.plusMonths(1).minusDays(1));
    }
    return role.holderOn(date);
  }
}
