package io.actorscope.actors;

import io.actorscope.text.AnalyzedArticle;
import io.actorscope.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds actor mentions in one tokenized article: at each token, the longest dictionary phrase
 * whose case rules the text satisfies wins, and matching goes on after it (no overlaps). Hyphens
 * between tokens are skipped on both sides; a phrase never crosses a sentence boundary. A role
 * phrase resolves to its holder on the article's date.
 */
public final class ActorMatcher {
  private final Dictionary dictionary;
  private final Set<String> kinds;
  /** Token positions of the phrase being walked; reused across tokens (a matcher serves one partition). */
  private int[] used = new int[16];

  public ActorMatcher(Dictionary dictionary, Set<String> kinds) {
    this.dictionary = dictionary;
    this.kinds = kinds;
  }

  public List<Mention> match(AnalyzedArticle a) {
    List<Mention> out = new ArrayList<>();
    String text = a.getText();
    Tokenizer.Result r = a.tokens();
    int n = r.size();
    String[] folded = new String[n];
    String[] keys = new String[n];
    for (int t = 0; t < n; t++) {
      if (r.tokenKind[t] == Tokenizer.PUNCT || r.tokenKind[t] == Tokenizer.HYPHEN) {
        continue;
      }
      folded[t] = MatchKey.fold(text.substring(r.tokenStart[t], r.tokenEnd[t]));
      keys[t] = MatchKey.key(folded[t]);
    }
    boolean astral = hasSurrogates(text);
    int t = 0;
    Found ahead = null;
    while (t < n) {
      Found here = ahead != null ? ahead : longest(t, r, keys, folded);
      ahead = null;
      if (here == null) {
        t++;
        continue;
      }
      // One token of look-ahead: a phrase starting at the next token that reaches further wins, so
      // "the UN Secretary-General" is the role, not the alias "the UN" followed by a stray title.
      Found next = t + 1 < here.end ? longest(t + 1, r, keys, folded) : null;
      if (next != null && next.end > here.end) {
        ahead = next; // already the longest match at t + 1: not looked up again
        t++;
        continue;
      }
      Mention m = resolve(here.entry, a);
      if (m != null) {
        int start = r.tokenStart[t];
        int end = r.tokenEnd[here.end - 1];
        m.setSentence(r.tokenSentence[t]);
        m.setSurface(text.substring(start, end));
        // Offsets count Unicode code points, as Python, DuckDB and Spark SQL's substring do.
        m.setStart(astral ? text.codePointCount(0, start) : start);
        m.setEnd(astral ? m.getStart() + text.codePointCount(start, end) : end);
        out.add(m);
      }
      t = here.end;
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

  /** The longest phrase starting at token {@code t}: its entry and the token after its last. */
  private static final class Found {
    final Dictionary.Entry entry;
    final int end;

    Found(Dictionary.Entry entry, int end) {
      this.entry = entry;
      this.end = end;
    }
  }

  private Found longest(int t, Tokenizer.Result r, String[] keys, String[] folded) {
    if (keys[t] == null) {
      return null;
    }
    int n = r.size();
    Dictionary.Node node = dictionary.root;
    Found best = null;
    int sentence = r.tokenSentence[t];
    int[] used = this.used;
    int depth = 0;
    int j = t;
    while (j < n && r.tokenSentence[j] == sentence) {
      if (r.tokenKind[j] == Tokenizer.HYPHEN && depth > 0) {
        j++;
        continue;
      }
      if (keys[j] == null) {
        break;
      }
      node = node.child(keys[j]);
      if (node == null) {
        break;
      }
      if (depth == used.length) {
        used = java.util.Arrays.copyOf(used, depth * 2);
      }
      used[depth++] = j;
      j++;
      if (node.entries != null) {
        for (Dictionary.Entry e : node.entries) {
          if (accepts(e, folded, used, depth)) {
            best = new Found(e, j);
            break;
          }
        }
      }
    }
    return best;
  }

  private static boolean accepts(Dictionary.Entry e, String[] folded, int[] used, int depth) {
    for (int i = 0; i < depth; i++) {
      if (!CasePolicy.accepts(e.policy, e.tokens[i], folded[used[i]])) {
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

  private Mention resolve(Dictionary.Entry e, AnalyzedArticle a) {
    String actorId;
    String kind = e.kind;
    String roleId = null;
    if (e.role) {
      Dictionary.Role role = dictionary.roles.get(e.target);
      roleId = role.id;
      actorId = holder(role, a.getDate(), a.getDatePrecision());
      if (actorId == null) {
        actorId = role.body;
        kind = Dictionary.ROLE_UNFILLED;
      }
      if (!kinds.contains(Dictionary.ROLE)) {
        return null;
      }
    } else {
      actorId = e.target;
      if (!kinds.contains(kind)) {
        return null;
      }
    }
    Mention m = new Mention();
    m.setArticleId(a.getId());
    m.setDate(a.getDate());
    m.setSource(a.getSource());
    m.setActorId(actorId);
    m.setActorType(dictionary.actors.get(actorId).type);
    m.setMatchKind(kind);
    m.setRoleId(roleId);
    m.setPhrase(e.phrase);
    return m;
  }
}
