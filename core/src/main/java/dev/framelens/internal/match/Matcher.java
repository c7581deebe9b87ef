package dev.framelens.internal.match;

import org.apache.lucene.util.ArrayUtil;

/**
 * Runs a {@link PatternAutomaton} over token sequences. One instance per thread: it owns the
 * live-state arrays and reuses them, so matching allocates nothing once warmed up.
 */
public final class Matcher {
  /** Receives matches: for each pattern and end token, the latest start. */
  public interface Sink {
    void match(int patternId, int startToken, int endToken);
  }

  private final PatternAutomaton automaton;
  private int[] liveStates = new int[16];
  private int[] liveStarts = new int[16];
  private int liveCount;
  private int[] nextStates = new int[16];
  private int[] nextStarts = new int[16];
  private int nextCount;
  private final int[] stateStamp;
  private final int[] stateSlot;
  private final int[] patternStamp;
  private final int[] patternSlot;
  private int[] reportPattern = new int[8];
  private int[] reportStart = new int[8];
  private int reportCount;
  /** The accepting states entered for the current token, so that reporting visits only them. */
  private int[] accepting = new int[16];
  private int acceptingCount;
  private int generation;

  public Matcher(PatternAutomaton automaton) {
    this.automaton = automaton;
    this.stateStamp = new int[automaton.stateCount()];
    this.stateSlot = new int[automaton.stateCount()];
    this.patternStamp = new int[automaton.patternCount()];
    this.patternSlot = new int[automaton.patternCount()];
  }

  /**
   * Finds every match within tokens {@code from .. to-1}, where {@code atoms[i]} lists the
   * atoms token {@code i} satisfies (without {@link PatternAutomaton#ANY}, which every token
   * does), and {@code masks[i]} is {@link PatternAutomaton#maskOf} of them, which the engine
   * caches per distinct term. Matches are reported in order of their end token, with absolute
   * token indices.
   */
  public void run(int[][] atoms, long[] masks, int from, int to, Sink sink) {
    liveCount = 0;
    for (int i = from; i < to; i++) {
      long tokenMask = masks[i];
      if (liveCount == 0 && tokenMask == 0) {
        continue; // nothing in progress and nothing to start: a fifth of news tokens
      }
      nextGeneration();
      nextCount = 0;
      acceptingCount = 0;
      int[] tokenAtoms = atoms[i];
      for (int t = 0; t < liveCount; t++) {
        advance(liveStates[t], liveStarts[t], tokenAtoms, tokenMask);
      }
      for (int atom : tokenAtoms) {
        int child = automaton.rootNext(atom);
        if (child >= 0) {
          enter(child, i);
        }
      }
      report(i, sink);
      int[] swapStates = liveStates;
      liveStates = nextStates;
      nextStates = swapStates;
      int[] swapStarts = liveStarts;
      liveStarts = nextStarts;
      nextStarts = swapStarts;
      liveCount = nextCount;
    }
  }

  private void advance(int state, int start, int[] tokenAtoms, long tokenMask) {
    if ((automaton.atomMask(state) & tokenMask) != 0) {
      for (int atom : tokenAtoms) {
        int child = automaton.next(state, atom);
        if (child >= 0) {
          enter(child, start);
        }
      }
    }
    int wildcard = automaton.wildcardNext(state);
    if (wildcard >= 0) {
      enter(wildcard, start);
    }
  }

  private void enter(int state, int start) {
    if (stateStamp[state] == generation) {
      int slot = stateSlot[state];
      if (nextStarts[slot] < start) {
        nextStarts[slot] = start;
      }
      return;
    }
    if (nextCount == nextStates.length) {
      nextStates = ArrayUtil.grow(nextStates);
      nextStarts = ArrayUtil.grow(nextStarts, nextStates.length);
      liveStates = ArrayUtil.grow(liveStates, nextStates.length);
      liveStarts = ArrayUtil.grow(liveStarts, nextStates.length);
    }
    stateStamp[state] = generation;
    stateSlot[state] = nextCount;
    nextStates[nextCount] = state;
    nextStarts[nextCount] = start;
    nextCount++;
    if (automaton.accepts(state) != null) {
      if (acceptingCount == accepting.length) {
        accepting = ArrayUtil.grow(accepting);
      }
      accepting[acceptingCount++] = state;
    }
  }

  private void report(int end, Sink sink) {
    reportCount = 0;
    for (int a = 0; a < acceptingCount; a++) {
      int state = accepting[a];
      int[] patterns = automaton.accepts(state);
      int start = nextStarts[stateSlot[state]];
      for (int p : patterns) {
        if (patternStamp[p] == generation) {
          int slot = patternSlot[p];
          if (reportStart[slot] < start) {
            reportStart[slot] = start;
          }
        } else {
          if (reportCount == reportPattern.length) {
            reportPattern = ArrayUtil.grow(reportPattern);
            reportStart = ArrayUtil.grow(reportStart, reportPattern.length);
          }
          patternStamp[p] = generation;
          patternSlot[p] = reportCount;
          reportPattern[reportCount] = p;
          reportStart[reportCount] = start;
          reportCount++;
        }
      }
    }
    for (int r = 0; r < reportCount; r++) {
      sink.match(reportPattern[r], reportStart[r], end);
    }
  }

  private void nextGeneration() {
    if (++generation == Integer.MAX_VALUE) {
      java.util.Arrays.fill(stateStamp, 0);
      java.util.Arrays.fill(patternStamp, 0);
      generation = 1;
    }
  }
}
