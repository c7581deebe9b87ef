package dev.framelens.internal.text;

import org.apache.lucene.util.ArrayUtil;

/**
 * The tokens of one sentence as parallel arrays, reused from sentence to sentence so that
 * tokenizing and matching allocate nothing per token. Number phrases are merged into single
 * tokens by {@link NumberParser}, which fills the number columns.
 */
public final class TokenBuffer implements TokenSink {
  /** Set on a token that stands for a whole number phrase. */
  public static final int NUMBER = 4;
  /** Set on a {@link #NUMBER} token for a vague quantity ("hundreds", "tens of thousands"). */
  public static final int VAGUE = 8;
  /**
   * Set when the term has at most 16 chars, all Latin-1: its {@link #key1} and {@link #key2}
   * are then the term itself, and comparing them compares the terms.
   */
  public static final int EXACT_KEY = 16;
  /**
   * Set when clause punctuation stands between the token and the one before it (see {@link
   * #breaksClause}): the tokenizer notes it as it passes the chars, so that clause boundaries
   * need no second look at them.
   */
  public static final int CLAUSE_BREAK_BEFORE = 32;
  /**
   * Set on a {@link #NUMBER} token that measures something other than people: a duration, a
   * share, a distance, a sum ("12 days", "40 percent", "$50 million"). It reads no casualty
   * figure.
   */
  public static final int MEASURE = 64;

  /** ASCII punctuation that ends a clause. */
  private static final boolean[] CLAUSE_PUNCTUATION = new boolean[128];

  static {
    for (char c : ",;:()[]".toCharArray()) {
      CLAUSE_PUNCTUATION[c] = true;
    }
  }

  /**
   * Whether {@code chars[k]}, in the gap {@code [gapFrom, gapTo)} between two words, ends a
   * clause: a comma, semicolon, colon, bracket or dash, or a hyphen with spaces around it.
   */
  public static boolean breaksClause(char[] chars, int k, int gapFrom, int gapTo) {
    char c = chars[k];
    if (c >= 128) {
      return c == '\u2013' || c == '\u2014';
    }
    if (CLAUSE_PUNCTUATION[c]) {
      return true;
    }
    return c == '-' && k > gapFrom && k + 1 < gapTo && Character.isWhitespace(chars[k - 1])
        && Character.isWhitespace(chars[k + 1]);
  }

  public int size;
  public int[] start = new int[64];
  public int[] end = new int[64];
  public int[] flags = new int[64];
  public int[] termOffset = new int[64];
  public int[] termLength = new int[64];
  public char[] pool = new char[512];
  private int poolSize;
  /**
   * The low bytes of the term's first 8 chars, packed (char k in bits 8k..8k+7): with {@link
   * #key2} the key of the engine's term cache, computed while the term is written.
   */
  public long[] key1 = new long[64];
  /** The low bytes of the term's chars 8 to 15, packed as in {@link #key1}. */
  public long[] key2 = new long[64];
  /** For a {@link #NUMBER} token (undefined for others): low bound, or -1. */
  public long[] low = new long[64];
  /** For a {@link #NUMBER} token: best value, or -1 for a range or a vague quantity. */
  public long[] best = new long[64];
  /** For a {@link #NUMBER} token: high bound, or -1. */
  public long[] high = new long[64];

  /** Empties the buffer for the next sentence. */
  public void clear() {
    size = 0;
    poolSize = 0;
  }

  @Override
  public void token(char[] term, int length, int tokenStart, int tokenEnd, int tokenFlags) {
    add(term, 0, length, tokenStart, tokenEnd, tokenFlags);
  }

  /**
   * Appends a token whose term is {@code term[offset, offset + length)}. When that is the
   * pool's free space itself, where {@link #reserve} let the tokenizer write it, nothing is
   * copied.
   */
  void add(char[] term, int offset, int length, int tokenStart, int tokenEnd, int tokenFlags) {
    if (term != pool || offset != poolSize) {
      reserve(length);
      System.arraycopy(term, offset, pool, poolSize, length);
    }
    boolean exact = length <= 16;
    for (int k = 0; k < length && exact; k++) {
      exact = pool[poolSize + k] < 256;
    }
    addWritten(length, tokenStart, tokenEnd, exact ? tokenFlags | EXACT_KEY : tokenFlags,
        packKey(pool, poolSize, length, 0), packKey(pool, poolSize, length, 8));
  }

  /**
   * The low bytes of chars {@code from .. from+7} of the term {@code chars[offset, offset +
   * length)}, packed as {@link #key1} says (0 for chars past the end).
   */
  static long packKey(char[] chars, int offset, int length, int from) {
    long key = 0;
    for (int k = from; k < length && k < from + 8; k++) {
      key |= (long) (chars[offset + k] & 0xFF) << ((k - from) << 3);
    }
    return key;
  }

  /**
   * Appends a token whose term the caller wrote at {@link #poolSize()} (after {@link
   * #reserve}), with its keys packed as {@link #key1} says and {@link #EXACT_KEY} in the flags
   * when it applies.
   */
  void addWritten(int length, int tokenStart, int tokenEnd, int tokenFlags, long firstKey,
      long secondKey) {
    if (size == start.length) {
      int capacity = ArrayUtil.oversize(size + 1, Integer.BYTES);
      start = ArrayUtil.growExact(start, capacity);
      end = ArrayUtil.growExact(end, capacity);
      flags = ArrayUtil.growExact(flags, capacity);
      termOffset = ArrayUtil.growExact(termOffset, capacity);
      termLength = ArrayUtil.growExact(termLength, capacity);
      key1 = ArrayUtil.growExact(key1, capacity);
      key2 = ArrayUtil.growExact(key2, capacity);
      low = ArrayUtil.growExact(low, capacity);
      best = ArrayUtil.growExact(best, capacity);
      high = ArrayUtil.growExact(high, capacity);
    }
    start[size] = tokenStart;
    end[size] = tokenEnd;
    flags[size] = tokenFlags;
    termOffset[size] = poolSize;
    termLength[size] = length;
    key1[size] = firstKey;
    key2[size] = secondKey;
    // low, best and high are left as they are: only NumberParser's NUMBER tokens have them.
    poolSize += length;
    size++;
  }

  /**
   * Makes room for {@code length} more chars in the pool and returns it: the caller may write a
   * term at {@link #poolSize()} and then {@link #add} it from there.
   */
  char[] reserve(int length) {
    if (poolSize + length > pool.length) {
      pool = ArrayUtil.grow(pool, poolSize + length);
    }
    return pool;
  }

  /** The number of pool chars in use: where the next term goes. */
  int poolSize() {
    return poolSize;
  }

  /** Drops the tokens after the first {@code keepSize}, whose terms end at {@code keepPool}. */
  void truncate(int keepSize, int keepPool) {
    size = keepSize;
    poolSize = keepPool;
  }

  /** Whether token {@code i} exists and its term is {@code word}. */
  public boolean is(int i, String word) {
    if (i < 0 || i >= size || termLength[i] != word.length()) {
      return false;
    }
    int off = termOffset[i];
    for (int k = 0; k < word.length(); k++) {
      if (pool[off + k] != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Token {@code i}'s term, allocated: for messages and tests, not for the hot path. */
  public String term(int i) {
    return new String(pool, termOffset[i], termLength[i]);
  }

  /** Copies token {@code from} over token {@code to} (to &lt;= from), for in-place merging. */
  void move(int from, int to) {
    if (from == to) {
      return;
    }
    start[to] = start[from];
    end[to] = end[from];
    flags[to] = flags[from];
    termOffset[to] = termOffset[from];
    termLength[to] = termLength[from];
    key1[to] = key1[from];
    key2[to] = key2[from];
    low[to] = low[from];
    best[to] = best[from];
    high[to] = high[from];
  }
}
