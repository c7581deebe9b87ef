package dev.framelens.junit;

import static java.util.Objects.requireNonNull;

import dev.framelens.Evidence;
import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * Fluent assertions on the frames of one text. Each check returns {@code this}, so checks
 * chain; the first that fails throws an {@link AssertionFailedError} whose message shows the
 * labels, scores and evidence the detector found. Not thread-safe: one instance per check, as
 * {@link FramingAssertions#assertThatFraming(String)} makes.
 *
 * <pre>{@code
 * assertThatFraming("Rebels claimed victory after the army failed to retake the port.")
 *     .hasLabels(VICTORY)
 *     .doesNotHaveLabel(DEFEAT)
 *     .hasEvidenceFor(VICTORY, "claimed victory");
 * }</pre>
 */
public final class FramingAssert {
  private final String text;
  private final GoldUnit unit;
  private FrameDetector detector;
  private FrameAnalysis analysis;

  FramingAssert(String text, GoldUnit unit, FrameAnalysis analysis) {
    this.text = text;
    this.unit = unit;
    this.analysis = analysis;
  }

  /**
   * Analyses the text with {@code detector} instead of the default one.
   *
   * @param detector the detector to use
   * @return this
   * @throws IllegalStateException if the text was already analysed (give the detector first)
   */
  public FramingAssert usingDetector(FrameDetector detector) {
    requireNonNull(detector, "detector");
    if (analysis != null) {
      throw new IllegalStateException("usingDetector must come before the first check, and "
          + "cannot apply to an analysis given to assertThatFraming(FrameAnalysis): the text has "
          + "been analysed already");
    }
    this.detector = detector;
    return this;
  }

  /**
   * The analysis the checks look at, for checks the kit does not have.
   *
   * @return the analysis of the text
   */
  public FrameAnalysis analysis() {
    if (analysis == null) {
      analysis = (detector != null ? detector : FramingAssertions.defaultDetector())
          .analyze(text);
    }
    return analysis;
  }

  /**
   * Checks that the text has every one of {@code frames} (and perhaps others).
   *
   * @param frames the frames that must be labels
   * @return this
   */
  public FramingAssert hasLabels(Frame... frames) {
    Set<Frame> expected = setOf(frames);
    Set<Frame> missing = EnumSet.copyOf(expected);
    missing.removeAll(analysis().labels());
    if (!missing.isEmpty()) {
      throw failure("expected labels " + expected + " but " + missing + " missing", expected,
          analysis().labels());
    }
    return this;
  }

  /**
   * Checks that the text's labels are exactly {@code frames}.
   *
   * @param frames all the labels the text must have
   * @return this
   */
  public FramingAssert hasExactlyLabels(Frame... frames) {
    Set<Frame> expected = setOf(frames);
    if (!analysis().labels().equals(expected)) {
      throw failure("expected exactly labels " + expected, expected, analysis().labels());
    }
    return this;
  }

  /**
   * Checks that the text has no label.
   *
   * @return this
   */
  public FramingAssert hasNoLabels() {
    return hasExactlyLabels();
  }

  /**
   * Checks that {@code frame} is not a label of the text.
   *
   * @param frame the frame that must not be a label
   * @return this
   */
  public FramingAssert doesNotHaveLabel(Frame frame) {
    requireNonNull(frame, "frame");
    if (analysis().labels().contains(frame)) {
      throw failure("expected no label " + frame, null, null);
    }
    return this;
  }

  /**
   * Checks that the text has kept evidence for {@code frame} whose text contains {@code
   * words}, ignoring case ("claimed victory" finds the evidence "Claimed victory" and "had
   * claimed victory over").
   *
   * @param frame the frame the evidence supports
   * @param words words the evidence's text must contain
   * @return this
   */
  public FramingAssert hasEvidenceFor(Frame frame, String words) {
    requireNonNull(frame, "frame");
    requireNonNull(words, "words");
    String wanted = words.toLowerCase(Locale.ROOT);
    for (Evidence e : analysis().evidence()) {
      if (e.frame() == frame && e.text().toLowerCase(Locale.ROOT).contains(wanted)) {
        return this;
      }
    }
    throw failure("expected evidence for " + frame + " containing \"" + words + "\"", null,
        null);
  }

  /**
   * Checks that the document's score for {@code frame} is at least {@code minimum}.
   *
   * @param frame the frame
   * @param minimum the lowest acceptable score, in [0, 1]
   * @return this
   * @throws IllegalArgumentException if {@code minimum} is not in [0, 1]
   */
  public FramingAssert hasScoreAtLeast(Frame frame, double minimum) {
    requireNonNull(frame, "frame");
    if (!(minimum >= 0 && minimum <= 1)) {
      throw new IllegalArgumentException("minimum score must be in [0, 1]: " + minimum);
    }
    double score = analysis().score(frame);
    if (score < minimum) {
      throw failure(String.format(Locale.ROOT, "expected a %s score of at least %.2f, was %.2f",
          frame, minimum, score), null, null);
    }
    return this;
  }

  /**
   * Checks that the labels are exactly the gold labels of the unit this assertion was made
   * for ({@link FramingAssertions#assertThatFraming(GoldUnit)}).
   *
   * @return this
   * @throws IllegalStateException if the assertion was not made for a gold unit
   */
  public FramingAssert matchesGold() {
    if (unit == null) {
      throw new IllegalStateException("matchesGold needs assertThatFraming(GoldUnit)");
    }
    Set<Frame> actual = analysis().labels();
    if (!actual.equals(unit.labels())) {
      Set<Frame> missing = EnumSet.noneOf(Frame.class);
      missing.addAll(unit.labels());
      missing.removeAll(actual);
      Set<Frame> extra = EnumSet.noneOf(Frame.class);
      extra.addAll(actual);
      extra.removeAll(unit.labels());
      throw failure("gold unit " + unit.id() + " (" + unit.location() + "): expected labels "
          + unit.labels() + (missing.isEmpty() ? "" : ", missing " + missing)
          + (extra.isEmpty() ? "" : ", not in the gold " + extra), unit.labels(), actual);
    }
    return this;
  }

  private static Set<Frame> setOf(Frame... frames) {
    requireNonNull(frames, "frames");
    Set<Frame> set = EnumSet.noneOf(Frame.class);
    for (Frame f : frames) {
      set.add(requireNonNull(f, () -> "null frame in " + Arrays.toString(frames)));
    }
    return set;
  }

  private AssertionFailedError failure(String message, Object expected, Object actual) {
    String full = message + "\ntext: " + text + "\nfound: " + analysis();
    return expected == null ? new AssertionFailedError(full)
        : new AssertionFailedError(full, expected, actual);
  }
}
