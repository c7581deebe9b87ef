package dev.framelens.lexicons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.CasualtyCount;
import dev.framelens.CasualtyCount.Kind;
import dev.framelens.CasualtyCount.Qualifier;
import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Casualty figures the default English lexicon reads: several figures sharing one harm, vague
 * and spelled-out quantities, the phrasings of lives cost and people left dead, killed or
 * wounded together, and the numbers that count no people. All sentences are written for this
 * test, with invented places.
 */
class DefaultLexiconFiguresTest {
  private static final FrameDetector DETECTOR = FrameDetector.withDefaultLexicon();

  private static List<CasualtyCount> figures(String text) {
    return DETECTOR.analyze(text).casualtyCounts();
  }

  private static CasualtyCount only(String text) {
    List<CasualtyCount> counts = figures(text);
    assertEquals(1, counts.size(), () -> text + " -> " + counts);
    return counts.get(0);
  }

  /** Each figure as "text kind qualifier low/best/high who [<parent]". */
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
    void eachWithItsOwnQualifierAndAPartOfTheSecond() {
      assertEquals("about 300 killed about -/300/- soldiers; "
              + "at least 45 killed at-least 45/45/- civilians; "
              + "a dozen killed exact 12/12/12 children <at least 45",
          describe("In the Tarn valley about 300 soldiers and at least 45 civilians, a dozen of "
              + "them children, were killed."));
    }

    @Test
    void theSameInThePresentPerfectWithPlusAndAsWellAs() {
      assertEquals("Some 80 killed about -/80/- soldiers; 12 killed exact 12/12/12 civilians; "
              + "three killed exact 3/3/3 children",
          describe("Some 80 soldiers, 12 villagers plus three children have died in Ostrel."));
      assertEquals("nearly 60 wounded nearly -/60/60 soldiers; 14 wounded exact 14/14/14 women",
          describe("By noon nearly 60 soldiers as well as 14 women had been wounded."));
    }

    @Test
    void aHarmVerbBeforeTheList() {
      assertEquals("20 killed exact 20/20/20 soldiers; 4 killed exact 4/4/4 children",
          describe("The drone strike on Ostrel killed 20 soldiers and 4 children."));
    }

    @Test
    void aPartCountedBeforeOfWhom() {
      assertEquals("40 killed exact 40/40/40 people; 12 killed exact 12/12/12 children <40",
          describe("The strike on the school killed 40 people, 12 of whom were children."));
      assertEquals("Well over 300 killed more-than 300/-/- civilians; "
              + "90 killed exact 90/90/90 women <Well over 300",
          describe("Well over 300 villagers have died, among those 90 women."));
    }

    @Test
    void aWholeAndItsPartBetweenCommas() {
      assertEquals("About 300 killed about -/300/- people; "
              + "40 killed exact 40/40/40 children <About 300",
          describe("About 300 people, including 40 children, were killed in the raid."));
    }
  }

  @Nested
  class EachNumberKeepsItsOwnHarm {
    @ParameterizedTest
    @ValueSource(strings = {
        "12 killed and 30 wounded in the shelling of Ostrel.",
        "12 people were killed and 30 were wounded in the shelling of Ostrel.",
        "The shelling of Ostrel killed 12 and wounded 30.",
        "The shelling of Ostrel wounded 30 and killed 12.",
        "The shelling of Ostrel killed 12, and 30 were wounded."})
    void killedAndWounded(String sentence) {
      List<CasualtyCount> counts = figures(sentence);
      assertEquals(2, counts.size(), counts::toString);
      for (CasualtyCount c : counts) {
        assertEquals(c.best().getAsLong() == 12 ? Kind.KILLED : Kind.WOUNDED, c.kind(),
            counts::toString);
      }
    }

    @Test
    void killedAndTakenHostage() {
      assertEquals("around 900 killed about -/900/- people; 140 hostage exact 140/140/140",
          describe("On that day around 900 people were killed and 140 others taken hostage."));
    }

    @Test
    void aNumberOfThingsIsNotReadWithTheHarmOfTheNextPhrase() {
      assertEquals("", describe("The raid wrecked hundreds of trucks and the dead lay by them."));
      assertEquals("40 killed exact 40/40/40 people",
          describe("The bombers killed 40 people in two attacks on the market."));
      assertEquals("13 killed exact 13/13/13",
          describe("13 Tarns were killed and some 900 homes were burned."));
    }
  }

  @Nested
  class VagueAndSpelledOutQuantities {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hundreds were killed when the dam was bombed. | killed | 200 | 999",
        "Thousands fled as the front moved south. | displaced | 2000 | 9999",
        "Dozens of civilians were wounded in the market. | wounded | 24 | 99",
        "The purge left scores dead in the capital. | killed | 40 | 199",
        "Tens of thousands have been displaced since the spring. | displaced | 20000 | 99999"})
    void vague(String sentence, String kind, long low, long high) {
      CasualtyCount c = only(sentence);
      assertEquals(Kind.fromId(kind), c.kind());
      assertEquals(Qualifier.VAGUE, c.qualifier());
      assertEquals(List.of(OptionalLong.of(low), OptionalLong.empty(), OptionalLong.of(high)),
          List.of(c.low(), c.best(), c.high()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Twenty-four thousand people died in the siege. | 24000",
        "Three hundred and twelve villagers were killed. | 312",
        "A hundred and fifty thousand people have fled the valley. | 150000",
        "Two and a half million people were displaced by the war. | 2500000",
        "Half a million men are dead after two years of war. | 500000"})
    void spelledOut(String sentence, long value) {
      assertEquals(OptionalLong.of(value), only(sentence).best());
    }
  }

  @Nested
  class PhrasingsOfHarm {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The war cost 4,000 lives. | killed | 4000",
        "The uprising has cost the lives of 900 students. | killed | 900",
        "The air raid left 30 dead. | killed | 30",
        "The blast left 12 people dead. | killed | 12",
        "The blast left 40 people wounded. | wounded | 40",
        "The siege of the camps claimed 200 lives. | killed | 200",
        "Each winter claims the lives of 300 refugees. | killed | 300",
        "Officials say 90 fighters were eliminated. | killed | 90",
        "Some 40 militants have been neutralised this week. | killed | 40",
        "The army said 25 insurgents were neutralized. | killed | 25",
        "More than 400 soldiers were killed or wounded. | killed-or-wounded | 400",
        "Some 3,000 men lay dead or wounded on the plain. | killed-or-wounded | 3000",
        "The brigade suffered 700 casualties in a week. | killed-or-wounded | 700",
        "Seven demonstrators were shot dead outside the ministry. | killed | 7",
        "Gunmen took 40 villagers hostage. | hostage | 40"})
    void readAsTheirKind(String sentence, String kind, long value) {
      CasualtyCount c = only(sentence);
      assertEquals(Kind.fromId(kind), c.kind(), c::toString);
      assertTrue(c.best().equals(OptionalLong.of(value)) || c.low().equals(
          OptionalLong.of(value)), c::toString);
      assertTrue(DETECTOR.analyze(sentence).labels().contains(Frame.CASUALTY_EMPHASIS),
          sentence);
    }

    @Test
    void overTwoDozenIsMoreThan24() {
      CasualtyCount c = only("Over two dozen guards were killed at the gate.");
      assertEquals(Qualifier.MORE_THAN, c.qualifier());
      assertEquals(List.of(OptionalLong.of(24), OptionalLong.empty(), OptionalLong.empty()),
          List.of(c.low(), c.best(), c.high()));
    }

    @Test
    void casualtiesIncludingTheDead() {
      assertEquals("5,000 killed-or-wounded exact 5000/5000/5000; "
              + "1,200 killed exact 1200/1200/1200 <5,000",
          describe("The garrison suffered 5,000 casualties, including 1,200 dead."));
    }

    @Test
    void takingLivesIsNoHostageTaking() {
      assertEquals(Kind.KILLED, only("The unrest has taken thousands of lives.").kind());
    }

    @Test
    void upToIsAQualifierNotAnInfinitive() {
      CasualtyCount c = only("Up to 30 protesters are detained every night.");
      assertEquals(Qualifier.AT_MOST, c.qualifier());
      assertEquals(Kind.DETAINED, c.kind());
    }

    @Test
    void detentionsAloneAreNoHumanCost() {
      FrameAnalysis a = DETECTOR.analyze(
          "Up to 30 people were detained on Monday, after 700 were arrested in May.");
      assertEquals(2, a.casualtyCounts().size(), a::toString);
      assertTrue(!a.labels().contains(Frame.CASUALTY_EMPHASIS), a::toString);
    }
  }

  @Nested
  class NumbersThatCountNoPeople {
    @ParameterizedTest
    @ValueSource(strings = {
        "Since March 3 soldiers from the garrison have died in the hills.",
        "On 7 October the first defenders were killed.",
        "The 40th day of the siege began with villagers killed in the square.",
        "Many of those killed in the 1990s were never buried.",
        "At 5 p.m. the shelling started and villagers were killed.",
        "A 12-year-old boy was killed by the shell.",
        "Veterans of World War Two mourned the dead.",
        "Resolution 242 says nothing of the people killed.",
        "Convoys on Route 60 were attacked and drivers were killed.",
        "The 3rd Brigade was wiped out near the river.",
        "Three days of shelling killed villagers in Ostrel."})
    void noFigure(String sentence) {
      FrameAnalysis a = DETECTOR.analyze(sentence);
      assertEquals(List.of(), a.casualtyCounts(), a::toString);
    }

    @Test
    void theCountNextToADateOrADuration() {
      assertEquals("12 killed exact 12/12/12 soldiers",
          describe("On 7 October, 12 soldiers were killed at the border."));
      assertEquals("40 killed exact 40/40/40 people",
          describe("Three days of shelling killed 40 people in Ostrel."));
      assertEquals("Two killed exact 2/2/2 children",
          describe("Two 12-year-old boys were killed by the shell."));
    }

    @Test
    void aPartThatCountsNoPeopleIsNoFigure() {
      List<CasualtyCount> counts = figures("The toll rose to 39, 37 of them named so far.");
      assertEquals(1, counts.size(), counts::toString);
      assertEquals(OptionalInt.empty(), counts.get(0).subsetOf());
    }
  }
}
