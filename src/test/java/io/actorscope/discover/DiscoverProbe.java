package io.actorscope.discover;

import io.actorscope.actors.ActorMatcher;
import io.actorscope.actors.DictionaryLoader;
import io.actorscope.actors.Mention;
import io.actorscope.io.Article;
import io.actorscope.text.AnalyzedArticle;
import io.actorscope.text.TextAnalyzer;
import java.util.List;
import java.util.Set;

/** Prints what the dictionary and the discoverer make of the sentences given (a development aid). */
public final class DiscoverProbe {
  public static void main(String[] args) {
    DictionaryLoader.Loaded d = DictionaryLoader.load(List.of("builtin:countries.yaml", "builtin:igos.yaml",
        "builtin:organisations.yaml", "builtin:people.yaml", "builtin:roles.yaml"));
    Discoverer disc = new Discoverer(new Lexicon(d.dictionary));
    for (String s : args) {
      Article a = new Article();
      a.setId("x");
      a.setText(s);
      AnalyzedArticle aa = TextAnalyzer.analyze(a);
      List<Mention> ms = new ActorMatcher(d.dictionary, Set.of("alias", "role", "metonym", "demonym")).match(aa);
      System.out.println("== " + s);
      for (Mention m : ms) {
        System.out.println("  dict " + m.getSurface() + " -> " + m.getActorId() + " " + m.getMatchKind() + " " + m.getRoleId());
      }
      for (Discoverer.Found f : disc.discover(aa, ms)) {
        System.out.println("  disc " + f.mention.getSurface() + " -> " + f.mention.getActorId() + " [" + f.cue + "] title=" + f.title + " country=" + f.country);
      }
    }
  }
}
