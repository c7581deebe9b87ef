package dev.framelens.lexicons;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.framelens.Evidence;
import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import dev.framelens.Lexicon;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code example:} and {@code counter:} line of the default lexicon as a test case: a
 * lexicon author changes a rule and sees at once which of its own sentences broke.
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

  @TestFactory
  Stream<DynamicTest> everyExampleAndCounterExample() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Lexicon.Rule rule : DETECTOR.lexicon().rules()) {
      for (String example : rule.examples()) {
        tests.add(dynamicTest(rule.id() + " acts on: " + example, () -> {
          FrameAnalysis a = DETECTOR.analyze(example);
          assertTrue(actsOn(rule, a), () -> rule + " should act on its example \"" + example
              + "\" but did not:\n" + a);
        }));
      }
      for (String counter : rule.counterExamples()) {
        tests.add(dynamicTest(rule.id() + " leaves alone: " + counter, () -> {
          FrameAnalysis a = DETECTOR.analyze(counter);
          assertFalse(actsOn(rule, a), () -> rule + " should not act on its counter-example \""
              + counter + "\" but did:\n" + a);
        }));
      }
    }
    return tests.stream();
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

  static boolean actsOn(Lexicon.Rule rule, FrameAnalysis a) {
    return switch (rule.kind()) {
      case RULE -> a.evidence().stream()
          .anyMatch(e -> e.ruleId().equals(rule.id()) && e.frame() == e.matchedFrame());
      case BLOCK -> a.suppressed().stream().anyMatch(e -> lastModifierIs(e, rule.id()));
      case MODIFIER -> Stream.concat(a.evidence().stream(), a.suppressed().stream())
          .anyMatch(e -> e.modifiers().stream().anyMatch(m -> m.ruleId().equals(rule.id())));
    };
  }

  private static boolean lastModifierIs(Evidence e, String id) {
    return !e.modifiers().isEmpty()
        && e.modifiers().get(e.modifiers().size() - 1).ruleId().equals(id);
  }
}
