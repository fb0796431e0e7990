package io.actorscope.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.actors.DictionaryModel.ActorDef;
import io.actorscope.actors.DictionaryModel.AliasDef;
import io.actorscope.actors.DictionaryModel.HolderDef;
import io.actorscope.actors.DictionaryModel.RoleDef;
import io.actorscope.text.TextAnalyzer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The matcher on a small dictionary built here, so every expectation follows from what is written. */
class ActorMatcherTest {
  private static final Set<String> ALL = Set.of("alias", "role", "metonym", "demonym");

  private static ActorDef actor(String id, String type, String name, List<AliasDef> aliases, List<String> demonyms,
      List<String> metonyms) {
    ActorDef a = new ActorDef();
    a.id = id;
    a.type = type;
    a.name = name;
    a.aliases = new ArrayList<>(aliases);
    a.demonyms = demonyms.stream().map(AliasDef::of).collect(Collectors.toList());
    a.metonyms = metonyms.stream().map(AliasDef::of).collect(Collectors.toList());
    return a;
  }

  private static ActorDef nameLike(ActorDef a) {
    a.nameLike = true;
    return a;
  }

  private static AliasDef letUs() {
    AliasDef us = AliasDef.of("US");
    us.notAfter = List.of("LET");
    return us;
  }

  private static ActorDef notAlone(ActorDef a) {
    a.surnameAlone = false;
    return a;
  }

  private static HolderDef holder(String actor, String from, String to) {
    HolderDef h = new HolderDef();
    h.actor = actor;
    h.from = LocalDate.parse(from);
    h.to = to == null ? null : LocalDate.parse(to);
    return h;
  }

  static DictionaryLoader.Loaded dictionary() {
    List<ActorDef> actors = List.of(
        actor("RUS", "country", "Russia", List.of(AliasDef.of("Russian Federation")), List.of("Russian"), List.of("Moscow")),
        actor("USA", "country", "United States", List.of(letUs(), AliasDef.of("U.S.")), List.of("American"),
            List.of("Washington")),
        actor("TUR", "country", "Türkiye", List.of(AliasDef.of("Turkey", "initial")), List.of(), List.of()),
        nameLike(actor("JOR", "country", "Jordan", List.of(), List.of(), List.of())),
        actor("NATO", "igo", "NATO", List.of(AliasDef.of("the Alliance", "initial"), AliasDef.of("North Atlantic Alliance")),
            List.of(), List.of()),
        actor("JENS_STOLTENBERG", "person", "Jens Stoltenberg", List.of(), List.of(), List.of()),
        actor("MARK_RUTTE", "person", "Mark Rutte", List.of(), List.of(), List.of()),
        actor("MIRCEA_GEOANA", "person", "Mircea Geoană", List.of(), List.of(), List.of()),
        actor("UN", "igo", "United Nations", List.of(AliasDef.of("UN"), AliasDef.of("the UN")), List.of(), List.of()),
        actor("ANTONIO_GUTERRES", "person", "António Guterres", List.of(), List.of(), List.of()),
        actor("GBR", "country", "United Kingdom", List.of(AliasDef.of("Britain")), List.of("British"), List.of()),
        actor("DOMINIC_RAAB", "person", "Dominic Raab", List.of(), List.of(), List.of()),
        actor("BORIS_JOHNSON", "person", "Boris Johnson", List.of(), List.of(), List.of()),
        actor("BARACK_OBAMA", "person", "Barack Obama", List.of(), List.of(), List.of()),
        actor("BILL_CLINTON", "person", "Bill Clinton", List.of(), List.of(), List.of()),
        actor("HILLARY_CLINTON", "person", "Hillary Clinton", List.of(), List.of(), List.of()),
        notAlone(actor("GORDON_BROWN", "person", "Gordon Brown", List.of(), List.of(), List.of())),
        actor("XI_JINPING", "person", "Xi Jinping", List.of(), List.of(), List.of()));
    actors.get(actors.size() - 1).surname = "Xi";
    RoleDef un = new RoleDef();
    un.id = "UN_SECRETARY_GENERAL";
    un.body = "UN";
    un.titles = List.of("Secretary-General");
    un.holders = List.of(holder("ANTONIO_GUTERRES", "2017-01-01", null));
    RoleDef sg = new RoleDef();
    sg.id = "NATO_SECRETARY_GENERAL";
    sg.body = "NATO";
    sg.titles = List.of("Secretary General");
    sg.holders = List.of(holder("JENS_STOLTENBERG", "2014-10-01", "2024-09-30"), holder("MARK_RUTTE", "2024-10-01", null));
    RoleDef fm = new RoleDef();
    fm.id = "RUS_FOREIGN_MINISTER";
    fm.body = "RUS";
    fm.titles = List.of("Foreign Minister");
    fm.holders = List.of();
    RoleDef fs = new RoleDef();
    fs.id = "GBR_FOREIGN_SECRETARY";
    fs.body = "GBR";
    fs.titles = List.of("Foreign Secretary");
    fs.generic = List.of(AliasDef.of("head of the Foreign Office"));
    fs.holders = List.of(holder("DOMINIC_RAAB", "2019-07-24", "2021-09-15"));
    Map<String, String> origin = new LinkedHashMap<>();
    actors.forEach(a -> origin.put(a.id, "test"));
    for (RoleDef r : List.of(sg, fm, un, fs)) {
      origin.put(r.id, "test");
    }
    return DictionaryLoader.compile(actors, List.of(sg, fm, un, fs), origin);
  }

  private static List<Mention> match(String text, String date) {
    ActorMatcher m = new ActorMatcher(dictionary().dictionary, ALL);
    return m.match(TextAnalyzer.analyze("a1", date == null ? null : LocalDate.parse(date), "src", text));
  }

  private static List<String> found(String text, String date, String precision) {
    io.actorscope.io.Article a = new io.actorscope.io.Article();
    a.setId("a1");
    a.setDate(date == null ? null : LocalDate.parse(date));
    a.setDatePrecision(precision);
    a.setText(text);
    return new ActorMatcher(dictionary().dictionary, ALL).match(TextAnalyzer.analyze(a)).stream()
        .map(x -> x.getSurface() + "=" + x.getActorId() + "/" + x.getMatchKind())
        .collect(Collectors.toList());
  }

  private static List<String> found(String text, String date) {
    return found(text, date, null);
  }

  @Test
  void roleResolvesToTheHolderOnTheArticleDate() {
    String text = "NATO Secretary General spoke.";
    assertEquals(List.of("NATO Secretary General=JENS_STOLTENBERG/role"), found(text, "2021-06-01"));
    assertEquals("role_holder", match(text, "2021-06-01").get(0).getResolvedBy());
    assertEquals("MARK_RUTTE", match(text, "2025-06-01").get(0).getActorId());
    // both ends of a term are inclusive; the successor takes over the next day
    assertEquals("JENS_STOLTENBERG", match(text, "2024-09-30").get(0).getActorId());
    assertEquals("MARK_RUTTE", match(text, "2024-10-01").get(0).getActorId());
  }

  @Test
  void anArticleDatedOnlyByYearOrMonthNeedsOneHolderThroughout() {
    String text = "NATO Secretary General";
    // 2024: Stoltenberg until Sep 30, Rutte from Oct 1 -> no single holder for the year
    assertEquals(List.of("NATO Secretary General=NATO/role_unfilled"), found(text, "2024-01-01", "year"));
    assertEquals(List.of("NATO Secretary General=JENS_STOLTENBERG/role"), found(text, "2022-01-01", "year"));
    assertEquals(List.of("NATO Secretary General=JENS_STOLTENBERG/role"), found(text, "2024-09-01", "month"));
    assertEquals(List.of("NATO Secretary General=MARK_RUTTE/role"), found(text, "2024-10-01", "month"));
    // an approximate day is the best estimate there is: resolved as a day
    assertEquals(List.of("NATO Secretary General=JENS_STOLTENBERG/role"), found(text, "2024-09-30", "approximate"));
  }

  @Test
  void roleWithNoHolderOnRecordStaysOnItsBody() {
    assertEquals(List.of("NATO Secretary General=NATO/role_unfilled"), found("NATO Secretary General", "2001-01-01"));
    assertEquals(List.of("NATO Secretary General=NATO/role_unfilled"), found("NATO Secretary General", null));
    assertEquals(List.of("Russian Foreign Minister=RUS/role_unfilled"), found("Russian Foreign Minister", "2021-06-01"));
  }

  @Test
  void generatedRoleFormsCoverGenitivesAndOfPhrases() {
    assertEquals(List.of("Russia’s foreign minister=RUS/role_unfilled", "Foreign Minister of the Russian Federation=RUS/role_unfilled"),
        found("Russia’s foreign minister met the Foreign Minister of the Russian Federation.", "2021-06-01"));
  }

  @Test
  void longestMatchWinsAndMentionsDoNotOverlap() {
    // "the Alliance" must not swallow "the" of a longer name that follows
    assertEquals(List.of("North Atlantic Alliance=NATO/alias"), found("the North Atlantic Alliance", "2021-06-01"));
    assertEquals(List.of("Russian Federation=RUS/alias", "Russian=RUS/demonym"),
        found("Russian Federation and Russian troops", "2021-06-01"));
  }

  @Test
  void acronymsMatchOnlyInCapitalsNamesInAnyCase() {
    assertEquals(List.of("US=USA/alias", "U.S.=USA/alias"), found("The US told us that U.S. forces stay.", "2021-06-01"));
    assertEquals(List.of("RUSSIA=RUS/alias", "russia=RUS/alias"), found("RUSSIA and russia", "2021-06-01"));
    assertEquals(List.of(), found("nato members", "2021-06-01"));
  }

  @Test
  void initialPolicyNeedsTheCapital() {
    assertEquals(List.of("Turkey=TUR/alias", "TURKEY=TUR/alias"), found("Turkey ate turkey. TURKEY", "2021-06-01"));
    assertEquals(List.of("The Alliance=NATO/alias"), found("The Alliance is not an alliance.", "2021-06-01"));
  }

  @Test
  void diacriticsHyphensAndApostrophesAreFolded() {
    assertEquals(List.of("Mircea Geoana=MIRCEA_GEOANA/alias", "Mircea Geoană=MIRCEA_GEOANA/alias",
            "NATO Secretary-General=JENS_STOLTENBERG/role", "Türkiye=TUR/alias", "Turkiye=TUR/alias"),
        found("Mircea Geoana, Mircea Geoană, NATO Secretary-General, Türkiye, Turkiye", "2021-06-01"));
  }

  @Test
  void metonymsAndDemonymsAreTheirOwnKinds() {
    assertEquals(List.of("Moscow=RUS/metonym", "American=USA/demonym"), found("Moscow and American diplomats", "2021-06-01"));
    ActorMatcher aliasesOnly = new ActorMatcher(dictionary().dictionary, Set.of("alias"));
    assertTrue(aliasesOnly.match(TextAnalyzer.analyze("a", LocalDate.parse("2021-06-01"), "s", "Moscow and American")).isEmpty());
  }

  @Test
  void offsetsAndSentencesAreExact() {
    String text = "Hello there. Then Russia’s army moved.";
    Mention m = match(text, "2021-06-01").get(0);
    assertEquals(18, m.getStart());
    assertEquals(24, m.getEnd());
    assertEquals("Russia", text.substring(m.getStart(), m.getEnd()));
    assertEquals(1, m.getSentence());
  }

  @Test
  void aPhraseStartingOneTokenLaterThatReachesFurtherWins() {
    // "the UN" is an alias; "UN Secretary-General" (one token later) reaches further and wins
    assertEquals(List.of("UN Secretary-General=ANTONIO_GUTERRES/role"), found("the UN Secretary-General said", "2021-06-01"));
    assertEquals(List.of("the UN=UN/alias"), found("in the UN today", "2021-06-01"));
  }

  @Test
  void offsetsCountCodePointsBeyondTheBasicPlane() {
    // the flag is two code points (four UTF-16 units): "Russia" starts at code point 3
    String text = "\uD83C\uDDFA\uD83C\uDDE6 Russia";
    Mention m = match(text, "2021-06-01").get(0);
    assertEquals(3, m.getStart());
    assertEquals(9, m.getEnd());
    assertEquals("Russia", m.getSurface());
  }

  @Test
  void phrasesDoNotCrossSentences() {
    // "NATO. Secretary General" is not NATO's Secretary General; the bare title has no role before it
    assertEquals(List.of("NATO=NATO/alias", "Guterres=ANTONIO_GUTERRES/alias"),
        found("They left NATO. Secretary General Guterres spoke.", "2021-06-01"));
  }

  @Test
  void overlappingTermsAndClashingAliasesAreRejected() {
    RoleDef bad = new RoleDef();
    bad.id = "R";
    bad.body = "NATO";
    bad.titles = List.of("Chief");
    bad.holders = List.of(holder("MARK_RUTTE", "2020-01-01", "2022-01-01"), holder("JENS_STOLTENBERG", "2021-01-01", null));
    ActorDef nato = actor("NATO", "igo", "NATO", List.of(), List.of(), List.of());
    ActorDef rutte = actor("MARK_RUTTE", "person", "Mark Rutte", List.of(), List.of(), List.of());
    ActorDef jens = actor("JENS_STOLTENBERG", "person", "Jens Stoltenberg", List.of(), List.of(), List.of());
    Map<String, String> origin = Map.of("NATO", "f", "MARK_RUTTE", "f", "JENS_STOLTENBERG", "f", "R", "f");
    DictionaryLoader.DictionaryException e = assertThrows(DictionaryLoader.DictionaryException.class,
        () -> DictionaryLoader.compile(List.of(nato, rutte, jens), List.of(bad), origin));
    assertTrue(e.getMessage().contains("overlap"), e.getMessage());

    ActorDef other = actor("OTHER", "organisation", "Mark Rutte", List.of(), List.of(), List.of());
    Map<String, String> origin2 = Map.of("MARK_RUTTE", "f", "OTHER", "g");
    e = assertThrows(DictionaryLoader.DictionaryException.class,
        () -> DictionaryLoader.compile(List.of(rutte, other), List.of(), origin2));
    assertTrue(e.getMessage().contains("also names Mark Rutte (MARK_RUTTE)"), e.getMessage());
  }

  private static List<String> how(String text, String date, Set<String> kinds) {
    return new ActorMatcher(dictionary().dictionary, kinds).match(TextAnalyzer.analyze("a1", LocalDate.parse(date), "s", text))
        .stream().map(x -> x.getSurface() + "=" + x.getActorId() + "/" + x.getMatchKind() + "/" + x.getResolvedBy()
            + (x.getRoleId() == null ? "" : "/" + x.getRoleId()))
        .collect(Collectors.toList());
  }

  private static List<String> how(String text, String date) {
    return how(text, date, ALL);
  }

  @Test
  void aNameAfterARoleIsBoundToIt() {
    // the holder's name: one mention over role and name
    assertEquals(List.of("NATO Secretary General Jens Stoltenberg=JENS_STOLTENBERG/role/role_name/NATO_SECRETARY_GENERAL"),
        how("NATO Secretary General Jens Stoltenberg spoke.", "2021-06-01"));
    // a known name wins over the holder on record (Rutte in 2025)
    assertEquals(List.of("NATO Secretary General Jens Stoltenberg=JENS_STOLTENBERG/alias/role_name/NATO_SECRETARY_GENERAL"),
        how("NATO Secretary General Jens Stoltenberg spoke.", "2025-06-01"));
    // an unknown spelling sharing a word with the holder's name is the holder
    assertEquals(List.of("NATO Secretary General Jens Stoltenbrg=JENS_STOLTENBERG/role/role_name/NATO_SECRETARY_GENERAL"),
        how("NATO Secretary General Jens Stoltenbrg spoke.", "2021-06-01"));
    // an unknown name sharing nothing with the holder's: the office is someone else's here
    assertEquals(List.of("NATO Secretary General=NATO/role_unfilled/role_holder/NATO_SECRETARY_GENERAL"),
        how("NATO Secretary General John Smith spoke.", "2021-06-01"));
    // roles not counted: the name still is
    assertEquals(List.of("Jens Stoltenberg=JENS_STOLTENBERG/alias/role_name"),
        how("NATO Secretary General Jens Stoltenberg spoke.", "2021-06-01", Set.of("alias")));
  }

  @Test
  void aSurnameIsThePersonNamedInTheArticleOrTheOnlyOneWithIt() {
    assertEquals(List.of("Jens Stoltenberg=JENS_STOLTENBERG/alias/alias", "Stoltenberg=JENS_STOLTENBERG/alias/surname"),
        how("Jens Stoltenberg arrived. Stoltenberg said so.", "2021-06-01"));
    assertEquals(List.of("Stoltenberg=JENS_STOLTENBERG/alias/surname_unique"), how("Then Stoltenberg said so.", "2021-06-01"));
    // two Clintons: the one named in the article, or neither
    assertEquals(List.of(), how("Then Clinton said so.", "2021-06-01"));
    assertEquals(List.of("Hillary Clinton=HILLARY_CLINTON/alias/alias", "Clinton=HILLARY_CLINTON/alias/surname"),
        how("Hillary Clinton came. Then Clinton said so.", "2021-06-01"));
    // surname_alone: false -> only after the full name
    assertEquals(List.of(), how("Then Brown said so.", "2021-06-01"));
    assertEquals(List.of("Gordon Brown=GORDON_BROWN/alias/alias", "Brown=GORDON_BROWN/alias/surname"),
        how("Gordon Brown came. Then Brown said so.", "2021-06-01"));
    // a surname needs its capital; a family name first is declared
    assertEquals(List.of(), how("the brown dog", "2021-06-01"));
    assertEquals(List.of("Xi=XI_JINPING/alias/surname_unique"), how("Then Xi said so.", "2021-06-01"));
    assertEquals(List.of(), how("Chapter XI. Education", "2021-06-01"));
    // the holder bound by a role is named too: his surname after it is him
    assertEquals(List.of("British Foreign Secretary=DOMINIC_RAAB/role/role_holder/GBR_FOREIGN_SECRETARY",
        "Raab=DOMINIC_RAAB/alias/surname"), how("British Foreign Secretary spoke. Raab said so.", "2021-06-01"));
  }

  @Test
  void aNearSpellingOfSomeoneInTheArticleIsThatPerson() {
    assertEquals(List.of("Jens Stoltenberg=JENS_STOLTENBERG/alias/alias", "Stoltenbreg=JENS_STOLTENBERG/alias/fuzzy"),
        how("Jens Stoltenberg arrived. According to Stoltenbreg, it rained.", "2021-06-01"));
    // never a sentence's first word, never without the person in the article, never two letters off a short name
    assertEquals(List.of("Jens Stoltenberg=JENS_STOLTENBERG/alias/alias"),
        how("Jens Stoltenberg arrived. Stoltenbreg said so.", "2021-06-01"));
    assertEquals(List.of(), how("According to Stoltenbreg, it rained.", "2021-06-01"));
    assertEquals(List.of("Dominic Raab=DOMINIC_RAAB/alias/alias"), how("Dominic Raab came. Then Rabe said so.", "2021-06-01"));
    // a name bound by a role: "Joanet" after "Mircea Joan" (edit distance 2 on a 6-letter word)
    assertEquals(List.of("NATO Secretary General Jens Joan=JENS_STOLTENBERG/role/role_name/NATO_SECRETARY_GENERAL",
        "Joanet=JENS_STOLTENBERG/alias/fuzzy"), how("NATO Secretary General Jens Joan spoke. Then Joanet said so.", "2021-06-01"));
    assertTrue(ActorMatcher.near("joanet", "joan"));
    assertTrue(!ActorMatcher.near("ryan", "raab"));
    assertEquals(3, ActorMatcher.editDistance("kitten", "sitting", 5));
  }

  @Test
  void aTitleWithoutItsBodyIsTheRoleNamedJustBefore() {
    assertEquals(List.of("British Foreign Secretary Dominic Raab=DOMINIC_RAAB/role/role_name/GBR_FOREIGN_SECRETARY",
            "head of the Foreign Office=DOMINIC_RAAB/role/title_antecedent/GBR_FOREIGN_SECRETARY",
            "Foreign Secretary=DOMINIC_RAAB/role/title_antecedent/GBR_FOREIGN_SECRETARY"),
        how("British Foreign Secretary Dominic Raab spoke. The head of the Foreign Office added more. "
            + "The Foreign Secretary left.", "2021-06-01"));
    // more than two sentences back: not an antecedent
    assertEquals(List.of("British Foreign Secretary=DOMINIC_RAAB/role/role_holder/GBR_FOREIGN_SECRETARY"),
        how("British Foreign Secretary spoke. One. Two. The Foreign Secretary left.", "2021-06-01"));
    // none at all: a title only one role carries is that role when the article names its country
    // most; otherwise, or when several roles carry it, nobody
    assertEquals(List.of("Britain=GBR/alias/alias", "Britain=GBR/alias/alias",
            "Foreign Secretary=DOMINIC_RAAB/role/title_unique/GBR_FOREIGN_SECRETARY", "Russia=RUS/alias/alias"),
        how("Britain spoke. Britain again. The Foreign Secretary met Russia.", "2021-06-01"));
    assertEquals(List.of("Russia=RUS/alias/alias", "Russia=RUS/alias/alias", "Britain=GBR/alias/alias"),
        how("Russia spoke. Russia again. The Foreign Secretary met Britain.", "2021-06-01"));
    assertEquals(List.of(), how("The Foreign Secretary left.", "2021-06-01"));
    assertEquals(List.of(), how("The Secretary General left.", "2021-06-01"));
  }

  @Test
  void aNameThatIsAlsoAPersonsOrCompanysIsNotMatchedInsideAnotherName() {
    assertEquals(List.of("Jordan=JOR/alias", "Washington=USA/metonym"), found("Jordan and Washington agreed.", "2021-06-01"));
    assertEquals(List.of(), found("Then Michael Jordan played. The Washington Post wrote. Jordan-Pacific rose.", "2021-06-01"));
    // a word that starts the sentence says nothing; nor do words that no name is made of
    assertEquals(List.of("Jordan=JOR/alias", "Jordan=JOR/alias"), found("Yesterday Jordan agreed. In Jordan, it rained.", "2021-06-01"));
    // another actor joined to it is no veto; a headline capitalises everything
    assertEquals(List.of("Jordan=JOR/alias", "Russia=RUS/alias"), found("the Jordan-Russia talks", "2021-06-01"));
    assertEquals(List.of("Jordan=JOR/alias"), found("Jordan Signs Trade Deal", "2021-06-01"));
    // "LET US" is the pronoun
    assertEquals(List.of("US=USA/alias"), found("LET US ACT NOW, SAID THE US", "2021-06-01"));
  }

  @Test
  void aSurnameInsideAnotherNameIsNobodys() {
    assertEquals(List.of("Johnson=BORIS_JOHNSON/alias/surname_unique"), how("Then Mr. Johnson spoke.", "2021-06-01"));
    assertEquals(List.of("Johnson=BORIS_JOHNSON/alias/surname_unique"), how("Then President Johnson spoke.", "2021-06-01"));
    // a company, a first name or an initial before it, a name word after it, an article, a hyphen
    for (String text : List.of("They bought Johnson & Johnson vaccines.", "Then Ellen Johnson spoke.",
        "Then Marsha P. Johnson spoke.", "Then Johnson Sirleaf spoke.", "Then the Johnson family spoke.",
        "Then Al-Johnson spoke.", "Then Johnson's Law held.")) {
      assertEquals(List.of(), how(text, "2021-06-01"), text);
    }
    // not even with the person named in full in the same article
    assertEquals(List.of("Boris Johnson=BORIS_JOHNSON/alias/alias"),
        how("Boris Johnson came. They bought Johnson & Johnson vaccines.", "2021-06-01"));
    // a near spelling of a short surname is another person ("Osama" is not "Obama")
    assertEquals(List.of("Barack Obama=BARACK_OBAMA/alias/alias"),
        how("Barack Obama spoke. Then Osama said so. And Osama bin Laden too.", "2021-06-01"));
    assertTrue(ActorMatcher.nearSurname("gueterres", "guterres"));
    assertTrue(!ActorMatcher.nearSurname("charter", "charles"));
  }
}
