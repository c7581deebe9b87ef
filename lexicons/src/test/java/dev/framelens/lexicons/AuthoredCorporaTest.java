package dev.framelens.lexicons;

import static dev.framelens.junit.FramingAssertions.assertThatCorpus;

import org.junit.jupiter.api.Test;

/**
 * Floors on two corpora written for this project from the codebook alone, by contributors who
 * had not seen the lexicon, its examples or the gold corpora: {@code authored/authored-1.jsonl}
 * (220 units: 140 about more than 30 wars, coups and political contests, 80 off topic) and
 * {@code authored/authored-2.jsonl} (200 units: 130 and 70) and {@code authored/authored-3.jsonl}
 * (200 units: 130 and 70, a third of them two to four sentences). They run without {@code ../shared},
 * so every clone checks that the lexicon still reads text it was not written from.
 *
 * <p>At first sight the default lexicon read them at macro-F1 0.777 and 0.788 (0.653 and 0.647
 * for the 0.1.0 lexicon). The concepts their errors showed missing were then written as
 * constructions, kept by their record over all corpora, so they are no longer a first sight:
 * the floors keep what was gained, a little below today's 0.94 and 0.90. The third read at 0.786
 * at first sight; rules were written from its odd units only (its even units are held back, see
 * the README beside it), and it reads at 0.853.
 */
class AuthoredCorporaTest {

  @Test
  void theFirstAuthoredCorpusKeepsItsFloor() {
    assertThatCorpus("src/test/resources/authored/authored-1.jsonl")
        .hasMacroF1AtLeast(0.92)
        .hasEveryLabelF1AtLeast(0.88);
  }

  @Test
  void theSecondAuthoredCorpusKeepsItsFloor() {
    assertThatCorpus("src/test/resources/authored/authored-2.jsonl")
        .hasMacroF1AtLeast(0.88)
        .hasEveryLabelF1AtLeast(0.82);
  }

  @Test
  void theThirdAuthoredCorpusKeepsItsFloor() {
    assertThatCorpus("src/test/resources/authored/authored-3.jsonl")
        .hasMacroF1AtLeast(0.83)
        .hasEveryLabelF1AtLeast(0.75);
  }
}
