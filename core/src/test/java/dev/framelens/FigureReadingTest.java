package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.CasualtyCount.Kind;
import dev.framelens.CasualtyCount.Qualifier;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the engine reads casualty figures off figure rules, on a small lexicon of its own: lists
 * of figures sharing one harm, each number keeping its own harm, subsets, qualifiers, numbers
 * that count no people. All sentences are written for this test, with invented places.
 */
class FigureReadingTest {
  private static final FrameDetector DETECTOR = FrameDetector.builder()
      .lexicon(Lexicon.parse("figures.fl", """
          lexicon figures-test 1
          qualifier at-least means at-least : at least
          qualifier more-than means more-than : more than | over
          qualifier at-most means at-most : up to | as many as
          qualifier about means about : about | some | an? estimated
          qualifier nearly means nearly : nearly | almost
          subset including : including | "of them" | "of whom"
          who children = child children boy boys
          who civilians = civilian civilians villager villagers
          who soldiers = soldier soldiers
          who people = people
          frame casualty-emphasis negated none
            rule killed-count kind killed weight 0.95 : NUMBER ...{0,5} (killed | dead | died)
            rule killing-count kind killed weight 0.95 : (kill~ | shot) ...{0,3} NUMBER
            rule wounded-count kind wounded weight 0.9 : NUMBER ...{0,5} (wounded | injured)
              | (wound~ | injur*) ...{0,3} NUMBER
            rule toll-count kind killed weight 0.95 : toll ...{0,5} (at | to | of) NUMBER
            rule both-count kind killed-or-wounded weight 0.95
              overrides killed-count,wounded-count
              : NUMBER ...{0,5} (killed | dead) (or | and) (wounded | injured)
            rule detained-count kind detained weight 0.3 : NUMBER ...{0,4} detained
            rule killed weight 0.75 : killed
          modifier infinitive scope before 1 outside : to
            * -> drop
          modifier no-harm scope before 3 : no | not
            casualty-emphasis -> drop
          """))
      .build();

  private static List<CasualtyCount> figures(String text) {
    return DETECTOR.analyze(text).casualtyCounts();
  }

  /** Each figure as "text kind qualifier low/best/high who [<parent]", to compare at once. */
  private static String describe(String text) {
    List<CasualtyCount> counts = figures(text);
    return counts.stream().map(c -> c.text() + " " + c.kind().id() + " " + c.qualifier().id()
        + " " + value(c.low()) + "/" + value(c.best()) + "/" + value(c.high())
        + c.who().map(w -> " " + w).orElse("")
        + (c.subsetOf().isPresent() ? " <" + counts.get(c.subsetOf().getAsInt()).text() : ""))
        .collect(Collectors.joining("; "));
  }

  private static String value(OptionalLong v) {
    return v.isPresent() ? Long.toString(v.getAsLong()) : "-";
  }

  @Nested
  class SeveralFiguresShareOneHarm {
    @Test
    void aListWithItsOwnQualifiersAndASubsetBetweenCommas() {
      assertEquals("about 300 killed about -/300/- soldiers; "
              + "at least 45 killed at-least 45/45/- civilians; "
              + "a dozen killed exact 12/12/12 children <at least 45",
          describe("In Ostrel about 300 soldiers and at least 45 civilians, a dozen of them "
              + "children, were killed."));
    }

    @Test
    void theSameInThePresentPerfect() {
      assertEquals("Some 80 killed about -/80/- soldiers; 12 killed exact 12/12/12 civilians",
          describe("Some 80 soldiers as well as 12 civilians have died in the Tarn valley."));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Twelve soldiers, three villagers and two children were killed in the ambush.",
        "Twelve soldiers, three villagers, and two children were killed in the ambush.",
        "Twelve soldiers, three villagers plus two children were killed in the ambush.",
        "Twelve soldiers, three villagers as well as two children died in the ambush."})
    void aCommaListClosedByAnd(String sentence) {
      assertEquals("Twelve killed exact 12/12/12 soldiers; three killed exact 3/3/3 civilians; "
          + "two killed exact 2/2/2 children", describe(sentence));
    }

    @Test
    void aHarmVerbBeforeTheList() {
      assertEquals("12 killed exact 12/12/12 soldiers; 3 killed exact 3/3/3 civilians",
          describe("The raid on Ostrel killed 12 soldiers and 3 civilians."));
    }

    @Test
    void aCommaWithoutAClosingAndJoinsNothing() {
      assertEquals("12 killed exact 12/12/12 people",
          describe("After the blast, which wrecked 40 homes, 12 people were killed."));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Ilse Marrow, the leader of the 40 rebels, was killed in Ostrel.",
        "Ilse Marrow, the militia's number two, was killed in Ostrel.",
        "The convoy, which carried 40 soldiers, was killed off by the storm."})
    void aCommaBeforeTheVerbClosesOnlyAListOrAPartOfOne(String sentence) {
      assertEquals("", describe(sentence));
    }

    @Test
    void aParticipleAfterTheNounEndsTheListMember() {
      assertEquals("hundreds killed vague 200/-/999",
          describe("The raid left thousands of troops surrounded and hundreds dead."));
      assertEquals("12 killed exact 12/12/12 people",
          describe("The storm left 40 homes wrecked and 12 people dead."));
      assertEquals("12 killed exact 12/12/12; 3 killed exact 3/3/3 civilians",
          describe("12 armed men and 3 civilians were killed."));
    }

    @Test
    void aListThroughANounListBeforeTheVerb() {
      assertEquals("255 killed exact 255/255/255; 649 killed exact 649/649/649 soldiers; "
              + "three killed exact 3/3/3 civilians",
          describe("By then 255 Tarnish and 649 Velmoran soldiers, sailors, and airmen, as well "
              + "as three civilians, were dead."));
    }
  }

  @Nested
  class EachNumberKeepsItsOwnHarm {
    @ParameterizedTest
    @ValueSource(strings = {
        "12 killed and 30 wounded in Ostrel.",
        "12 were killed and 30 were wounded in Ostrel.",
        "The shelling killed 12 and wounded 30 in Ostrel.",
        "The shelling wounded 30 and killed 12 in Ostrel.",
        "The shelling killed 12, and 30 were wounded in Ostrel.",
        "The toll rose to 12 dead and 30 wounded in Ostrel."})
    void killedAndWoundedAreTwoFigures(String sentence) {
      List<CasualtyCount> counts = figures(sentence);
      assertEquals(2, counts.size(), counts::toString);
      for (CasualtyCount c : counts) {
        assertEquals(c.text().equals("12") ? Kind.KILLED : Kind.WOUNDED, c.kind(),
            counts::toString);
      }
    }

    @Test
    void aHarmWordOwnedByAnEarlierNumberIsNotReadByALaterOne() {
      assertEquals("Over 1,300 killed more-than 1300/-/-; 13 killed exact 13/13/13",
          describe("Over 1,300 Tarns and 13 Velmorans were killed and some 900 homes "
              + "were wrecked."));
    }

    @Test
    void aHarmNounAfterAndTheHeadsAPhraseOfItsOwn() {
      assertEquals("", describe("The raid wrecked hundreds of trucks and the dead lay by them."));
      assertEquals("12 killed exact 12/12/12 soldiers",
          describe("12 soldiers and their captain were killed."));
    }

    @Test
    void theNearerNumberWhenTheFartherIsNotListedWithIt() {
      assertEquals("40 killed exact 40/40/40 people",
          describe("The bombers killed 40 people in two attacks on Ostrel."));
      assertEquals("40 killed exact 40/40/40",
          describe("The toll from two attacks rose to 40 in Ostrel."));
    }

    @Test
    void killedOrWoundedIsOneFigureOfItsOwnKind() {
      CasualtyCount c = figures("More than 400 soldiers were killed or wounded.").get(0);
      assertEquals(Kind.KILLED_OR_WOUNDED, c.kind());
      assertEquals("killed-or-wounded", c.kind().id());
      assertEquals(Kind.KILLED_OR_WOUNDED, Kind.fromId("killed-or-wounded"));
      assertEquals(1, figures("Some 60 villagers lay dead or injured.").size());
    }
  }

  @Nested
  class Subsets {
    @Test
    void aWholeBeforeAMarkerBetweenCommasIsMadeAFigure() {
      assertEquals("About 300 killed about -/300/- people; "
              + "40 killed exact 40/40/40 children <About 300",
          describe("About 300 people, including 40 children, were killed in the raid."));
    }

    @Test
    void aQualifiedPartBetweenCommas() {
      assertEquals("About 300 killed about -/300/- people; "
              + "an estimated 40 killed about -/40/- children <About 300",
          describe("About 300 people, including an estimated 40 children, have died."));
    }

    @Test
    void aNumberBeforeOfThemIsPartOfTheFigureBefore() {
      assertEquals("39 killed exact 39/39/39; 12 killed exact 12/12/12 children <39",
          describe("The toll rose to 39, 12 of them children."));
    }

    @Test
    void aNumberBeforeOfThemThatCountsNoPeopleIsNoFigure() {
      assertEquals("39 killed exact 39/39/39",
          describe("The toll rose to 39, 37 of them named."));
    }

    @Test
    void aPartCountsTheHarmOfItsWholeNotOfTheNextClause() {
      // The part's number also stands before the next clause's harm ("... 40 children, and
      // 600 villagers were wounded"), which a figure rule may read as a list; a part of a
      // figure counts what the figure counts.
      assertEquals("At least 300 killed at-least 300/300/- people; "
              + "an estimated 40 killed about -/40/- children <At least 300; "
              + "600 wounded exact 600/600/600 civilians",
          describe("At least 300 people were killed, including an estimated 40 children, "
              + "and 600 villagers were wounded."));
    }

    @Test
    void aMarkerAfterANumberThatDoesNotStartWithOfLooksForward() {
      assertEquals("300 killed exact 300/300/300; 40 killed exact 40/40/40 children <300",
          describe("The militia killed 300 including 40 children."));
    }
  }

  @Nested
  class Qualifiers {
    @Test
    void moreThanIsALowBoundWithoutABestEstimate() {
      CasualtyCount c = figures("More than 200 villagers were killed.").get(0);
      assertEquals(Qualifier.MORE_THAN, c.qualifier());
      assertEquals(List.of(OptionalLong.of(200), OptionalLong.empty(), OptionalLong.empty()),
          List.of(c.low(), c.best(), c.high()));
    }

    @Test
    void eachQualifierSetsTheValuesTheGuideSays() {
      assertEquals("at least 20 killed at-least 20/20/-", describe("at least 20 were killed"));
      assertEquals("up to 20 killed at-most -/20/20", describe("up to 20 were killed"));
      assertEquals("about 20 killed about -/20/-", describe("about 20 were killed"));
      assertEquals("nearly 20 killed nearly -/20/20", describe("nearly 20 were killed"));
      assertEquals("over two dozen killed more-than 24/-/-",
          describe("over two dozen were killed"));
      assertEquals("more than hundreds killed vague 200/-/-",
          describe("more than hundreds were killed"));
    }

    @Test
    void aQualifiersWordsAreNoModifierTriggers() {
      // "to" in "up to" is no infinitive: the figure and its evidence stay.
      FrameAnalysis a = DETECTOR.analyze("Up to 40 villagers were killed in Ostrel.");
      assertEquals(1, a.casualtyCounts().size(), a::toString);
      assertTrue(a.suppressed().isEmpty(), a::toString);
      FrameAnalysis detained = DETECTOR.analyze("Up to 40 people were detained in Ostrel.");
      assertEquals(Qualifier.AT_MOST, detained.casualtyCounts().get(0).qualifier());
    }

    @Test
    void aNegationOutsideTheQualifierStillActs() {
      assertEquals(List.of(), figures("Not 40 villagers were killed, but 4."));
    }
  }

  @Nested
  class NumbersThatCountNoPeople {
    @ParameterizedTest
    @ValueSource(strings = {
        "On 7 October 12 soldiers were killed in Ostrel.",
        "Since March 3 12 soldiers have died in Ostrel.",
        "At 5 p.m. 12 soldiers were killed in Ostrel.",
        "Three days of shelling killed 12 soldiers in Ostrel.",
        "Over 3 years the war killed 12 soldiers in Ostrel.",
        "The shelling killed 12 soldiers in 3 days."})
    void onlyTheCountIsRead(String sentence) {
      List<CasualtyCount> counts = figures(sentence);
      assertEquals(1, counts.size(), counts::toString);
      assertEquals(OptionalLong.of(12), counts.get(0).best(), counts::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "A 12-year-old boy was killed in Ostrel.",
        "The 40th day of the siege ended as the 3rd Brigade was killed off.",
        "Villagers killed in the 1990s were buried by Route 60.",
        "Resolution 242 was read out as Unit 8200 reported nobody killed.",
        "The boy, aged 12, was killed in Ostrel.",
        "Survivors of World War Two recalled the dead."})
    void nothingIsRead(String sentence) {
      FrameAnalysis a = DETECTOR.analyze(sentence);
      assertEquals(List.of(), a.casualtyCounts(), a::toString);
    }

    @Test
    void anAgeIsNotAFigureButTheCountBeforeItIs() {
      assertEquals("Two killed exact 2/2/2 children",
          describe("Two 12-year-old boys were killed in Ostrel."));
    }
  }

  @Test
  void aFiguresTextIsItsSourceWithItsQualifier() {
    String text = "Officials said at least 45 civilians were killed.";
    CasualtyCount c = figures(text).get(0);
    assertEquals(text.substring(c.start(), c.end()), c.text());
    assertEquals("at least 45", c.text());
    assertEquals(Optional.of("civilians"), c.who());
    assertEquals(OptionalInt.empty(), c.subsetOf());
  }
}
