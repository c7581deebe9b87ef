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
 * <p>One instance per thread: it reuses its tokenizer, reader and buffers, so tokenizing
 * allocates nothing per token.
 */
public final class SentenceTokenizer {
  private static final String NUM_TYPE =
      StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];
  // Sinks copy the chars they keep, so these shared arrays are never written.
  private static final char[] NOT = {'n', 'o', 't'};
  private static final char[] WILL = {'w', 'i', 'l', 'l'};
  private static final char[] CAN = {'c', 'a', 'n'};
  private static final char[] SHALL = {'s', 'h', 'a', 'l', 'l'};

  private final StandardTokenizer tokenizer = new StandardTokenizer();
  private final CharTermAttribute termAttribute = tokenizer.addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAttribute = tokenizer.addAttribute(OffsetAttribute.class);
  private final TypeAttribute typeAttribute = tokenizer.addAttribute(TypeAttribute.class);
  private final StringRangeReader reader = new StringRangeReader();
  private char[] lower = new char[64];
  private char[] folded = new char[256];

  /** Tokenizes {@code text[from, to)}, passing each normalised token to {@code sink}. */
  public void tokenize(String text, int from, int to, TokenSink sink) {
    try {
      tokenizer.setReader(reader.reset(text, from, to));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        emit(from, sink);
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
  }

  /** The normalised terms of a literal, as the lexicon compiler needs them. */
  public List<String> terms(String literal) {
    List<String> out = new ArrayList<>();
    tokenize(literal, 0, literal.length(), (term, length, start, end, flags) ->
        out.add(new String(term, 0, length)));
    return out;
  }

  private void emit(int base, TokenSink sink) {
    char[] raw = termAttribute.buffer();
    int length = termAttribute.length();
    int start = base + offsetAttribute.startOffset();
    int end = base + offsetAttribute.endOffset();
    int flags = 0;
    if (length > 0 && Character.isUpperCase(raw[0])) {
      flags |= TokenSink.CAPITALIZED;
    }
    if (typeAttribute.type() == NUM_TYPE || (length > 0 && raw[0] >= '0' && raw[0] <= '9')) {
      flags |= TokenSink.NUMERIC;
    }
    if (lower.length < length) {
      lower = new char[Math.max(length, lower.length * 2)];
    }
    boolean ascii = true;
    for (int i = 0; i < length; i++) {
      char c = raw[i];
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
    if (length > 2 && term[length - 2] == '\'' && term[length - 1] == 's') {
      length -= 2;
    } else if (length > 1 && term[length - 1] == '\'') {
      length -= 1;
    }
    if (length == 3 && term[0] == 'n' && term[1] == '\'' && term[2] == 't') {
      sink.token(NOT, 3, start, end, flags); // "n't" written alone, as in a pattern
    } else if (length > 3 && term[length - 3] == 'n' && term[length - 2] == '\''
        && term[length - 1] == 't') {
      splitNegation(term, length - 3, start, end, end - 3, flags, sink);
    } else if (length == 6 && term[0] == 'c' && term[1] == 'a' && term[2] == 'n'
        && term[3] == 'n' && term[4] == 'o' && term[5] == 't') {
      splitNegation(term, 3, start, end, start + 3, flags, sink);
    } else if (length > 0) {
      sink.token(term, length, start, end, flags);
    }
  }

  /** Emits the verb of a negative contraction and then "not". */
  private static void splitNegation(char[] term, int baseLength, int start, int end, int split,
      int flags, TokenSink sink) {
    // "won't", "can't" and "shan't" do not end in their verb: say the verb.
    if (baseLength == 2 && term[0] == 'w' && term[1] == 'o') {
      sink.token(WILL, 4, start, split, flags);
    } else if (baseLength == 2 && term[0] == 'c' && term[1] == 'a') {
      sink.token(CAN, 3, start, split, flags);
    } else if (baseLength == 3 && term[0] == 's' && term[1] == 'h' && term[2] == 'a') {
      sink.token(SHALL, 5, start, split, flags);
    } else {
      sink.token(term, baseLength, start, split, flags);
    }
    sink.token(NOT, 3, split, end, 0);
  }
}
