package dev.framelens.internal.engine;

import java.util.Arrays;
import org.apache.lucene.util.ArrayUtil;

/**
 * Per token of the window, what context resolution found about its place in the sentence:
 * what the figure and attribution stages read after it.
 *
 * <h2>Design notes</h2>
 *
 * <p><b>What it holds.</b> The clause id (a new clause after punctuation, at a boundary word, at
 * a real quotation's edge), the part id (a new part at a boundary word only), the innermost
 * quotation holding the token (-1 for none), whether a boundary word starts at the token, and
 * the qualifier match ("at least", "an estimated") that ends right before the token, or -1.
 *
 * <p><b>Owner.</b> {@link ContextResolution} writes it, window by window; the other stages only
 * read it. {@code boundaryAt} and {@code qualifierAt} are clear between windows: the window
 * that marked them clears what it marked, not every token.
 */
final class ContextMarks {
  int[] clause = new int[64];
  int[] part = new int[64];
  int[] quote = new int[64];
  boolean[] boundaryAt = new boolean[64];
  int[] qualifierAt = filled(64);

  /** A new array of {@code capacity} ints, all -1 (no mark). */
  static int[] filled(int capacity) {
    int[] array = new int[capacity];
    Arrays.fill(array, -1);
    return array;
  }

  /** Makes room for {@code n} tokens, all clear. */
  void ensureCapacity(int n) {
    if (clause.length < n) {
      int capacity = ArrayUtil.oversize(n, Integer.BYTES);
      clause = new int[capacity];
      part = new int[capacity];
      quote = new int[capacity];
      boundaryAt = new boolean[capacity];
      qualifierAt = filled(capacity);
    }
  }
}
