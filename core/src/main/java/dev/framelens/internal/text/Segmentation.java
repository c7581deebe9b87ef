package dev.framelens.internal.text;

import java.util.Arrays;

/**
 * The sentences and quotation spans of a text, as parallel arrays of char offsets. Sentences are
 * in text order and do not overlap; quotations are sorted by start and may nest (a single quote
 * inside a double one). Quotation spans include their quote marks.
 */
public final class Segmentation {
  public final int sentenceCount;
  public final int[] sentenceStart;
  public final int[] sentenceEnd;
  public final int[] sentenceParagraph;
  public final boolean[] sentenceIsQuestion;
  public final int quoteCount;
  public final int[] quoteStart;
  public final int[] quoteEnd;
  /** The quotation holds at most three words: a scare quote ("a 'victory' tour"). */
  public final boolean[] quoteIsShort;
  /** The quotation each one is nested in, or -1, for {@link #quoteContaining}. */
  private final int[] quoteParent;

  Segmentation(int sentenceCount, int[] sentenceStart, int[] sentenceEnd,
      int[] sentenceParagraph, boolean[] sentenceIsQuestion, int quoteCount, int[] quoteStart,
      int[] quoteEnd, boolean[] quoteIsShort) {
    this.sentenceCount = sentenceCount;
    this.sentenceStart = sentenceStart;
    this.sentenceEnd = sentenceEnd;
    this.sentenceParagraph = sentenceParagraph;
    this.sentenceIsQuestion = sentenceIsQuestion;
    this.quoteCount = quoteCount;
    this.quoteStart = quoteStart;
    this.quoteEnd = quoteEnd;
    this.quoteIsShort = quoteIsShort;
    this.quoteParent = new int[quoteCount];
    int[] open = new int[quoteCount];
    int depth = 0;
    for (int q = 0; q < quoteCount; q++) {
      // The parent must contain the quotation, not just overlap it: single and double quotes
      // can cross ('a "b c' d e"), and parents taken from quotations that merely overlapped
      // made a chain as long as the text, walked for every window after it.
      while (depth > 0 && quoteEnd[open[depth - 1]] < quoteEnd[q]) {
        depth--;
      }
      quoteParent[q] = depth > 0 ? open[depth - 1] : -1;
      open[depth++] = q;
    }
  }

  /** The innermost quotation containing {@code [start, end)}, or -1. */
  public int quoteContaining(int start, int end) {
    int last = lastStartingAtOrBefore(start);
    // Quotations of one kind never overlap, so at most two cover a char; a quotation that
    // contains the span and is not the last one to start before it covers that one's start and
    // outlasts it, so it encloses it: walk up from it. (Looking only at the last few to start
    // missed a long quotation holding several scare quotes before the span.)
    for (int q = last; q >= 0; q = quoteParent[q]) {
      if (start < quoteEnd[q] && end <= quoteEnd[q]) {
        return q;
      }
    }
    return -1;
  }

  /** Whether quotation {@code q} or one it is nested in ends after {@code offset}. */
  private boolean reaches(int q, int offset) {
    for (; q >= 0; q = quoteParent[q]) {
      if (quoteEnd[q] > offset) {
        return true;
      }
    }
    return false;
  }

  /** The last quotation that starts at or before {@code offset}, or -1. */
  private int lastStartingAtOrBefore(int offset) {
    int lo = 0;
    int hi = quoteCount - 1;
    int last = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (quoteStart[mid] <= offset) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return last;
  }

  /**
   * For each span {@code [starts[i], ends[i])} with {@code from <= i < to}, in text order,
   * {@link #quoteContaining} of it into {@code out[i]}: in one sweep, since the last quotation to
   * start before a span only moves forward.
   */
  public void quotesContaining(int[] starts, int[] ends, int from, int to, int[] out) {
    if (from >= to) {
      return;
    }
    int last = lastStartingAtOrBefore(starts[from]);
    int next = last + 1;
    if ((next >= quoteCount || quoteStart[next] >= ends[to - 1]) && !reaches(last, starts[from])) {
      Arrays.fill(out, from, to, -1); // no quotation touches the spans: most sentences
      return;
    }
    for (int i = from; i < to; i++) {
      int start = starts[i];
      int end = ends[i];
      while (next < quoteCount && quoteStart[next] <= start) {
        last = next++;
      }
      int q = last;
      while (q >= 0 && !(start < quoteEnd[q] && end <= quoteEnd[q])) {
        q = quoteParent[q];
      }
      out[i] = q;
    }
  }
}
