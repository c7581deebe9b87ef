package dev.framelens.lexicons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import dev.framelens.internal.eval.Evaluation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests of the default lexicon: sentences written for this project (varied wars and
 * phrasings, including ones the gold corpora do not use) with the labels the codebook gives
 * them. Each line of {@code golden/en-default.jsonl} is a test case that must match exactly.
 */
class GoldenSentencesTest {
  private static final FrameDetector DETECTOR = FrameDetector.withDefaultLexicon();

  @TestFactory
  Stream<DynamicTest> everyGoldenSentenceGetsItsLabels() throws URISyntaxException {
    Path file = Path.of(Objects.requireNonNull(
        GoldenSentencesTest.class.getResource("/golden/en-default.jsonl"),
        "golden/en-default.jsonl is missing from the test resources").toURI());
    return GoldCorpus.read(file).stream().map((Evaluation.Unit unit) ->
        dynamicTest(unit.id() + ": " + unit.text(), () -> {
          FrameAnalysis a = DETECTOR.analyze(unit.text());
          assertEquals(unit.gold(), a.labels(), () -> "labels of \"" + unit.text() + "\"\n" + a);
        }));
  }
}
