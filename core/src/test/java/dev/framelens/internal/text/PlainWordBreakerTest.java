package dev.framelens.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link PlainWordBreaker} must find exactly the words StandardTokenizer finds: the same terms,
 * offsets and flags out of {@link SentenceTokenizer}, on random text dense in the chars where
 * UAX#29's rules differ (mid-letter, mid-num, apostrophes, "_", digits next to letters), and on
 * text with chars outside its alphabet, where it must hand over to StandardTokenizer.
 */
class PlainWordBreakerTest {
  /** Chars the plain breaker models, weighted towards the ones that decide word breaks. */
  private static final String PLAIN = "aaaeeiiouttnnrsxyzBCQ000112359"
      + ".,;:'_-  \t\n\"!?()/%$&#@"
      + "\u00E9\u00C9\u00DF\u00E6\u00F1\u00D7\u00F7\u00AA\u00B5\u00BA\u00B7\u00B4\u00A0"
      + "\u00BD\u00B2\u0085"
      + "\u2018\u2019\u2024\u2010\u2013\u2014\u201C\u201D\u201E\u2022\u2026\u20AC";
  /** Chars it leaves to StandardTokenizer. */
  private static final String OTHER = "\u00AD\u0301\u200D\u202F\u05D0\u05F3\u30A2\u4E2D"
      + "\u0E01\uD83D\uDE00\u02BC\u2060\uFF0E\u2032";

  private final SentenceTokenizer tokenizer = new SentenceTokenizer();

  @Provide
  Arbitrary<String> plainText() {
    return Arbitraries.strings().withChars(PLAIN.toCharArray()).ofMaxLength(80);
  }

  @Provide
  Arbitrary<String> mixedText() {
    return Arbitraries.strings().withChars((PLAIN + OTHER).toCharArray()).ofMaxLength(60);
  }

  @Property(tries = 20_000)
  void plainTextGivesStandardTokenizersWords(@ForAll("plainText") String text) {
    Statistics.collect(plain(text) ? "plain" : "fallback");
    assertEquals(lucene(text, 0, text.length()), tokens(text, 0, text.length()), text);
  }

  @Property(tries = 5_000)
  void anyTextGivesStandardTokenizersWords(@ForAll("mixedText") String text) {
    assertEquals(lucene(text, 0, text.length()), tokens(text, 0, text.length()), text);
  }

  @Property(tries = 2_000)
  void aRangeGivesTheWordsOfThatRange(@ForAll("plainText") String text) {
    int from = text.length() / 3;
    int to = text.length() - text.length() / 4;
    assertEquals(lucene(text, from, to), tokens(text, from, to), text);
  }

  @Example
  void longWordsAreSplitAsStandardTokenizerSplitsThem() {
    String text = "a " + "x".repeat(PlainWordBreaker.MAX_WORD + 40) + " b "
        + "7".repeat(PlainWordBreaker.MAX_WORD) + " c";
    assertEquals(false, plain(text));
    assertEquals(lucene(text, 0, text.length()), tokens(text, 0, text.length()));
  }

  @Example
  void typicalNewsTextNeedsNoFallback() {
    String text = "The ministry\u2019s figure \u2013 1,204.5 killed, U.S. officials said "
        + "\u201Cat 10:30\u201D \u2026 caf\u00E9_owner\u2019s don't e.g.";
    assertEquals(true, plain(text));
    assertEquals(lucene(text, 0, text.length()), tokens(text, 0, text.length()));
  }

  /** Terms, offsets, flags and term-cache keys, through the plain breaker where it can. */
  private List<String> tokens(String text, int from, int to) {
    TokenBuffer buffer = new TokenBuffer();
    tokenizer.tokenize(text, text.toCharArray(), from, to, buffer);
    return describe(buffer);
  }

  private List<String> lucene(String text, int from, int to) {
    TokenBuffer buffer = new TokenBuffer();
    tokenizer.tokenizeWithLucene(text, text.toCharArray(), from, to, buffer);
    return describe(buffer);
  }

  private static List<String> describe(TokenBuffer buffer) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < buffer.size; i++) {
      out.add(buffer.term(i) + "[" + buffer.start[i] + "," + buffer.end[i] + ")"
          + buffer.flags[i] + " " + Long.toHexString(buffer.key1[i]) + ":"
          + Long.toHexString(buffer.key2[i]));
    }
    return out;
  }

  /** Whether the plain breaker handles the text without StandardTokenizer. */
  private boolean plain(String text) {
    return PlainWordBreaker.breakWords(text.toCharArray(), 0, text.length(), tokenizer,
        new TokenBuffer());
  }
}
