package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.CasualtyCount.Kind;
import dev.framelens.CasualtyCount.Qualifier;
import dev.framelens.Evidence.ModifierHit;
import dev.framelens.Evidence.Polarity;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The context machinery on small inline lexicons: negation and turns, dropping modifiers and
 * suppressed evidence, blocks, overrides, scope extents and directions, conditions, triggers on
 * a rule's own words versus its gap, speakers of quotations, casualty figures.
 */
class ContextMachineryTest {

  private static FrameDetector detector(String lexicon) {
    return FrameDetector.builder().lexicon(Lexicon.parse("ctx.fl", "lexicon ctx 1\n" + lexicon))
        .build();
  }

  private static ModifierHit hit(String text, String source, String ruleId, String effect) {
    int start = text.indexOf(source);
    assertTrue(start >= 0, source);
    return new ModifierHit(ruleId, start, start + source.length(), source, effect);
  }

  private static <T> T only(List<T> list) {
    assertEquals(1, list.size(), list::toString);
    return list.get(0);
  }

  @Nested
  class NegationAndTurns {
    private final FrameDetector detector = detector("""
        frame survival-as-win negated defeat
        frame victory negated defeat
        rule won-war : won the war
        frame defeat negated survival-as-win
        rule routed : routed
        modifier negation scope before 3 : not | never
          * -> negate
        modifier escaped scope before 2 : escap* | avoid~
          defeat -> survival-as-win
        """);

    @Test
    void negatedVictoryIsDefeat() {
      String text = "The Varn militia has not won the war.";
      FrameAnalysis a = detector.analyze(text);
      Evidence e = only(a.evidence());
      assertEquals(Frame.DEFEAT, e.frame());
      assertEquals(Frame.VICTORY, e.matchedFrame());
      assertEquals("won-war", e.ruleId());
      assertEquals("won the war", e.text());
      assertEquals(Polarity.NEGATED, e.polarity());
      assertEquals(List.of(hit(text, "not", "negation", "negate")), e.modifiers());
      assertFalse(e.suppressed());
      assertEquals(Set.of(Frame.DEFEAT), a.labels());
      assertEquals(List.of(), a.suppressed());
    }

    @Test
    void aContractedNegationNamesItsOwnText() {
      String text = "The Varn militia hasn't won the war.";
      Evidence e = only(detector.analyze(text).evidence());
      assertEquals(Frame.DEFEAT, e.frame());
      assertEquals(List.of(hit(text, "n't", "negation", "negate")), e.modifiers());
    }

    @Test
    void aNegationOutOfReachLeavesTheVictory() {
      Evidence e = only(detector.analyze(
          "Not once in all those years of the long siege had they doubted it, and they won "
              + "the war.").evidence());
      assertEquals(Frame.VICTORY, e.frame());
      assertEquals(Polarity.ASSERTED, e.polarity());
      assertEquals(List.of(), e.modifiers());
    }

    @Test
    void aTurnAndThenANegationActNearestFirst() {
      String text = "The garrison did not escape routed.";
      Evidence e = only(detector.analyze(text).evidence());
      // "escape" (nearest) turns defeat into survival-as-win; "not" then negates that frame
      // into its target, defeat.
      assertEquals(List.of(hit(text, "escape", "escaped", "-> survival-as-win"),
          hit(text, "not", "negation", "negate")), e.modifiers());
      assertEquals(Frame.DEFEAT, e.frame());
      assertEquals(Frame.DEFEAT, e.matchedFrame());
      assertEquals(Polarity.NEGATED, e.polarity());
    }

    @Test
    void aNegationWithoutATargetDrops() {
      FrameDetector noTarget = detector("""
          frame defeat
          rule routed : routed
          modifier negation scope before 3 : not
            * -> negate
          """);
      String text = "The garrison was not routed.";
      FrameAnalysis a = noTarget.analyze(text);
      assertEquals(List.of(), a.evidence());
      Evidence e = only(a.suppressed());
      assertEquals(Frame.DEFEAT, e.frame());
      assertEquals(List.of(hit(text, "not", "negation", "negate")), e.modifiers());
    }

    @Test
    void aTurnIntoAnotherFrame() {
      String text = "The garrison narrowly escaped routed.";
      Evidence e = only(detector.analyze(text).evidence());
      assertEquals(Frame.SURVIVAL_AS_WIN, e.frame());
      assertEquals(Frame.DEFEAT, e.matchedFrame());
      assertEquals(Polarity.NEGATED, e.polarity());
      assertEquals(List.of(hit(text, "escaped", "escaped", "-> survival-as-win")),
          e.modifiers());
    }
  }

  @Nested
  class DroppingAndBlocking {
    private final FrameDetector detector = detector("""
        frame victory
        rule won : won
        rule won-war : won the war
        frame defeat
        rule loss weight 0.6 : losses
        rule heavy-losses weight 0.9 overrides loss : heavy losses
        boundary contrast : but
        block won-award : won (an|the)? (award|prize)
        modifier conditional scope before part : if | unless
          victory -> drop
        """);

    @Test
    void aConditionalLeavesSuppressedEvidenceNamingIt() {
      String text = "If the Varn militia won the war, the valley would be quiet.";
      FrameAnalysis a = detector.analyze(text);
      assertEquals(List.of(), a.evidence());
      assertEquals(Set.of(), a.labels());
      assertEquals(0.0, a.score(Frame.VICTORY));
      assertEquals(2, a.suppressed().size(), a::toString);
      for (Evidence e : a.suppressed()) {
        assertTrue(e.suppressed());
        assertEquals(Frame.VICTORY, e.frame());
        List<ModifierHit> hits = e.modifiers();
        assertEquals(hit(text, "If", "conditional", "drop"), hits.get(hits.size() - 1));
      }
      assertEquals(List.of("won", "won the war"),
          a.suppressed().stream().map(Evidence::text).toList());
    }

    @Test
    void aPartRunsAcrossCommasButNotPastABoundary() {
      assertEquals(List.of(), detector.analyze(
          "If, as the radio keeps saying, the militia won, the valley is safe.").evidence());
      Evidence e = only(detector.analyze(
          "The port is calm if nothing changes, but the militia won.").evidence());
      assertEquals(Frame.VICTORY, e.frame());
      assertEquals(List.of(), e.modifiers());
    }

    @Test
    void aBlockSuppressesTheRuleMatchesItOverlaps() {
      String text = "The militia won an award for its radio plays.";
      FrameAnalysis a = detector.analyze(text);
      assertEquals(List.of(), a.evidence());
      Evidence e = only(a.suppressed());
      assertEquals("won", e.ruleId());
      assertTrue(e.suppressed());
      assertEquals(List.of(hit(text, "won an award", "won-award", "block")), e.modifiers());
    }

    @Test
    void anOverridingRuleReplacesTheOverlappingMatchesOfTheOther() {
      FrameAnalysis a = detector.analyze("The brigade took heavy losses near the ford.");
      Evidence e = only(a.evidence());
      assertEquals("heavy-losses", e.ruleId());
      assertEquals("heavy losses", e.text());
      assertEquals(List.of(), a.suppressed());
      assertEquals("loss", only(detector.analyze("The losses were counted.").evidence())
          .ruleId());
    }
  }

  @Nested
  class Scopes {
    private final FrameDetector detector = detector("""
        frame victory
        rule won : won
        boundary contrast : but
        modifier near scope before 2 : hardly
          victory -> drop
        modifier clause-wide scope before clause : supposedly
          victory -> contest
        modifier whole-sentence scope after sentence : allegedly
          victory -> weaken 0.5
        modifier either-side scope around 1 : reportedly
          victory -> weaken 0.25
        """);

    private Evidence kept(String text) {
      return only(detector.analyze(text).evidence());
    }

    private boolean dropped(String text) {
      FrameAnalysis a = detector.analyze(text);
      return a.evidence().isEmpty() && a.suppressed().size() == 1;
    }

    @Test
    void aNumberOfTokensCountsTheTokensBetween() {
      assertTrue(dropped("They hardly won."));
      assertTrue(dropped("Hardly anyone won."));
      assertEquals(List.of(), kept("Hardly anyone there won.").modifiers());
    }

    @Test
    void aNumberOfTokensStaysInsideTheClause() {
      assertEquals(List.of(), kept("Hardly, they won.").modifiers());
    }

    @Test
    void aClauseEndsAtPunctuationAndBoundaries() {
      assertEquals(Polarity.CONTESTED, kept("Supposedly the town militia won.").polarity());
      assertEquals(Polarity.ASSERTED, kept("Supposedly, the town militia won.").polarity());
      assertEquals(Polarity.ASSERTED,
          kept("Supposedly the rain stopped but the militia won.").polarity());
    }

    @Test
    void aSentenceScopeReachesAcrossClausesInItsDirectionOnly() {
      assertEquals(0.5, kept("The militia won, and the town, by every account, was calm "
          + "allegedly.").weight());
      assertEquals(1.0, kept("Allegedly the militia won.").weight());
      assertEquals(1.0, kept("The militia won. The town was calm allegedly.").weight());
    }

    @Test
    void aroundReachesBothSides() {
      assertEquals(0.25, kept("Reportedly won.").weight());
      assertEquals(0.25, kept("They won reportedly.").weight());
      assertEquals(1.0, kept("Reportedly the militia won.").weight());
    }
  }

  @Nested
  class Conditions {
    private final FrameDetector detector = detector("""
        frame victory
        rule won : won
        rule victory-word : victory
        modifier open-question scope before sentence if question : who
          victory -> drop
        modifier claimed-in-quotes scope around sentence if quoted : claimed
          victory -> weaken 0.5
        modifier mocked-tour scope around sentence if scare-quoted : tour
          victory -> drop
        """);

    @Test
    void question() {
      assertEquals(List.of(), detector.analyze("Who won the race to the ford?").evidence());
      assertEquals(1, detector.analyze("Everyone knows who won the race to the ford.")
          .evidence().size());
    }

    @Test
    void quoted() {
      Evidence e = only(detector.analyze(
          "The commander claimed: \"Our brigade won every battle in the valley.\"").evidence());
      assertEquals(0.5, e.weight());
      assertEquals(1.0, only(detector.analyze(
          "The commander claimed that the brigade won every battle.").evidence()).weight());
    }

    @Test
    void scareQuoted() {
      FrameAnalysis mocked = detector.analyze("The leaders went on a 'victory' tour.");
      assertEquals(List.of(), mocked.evidence());
      assertEquals(List.of("mocked-tour"), only(mocked.suppressed()).modifiers().stream()
          .map(ModifierHit::ruleId).toList());
      assertEquals(1, detector.analyze("The leaders went on a victory tour.").evidence()
          .size());
      assertEquals(1, detector.analyze("\"There is a victory in the valley at last,\" the "
          + "leader said on the tour.").evidence().size());
    }

    @Test
    void aScareQuotedMatchLeftAloneIsContestedAtFullWeight() {
      Evidence e = only(detector.analyze("They celebrated the 'victory' with bells.").evidence());
      assertEquals(Polarity.CONTESTED, e.polarity());
      assertEquals(1.0, e.weight());
      assertEquals(Set.of(Frame.VICTORY),
          detector.analyze("They celebrated the 'victory' with bells.").labels());
    }
  }

  @Nested
  class OwnWordsAndGaps {
    private final FrameDetector detector = detector("""
        frame victory negated defeat
        rule claimed : claim~ ...{0,3} victory
        frame survival-as-win
        rule not-broken : not (been)? broken
        modifier negation scope before 3 : not | never
          * -> negate
        modifier hedge scope after 2 : perhaps
          * -> contest
        """);

    @Test
    void aTriggerOnTheRulesOwnWordsIsIgnored() {
      Evidence e = only(detector.analyze("The garrison is tired but not broken.").evidence());
      assertEquals(Frame.SURVIVAL_AS_WIN, e.frame());
      assertEquals(Polarity.ASSERTED, e.polarity());
      assertEquals(List.of(), e.modifiers());
    }

    @Test
    void aTriggerOnGapTokensActs() {
      String text = "The brigade claimed not a victory.";
      Evidence e = only(detector.analyze(text).evidence());
      assertEquals(Frame.DEFEAT, e.frame());
      assertEquals(Polarity.NEGATED, e.polarity());
      assertEquals(List.of(hit(text, "not", "negation", "negate")), e.modifiers());
    }

    @Test
    void aTriggerOnGapTokensActsWhateverItsDirection() {
      String text = "The brigade claimed perhaps a victory.";
      Evidence e = only(detector.analyze(text).evidence());
      assertEquals(Polarity.CONTESTED, e.polarity());
      assertEquals(List.of(hit(text, "perhaps", "hedge", "contest")), e.modifiers());
    }
  }

  @Nested
  class Speakers {
    private final FrameDetector detector = detector("""
        frame victory
        rule won-war : won the war
        attribution speech : said | told
        speaker-words minister commander spokesman
        """);

    private Optional<String> speaker(String text) {
      return only(detector.analyze(text).evidence()).speaker();
    }

    @Test
    void theSpeakerBeforeTheVerbInTheSameSentence() {
      assertEquals(Optional.of("the minister"),
          speaker("\"We won the war in the hills,\" the minister said."));
    }

    @Test
    void theSpeakerAfterTheVerb() {
      assertEquals(Optional.of("Colonel Brask Ivo"),
          speaker("\"We won the war in the hills,\" said Colonel Brask Ivo."));
    }

    @Test
    void theSpeakerOfThePreviousSentenceInTheParagraph() {
      assertEquals(Optional.of("Commander Tessa Vorn"), speaker(
          "Commander Tessa Vorn said the siege was over. \"We won the war before the snow "
              + "came.\""));
    }

    @Test
    void theSpeakerOfTheNextSentenceInTheParagraph() {
      assertEquals(Optional.of("Commander Tessa Vorn"), speaker(
          "\"We won the war before the snow came.\" That is what Commander Tessa Vorn told "
              + "the radio."));
    }

    @Test
    void aPronounResolvesToTheLastNamedSpeaker() {
      assertEquals(Optional.of("Commander Tessa Vorn"), speaker(
          "Commander Tessa Vorn said the siege was over. \"We won the war before the snow "
              + "came,\" she said."));
    }

    @Test
    void theSpeakerOfALongQuotationHoldingScareQuotes() {
      assertEquals(Optional.of("the minister"), speaker("\u201CThey called it a \u2018rout\u2019, "
          + "a \u2018farce\u2019 and a \u2018mess\u2019, but we won the war,\u201D the minister "
          + "said."));
    }

    @Test
    void noSpeakerAcrossAParagraphBreak() {
      assertEquals(Optional.empty(), speaker(
          "Commander Tessa Vorn said the siege was over.\n\n\"We won the war before the snow "
              + "came.\""));
    }

    @Test
    void aPronounWithNoNamedSpeakerInTheParagraphLeavesTheSpeakerUnknown() {
      // Not "he": a pronoun is no speaker a reader can use.
      assertEquals(Optional.empty(), speaker("\"We won the war before the snow came,\" he said."));
    }

    @Test
    void aPronounDoesNotReachANameInTheParagraphBefore() {
      assertEquals(Optional.empty(), speaker(
          "Commander Tessa Vorn said the siege was over.\n\n\"We won the war before the snow "
              + "came,\" she said."));
    }

    @Test
    void aPronounDoesNotReachANameInTheParagraphAfter() {
      assertEquals(Optional.empty(), speaker(
          "\"We won the war before the snow came,\" he said.\n\nColonel Brask Ivo said the "
              + "roads were open again."));
    }

    @Test
    void aPronounResolvesToTheNearestNamedSpeakerBeforeItInTheParagraph() {
      assertEquals(Optional.of("Colonel Brask Ivo"), speaker(
          "Commander Tessa Vorn said the siege was over. Colonel Brask Ivo told the radio the "
              + "roads were open. \"We won the war before the snow came,\" he said."));
    }

    @Test
    void aPronounResolvesToANameManySentencesBackInTheSameParagraph() {
      assertEquals(Optional.of("Commander Tessa Vorn"), speaker(
          "Commander Tessa Vorn said the siege was over. The roads were open. The wells were "
              + "full. The schools were shut. The market was quiet. The guns were silent. \"We "
              + "won the war before the snow came,\" she said."));
    }

    @Test
    void noSpeakerForTheAuthorsOwnFraming() {
      assertEquals(Optional.empty(), speaker("The minister said that the militia won the war."));
    }
  }

  @Nested
  class Scoring {
    private final Lexicon lexicon = Lexicon.parse("score.fl", """
        frame victory
        rule a weight 0.6 : won
        rule b weight 0.7 : won the war
        """);

    @Test
    void overlappingEvidenceOfAFrameCountsOnceAtItsHighestWeight() {
      FrameAnalysis a = FrameDetector.builder().lexicon(lexicon).build()
          .analyze("They won the war.");
      assertEquals(2, a.evidence().size());
      assertEquals(0.7, a.score(Frame.VICTORY), 1e-12);
    }

    @Test
    void separateEvidenceCombinesAsANoisyOr() {
      FrameDetector d = FrameDetector.builder().lexicon(lexicon).build();
      double expected = 1 - (1 - 0.6) * (1 - 0.7);
      FrameAnalysis one = d.analyze("They won at the ford and later won the war.");
      assertEquals(expected, one.score(Frame.VICTORY), 1e-12);
      FrameAnalysis two = d.analyze("They won at the ford. Later they won the war.");
      assertEquals(0.6, two.sentences().get(0).scores().get(Frame.VICTORY), 1e-12);
      assertEquals(0.7, two.sentences().get(1).scores().get(Frame.VICTORY), 1e-12);
      assertEquals(expected, two.score(Frame.VICTORY), 1e-12);
    }

    @Test
    void labelsFollowTheThresholds() {
      String text = "They won at the ford. Later they won the war.";
      FrameAnalysis lax = FrameDetector.builder().lexicon(lexicon).build().analyze(text);
      assertEquals(Set.of(Frame.VICTORY), lax.labels());
      assertEquals(Set.of(Frame.VICTORY), lax.sentences().get(0).labels());
      FrameAnalysis strict = FrameDetector.builder().lexicon(lexicon)
          .threshold(Frame.VICTORY, 0.65).build().analyze(text);
      assertEquals(Set.of(Frame.VICTORY), strict.labels());
      assertEquals(Set.of(), strict.sentences().get(0).labels());
      assertEquals(Set.of(Frame.VICTORY), strict.sentences().get(1).labels());
      FrameAnalysis stricter = FrameDetector.builder().lexicon(lexicon)
          .threshold(Frame.VICTORY, 0.9).build().analyze(text);
      assertEquals(Set.of(), stricter.labels());
    }
  }

  @Nested
  class CasualtyFigures {
    private final FrameDetector detector = detector("""
        qualifier at-least means at-least : at least
        qualifier about means about : an estimated | about
        qualifier more-than means more-than : more than
        subset including : including
        who children = child children
        who civilians = civilian civilians
        who people = people
        frame casualty-emphasis negated none
        rule killed-count kind killed : NUMBER ...{0,4} killed
        rule wounded-count kind wounded : NUMBER ...{0,4} wounded
        """);

    @Test
    void aQualifiedFigureAndASubsetOfIt() {
      String text = "At least 1,200 civilians were killed, including an estimated 300 children.";
      FrameAnalysis a = detector.analyze(text);
      assertEquals(2, a.casualtyCounts().size(), a::toString);
      CasualtyCount whole = a.casualtyCounts().get(0);
      assertEquals(new CasualtyCount(OptionalLong.of(1200), OptionalLong.of(1200),
          OptionalLong.empty(), Qualifier.AT_LEAST, Kind.KILLED, Optional.of("civilians"), 0,
          14, "At least 1,200", 0, OptionalInt.empty(), "killed-count"), whole);
      int partStart = text.indexOf("an estimated");
      assertEquals(new CasualtyCount(OptionalLong.empty(), OptionalLong.of(300),
          OptionalLong.empty(), Qualifier.ABOUT, Kind.KILLED, Optional.of("children"),
          partStart, partStart + "an estimated 300".length(), "an estimated 300", 0,
          OptionalInt.of(0), "including"), a.casualtyCounts().get(1));
      assertEquals(Set.of(Frame.CASUALTY_EMPHASIS), a.labels());
    }

    @Test
    void aVagueFigure() {
      CasualtyCount c = only(detector.analyze(
          "Tens of thousands of people were wounded in the shelling.").casualtyCounts());
      assertEquals(List.of(OptionalLong.of(20_000), OptionalLong.empty(),
          OptionalLong.of(99_999)), List.of(c.low(), c.best(), c.high()));
      assertEquals(Qualifier.VAGUE, c.qualifier());
      assertEquals(Kind.WOUNDED, c.kind());
      assertEquals(Optional.of("people"), c.who());
    }

    @Test
    void aVagueFigureWithAFloorHasNoHighBound() {
      CasualtyCount c = only(detector.analyze(
          "More than hundreds of civilians were killed.").casualtyCounts());
      assertEquals(Qualifier.VAGUE, c.qualifier());
      assertEquals(List.of(OptionalLong.of(200), OptionalLong.empty(), OptionalLong.empty()),
          List.of(c.low(), c.best(), c.high()));
    }

    @Test
    void aRange() {
      CasualtyCount c = only(detector.analyze(
          "Between 400 and 500 civilians were killed in Ostrel.").casualtyCounts());
      assertEquals(Qualifier.RANGE, c.qualifier());
      assertEquals(List.of(OptionalLong.of(400), OptionalLong.empty(), OptionalLong.of(500)),
          List.of(c.low(), c.best(), c.high()));
      assertEquals("Between 400 and 500", c.text());
    }

    @Test
    void anExactFigureInTheSecondSentence() {
      FrameAnalysis a = detector.analyze("The shelling went on. Twelve people were wounded.");
      CasualtyCount c = only(a.casualtyCounts());
      assertEquals(Qualifier.EXACT, c.qualifier());
      assertEquals(List.of(OptionalLong.of(12), OptionalLong.of(12), OptionalLong.of(12)),
          List.of(c.low(), c.best(), c.high()));
      assertEquals(1, c.sentenceIndex());
      assertEquals("Twelve", c.text());
    }
  }
}
