package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Null, empty and out-of-range input to the public API, and the messages it gets. */
class BadInputTest {
  private static final FrameDetector DETECTOR = TestLexicon.detector();

  @Test
  void analyzeOfNullNamesTheArgument() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> DETECTOR.analyze(null));
    assertEquals("text", e.getMessage());
  }

  @Test
  void emptyTextGivesAnEmptyAnalysis() {
    FrameAnalysis a = DETECTOR.analyze("");
    assertEquals(Set.of(), a.labels());
    assertEquals(List.of(), a.evidence());
    assertEquals(List.of(), a.suppressed());
    assertEquals(List.of(), a.casualtyCounts());
    assertEquals(0, a.sentences().size());
    assertEquals(Map.of(Frame.VICTORY, 0.0, Frame.DEFEAT, 0.0, Frame.SURVIVAL_AS_WIN, 0.0,
        Frame.CASUALTY_EMPHASIS, 0.0), a.scores());
    assertEquals("", a.text());
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\n\n", " \t\r\n \u2029 ", "\u2003\u3000\u2028"})
  void whitespaceOnlyTextGivesAnEmptyAnalysis(String text) {
    assertTrue(text.isBlank());
    FrameAnalysis a = DETECTOR.analyze(text);
    assertEquals(Set.of(), a.labels());
    assertEquals(List.of(), a.evidence());
    assertEquals(List.of(), a.suppressed());
    assertEquals(List.of(), a.casualtyCounts());
    assertEquals(0, a.sentences().size());
    for (Frame f : Frame.values()) {
      assertEquals(0.0, a.score(f));
    }
  }

  @Test
  void aSentenceOutOfRangeIsAnIndexOutOfBoundsException() {
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
        () -> DETECTOR.analyze("").sentences().get(0));
    assertEquals("sentence 0 of 0", e.getMessage());
  }

  @Test
  void scoreOfNullNamesTheArgument() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> DETECTOR.analyze("The militia won.").score(null));
    assertEquals("frame", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.25, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
  void aThresholdOutsideZeroToOneIsRefusedWithTheValue(double value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FrameDetector.builder().threshold(Frame.DEFEAT, value));
    assertEquals("threshold for defeat must be in (0, 1]: " + value, e.getMessage());
  }

  @Test
  void thresholdsAtTheEdgesAreAccepted() {
    FrameDetector d = FrameDetector.builder().lexicon(TestLexicon.lexicon())
        .threshold(Frame.DEFEAT, 1.0).threshold(Frame.VICTORY, Double.MIN_VALUE).build();
    assertEquals(1.0, d.threshold(Frame.DEFEAT));
    assertEquals(Double.MIN_VALUE, d.threshold(Frame.VICTORY));
    assertEquals(0.5, d.threshold(Frame.SURVIVAL_AS_WIN));
  }

  @Test
  void aThresholdForNullNamesTheArgument() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> FrameDetector.builder().threshold(null, 0.5));
    assertEquals("frame", e.getMessage());
  }

  @Test
  void builderArgumentsAreChecked() {
    assertEquals("lexicon", assertThrows(NullPointerException.class,
        () -> FrameDetector.builder().lexicon(null)).getMessage());
    assertEquals("file", assertThrows(NullPointerException.class,
        () -> FrameDetector.builder().addLexicon(null)).getMessage());
  }

  @Test
  void anAddedFileThatIsMissingFailsTheBuildNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("absent.fl");
    FrameDetector.Builder builder = FrameDetector.builder().lexicon(TestLexicon.lexicon())
        .addLexicon(missing);
    UncheckedIOException e = assertThrows(UncheckedIOException.class, builder::build);
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void withoutTheLexiconsArtifactTheDefaultLexiconIsAClearError() {
    // Core's tests do not have framelens-lexicons on their class path.
    IllegalStateException e = assertThrows(IllegalStateException.class,
        Lexicon::defaultEnglish);
    assertEquals("the default English lexicon (META-INF/framelens/lexicons/en-default.fl) is "
        + "not on the class path: add the dependency dev.framelens:framelens-lexicons",
        e.getMessage());
    assertThrows(IllegalStateException.class, () -> FrameDetector.builder().build());
  }

  @Test
  void frameFromAnUnknownIdListsTheValidIds() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Frame.fromId("glory"));
    assertEquals("unknown frame id 'glory' (expected one of victory, defeat, survival-as-win, "
        + "casualty-emphasis)", e.getMessage());
    assertEquals("id", assertThrows(NullPointerException.class, () -> Frame.fromId(null))
        .getMessage());
    assertEquals(Frame.SURVIVAL_AS_WIN, Frame.fromId("survival-as-win"));
  }

  @Test
  void lexiconParseArgumentsAreChecked() {
    assertEquals("sourceName", assertThrows(NullPointerException.class,
        () -> Lexicon.parse(null, "lexicon x 1")).getMessage());
    assertEquals("text", assertThrows(NullPointerException.class,
        () -> Lexicon.parse("x.fl", null)).getMessage());
  }

  @Test
  void anEmptyLexiconIsValidAndFindsNothing() {
    Lexicon empty = Lexicon.parse("empty.fl", "");
    assertEquals("unnamed", empty.name());
    assertEquals("0", empty.version());
    FrameAnalysis a = FrameDetector.builder().lexicon(empty).build()
        .analyze("The militia won the war and 300 people were killed.");
    assertEquals(List.of(), a.evidence());
    assertEquals(1, a.sentences().size());
  }
}
