package dev.framelens.junit;

import static java.util.Objects.requireNonNull;

import dev.framelens.Evaluation;
import dev.framelens.Frame;
import dev.framelens.FrameDetector;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on how well a detector labels a whole gold file: macro-F1, each label's F1 and
 * the share of units labelled exactly right. A failure prints the per-label table (precision,
 * recall, F1 and counts) and the first units the detector got wrong, with their evidence.
 *
 * <pre>{@code
 * assertThatCorpus(Path.of("src/test/resources/gold/units.jsonl"))
 *     .usingDetector(myDetector)
 *     .hasMacroF1AtLeast(0.85)
 *     .hasEveryLabelF1AtLeast(0.80);
 * }</pre>
 */
public final class CorpusAssert {
  /** Wrong units shown in a failure message; the rest are counted. */
  static final int ERRORS_SHOWN = 20;

  private final Path goldFile;
  private FrameDetector detector;
  private Evaluation evaluation;

  CorpusAssert(Path goldFile) {
    this.goldFile = goldFile;
  }

  /**
   * Scores {@code detector} instead of the default one.
   *
   * @param detector the detector to score
   * @return this
   * @throws IllegalStateException if the corpus was already scored (give the detector first)
   */
  public CorpusAssert usingDetector(FrameDetector detector) {
    requireNonNull(detector, "detector");
    if (evaluation != null) {
      throw new IllegalStateException("usingDetector must come before the first check (the "
          + "corpus has been scored already)");
    }
    this.detector = detector;
    return this;
  }

  /**
   * Checks the mean of the F1 scores of the labels that occur (in the gold or the prediction).
   *
   * @param minimum the lowest acceptable macro-F1, in [0, 1]
   * @return this
   * @throws IllegalArgumentException if {@code minimum} is not in [0, 1]
   */
  public CorpusAssert hasMacroF1AtLeast(double minimum) {
    checkMinimum(minimum);
    check("macro-F1", evaluation().macroF1(), minimum,
        "no label has a gold unit or a prediction");
    return this;
  }

  /**
   * Checks one label's F1.
   *
   * @param frame the label
   * @param minimum the lowest acceptable F1, in [0, 1]
   * @return this
   * @throws IllegalArgumentException if {@code minimum} is not in [0, 1]
   */
  public CorpusAssert hasLabelF1AtLeast(Frame frame, double minimum) {
    requireNonNull(frame, "frame");
    checkMinimum(minimum);
    check(frame + " F1", evaluation().labels().get(frame).f1(), minimum,
        "no gold unit and no prediction");
    return this;
  }

  /**
   * Checks every label's F1.
   *
   * @param minimum the lowest acceptable F1 of any label, in [0, 1]
   * @return this
   * @throws IllegalArgumentException if {@code minimum} is not in [0, 1]
   */
  public CorpusAssert hasEveryLabelF1AtLeast(double minimum) {
    for (Frame frame : Frame.values()) {
      hasLabelF1AtLeast(frame, minimum);
    }
    return this;
  }

  /**
   * Checks the share of units whose labels are all right.
   *
   * @param minimum the lowest acceptable share, in [0, 1]
   * @return this
   * @throws IllegalArgumentException if {@code minimum} is not in [0, 1]
   */
  public CorpusAssert hasExactMatchRateAtLeast(double minimum) {
    checkMinimum(minimum);
    check("exact-match rate", evaluation().exactMatchRate(), minimum, "no units");
    return this;
  }

  /**
   * The per-label table, as a failure prints it.
   *
   * @return the score table of the corpus
   */
  public String report() {
    return evaluation().report(false);
  }

  /** Fails unless {@code actual} is at least {@code minimum}; an undefined one never is. */
  private void check(String what, double actual, double minimum, String undefined) {
    if (Double.isNaN(actual)) {
      throw failure(String.format(Locale.ROOT, "%s is undefined (%s), so it cannot be at least "
          + "%.3f", what, undefined, minimum));
    }
    if (actual < minimum) {
      throw failure(String.format(Locale.ROOT, "%s %.3f is below %.3f", what, actual, minimum));
    }
  }

  private Evaluation evaluation() {
    if (evaluation == null) {
      List<Evaluation.Unit> units = GoldCorpus.read(goldFile).stream()
          .map(u -> new Evaluation.Unit(u.id(), u.text(), u.labels()))
          .toList();
      if (units.isEmpty()) {
        throw new AssertionFailedError(goldFile + ": no gold units (the file is empty): there "
            + "is nothing to score");
      }
      evaluation = Evaluation.run(goldFile.toString(),
          detector != null ? detector : FramingAssertions.defaultDetector(), units);
    }
    return evaluation;
  }

  private static void checkMinimum(double minimum) {
    if (!(minimum >= 0 && minimum <= 1)) {
      throw new IllegalArgumentException("minimum must be in [0, 1]: " + minimum);
    }
  }

  private AssertionFailedError failure(String message) {
    return new AssertionFailedError(message + "\n" + evaluation().report(ERRORS_SHOWN));
  }
}
