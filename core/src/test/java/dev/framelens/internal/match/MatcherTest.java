package dev.framelens.internal.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The automaton and matcher on hand-built atom sequences. */
class MatcherTest {
  private static final int A = PatternAutomaton.FIRST_FREE_ATOM;
  private static final int B = A + 1;
  private static final int C = A + 2;
  private static final int ANY = PatternAutomaton.ANY;

  /** Ids of the atom sets, equal for equal sets, as the engine's term cache assigns them. */
  static int[] ids(int[][] atoms) {
    int[] ids = new int[atoms.length];
    for (int i = 0; i < atoms.length; i++) {
      ids[i] = SET_IDS.computeIfAbsent(java.util.Arrays.toString(atoms[i]), k -> SET_IDS.size());
    }
    return ids;
  }

  /** One numbering for all tests, as one thread's term cache numbers sets for its matcher. */
  private static final java.util.Map<String, Integer> SET_IDS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Each token's atom mask, as the engine's term cache provides it. */
  static long[] masks(int[][] atoms) {
    long[] masks = new long[atoms.length];
    for (int i = 0; i < atoms.length; i++) {
      masks[i] = PatternAutomaton.maskOf(atoms[i]);
    }
    return masks;
  }

  /**
   * The matches as {@code pattern:start-end}. Matches come in order of their end token (checked
   * here); among those ending on the same token the order is unspecified, so they are sorted.
   */
  private static List<String> run(PatternAutomaton automaton, int[][] atoms, int from, int to) {
    List<int[]> out = new ArrayList<>();
    new Matcher(automaton).run(atoms, masks(atoms), ids(atoms), from, to, (p, s, e) -> out.add(new int[] {p, s, e}));
    for (int i = 1; i < out.size(); i++) {
      assertTrue(out.get(i - 1)[2] <= out.get(i)[2], "matches out of end order");
    }
    out.sort(java.util.Comparator.<int[]>comparingInt(m -> m[2]).thenComparingInt(m -> m[0]));
    return out.stream().map(m -> m[0] + ":" + m[1] + "-" + m[2]).toList();
  }

  @Test
  void reportsForEachPatternAndEndTheLatestStart() {
    // Pattern 0 is "a a? b": expanded into "a b" and "a a b".
    PatternAutomaton.Builder builder = PatternAutomaton.builder(100);
    builder.add(0, new int[] {A, B});
    builder.add(0, new int[] {A, A, B});
    int[][] text = {{A}, {A}, {B}};
    assertEquals(List.of("0:1-2"), run(builder.build(), text, 0, 3));
  }

  @Test
  void wildcardsAndSharedPrefixes() {
    PatternAutomaton.Builder builder = PatternAutomaton.builder(100);
    builder.add(0, new int[] {A, ANY, C});
    builder.add(1, new int[] {A, B});
    builder.add(2, new int[] {A, B, C});
    PatternAutomaton automaton = builder.build();
    assertEquals(6, automaton.stateCount()); // root, a, a_, a_c, ab, abc
    int[][] text = {{A}, {B}, {C}, {A, B}};
    assertEquals(List.of("1:0-1", "0:0-2", "2:0-2"), run(automaton, text, 0, 4));
  }

  @Test
  void aTokenSatisfyingSeveralAtomsFollowsEachOfThem() {
    PatternAutomaton.Builder builder = PatternAutomaton.builder(100);
    builder.add(0, new int[] {A, B});
    builder.add(1, new int[] {A, C});
    int[][] text = {{A}, {B, C}};
    assertEquals(List.of("0:0-1", "1:0-1"), run(builder.build(), text, 0, 2));
  }

  @Test
  void aWindowReportsAbsoluteIndicesAndSeesNothingOutsideIt() {
    PatternAutomaton.Builder builder = PatternAutomaton.builder(100);
    builder.add(0, new int[] {A, B});
    int[][] text = {{A}, {B}, {A}, {B}, {A}, {B}};
    PatternAutomaton automaton = builder.build();
    assertEquals(List.of("0:2-3"), run(automaton, text, 1, 4));
    assertEquals(List.of("0:0-1", "0:2-3", "0:4-5"), run(automaton, text, 0, 6));
  }

  @Test
  void sequencesWithTheSameFutureShareStates() {
    // Trie: root, A, A-B, A-B-C, D, D-B, D-B-C. A and D have the same future (B C, accepting
    // pattern 0), so the minimised automaton has the root and one chain of three.
    PatternAutomaton.Builder builder = PatternAutomaton.builder(100);
    builder.add(0, new int[] {A, B, C});
    builder.add(0, new int[] {C, B, C});
    assertEquals(7, builder.stateCount());
    PatternAutomaton automaton = builder.build();
    assertEquals(4, automaton.stateCount());
    assertEquals(List.of("0:0-2", "0:2-4"),
        run(automaton, new int[][] {{A}, {B}, {C}, {B}, {C}}, 0, 5));
  }

  @Test
  void statesWithDifferentAcceptsStayApart() {
    PatternAutomaton.Builder builder = PatternAutomaton.builder(100);
    builder.add(0, new int[] {A, B});
    builder.add(1, new int[] {C, B});
    PatternAutomaton automaton = builder.build();
    assertEquals(5, automaton.stateCount());
    assertEquals(List.of("0:0-1", "1:2-3"),
        run(automaton, new int[][] {{A}, {B}, {C}, {B}}, 0, 4));
  }

  @Test
  void aMatcherIsReusableAcrossRuns() {
    PatternAutomaton.Builder builder = PatternAutomaton.builder(100);
    builder.add(0, new int[] {A, ANY, B});
    Matcher matcher = new Matcher(builder.build());
    List<String> first = new ArrayList<>();
    int[][] firstText = {{A}, {C}};
    matcher.run(firstText, masks(firstText), ids(firstText), 0, 2,
        (p, s, e) -> first.add(p + ":" + s + "-" + e));
    List<String> second = new ArrayList<>();
    // A run must not continue the partial match the previous run left open.
    int[][] secondText = {{B}, {A}, {C}, {B}};
    matcher.run(secondText, masks(secondText), ids(secondText), 0, 4,
        (p, s, e) -> second.add(p + ":" + s + "-" + e));
    assertEquals(List.of(), first);
    assertEquals(List.of("0:1-3"), second);
  }

  @Test
  void aThrashingCacheIsSteppedPastWithTheSameMatchesInTheSameOrder() {
    // Gaps keep several partial matches alive, so the DFA meets a new state at most tokens.
    PatternAutomaton.Builder builder = PatternAutomaton.builder(1_000);
    builder.add(0, new int[] {A, ANY, ANY, B});
    builder.add(1, new int[] {A, ANY, B});
    builder.add(2, new int[] {C, ANY, A});
    builder.add(3, new int[] {B});
    PatternAutomaton automaton = builder.build();
    int[][] text = {{A}, {C}, {A, C}, {B}, {A}, {B}, {C}, {C}, {A}, {B}, {B}, {A, B}, {C}, {A}};
    Matcher roomy = new Matcher(automaton);
    Matcher small = new Matcher(automaton, 3, 6, 1_000);
    Matcher neverSteps = new Matcher(automaton, 3, 6, 0);
    for (int round = 0; round < 4; round++) {
      List<String> expected = runInOrder(roomy, text);
      assertEquals(expected, runInOrder(small, text), "round " + round);
      assertEquals(expected, runInOrder(neverSteps, text), "round " + round);
      assertTrue(expected.size() >= 6, "a test that matches little proves little: " + expected);
    }
    assertTrue(small.stepping(), "a cache that fills while most probes miss is stepped past");
    assertFalse(neverSteps.stepping());
    assertFalse(roomy.stepping());
  }

  @Test
  void aSpellOfSteppingEndsAndTheCacheIsTriedAgain() {
    PatternAutomaton.Builder builder = PatternAutomaton.builder(1_000);
    builder.add(0, new int[] {A, ANY, ANY, B});
    builder.add(1, new int[] {C, ANY, A});
    PatternAutomaton automaton = builder.build();
    int[][] text = {{A}, {C}, {A, C}, {B}, {A}, {B}, {C}, {C}, {A}, {B}};
    Matcher matcher = new Matcher(automaton, 3, 6, 15);
    runInOrder(matcher, text);
    runInOrder(matcher, text); // the cache filled in the first run: this one steps
    assertTrue(matcher.stepping());
    runInOrder(matcher, text); // 20 tokens stepped: the spell of 15 is over
    assertFalse(matcher.stepping());
  }

  /** A run's matches as {@code pattern:start-end}, in the order the matcher reported them. */
  private static List<String> runInOrder(Matcher matcher, int[][] atoms) {
    List<String> out = new ArrayList<>();
    matcher.run(atoms, masks(atoms), ids(atoms), 0, atoms.length,
        (p, s, e) -> out.add(p + ":" + s + "-" + e));
    return out;
  }

  @Test
  void manyLiveStatesGrowTheMatcherArrays() {
    // Forty patterns "a ..." of every length up to 40 over a text of forty a's and a b.
    PatternAutomaton.Builder builder = PatternAutomaton.builder(10_000);
    for (int p = 0; p < 40; p++) {
      int[] sequence = new int[p + 2];
      java.util.Arrays.fill(sequence, A);
      sequence[p + 1] = B;
      builder.add(p, sequence);
    }
    int[][] text = new int[41][];
    for (int i = 0; i < 40; i++) {
      text[i] = new int[] {A};
    }
    text[40] = new int[] {B};
    List<String> found = run(builder.build(), text, 0, 41);
    assertEquals(40, found.size());
    assertTrue(found.contains("0:39-40"));
    assertTrue(found.contains("39:0-40"));
  }

  @Test
  void theBuilderRefusesSequencesThatStartWithAWildcardOrAreEmpty() {
    PatternAutomaton.Builder builder = PatternAutomaton.builder(100);
    assertThrows(IllegalArgumentException.class, () -> builder.add(0, new int[] {ANY, A}));
    assertThrows(IllegalArgumentException.class, () -> builder.add(0, new int[0]));
  }

  @Test
  void theBuilderStopsAtItsStateLimitWithoutAddingAnything() {
    PatternAutomaton.Builder builder = PatternAutomaton.builder(3);
    assertTrue(builder.add(0, new int[] {A, B}));
    assertEquals(3, builder.stateCount());
    assertFalse(builder.add(1, new int[] {C}));
    assertEquals(3, builder.stateCount());
    assertTrue(builder.add(1, new int[] {A})); // reuses an existing state
    PatternAutomaton automaton = builder.patternCount(5).build();
    assertEquals(5, automaton.patternCount());
    assertEquals(List.of("1:0-0", "0:0-1"), run(automaton, new int[][] {{A}, {B}}, 0, 2));
  }
}
