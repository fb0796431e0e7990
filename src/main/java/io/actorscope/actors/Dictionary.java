package io.actorscope.actors;

import io.actorscope.text.Tokenizer;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled actor dictionary: a token trie over every alias, metonym, demonym and role phrase,
 * with actors and dated role holders. Built once on the driver and broadcast.
 */
public final class Dictionary implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String ALIAS = "alias";
  public static final String METONYM = "metonym";
  public static final String DEMONYM = "demonym";
  public static final String ROLE = "role";
  /** A role mention with no holder on record for the article's date (or no date): kept on the role's body. */
  public static final String ROLE_UNFILLED = "role_unfilled";
  /** A title without its body ("the Foreign Minister", "the head of the Foreign Ministry"): bound to a role named earlier. */
  static final String TITLE = "title";
  /** A name that contains an actor's but is none ("Latin America"): covers its words, never a mention. */
  static final String NOT_AN_ACTOR = "not_an_actor";

  /** An actor as the matcher needs it. */
  public static final class Actor implements Serializable {
    private static final long serialVersionUID = 1L;
    public final String id;
    public final String type;
    public final String name;
    public final String country;
    /** A person's surname as a lookup key (folded, lower case, tokens joined by spaces); null for other actors. */
    final String surname;
    /** Whether the surname alone names this person when nobody else in the dictionary has it. */
    final boolean surnameAlone;

    Actor(String id, String type, String name, String country, String surname, boolean surnameAlone) {
      this.id = id;
      this.type = type;
      this.name = name;
      this.country = country;
      this.surname = surname;
      this.surnameAlone = surnameAlone;
    }

    boolean isPerson() {
      return surname != null;
    }
  }

  /** A role with its holders, sorted by start; dates as epoch days, {@code Long.MAX_VALUE} for open terms. */
  public static final class Role implements Serializable {
    private static final long serialVersionUID = 1L;
    public final String id;
    public final String body;
    final long[] from;
    final long[] to;
    final String[] holder;

    Role(String id, String body, long[] from, long[] to, String[] holder) {
      this.id = id;
      this.body = body;
      this.from = from;
      this.to = to;
      this.holder = holder;
    }

    /** Who held the role on {@code date}; on a hand-over day, the incoming holder. Null if nobody on record. */
    public String holderOn(LocalDate date) {
      return date == null ? null : holderThroughout(date, date);
    }

    /**
     * Who held the role on every day from {@code first} to {@code last} (inclusive): for an article
     * dated only by its year or month, a role that changed hands within that span has no single
     * holder, and null is returned rather than a guess.
     */
    public String holderThroughout(LocalDate first, LocalDate last) {
      long a = first.toEpochDay();
      long b = last.toEpochDay();
      String found = null;
      for (int i = 0; i < from.length; i++) {
        if (from[i] <= a && b <= to[i]) {
          found = holder[i];
        }
      }
      return found;
    }
  }

  /** One phrase the trie ends in. */
  static final class Entry implements Serializable {
    private static final long serialVersionUID = 1L;
    final String target;
    final boolean role;
    final String kind;
    final String phrase;
    final String[] tokens;
    final String policy;
    /** Not a match when joined to another capitalised word (see {@link DictionaryModel.AliasDef#nameLike}). */
    boolean nameLike;
    /** Words that veto the match when written exactly so right before it; null if none. */
    String[] notAfter;

    Entry(String target, boolean role, String kind, String phrase, String[] tokens, String policy) {
      this.target = target;
      this.role = role;
      this.kind = kind;
      this.phrase = phrase;
      this.tokens = tokens;
      this.policy = policy;
      this.nameLike = METONYM.equals(kind);
    }
  }

  static final class Node implements Serializable {
    private static final long serialVersionUID = 1L;
    Map<String, Node> next;
    List<Entry> entries;
    /** People whose surname ends here, and the surname's tokens as written (for the case check). */
    String[] surnameOf;
    String[] surnameTokens;

    Node child(String key) {
      return next == null ? null : next.get(key);
    }
  }

  final Node root = new Node();
  final Map<String, Actor> actors = new LinkedHashMap<>();
  final Map<String, Role> roles = new LinkedHashMap<>();
  /** Title groups: a bare title's key to the roles that carry it. */
  final Map<String, List<String>> titleGroups = new HashMap<>();
  /** Lower-case words too common to be a name on their own (stop words, months, weekdays). */
  final java.util.Set<String> commonWords = new java.util.HashSet<>();
  private int phrases;

  public int phraseCount() {
    return phrases;
  }

  /** Every phrase of the trie as written in its dictionary (role phrases as generated), with its kind. */
  public void forEachPhrase(java.util.function.BiConsumer<String, String> action) {
    java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (n.entries != null) {
        for (Entry e : n.entries) {
          action.accept(e.phrase, e.kind);
        }
      }
      if (n.next != null) {
        n.next.values().forEach(todo::push);
      }
    }
  }

  /** Whether a lookup key is too common a word to be a name on its own (for the discovery stage). */
  public boolean isCommonWord(String key) {
    return commonWords.contains(key);
  }

  /** The dictionary's actors, in load order (read only; for the discovery stage's lexicon). */
  public java.util.Collection<Actor> actorList() {
    return java.util.Collections.unmodifiableCollection(actors.values());
  }

  /** The actor's type, or null for an unknown id. */
  public String actorType(String id) {
    Actor a = actors.get(id);
    return a == null ? null : a.type;
  }

  void addActor(Actor a) {
    actors.put(a.id, a);
  }

  void addRole(Role r) {
    roles.put(r.id, r);
  }

  /**
   * Adds a phrase. Returns the phrase of another target it collides with (same tokens after
   * folding and lower-casing), or null.
   */
  String addPhrase(String phrase, String target, boolean role, String kind, String policy) {
    List<String> folded = foldedTokens(phrase);
    if (folded.isEmpty()) {
      return null;
    }
    Node node = node(folded);
    if (node.entries == null) {
      node.entries = new ArrayList<>(1);
    }
    String[] tokens = folded.toArray(new String[0]);
    for (Entry e : node.entries) {
      if (e.target.equals(target)) {
        if (java.util.Arrays.equals(e.tokens, tokens) && e.policy.equals(policy)) {
          return null; // the same phrase again (a name listed as an alias too): keep the first
        }
        continue;
      }
      if (overlaps(e, tokens, policy)) {
        return e.phrase + " (" + e.target + ")";
      }
    }
    node.entries.add(new Entry(target, role, kind, phrase, tokens, policy));
    phrases++;
    return null;
  }

  /** Adds an alias with its context rules; as {@link #addPhrase}. */
  String addAlias(DictionaryModel.AliasDef x, String target, String kind) {
    String clash = addPhrase(x.text, target, false, kind, x.casePolicy);
    if (clash == null && (x.nameLike || !x.notAfter.isEmpty())) {
      List<Entry> es = node(foldedTokens(x.text)).entries;
      Entry e = es.get(es.size() - 1);
      if (e.target.equals(target)) {
        e.nameLike |= x.nameLike;
        e.notAfter = x.notAfter.isEmpty() ? null : x.notAfter.toArray(new String[0]);
      }
    }
    return clash;
  }

  /** The phrase's tokens, diacritics folded, case kept, hyphens left out. */
  static List<String> foldedTokens(String phrase) {
    Tokenizer.Result r = Tokenizer.tokenize(phrase);
    List<String> folded = new ArrayList<>();
    for (int t = 0; t < r.size(); t++) {
      if (r.tokenKind[t] != Tokenizer.HYPHEN) {
        folded.add(MatchKey.fold(phrase.substring(r.tokenStart[t], r.tokenEnd[t])));
      }
    }
    return folded;
  }

  /** The trie node of these tokens, created as needed. */
  private Node node(List<String> folded) {
    Node node = root;
    for (String f : folded) {
      String key = MatchKey.key(f);
      if (node.next == null) {
        node.next = new HashMap<>();
      }
      node = node.next.computeIfAbsent(key, k -> new Node());
    }
    return node;
  }

  /** The lookup key of a phrase: its folded tokens, lower case, joined by spaces. */
  static String key(List<String> folded) {
    StringBuilder b = new StringBuilder();
    for (String f : folded) {
      b.append(b.length() == 0 ? "" : " ").append(MatchKey.key(f));
    }
    return b.toString();
  }

  /**
   * Adds a person's surname. Any other phrase on the same words wins (an alias, a place, a role):
   * the surname is then not added and false is returned.
   */
  boolean addSurname(List<String> folded, String person) {
    Node node = node(folded);
    if (node.entries != null) {
      return false;
    }
    if (node.surnameOf == null) {
      node.surnameOf = new String[] {person};
      node.surnameTokens = folded.toArray(new String[0]);
    } else if (!java.util.Arrays.asList(node.surnameOf).contains(person)) {
      node.surnameOf = java.util.Arrays.copyOf(node.surnameOf, node.surnameOf.length + 1);
      node.surnameOf[node.surnameOf.length - 1] = person;
    }
    return true;
  }

  /**
   * Adds a title without its body for a role. Returns the phrase of another target it collides
   * with, or null.
   */
  String addTitle(String phrase, String roleId) {
    String group = TITLE + ":" + key(foldedTokens(phrase));
    String clash = addPhrase(phrase, group, false, TITLE, CasePolicy.AUTO);
    if (clash == null) {
      List<String> roles = titleGroups.computeIfAbsent(group, g -> new ArrayList<>());
      if (!roles.contains(roleId)) {
        roles.add(roleId);
      }
    }
    return clash;
  }

  /** Two entries on the same key collide unless their case rules can never both accept one text. */
  private static boolean overlaps(Entry e, String[] tokens, String policy) {
    for (int i = 0; i < tokens.length; i++) {
      boolean aCaps = CasePolicy.EXACT.equals(e.policy) || CasePolicy.isCapitals(e.tokens[i]);
      boolean bCaps = CasePolicy.EXACT.equals(policy) || CasePolicy.isCapitals(tokens[i]);
      if (aCaps && bCaps && !e.tokens[i].equals(tokens[i])) {
        return false;
      }
      // an all-capitals form and a form requiring a lower-case letter cannot both match
      if (aCaps && CasePolicy.EXACT.equals(policy) && !CasePolicy.isCapitals(tokens[i])) {
        return false;
      }
      if (bCaps && CasePolicy.EXACT.equals(e.policy) && !CasePolicy.isCapitals(e.tokens[i])) {
        return false;
      }
    }
    return true;
  }
}
