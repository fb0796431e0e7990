package io.actorscope.actors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.actorscope.config.Resources;
import io.actorscope.actors.DictionaryModel.ActorDef;
import io.actorscope.actors.DictionaryModel.AliasDef;
import io.actorscope.actors.DictionaryModel.HolderDef;
import io.actorscope.actors.DictionaryModel.RoleDef;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the YAML dictionaries and compiles them into a {@link Dictionary}. Any problem
 * (unknown key, duplicate id, dangling reference, overlapping terms, two actors claiming one
 * phrase) is a {@link DictionaryException} naming the file and entry.
 */
public final class DictionaryLoader {
  public static final Set<String> TYPES =
      Set.of("country", "igo", "organisation", "company", "media", "armed_group", "person");
  private static final Pattern ID = Pattern.compile("[A-Z0-9_]+");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .registerModule(new JavaTimeModule())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** A problem in a dictionary file. */
  public static final class DictionaryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DictionaryException(String message) {
      super(message);
    }
  }

  /** The raw definitions, kept for the {@code actors} and {@code roles} tables. */
  public static final class Loaded {
    public final Dictionary dictionary;
    public final List<ActorDef> actors;
    public final List<RoleDef> roles;
    /** Generated role phrases dropped because two roles produced the same words. */
    public final List<String> warnings;
    /** CAMEO files read directly ({@code cameo:PATH}), with their counts. */
    public final List<CameoReader.Result> imported = new ArrayList<>();
    /** CAMEO agents of the loaded files (not matched on their own). */
    public final List<DictionaryModel.AgentDef> agents = new ArrayList<>();
    /** Phrases of yielding (imported) files skipped because another actor already claims them. */
    public int yieldedPhrases;

    Loaded(Dictionary d, List<ActorDef> actors, List<RoleDef> roles, List<String> warnings) {
      this.dictionary = d;
      this.actors = actors;
      this.roles = roles;
      this.warnings = warnings;
    }
  }

  private DictionaryLoader() {}

  /** The prefix of a dictionary reference read as a TABARI/PETRARCH (CAMEO) file: {@code cameo:PATH}. */
  public static final String CAMEO = "cameo:";

  public static Loaded load(List<String> refs) {
    List<ActorDef> actors = new ArrayList<>();
    List<RoleDef> roles = new ArrayList<>();
    Map<String, String> origin = new LinkedHashMap<>();
    List<String> notActors = new ArrayList<>();
    List<String[]> yieldingRefs = new ArrayList<>();
    List<DictionaryModel.File> yieldingFiles = new ArrayList<>();
    List<CameoReader.Result> cameo = new ArrayList<>();
    List<String> cameoRefs = new ArrayList<>();
    for (String ref : refs) {
      if (ref.startsWith(CAMEO)) {
        cameo.add(readCameo(ref));
        cameoRefs.add(ref);
        continue;
      }
      DictionaryModel.File f = read(ref);
      notActors.addAll(f.notActors);
      if (f.yields) {
        yieldingRefs.add(new String[] {ref});
        yieldingFiles.add(f);
        continue;
      }
      for (ActorDef a : f.actors) {
        checkId(ref, a.id, "actor");
        if (origin.put(a.id, ref) != null) {
          throw new DictionaryException(ref + ": actor " + a.id + " is also defined in " + origin.get(a.id));
        }
        actors.add(a);
      }
      for (RoleDef r : f.roles) {
        checkId(ref, r.id, "role");
        if (origin.put(r.id, ref) != null) {
          throw new DictionaryException(ref + ": role " + r.id + " reuses an id defined in " + origin.get(r.id));
        }
        roles.add(r);
      }
    }
    // Imported files come after our own, whatever their place in the list: ours win.
    if (!cameo.isEmpty()) {
      yieldingRefs.add(new String[] {String.join(", ", cameoRefs)});
      yieldingFiles.add(CameoImport.toModel(cameo, actors));
    }
    List<Yield> yields = new ArrayList<>();
    // names that are no actor come right after ours, before any imported phrase ("New Mexico" is a
    // name of the United States in CAMEO)
    for (String phrase : notActors) {
      yields.add(new Yield(Dictionary.NOT_AN_ACTOR, AliasDef.of(phrase, CasePolicy.INITIAL), Dictionary.NOT_AN_ACTOR));
    }
    Set<String> importedIds = new HashSet<>();
    Set<String> roleIds = new HashSet<>();
    roles.forEach(r -> roleIds.add(r.id));
    List<DictionaryModel.AgentDef> agents = new ArrayList<>();
    for (int i = 0; i < yieldingFiles.size(); i++) {
      String ref = yieldingRefs.get(i)[0];
      DictionaryModel.File f = yieldingFiles.get(i);
      agents.addAll(f.agents);
      if (!f.roles.isEmpty()) {
        throw new DictionaryException(ref + ": a file with 'yields: true' cannot define roles");
      }
      for (ActorDef a : f.actors) {
        checkId(ref, a.id, "actor");
        boolean known = origin.containsKey(a.id);
        if (known && roleIds.contains(a.id)) {
          throw new DictionaryException(ref + ": actor " + a.id + " reuses the id of role defined in " + origin.get(a.id));
        }
        if (!known) {
          origin.put(a.id, ref);
          actors.add(a);
          importedIds.add(a.id);
          yields.add(new Yield(a.id, AliasDef.of(a.name, CasePolicy.INITIAL), Dictionary.ALIAS));
        }
        for (AliasDef x : a.aliases) {
          yields.add(new Yield(a.id, x, Dictionary.ALIAS));
        }
        for (AliasDef x : a.metonyms) {
          yields.add(new Yield(a.id, x, Dictionary.METONYM));
        }
        for (AliasDef x : a.demonyms) {
          yields.add(new Yield(a.id, x, Dictionary.DEMONYM));
        }
      }
    }
    Loaded l = compile(actors, roles, origin, importedIds, yields);
    l.imported.addAll(cameo);
    l.agents.addAll(agents);
    return l;
  }

  /** A phrase of a yielding (imported) file: added after our own, skipped when already claimed. */
  static final class Yield {
    final String target;
    final AliasDef alias;
    final String kind;

    Yield(String target, AliasDef alias, String kind) {
      this.target = target;
      this.alias = alias;
      this.kind = kind;
    }
  }

  static CameoReader.Result readCameo(String ref) {
    String path = ref.substring(CAMEO.length());
    try (InputStream in = Resources.open(path, "actors/", "")) {
      return CameoReader.read(in, path.substring(path.lastIndexOf('/') + 1));
    } catch (IOException e) {
      throw new DictionaryException(ref + ": cannot read (" + e.getMessage() + ")");
    }
  }

  static DictionaryModel.File read(String ref) {
    try (InputStream in = Resources.open(ref, "actors/", ".yaml")) {
      DictionaryModel.File f = YAML.readValue(in, DictionaryModel.File.class);
      return f == null ? new DictionaryModel.File() : f;
    } catch (JsonMappingException e) {
      throw new DictionaryException(ref + ": " + e.getOriginalMessage() + " at " + e.getPathReference());
    } catch (IOException e) {
      throw new DictionaryException(ref + ": cannot read (" + e.getMessage() + ")");
    }
  }

  private static void checkId(String ref, String id, String what) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new DictionaryException(ref + ": " + what + " id '" + id + "' must match [A-Z0-9_]+");
    }
  }

  static Loaded compile(List<ActorDef> actors, List<RoleDef> roles, Map<String, String> origin) {
    return compile(actors, roles, origin, Set.of(), List.of());
  }

  /**
   * {@code imported}: ids of actors defined by a yielding file; their phrases, and every other
   * phrase in {@code yields}, are added after our actors and roles, and skipped where already claimed.
   */
  static Loaded compile(List<ActorDef> actors, List<RoleDef> roles, Map<String, String> origin,
      Set<String> imported, List<Yield> yields) {
    Dictionary d = new Dictionary();
    Map<String, ActorDef> byId = new LinkedHashMap<>();
    for (ActorDef a : actors) {
      String at = origin.get(a.id) + ": actor " + a.id;
      if (a.type == null || !TYPES.contains(a.type)) {
        throw new DictionaryException(at + ": type '" + a.type + "' is not one of " + TYPES);
      }
      if (a.name == null || a.name.isBlank()) {
        throw new DictionaryException(at + ": name is required");
      }
      byId.put(a.id, a);
      List<String> surname = "person".equals(a.type) ? surname(a) : null;
      d.addActor(new Dictionary.Actor(a.id, a.type, a.name, a.country,
          surname == null ? null : Dictionary.key(surname), a.surnameAlone));
    }
    for (ActorDef a : actors) {
      String at = origin.get(a.id) + ": actor " + a.id;
      if (a.country != null && !byId.containsKey(a.country) && imported.contains(a.id)) {
        a.country = null; // an imported actor's country that is not loaded: dropped, not an error
      }
      if (a.country != null && !byId.containsKey(a.country)) {
        throw new DictionaryException(at + ": country " + a.country + " is not a known actor");
      }
      if (imported.contains(a.id)) {
        continue; // an actor of an imported file: its phrases come last, see below
      }
      AliasDef name = AliasDef.of(a.name);
      name.nameLike = a.nameLike;
      add(d, at, name, a.id, false, Dictionary.ALIAS);
      for (AliasDef x : a.aliases) {
        add(d, at, x, a.id, false, Dictionary.ALIAS);
      }
      for (AliasDef x : a.metonyms) {
        add(d, at, x, a.id, false, Dictionary.METONYM);
      }
      for (AliasDef x : a.demonyms) {
        add(d, at, x, a.id, false, Dictionary.DEMONYM);
      }
    }
    List<String> warnings = new ArrayList<>();
    for (RoleDef r : roles) {
      String at = origin.get(r.id) + ": role " + r.id;
      ActorDef body = byId.get(r.body);
      if (body == null) {
        throw new DictionaryException(at + ": body " + r.body + " is not a known actor");
      }
      List<HolderDef> hs = new ArrayList<>(r.holders);
      hs.sort(Comparator.comparing(h -> h.from, Comparator.nullsFirst(Comparator.naturalOrder())));
      long[] from = new long[hs.size()];
      long[] to = new long[hs.size()];
      String[] holder = new String[hs.size()];
      for (int i = 0; i < hs.size(); i++) {
        HolderDef h = hs.get(i);
        if (h.actor == null || !byId.containsKey(h.actor)) {
          throw new DictionaryException(at + ": holder " + h.actor + " is not a known actor");
        }
        if (h.from == null) {
          throw new DictionaryException(at + ": holder " + h.actor + " has no 'from' date");
        }
        if (h.to != null && h.to.isBefore(h.from)) {
          throw new DictionaryException(at + ": holder " + h.actor + " ends (" + h.to + ") before starting (" + h.from + ")");
        }
        from[i] = h.from.toEpochDay();
        to[i] = h.to == null ? Long.MAX_VALUE : h.to.toEpochDay();
        holder[i] = h.actor;
        if (i > 0 && from[i] < to[i - 1]) {
          throw new DictionaryException(at + ": terms of " + holder[i - 1] + " and " + h.actor + " overlap");
        }
      }
      d.addRole(new Dictionary.Role(r.id, r.body, from, to, holder));
      for (AliasDef x : r.aliases) {
        add(d, at, x, r.id, true, Dictionary.ROLE);
      }
      for (String title : r.titles) {
        // a one-word title ("President", "King") is too often the speaker's own or a vocative
        if (Dictionary.foldedTokens(title).size() >= 2) {
          addTitle(d, at, title, r.id, warnings);
        }
      }
      for (AliasDef g : r.generic) {
        addTitle(d, at, g.text, r.id, warnings);
      }
      if (r.combine) {
        for (String phrase : combinations(body, r.titles)) {
          String clash = d.addPhrase(phrase.substring(phrase.indexOf('|') + 1), r.id, true, Dictionary.ROLE,
              phrase.substring(0, phrase.indexOf('|')));
          if (clash != null) {
            warnings.add(at + ": generated phrase '" + phrase.substring(phrase.indexOf('|') + 1)
                + "' also names " + clash + "; skipped");
          }
        }
      }
    }
    int yielded = 0;
    for (Yield y : yields) {
      if (y.alias == null || y.alias.text == null || y.alias.text.isBlank()) {
        continue;
      }
      if (!CasePolicy.isValid(y.alias.casePolicy)) {
        throw new DictionaryException(origin.get(y.target) + ": actor " + y.target + ": case '"
            + y.alias.casePolicy + "' of '" + y.alias.text + "' is not auto, initial or exact");
      }
      String clash = d.addPhrase(y.alias.text, y.target, false, y.kind, y.alias.casePolicy);
      if (clash != null && Dictionary.NOT_AN_ACTOR.equals(y.target)) {
        throw new DictionaryException("not_actors: '" + y.alias.text + "' also names " + clash);
      }
      if (clash != null) {
        yielded++;
      }
    }
    // surnames last: every alias, place and role phrase (ours or imported) wins over a surname on the
    // same words; imported people get none (CAMEO's guesses at who is a person are rough)
    for (ActorDef a : actors) {
      if ("person".equals(a.type) && !imported.contains(a.id)) {
        List<String> surname = surname(a);
        if (!surname.isEmpty() && Character.isUpperCase(surname.get(0).codePointAt(0))
            && !(surname.size() == 1 && COMMON_WORDS.contains(MatchKey.key(surname.get(0))))) {
          d.addSurname(surname, a.id);
        }
      }
    }
    d.commonWords.addAll(COMMON_WORDS);
    Loaded l = new Loaded(d, actors, roles, warnings);
    l.yieldedPhrases = yielded;
    return l;
  }

  private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv");
  /** Lower-case particles that belong to the surname ("von der Leyen", "de Mistura"). */
  private static final Set<String> PARTICLES = Set.of("von", "van", "der", "den", "de", "del", "della", "di", "da",
      "du", "dos", "das", "la", "le");
  private static final Set<String> COMMON_WORDS = commonWords();

  private static Set<String> commonWords() {
    Set<String> s = new HashSet<>(List.of(io.actorscope.topics.TopicModeler.stopWords("builtin:en")));
    for (java.time.Month m : java.time.Month.values()) {
      s.add(m.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH).toLowerCase(java.util.Locale.ROOT));
    }
    for (java.time.DayOfWeek w : java.time.DayOfWeek.values()) {
      s.add(w.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH).toLowerCase(java.util.Locale.ROOT));
    }
    return Set.copyOf(s);
  }

  /**
   * A person's surname tokens: the {@code surname} field, or the name's last word with the
   * lower-case particles before it ("von der Leyen"), suffixes such as "Jr." left out; Arabic
   * "al-"/"bin" prefixes are dropped ("Assad"). Monarchs, popes and names with "of" have none.
   */
  static List<String> surname(ActorDef a) {
    if (a.surname != null) {
      return Dictionary.foldedTokens(a.surname);
    }
    List<String> words = new ArrayList<>(List.of(a.name.trim().split("\\s+")));
    if (words.size() == 1 || ROMAN.matcher(words.get(words.size() - 1)).matches() || words.contains("of")
        || TITLE_WORDS.contains(words.get(0).toLowerCase(java.util.Locale.ROOT))) {
      // a single name, a monarch's regnal number, "King Abdullah of Saudi Arabia", "Pope Francis":
      // the last word is a given name, not a surname
      return List.of();
    }
    while (words.size() > 1 && SUFFIXES.contains(words.get(words.size() - 1).toLowerCase(java.util.Locale.ROOT))) {
      words.remove(words.size() - 1);
    }
    String last = words.get(words.size() - 1);
    int dash = last.indexOf('-');
    if (dash > 0 && ARABIC_PREFIXES.contains(last.substring(0, dash).toLowerCase(java.util.Locale.ROOT))) {
      last = last.substring(dash + 1);
    }
    int start = words.size() - 1;
    while (start > 1 && PARTICLES.contains(words.get(start - 1))) {
      start--;
    }
    List<String> out = new ArrayList<>();
    for (int i = start; i < words.size() - 1; i++) {
      out.addAll(Dictionary.foldedTokens(words.get(i)));
    }
    out.addAll(Dictionary.foldedTokens(last));
    return out;
  }

  private static final Pattern ROMAN = Pattern.compile("[IVX]+");
  private static final Set<String> TITLE_WORDS = Set.of("king", "queen", "pope", "prince", "princess", "sheikh",
      "emir", "sultan", "emperor", "empress", "crown");
  private static final Set<String> ARABIC_PREFIXES = Set.of("al", "el", "bin", "ibn");

  private static void addTitle(Dictionary d, String at, String title, String roleId, List<String> warnings) {
    String clash = d.addTitle(title, roleId);
    if (clash != null) {
      warnings.add(at + ": bare title '" + title + "' also names " + clash + "; skipped");
    }
  }

  private static void add(Dictionary d, String at, AliasDef x, String target, boolean role, String kind) {
    if (x == null || x.text == null || x.text.isBlank()) {
      throw new DictionaryException(at + ": empty " + kind);
    }
    if (!CasePolicy.isValid(x.casePolicy)) {
      throw new DictionaryException(at + ": case '" + x.casePolicy + "' of '" + x.text + "' is not auto, initial or exact");
    }
    String clash = role ? d.addPhrase(x.text, target, true, kind, x.casePolicy) : d.addAlias(x, target, kind);
    if (clash != null) {
      throw new DictionaryException(at + ": '" + x.text + "' also names " + clash);
    }
  }

  /** Role phrases from the body's names and demonyms with each title, as "policy|phrase". */
  static List<String> combinations(ActorDef body, List<String> titles) {
    Set<String> out = new java.util.LinkedHashSet<>();
    List<AliasDef> names = new ArrayList<>();
    names.add(AliasDef.of(body.name));
    names.addAll(body.aliases);
    Set<String> seen = new HashSet<>();
    for (String title : titles) {
      for (AliasDef n : names) {
        String base = n.text.startsWith("the ") ? n.text.substring(4) : n.text;
        if (!seen.add(base + "\u0000" + title)) {
          continue;
        }
        out.add(n.casePolicy + "|" + base + " " + title);
        out.add(n.casePolicy + "|" + base + "'s " + title);
        out.add(n.casePolicy + "|" + title + " of " + base);
        out.add(n.casePolicy + "|" + title + " of the " + base);
      }
      for (AliasDef dm : body.demonyms) {
        out.add(dm.casePolicy + "|" + dm.text + " " + title);
      }
    }
    return new ArrayList<>(out);
  }
}
