package dev.framelens.lexicons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.CasualtyCount;
import dev.framelens.CasualtyCount.Kind;
import dev.framelens.CasualtyCount.Qualifier;
import dev.framelens.Evidence;
import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Behaviour of the default English lexicon that the detector issue names: what it must
 * recognise, what it must not fire on, the evidence it gives (including why a label is
 * absent), speakers of quotations and casualty figures as data. All sentences are written for
 * this test.
 */
class DefaultLexiconBehaviourTest {
  private static final FrameDetector DETECTOR = FrameDetector.withDefaultLexicon();

  private static Set<Frame> labels(String text) {
    return DETECTOR.analyze(text).labels();
  }

  @Nested
  class MustRecognise {
    @Test
    void aReportedVictoryClaim() {
      assertEquals(Set.of(Frame.VICTORY), labels("The militia's leaders claimed victory."));
    }

    @Test
    void aScareQuotedVictoryCountsAndIsMarkedContested() {
      FrameAnalysis a = DETECTOR.analyze("Supporters celebrated the 'victory' in the square.");
      assertEquals(Set.of(Frame.VICTORY), a.labels());
      assertTrue(a.evidence().stream().anyMatch(e -> e.frame() == Frame.VICTORY
          && e.polarity() == Evidence.Polarity.CONTESTED), a::toString);
    }

    @Test
    void failureToDestroyIsSurvivalNotDefeat() {
      assertEquals(Set.of(Frame.SURVIVAL_AS_WIN),
          labels("Two years of bombing failed to eliminate the movement."));
    }

    @Test
    void allItHasToDoIsSurvive() {
      assertTrue(labels("All that the rebel army has to do now is survive the winter.")
          .contains(Frame.SURVIVAL_AS_WIN));
    }

    @Test
    void stillStanding() {
      assertEquals(Set.of(Frame.SURVIVAL_AS_WIN),
          labels("After the siege, the defenders of the old town are still standing."));
    }

    @Test
    void aNegatedWinIsADefeat() {
      FrameAnalysis a = DETECTOR.analyze("The occupying army cannot win this war.");
      assertEquals(Set.of(Frame.DEFEAT), a.labels());
      Evidence e = a.evidence().get(0);
      assertEquals(Frame.VICTORY, e.matchedFrame());
      assertEquals(Evidence.Polarity.NEGATED, e.polarity());
      assertEquals("negation", e.modifiers().get(0).ruleId());
    }

    @Test
    void heavyLossesAreADefeatAndAHumanCost() {
      assertEquals(EnumSet.of(Frame.DEFEAT, Frame.CASUALTY_EMPHASIS),
          labels("The brigade took heavy losses on the road to the coast."));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "At least 120 civilians were killed in the shelling of the market.",
        "The massacre at the checkpoint shocked the province.",
        "Hundreds of thousands of people have been displaced by the fighting.",
        "The town has paid a terrible price for the war.",
        "Children were among those killed when the shell hit the school."})
    void humanCost(String sentence) {
      assertTrue(labels(sentence).contains(Frame.CASUALTY_EMPHASIS), sentence);
    }
  }

  @Nested
  class MustNotFire {
    @ParameterizedTest
    @ValueSource(strings = {
        "Survivors of the strike were taken to hospital by volunteers.",
        "The governor won the support of the farmers in the south.",
        "The engineers lost contact with the drone over the lake.",
        "Opposition members promised to defeat the bill next week.",
        "The city marks Victory Day with a parade every May.",
        "Nobody in the capital is pretending that this was a victory.",
        "The president hopes for a swift victory before the winter."})
    void noFrameAtAll(String sentence) {
      assertEquals(Set.of(), labels(sentence), sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The army moved 4,000 troops to the border.",
        "The militia fired 300 rockets in one night.",
        "Donors pledged 50 million dollars for the clinics.",
        "The conflict has now lasted 12 years."})
    void countsOfTroopsRocketsMoneyOrYearsAreNotCasualtyFigures(String sentence) {
      FrameAnalysis a = DETECTOR.analyze(sentence);
      assertTrue(a.casualtyCounts().isEmpty(), a::toString);
      assertFalse(a.labels().contains(Frame.CASUALTY_EMPHASIS), a::toString);
    }
  }

  @Nested
  class WhyALabelIsAbsent {
    @Test
    void aMockedVictoryIsSuppressedByTheConditionalNamedInTheEvidence() {
      FrameAnalysis a = DETECTOR.analyze(
          "If burning every village in the valley is a victory, the word means nothing.");
      assertFalse(a.labels().contains(Frame.VICTORY), a::toString);
      Evidence suppressed = a.suppressed().stream()
          .filter(e -> e.frame() == Frame.VICTORY).findFirst().orElseThrow();
      Evidence.ModifierHit cause = suppressed.modifiers().get(suppressed.modifiers().size() - 1);
      assertEquals("conditional", cause.ruleId());
      assertEquals("If", cause.text());
      assertEquals("drop", cause.effect());
    }

    @Test
    void aBlockNamesItselfAsTheCause() {
      FrameAnalysis a = DETECTOR.analyze("The mayor had lost contact with the rescue teams.");
      assertTrue(a.labels().isEmpty(), a::toString);
      assertTrue(a.suppressed().stream().anyMatch(e ->
          e.modifiers().get(e.modifiers().size() - 1).effect().equals("block")), a::toString);
    }
  }

  @Nested
  class Speakers {
    @Test
    void aQuotationIsAttributedToTheSpeakerNamedAfterIt() {
      FrameAnalysis a = DETECTOR.analyze(
          "\"We have won this war,\" said Colonel Anna Veld, the militia's commander.");
      Evidence won = a.evidence().stream().filter(e -> e.frame() == Frame.VICTORY)
          .findFirst().orElseThrow();
      assertEquals("Colonel Anna Veld", won.speaker().orElseThrow());
    }

    @Test
    void theAuthorsOwnFramingHasNoSpeaker() {
      FrameAnalysis a = DETECTOR.analyze("The militia won the battle for the bridge.");
      assertTrue(a.evidence().stream().allMatch(e -> e.speaker().isEmpty()), a::toString);
    }

    @Test
    void aPronounResolvesToTheLastNamedSpeaker() {
      FrameAnalysis a = DETECTOR.analyze("Minister Oren Tal spoke to reporters on Monday. "
          + "\"The enemy has lost the war,\" he said.");
      Evidence lost = a.evidence().stream().filter(e -> e.frame() == Frame.DEFEAT)
          .findFirst().orElseThrow();
      assertEquals("Minister Oren Tal", lost.speaker().orElseThrow(), a::toString);
    }
  }

  @Nested
  class CasualtyFigures {
    private CasualtyCount only(String text) {
      List<CasualtyCount> counts = DETECTOR.analyze(text).casualtyCounts();
      assertEquals(1, counts.size(), () -> text + " -> " + counts);
      return counts.get(0);
    }

    @Test
    void atLeast() {
      CasualtyCount c = only("At least 46,000 people have been killed in the war.");
      assertEquals(OptionalLong.of(46_000), c.low());
      assertEquals(OptionalLong.of(46_000), c.best());
      assertEquals(OptionalLong.empty(), c.high());
      assertEquals(Qualifier.AT_LEAST, c.qualifier());
      assertEquals(Kind.KILLED, c.kind());
      assertEquals("people", c.who().orElseThrow());
      assertEquals("At least 46,000", c.text());
    }

    @Test
    void tensOfThousandsIsAVagueRange() {
      CasualtyCount c = only("Tens of thousands of civilians were killed in the siege.");
      assertEquals(OptionalLong.of(20_000), c.low());
      assertEquals(OptionalLong.empty(), c.best());
      assertEquals(OptionalLong.of(99_999), c.high());
      assertEquals(Qualifier.VAGUE, c.qualifier());
      assertEquals("civilians", c.who().orElseThrow());
    }

    @Test
    void aSubsetFigureReferencesTheFigureItIsPartOf() {
      List<CasualtyCount> counts = DETECTOR.analyze("The army has killed more than 12,300 "
          + "people in the province, including an estimated 4,100 children.").casualtyCounts();
      assertEquals(2, counts.size(), counts::toString);
      CasualtyCount all = counts.get(0);
      CasualtyCount children = counts.get(1);
      assertEquals(Qualifier.MORE_THAN, all.qualifier());
      assertEquals(OptionalLong.of(12_300), all.low());
      assertEquals(Qualifier.ABOUT, children.qualifier());
      assertEquals(OptionalLong.of(4_100), children.best());
      assertEquals("children", children.who().orElseThrow());
      assertEquals(Kind.KILLED, children.kind());
      assertEquals(OptionalInt.of(0), children.subsetOf());
    }

    @Test
    void scaleWordsAndGluedScales() {
      assertEquals(OptionalLong.of(1_200_000),
          only("The floods of refugees left 1.2 million people homeless.").best());
      CasualtyCount glued = only("The war has displaced 2.7million people.");
      assertEquals(OptionalLong.of(2_700_000), glued.best());
      assertEquals(Kind.DISPLACED, glued.kind());
    }

    @Test
    void moreThanAThousand() {
      CasualtyCount c = only("More than a thousand people were killed in the offensive.");
      assertEquals(Qualifier.MORE_THAN, c.qualifier());
      assertEquals(OptionalLong.of(1_000), c.low());
      assertEquals(OptionalLong.empty(), c.high());
      assertEquals("More than a thousand", c.text());
    }

    @Test
    void aDozenAndHundreds() {
      assertEquals(OptionalLong.of(12),
          only("Gunmen killed a dozen villagers near the well.").best());
      CasualtyCount hundreds = only("Hundreds of people were wounded in the blast.");
      assertEquals(OptionalLong.of(200), hundreds.low());
      assertEquals(OptionalLong.of(999), hundreds.high());
      assertEquals(Kind.WOUNDED, hundreds.kind());
    }

    @Test
    void lostHomesIsAHumanCostWithAFigureNotADefeat() {
      FrameAnalysis a = DETECTOR.analyze("Some 4,000 families in the district lost their homes.");
      assertEquals(Set.of(Frame.CASUALTY_EMPHASIS), a.labels(), a::toString);
      assertEquals(Kind.HOMELESS, a.casualtyCounts().get(0).kind());
      assertEquals(OptionalLong.of(4_000), a.casualtyCounts().get(0).best());
    }

    @Test
    void coordinatedFiguresAreAllCounted() {
      List<CasualtyCount> counts = DETECTOR.analyze(
          "Twelve soldiers and three civilians were killed in the ambush.").casualtyCounts();
      assertEquals(2, counts.size(), counts::toString);
      assertEquals(OptionalLong.of(12), counts.get(0).best());
      assertEquals("soldiers", counts.get(0).who().orElseThrow());
      assertEquals(OptionalLong.of(3), counts.get(1).best());
      assertEquals("civilians", counts.get(1).who().orElseThrow());
      assertTrue(counts.stream().allMatch(c -> c.kind() == Kind.KILLED), counts::toString);
    }

    @Test
    void aYearIsNotAFigure() {
      FrameAnalysis a = DETECTOR.analyze("In 2023 soldiers from the garrison were killed.");
      assertTrue(a.casualtyCounts().isEmpty(), a::toString);
      assertTrue(a.labels().contains(Frame.CASUALTY_EMPHASIS), a::toString);
    }

    @Test
    void hostagesAndMissing() {
      assertEquals(Kind.HOSTAGE, only("Raiders took 40 villagers hostage at dawn.").kind());
      assertEquals(Kind.MISSING, only("About 3,000 people remain missing.").kind());
    }
  }
}
