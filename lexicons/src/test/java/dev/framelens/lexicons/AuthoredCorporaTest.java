package dev.framelens.lexicons;

import static dev.framelens.junit.FramingAssertions.assertThatCorpus;

import dev.framelens.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Floors on the corpora written for this project from the codebook alone, by contributors who had
 * not seen the lexicon, its examples or the gold corpora (see {@code authored/README.md} beside
 * them): ten corpora that read like the news ({@code authored-N.jsonl}, 200 to 240 units, a quarter
 * to a third of them off topic) and three concept suites in the manner of CheckList ({@code
 * concepts-N.jsonl}: for each concept of the codebook, units that share no key word, and
 * counters). They run without {@code ../shared}, so every clone checks that the lexicon still reads
 * text it was not written from.
 *
 * <p>Each floor sits a little below the corpus's score when it was added, so that a lexicon change
 * that costs one of them more than a unit or two fails here; the first-sight scores, before any
 * rule was written from a corpus, are in the README. {@code authored-4.jsonl} is held back whole:
 * no rule has been written from its errors, so its score stays an estimate of first sight (0.808
 * when it was first scored); so are {@code authored-7.jsonl} (0.726), {@code authored-11.jsonl}
 * (0.749) and {@code authored-12.jsonl} (0.716), the last two written while rules were being
 * written from {@code authored-8.jsonl} and {@code authored-9.jsonl} (first sight 0.745 and
 * 0.756, opened for rules after that), and scored once; the even half of {@code
 * authored-10.jsonl} (0.849 at first sight) is held back too.
 *
 * <p>The suites of wordings ({@code wordings-*.jsonl}) say each concept of one or two frames with
 * a different key word or idiom, in several forms, beside counters that use the same words off
 * topic or as hopes. Their other labels are a handful of units each, so the floors are on the
 * frames a suite is about and on the share of units labelled exactly right. The suite of hard
 * negatives ({@code hard-negatives.jsonl}) is war and politics news whose trigger words carry no
 * frame (aims, predictions, names, small gains, talks, personal survival) and off-topic text:
 * almost every gold set there is empty, so its floor is on exact match.
 */
class AuthoredCorporaTest {

  @ParameterizedTest(name = "{0}: macro-F1 >= {1}, every label >= {2}")
  @CsvSource({
    "authored-1.jsonl, 0.92, 0.88",
    "authored-2.jsonl, 0.88, 0.82",
    "authored-3.jsonl, 0.84, 0.80",
    "authored-4.jsonl, 0.78, 0.72",
    "authored-5.jsonl, 0.81, 0.74",
    "authored-6.jsonl, 0.75, 0.70",
    "authored-7.jsonl, 0.70, 0.60",
    "authored-8.jsonl, 0.79, 0.68",
    "authored-9.jsonl, 0.80, 0.70",
    "authored-10.jsonl, 0.84, 0.70",
    "authored-11.jsonl, 0.73, 0.62",
    "authored-12.jsonl, 0.69, 0.60",
    "concepts-1.jsonl, 0.89, 0.85",
    "concepts-2.jsonl, 0.94, 0.90",
    "concepts-3.jsonl, 0.81, 0.75",
    "wordings-3.jsonl, 0.83, 0.78",
  })
  void eachAuthoredCorpusKeepsItsFloor(String file, double macroF1, double labelF1) {
    assertThatCorpus("src/test/resources/authored/" + file)
        .hasMacroF1AtLeast(macroF1)
        .hasEveryLabelF1AtLeast(labelF1);
  }

  @ParameterizedTest(name = "{0}: {1} F1 >= {2}, exact match >= {3}")
  @CsvSource({
    "wordings-defeat.jsonl, DEFEAT, 0.92, 0.83",
    "wordings-survival.jsonl, SURVIVAL_AS_WIN, 0.91, 0.82",
    "wordings-victory-casualty.jsonl, VICTORY, 0.86, 0.82",
    "wordings-victory-casualty.jsonl, CASUALTY_EMPHASIS, 0.90, 0.82",
    "wordings-4.jsonl, DEFEAT, 0.87, 0.79",
    "wordings-4.jsonl, VICTORY, 0.83, 0.79",
    "wordings-5.jsonl, SURVIVAL_AS_WIN, 0.72, 0.72",
    "wordings-5.jsonl, CASUALTY_EMPHASIS, 0.84, 0.72",
  })
  void eachSuiteOfWordingsKeepsItsFloor(String file, Frame frame, double labelF1, double exact) {
    assertThatCorpus("src/test/resources/authored/" + file)
        .hasLabelF1AtLeast(frame, labelF1)
        .hasExactMatchRateAtLeast(exact);
  }

  @Test
  void theHardNegativesMostlyStaySilent() {
    assertThatCorpus("src/test/resources/authored/hard-negatives.jsonl")
        .hasExactMatchRateAtLeast(0.93);
  }
}
