package dev.framelens.junit;

import static java.util.Objects.requireNonNull;

import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.nio.file.Path;

/**
 * Entry points of the test kit, to import statically.
 *
 * <pre>{@code
 * import static dev.framelens.Frame.*;
 * import static dev.framelens.junit.FramingAssertions.*;
 *
 * @Test
 * void survivalIsReadAsAWin() {
 *   assertThatFraming("The siege failed to break the garrison, and the town claimed victory.")
 *       .hasLabels(VICTORY, SURVIVAL_AS_WIN)
 *       .doesNotHaveLabel(DEFEAT)
 *       .hasEvidenceFor(VICTORY, "claimed victory");
 * }
 *
 * @Test
 * void theLexiconKeepsItsFloor() {
 *   assertThatCorpus(Path.of("src/test/resources/gold/units.jsonl")).hasMacroF1AtLeast(0.85);
 * }
 * }</pre>
 *
 * <p>Texts are analysed with {@link FrameDetector#withDefaultLexicon()} (from the {@code
 * framelens-lexicons} artifact, which the test needs on its class path) unless an assertion is
 * given another detector with {@code usingDetector}.
 */
public final class FramingAssertions {
  private FramingAssertions() {}

  /**
   * Assertions on the frames of {@code text}.
   *
   * @param text the text to analyse (with the default detector unless {@link
   *     FramingAssert#usingDetector} says otherwise)
   * @return the assertions, which analyse the text on their first check
   */
  public static FramingAssert assertThatFraming(String text) {
    requireNonNull(text, "text");
    return new FramingAssert(text, null, null);
  }

  /**
   * Assertions on an analysis already made.
   *
   * @param analysis the analysis to check
   * @return the assertions
   */
  public static FramingAssert assertThatFraming(FrameAnalysis analysis) {
    requireNonNull(analysis, "analysis");
    return new FramingAssert(analysis.text(), null, analysis);
  }

  /**
   * Assertions on a gold unit's text, whose {@link FramingAssert#matchesGold()} compares the
   * labels with the unit's gold labels.
   *
   * @param unit a unit of a gold file, as {@link GoldCorpusSource} passes it
   * @return the assertions
   */
  public static FramingAssert assertThatFraming(GoldUnit unit) {
    requireNonNull(unit, "unit");
    return new FramingAssert(unit.text(), unit, null);
  }

  /**
   * Assertions on how well a detector labels a whole gold file.
   *
   * @param goldFile a gold file (JSONL, the codebook's format)
   * @return the assertions, which read and score the file on their first check
   */
  public static CorpusAssert assertThatCorpus(Path goldFile) {
    requireNonNull(goldFile, "goldFile");
    return new CorpusAssert(goldFile);
  }

  /**
   * Assertions on how well a detector labels a whole gold file.
   *
   * @param goldFile the gold file's path, relative to the working directory (a Maven module's
   *     directory when Maven runs the tests)
   * @return the assertions
   */
  public static CorpusAssert assertThatCorpus(String goldFile) {
    requireNonNull(goldFile, "goldFile");
    return assertThatCorpus(Path.of(goldFile));
  }

  private static volatile FrameDetector defaultDetector;

  /**
   * The default detector, built on first use. Not a holder class: if the lexicons artifact is
   * missing, every call should say so, not only the first.
   */
  static FrameDetector defaultDetector() {
    FrameDetector detector = defaultDetector;
    if (detector == null) {
      detector = FrameDetector.withDefaultLexicon(); // two threads may both build one: harmless
      defaultDetector = detector;
    }
    return detector;
  }
}
