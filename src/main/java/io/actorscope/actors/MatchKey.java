package io.actorscope.actors;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Token folding shared by the dictionary and the matcher: diacritics off, one apostrophe shape. */
public final class MatchKey {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private MatchKey() {}

  /** Diacritics removed and apostrophes unified, case kept: the form case policies compare. */
  public static String fold(String token) {
    boolean ascii = true;
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) > 0x7F) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return token;
    }
    String s = MARKS.matcher(Normalizer.normalize(token, Normalizer.Form.NFD)).replaceAll("");
    return s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02BC', '\'');
  }

  /** The lookup key: folded and lower-cased. */
  public static String key(String folded) {
    return folded.toLowerCase(Locale.ROOT);
  }
}
