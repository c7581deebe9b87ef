package dev.framelens.internal.engine;

import dev.framelens.internal.match.PatternAutomaton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The expanded sequences of one pattern, indexed to find the first one (in the pattern's order)
 * that fits a span of tokens: {@link Workspace#path} asks this for every match.
 *
 * <p><b>Why.</b> A pattern with gaps and optional elements expands into many sequences of the
 * same length (hundreds for some rules, more in big generated lexicons), and trying each in turn
 * made the path search the largest cost of context resolution on big lexicons.
 *
 * <p><b>Shared.</b> Immutable (every field final, the search keeps its state on the stack), so
 * the workspaces of one engine share one index per pattern ({@link SequenceIndexes}).
 *
 * <p><b>Algorithm.</b> Per length, the sequences form a trie, each node knowing the smallest
 * sequence index below it, children in that order. A depth-first search from the first token
 * follows only edges the tokens satisfy and skips every subtree whose smallest index is not
 * below the best fit found so far, so the answer is the first fitting sequence, as a scan in
 * order would give, after visiting few nodes. Groups of a few sequences are scanned directly.
 */
final class SequenceIndex {
  /** What the search asks of the tokens. */
  interface Tokens {
    /** Whether token {@code k} satisfies {@code atom} ({@code ANY} included). */
    boolean satisfies(int k, int atom);

    /** Whether a clause boundary lies between tokens {@code k - 1} and {@code k}. */
    boolean clauseBreak(int k);
  }

  /** Groups up to this size are scanned in order rather than searched in a trie. */
  private static final int SCAN_LIMIT = 8;

  /** By length: the sequences of that length in the pattern's order. */
  private final int[][][] byLength;
  /** By length: the trie of a large group, or null. */
  private final Trie[] tries;
  /** By length: whether some sequence of that length has a gap (an {@code ANY}). */
  private final boolean[] hasGap;

  SequenceIndex(int[][] sequences) {
    int longest = 0;
    for (int[] sequence : sequences) {
      longest = Math.max(longest, sequence.length);
    }
    List<List<int[]>> groups = new ArrayList<>();
    for (int length = 0; length <= longest; length++) {
      groups.add(new ArrayList<>());
    }
    for (int[] sequence : sequences) {
      groups.get(sequence.length).add(sequence);
    }
    byLength = new int[longest + 1][][];
    tries = new Trie[longest + 1];
    hasGap = new boolean[longest + 1];
    for (int length = 0; length <= longest; length++) {
      byLength[length] = groups.get(length).toArray(new int[0][]);
      for (int[] sequence : byLength[length]) {
        for (int atom : sequence) {
          hasGap[length] |= atom == PatternAutomaton.ANY;
        }
      }
      if (byLength[length].length > SCAN_LIMIT) {
        tries[length] = new Trie(byLength[length], length);
      }
    }
  }

  /**
   * The first sequence of {@code length} tokens that fits the tokens from {@code first}: every
   * token satisfies its atom, and no clause boundary lies next to a token a gap absorbed. Null
   * if none does.
   *
   * <p>The span must be one the automaton matched for this pattern, so that some sequence of
   * this length fits its atoms: a lone sequence of that length is then the answer without
   * looking at atoms (clause boundaries still count where it has gaps).
   */
  int[] first(int first, int length, Tokens tokens) {
    if (length >= byLength.length) {
      return null;
    }
    int[][] group = byLength[length];
    if (group.length == 1) {
      return !hasGap[length] || gapsStayInClauses(group[0], first, tokens) ? group[0] : null;
    }
    Trie trie = tries[length];
    if (trie != null) {
      int found = trie.search(first, tokens);
      return found < 0 ? null : byLength[length][found];
    }
    for (int[] sequence : byLength[length]) {
      if (fits(sequence, first, tokens)) {
        return sequence;
      }
    }
    return null;
  }

  /**
   * Whether some sequence fits a span the automaton matched for this pattern (see {@link
   * #first}): without gaps of that length, always.
   */
  boolean fitsMatched(int first, int length, Tokens tokens) {
    return length < byLength.length && (!hasGap[length] || first(first, length, tokens) != null);
  }

  private static boolean gapsStayInClauses(int[] sequence, int first, Tokens tokens) {
    for (int k = 1; k < sequence.length; k++) {
      if ((sequence[k] == PatternAutomaton.ANY || sequence[k - 1] == PatternAutomaton.ANY)
          && tokens.clauseBreak(first + k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean fits(int[] sequence, int first, Tokens tokens) {
    for (int k = 0; k < sequence.length; k++) {
      if (!tokens.satisfies(first + k, sequence[k])) {
        return false;
      }
      if (k > 0 && (sequence[k] == PatternAutomaton.ANY
          || sequence[k - 1] == PatternAutomaton.ANY) && tokens.clauseBreak(first + k)) {
        return false;
      }
    }
    return true;
  }

  /** A trie over sequences of one length, as parallel arrays; node 0 is the root. */
  private static final class Trie {
    private final int length;
    // Per node: its atom (the edge into it), the smallest sequence index below it, and its
    // children (a range of childList), sorted by that index.
    private final int[] atom;
    private final int[] min;
    private final int[] childFrom;
    private final int[] childTo;
    private final int[] childList;

    Trie(int[][] sequences, int length) {
      this.length = length;
      List<int[]> nodes = new ArrayList<>(); // {atom, min, parent}
      List<List<Integer>> children = new ArrayList<>();
      nodes.add(new int[] {PatternAutomaton.ANY, 0, -1});
      children.add(new ArrayList<>());
      for (int index = 0; index < sequences.length; index++) {
        int node = 0;
        for (int atomOfStep : sequences[index]) {
          int next = -1;
          for (int child : children.get(node)) {
            if (nodes.get(child)[0] == atomOfStep) {
              next = child;
              break;
            }
          }
          if (next < 0) {
            next = nodes.size();
            nodes.add(new int[] {atomOfStep, index, node});
            children.add(new ArrayList<>());
            children.get(node).add(next);
          }
          node = next;
        }
      }
      int n = nodes.size();
      atom = new int[n];
      min = new int[n];
      childFrom = new int[n];
      childTo = new int[n];
      childList = new int[n];
      int at = 0;
      for (int node = 0; node < n; node++) {
        atom[node] = nodes.get(node)[0];
        min[node] = nodes.get(node)[1]; // sequences are added in order: the first is the min
      }
      for (int node = 0; node < n; node++) {
        List<Integer> list = children.get(node);
        list.sort(Comparator.comparingInt(child -> min[child]));
        childFrom[node] = at;
        for (int child : list) {
          childList[at++] = child;
        }
        childTo[node] = at;
      }
    }

    /** The index of the first fitting sequence, or -1. */
    int search(int first, Tokens tokens) {
      int best = visit(0, 0, first, tokens, Integer.MAX_VALUE);
      return best == Integer.MAX_VALUE ? -1 : best;
    }

    /**
     * Visits the children of {@code node}, whose edges fit tokens first .. first+depth-1, and
     * returns the smallest index of a fitting sequence, {@code best} if none is smaller. The
     * best so far is passed down and returned, not kept in a field: the trie is shared by
     * threads.
     */
    private int visit(int node, int depth, int first, Tokens tokens, int best) {
      if (depth == length) {
        return Math.min(best, min[node]);
      }
      int token = first + depth;
      for (int c = childFrom[node]; c < childTo[node]; c++) {
        int child = childList[c];
        if (min[child] >= best) {
          return best; // children are in index order: none further can do better
        }
        int a = atom[child];
        if (!tokens.satisfies(token, a)) {
          continue;
        }
        if (depth > 0 && (a == PatternAutomaton.ANY || atom[node] == PatternAutomaton.ANY)
            && tokens.clauseBreak(token)) {
          continue;
        }
        best = visit(child, depth + 1, first, tokens, best);
      }
      return best;
    }
  }

  @Override
  public String toString() {
    return Arrays.stream(byLength).mapToInt(g -> g.length).sum() + " sequences";
  }
}
