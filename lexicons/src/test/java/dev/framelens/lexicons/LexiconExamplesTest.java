package dev.framelens.lexicons;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.FrameDetector;
import dev.framelens.Lexicon;
import dev.framelens.LexiconException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs every {@code example:} and {@code counter:} line of the default lexicon ({@link
 * FrameDetector#checkExamples()}, which {@code framelens lint} runs on any file): a lexicon
 * author changes a rule and sees at once which of its own sentences broke, at file:line:column,
 * with the analysis of each.
 *
 * <ul>
 *   <li>A rule must support its own frame on its examples (kept evidence, not turned into
 *       another frame by a modifier) and must not on its counter-examples (where it may still
 *       match and be cancelled or turned: "failed to achieve its goals" is no victory).
 *   <li>A block must cancel a match on its examples and none on its counter-examples.
 *   <li>A modifier must act on some match in its examples and on none in its counter-examples.
 * </ul>
 */
class LexiconExamplesTest {
  private static final FrameDetector DETECTOR = FrameDetector.withDefaultLexicon();

  @Test
  void everyExampleAndCounterExample() {
    List<LexiconException.Problem> failing = DETECTOR.checkExamples();
    assertTrue(failing.isEmpty(), () -> failing.size() + " example lines fail:\n\n"
        + failing.stream().map(p -> p.render() + "\n    " + DETECTOR.analyze(p.offendingText())
            .toString().replace("\n", "\n    ")).collect(Collectors.joining("\n\n")));
  }

  @Test
  void everyRuleBlockAndModifierHasAnExample() {
    List<String> missing = DETECTOR.lexicon().rules().stream()
        .filter(r -> r.examples().isEmpty())
        .map(Lexicon.Rule::toString)
        .toList();
    assertTrue(missing.isEmpty(), () -> "entries without an example:\n  "
        + String.join("\n  ", missing));
  }

  /**
   * A rule is written for a construction, not for one sentence: each entry shows it with at
   * least two examples (in more than one form: tense, number, wording) and marks its edge with
   * at least one counter-example.
   */
  @Test
  void everyEntryHasTwoExamplesAndACounterExample() {
    List<String> thin = DETECTOR.lexicon().rules().stream()
        .filter(r -> r.examples().size() < 2 || r.counterExamples().isEmpty())
        .map(r -> r + ": " + r.examples().size() + " examples, " + r.counterExamples().size()
            + " counter-examples")
        .toList();
    assertTrue(thin.isEmpty(), () -> "entries with fewer than two examples or no "
        + "counter-example:\n  " + String.join("\n  ", thin));
  }
}
