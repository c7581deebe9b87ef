package dev.framelens.internal.engine;

import dev.framelens.internal.lexicon.CompiledLexicon.PatternInfo;
import dev.framelens.internal.lexicon.Syntax;
import dev.framelens.internal.match.Matcher;
import dev.framelens.internal.match.PatternAutomaton;
import java.util.Arrays;
import org.apache.lucene.util.ArrayUtil;

/**
 * The pattern matches of one window of tokens: what the match stage hands to context
 * resolution, casualty figures and attribution.
 *
 * <h2>Design notes</h2>
 *
 * <p><b>What it holds.</b> Per match, in the order the {@link Matcher} reports them (by end
 * token): its pattern, first and last token, whether it was dropped, and for a rule match the
 * expanded sequence it matched (its path, which tells the words the rule asked for from those a
 * gap absorbed). And per pattern kind, the indices of the window's matches of that kind, so
 * that each stage walks only the kinds it serves.
 *
 * <p><b>Owner.</b> The match stage fills it ({@link #match}); context resolution may narrow a
 * qualifier's start, set paths and drop matches; the figure stage may drop a figure rule's
 * match before overlaps are resolved. Nothing else writes it. {@link #clear} starts a window
 * and costs the number of kinds, not of matches.
 *
 * <p><b>Cost.</b> One append per match; the arrays grow to the largest window seen.
 */
final class WindowMatches implements Matcher.Sink {
  private static final int KINDS = Syntax.PatternKind.values().length;
  private static final int RULE = Syntax.PatternKind.RULE.ordinal();

  /** Per pattern id, its kind's ordinal, and whether it is a rule, attribution or subset. */
  private final int[] patternKind;
  private final boolean[] startsContext;

  int[] pattern = new int[32];
  int[] start = new int[32];
  int[] end = new int[32];
  boolean[] dropped = new boolean[32];
  /** For a rule match: the expanded sequence it matched, or null when none fits. */
  int[][] path = new int[32][];
  int count;
  /** The window's matches of each kind (by ordinal), in match order. */
  final int[][] byKind = new int[KINDS][16];
  final int[] byKindCount = new int[KINDS];
  /** How many matches are of a rule, attribution or subset: those context resolution serves. */
  int contextMatches;

  WindowMatches(PatternInfo[] patterns) {
    this.patternKind = new int[patterns.length];
    this.startsContext = new boolean[patterns.length];
    for (int p = 0; p < patterns.length; p++) {
      Syntax.PatternKind kind = patterns[p].kind;
      patternKind[p] = kind.ordinal();
      startsContext[p] = kind == Syntax.PatternKind.RULE
          || kind == Syntax.PatternKind.ATTRIBUTION || kind == Syntax.PatternKind.SUBSET;
    }
  }

  /** Starts a window. */
  void clear() {
    count = 0;
    contextMatches = 0;
    Arrays.fill(byKindCount, 0);
  }

  @Override
  public void match(int patternId, int startToken, int endToken) {
    if (count == pattern.length) {
      int capacity = ArrayUtil.oversize(count + 1, Integer.BYTES);
      pattern = ArrayUtil.growExact(pattern, capacity);
      start = ArrayUtil.growExact(start, capacity);
      end = ArrayUtil.growExact(end, capacity);
      dropped = Arrays.copyOf(dropped, capacity);
      path = Arrays.copyOf(path, capacity);
    }
    if (startsContext[patternId]) {
      contextMatches++;
    }
    int kind = patternKind[patternId];
    if (byKindCount[kind] == byKind[kind].length) {
      byKind[kind] = ArrayUtil.grow(byKind[kind]);
    }
    byKind[kind][byKindCount[kind]++] = count;
    pattern[count] = patternId;
    start[count] = startToken;
    end[count] = endToken;
    dropped[count] = false;
    count++;
  }

  /** The indices of the window's matches of {@code kind} are the first {@link #count(int)}. */
  int[] of(Syntax.PatternKind kind) {
    return byKind[kind.ordinal()];
  }

  int count(Syntax.PatternKind kind) {
    return byKindCount[kind.ordinal()];
  }

  /** The window's rule matches (see {@link #of}). */
  int[] rules() {
    return byKind[RULE];
  }

  int ruleCount() {
    return byKindCount[RULE];
  }

  /**
   * The number token a rule match's casualty figure reads: the first NUMBER its path asked
   * for, or -1.
   */
  static int figureNumber(int ms, int[] path) {
    for (int k = 0; k < path.length; k++) {
      if (path[k] == PatternAutomaton.NUMBER) {
        return ms + k;
      }
    }
    return -1;
  }
}
