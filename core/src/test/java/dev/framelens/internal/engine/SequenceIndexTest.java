package dev.framelens.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.framelens.internal.match.PatternAutomaton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

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

  /**
   * One index searched by two threads at once gives each the answer it gives alone: the trie
   * keeps no search state, since the workspaces of an engine share it.
   */
  @Test
  void aSharedIndexAnswersEachThreadAsAlone() throws Exception {
    int[][] sequences = new int[40][];
    for (int i = 0; i < sequences.length; i++) {
      // Length 3, past the scan limit: a trie. Distinct atom choices, some with a gap.
      sequences[i] = new int[] {1 + i % 4, i % 3 == 0 ? PatternAutomaton.ANY : 1 + (i / 4) % 4,
          1 + (i / 16) % 4};
    }
    SequenceIndex index = new SequenceIndex(sequences);
    SequenceIndex.Tokens[] views = new SequenceIndex.Tokens[16];
    int[][] expected = new int[views.length][];
    for (int v = 0; v < views.length; v++) {
      int bits = 0xFFF ^ (v * 0x111); // each view lets a different mix of atoms through
      views[v] = new SequenceIndex.Tokens() {
        @Override
        public boolean satisfies(int k, int atom) {
          return atom == PatternAutomaton.ANY || (bits >> (4 * k + atom - 1) & 1) != 0;
        }

        @Override
        public boolean clauseBreak(int k) {
          return false;
        }
      };
      expected[v] = index.first(0, 3, views[v]);
    }
    ExecutorService threads =
        Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> wrong = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int offset = t;
        wrong.add(threads.submit(() -> {
          int mismatches = 0;
          for (int round = 0; round < 200_000; round++) {
            int v = (round + offset * 7) % views.length;
            if (index.first(0, 3, views[v]) != expected[v]) {
              mismatches++;
            }
          }
          return mismatches;
        }));
      }
      for (Future<Integer> result : wrong) {
        assertEquals(0, result.get());
      }
    } finally {
      threads.shutdownNow();
    }
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
