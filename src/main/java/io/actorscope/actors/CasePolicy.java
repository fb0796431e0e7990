package io.actorscope.actors;

/**
 * How the letter case of the text must agree with an alias, token by token.
 *
 * <ul>
 *   <li>{@code auto}: a token written in capitals in the dictionary ({@code NATO}, {@code US},
 *       {@code U.S.}) must be in capitals in the text; any other token matches in any case.
 *   <li>{@code initial}: as auto, and a token that starts with a capital in the dictionary must
 *       start with one in the text ({@code Turkey}, not {@code turkey}).
 *   <li>{@code exact}: every token exactly as written.
 * </ul>
 *
 * Diacritics and apostrophe shapes are folded before any of these comparisons.
 */
public final class CasePolicy {
  public static final String AUTO = "auto";
  public static final String INITIAL = "initial";
  public static final String EXACT = "exact";

  private CasePolicy() {}

  public static boolean isValid(String p) {
    return AUTO.equals(p) || INITIAL.equals(p) || EXACT.equals(p);
  }

  /** True when {@code token} (folded, original case) may stand for dictionary token {@code alias} (folded, original case). */
  public static boolean accepts(String policy, String alias, String token) {
    if (EXACT.equals(policy)) {
      return alias.equals(token);
    }
    if (isCapitals(alias)) {
      return alias.equals(token);
    }
    if (INITIAL.equals(policy)) {
      int a = alias.codePointAt(0);
      if (Character.isUpperCase(a) && !Character.isUpperCase(token.codePointAt(0))) {
        return false;
      }
    }
    return true;
  }

  /** An acronym: at least two letters, all of them capitals ({@code NATO}, {@code U.S.}, {@code G7}). */
  public static boolean isCapitals(String s) {
    int letters = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letters++;
      }
    }
    return letters >= 2 || (letters == 1 && s.length() >= 2 && !s.endsWith("."));
  }
}
