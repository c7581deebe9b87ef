package dev.framelens.internal.match;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.util.ArrayUtil;

/**
 * Runs a {@link PatternAutomaton} over token sequences. One instance per thread: it owns its
 * caches and scratch arrays and reuses them, so matching allocates nothing once warmed up.
 *
 * <h2>Design notes</h2>
 *
 * <p><b>Algorithm.</b> The automaton is simulated as an NFA: a set of live states, each with the
 * token where its partial match began, stepped by every token (see {@link PatternAutomaton}).
 * Stepping costs work per live state, and news text keeps about two states alive per token
 * (gaps hold partial matches open), so the steps are cached as a lazily built DFA, the way
 * RE2 does: a DFA state is the ordered list of live NFA states with their <em>ages</em> (tokens
 * since their match began, which unlike starts repeat from sentence to sentence), and a
 * transition, keyed by the DFA state and the token's atom set, holds the next DFA state and the
 * matches to report as {@code (pattern, age)}. Once warm, a token costs one probe of the
 * transition table, whatever the number of rules or live states, and a token met between matches
 * (the empty state) one array read by its atom set's id.
 *
 * <p><b>Invariants.</b> The cached step is the NFA step exactly: live states keep the order in
 * which they were entered and two threads reaching one state keep the later start, so matches
 * come out in the same order with the same starts as from the plain simulation. DFA state 0 is
 * the empty set, the state between matches.
 *
 * <p><b>Bounds.</b> The cache is emptied, between two runs, when it holds more than {@value
 * #MAX_DFA_STATES} states or {@value #MAX_TRANSITIONS} transitions (under 20 MiB); a run adds
 * at most one state and one transition per token, so memory stays bounded on any input. The
 * caps were 20,000 and 65,536 until a lexicon of 14,600 rules (the benchmark's 100 times the
 * default) met about 24,000 states over 8 MB of varied news: the cache filled 32 times per pass,
 * rebuilding the same states each time, and the match pass ran at a third of its speed. At the
 * present caps it fills never at that size.
 *
 * <p><b>When the cache thrashes.</b> A lexicon or a text can still meet more states than the
 * cache holds. Then each miss pays for a step, an interned state and a new transition, several
 * times the cost of the step alone. So, as RE2 falls back from its DFA to its NFA, a cache that
 * fills while more than one probe in {@value #THRASHING_MISS_RATIO} misses is emptied and the
 * next {@value #STEP_SPELL_TOKENS} tokens are stepped directly, without interning (the empty
 * state's transitions are still cached, by atom set); then the DFA is tried again. Matches are
 * the same either way: both run {@link #step}.
 */
public final class Matcher {
  /** Receives matches: for each pattern and end token, the latest start. */
  public interface Sink {
    void match(int patternId, int startToken, int endToken);
  }

  static final int MAX_DFA_STATES = 40_000;
  static final int MAX_TRANSITIONS = 1 << 17;
  /** A cache that fills while more than one probe in this many misses is thrashing. */
  static final int THRASHING_MISS_RATIO = 8;
  /** Tokens stepped without the cache after it thrashed, before the DFA is tried again. */
  static final int STEP_SPELL_TOKENS = 1 << 20;
  private static final int EMPTY_STATE = 0;
  private static final int[] NO_PAIRS = new int[0];
  private static final int UNKNOWN = -1;

  private final PatternAutomaton automaton;
  private final int maxDfaStates;
  private final int maxTransitions;
  private final int stepSpellTokens;
  // Probes of the transition table and misses among them since the cache was last emptied.
  private long probes;
  private long misses;
  /** Tokens still to step without the cache (see the design notes). */
  private long stepTokensLeft;
  /** The live pairs while stepping without the cache, interleaved as a DFA state's. */
  private int[] live = new int[32];

  // The lazy DFA. A state is its pairs (nfa state, age), interleaved, in entering order.
  private int[][] dfaPairs = new int[256][];
  private int dfaStateCount;
  private final Map<PairsKey, Integer> dfaIndex = new HashMap<>();
  // Transitions: open addressing over parallel arrays; a free slot has transitionFrom -1.
  private int[] transitionFrom;
  /** Per transition, the id of the atom set it was taken under. */
  private int[] transitionSet;
  private int[] transitionTo;
  /** Per transition: the matches it reports as (pattern, age) pairs, or null. */
  private int[][] transitionReports;
  private int transitionCount;

  // The transitions from the empty state, by atom set id: the next state (UNKNOWN if not yet
  // computed) and the matches to report.
  private int[] emptyTarget = new int[0];
  private int[][] emptyReports = new int[0][];

  // Scratch for computing one NFA step.
  private int[] nextStates = new int[16];
  private int[] nextAges = new int[16];
  private int nextCount;
  private final int[] stateStamp;
  private final int[] stateSlot;
  private final int[] patternStamp;
  private final int[] patternSlot;
  private int[] reportPattern = new int[8];
  private int[] reportAge = new int[8];
  private int reportCount;
  private int generation;

  public Matcher(PatternAutomaton automaton) {
    this(automaton, MAX_DFA_STATES, MAX_TRANSITIONS, STEP_SPELL_TOKENS);
  }

  /**
   * A matcher whose cache is emptied at the given sizes and which steps {@code stepSpellTokens}
   * tokens without it after it thrashed (0: never): for tests of both.
   */
  Matcher(PatternAutomaton automaton, int maxDfaStates, int maxTransitions,
      int stepSpellTokens) {
    this.automaton = automaton;
    this.maxDfaStates = maxDfaStates;
    this.maxTransitions = maxTransitions;
    this.stepSpellTokens = stepSpellTokens;
    this.stateStamp = new int[automaton.stateCount()];
    this.stateSlot = new int[automaton.stateCount()];
    this.patternStamp = new int[automaton.patternCount()];
    this.patternSlot = new int[automaton.patternCount()];
    clearCache();
  }

  /**
   * Finds every match within tokens {@code from .. to-1}, where {@code atoms[i]} lists the
   * atoms token {@code i} satisfies in ascending order, each once (without {@link
   * PatternAutomaton#ANY}, which every token does), and {@code masks[i]} is {@link PatternAutomaton#maskOf} of them, which the engine
   * caches per distinct term, and {@code setIds[i]} identifies the atom set: two tokens have the
   * same id exactly when they have the same atoms, until the caller calls {@link #clearCache}
   * (the cache is keyed by these ids). Matches are reported in order of their end token, with
   * absolute token indices.
   */
  public void run(int[][] atoms, long[] masks, int[] setIds, int from, int to, Sink sink) {
    if (dfaStateCount > maxDfaStates || transitionCount > maxTransitions) {
      boolean thrashing = misses * THRASHING_MISS_RATIO > probes;
      clearCache();
      if (thrashing) {
        stepTokensLeft = stepSpellTokens;
      }
    }
    if (stepTokensLeft > 0) {
      stepTokensLeft -= to - from;
      runStepping(atoms, masks, setIds, from, to, sink);
      return;
    }
    int state = EMPTY_STATE;
    for (int i = from; i < to; i++) {
      int setId = setIds[i];
      int target;
      int[] reports;
      if (state == EMPTY_STATE) {
        // Between matches: one array read, no hashing.
        target = fromEmpty(setId, atoms[i], masks[i]);
        reports = emptyReports[setId];
      } else {
        int t = transition(state, setId, atoms[i], masks[i]);
        target = transitionTo[t];
        reports = transitionReports[t];
      }
      state = target;
      if (reports != null) {
        for (int r = 0; r < reports.length; r += 2) {
          sink.match(reports[r], i - reports[r + 1], i);
        }
      }
    }
  }

  /**
   * The run loop without the cache, for a spell after it thrashed: the live pairs are stepped
   * token by token and their matches reported as they are found, in the same order as from the
   * cached transitions. From the empty state the cached transition by atom set still serves.
   */
  private void runStepping(int[][] atoms, long[] masks, int[] setIds, int from, int to,
      Sink sink) {
    int liveLength = 0;
    for (int i = from; i < to; i++) {
      if (liveLength == 0) {
        int setId = setIds[i];
        int[] pairs = dfaPairs[fromEmpty(setId, atoms[i], masks[i])];
        if (pairs.length > live.length) {
          live = new int[ArrayUtil.oversize(pairs.length, Integer.BYTES)];
        }
        System.arraycopy(pairs, 0, live, 0, pairs.length);
        liveLength = pairs.length;
        int[] reports = emptyReports[setId];
        if (reports != null) {
          for (int r = 0; r < reports.length; r += 2) {
            sink.match(reports[r], i - reports[r + 1], i);
          }
        }
        continue;
      }
      step(live, liveLength, atoms[i], masks[i]);
      gatherReports();
      for (int r = 0; r < reportCount; r++) {
        sink.match(reportPattern[r], i - reportAge[r], i);
      }
      if (2 * nextCount > live.length) {
        live = new int[ArrayUtil.oversize(2 * nextCount, Integer.BYTES)];
      }
      for (int k = 0; k < nextCount; k++) {
        live[2 * k] = nextStates[k];
        live[2 * k + 1] = nextAges[k];
      }
      liveLength = 2 * nextCount;
    }
  }

  /** Whether the next run steps without the cache (for tests). */
  boolean stepping() {
    return stepTokensLeft > 0;
  }

  /** The DFA state the empty state goes to under atom set {@code setId}, computed if new. */
  private int fromEmpty(int setId, int[] tokenAtoms, long mask) {
    if (setId >= emptyTarget.length) {
      growEmpty(setId);
    }
    int target = emptyTarget[setId];
    if (target == UNKNOWN) {
      step(NO_PAIRS, 0, tokenAtoms, mask);
      target = emptyTarget[setId] = intern();
      emptyReports[setId] = collectReports();
    }
    return target;
  }

  /**
   * Empties the cache: the caller does so when it reassigns atom set ids, and the matcher when
   * the cache is full.
   */
  public void clearCache() {
    probes = 0;
    misses = 0;
    dfaIndex.clear();
    Arrays.fill(dfaPairs, null);
    dfaPairs[EMPTY_STATE] = NO_PAIRS;
    dfaIndex.put(new PairsKey(NO_PAIRS), EMPTY_STATE);
    dfaStateCount = 1;
    allocateTransitions(1024);
    Arrays.fill(emptyTarget, UNKNOWN);
    Arrays.fill(emptyReports, null);
  }

  private void growEmpty(int setId) {
    int capacity = Math.max(setId + 1, emptyTarget.length * 2);
    int old = emptyTarget.length;
    emptyTarget = Arrays.copyOf(emptyTarget, capacity);
    Arrays.fill(emptyTarget, old, capacity, UNKNOWN);
    emptyReports = Arrays.copyOf(emptyReports, capacity);
  }

  /** The slot of the transition from {@code state} under the token's atom set, built if new. */
  private int transition(int state, int setId, int[] tokenAtoms, long mask) {
    probes++;
    int slotMask = transitionFrom.length - 1;
    int slot = hash(state, setId) & slotMask;
    while (true) {
      int from = transitionFrom[slot];
      if (from < 0) {
        break;
      }
      if (from == state && transitionSet[slot] == setId) {
        return slot;
      }
      slot = (slot + 1) & slotMask;
    }
    misses++;
    int[] pairs = dfaPairs[state];
    step(pairs, pairs.length, tokenAtoms, mask);
    int target = intern();
    int[] reports = collectReports();
    if ((transitionCount + 1) * 2 > transitionFrom.length) {
      growTransitions();
      return insertTransition(state, setId, target, reports);
    }
    return insertTransition(state, setId, target, reports, slot);
  }

  private static int hash(int state, int setId) {
    long h = ((long) state << 32 | setId) * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29));
  }

  private int insertTransition(int state, int setId, int target, int[] reports) {
    int slotMask = transitionFrom.length - 1;
    int slot = hash(state, setId) & slotMask;
    while (transitionFrom[slot] >= 0) {
      slot = (slot + 1) & slotMask;
    }
    return insertTransition(state, setId, target, reports, slot);
  }

  private int insertTransition(int state, int setId, int target, int[] reports, int slot) {
    transitionFrom[slot] = state;
    transitionSet[slot] = setId;
    transitionTo[slot] = target;
    transitionReports[slot] = reports;
    transitionCount++;
    return slot;
  }

  private void growTransitions() {
    int[] oldFrom = transitionFrom;
    int[] oldSet = transitionSet;
    int[] oldTo = transitionTo;
    int[][] oldReports = transitionReports;
    allocateTransitions(oldFrom.length * 2);
    for (int s = 0; s < oldFrom.length; s++) {
      if (oldFrom[s] >= 0) {
        insertTransition(oldFrom[s], oldSet[s], oldTo[s], oldReports[s]);
      }
    }
  }

  private void allocateTransitions(int capacity) {
    transitionFrom = new int[capacity];
    Arrays.fill(transitionFrom, -1);
    transitionSet = new int[capacity];
    transitionTo = new int[capacity];
    transitionReports = new int[capacity][];
    transitionCount = 0;
  }


  // ---------------------------------------------------------------------------------------------
  // One NFA step, computed on a cache miss

  /**
   * Steps the live states {@code pairs} (its first {@code pairsLength} ints) by one token into the scratch arrays: every state's
   * successors under the token's atoms and under the wildcard, then the root's successors with
   * age 0, in that order; a state entered twice keeps its smaller age (the later start).
   */
  private void step(int[] pairs, int pairsLength, int[] tokenAtoms, long tokenMask) {
    if (++generation == Integer.MAX_VALUE) {
      Arrays.fill(stateStamp, 0);
      Arrays.fill(patternStamp, 0);
      generation = 1;
    }
    nextCount = 0;
    for (int p = 0; p < pairsLength; p += 2) {
      int state = pairs[p];
      int age = pairs[p + 1] + 1;
      if ((automaton.atomMask(state) & tokenMask) != 0) {
        // Both in ascending atom order: successors are entered in the token's atom order.
        int e = automaton.edgeFrom(state);
        int edgesEnd = automaton.edgeFrom(state + 1);
        int a = 0;
        while (e < edgesEnd && a < tokenAtoms.length) {
          int edgeAtom = automaton.edgeAtom(e);
          int tokenAtom = tokenAtoms[a];
          if (edgeAtom == tokenAtom) {
            enter(automaton.edgeTarget(e), age);
            e++;
            a++;
          } else if (edgeAtom < tokenAtom) {
            e++;
          } else {
            a++;
          }
        }
      }
      int wildcard = automaton.wildcardNext(state);
      if (wildcard >= 0) {
        enter(wildcard, age);
      }
    }
    for (int atom : tokenAtoms) {
      int child = automaton.rootNext(atom);
      if (child >= 0) {
        enter(child, 0);
      }
    }
  }

  private void enter(int state, int age) {
    if (stateStamp[state] == generation) {
      int slot = stateSlot[state];
      if (nextAges[slot] > age) {
        nextAges[slot] = age;
      }
      return;
    }
    if (nextCount == nextStates.length) {
      nextStates = ArrayUtil.grow(nextStates);
      nextAges = ArrayUtil.grow(nextAges, nextStates.length);
    }
    stateStamp[state] = generation;
    stateSlot[state] = nextCount;
    nextStates[nextCount] = state;
    nextAges[nextCount] = age;
    nextCount++;
  }

  /** The DFA state of the scratch step's live states, added if new. */
  private int intern() {
    int[] pairs = new int[nextCount * 2];
    for (int k = 0; k < nextCount; k++) {
      pairs[2 * k] = nextStates[k];
      pairs[2 * k + 1] = nextAges[k];
    }
    PairsKey key = new PairsKey(pairs);
    Integer known = dfaIndex.get(key);
    if (known != null) {
      return known;
    }
    if (dfaStateCount == dfaPairs.length) {
      dfaPairs = Arrays.copyOf(dfaPairs, dfaStateCount * 2);
    }
    dfaPairs[dfaStateCount] = pairs;
    dfaIndex.put(key, dfaStateCount);
    return dfaStateCount++;
  }

  /**
   * The matches of the scratch step as (pattern, age) pairs, or null: per pattern the smallest
   * age (the latest start), in the order the accepting states were entered.
   */
  private int[] collectReports() {
    gatherReports();
    if (reportCount == 0) {
      return null;
    }
    int[] reports = new int[reportCount * 2];
    for (int r = 0; r < reportCount; r++) {
      reports[2 * r] = reportPattern[r];
      reports[2 * r + 1] = reportAge[r];
    }
    return reports;
  }

  /** The matches of the scratch step, into reportPattern and reportAge (see collectReports). */
  private void gatherReports() {
    reportCount = 0;
    for (int k = 0; k < nextCount; k++) {
      int[] patterns = automaton.accepts(nextStates[k]);
      if (patterns == null) {
        continue;
      }
      int age = nextAges[k];
      for (int p : patterns) {
        if (patternStamp[p] == generation) {
          int slot = patternSlot[p];
          if (reportAge[slot] > age) {
            reportAge[slot] = age;
          }
        } else {
          if (reportCount == reportPattern.length) {
            reportPattern = ArrayUtil.grow(reportPattern);
            reportAge = ArrayUtil.grow(reportAge, reportPattern.length);
          }
          patternStamp[p] = generation;
          patternSlot[p] = reportCount;
          reportPattern[reportCount] = p;
          reportAge[reportCount] = age;
          reportCount++;
        }
      }
    }
  }

  /** A DFA state's pairs as a map key. */
  private record PairsKey(int[] pairs) {
    @Override
    public boolean equals(Object o) {
      return o instanceof PairsKey other && Arrays.equals(pairs, other.pairs);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(pairs);
    }

    @Override
    public String toString() {
      return Arrays.toString(pairs);
    }
  }
}
