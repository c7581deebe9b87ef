package dev.framelens.internal.text;

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
  }

  /** The innermost quotation containing {@code [start, end)}, or -1. */
  public int quoteContaining(int start, int end) {
    int lo = 0;
    int hi = quoteCount - 1;
    int last = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (quoteStart[mid] <= start) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    // Quotations only overlap by nesting, at most a single quote inside a double one, so the
    // container is among the last few that start before the span.
    for (int q = last; q >= 0 && q >= last - 2; q--) {
      if (start < quoteEnd[q] && end <= quoteEnd[q]) {
        return q;
      }
    }
    return -1;
  }
}
