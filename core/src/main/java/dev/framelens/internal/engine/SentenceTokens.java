package dev.framelens.internal.engine;

import dev.framelens.internal.match.PatternAutomaton;
import dev.framelens.internal.text.TokenBuffer;
import org.apache.lucene.util.ArrayUtil;

/**
 * The tokens of the sentence being analysed: what the tokenize stage hands to every later one.
 *
 * <h2>Design notes</h2>
 *
 * <p><b>What it holds.</b> The token buffer (normalised terms, char offsets, flags, number
 * values), and per token the atoms it satisfies, their mask and the id of the atom set (see
 * {@link TermAtoms}), in parallel arrays indexed by token; and the document's chars, which a few
 * questions about the text between two tokens read.
 *
 * <p><b>Owner.</b> {@link Workspace#tokenize} writes it once per sentence; the match, context,
 * figure and attribution stages only read it. The arrays are reused from sentence to sentence
 * and grow to the longest sentence seen, so a stage reads them through this object (or binds
 * them at the start of a window), never keeps them.
 *
 * <p><b>Cost.</b> Every question here is a few array reads: {@link #satisfies} tests a 64-bit
 * mask before it reads the token's atom list, which rules out most atoms at once.
 */
final class SentenceTokens {
  final TokenBuffer buffer = new TokenBuffer();
  /** Per token, the atoms it satisfies (sorted; shared arrays, never modified). */
  int[][] atoms = new int[64][];
  /** Per token, the mask of its atoms (see {@link PatternAutomaton#maskOf}). */
  long[] masks = new long[64];
  /** Per token, the id of its atom set (see {@link TermAtoms#setId}). */
  int[] setIds = new int[64];
  /** The chars of the current document (see {@link Workspace#load}). */
  char[] chars;

  /** Makes room for {@code n} tokens; the contents are rewritten by the caller. */
  void ensureCapacity(int n) {
    if (atoms.length < n) {
      int capacity = ArrayUtil.oversize(n, Integer.BYTES);
      atoms = new int[capacity][];
      masks = new long[capacity];
      setIds = new int[capacity];
    }
  }

  /** Whether token {@code k} satisfies {@code atom} (every token satisfies {@code ANY}). */
  boolean satisfies(int k, int atom) {
    if (atom == PatternAutomaton.ANY) {
      return true;
    }
    if ((masks[k] & (1L << (atom & 63))) == 0) {
      return false; // the mask rules out most atoms without reading the token's list
    }
    for (int a : atoms[k]) {
      if (a == atom) {
        return true;
      }
    }
    return false;
  }

  /** Whether token {@code k}'s term is {@code word} (false outside the sentence). */
  boolean is(int k, String word) {
    return buffer.is(k, word);
  }

  /** Whether token {@code k} is a NUMBER phrase. */
  boolean isNumber(int k) {
    return (buffer.flags[k] & TokenBuffer.NUMBER) != 0;
  }

  /** Whether token {@code k} is a NUMBER that measures something other than people. */
  boolean isMeasure(int k) {
    return (buffer.flags[k] & TokenBuffer.MEASURE) != 0;
  }

  /** Whether only whitespace and at least one comma stand between tokens {@code k-1} and k. */
  boolean commaOnlyBefore(int k) {
    boolean comma = false;
    for (int c = buffer.end[k - 1]; c < buffer.start[k]; c++) {
      char ch = chars[c];
      if (ch == ',') {
        comma = true;
      } else if (!Character.isWhitespace(ch)) {
        return false;
      }
    }
    return comma;
  }

  /**
   * Whether token {@code k} is a verb of being or having that may follow a subject ("were",
   * "has"): a closed class of English, not vocabulary.
   */
  boolean isAuxiliary(int k) {
    return is(k, "were") || is(k, "was") || is(k, "are") || is(k, "is") || is(k, "have")
        || is(k, "has") || is(k, "had");
  }
}
