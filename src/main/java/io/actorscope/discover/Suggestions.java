package io.actorscope.discover;

import io.actorscope.actors.Dictionary;
import io.actorscope.actors.MatchKey;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Discovered actors as dictionary entries in the YAML of conf/actors (see its README), with the
 * evidence as comments, for an analyst to review and promote. Places are left out (the dictionary
 * has no place type: a place is a country's metonym or nothing), as are names whose id would not be
 * [A-Z0-9_]+ (a script other than Latin) and names the dictionary already has as a phrase.
 */
public final class Suggestions {
  private Suggestions() {}

  public static String yaml(List<DiscoveredActor> ranked, Dictionary dictionary, String from, int top) {
    Set<String> phrases = new HashSet<>();
    dictionary.forEachPhrase((p, k) -> phrases.add(fold(p)));
    Set<String> ids = new HashSet<>();
    for (Dictionary.Actor a : dictionary.actorList()) {
      ids.add(a.id);
    }
    StringBuilder b = new StringBuilder();
    b.append("# Suggested by `actorscope suggest` from ").append(from).append(".\n")
        .append("# Provisional actors the dictionary lacks, the most mentioned first. Review each entry (name, type,\n")
        .append("# country), then move the good ones into a dictionary file of conf/actors/.\n")
        .append("actors:\n");
    int n = 0;
    for (DiscoveredActor a : ranked) {
      if (n >= top) {
        break;
      }
      if (Discoverer.PLACE.equals(a.getType()) || a.getName() == null || phrases.contains(fold(a.getName()))) {
        continue;
      }
      String id = Lexicon.idPart(a.getName()).toUpperCase(Locale.ROOT);
      if (!id.matches("[A-Z0-9_]+")) {
        continue;
      }
      String unique = id;
      for (int k = 2; ids.contains(unique); k++) {
        unique = id + "_" + k;
      }
      ids.add(unique);
      n++;
      b.append("\n  # rank ").append(a.getRank()).append(": ").append(a.getMentions()).append(" mentions in ")
          .append(a.getArticles()).append(" articles, ").append(a.getFirstDate()).append(" to ").append(a.getLastDate())
          .append("; discovered as ").append(a.getActorId()).append('\n');
      if (a.getTitles() != null && !a.getTitles().isEmpty()) {
        b.append("  # titles: ").append(oneLine(String.join("; ", a.getTitles()))).append('\n');
      }
      if (a.getForms() != null && !a.getForms().isEmpty()) {
        b.append("  # written: ").append(oneLine(String.join("; ", a.getForms()))).append('\n');
      }
      if (a.getCues() != null && !a.getCues().isEmpty()) {
        b.append("  # found by: ").append(String.join(", ", a.getCues())).append('\n');
      }
      if (a.getCountry() != null) {
        b.append("  # country named beside it in ").append(a.getCountryMentions()).append(" of its mentions\n");
      }
      b.append("  - id: ").append(unique).append('\n');
      b.append("    type: ").append(Discoverer.PERSON.equals(a.getType()) ? "person" : "organisation").append('\n');
      b.append("    name: ").append(quote(a.getName())).append('\n');
      if (a.getCountry() != null && ids.contains(a.getCountry())) {
        b.append("    country: ").append(a.getCountry()).append('\n');
      }
    }
    if (n == 0) {
      b.setLength(b.length() - "actors:\n".length());
      b.append("actors: []\n");
    }
    return b.toString();
  }

  private static String fold(String phrase) {
    return MatchKey.key(MatchKey.fold(phrase)).replaceAll("\\s+", " ").strip();
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }

  /** A YAML double-quoted scalar (JSON string syntax, which YAML 1.2 reads as is). */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
