package dev.framelens.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.framelens.internal.match.PatternAutomaton;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The indexed search for a match's path returns what a scan of the sequences in order returns:
 * the first that fits, on random sequences (many of one length, so that tries are built) and
 * random token atoms and clause breaks, for spans the automaton could have matched (some
 * sequence of the length fits the atoms, as the index may assume).
 */
class SequenceIndexTest {
  private static final int ATOMS = 4; // atoms 1..4 and ANY

  @Provide
  Arbitrary<int[][]> sequences() {
    Arbitrary<int[]> sequence = Arbitraries.integers().between(0, ATOMS).array(int[].class)
        .ofMinSize(1).ofMaxSize(4)
        .map(s -> {
          if (s[0] == PatternAutomaton.ANY) {
            s[0] = 1; // no sequence begins with a gap
          }
          return s;
        });
    return sequence.array(int[][].class).ofMinSize(1).ofMaxSize(60); // groups past the scan limit
  }

  @Property(tries = 3000)
  void firstFitIsTheFirstInOrder(@ForAll("sequences") int[][] sequences,
      @ForAll @Size(8) List<@IntRange(min = 0, max = 15) Integer> tokenAtomBits,
      @ForAll @IntRange(min = 0, max = 255) int breaks, @ForAll @IntRange(max = 3) int first,
      @ForAll @IntRange(min = 1, max = 4) int length) {
    SequenceIndex.Tokens tokens = new SequenceIndex.Tokens() {
      @Override
      public boolean satisfies(int k, int atom) {
        return atom == PatternAutomaton.ANY || (tokenAtomBits.get(k) & (1 << (atom - 1))) != 0;
      }

      @Override
      public boolean clauseBreak(int k) {
        return (breaks & (1 << k)) != 0;
      }
    };
    boolean matched = false;
    int[] expected = null;
    for (int[] sequence : sequences) {
      if (sequence.length == length && atomsFit(sequence, first, tokens)) {
        matched = true;
        if (expected == null && fits(sequence, first, tokens)) {
          expected = sequence;
        }
      }
    }
    Assume.that(matched);
    SequenceIndex index = new SequenceIndex(sequences);
    assertSame(expected, index.first(first, length, tokens));
    assertEquals(expected != null, index.fitsMatched(first, length, tokens));
  }

  private static boolean atomsFit(int[] sequence, int first, SequenceIndex.Tokens tokens) {
    for (int k = 0; k < sequence.length; k++) {
      if (!tokens.satisfies(first + k, sequence[k])) {
        return false;
      }
    }
    return true;
  }

  private static boolean fits(int[] sequence, int first, SequenceIndex.Tokens tokens) {
    for (int k = 0; k < sequence.length; k++) {
      if (!tokens.satisfies(first + k, sequence[k])) {
        return false;
      }
      boolean gapNext = sequence[k] == PatternAutomaton.ANY
          || (k > 0 && sequence[k - 1] == PatternAutomaton.ANY);
      if (k > 0 && gapNext && tokens.clauseBreak(first + k)) {
        return false;
      }
    }
    return true;
  }
}
