package io.actorscope.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.actors.ActorMatcher;
import io.actorscope.actors.DictionaryLoader;
import io.actorscope.actors.Mention;
import io.actorscope.text.AnalyzedArticle;
import io.actorscope.text.TextAnalyzer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The discoverer on hand-written sentences, with the expected mentions worked out by hand from
 * the cue rules (and, for what the dictionary knows, from conf/actors/*.yaml).
 */
class DiscovererTest {
  static DictionaryLoader.Loaded dict;
  static Discoverer discoverer;

  @BeforeAll
  static void load() {
    dict = DictionaryLoader.load(List.of("builtin:countries.yaml", "builtin:igos.yaml", "builtin:organisations.yaml",
        "builtin:people.yaml", "builtin:roles.yaml"));
    discoverer = new Discoverer(new Lexicon(dict.dictionary));
  }

  record Run(List<Mention> dictionary, List<Discoverer.Found> found) {
    /** "surface=actorId" of each discovered mention, in text order. */
    List<String> pairs() {
      List<String> out = new ArrayList<>();
      for (Discoverer.Found f : found) {
        out.add(f.mention.getSurface() + "=" + f.mention.getActorId());
      }
      return out;
    }
  }

  static Run run(String text) {
    return run(text, LocalDate.of(2016, 4, 5));
  }

  static Run run(String text, LocalDate date) {
    AnalyzedArticle a = TextAnalyzer.analyze("t", date, "test", text);
    List<Mention> ms = new ActorMatcher(dict.dictionary, Set.of("alias", "role", "metonym", "demonym")).match(a);
    return new Run(ms, discoverer.discover(a, ms));
  }

  @Test
  void aNameRunsOnAcrossALineBreakOfWrappedProseButNotAfterAHeading() {
    // the first line is 98 characters: prose wrapped at a fixed width
    Run wrapped = run("Officials said on Tuesday that the talks on farm trade would resume soon, and the negotiator Clayton\n"
        + "Yeutter said he expected progress.");
    List<String> ids = wrapped.found.stream().map(f -> f.mention.getActorId()).toList();
    assertTrue(ids.contains("~person:clayton_yeutter"), ids.toString());
    assertTrue(!ids.contains("~person:clayton"), ids.toString());
    // a 13-character line: a form of address, then the speech
    Run heading = run("Mr. President\nDevastated by the floods, our people ask the Assembly for help.");
    assertTrue(heading.found.stream().noneMatch(f -> f.mention.getSurface().contains("Devastated")), heading.pairs().toString());
    // a blank line always ends a name
    assertTrue(!Discoverer.sameLine("x".repeat(60) + " Clayton\n\nYeutter", 60, 70));
    assertTrue(Discoverer.sameLine("x".repeat(60) + " Clayton\nYeutter", 68, 69));
    assertTrue(!Discoverer.sameLine("short Clayton\nYeutter", 13, 14));
  }

  @Test
  void formsOfOneNameAreOneActorWithItsTitle() {
    Run r = run("Special Presidential Envoy Brett McGurk arrived in Erbil on Monday. McGurk met local leaders. "
        + "Later Mr McGurk left for Baghdad.");
    assertEquals(List.of("Special Presidential Envoy Brett McGurk=~person:brett_mcgurk", "McGurk=~person:brett_mcgurk",
        "Mr McGurk=~person:brett_mcgurk"), r.pairs());
    assertEquals("Special Presidential Envoy", r.found.get(0).title);
    assertEquals("Brett McGurk", r.found.get(1).name, "every form carries the article's longest name");
    for (Discoverer.Found f : r.found) {
      assertEquals(Discoverer.DISCOVERED, f.mention.getResolvedBy());
      assertEquals(Discoverer.DISCOVERED, f.mention.getMatchKind());
      assertEquals("person", f.mention.getActorType());
    }
  }

  @Test
  void dictionarySpansStayTheDictionarys() {
    Run r = run("Russian Foreign Minister Sergei Lavrov met Foreign Office Minister Tobias Ellwood in London.");
    // Lavrov is the dictionary's (RUS foreign minister on 2016-04-05); Ellwood is not in it
    assertTrue(r.dictionary.stream().anyMatch(m -> m.getActorId().equals("SERGEI_LAVROV")));
    assertEquals(List.of("Foreign Office Minister Tobias Ellwood=~person:tobias_ellwood"), r.pairs());
    assertEquals("Foreign Office Minister", r.found.get(0).title);
    for (Discoverer.Found f : r.found) {
      for (Mention m : r.dictionary) {
        assertTrue(f.mention.getEnd() <= m.getStart() || m.getEnd() <= f.mention.getStart(), f.mention.getSurface());
      }
    }
  }

  @Test
  void aRoleWhoseHolderTheDictionaryDoesNotHave() {
    // on 2016-04-05 NATO's Deputy Secretary General on record is Vershbow: "Mircea Joan" is someone else
    Run r = run("NATO Deputy Secretary General Mircea Joan stated that Russia is becoming more aggressive.");
    assertEquals(List.of("Mircea Joan=~person:mircea_joan"), r.pairs());
    assertEquals("NATO Deputy Secretary General", r.found.get(0).title);
    assertEquals(null, r.found.get(0).country, "Russia is what he spoke of, not his country");
  }

  @Test
  void titleAfterAComma_verbOfSaying_andACopula() {
    Run r = run("Minister for the Middle East, Tobias Ellwood, said the attack was horrific. "
        + "\"We will not stop,\" said Ali Hassan. Qanbar was a commander in the navy.");
    assertEquals(List.of("Minister for the Middle East, Tobias Ellwood=~person:tobias_ellwood",
        "Ali Hassan=~person:ali_hassan", "Qanbar=~person:qanbar"), r.pairs());
    assertEquals("Minister for the Middle East", r.found.get(0).title);
  }

  @Test
  void organisationsByHeadWordLeadWordAndAcronym() {
    Run r = run("The Syrian Computer Society was founded in 1989. The Office of Foreign Assets Control (OFAC) "
        + "listed the Society. OFAC acted again in 2014.");
    assertEquals(List.of("Syrian Computer Society=~organisation:syrian_computer_society",
        "Office of Foreign Assets Control=~organisation:office_of_foreign_assets_control",
        "OFAC=~organisation:office_of_foreign_assets_control", "Society=~organisation:syrian_computer_society",
        "OFAC=~organisation:office_of_foreign_assets_control"), r.pairs(), "\"the Society\" is the one named before");
    assertEquals("SYR", r.found.get(0).country, "the demonym inside the name");
  }

  @Test
  void aGroupWordAfterANameAndTheBareGroupWordLater() {
    Run r = run("Civilians were shelled by the Asad regime and Iraqi security forces. Aid must reach them, "
        + "and the regime must let it through.");
    // "Asad" inside "the Asad regime" is also the ruler it is named after
    assertEquals(List.of("Asad regime=~organisation:asad_regime", "Asad=~person:asad",
        "Iraqi security forces=~organisation:iraqi_security_forces", "regime=~organisation:asad_regime"), r.pairs());
    assertEquals("IRQ", r.found.get(2).country);
  }

  @Test
  void aRegimeNamesItsRulerAndTheRulerAloneLater() {
    assertEquals(List.of("Asad regime=~organisation:asad_regime", "Asad=~person:asad", "Asad=~person:asad"),
        run("This report makes clear that the Asad regime has failed. One day Asad must answer.").pairs());
    // a creed's or a people's adjective before "regime" is no ruler
    assertEquals(List.of("Baathist regime=~organisation:baathist_regime"), run("The Baathist regime fell.").pairs());
  }

  @Test
  void aLowerCaseVerbOfSayingIsNoHeadline_andSaidAfterAnApposition() {
    // every other word capitalised, but a headline would write "Says"
    assertEquals(List.of("Foreign Office Minister Tobias Ellwood=~person:tobias_ellwood"),
        run("Foreign Office Minister Tobias Ellwood said:").pairs());
    assertEquals(List.of("Zahid Mohammed Rawi=~person:zahid_mohammed_rawi"),
        run("A local physician from Husaybah, Zahid Mohammed Rawi, said that 97 civilians died.").pairs());
  }

  @Test
  void aBareTitleBeforeItsHolderIsNamed() {
    // Boris Johnson is the dictionary's: the bare title is his, as a discovered mention of his id
    assertEquals(List.of("Foreign Secretary=BORIS_JOHNSON"),
        run("The Foreign Secretary joined the talks. Later, Foreign Secretary Boris Johnson said it was bad.").pairs());
    // the apposition names the holder too, and is not a second mention of him
    assertEquals(List.of("Foreign Secretary=BORIS_JOHNSON"),
        run("The Foreign Secretary visited Iraq. The Foreign Secretary, Boris Johnson, said: we stand firm.").pairs());
    // one title word, followed by "of": an office in a speech, not the president named later
    assertEquals(List.of("President Ibrahim Solih=~person:ibrahim_solih"),
        run("We congratulate the President of the session. President Ibrahim Solih spoke.").pairs());
  }

  @Test
  void groupsOfAPeopleOrAState() {
    Run r = run("Aid must reach the Syrian people and 120 Iraqi soldiers; the Iraqi government agreed, and the "
        + "government said so. The people suffer.");
    // "the government" is the one named before; "the people" could be any people, so it is not taken
    assertEquals(List.of("Syrian people=~organisation:syrian_people", "Iraqi soldiers=~organisation:iraqi_soldiers",
        "Iraqi government=~organisation:iraqi_government", "government=~organisation:iraqi_government"), r.pairs());
    assertEquals("SYR", r.found.get(0).country);
    assertEquals(List.of("international community=~organisation:international_community",
        "coalition forces=~organisation:coalition_forces", "regime troops=~organisation:regime_troops"),
        run("The international community and coalition forces must act; regime troops shelled the town.").pairs());
  }

  @Test
  void shortFormsOfAnOrganisationsName() {
    assertEquals(List.of("Federal Government of Iraq=~organisation:federal_government_of_iraq"),
        run("We welcome the agreement between the Federal Government of Iraq and Erbil.").pairs());
    assertEquals(List.of("Alsumaria News=~organisation:alsumaria_news", "Alsumaria=~organisation:alsumaria_news"),
        run("Alsumaria News is an Iraqi network. Alsumaria produces its programs.").pairs());
    // a short form only for media and companies: "Brandbergen" alone is the place the mosque is named after
    assertEquals(List.of("Brandbergen Mosque=~place:brandbergen_mosque"),
        run("The Brandbergen Mosque opened. Brandbergen is a suburb.").pairs());
    // "the Council" is the council the article named; "the Organization" is too often the UN to say which
    assertEquals(List.of("Council=UNSC"), run("The Security Council met. The Council agreed.").pairs());
    assertEquals(List.of(), run("The World Health Organization met. The Organization agreed.").pairs());
    // an acronym defined after a name the dictionary knows is that actor, here and later
    assertEquals(List.of("NATOX=NATO", "NATOX=NATO"),
        run("The North Atlantic Treaty Organization (NATOX) met. NATOX agreed.").pairs());
  }

  @Test
  void cutOrMisreadNamesAreNotTaken() {
    // the run stops at "Republic" before "of Mali" and at "Peace" before "and National Cohesion": a cut name
    // would be a wrong one; "sister State" and "National Constitution" name nobody; "Chairman of the
    // Al-Quds Committee" is a body's office; "military" modifies "operation"; "the President of …" is an
    // office the sentence defines
    assertEquals(List.of(), run("The Government of the Republic of Mali agrees. The sister State of Libya is near. "
        + "Our National Constitution says so. The Chairman of the Al-Quds Committee spoke. The Russian military "
        + "operation goes on. We support a Commission on Peace and National Cohesion.").pairs());
    assertEquals(List.of("Deputy Prime Minister Ali Allawi=~person:ali_allawi"),
        run("Deputy Prime Minister Ali Allawi said so. The Deputy Foreign Minister did not.").pairs(),
        "a bare title is the titled person before it only when all its words are in that title");
    // a mosque is a building: a place
    assertEquals(List.of("Brandbergen Mosque=~place:brandbergen_mosque"), run("The Brandbergen Mosque opened.").pairs());
  }

  @Test
  void aWordTheRunLeftOutStartsTheName_andANameCutAtItsEndIsDropped() {
    // "New" is no name alone, so the run starts after it; "A" is a determiner, not part of the name;
    // "Group of Friends" stops before "of the Responsibility to Protect"; "sister" before one word names no one
    assertEquals(List.of("New Iraqi Army=~organisation:new_iraqi_army", "New York City=~place:new_york_city",
        "Foreign Office=~organisation:foreign_office"),
        run("Deployment of the New Iraqi Army began. It is held in New York City. We support the Group of Friends "
            + "of the Responsibility to Protect. A Foreign Office spokesman said so. Our sister Maghreb country helps.")
            .pairs());
  }

  @Test
  void theDictionarysWholeNameOpensABodyNamedAfterIt_andHyphenatedTitles() {
    // the dictionary matched "the United Nations"; the mission's name takes all of it, not "Nations"
    assertEquals(List.of("United Nations Integrated Transition Assistance Mission="
        + "~organisation:united_nations_integrated_transition_assistance_mission"),
        run("We cooperate with the United Nations Integrated Transition Assistance Mission.").pairs());
    // "General" joined by a hyphen is part of the title; a name ending in "Conference" is no person's;
    // "Island" before "nations" is an adjective
    assertEquals(List.of("Secretary-General Dag Hammarskjold=~person:dag_hammarskjold", "President Truman=~person:truman"),
        run("Let me recall former Secretary-General Dag Hammarskjold, who said so. In his address to the San "
            + "Francisco Conference, President Truman spoke. Finance must reach Pacific Island nations.").pairs());
  }

  @Test
  void anOrdinaryWordAndAndOpenTheName_butTwoNamesStayTwo() {
    // "economic" and "loss" are written in lower case in the article, so their capitals here belong to the
    // names; "Badr" is a name of its own; a bureau is no person; "Bill" opens a bill's name, not a man's
    assertEquals(List.of("Economic and Social Council=~organisation:economic_and_social_council",
        "Loss and Damage Fund=~organisation:loss_and_damage_fund", "Interior Ministry=~organisation:interior_ministry"),
        run("The economic crisis brought a loss. We sit on the Economic and Social Council. We agreed on a Loss and "
            + "Damage Fund. They attacked Badr and Interior Ministry officers. The National Bureau of Statistics "
            + "helped. We passed the Bill Prohibiting Child Marriage.").pairs());
  }

  @Test
  void aTitleWordAsSurname_aKindOfBodyBeforeItsName_andABranchsAcronym() {
    // "Bishop" after a title and a word that is nobody's title: a surname
    assertEquals(List.of("Foreign Minister Julie Bishop=~person:julie_bishop"),
        run("Foreign Minister Julie Bishop met him.").pairs());
    assertEquals(List.of("Züblin=~organisation:zublin", "Network Solutions=~organisation:network_solutions"),
        run("It was built by the German company Züblin and seized by the infrastructure operator Network Solutions.")
            .pairs());
    // al-Qaeda and Iraq are the dictionary's; the acronym is the branch, named by both
    assertEquals(List.of("AQI=~organisation:al_qaeda_in_iraq", "AQI=~organisation:al_qaeda_in_iraq"),
        run("He was active with al-Qaeda in Iraq (AQI). AQI lost.").pairs());
    assertEquals(List.of("Al Bu Nimr tribe=~organisation:al_bu_nimr_tribe",
        "Kurdistan Regional governments=~organisation:kurdistan_regional_governments"),
        run("ISIL killed members of the Al Bu Nimr tribe. Iraqi and Kurdistan Regional governments agreed.").pairs());
  }

  @Test
  void aBareTitleIsTheTitledPersonBeforeIt() {
    Run r = run("Foreign Office Minister Tobias Ellwood visited Turkey. In Ankara the Minister met refugees.");
    assertEquals(List.of("Foreign Office Minister Tobias Ellwood=~person:tobias_ellwood",
        "Minister=~person:tobias_ellwood"), r.pairs());
  }

  @Test
  void placesByHeadWordOrNoun() {
    Run r = run("Fighting reached the village of Hibhib and then Karrada District.");
    assertEquals(List.of("Hibhib=~place:hibhib", "Karrada District=~place:karrada_district"), r.pairs());
  }

  @Test
  void nothingWithoutACue() {
    // capitalised words with no cue: a treaty, a sentence opener, a headline, a name nobody types
    assertEquals(List.of(), run("However, the Paris Agreement on Climate Change was signed. Tobias Ellwood arrived.").pairs());
    assertEquals(List.of(), run("Jordan Signs Trade Deal With Gulf Partners").pairs());
  }

  @Test
  void theSeedArticleGainsNothing() throws Exception {
    // the seed article's 13 actors are all the dictionary's (on its date, 2021-06-01, "NATO Deputy
    // Secretary General Mircea Joan" is Geoană misspelt, bound by the role); every other capitalised
    // name in it (the Alliance, Summit, Allies) is no person or organisation the dictionary lacks
    String line = Files.readAllLines(Paths.get("sample", "seed.jsonl"), StandardCharsets.UTF_8).get(0);
    String text = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).path("text").asText();
    assertEquals(List.of(), run(text, LocalDate.of(2021, 6, 1)).pairs());
  }
}
