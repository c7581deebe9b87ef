package dev.framelens.junit;

import static dev.framelens.Frame.CASUALTY_EMPHASIS;
import static dev.framelens.Frame.DEFEAT;
import static dev.framelens.Frame.SURVIVAL_AS_WIN;
import static dev.framelens.Frame.VICTORY;
import static dev.framelens.junit.FramingAssertions.assertThatFraming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.Frame;
import dev.framelens.FrameDetector;
import dev.framelens.Lexicon;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The fluent assertions: what passes, and what a failure says. */
class FramingAssertTest {
  private static final dev.framelens.FrameDetector KIT = KitLexicon.DETECTOR;
  private static final String BOTH = "The siege failed to break the garrison, and the town's "
      + "defenders claimed victory.";

  @Test
  void chainedChecksPassOnATextThatHasTheFrames() {
    assertThatFraming(BOTH).usingDetector(KIT)
        .hasLabels(VICTORY, SURVIVAL_AS_WIN)
        .doesNotHaveLabel(DEFEAT)
        .hasEvidenceFor(VICTORY, "claimed victory")
        .hasEvidenceFor(VICTORY, "CLAIMED VICTORY")
        .hasScoreAtLeast(VICTORY, 0.5);
  }

  @Test
  void hasExactlyLabelsAndHasNoLabels() {
    assertThatFraming("The army suffered a crushing defeat.").usingDetector(KIT)
        .hasExactlyLabels(DEFEAT);
    assertThatFraming("The committee met on Monday.").usingDetector(KIT).hasNoLabels();
  }

  @Test
  void aMissingLabelFailsWithTheLabelsScoresAndEvidenceFound() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> assertThatFraming(BOTH).usingDetector(KIT).hasLabels(VICTORY, DEFEAT));
    String message = e.getMessage();
    assertTrue(message.startsWith("expected labels [victory, defeat] but [defeat] missing"),
        message);
    assertTrue(message.contains("text: " + BOTH), message);
    assertTrue(message.contains("FrameAnalysis [victory, survival-as-win] scores {victory="),
        message);
    assertTrue(message.contains("evidence   victory \""), message);
    assertEquals(Set.of(VICTORY, DEFEAT), e.getExpected().getValue());
    assertEquals(Set.of(VICTORY, SURVIVAL_AS_WIN), e.getActual().getValue());
  }

  @Test
  void anUnwantedLabelFails() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> assertThatFraming(BOTH).usingDetector(KIT).doesNotHaveLabel(VICTORY));
    assertTrue(e.getMessage().startsWith("expected no label victory\n"), e.getMessage());
  }

  @Test
  void evidenceWithOtherWordsFails() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> assertThatFraming(BOTH).usingDetector(KIT).hasEvidenceFor(VICTORY, "won the war"));
    assertTrue(e.getMessage().startsWith(
        "expected evidence for victory containing \"won the war\""), e.getMessage());
  }

  @Test
  void evidenceForAnotherFrameDoesNotCount() {
    assertThrows(AssertionFailedError.class,
        () -> assertThatFraming(BOTH).usingDetector(KIT)
            .hasEvidenceFor(CASUALTY_EMPHASIS, "claimed victory"));
  }

  @Test
  void aLowScoreFailsWithBothNumbers() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> assertThatFraming("The committee met on Monday.").usingDetector(KIT)
            .hasScoreAtLeast(DEFEAT, 0.3));
    assertTrue(e.getMessage().startsWith("expected a defeat score of at least 0.30, was 0.00"),
        e.getMessage());
  }

  @Test
  void anotherDetectorIsUsedWhenGiven() {
    Lexicon tiny = Lexicon.parse("tiny.fl", """
        lexicon tiny 1.0
        frame defeat
          rule harvest weight 0.9 : harvest
        """);
    FrameDetector detector = FrameDetector.builder().lexicon(tiny).build();
    assertThatFraming("Farmers began the harvest.").usingDetector(detector)
        .hasExactlyLabels(DEFEAT);
    assertThatFraming("Farmers began the harvest.").usingDetector(KIT)
        .hasNoLabels();
  }

  @Test
  void aDetectorAfterTheFirstCheckIsRefused() {
    FramingAssert a = assertThatFraming("The army won the war.")
        .usingDetector(KIT).hasLabels(VICTORY);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> a.usingDetector(KIT));
    assertTrue(e.getMessage().contains("before the first check"), e.getMessage());
  }

  @Test
  void anAnalysisCanBeCheckedDirectly() {
    assertThatFraming(KitLexicon.DETECTOR.analyze(BOTH))
        .hasLabels(SURVIVAL_AS_WIN);
  }

  @Test
  void badArgumentsAreNamed() {
    assertEquals("text", assertThrows(NullPointerException.class,
        () -> assertThatFraming((String) null)).getMessage());
    assertThrows(NullPointerException.class,
        () -> assertThatFraming("x").hasLabels((Frame) null));
    assertEquals("minimum score must be in [0, 1]: 1.5", assertThrows(
        IllegalArgumentException.class,
        () -> assertThatFraming("x").hasScoreAtLeast(VICTORY, 1.5)).getMessage());
    assertThrows(IllegalStateException.class, () -> assertThatFraming("x").matchesGold());
  }

  @Test
  void withoutTheLexiconsArtifactTheDefaultDetectorSaysWhatToAdd() {
    // The kit's own tests run without framelens-lexicons, as a user's might by mistake.
    for (int attempt = 0; attempt < 2; attempt++) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> assertThatFraming("The army won the war.").hasLabels(VICTORY));
      assertTrue(e.getMessage().endsWith("add the dependency dev.framelens:framelens-lexicons"),
          e.getMessage());
    }
  }
}
