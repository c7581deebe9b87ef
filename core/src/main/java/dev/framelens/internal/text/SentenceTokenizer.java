package dev.framelens.internal.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Lucene's {@link StandardTokenizer} (UAX#29 word breaks) plus the normalisation that both the
 * text and the lexicon's literals go through, so that a pattern word and a text word meet in the
 * same form: lowercase; typographic apostrophes made straight; accents folded to ASCII
 * ("Menéndez" is "menendez"); a possessive {@code 's} or trailing {@code '} dropped ("Israel's"
 * is "israel", "Hamas'" is "hamas"); a negative contraction split into its verb and "not"
 * ("hasn't" is "has" "not", "can't" and "cannot" are "can" "not", "won't" is "will" "not").
 *
 * <p>Word breaks are StandardTokenizer's exactly. Most news text is Latin-1 plus a few
 * typographic quotes and dashes, and for such a range {@link PlainWordBreaker} finds the same
 * words several times faster; anything else goes to StandardTokenizer itself.
 *
 * <p>One instance per thread: it reuses its tokenizer, reader and buffers, so tokenizing
 * allocates nothing per token.
 */
public final class SentenceTokenizer {
  private static final String NUM_TYPE =
      StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];
  // The buffer copies the chars it keeps, so these shared arrays are never written.
  private static final char[] NOT = {'n', 'o', 't'};
  private static final char[] WILL = {'w', 'i', 'l', 'l'};
  private static final char[] CAN = {'c', 'a', 'n'};
  private static final char[] SHALL = {'s', 'h', 'a', 'l', 'l'};
  /** "cannot" packed as a term key. */
  private static final long CANNOT = 'c' | 'a' << 8 | (long) 'n' << 16 | (long) 'n' << 24
      | (long) 'o' << 32 | (long) 't' << 40;

  private final StandardTokenizer tokenizer = new StandardTokenizer();
  private final CharTermAttribute termAttribute = tokenizer.addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAttribute = tokenizer.addAttribute(OffsetAttribute.class);
  private final TypeAttribute typeAttribute = tokenizer.addAttribute(TypeAttribute.class);
  private final StringRangeReader reader = new StringRangeReader();
  /** For {@link #tokenize(String, int, int, TokenSink)}: the tokens, then each term. */
  private final TokenBuffer scratch = new TokenBuffer();
  private char[] replay = new char[64];
  private char[] lower = new char[64];
  private char[] folded = new char[256];

  /**
   * Tokenizes {@code text[from, to)}, passing each normalised token to {@code sink}: for the
   * lexicon compiler and for tests; the engine fills a {@link TokenBuffer} directly.
   */
  public void tokenize(String text, int from, int to, TokenSink sink) {
    scratch.clear();
    tokenize(text, text.toCharArray(), from, to, scratch);
    for (int i = 0; i < scratch.size; i++) {
      int length = scratch.termLength[i];
      if (replay.length < length) {
        replay = new char[length];
      }
      System.arraycopy(scratch.pool, scratch.termOffset[i], replay, 0, length);
      sink.token(replay, length, scratch.start[i], scratch.end[i], scratch.flags[i]);
    }
  }

  /**
   * Appends the tokens of {@code text[from, to)} to {@code out}; {@code chars} holds the text's
   * chars at the same indices (the engine copies each document into an array it reuses, which
   * is faster to scan than the string).
   */
  public void tokenize(String text, char[] chars, int from, int to, TokenBuffer out) {
    int size = out.size;
    int poolSize = out.poolSize();
    if (!PlainWordBreaker.breakWords(chars, from, to, this, out)) {
      out.truncate(size, poolSize);
      tokenizeWithLucene(text, chars, from, to, out);
    }
  }

  /**
   * Appends word {@code text[start, end)} found by {@link PlainWordBreaker}, which wrote it
   * lowercased at the pool's free space and packed its keys. An ASCII word (nearly every word
   * of news text) that needs no further normalisation is taken from there as it is; any other
   * goes through the full normalisation.
   */
  void plainWord(char[] text, int start, int end, boolean numericType, boolean ascii,
      long key1, long key2, TokenBuffer out) {
    int length = end - start;
    if (!ascii) {
      emit(text, start, length, start, end, numericType, out);
      return;
    }
    char first = text[start];
    int flags = first >= 'A' && first <= 'Z' ? TokenSink.CAPITALIZED : 0;
    if (numericType || (first >= '0' && first <= '9')) {
      flags |= TokenSink.NUMERIC;
    }
    char[] pool = out.pool;
    int at = out.poolSize();
    char last = pool[at + length - 1];
    if (last == '\'' || ((last == 's' || last == 't') && length > 2
        && pool[at + length - 2] == '\'') || (length == 6 && last == 't' && key1 == CANNOT)) {
      finish(pool, at, length, start, end, flags, out); // possessive, contraction, "cannot"
      return;
    }
    out.addWritten(length, start, end, length <= 16 ? flags | TokenBuffer.EXACT_KEY : flags,
        key1, key2);
  }

  // Package-private for the differential test against PlainWordBreaker.
  void tokenizeWithLucene(String text, char[] chars, int from, int to, TokenBuffer out) {
    int size = out.size;
    try {
      tokenizer.setReader(reader.reset(text, from, to));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        emit(termAttribute.buffer(), 0, termAttribute.length(),
            from + offsetAttribute.startOffset(), from + offsetAttribute.endOffset(),
            typeAttribute.type() == NUM_TYPE, out);
      }
      tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a string cannot fail", e);
    } finally {
      try {
        tokenizer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (int t = size; t < out.size; t++) {
      int gapFrom = t == size ? from : out.end[t - 1];
      for (int k = gapFrom; k < out.start[t]; k++) {
        if (TokenBuffer.breaksClause(chars, k, gapFrom, out.start[t])) {
          out.flags[t] |= TokenBuffer.CLAUSE_BREAK_BEFORE;
          break;
        }
      }
    }
  }

  /** The normalised terms of a literal, as the lexicon compiler needs them. */
  public List<String> terms(String literal) {
    List<String> out = new ArrayList<>();
    tokenize(literal, 0, literal.length(), (term, length, start, end, flags) ->
        out.add(new String(term, 0, length)));
    return out;
  }

  /** Normalises the raw term {@code raw[offset, offset + length)} and appends it to out. */
  private void emit(char[] raw, int offset, int length, int start, int end, boolean numericType,
      TokenBuffer out) {
    int flags = 0;
    if (length > 0 && Character.isUpperCase(raw[offset])) {
      flags |= TokenSink.CAPITALIZED;
    }
    if (numericType || (length > 0 && raw[offset] >= '0' && raw[offset] <= '9')) {
      flags |= TokenSink.NUMERIC;
    }
    if (lower.length < length) {
      lower = new char[Math.max(length, lower.length * 2)];
    }
    boolean ascii = true;
    for (int i = 0; i < length; i++) {
      char c = raw[offset + i];
      if (c < 128) {
        lower[i] = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
      } else if (c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\u00B4') {
        lower[i] = '\'';
      } else {
        ascii = false;
        lower[i] = Character.toLowerCase(c);
      }
    }
    char[] term = lower;
    if (!ascii) {
      if (folded.length < length * 4) {
        folded = new char[length * 4];
      }
      length = ASCIIFoldingFilter.foldToASCII(lower, 0, folded, 0, length);
      term = folded;
    }
    finish(term, 0, length, start, end, flags, out);
  }

  /**
   * Drops a possessive, splits a negative contraction and appends the result: the last step of
   * normalisation, on the lowercased term {@code term[offset, offset + length)}.
   */
  private static void finish(char[] term, int offset, int length, int start, int end, int flags,
      TokenBuffer out) {
    int last = offset + length - 1;
    if (length > 2 && term[last - 1] == '\'' && term[last] == 's') {
      length -= 2;
    } else if (length > 1 && term[last] == '\'') {
      length -= 1;
    }
    last = offset + length - 1;
    if (length == 3 && term[offset] == 'n' && term[offset + 1] == '\'' && term[last] == 't') {
      out.add(NOT, 0, 3, start, end, flags); // "n't" written alone, as in a pattern
    } else if (length > 3 && term[last - 2] == 'n' && term[last - 1] == '\''
        && term[last] == 't') {
      splitNegation(term, offset, length - 3, start, end, end - 3, flags, out);
    } else if (length == 6 && term[offset] == 'c' && term[offset + 1] == 'a'
        && term[offset + 2] == 'n' && term[offset + 3] == 'n' && term[offset + 4] == 'o'
        && term[last] == 't') {
      splitNegation(term, offset, 3, start, end, start + 3, flags, out);
    } else if (length > 0) {
      out.add(term, offset, length, start, end, flags);
    }
  }

  /** Appends the verb of a negative contraction and then "not". */
  private static void splitNegation(char[] term, int offset, int baseLength, int start, int end,
      int split, int flags, TokenBuffer out) {
    // "won't", "can't" and "shan't" do not end in their verb: say the verb.
    char a = term[offset];
    char b = term[offset + 1];
    if (baseLength == 2 && a == 'w' && b == 'o') {
      out.add(WILL, 0, 4, start, split, flags);
    } else if (baseLength == 2 && a == 'c' && b == 'a') {
      out.add(CAN, 0, 3, start, split, flags);
    } else if (baseLength == 3 && a == 's' && b == 'h' && term[offset + 2] == 'a') {
      out.add(SHALL, 0, 5, start, split, flags);
    } else {
      out.add(term, offset, baseLength, start, split, flags);
    }
    out.add(NOT, 0, 3, split, end, 0);
  }
}
