package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.CasualtyCount.Kind;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The modifier effect {@code mute}: the match gives no evidence for any frame (it is suppressed,
 * with the modifier as its cause), but what it reads stays: its casualty figure is extracted.
 */
class MuteEffectTest {
  private static final FrameDetector DETECTOR = FrameDetector.builder()
      .lexicon(Lexicon.parse("mute.fl", """
          lexicon mute-test 1
          frame casualty-emphasis negated none
            rule killed-count kind killed weight 0.95 : NUMBER ...{0,4} (killed | dead)
            rule wounded-count kind wounded weight 0.9 : NUMBER ...{0,4} wounded
          frame defeat negated survival-as-win
            rule routed frames defeat,casualty-emphasis kind killed : NUMBER ...{0,3} routed
          modifier disaster scope around sentence : flood~ | earthquake~ | avalanche~
            casualty-emphasis -> mute
          modifier no-harm scope before 2 : not | no
            casualty-emphasis -> drop
          modifier only scope before 2 : only
            casualty-emphasis -> drop
          modifier report scope before 3 : reportedly
            * -> weaken 0.5
          """))
      .build();

  @Test
  void aMutedMatchIsSuppressedByTheModifierButItsFigureIsRead() {
    String text = "The flood in the Tarn valley left 40 villagers dead.";
    FrameAnalysis a = DETECTOR.analyze(text);
    assertEquals(Set.of(), a.labels(), a::toString);
    assertEquals(List.of(), a.evidence(), a::toString);
    Evidence muted = a.suppressed().get(0);
    assertEquals("killed-count", muted.ruleId());
    Evidence.ModifierHit cause = muted.modifiers().get(muted.modifiers().size() - 1);
    assertEquals("disaster", cause.ruleId());
    assertEquals("flood", cause.text());
    assertEquals("mute", cause.effect());
    CasualtyCount figure = a.casualtyCounts().get(0);
    assertEquals(1, a.casualtyCounts().size(), a::toString);
    assertEquals(Kind.KILLED, figure.kind());
    assertEquals(OptionalLong.of(40), figure.best());
    assertEquals("40", figure.text());
    assertEquals(0.0, a.score(Frame.CASUALTY_EMPHASIS));
  }

  @Test
  void muteActsInBothTensesAndOnEveryFigureRuleItReaches() {
    FrameAnalysis a = DETECTOR.analyze(
        "Twelve climbers were dead and 30 were wounded after the avalanches struck.");
    assertEquals(Set.of(), a.labels(), a::toString);
    assertEquals(List.of(Kind.KILLED, Kind.WOUNDED),
        a.casualtyCounts().stream().map(CasualtyCount::kind).toList(), a::toString);
  }

  @Test
  void withoutTheTriggerTheSameSentenceIsEvidence() {
    FrameAnalysis a = DETECTOR.analyze("The raid on the Tarn valley left 40 villagers dead.");
    assertEquals(Set.of(Frame.CASUALTY_EMPHASIS), a.labels(), a::toString);
    assertEquals(1, a.casualtyCounts().size(), a::toString);
  }

  @Test
  void aDropNearerThanTheMuteCancelsTheFigureToo() {
    // The nearest modifier acts first; a drop ends the sequence, so no figure is read.
    FrameAnalysis a = DETECTOR.analyze("In the flood only 3 villagers were dead.");
    assertEquals(List.of(), a.casualtyCounts(), a::toString);
    assertEquals("only", a.suppressed().get(0).modifiers().get(0).ruleId(), a::toString);
  }

  @Test
  void aDropAloneReadsNoFigure() {
    FrameAnalysis a = DETECTOR.analyze("Only 3 villagers were dead.");
    assertEquals(List.of(), a.casualtyCounts(), a::toString);
  }

  @Test
  void aMuteOnOneFrameLeavesTheRulesOtherFramesAsTheyWere() {
    FrameAnalysis a = DETECTOR.analyze("After the flood 40 soldiers were routed.");
    assertEquals(Set.of(Frame.DEFEAT), a.labels(), a::toString);
    assertTrue(a.suppressed().stream().anyMatch(e -> e.frame() == Frame.CASUALTY_EMPHASIS
        && e.modifiers().get(0).effect().equals("mute")), a::toString);
    assertEquals(1, a.casualtyCounts().size(), a::toString);
  }

  @Test
  void aMuteEndsTheSequenceLikeADrop() {
    // "reportedly" is further away than "flood" and does not act after the mute.
    FrameAnalysis a = DETECTOR.analyze("Reportedly the flood left 40 villagers dead.");
    Evidence muted = a.suppressed().get(0);
    assertEquals(1, muted.modifiers().size(), a::toString);
    assertEquals("mute", muted.modifiers().get(0).effect());
    assertEquals(0.95, muted.weight());
  }

  @Test
  void muteIsParsedLikeTheOtherEffects() {
    LexiconException e = org.junit.jupiter.api.Assertions.assertThrows(LexiconException.class,
        () -> Lexicon.parse("bad.fl", "modifier m scope before 2 : flood\n  * -> mute loudly\n"));
    assertTrue(e.getMessage().contains("unexpected text after 'mute'"), e::getMessage);
  }
}
