package dev.framelens.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The one-sweep lookup of quotations agrees with the per-span one on every token. */
class QuotesContainingTest {
  private final Segmenter segmenter = new Segmenter(List.of());
  private final SentenceTokenizer tokenizer = new SentenceTokenizer();

  @Provide
  Arbitrary<String> quotedText() {
    return Arbitraries.strings().withChars("ab c,.'\"\u201C\u201D\u2018\u2019\n".toCharArray())
        .ofMaxLength(120);
  }

  @Property(tries = 3000)
  void sweepEqualsLookup(@ForAll("quotedText") String text) {
    Segmentation seg = segmenter.segment(text);
    TokenBuffer tokens = new TokenBuffer();
    for (int s = 0; s < seg.sentenceCount; s++) {
      tokens.clear();
      tokenizer.tokenize(text, text.toCharArray(), seg.sentenceStart[s], seg.sentenceEnd[s],
          tokens);
      int[] swept = new int[tokens.size];
      int from = tokens.size / 3; // a window need not start at the sentence's first token
      seg.quotesContaining(tokens.start, tokens.end, from, tokens.size, swept);
      for (int i = from; i < tokens.size; i++) {
        assertEquals(seg.quoteContaining(tokens.start[i], tokens.end[i]), swept[i],
            () -> text);
      }
    }
  }
}
