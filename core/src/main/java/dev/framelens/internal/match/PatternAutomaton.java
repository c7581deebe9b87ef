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
 * 200,000 states and an automaton of 4,400. The trie is built in an {@link EdgeTable}, 16 bytes
 * an edge, and minimised without an object per state: loading is bounded by it, and the default
 * lexicon loads in a 32 MiB heap. A state's edges are a row of two arrays
 * (atom, target) in ascending atom order, the wildcard's apart. The automaton is
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
 * token's sorted atoms; for the root, one array read per atom. Live states are the distinct partial matches in progress, bounded by the automaton's
 * depth times the gap width of the patterns that actually match here, not by the number of
 * rules. Memory: one entry per edge of the minimised automaton.
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

  private PatternAutomaton(int stateCount, int patternCount, EdgeTable edges,
      List<int[]> acceptLists) {
    this.stateCount = stateCount;
    this.patternCount = patternCount;
    this.wildcardNext = new int[stateCount];
    Arrays.fill(wildcardNext, -1);
    this.atomMask = new long[stateCount];
    int[] maxRootAtom = {0};
    int[] atomEdgeCount = {0};
    edges.forEach((key, target) -> {
      int from = EdgeTable.state(key);
      int atom = EdgeTable.atom(key);
      if (atom == ANY) {
        wildcardNext[from] = target;
      } else {
        atomMask[from] |= 1L << (atom & 63);
        atomEdgeCount[0]++;
      }
      if (from == 0) {
        maxRootAtom[0] = Math.max(maxRootAtom[0], atom);
      }
    });
    this.accepts = acceptLists.toArray(new int[0][]);
    this.rootNext = new int[maxRootAtom[0] + 1];
    Arrays.fill(rootNext, -1);
    long[] atomEdges = new long[atomEdgeCount[0]];
    int[] filled = {0};
    edges.forEach((key, target) -> {
      if (EdgeTable.state(key) == 0) {
        rootNext[EdgeTable.atom(key)] = target;
      }
      if (EdgeTable.atom(key) != ANY) {
        atomEdges[filled[0]++] = key;
      }
    });
    Arrays.sort(atomEdges); // by state, then atom
    this.edgeFrom = new int[stateCount + 1];
    this.edgeAtom = new int[atomEdges.length];
    this.edgeTarget = new int[atomEdges.length];
    for (int e = 0; e < atomEdges.length; e++) {
      edgeFrom[EdgeTable.state(atomEdges[e]) + 1]++;
      edgeAtom[e] = EdgeTable.atom(atomEdges[e]);
      edgeTarget[e] = edges.get(atomEdges[e]);
    }
    for (int state = 0; state < stateCount; state++) {
      edgeFrom[state + 1] += edgeFrom[state];
    }
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

  /** Inserts atom sequences one by one; not thread-safe, used once per lexicon. */
  public static final class Builder {
    private final int maxStates;
    /** The trie's edges; null once {@link #build} has made the automaton. */
    private EdgeTable edges = new EdgeTable(1 << 16);
    private final List<int[]> accepts = new ArrayList<>();
    private int patternCount;

    private Builder(int maxStates) {
      this.maxStates = maxStates;
      accepts.add(null); // the root
    }

    /** The number of states so far. */
    public int stateCount() {
      return accepts.size();
    }

    /**
     * Adds one expanded sequence of a pattern.
     *
     * @return false if the automaton would grow past its state limit (nothing is added then)
     */
    public boolean add(int patternId, int[] atoms) {
      checkState(edges != null, "the automaton is built already");
      if (atoms.length == 0 || atoms[0] == ANY) {
        throw new IllegalArgumentException("a sequence must start with a non-wildcard atom");
      }
      int state = 0;
      int needed = 0;
      for (int atom : atoms) {
        int child = edges.get(EdgeTable.key(state, atom));
        if (child < 0) {
          needed = atoms.length;
          break;
        }
        state = child;
      }
      if (needed > 0 && accepts.size() + needed > maxStates) {
        return false;
      }
      state = 0;
      for (int atom : atoms) {
        long key = EdgeTable.key(state, atom);
        int child = edges.get(key);
        if (child < 0) {
          child = accepts.size();
          accepts.add(null);
          edges.put(key, child);
        }
        state = child;
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

    /** Declares the total number of patterns (some may have added no sequence). */
    public Builder patternCount(int count) {
      patternCount = Math.max(patternCount, count);
      return this;
    }

    /** Makes the automaton; the builder is spent then (it lets go of its trie). */
    public PatternAutomaton build() {
      checkState(edges != null, "the automaton is built already");
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
      int n = accepts.size();
      // The trie's edges as rows: state s's are rowStart[s] .. rowStart[s + 1] - 1, by atom.
      long[] rowKey = new long[edges.size()];
      int[] filled = {0};
      edges.forEach((key, target) -> rowKey[filled[0]++] = key);
      Arrays.sort(rowKey);
      int[] rowStart = new int[n + 1];
      int[] rowTarget = new int[rowKey.length];
      for (int e = 0; e < rowKey.length; e++) {
        rowStart[EdgeTable.state(rowKey[e]) + 1]++;
        rowTarget[e] = edges.get(rowKey[e]);
      }
      for (int s = 0; s < n; s++) {
        rowStart[s + 1] += rowStart[s];
      }
      edges = null; // the rows hold the trie now; its table is the biggest thing loading holds
      // The register of distinct futures: an open-addressing table of representative states,
      // holding the distinct futures only (the minimised states, a small share of the trie's),
      // probed with a state's future and compared row against row, so
      // that a state costs no object (a record per state made the 200,000 states of the
      // default lexicon's trie the peak of its loading).
      int[] canonical = new int[n];
      int[] register = new int[Integer.highestOneBit(Math.max(16, n)) << 1];
      Arrays.fill(register, -1);
      int mask = register.length - 1;
      for (int s = n - 1; s > 0; s--) {
        int slot = futureHash(s, rowKey, rowStart, rowTarget, canonical) & mask;
        while (true) {
          int representative = register[slot];
          if (representative < 0) {
            register[slot] = s;
            canonical[s] = s;
            break;
          }
          if (sameFuture(representative, s, rowKey, rowStart, rowTarget, canonical)) {
            canonical[s] = representative;
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
      canonical[0] = 0; // the root is never merged
      // Number the surviving states densely, the root first.
      int[] renumber = new int[n];
      Arrays.fill(renumber, -1);
      List<int[]> newAccepts = new ArrayList<>();
      for (int s = 0; s < n; s++) {
        if (canonical[s] == s) {
          renumber[s] = newAccepts.size();
          newAccepts.add(accepts.get(s));
        }
      }
      EdgeTable newEdges = new EdgeTable(newAccepts.size() * 2);
      for (int e = 0; e < rowKey.length; e++) {
        int from = EdgeTable.state(rowKey[e]);
        if (canonical[from] == from) {
          newEdges.put(EdgeTable.key(renumber[from], EdgeTable.atom(rowKey[e])),
              renumber[canonical[rowTarget[e]]]);
        }
      }
      return new PatternAutomaton(newAccepts.size(), patternCount, newEdges, newAccepts);
    }

    /**
     * A hash of a state's future: its accepted patterns (in any order) and its edges' atoms and
     * canonical targets (in row order).
     */
    private int futureHash(int s, long[] rowKey, int[] rowStart, int[] rowTarget,
        int[] canonical) {
      int hash = 0;
      int[] list = accepts.get(s);
      if (list != null) {
        for (int pattern : list) {
          hash += pattern * 0x9E3779B9; // a sum, so the order of the list does not count
        }
      }
      for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
        hash = 31 * hash + EdgeTable.atom(rowKey[e]);
        hash = 31 * hash + canonical[rowTarget[e]];
      }
      return hash ^ (hash >>> 16);
    }

    /** Whether states {@code a} and {@code b} accept the same patterns and step alike. */
    private boolean sameFuture(int a, int b, long[] rowKey, int[] rowStart, int[] rowTarget,
        int[] canonical) {
      int length = rowStart[a + 1] - rowStart[a];
      if (length != rowStart[b + 1] - rowStart[b] || !sameSet(accepts.get(a), accepts.get(b))) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        int ea = rowStart[a] + i;
        int eb = rowStart[b] + i;
        if (EdgeTable.atom(rowKey[ea]) != EdgeTable.atom(rowKey[eb])
            || canonical[rowTarget[ea]] != canonical[rowTarget[eb]]) {
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
