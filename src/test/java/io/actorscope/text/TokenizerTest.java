package io.actorscope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  private static List<String> tokens(String text) {
    Tokenizer.Result r = Tokenizer.tokenize(text);
    List<String> out = new ArrayList<>();
    for (int t = 0; t < r.size(); t++) {
      out.add(text.substring(r.tokenStart[t], r.tokenEnd[t]));
    }
    return out;
  }

  private static List<String> sentences(String text) {
    Tokenizer.Result r = Tokenizer.tokenize(text);
    List<String> out = new ArrayList<>();
    for (int s = 0; s < r.sentenceStart.length; s++) {
      out.add(text.substring(r.sentenceStart[s], r.sentenceEnd[s]));
    }
    return out;
  }

  @Test
  void possessivesSplitOffWithBothApostrophes() {
    assertEquals(List.of("Russia", "’s", "actions", "and", "NATO", "'s", "allies", "’", "plans"),
        tokens("Russia’s actions and NATO's allies’ plans"));
  }

  @Test
  void innerApostrophesStayInTheWord() {
    assertEquals(List.of("They", "don’t", "trust", "O'Brien", "in", "Côte", "d'Ivoire"),
        tokens("They don’t trust O'Brien in Côte d'Ivoire"));
  }

  @Test
  void dottedAbbreviationsKeepTheirDots() {
    assertEquals(List.of("the", "U.S.", "and", "U.K.", "embassies", "."), tokens("the U.S. and U.K. embassies."));
    assertEquals(List.of("Mr.", "Raab", "met", "Gen.", "Milley"), tokens("Mr. Raab met Gen. Milley"));
  }

  @Test
  void hyphensAndDashesAreTokens() {
    assertEquals(List.of("a", "military", "build", "-", "up", "near", "NATO", "–", "Russia", "lines"),
        tokens("a military build-up near NATO–Russia lines"));
  }

  @Test
  void numbersKeepInnerSeparators() {
    assertEquals(List.of("1,000", "troops", ",", "3.5", "%", "and", "12%"), tokens("1,000 troops, 3.5 % and 12%"));
  }

  @Test
  void quotesArePunctuation() {
    assertEquals(List.of("“", "negative", "behavior", ".", "”"), tokens("“negative behavior.”"));
  }

  @Test
  void offsetsPointIntoTheText() {
    String text = "  NATO\u00A0said:\n“Russia’s…”";
    Tokenizer.Result r = Tokenizer.tokenize(text);
    assertEquals(2, r.tokenStart[0]);
    assertEquals(6, r.tokenEnd[0]);
    assertEquals("said", text.substring(r.tokenStart[1], r.tokenEnd[1]));
  }

  @Test
  void sentencesEndAtTerminalsBeforeCapitalsNotAfterAbbreviations() {
    assertEquals(List.of("Staff at the U.S. Embassy left.", "Mr. Lavrov said: “No.”", "Then 3 more came!"),
        sentences("Staff at the U.S. Embassy left. Mr. Lavrov said: “No.” Then 3 more came!"));
  }

  @Test
  void blankLinesEndSentencesLowerCaseDoesNot() {
    assertEquals(List.of("Headline without a stop", "2 weeks ago", "It grew, e.g. by 3 p.c. overall."),
        sentences("Headline without a stop\n\n2 weeks ago\n\nIt grew, e.g. by 3 p.c. overall."));
  }

  @Test
  void termsAreLowerCasedWordsOfMinimumLength() {
    String text = "NATO’s Allies met in 2021; the U.S. and Russia’s envoy don’t agree.";
    assertEquals(List.of("nato", "allies", "met", "the", "and", "russia", "envoy", "don't", "agree"),
        Tokenizer.terms(text, Tokenizer.tokenize(text), 3));
  }
}
