package dev.framelens.internal.match;

import static com.google.common.base.Preconditions.checkState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * All token patterns of a lexicon compiled into one automaton, matched in a single left-to-right
 * pass over a sentence's tokens.
 *
 * <h2>Design notes</h2>
 *
 * <p><b>Alphabet.</b> A pattern is a sequence of <em>atoms</em>: a word, a stem, a word set,
 * {@link #NUMBER} or the wildcard {@link #ANY}. A token satisfies several atoms at once (the word
 * "failed", the stem "fail", the set {@code @failure}), so the lexicon resolves each distinct
 * token form once to the short array of atoms it satisfies; the automaton never looks at text.
 *
 * <p><b>Structure.</b> Optional elements, alternatives and bounded gaps are expanded at compile
 * time into plain atom sequences, and all sequences of all patterns are inserted into one trie,
 * so patterns that share a prefix share its states. The trie is then minimised: states with the
 * same future (same accepted patterns, same edges to equivalent states) are merged, so shared
 * suffixes share states too; the default lexicon's expanded sequences make a trie of about
 * 200,000 states and an automaton of 4,400. The trie is the peak of loading a lexicon, so it is
 * kept in int arrays, 12 bytes a state, and minimised without an object per state
 * ({@link Builder}): the default lexicon loads in a 28 MiB heap. A state's edges are a row of
 * two arrays (atom, target) in ascending atom order, the wildcard's apart. The automaton is
 * non-deterministic only because a token satisfies several atoms; each atom has at most one
 * successor.
 *
 * <p><b>Matching</b> ({@link Matcher}) keeps the set of live states, each with the token where
 * its match began. For each token it looks up, for every live state and for the root, the
 * successor under each atom the token satisfies and under {@code ANY}. The root is re-entered at
 * every token, which makes the search unanchored. Two threads reaching the same state are merged
 * keeping the later start, because the future of a state does not depend on where it began and
 * the later start gives the shorter span.
 *
 * <p><b>Invariants.</b> No pattern begins with {@code ANY} (the compiler rejects leading gaps and
 * wildcards), so the root never has a wildcard transition. Reported matches are, for each
 * pattern and each end token, the one with the latest start.
 *
 * <p><b>Cost.</b> The {@link Matcher} caches each step of this simulation as a transition of a
 * lazily built DFA, so a warm token costs one table probe. A step computed afresh costs, per live
 * state, one array read for its wildcard successor and, only when the token's atoms can meet the
 * state's edges (a 64-bit mask test), one merge of its edges (most states have one) with the
 * token's sorted atoms; for the root, one array read per atom. Live states are the distinct
 * partial matches in progress, bounded by the automaton's depth times the gap width of the
 * patterns that actually match here, not by the number of rules. Memory: one entry per edge of
 * the minimised automaton.
 */
public final class PatternAutomaton {
  /** The wildcard atom: any single token. */
  public static final int ANY = 0;
  /** The atom of a recognised number phrase. */
  public static final int NUMBER = 1;
  /** The atom of a token written with a capital letter ("Hamas", "Tripoli"). */
  public static final int CAPITALIZED = 2;
  /** The first atom id free for words, stems and sets. */
  public static final int FIRST_FREE_ATOM = 3;

  private final int stateCount;
  private final int patternCount;
  private final int[][] accepts;
  /** Per state, its successor under the wildcard, or -1. */
  private final int[] wildcardNext;
  /**
   * Per state, bit {@code atom & 63} set for every atom it has an edge for: a token whose
   * atoms hit none of the bits needs no probe of that state.
   */
  private final long[] atomMask;
  /** The root's successor by atom, or -1: the root is probed for every token. */
  private final int[] rootNext;
  /**
   * The edges of each state but the wildcard's, as compressed rows: those of state {@code s} are
   * {@code edgeFrom[s] .. edgeFrom[s + 1] - 1} of {@link #edgeAtom} and {@link #edgeTarget}, in
   * ascending atom order, so that a step meets a state's few edges with a token's sorted atoms
   * in one merge, reading two adjacent arrays instead of probing a table of every edge per
   * atom (with 14,000 rules that table outgrew the caches and the probes were a quarter of the
   * match pass).
   */
  private final int[] edgeFrom;
  private final int[] edgeAtom;
  private final int[] edgeTarget;

  /**
   * The automaton of {@code stateCount} states whose edges are {@code rows}: state {@code s}'s
   * are {@code rows[rowStart[s]] .. rows[rowStart[s + 1] - 1]}, each {@code atom << 32 | target}
   * and in ascending atom order, so the wildcard's ({@code ANY}, atom 0) comes first.
   */
  private PatternAutomaton(int stateCount, int patternCount, int[] rowStart, long[] rows,
      List<int[]> acceptLists) {
    this.stateCount = stateCount;
    this.patternCount = patternCount;
    this.accepts = acceptLists.toArray(new int[0][]);
    this.wildcardNext = new int[stateCount];
    Arrays.fill(wildcardNext, -1);
    this.atomMask = new long[stateCount];
    this.edgeFrom = new int[stateCount + 1];
    int wildcards = 0;
    for (int state = 0; state < stateCount; state++) {
      int first = rowStart[state];
      if (first < rowStart[state + 1] && rowAtom(rows[first]) == ANY) {
        wildcardNext[state] = rowTarget(rows[first]);
        wildcards++;
      }
      edgeFrom[state + 1] = rowStart[state + 1] - wildcards;
    }
    this.edgeAtom = new int[rows.length - wildcards];
    this.edgeTarget = new int[rows.length - wildcards];
    int e = 0;
    for (long row : rows) {
      if (rowAtom(row) != ANY) {
        edgeAtom[e] = rowAtom(row);
        edgeTarget[e++] = rowTarget(row);
      }
    }
    int rootEnd = rowStart[1];
    this.rootNext = new int[rootEnd == 0 ? 1 : rowAtom(rows[rootEnd - 1]) + 1];
    Arrays.fill(rootNext, -1);
    for (int r = 0; r < rootEnd; r++) {
      rootNext[rowAtom(rows[r])] = rowTarget(rows[r]);
    }
    for (int state = 0; state < stateCount; state++) {
      for (int f = edgeFrom[state]; f < edgeFrom[state + 1]; f++) {
        atomMask[state] |= 1L << (edgeAtom[f] & 63);
      }
    }
  }

  private static long row(int atom, int target) {
    return ((long) atom << 32) | (target & 0xFFFFFFFFL);
  }

  private static int rowAtom(long row) {
    return (int) (row >>> 32);
  }

  private static int rowTarget(long row) {
    return (int) row;
  }

  /** The first of {@code state}'s edges in {@link #edgeAtom}; its last is before the next's. */
  int edgeFrom(int state) {
    return edgeFrom[state];
  }

  /** The atom of edge {@code e}. */
  int edgeAtom(int e) {
    return edgeAtom[e];
  }

  /** The state edge {@code e} leads to. */
  int edgeTarget(int e) {
    return edgeTarget[e];
  }

  /** The root's successor under {@code atom}, or -1: one array read. */
  int rootNext(int atom) {
    return atom < rootNext.length ? rootNext[atom] : -1;
  }

  /** A builder for an automaton of at most {@code maxStates} states. */
  public static Builder builder(int maxStates) {
    return new Builder(maxStates);
  }

  /** Number of states, the root included. */
  public int stateCount() {
    return stateCount;
  }

  /** Number of patterns the automaton was built for (ids 0 .. n-1). */
  public int patternCount() {
    return patternCount;
  }

  /** The successor of {@code state} under the wildcard, or -1. */
  int wildcardNext(int state) {
    return wildcardNext[state];
  }

  /** The mask of the atoms {@code state} has edges for (see {@link #maskOf}). */
  long atomMask(int state) {
    return atomMask[state];
  }

  /** The mask of a token's atoms, to test against {@link #atomMask}. */
  public static long maskOf(int[] atoms) {
    long mask = 0;
    for (int atom : atoms) {
      mask |= 1L << (atom & 63);
    }
    return mask;
  }

  /** Pattern ids that end at {@code state}, or null. */
  int[] accepts(int state) {
    return accepts[state];
  }

  /**
   * Inserts atom sequences one by one into a trie, then minimises it; not thread-safe, used
   * once per lexicon.
   *
   * <p>The trie is held as three int arrays (the atom into each state, its first child, its next
   * sibling), 12 bytes a state, and the root's children also by atom, since the root has one
   * child for every atom a pattern starts with while other states have a few. The default
   * lexicon's trie has about 200,000 states, so what loading a lexicon costs is mostly this:
   * boxed in a {@code HashMap<Long, Integer>} of edges, and with a record per state in the
   * minimisation, loading the default lexicon needed a 48 MiB heap.
   */
  public static final class Builder {
    private final int maxStates;
    private int stateCount = 1; // the root
    /** Per state: the atom of the edge into it (the root's is unused). */
    private int[] atomInto = new int[1 << 12];
    /** Per state: its first child, or -1. */
    private int[] firstChild = new int[1 << 12];
    /** Per state: the next child of its parent, or -1. */
    private int[] nextSibling = new int[1 << 12];
    /** Per atom: the root's child under it, or -1 (or past the end). */
    private int[] rootChild = new int[64];
    private final List<int[]> accepts = new ArrayList<>();
    private int patternCount;
    private boolean built;

    private Builder(int maxStates) {
      this.maxStates = maxStates;
      firstChild[0] = -1;
      nextSibling[0] = -1;
      Arrays.fill(rootChild, -1);
      accepts.add(null); // the root
    }

    /** The number of states so far. */
    public int stateCount() {
      return stateCount;
    }

    /**
     * Adds one expanded sequence of a pattern.
     *
     * @return false if the automaton would grow past its state limit (nothing is added then)
     */
    public boolean add(int patternId, int[] atoms) {
      checkState(!built, "the automaton is built already");
      if (atoms.length == 0 || atoms[0] == ANY) {
        throw new IllegalArgumentException("a sequence must start with a non-wildcard atom");
      }
      int state = 0;
      int depth = 0;
      while (depth < atoms.length) {
        int child = child(state, atoms[depth]);
        if (child < 0) {
          break;
        }
        state = child;
        depth++;
      }
      if (stateCount + (atoms.length - depth) > maxStates) {
        return false;
      }
      for (; depth < atoms.length; depth++) {
        state = addChild(state, atoms[depth]);
      }
      int[] list = accepts.get(state);
      if (list == null) {
        accepts.set(state, new int[] {patternId});
      } else if (Arrays.stream(list).noneMatch(p -> p == patternId)) {
        int[] grown = Arrays.copyOf(list, list.length + 1);
        grown[list.length] = patternId;
        accepts.set(state, grown);
      }
      patternCount = Math.max(patternCount, patternId + 1);
      return true;
    }

    /** The child of {@code state} under {@code atom}, or -1. */
    private int child(int state, int atom) {
      if (state == 0) {
        return atom < rootChild.length ? rootChild[atom] : -1;
      }
      for (int c = firstChild[state]; c >= 0; c = nextSibling[c]) {
        if (atomInto[c] == atom) {
          return c;
        }
      }
      return -1;
    }

    private int addChild(int parent, int atom) {
      if (stateCount == atomInto.length) {
        int grown = stateCount + (stateCount >> 1);
        atomInto = Arrays.copyOf(atomInto, grown);
        firstChild = Arrays.copyOf(firstChild, grown);
        nextSibling = Arrays.copyOf(nextSibling, grown);
      }
      int state = stateCount++;
      atomInto[state] = atom;
      firstChild[state] = -1;
      nextSibling[state] = firstChild[parent];
      firstChild[parent] = state;
      accepts.add(null);
      if (parent == 0) {
        if (atom >= rootChild.length) {
          int old = rootChild.length;
          rootChild = Arrays.copyOf(rootChild, Math.max(atom + 1, old * 2));
          Arrays.fill(rootChild, old, rootChild.length, -1);
        }
        rootChild[atom] = state;
      }
      return state;
    }

    /** Declares the total number of patterns (some may have added no sequence). */
    public Builder patternCount(int count) {
      patternCount = Math.max(patternCount, count);
      return this;
    }

    /** Makes the automaton; the builder is spent then (it lets go of its trie). */
    public PatternAutomaton build() {
      checkState(!built, "the automaton is built already");
      built = true;
      return minimized();
    }

    /**
     * The trie with equivalent states merged: two states are equivalent when they accept the
     * same patterns and have the same edges to equivalent states, i.e. the same future. Merging
     * them keeps the matcher's answers (a state's future does not depend on how it was reached,
     * and the matcher keeps the latest start of the threads it merges) while the expanded
     * sequences of gaps and alternatives, which share long suffixes, shrink to a fraction of
     * the states: fewer live states per token, and arrays that stay in cache.
     *
     * <p>In a trie a child is created after its parent, so visiting states from the last to the
     * first sees every child before its parent (Daciuk et al.'s minimisation of an acyclic
     * automaton, done after the fact).
     */
    private PatternAutomaton minimized() {
      int n = stateCount;
      // The trie's edges as rows: state s's are rows[rowStart[s] .. rowStart[s + 1] - 1], each
      // atom << 32 | child, in ascending atom order.
      int[] rowStart = new int[n + 1];
      for (int s = 0; s < n; s++) {
        int children = 0;
        for (int c = firstChild[s]; c >= 0; c = nextSibling[c]) {
          children++;
        }
        rowStart[s + 1] = rowStart[s] + children;
      }
      long[] rows = new long[rowStart[n]];
      for (int s = 0; s < n; s++) {
        int at = rowStart[s];
        for (int c = firstChild[s]; c >= 0; c = nextSibling[c]) {
          rows[at++] = row(atomInto[c], c);
        }
        Arrays.sort(rows, rowStart[s], rowStart[s + 1]);
      }
      // The rows hold the trie now; let go of the arrays that built it (a big lexicon's trie is
      // the peak of loading it).
      atomInto = null;
      firstChild = null;
      nextSibling = null;
      rootChild = null;
      // The register of distinct futures: an open-addressing table of representative states
      // (one per minimised state, a small share of the trie's; sized for the trie, so that it
      // never fills), probed with a state's future and compared row against row, so that a
      // state costs no object.
      int[] canonical = new int[n];
      int[] register = new int[Integer.highestOneBit(Math.max(16, n)) << 1];
      Arrays.fill(register, -1);
      int mask = register.length - 1;
      for (int s = n - 1; s > 0; s--) {
        int slot = futureHash(s, rows, rowStart, canonical) & mask;
        while (true) {
          int representative = register[slot];
          if (representative < 0) {
            register[slot] = s;
            canonical[s] = s;
            break;
          }
          if (sameFuture(representative, s, rows, rowStart, canonical)) {
            canonical[s] = representative;
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
      canonical[0] = 0; // the root is never merged
      // Number the surviving states densely, the root first, and write their rows anew.
      int[] renumber = new int[n];
      List<int[]> newAccepts = new ArrayList<>();
      for (int s = 0; s < n; s++) {
        if (canonical[s] == s) {
          renumber[s] = newAccepts.size();
          newAccepts.add(accepts.get(s));
        }
      }
      int m = newAccepts.size();
      int[] newRowStart = new int[m + 1];
      for (int s = 0; s < n; s++) {
        if (canonical[s] == s) {
          newRowStart[renumber[s] + 1] = rowStart[s + 1] - rowStart[s];
        }
      }
      for (int t = 0; t < m; t++) {
        newRowStart[t + 1] += newRowStart[t];
      }
      long[] newRows = new long[newRowStart[m]];
      for (int s = 0; s < n; s++) {
        if (canonical[s] == s) {
          int at = newRowStart[renumber[s]];
          for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
            newRows[at++] = row(rowAtom(rows[e]), renumber[canonical[rowTarget(rows[e])]]);
          }
        }
      }
      return new PatternAutomaton(m, patternCount, newRowStart, newRows, newAccepts);
    }

    /**
     * A hash of a state's future: its accepted patterns (in any order) and its edges' atoms and
     * canonical targets (in row order).
     */
    private int futureHash(int s, long[] rows, int[] rowStart, int[] canonical) {
      int hash = 0;
      int[] list = accepts.get(s);
      if (list != null) {
        for (int pattern : list) {
          hash += pattern * 0x9E3779B9; // a sum, so the order of the list does not count
        }
      }
      for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
        hash = 31 * hash + rowAtom(rows[e]);
        hash = 31 * hash + canonical[rowTarget(rows[e])];
      }
      return hash ^ (hash >>> 16);
    }

    /** Whether states {@code a} and {@code b} accept the same patterns and step alike. */
    private boolean sameFuture(int a, int b, long[] rows, int[] rowStart, int[] canonical) {
      int length = rowStart[a + 1] - rowStart[a];
      if (length != rowStart[b + 1] - rowStart[b] || !sameSet(accepts.get(a), accepts.get(b))) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        long ra = rows[rowStart[a] + i];
        long rb = rows[rowStart[b] + i];
        if (rowAtom(ra) != rowAtom(rb) || canonical[rowTarget(ra)] != canonical[rowTarget(rb)]) {
          return false;
        }
      }
      return true;
    }

    /** Whether two accept lists (null for none; no duplicates) hold the same patterns. */
    private static boolean sameSet(int[] a, int[] b) {
      if (a == null || b == null) {
        return a == b;
      }
      if (a.length != b.length) {
        return false;
      }
      if (a.length == 1) {
        return a[0] == b[0];
      }
      int[] sortedA = a.clone();
      int[] sortedB = b.clone();
      Arrays.sort(sortedA);
      Arrays.sort(sortedB);
      return Arrays.equals(sortedA, sortedB);
    }
  }
}
