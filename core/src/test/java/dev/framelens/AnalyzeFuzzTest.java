package dev.framelens;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of {@link FrameDetector#analyze} with Jazzer, over {@link TestLexicon}.
 * For the fuzzed text as it is, woven with lexicon words and test sentences so that rules,
 * modifiers, boundaries and casualty figures fire, and repeated: every span is in bounds and
 * equal to its source text ({@link PublicApiPropertiesTest#assertSpans}), and a second analysis
 * of the same text, after another document, gives the same result. An exception, an assertion
 * failure or an input slower than the timeout is a finding.
 *
 * <p>In a normal build this runs in regression mode on the inputs under
 * {@code src/test/resources/dev/framelens/AnalyzeFuzzTestInputs/analyzeText}; with
 * {@code JAZZER_FUZZ=1} it fuzzes (see {@code core/README.md}).
 */
class AnalyzeFuzzTest {
  private static final FrameDetector DETECTOR = TestLexicon.detector();

  /** Words and phrases of the test lexicon, and marks that change how they are read. */
  private static final List<String> PIECES = List.of(
      "won", "win", "victory", "triumphed", "not", "never", "no longer", "if", "unless", "but",
      "however", "perhaps", "its", "their", "who", "only", "no doubt", "escaped", "killed",
      "died", "dead", "wounded", "injured", "at least", "about", "an estimated", "more than",
      "up to", "nearly", "including", "among them", "children", "civilians", "villagers",
      "people", "1,200", "300", "twelve", "tens of thousands of", "seized", "took", "the port",
      "city", "lost the war", "routed", "retreated", "heavy losses", "failed to", "dislodge",
      "the militia", "still standing", "massacred", "won an award", "Victory Day", "said",
      "told", "according to", "the minister", "Gen.", "Dr.", ".", ",", "?", "!", "...", ";",
      ":", "\"", "'", "\u201C", "\u201D", "\u2018", "\u2019", "(", ")", " - ", "\n", "\n\n",
      "\u2028", "\u00A0", "\u200B", "\u0301", "\uD83D\uDE00", "\uD800", "\uFFFD");

  @FuzzTest(maxDuration = "5m")
  // Jazzer makes this libFuzzer's per-input timeout when fuzzing (a hang is then written as
  // timeout-<sha1> to the inputs directory). In regression mode JUnit applies it to each input,
  // in a separate thread so that a busy loop, which ignores interrupts, fails instead of hanging.
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void analyzeText(FuzzedDataProvider data) {
    // The choices come from the end of the input, the text from its start.
    int pieces = data.consumeInt(0, 12);
    int[] choice = new int[pieces];
    int[] where = new int[pieces];
    for (int i = 0; i < pieces; i++) {
      choice[i] = data.consumeInt(0, PIECES.size() + TestLexicon.SENTENCES.size() - 1);
      where[i] = data.consumeInt(0, Integer.MAX_VALUE);
    }
    int repeats = data.consumeInt(1, 3);
    String text = data.consumeRemainingAsString();

    check(text);

    StringBuilder woven = new StringBuilder(text);
    for (int i = 0; i < pieces; i++) {
      String piece = choice[i] < PIECES.size() ? PIECES.get(choice[i])
          : TestLexicon.SENTENCES.get(choice[i] - PIECES.size());
      int at = where[i] % (woven.length() + 1);
      woven.insert(at, " " + piece + " ");
    }
    String wovenText = woven.toString();
    check(wovenText);

    check((wovenText + " ").repeat(repeats) + text);
  }

  private static void check(String text) {
    FrameAnalysis first = DETECTOR.analyze(text);
    PublicApiPropertiesTest.assertSpans(text, first);
    DETECTOR.analyze(TestLexicon.SENTENCES.get(text.length() % TestLexicon.SENTENCES.size()));
    FrameAnalysis second = DETECTOR.analyze(text);
    PublicApiPropertiesTest.assertSameAnalysis(first, second);
  }
}
