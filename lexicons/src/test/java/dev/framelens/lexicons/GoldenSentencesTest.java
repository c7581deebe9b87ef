package dev.framelens.lexicons;

import static dev.framelens.junit.FramingAssertions.assertThatCorpus;
import static dev.framelens.junit.FramingAssertions.assertThatFraming;

import dev.framelens.junit.GoldCorpusSource;
import dev.framelens.junit.GoldUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Golden tests of the default lexicon: sentences written for this project (varied wars and
 * phrasings, including ones the gold corpora do not use) with the labels the codebook gives
 * them. Each line of {@code golden/en-default.jsonl} is a test case named by its id that must
 * match exactly, checked with the project's own test kit ({@code framelens-junit}).
 */
class GoldenSentencesTest {
  static final String GOLDEN = "src/test/resources/golden/en-default.jsonl";

  @ParameterizedTest(name = "{0}")
  @GoldCorpusSource(GOLDEN)
  void everyGoldenSentenceGetsItsLabels(GoldUnit unit) {
    assertThatFraming(unit).matchesGold();
  }

  @Test
  void theGoldenFileAsACorpusIsLabelledPerfectly() {
    // The same file scored whole: a failure here prints the per-label table.
    assertThatCorpus(GOLDEN).hasMacroF1AtLeast(1.0).hasExactMatchRateAtLeast(1.0);
  }
}
