package io.actorscope.discover;

import io.actorscope.actors.Dictionary;
import io.actorscope.actors.Mention;
import io.actorscope.text.AnalyzedArticle;
import io.actorscope.text.Tokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the people, organisations and places one article names that the dictionary does not:
 * pure (no Spark), over the article's tokens and the mentions the dictionary already made of it.
 *
 * <p>Candidates are runs of capitalised words no dictionary mention covers (with name particles,
 * "al-", and "of"/"for" after an organisation's lead word); a run may pass through a dictionary
 * country, demonym or organisation only when it ends in an organisation's head word ("Syrian
 * Computer Society", "UN Board of Inquiry"). A run is typed by cues, strongest first:
 * <ol>
 *   <li>an organisation head or lead word ("… Brigades", "Ministry of …", "Jaish al-…");
 *   <li>a title or honorific before the name, capitalised inside the run ("Foreign Office Minister
 *       Tobias Ellwood", "Mr McGurk") or lower case before it ("the spokesman Ali Hassan"), or a
 *       dictionary role whose holder the dictionary does not know ("Foreign Minister Julie Bishop");
 *   <li>an apposition after the name (", the Iraqi commander"), a verb of saying next to a name of
 *       two or more words, a given name the dictionary's people have, an Arabic name particle;
 *   <li>a place head word or noun ("Hibhib Village", "the town of Baquba");
 *   <li>the same name, or a person's surname, typed elsewhere in the article ("Ellwood" after
 *       "Tobias Ellwood"), and a parenthesised acronym after an organisation ("(OFAC)").
 * </ol>
 * A span the dictionary resolves is never taken: the dictionary's mention stays the only one there.
 *
 * <p>Within the article the forms of one name are merged into its longest form ("Mr McGurk",
 * "McGurk" → "Brett McGurk"); the actor's id is {@code ~TYPE:KEY} with KEY the name's words folded to
 * lower case and joined by "_" ({@code ~person:brett_mcgurk}), so the corpus-level merge is a
 * group-by on the id.
 */
public final class Discoverer {
  public static final String PERSON = "person";
  public static final String ORGANISATION = "organisation";
  public static final String PLACE = "place";
  /** The match kind and the resolved_by of a discovered mention. */
  public static final String DISCOVERED = "discovered";
  /** The longest name taken, in tokens (titles aside). */
  static final int MAX_NAME_TOKENS = 5;
  static final int MAX_RUN_TOKENS = 12;

  /** One discovered mention and the evidence the corpus-level merge keeps. */
  public static final class Found {
    public final Mention mention;
    public final String type;
    /** The name as written in its longest form in the article ("Brett McGurk"). */
    public String name;
    /** The title written with it ("Special Presidential Envoy"), or null. */
    public final String title;
    /** The country named with it (a dictionary country id), or null. */
    public final String country;
    /** Which cue found it (for the evaluation and the evidence comments). */
    public final String cue;

    Found(Mention mention, String type, String name, String title, String country, String cue) {
      this.mention = mention;
      this.type = type;
      this.name = name;
      this.title = title;
      this.country = country;
      this.cue = cue;
    }
  }

  private final Lexicon lex;
  private final Set<String> types;

  public Discoverer(Lexicon lexicon) {
    this(lexicon, Set.of(PERSON, ORGANISATION, PLACE));
  }

  public Discoverer(Lexicon lexicon, Set<String> types) {
    this.lex = lexicon;
    this.types = Set.copyOf(types);
  }

  /** The article's tokens as the discoverer reads them, with the dictionary's mentions laid over. */
  static final class View {
    final String text;
    final Tokenizer.Result r;
    final String[] keys;
    /** The dictionary mention covering each token, or null. */
    final Mention[] dict;
    /** Keys written in lower case somewhere in the article: a capital on them says nothing. */
    final Set<String> lowerSeen = new HashSet<>();
    final boolean[] headline;

    View(AnalyzedArticle a, List<Mention> mentions, Lexicon lex) {
      text = a.getText();
      r = a.tokens();
      int n = r.size();
      keys = new String[n];
      dict = new Mention[n];
      for (int t = 0; t < n; t++) {
        if (r.tokenKind[t] != Tokenizer.PUNCT && r.tokenKind[t] != Tokenizer.HYPHEN) {
          keys[t] = Lexicon.key(text.substring(r.tokenStart[t], r.tokenEnd[t]));
          if (r.tokenKind[t] == Tokenizer.WORD && Character.isLowerCase(text.codePointAt(r.tokenStart[t]))) {
            lowerSeen.add(keys[t]);
          }
        }
      }
      boolean astral = hasSurrogates(text);
      int t = 0;
      List<Mention> sorted = new ArrayList<>(mentions);
      sorted.sort(Comparator.comparingInt(Mention::getStart));
      for (Mention m : sorted) {
        int s = astral ? text.offsetByCodePoints(0, m.getStart()) : m.getStart();
        int e = astral ? text.offsetByCodePoints(0, m.getEnd()) : m.getEnd();
        while (t > 0 && r.tokenEnd[t - 1] > s) {
          t--;
        }
        while (t < n && r.tokenEnd[t] <= s) {
          t++;
        }
        for (int k = t; k < n && r.tokenStart[k] < e; k++) {
          dict[k] = m;
        }
      }
      headline = new boolean[r.sentenceStart.length];
      int sentence = -1;
      int words = 0;
      int lower = 0;
      boolean allCaps = true;
      for (int k = 0; k <= n; k++) {
        int s = k < n ? r.tokenSentence[k] : -2;
        if (s != sentence) {
          if (sentence >= 0) {
            // "Jordan Signs Trade Deal": every word capitalised, so a capital says nothing
            headline[sentence] = allCaps && words >= 3 && lower < 2;
          }
          sentence = s;
          words = 0;
          lower = 0;
          allCaps = true;
        }
        if (k < n && keys[k] != null && r.tokenKind[k] == Tokenizer.WORD) {
          boolean cap = Character.isUpperCase(text.codePointAt(r.tokenStart[k]));
          if (!lex.isCommon(keys[k])) {
            words++;
            allCaps &= cap;
          } else if (!cap) {
            // a headline capitalises its verbs: "Tobias Ellwood said:" in lower case is a sentence
            lower += Lexicon.SAID.contains(keys[k]) ? 2 : 1;
          }
        }
      }
    }

    int size() {
      return r.size();
    }

    String word(int t) {
      return text.substring(r.tokenStart[t], r.tokenEnd[t]);
    }

    boolean same(int a, int b) {
      return a >= 0 && b >= 0 && a < size() && b < size() && r.tokenSentence[a] == r.tokenSentence[b];
    }

    boolean capitalised(int t) {
      return keys[t] != null && (r.tokenKind[t] == Tokenizer.WORD || r.tokenKind[t] == Tokenizer.ABBREVIATION)
          && Character.isUpperCase(text.codePointAt(r.tokenStart[t]));
    }

    boolean allCaps(int t) {
      String w = word(t);
      int letters = 0;
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (Character.isLetter(c)) {
          if (!Character.isUpperCase(c)) {
            return false;
          }
          letters++;
        }
      }
      return letters >= 2;
    }

    /** The first word of its sentence (an opening quote or bullet does not count). */
    boolean sentenceInitial(int t) {
      for (int i = t - 1; i >= 0 && r.tokenSentence[i] == r.tokenSentence[t]; i--) {
        if (keys[i] != null) {
          return false;
        }
      }
      return true;
    }
  }

  /** A typed span over tokens [start, end) with its name part [nameStart, end). */
  static final class Span {
    final int start;
    final int end;
    final int nameStart;
    final String type;
    final String title;
    final String cue;
    String key;
    /** A dictionary person a bare title stands for (then {@link #key} is null). */
    String actor;
    /** Lies inside another span ("Asad" in "the Asad regime"): both are mentions. */
    boolean nested;

    Span(int start, int nameStart, int end, String type, String title, String cue) {
      this.start = start;
      this.nameStart = nameStart;
      this.end = end;
      this.type = type;
      this.title = title;
      this.cue = cue;
    }
  }

  public List<Found> discover(AnalyzedArticle a, List<Mention> dictionaryMentions) {
    if (a.getText() == null || a.getTokenStart() == null) {
      return List.of();
    }
    View v = new View(a, dictionaryMentions, lex);
    List<Span> spans = new ArrayList<>();
    List<int[]> untyped = new ArrayList<>();
    List<int[]> bareTitles = new ArrayList<>();
    boolean[] taken = new boolean[v.size()];
    int t = 0;
    while (t < v.size()) {
      if (!startsRun(v, t)) {
        t++;
        continue;
      }
      int end = runEnd(v, t);
      classifyRun(v, t, end, spans, untyped, bareTitles);
      t = Math.max(end, t + 1);
    }
    // before anything reads them (acronyms, short forms): a cut name would lend its wrong name
    spans.replaceAll(s -> withWordBefore(v, s));
    spans.removeIf(s -> truncated(v, s));
    for (Span s : spans) {
      mark(taken, s);
    }
    lowerHeads(v, spans, taken);
    acronyms(v, spans, taken);
    propagate(v, spans, untyped, taken);
    antecedents(v, spans, bareTitles, taken);
    return found(a, v, spans);
  }

  /**
   * "the Asad regime", "Iraqi security forces", "Assad's brutal regime": a lower-case group word
   * after a name (the dictionary's, or capitalised words of its own) names an organisation.
   */
  /** "Russian military operation": the group word modifies the noun after it. */
  private static boolean modifiesNext(View v, int h) {
    int n = h + 1;
    return n < v.size() && v.same(h, n) && v.keys[n] != null && !v.capitalised(n) && Lexicon.AFTER_MODIFIER.contains(v.keys[n]);
  }

  private void lowerHeads(View v, List<Span> spans, boolean[] taken) {
    for (int h = 1; h < v.size(); h++) {
      // the first word's test first: building the pair for every token cost a tenth of this pass
      if (v.keys[h - 1] == null || !Lexicon.COLLECTIVE_FIRST_WORDS.contains(v.keys[h - 1])) {
        continue;
      }
      String pair = v.keys[h - 1] + " " + v.keys[h];
      if (Lexicon.COLLECTIVES.contains(pair) && v.same(h - 1, h) && !taken[h - 1] && !taken[h] && v.dict[h - 1] == null
          && v.dict[h] == null) {
        Span s = new Span(h - 1, h - 1, h + 1, ORGANISATION, null, "collective");
        s.key = Lexicon.idPart(pair);
        spans.add(s);
        mark(taken, s);
      }
    }
    for (int h = 1; h < v.size(); h++) {
      String k = v.keys[h];
      if (k == null || taken[h] || v.dict[h] != null || v.capitalised(h) || !Lexicon.LOWER_ORG_HEADS.contains(k)
          || modifiesNext(v, h)) {
        continue;
      }
      int t = h - 1;
      if (v.keys[t] != null && Lexicon.ORG_HEAD_MODIFIERS.contains(v.keys[t]) && !v.capitalised(t) && v.dict[t] == null) {
        t--;
      }
      if (t < h - 1 && standaloneGroup(v, t, h, taken)) {
        // "coalition forces", "the regime forces": the modifier alone says whose forces
        Span s = new Span(h - 1, h - 1, h + 1, ORGANISATION, null, "group_word");
        s.key = Lexicon.idPart(v.keys[h - 1] + " " + k);
        spans.add(s);
        mark(taken, s);
        continue;
      }
      if (t >= 0 && v.keys[t] != null && !v.capitalised(t) && v.dict[t] == null && t - 1 >= 0
          && v.r.tokenKind[t - 1] == Tokenizer.POSSESSIVE && ADJECTIVE.matcher(v.keys[t]).matches()
          && !Lexicon.DEMONYM_GROUP_HEADS.contains(k)) { // "Panama's total population" is a figure
        t--; // "Assad's brutal regime"
      }
      if (t >= 0 && v.r.tokenKind[t] == Tokenizer.POSSESSIVE) {
        t--;
      }
      // a capital at a sentence's start says nothing, but "Assad's brutal regime" names a ruler wherever it stands
      boolean possessive = t + 1 < h && v.r.tokenKind[t + 1] == Tokenizer.POSSESSIVE;
      if (t < 0 || !v.same(t, h) || taken[t] || !v.capitalised(t)
          || v.sentenceInitial(t) && v.dict[t] == null && !("regime".equals(k) && possessive)) {
        continue;
      }
      if (Lexicon.DEMONYM_GROUP_HEADS.contains(k) && !("community".equals(k) && v.dict[t] == null) && (v.dict[t] == null || !(Dictionary.DEMONYM.equals(v.dict[t].getMatchKind())
          || "country".equals(v.dict[t].getActorType())))) {
        continue; // "the Syrian people", "Iraqi soldiers": a people's or a state's group only
      }
      int from = t;
      if (v.dict[t] != null) {
        Mention m = v.dict[t];
        while (from - 1 >= 0 && v.dict[from - 1] == m) {
          from--;
        }
        if (m.getRoleId() != null) {
          continue;
        }
      } else {
        while (from - 1 >= 0 && v.same(from - 1, t) && nameWord(v, from - 1) && !taken[from - 1] && t - from < 3) {
          from--;
        }
        if (Lexicon.NOT_NAMES.contains(v.keys[from]) || lex.isCommon(v.keys[from])) {
          continue;
        }
      }
      Span s = new Span(from, from, h + 1, ORGANISATION, null, "group_word");
      s.key = Lexicon.idPart(v.text.substring(v.r.tokenStart[from], v.r.tokenEnd[t]) + " "
          + v.text.substring(v.r.tokenStart[h - (h - 1 > t && !v.keys[h - 1].equals(v.keys[t]) && Lexicon.ORG_HEAD_MODIFIERS.contains(v.keys[h - 1]) ? 1 : 0)], v.r.tokenEnd[h]));
      spans.add(s);
      mark(taken, s);
      if ("regime".equals(k) && v.dict[t] == null && regimeLeader(v, from, t + 1)) {
        // a regime is named after its ruler: "the Asad regime" names the organisation and the man
        Span p = new Span(from, from, t + 1, PERSON, null, "regime_of");
        p.nested = true;
        spans.add(p);
      }
    }
  }

  /** A body's head or lead word among the name's: "National Bureau of Statistics" is no person. */
  private static boolean bodyWord(View v, int from, int to) {
    for (int i = from; i < to; i++) {
      if (v.keys[i] != null && v.capitalised(i) && (Lexicon.ORG_HEADS.contains(v.keys[i]) || Lexicon.ORG_LEADS.contains(v.keys[i]))) {
        return true;
      }
    }
    return false;
  }

  /** "coalition forces", "opposition troops": a group word whose modifier stands for a side in a war. */
  private static boolean standaloneGroup(View v, int before, int h, boolean[] taken) {
    String mod = v.keys[h - 1];
    if (!Lexicon.SIDE_MODIFIERS.contains(mod) || !Lexicon.TROOPS.contains(v.keys[h]) || taken[h - 1]) {
      return false;
    }
    // not when a name or demonym says whose ("Iraqi government forces"): that is the group-word rule's
    return before < 0 || !v.same(before, h) || v.keys[before] == null || !v.capitalised(before)
        || v.sentenceInitial(before) && v.dict[before] == null;
  }

  /**
   * Whether the own words before "regime" are a ruler's name: not an adjective of a creed or people
   * ("Baathist", "Communist", "Stalinist"), which a name before "regime" otherwise often is.
   */
  private boolean regimeLeader(View v, int from, int to) {
    for (int i = from; i < to; i++) {
      String k = v.keys[i];
      if (k == null || v.dict[i] != null || Lexicon.NOT_NAMES.contains(k) || v.lowerSeen.contains(k) || lex.isCommon(k)
          || Lexicon.isTitleHead(k) || CREED.matcher(k).matches()) {
        return false;
      }
    }
    return to - from <= 3;
  }

  private static final java.util.regex.Pattern CREED = java.util.regex.Pattern.compile(".*(ist|ian|ese|ic|ite|ish|ism)");

  private static final java.util.regex.Pattern ADJECTIVE = java.util.regex.Pattern.compile("[a-z]+(al|ive|ous|ic|ful|less|ant|ent|ary|ed|ist)");

  /**
   * A bare title ("The Minister", "the Foreign Secretary") or group word ("the regime") is the
   * nearest person (or organisation) before it in the article whose title, or name, ends in the
   * same word: a title named with a discovered name, or a person the dictionary resolved by role.
   */
  private void antecedents(View v, List<Span> spans, List<int[]> bareTitles, boolean[] taken) {
    List<Span> found = new ArrayList<>();
    // every bare title compares its words with every titled name and title before it: split each once
    // (splitting them anew for each pair was 40 % of the discover pass on long speeches)
    Map<String, Set<String>> wordsOf = new HashMap<>();
    java.util.function.Function<String, Set<String>> titleWords = w -> wordsOf.computeIfAbsent(w, Discoverer::titleWords);
    Map<Integer, List<int[]>> bareAt = new HashMap<>();
    for (int[] b : bareTitles) {
      bareAt.computeIfAbsent(b[0], x -> new ArrayList<>()).add(b);
    }
    // "Foreign Secretary Boris Johnson": a title right before a dictionary person is that person's
    Map<Integer, String> titledDictionary = new HashMap<>();
    List<int[]> bare = new ArrayList<>();
    for (int[] b : bareTitles) {
      int after = b[1];
      if (after + 1 < v.size() && ",".equals(v.word(after)) && v.same(b[0], after + 1)) {
        after++; // "The Foreign Secretary, Boris Johnson, said": the apposition is his title too
      }
      if (after < v.size() && v.same(b[0], after) && v.dict[after] != null && "person".equals(v.dict[after].getActorType())) {
        titledDictionary.put(b[0], v.dict[after].getActorId());
      } else {
        bare.add(b);
      }
    }
    for (int[] b : bare) {
      boolean free = true;
      for (int i = b[0]; i < b[1]; i++) {
        free &= !taken[i];
      }
      String heads = lastWordOfTitle(v, b[0], b[1]);
      // every word of the bare title, not only its head: "the Deputy Foreign Minister" is not the
      // "Deputy Prime Minister" named before
      Set<String> bareWords = new HashSet<>(titleWords.apply(v.text.substring(v.r.tokenStart[b[0]], v.r.tokenEnd[b[1] - 1])));
      bareWords.add(heads);
      int before = b[0] - 1;
      boolean afterThe = before >= 0 && v.same(before, b[0]) && "the".equals(v.keys[before]);
      if (!free || !afterThe || Lexicon.isHonorific(v.keys[b[0]]) || b[1] - b[0] == 1 && "general".equals(v.keys[b[0]])) {
        // "the General" alone is the start of "General Assembly" a line break cut, not a title
        continue; // "Mr. President," and a bare "President" address the chair: they name no one
      }
      if (b[1] < v.size() && v.same(b[0], b[1]) && v.keys[b[1]] != null && Lexicon.CONNECTORS.contains(v.keys[b[1]])) {
        continue; // "the President of the seventy-sixth Assembly": an office it defines, not the one named before
      }
      Span best = null;
      int bestStart = -1;
      for (Span s : spans) {
        if (PERSON.equals(s.type) && s.title != null && s.start < b[0] && s.start > bestStart
            && titleWords.apply(s.title).containsAll(bareWords)) {
          best = s;
          bestStart = s.start;
        }
      }
      String dictPerson = null;
      for (int t = b[0] - 1; t >= 0 && t > bestStart; t--) {
        Mention m = v.dict[t];
        if (m != null && "person".equals(m.getActorType()) && m.getRoleId() != null
            && titleWords.apply(m.getSurface()).containsAll(bareWords)) {
          dictPerson = m.getActorId();
          break;
        }
        for (int[] tb : titledDictionary.containsKey(t) ? bareAt.get(t) : List.<int[]>of()) {
          if (titleWords.apply(v.text.substring(v.r.tokenStart[tb[0]],
              v.r.tokenEnd[tb[1] - 1])).containsAll(bareWords)) {
            dictPerson = titledDictionary.get(t);
          }
        }
        if (dictPerson != null) {
          break;
        }
      }
      String cue = "title_antecedent";
      // only a title of two words or more, not followed by "of": "the President of the session" is an
      // office in a speech, and "the President" the one the speaker addresses
      boolean cataphora = b[1] - b[0] >= 2 && (b[1] >= v.size() || v.keys[b[1]] == null
          || !Lexicon.CONNECTORS.contains(v.keys[b[1]]));
      if (dictPerson == null && best == null && cataphora) {
        // a release may open with "The Foreign Secretary" and name him further down: the nearest
        // person after it with that title
        int nearest = Integer.MAX_VALUE;
        for (Span s : spans) {
          if (PERSON.equals(s.type) && s.title != null && s.start >= b[1] && s.start < nearest
              && titleWords.apply(s.title).containsAll(bareWords)) {
            best = s;
            nearest = s.start;
          }
        }
        for (int[] tb : bareTitles) {
          if (tb[0] >= b[1] && tb[0] < nearest && titledDictionary.containsKey(tb[0])
              && titleWords.apply(v.text.substring(v.r.tokenStart[tb[0]], v.r.tokenEnd[tb[1] - 1])).containsAll(bareWords)) {
            dictPerson = titledDictionary.get(tb[0]);
            nearest = tb[0];
          }
        }
        if (dictPerson != null) {
          best = null;
        }
        cue = "title_postcedent";
      }
      if (dictPerson == null && best == null) {
        continue;
      }
      int from = b[0];
      Span s = new Span(from, from, b[1], PERSON, null, cue);
      if (dictPerson != null) {
        s.key = null;
        s.actor = dictPerson;
      } else {
        s.key = best.key;
      }
      found.add(s);
      mark(taken, s);
    }
    // the last words of the dictionary's organisation names, once per article (the short-form search
    // below would otherwise read the whole article for each "the Council")
    Map<String, List<Integer>> dictionaryHeads = new HashMap<>();
    for (int i = 1; i < v.size(); i++) {
      Mention m = v.dict[i];
      if (m != null && v.dict[i - 1] == m && v.keys[i] != null && (i + 1 >= v.size() || v.dict[i + 1] != m)
          && !"person".equals(m.getActorType()) && !"country".equals(m.getActorType()) && m.getRoleId() == null) {
        dictionaryHeads.computeIfAbsent(v.keys[i], x -> new ArrayList<>()).add(i);
      }
    }
    // "the regime": the nearest organisation before it with that group word
    for (int h = 1; h < v.size(); h++) {
      String k = v.keys[h];
      // "the Coalition's strategy": a capitalised head word alone, as a short form of a name in the article
      boolean shortName = k != null && v.capitalised(h) && Lexicon.ORG_HEADS.contains(k) && !Lexicon.NOT_SHORT_NAMES.contains(k)
          && !(h + 1 < v.size() && v.keys[h + 1] != null && Lexicon.CONNECTORS.contains(v.keys[h + 1])) // "the Union of Soviet …"
          && (h + 1 >= v.size() || !v.same(h, h + 1) || !v.capitalised(h + 1));
      if (k == null || taken[h] || v.dict[h] != null || v.capitalised(h) && !shortName
          || !Lexicon.LOWER_ORG_HEADS.contains(k) && !shortName
          || !"the".equals(v.keys[h - 1]) || Lexicon.DEMONYM_GROUP_HEADS.contains(k) && !Lexicon.BARE_GROUPS.contains(k)) {
        continue; // "the people", "the leaders": too many groups are that to say which
      }
      if (shortName) {
        String actor = null;
        int at = -1;
        for (int i : dictionaryHeads.getOrDefault(k, List.of())) {
          // the dictionary's organisation whose name ends in the word, the nearest before, else after
          if (at < 0 || i < h || at > h && i < at) {
            actor = v.dict[i].getActorId();
            at = i;
          }
        }
        if (actor != null) {
          Span s = new Span(h, h, h + 1, ORGANISATION, null, "group_antecedent");
          s.actor = actor;
          found.add(s);
          taken[h] = true;
          continue;
        }
      }
      Span best = null;
      for (Span s : spans) {
        if (ORGANISATION.equals(s.type) && s.end <= h && v.keys[s.end - 1] != null && v.keys[s.end - 1].equals(k)
            && (best == null || s.start > best.start)) {
          best = s;
        }
      }
      for (Span s : spans) {
        // "The regime and its backers …", the Asad regime named further down
        if (ORGANISATION.equals(s.type) && s.start > h && v.keys[s.end - 1] != null && v.keys[s.end - 1].equals(k)
            && s.end - s.start >= 2 && (best == null || best.start > h && s.start < best.start)) {
          best = s;
        }
      }
      if (best != null) {
        Span s = new Span(h, h, h + 1, ORGANISATION, null, "group_antecedent");
        s.key = best.key;
        found.add(s);
        taken[h] = true;
      }
    }
    spans.addAll(found);
  }

  /** The title's own last word ("Secretary" of "The Foreign Secretary"), folded. */
  private static String lastWordOfTitle(View v, int from, int to) {
    return Lexicon.stripDot(v.keys[to - 1]);
  }

  private static Set<String> titleWords(String title) {
    Set<String> out = new HashSet<>();
    for (String w : title.split("[\\s\\-]+")) {
      out.add(Lexicon.stripDot(Lexicon.key(w)));
    }
    return out;
  }

  private static void mark(boolean[] taken, Span s) {
    for (int i = s.start; i < s.end; i++) {
      taken[i] = true;
    }
  }

  /** A capitalised, uncovered word that may open a name (or "al-" before one). */
  private boolean startsRun(View v, int t) {
    if (v.keys[t] == null || v.headline[v.r.tokenSentence[t]]) {
      return false;
    }
    if (nameWord(v, t)) {
      return true;
    }
    // "al-Zarqawi": a lower-case particle joined by a hyphen to a name word
    return v.dict[t] == null && Lexicon.ARABIC_NAME_PARTICLES.contains(v.keys[t]) && t + 2 < v.size()
        && v.r.tokenKind[t + 1] == Tokenizer.HYPHEN && v.same(t, t + 2) && nameWord(v, t + 2);
  }

  /** An uncovered capitalised word that is not a common word. */
  boolean nameWord(View v, int t) {
    return v.dict[t] == null && v.capitalised(t)
        && (!lex.isCommon(v.keys[t]) || Lexicon.isHonorific(v.keys[t]) || Lexicon.isTitleHead(v.keys[t]));
  }

  /** A token a run may pass through: a dictionary mention that is no person (a country, a demonym, the UN). */
  private static boolean modifier(View v, int t) {
    Mention m = v.dict[t];
    return m != null && !"person".equals(m.getActorType()) && m.getRoleId() == null && v.capitalised(t);
  }

  /** Shortest line that a single line break ends inside hard-wrapped prose (Reuters wraps at about 70). */
  static final int WRAPPED_LINE_CHARS = 50;

  /**
   * Whether the gap between two tokens keeps them in one run: no line break, or a single one that
   * ends a long line (prose wrapped at a fixed width: "trade representative Clayton⏎Yeutter", a
   * name Reuters-21578 cut 1 in 5 times). A short line is a heading or a form of address.
   */
  static boolean sameLine(String text, int from, int to) {
    int nl = text.indexOf('\n', from);
    if (nl < 0 || nl >= to) {
      return true;
    }
    int again = text.indexOf('\n', nl + 1);
    if (again >= 0 && again < to) {
      return false;
    }
    return nl - (text.lastIndexOf('\n', nl - 1) + 1) >= WRAPPED_LINE_CHARS;
  }

  /** The end (exclusive) of the run of name words that starts at t. */
  private int runEnd(View v, int t) {
    int n = v.size();
    int j = t + 1;
    int last = t;
    while (j < n && v.same(t, j) && j - t < MAX_RUN_TOKENS) {
      String k = v.keys[j];
      if (!sameLine(v.text, v.r.tokenEnd[j - 1], v.r.tokenStart[j])) {
        break; // "Mr. President\nDevastated by …": a heading or form of address, then the text
      }
      if (nameWord(v, j) || modifier(v, j)) {
        last = j++;
      } else if (v.r.tokenKind[j] == Tokenizer.HYPHEN && v.r.tokenStart[j] == v.r.tokenEnd[j - 1] && j + 1 < n
          && v.same(j, j + 1) && v.r.tokenStart[j + 1] == v.r.tokenEnd[j] && v.keys[j + 1] != null
          && v.dict[j + 1] == null && (nameWord(v, j + 1) || Character.isLetter(v.text.charAt(v.r.tokenStart[j + 1])))) {
        j++; // "al-Zarqawi", "Al-Ja'afari", "Prime Minister-designate"
      } else if (k != null && v.dict[j] == null && Lexicon.PARTICLES.contains(k) && !v.capitalised(j) && j + 1 < n
          && v.same(j, j + 1) && (nameWord(v, j + 1) || v.r.tokenKind[j + 1] == Tokenizer.HYPHEN)) {
        j++; // "de Mistura", "al Abadi", "bin Laden"
      } else if (k != null && v.dict[j] == null && Lexicon.CONNECTORS.contains(k) && !v.capitalised(j)
          && (orgLead(v, j - 1) || (j - 1 >= 0 && v.capitalised(j - 1) && Lexicon.isTitleHead(v.keys[j - 1])))) {
        int after = j + 1;
        if (after < n && "the".equals(v.keys[after]) && !v.capitalised(after)) {
          after++;
        }
        if (after < n && v.same(t, after) && (nameWord(v, after) || modifier(v, after))) {
          j = after; // "Ministry of Higher Education", "Army of the Victorious Sect"
        } else {
          break;
        }
      } else {
        break;
      }
    }
    return last + 1;
  }

  private static boolean orgLead(View v, int t) {
    return t >= 0 && v.keys[t] != null && v.capitalised(t)
        && (Lexicon.ORG_LEADS.contains(v.keys[t]) || Lexicon.ORG_HEADS.contains(v.keys[t]));
  }

  private static boolean orgHead(View v, int t) {
    return v.dict[t] == null && v.keys[t] != null && v.capitalised(t) && Lexicon.ORG_HEADS.contains(v.keys[t]);
  }

  private void classifyRun(View v, int start, int end, List<Span> spans, List<int[]> untyped, List<int[]> bareTitles) {
    // an organisation: ends in a head word, or opens with a lead word and "of"/"for", or an Arabic group word
    int last = end - 1;
    boolean hasOwn = false;
    for (int i = start; i < end; i++) {
      hasOwn |= v.dict[i] == null && v.keys[i] != null && v.capitalised(i) && !orgHead(v, i);
    }
    int from = start;
    if (from > 0 && modifierBefore(v, from)) {
      from--;
      // the whole of the dictionary's name, not its last word: "United Nations Integrated … Mission"
      Mention before = v.dict[from];
      while (from - 1 >= 0 && v.dict[from - 1] == before) {
        from--;
      }
      if ("the".equals(v.keys[from])) {
        from++;
      }
    }
    int o = start < end - 1 && Lexicon.isHonorific(v.keys[start]) ? start + 1 : start; // "Mr President of …"
    boolean office = Lexicon.isTitleHead(v.keys[o]) && !Lexicon.ORG_LEADS.contains(v.keys[o])
        && o + 1 < end && Lexicon.CONNECTORS.contains(v.keys[o + 1]);
    if ("bank".equals(v.keys[last]) && last > start && Lexicon.COMPASS.contains(v.keys[last - 1])) {
      spans.add(new Span(last - 1, last - 1, end, PLACE, null, "place_head")); // "West Bank"
      return;
    }
    if (orgHead(v, last) && (end - start >= 2 || hasOwn || from < start) && !office) {
      int s = from;
      while (s < last && v.keys[s] != null && (Lexicon.NOT_NAMES.contains(v.keys[s]) && v.sentenceInitial(s))) {
        s++;
      }
      if (last - s >= 1) {
        spans.add(new Span(s, s, end, ORGANISATION, null, "org_head"));
        return;
      }
    }
    if (v.dict[start] == null && v.keys[start] != null
        && (Lexicon.ARABIC_ORG_LEADS.contains(v.keys[start]) || (orgLead(v, start) && end - start >= 3
            && Lexicon.CONNECTORS.contains(v.keys[start + 1])))) {
      spans.add(new Span(start, start, end, ORGANISATION, null, "org_lead"));
      return;
    }
    for (int l = start + 1; l + 2 < end && l - start <= 2; l++) {
      // "Federal Government of Iraq", "Higher Council for …": a lead word and "of" after a modifier
      if (v.dict[l] == null && orgLead(v, l) && Lexicon.CONNECTORS.contains(v.keys[l + 1]) && modifiersOnly(v, start, l)) {
        spans.add(new Span(start, start, end, ORGANISATION, null, "org_lead"));
        return;
      }
    }
    // split at the dictionary's own mentions: what lies between is typed on its own
    int i = start;
    while (i < end) {
      if (v.dict[i] != null) {
        i++;
        continue;
      }
      int j = i;
      while (j < end && v.dict[j] == null) {
        j++;
      }
      classifyPart(v, i, j, spans, untyped, bareTitles);
      i = j;
    }
  }

  /** Capitalised words before an organisation's lead word, none a title, a name's particle or a sentence opener. */
  private static boolean modifiersOnly(View v, int from, int to) {
    for (int i = from; i < to; i++) {
      String k = v.keys[i];
      if (k == null || v.dict[i] != null || !v.capitalised(i) || Lexicon.isTitleHead(k) || Lexicon.isHonorific(k)
          || Lexicon.OPENERS.contains(k) || Lexicon.NOT_NAMES.contains(k) && v.sentenceInitial(i)) {
        return false;
      }
    }
    return true;
  }

  /** A run of title words only ("Foreign Office", "Prime Minister"): an office, not a name. */
  private static boolean titleOnly(View v, int start, int end) {
    return false;
  }

  /** A country, demonym or capital right before a run (kept with an organisation: "Iraqi Army"). */
  private static boolean modifierBefore(View v, int t) {
    return v.same(t - 1, t) && modifier(v, t - 1) && v.r.tokenEnd[t - 1] < v.r.tokenStart[t];
  }

  private void classifyPart(View v, int start, int end, List<Span> spans, List<int[]> untyped, List<int[]> bareTitles) {
    // a sentence opener before a title or name ("Later Mr McGurk", "However, ...")
    while (start < end - 1 && v.keys[start] != null && Lexicon.OPENERS.contains(v.keys[start])) {
      start++;
    }
    // the title: up to the last title word or honorific that still leaves a name after it
    int nameStart = start;
    for (int i = start; i < end - 1; i++) {
      String k = v.keys[i];
      if (k != null && (Lexicon.isTitleHead(k) || Lexicon.isHonorific(k))
          && !("general".equals(k) && (i == start || !Lexicon.isTitleHead(v.keys[i - 1])
              && !(i - 2 >= start && v.keys[i - 1] == null && Lexicon.isTitleHead(v.keys[i - 2]))))) {
        // "Secretary-General Dag Hammarskjold": the hyphen joins "General" to its title word
        nameStart = i + 1; // "General" only in "Major General", "Secretary General": else "General Assembly"
      }
    }
    while (nameStart < end && v.keys[nameStart] == null) {
      nameStart++;
    }
    // "Minister for the Middle East Tobias Ellwood": after a title's "for"/"of", the body runs on
    // and the name is the last two words (with their particles)
    for (int i = start; i < nameStart; i++) {
      if (v.keys[i] != null && Lexicon.CONNECTORS.contains(v.keys[i]) && !v.capitalised(i)) {
        nameStart = -1;
        break;
      }
    }
    if (nameStart >= 0) {
      for (int i = start; i < end; i++) {
        if (v.keys[i] != null && Lexicon.CONNECTORS.contains(v.keys[i]) && !v.capitalised(i) && i > start
            && Lexicon.isTitleHead(v.keys[i - 1])) {
          nameStart = -1;
          break;
        }
      }
    }
    if (nameStart < 0) {
      int k = end;
      int words = 0;
      while (k > start && words < 2) {
        k--;
        if (v.keys[k] != null && Lexicon.CONNECTORS.contains(v.keys[k]) && !v.capitalised(k)) {
          k++;
          break;
        }
        if (v.keys[k] != null && v.capitalised(k)) {
          words++;
        }
      }
      while (k > start && v.keys[k - 1] != null && Lexicon.PARTICLES.contains(v.keys[k - 1]) && !v.capitalised(k - 1)) {
        k--;
      }
      int body = start;
      for (int i = start; i < k; i++) {
        if (v.keys[i] != null && Lexicon.CONNECTORS.contains(v.keys[i]) && !v.capitalised(i)) {
          body = i + 1;
        }
      }
      if (body < k && "the".equals(v.keys[body])) {
        body++;
      }
      if (words < 2 || k <= body) {
        // "Minister for Foreign Affairs", "Minister for the Middle East": all office, no name
        if (Lexicon.isTitleHead(v.keys[start])) {
          bareTitles.add(new int[] {start, end});
        }
        return;
      }
      nameStart = k;
    }
    // leading words that are no part of a name ("However", "Yesterday"), when they open the sentence
    int s = nameStart;
    if (nameStart == start) {
      while (s < end - 1 && v.keys[s] != null && (Lexicon.NOT_NAMES.contains(v.keys[s])
          || (v.sentenceInitial(s) && v.lowerSeen.contains(v.keys[s])))) {
        s++;
      }
      nameStart = s;
      start = s;
    }
    if (nameStart >= end || nameTokens(v, nameStart, end) > MAX_NAME_TOKENS) {
      return;
    }
    if (v.keys[end - 1] != null && Lexicon.isTitleHead(v.keys[end - 1]) && !Lexicon.isHonorific(v.keys[end - 1])
        && !surnameAfterGivenName(v, nameStart, end)) {
      bareTitles.add(new int[] {start, end}); // "The Foreign Secretary", "the Minister"
      return;
    }
    for (int i = nameStart; i < end; i++) {
      if (v.keys[i] != null && (Lexicon.NOT_NAMES.contains(v.keys[i]) || Lexicon.isTitleHead(v.keys[i]))
          && nameTokens(v, nameStart, end) == 1) {
        return;
      }
    }
    int words = nameTokens(v, nameStart, end);
    int ordinary = ordinaryWords(v, nameStart, end) - (surnameAfterGivenName(v, nameStart, end) ? 1 : 0);
    if (ordinary * 2 >= words || Lexicon.CONNECTORS.contains(v.keys[end - 1])) {
      return; // "Climate", "Member States", "Heads": words the article also writes in lower case
    }
    String title = nameStart > start ? v.text.substring(v.r.tokenStart[start], v.r.tokenEnd[nameStart - 1]) : null;
    if (title != null && (bodyWord(v, nameStart, end) || words == 1 && Lexicon.KINSHIP_TITLES.contains(Lexicon.stripDot(v.keys[nameStart - 1])))) {
      // "Chairman of the Al-Quds Committee", "the sister State": a body, or a word that names no one
      return;
    }
    if (title != null) {
      spans.add(new Span(start, nameStart, end, PERSON, title, "title"));
      return;
    }
    // a dictionary role right before whose holder is not the named one
    int before = start - 1;
    if (before >= 0 && v.same(before, start) && v.dict[before] != null && v.dict[before].getRoleId() != null) {
      Mention role = v.dict[before];
      spans.add(new Span(start, start, end, PERSON, role.getSurface(), "role"));
      return;
    }
    int comma = words >= 2 ? titleCommaBefore(v, start) : -1;
    if (comma >= 0) {
      // one mention over title and name, as the dictionary's role mentions are
      spans.add(new Span(comma, start, end, PERSON, v.text.substring(v.r.tokenStart[comma], v.r.tokenEnd[start - 2]), "title"));
      return;
    }
    if (start > 0 && v.same(start - 1, start) && v.keys[start - 1] != null && Lexicon.BEFORE_NAME.contains(v.keys[start - 1])
        && words >= 2) {
      spans.add(new Span(start, start, end, PERSON, null, "born"));
      return;
    }
    if (copulaTitleAfter(v, end)) {
      spans.add(new Span(start, start, end, PERSON, null, "apposition"));
      return;
    }
    int kind = start - 1;
    if (kind >= 0 && v.same(kind, start) && v.keys[kind] != null && !v.capitalised(kind) && v.dict[kind] == null
        && Lexicon.ORG_KINDS.contains(v.keys[kind])) {
      // "the German company Züblin", "the militia Kataib Hezbollah": the kind of body, then its name
      spans.add(new Span(start, start, end, ORGANISATION, null, "org_kind"));
      return;
    }
    String lower = lowerTitleBefore(v, start);
    if (lower != null && words == 1 && Lexicon.KINSHIP_TITLES.contains(v.keys[start - 1])) {
      return; // "our sister Maghreb country"
    }
    if (lower != null) {
      spans.add(new Span(start, start, end, PERSON, lower, "title"));
      return;
    }
    String place = placeCue(v, start, end);
    if (place != null) {
      spans.add(new Span(start, start, end, PLACE, null, place));
      return;
    }
    if (words >= 2 && appositionAfter(v, end)) {
      spans.add(new Span(start, start, end, PERSON, null, "apposition"));
      return;
    }
    if (words >= 2 && saidNear(v, start, end)) {
      spans.add(new Span(start, start, end, PERSON, null, "said"));
      return;
    }
    if (words >= 2 && words <= 3 && lex.givenNames.contains(v.keys[start]) && !v.lowerSeen.contains(v.keys[end - 1])) {
      // at most three words: "Bill Prohibiting Child Marriage" is a bill
      spans.add(new Span(start, start, end, PERSON, null, "given_name"));
      return;
    }
    if (words >= 2 && arabicName(v, start, end)) {
      spans.add(new Span(start, start, end, PERSON, null, "arabic_name"));
      return;
    }
    untyped.add(new int[] {start, end});
  }

  /**
   * "Julie Bishop", "Theresa May": a last word that is a title or a common word is a surname when a
   * given name the dictionary's people have comes right before it.
   */
  private boolean surnameAfterGivenName(View v, int nameStart, int end) {
    int g = end - 2;
    return g >= nameStart && v.keys[g] != null && v.capitalised(g) && v.capitalised(end - 1) && !Lexicon.isTitleHead(v.keys[g])
        && (lex.givenNames.contains(v.keys[g])
            // after a title, a word that is nobody's title or common word: "Foreign Minister Julie Bishop"
            || Lexicon.TITLE_SURNAMES.contains(v.keys[end - 1])
                && g > 0 && v.keys[g - 1] != null && Lexicon.isTitleHead(v.keys[g - 1]) && !lex.isCommon(v.keys[g])
                && !v.lowerSeen.contains(v.keys[g]) && !Lexicon.NOT_NAMES.contains(v.keys[g]) && v.dict[g] == null);
  }

  /** Name words the article also writes in lower case, or that are titles, honorifics or no names. */
  private int ordinaryWords(View v, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      String k = v.keys[i];
      if (k != null && v.capitalised(i) && (v.lowerSeen.contains(k) || lex.isCommon(k) || Lexicon.isHonorific(k)
          || Lexicon.NOT_NAMES.contains(k) || (Lexicon.isTitleHead(k) && !"general".equals(k)))) {
        n++;
      }
    }
    return n;
  }

  private static int nameTokens(View v, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (v.keys[i] != null && !(Lexicon.PARTICLES.contains(v.keys[i]) && !v.capitalised(i))) {
        n++;
      }
    }
    return n;
  }

  /** A lower-case title right before the name ("the spokesman", "Swedish citizen"), as written. */
  private static String lowerTitleBefore(View v, int start) {
    int t = start - 1;
    if (t < 0 || !v.same(t, start) || v.keys[t] == null || v.capitalised(t) || v.dict[t] != null) {
      return null;
    }
    String k = v.keys[t];
    if (!Lexicon.isTitleHead(k) || Lexicon.CAPITAL_ONLY_TITLES.contains(k)) {
      return null;
    }
    int from = t;
    // its modifiers: a demonym, adjectives ("the Swedish citizen", "senior Iraqi general")
    while (from - 1 >= 0 && v.same(from - 1, t) && v.keys[from - 1] != null && t - from < 3
        && !"the".equals(v.keys[from - 1]) && !"a".equals(v.keys[from - 1]) && !"an".equals(v.keys[from - 1])
        && (v.dict[from - 1] != null || v.capitalised(from - 1))) {
      from--;
    }
    return v.text.substring(v.r.tokenStart[from], v.r.tokenEnd[t]);
  }

  /**
   * "Foreign Office Minister, Tobias Ellwood, said": a capitalised title ending in a title word,
   * then a comma, right before the name; the title as written.
   */
  private static int titleCommaBefore(View v, int start) {
    int c = start - 1;
    if (c < 1 || !",".equals(v.word(c)) || !v.same(c, start)) {
      return -1;
    }
    int t = c - 1;
    int from = t;
    boolean head = false;
    while (from >= 0 && v.same(from, c) && v.keys[from] != null && c - from <= 8
        && (v.capitalised(from) || Lexicon.CONNECTORS.contains(v.keys[from]) || "the".equals(v.keys[from]))) {
      head |= Lexicon.isTitleHead(v.keys[from]) && v.capitalised(from);
      from--;
    }
    from++;
    while (from < t && !v.capitalised(from)) {
      from++;
    }
    if (!head || from > t || !v.capitalised(from)) {
      return -1;
    }
    // the phrase must start its sentence or follow "the"/"a" or a comma: a title, not the tail of a clause
    boolean opens = v.sentenceInitial(from) || (from > 0 && v.keys[from - 1] != null
        && (v.keys[from - 1].equals("the") || v.keys[from - 1].equals("a") || v.keys[from - 1].equals("an")))
        || (from > 0 && (",".equals(v.word(from - 1)) || ":".equals(v.word(from - 1))));
    if (!opens) {
      return -1;
    }
    for (int i = from; i <= t; i++) {
      if (v.dict[i] != null && v.dict[i].getRoleId() != null) {
        return -1; // the dictionary's role: its mention stays
      }
    }
    return from;
  }

  /** "Qanbar was a commander", "X is the head of …": a copula, an article, then a title word. */
  private static boolean copulaTitleAfter(View v, int end) {
    int t = end;
    if (t + 1 >= v.size() || !v.same(end - 1, t) || v.keys[t] == null || !Lexicon.COPULAS.contains(v.keys[t])) {
      return false;
    }
    t++;
    if (v.keys[t] == null || !(v.keys[t].equals("a") || v.keys[t].equals("an") || v.keys[t].equals("the"))) {
      return false;
    }
    for (int i = t + 1; i < Math.min(v.size(), t + 4) && v.same(end, i); i++) {
      if (v.keys[i] == null) {
        return false;
      }
      if (Lexicon.isTitleHead(v.keys[i]) && !Lexicon.CAPITAL_ONLY_TITLES.contains(v.keys[i])
          && !Lexicon.NOT_PERSON_AFTER_COPULA.contains(v.keys[i])) {
        return true;
      }
    }
    return false;
  }

  /** ", the Iraqi commander", ", a spokesman for …", ", who …", ", 45,". */
  private static boolean appositionAfter(View v, int end) {
    if (end >= v.size() || !",".equals(v.word(end)) || !v.same(end - 1, end)) {
      return false;
    }
    int t = end + 1;
    if (t < v.size() && "who".equals(v.keys[t])) {
      return true;
    }
    if (t + 1 < v.size() && v.r.tokenKind[t] == Tokenizer.NUMBER && ",".equals(v.word(t + 1))) {
      return true; // an age
    }
    if (t < v.size() && v.keys[t] != null && (v.keys[t].equals("the") || v.keys[t].equals("a") || v.keys[t].equals("an")
        || v.keys[t].equals("his") || v.keys[t].equals("her"))) {
      t++;
    }
    for (int i = t; i < Math.min(v.size(), t + 4) && v.same(end, i); i++) {
      if (v.keys[i] == null) {
        return false;
      }
      if (Lexicon.isTitleHead(v.keys[i]) && !Lexicon.CAPITAL_ONLY_TITLES.contains(v.keys[i])) {
        return true;
      }
    }
    return false;
  }

  /**
   * A verb of saying right after the name, or right before it ("…, said Brett McGurk"), or after the
   * comma closing an apposition ("A local physician, Zahid Mohammed Rawi, said").
   */
  private static boolean saidNear(View v, int start, int end) {
    if (end < v.size() && v.same(start, end) && v.keys[end] != null && Lexicon.SAID.contains(v.keys[end])) {
      return true;
    }
    if (start >= 1 && end + 1 < v.size() && v.same(start - 1, end + 1) && ",".equals(v.word(start - 1))
        && ",".equals(v.word(end)) && v.keys[end + 1] != null && Lexicon.SAID.contains(v.keys[end + 1])) {
      return true;
    }
    int b = start - 1;
    return b >= 0 && v.same(b, start) && v.keys[b] != null && Lexicon.SAID.contains(v.keys[b]);
  }

  private static boolean arabicName(View v, int start, int end) {
    String first = v.keys[start];
    if (first != null && (first.equals("al") || first.equals("el") || first.equals("ar") || first.equals("as"))) {
      return false; // "Al Anbar", "Al-Raqqa": places and tribes open with the article, people do not
    }
    for (int i = start; i < end; i++) {
      String k = v.keys[i];
      if (k != null && Lexicon.ARABIC_NAME_PARTICLES.contains(k) && i + 1 < end) {
        return true;
      }
    }
    return false;
  }

  /** "Hibhib Village", "the town of Baquba", "Anbar Province". */
  private static String placeCue(View v, int start, int end) {
    String last = v.keys[end - 1];
    boolean modifies = end < v.size() && v.same(end - 1, end) && v.keys[end] != null && !v.capitalised(end)
        && Lexicon.PLACE_MODIFIED.contains(v.keys[end]); // "Pacific Island countries"
    if (end - start >= 2 && Lexicon.PLACE_HEADS.contains(last) && !"state".equals(last) && !modifies) {
      return "place_head";
    }
    int b = start - 1;
    if (b >= 1 && "of".equals(v.keys[b]) && v.same(b - 1, start) && v.keys[b - 1] != null
        && Lexicon.PLACE_NOUNS.contains(v.keys[b - 1]) && !v.capitalised(b - 1)) {
      return "place_noun";
    }
    return null;
  }

  /** "(OFAC)" after an organisation: the acronym is that organisation, here and later in the article. */
  private void acronyms(View v, List<Span> spans, boolean[] taken) {
    Map<String, Span> defined = new HashMap<>();
    List<Span> added = new ArrayList<>();
    for (Span s : spans) {
      if (!ORGANISATION.equals(s.type)) {
        continue;
      }
      int p = s.end;
      if (p + 2 < v.size() && "(".equals(v.word(p)) && v.allCaps(p + 1) && ")".equals(v.word(p + 2))
          && v.dict[p + 1] == null) {
        defined.put(v.keys[p + 1], s);
        Span a = new Span(p + 1, p + 1, p + 2, ORGANISATION, null, "acronym");
        a.key = key(v, s);
        added.add(a);
      }
    }
    // "al-Qaeda in Iraq (AQI)": an organisation the dictionary knows by its name, not by this acronym
    Map<String, String> definedByDictionary = new HashMap<>();
    for (int p = 1; p + 2 < v.size(); p++) {
      Mention m = v.dict[p - 1];
      if (m != null && "(".equals(v.word(p)) && v.allCaps(p + 1) && ")".equals(v.word(p + 2)) && v.dict[p + 1] == null
          && !taken[p + 1] && !"person".equals(m.getActorType()) && !"country".equals(m.getActorType())
          && m.getRoleId() == null && v.capitalised(p - 1)) {
        definedByDictionary.putIfAbsent(v.keys[p + 1], m.getActorId());
      }
    }
    // "al-Qaeda in Iraq (AQI)": a branch the dictionary names by its parts; the acronym is the whole
    Map<String, String> definedBranch = new HashMap<>();
    for (int p = 3; p + 2 < v.size(); p++) {
      Mention place = v.dict[p - 1];
      Mention org = v.dict[p - 3];
      if (place != null && org != null && "(".equals(v.word(p)) && v.allCaps(p + 1) && ")".equals(v.word(p + 2))
          && v.dict[p + 1] == null && !taken[p + 1] && "country".equals(place.getActorType()) && v.keys[p - 2] != null
          && (v.keys[p - 2].equals("in") || v.keys[p - 2].equals("of")) && !"person".equals(org.getActorType())
          && !"country".equals(org.getActorType()) && org.getRoleId() == null) {
        int from = p - 3;
        while (from > 0 && v.dict[from - 1] == org) {
          from--;
        }
        definedBranch.putIfAbsent(v.keys[p + 1], Lexicon.idPart(v.text.substring(v.r.tokenStart[from], v.r.tokenEnd[p - 1])));
      }
    }
    if (defined.isEmpty() && definedByDictionary.isEmpty() && definedBranch.isEmpty()) {
      return;
    }
    for (Span a : added) {
      mark(taken, a);
    }
    for (int t = 0; t < v.size(); t++) {
      if (taken[t] || v.dict[t] != null || v.keys[t] == null || !v.allCaps(t)) {
        continue;
      }
      if (defined.containsKey(v.keys[t])) {
        Span a = new Span(t, t, t + 1, ORGANISATION, null, "acronym");
        a.key = key(v, defined.get(v.keys[t]));
        added.add(a);
        taken[t] = true;
      } else if (definedBranch.containsKey(v.keys[t])) {
        Span a = new Span(t, t, t + 1, ORGANISATION, null, "acronym");
        a.key = definedBranch.get(v.keys[t]);
        added.add(a);
        taken[t] = true;
      } else if (definedByDictionary.containsKey(v.keys[t])) {
        Span a = new Span(t, t, t + 1, ORGANISATION, null, "acronym");
        a.actor = definedByDictionary.get(v.keys[t]);
        added.add(a);
        taken[t] = true;
      }
    }
    spans.addAll(added);
  }

  /**
   * The forms of one name in the article: a part of a typed name (a surname, "McGurk") is that
   * name; a run typed nowhere takes the type of the same name typed elsewhere in the article.
   */
  private void propagate(View v, List<Span> spans, List<int[]> untyped, boolean[] taken) {
    Map<String, Span> byLast = new HashMap<>();
    Map<String, Span> byKey = new HashMap<>();
    for (Span s : spans) {
      if (s.key == null) {
        s.key = key(v, s);
      }
    }
    // persons: the longest name wins each surname
    for (Span s : spans) {
      if (PERSON.equals(s.type)) {
        String last = lastName(v, s.nameStart, s.end);
        Span had = byLast.get(last);
        if (had == null || nameTokens(v, had.nameStart, had.end) < nameTokens(v, s.nameStart, s.end)) {
          byLast.put(last, s);
        }
      }
      byKey.putIfAbsent(s.key, s);
    }
    for (Span s : spans) {
      if (PERSON.equals(s.type)) {
        Span longest = byLast.get(lastName(v, s.nameStart, s.end));
        if (longest != s && contains(v, longest, s)) {
          s.key = longest.key;
        }
      }
    }
    // "Alsumaria" after "Alsumaria News": an organisation's own first word alone is its short form
    Map<String, Span> byFirst = new HashMap<>();
    for (Span s : spans) {
      int f = s.nameStart;
      if (ORGANISATION.equals(s.type) && s.key != null && s.end - f == 2 && orgHead(v, s.end - 1)
          && Lexicon.SHORTENED_HEADS.contains(v.keys[s.end - 1]) && v.dict[f] == null
          && v.capitalised(f) && !lex.isCommon(v.keys[f]) && !v.lowerSeen.contains(v.keys[f])
          && !Lexicon.NOT_NAMES.contains(v.keys[f]) && !Lexicon.isTitleHead(v.keys[f])) {
        byFirst.putIfAbsent(v.keys[f], s);
      }
    }
    List<Span> more = new ArrayList<>();
    for (int[] u : untyped) {
      boolean free = true;
      for (int i = u[0]; i < u[1]; i++) {
        free &= !taken[i];
      }
      if (!free) {
        continue;
      }
      String k = keyOf(v, u[0], u[1]);
      Span same = byKey.get(k);
      if (same == null && u[1] - u[0] == 1 && !v.lowerSeen.contains(v.keys[u[0]])) {
        Span p = byLast.get(stripArabic(v.keys[u[0]]));
        if (p != null) {
          same = p;
        } else {
          same = byFirst.get(v.keys[u[0]]);
        }
      } else if (same == null && nameTokens(v, u[0], u[1]) >= 1) {
        Span p = byLast.get(lastName(v, u[0], u[1]));
        if (p != null && containsTokens(v, p, u[0], u[1])) {
          same = p;
        }
      }
      if (same != null) {
        Span s = new Span(u[0], u[0], u[1], same.type, null, "same_name");
        s.key = byLast.containsValue(same) && PERSON.equals(same.type) ? byLast.get(lastName(v, same.nameStart, same.end)).key : same.key;
        more.add(s);
        for (int i = u[0]; i < u[1]; i++) {
          taken[i] = true;
        }
      }
    }
    spans.addAll(more);
  }

  /** Whether the name of {@code shorter} is a sub-sequence of {@code longer}'s name words. */
  private static boolean contains(View v, Span longer, Span shorter) {
    return containsTokens(v, longer, shorter.nameStart, shorter.end);
  }

  private static boolean containsTokens(View v, Span longer, int from, int to) {
    int j = longer.nameStart;
    for (int i = from; i < to; i++) {
      if (v.keys[i] == null || Lexicon.PARTICLES.contains(v.keys[i])) {
        continue;
      }
      String k = stripArabic(v.keys[i]);
      while (j < longer.end && (v.keys[j] == null || !stripArabic(v.keys[j]).equals(k))) {
        j++;
      }
      if (j >= longer.end) {
        return false;
      }
      j++;
    }
    return true;
  }

  private static String lastName(View v, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (v.keys[i] != null && !Lexicon.PARTICLES.contains(v.keys[i])) {
        return stripArabic(v.keys[i]);
      }
    }
    return "";
  }

  /** "al-" and "el-" are written or left out: "Zarqawi" is "al-Zarqawi". */
  private static String stripArabic(String k) {
    return k;
  }

  static String key(View v, Span s) {
    return keyOf(v, s.nameStart, s.end);
  }

  /** The name's words as an id fragment ("brett_mcgurk"), with a leading "the" left out. */
  static String keyOf(View v, int from, int to) {
    if (from < to && "the".equals(v.keys[from])) {
      from++;
    }
    if (from >= to) {
      return "";
    }
    return Lexicon.idPart(v.text.substring(v.r.tokenStart[from], v.r.tokenEnd[to - 1]));
  }

  /**
   * An organisation's name cut short by a word the run could not take: "Government of the Republic"
   * before "of Mali", "Commission on Peace" before "and National Cohesion". The name would be wrong.
   */
  private static boolean truncated(View v, Span s) {
    if (!ORGANISATION.equals(s.type) || s.actor != null || s.cue.endsWith("cedent") || "acronym".equals(s.cue)
        || "same_name".equals(s.cue)) {
      return false;
    }
    boolean connected = false;
    for (int i = s.start; i < s.end; i++) {
      connected |= v.keys[i] != null && Lexicon.CONNECTORS.contains(v.keys[i]) && !v.capitalised(i);
    }
    int n = s.end;
    if (n + 1 >= v.size() || !v.same(s.end - 1, n + 1) || v.keys[n] == null) {
      return false;
    }
    int after = n + 1 < v.size() && "the".equals(v.keys[n + 1]) && n + 2 < v.size() && v.same(n, n + 2) ? n + 2 : n + 1;
    boolean nextName = v.capitalised(after) || v.dict[after] != null;
    if (connected && Lexicon.CONNECTORS.contains(v.keys[n]) && !v.capitalised(n) && nextName) {
      return true; // "Group of Friends" before "of the Responsibility to Protect"; not "the clan of the Dulaim"
    }
    if (v.r.tokenKind[n] == Tokenizer.POSSESSIVE && v.capitalised(n + 1) && v.r.tokenEnd[s.end - 1] == v.r.tokenStart[n]) {
      return true; // "Government of the Democratic People" before "'s Republic"
    }
    // a name that ends in a country is whole: "Federal Government of Iraq and Erbil"
    return connected && "and".equals(v.keys[n]) && v.capitalised(n + 1) && v.dict[s.end - 1] == null;
  }

  /** "State", "Delegates": a one-word person name the dictionary counts a common word is no one's name. */
  private boolean commonPersonName(View v, Span s) {
    if (!PERSON.equals(s.type) || s.actor != null || s.cue.endsWith("cedent")) {
      return false;
    }
    int words = 0;
    String only = null;
    for (int i = s.nameStart; i < s.end; i++) {
      if (v.keys[i] != null && !Lexicon.PARTICLES.contains(v.keys[i])) {
        words++;
        only = v.keys[i];
      }
    }
    String last = v.keys[s.end - 1];
    // "San Francisco Conference": a name that ends in a body's or an event's word is no person's
    return words == 1 && (lex.isCommon(only) || v.lowerSeen.contains(only) || Lexicon.NOT_NAMES.contains(only))
        || last != null && (Lexicon.NOT_NAMES.contains(last) || Lexicon.ORG_HEADS.contains(last)) && v.capitalised(s.end - 1);
  }

  /**
   * "New Iraqi Army", "New York City": a capitalised word the run left out (a word that is no name on
   * its own) right before an organisation or place is the start of its name.
   */
  private Span withWordBefore(View v, Span s) {
    int b = s.start - 1;
    if (!PERSON.equals(s.type) && s.nameStart == s.start && b >= 1 && v.same(b - 1, s.start) && "and".equals(v.keys[b])
        && v.keys[b - 1] != null && v.capitalised(b - 1) && v.dict[b - 1] == null && !v.sentenceInitial(b - 1)
        && (lex.isCommon(v.keys[b - 1]) || v.lowerSeen.contains(v.keys[b - 1]) || Lexicon.NOT_NAMES.contains(v.keys[b - 1]))) {
      // "Economic and Social Council", "Loss and Damage Fund": an ordinary word capitalised only as part
      // of the name ("Badr and Interior Ministry" names two)
      return new Span(b - 1, b - 1, s.end, s.type, s.title, s.cue);
    }
    if (PERSON.equals(s.type) || s.nameStart != s.start || b < 0 || !v.same(b, s.start) || v.keys[b] == null
        || v.r.tokenEnd[b] == v.r.tokenStart[s.start] || !v.capitalised(b) || v.dict[b] != null || v.sentenceInitial(b)
        || Lexicon.DETERMINERS.contains(v.keys[b]) || Lexicon.isTitleHead(v.keys[b]) || Lexicon.isHonorific(v.keys[b])) {
      return s;
    }
    return new Span(b, b, s.end, s.type, s.title, s.cue);
  }

  private List<Found> found(AnalyzedArticle a, View v, List<Span> spans) {
    spans.removeIf(s -> truncated(v, s) || commonPersonName(v, s));
    spans.sort(Comparator.comparingInt((Span s) -> s.start));
    // the name each key is written in at its longest in the article
    Map<String, String> names = new LinkedHashMap<>();
    for (Span s : spans) {
      String name = v.text.substring(v.r.tokenStart[s.nameStart], v.r.tokenEnd[s.end - 1]);
      if (s.nameStart < s.end && "the".equals(v.keys[s.nameStart])) {
        name = v.text.substring(v.r.tokenStart[s.nameStart + 1], v.r.tokenEnd[s.end - 1]);
      }
      if (s.key != null && !"acronym".equals(s.cue) && !"same_name".equals(s.cue) && !s.cue.endsWith("cedent")) {
        names.merge(s.key, name, (x, y) -> y.length() > x.length() ? y : x);
      }
    }
    List<Found> out = new ArrayList<>();
    boolean astral = hasSurrogates(v.text);
    int prevEnd = -1;
    for (Span s : spans) {
      if ((s.actor == null && (s.key == null || s.key.isEmpty())) || (s.start < prevEnd && !s.nested)
          || !types.contains(s.type)) {
        continue;
      }
      if (!s.nested) {
        prevEnd = s.end;
      }
      int start = v.r.tokenStart[s.start];
      int end = v.r.tokenEnd[s.end - 1];
      Mention m = new Mention();
      m.setArticleId(a.getId());
      m.setDate(a.getDate());
      m.setSource(a.getSource());
      m.setActorId(s.actor != null ? s.actor : "~" + s.type + ":" + s.key);
      m.setActorType(s.type);
      m.setSentence(v.r.tokenSentence[s.start]);
      m.setStart(astral ? v.text.codePointCount(0, start) : start);
      m.setEnd(astral ? m.getStart() + v.text.codePointCount(start, end) : end);
      m.setSurface(v.text.substring(start, end));
      m.setMatchKind(DISCOVERED);
      m.setResolvedBy(DISCOVERED);
      String name = s.actor != null ? null : names.getOrDefault(s.key, v.text.substring(v.r.tokenStart[s.nameStart], end));
      m.setPhrase(name);
      out.add(new Found(m, s.type, name, honorificOnly(s.title) ? null : s.title, country(v, s), s.cue));
    }
    return out;
  }

  /**
   * The country named with the mention: a dictionary country inside it or right before it in the
   * sentence ("Iraqi Prime Minister …", "the Swedish citizen …"), else the nearest in the sentence
   * within five tokens.
   */
  private static String country(View v, Span s) {
    int best = Integer.MAX_VALUE;
    String c = null;
    for (int i = Math.max(0, s.start - 6); i < Math.min(v.size(), s.end + 2); i++) {
      Mention m = v.dict[i];
      if (m == null || !v.same(i, s.start) || !"country".equals(m.getActorType())) {
        continue;
      }
      int d = i < s.start ? (s.start - i) : i >= s.end ? (i - s.end + 1) : 0;
      if (i < s.start && d <= 3) {
        d = 0; // a modifier right before the name or its title
      }
      if (d < best) {
        best = d;
        c = m.getActorId();
      }
    }
    return c;
  }

  /** "Mr", "Dr": a form of address, not a title worth keeping. */
  private static boolean honorificOnly(String title) {
    if (title == null) {
      return false;
    }
    for (String w : title.split("\\s+")) {
      if (!Lexicon.isHonorific(Lexicon.key(w))) {
        return false;
      }
    }
    return true;
  }

  static boolean hasSurrogates(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
