package dev.framelens.internal.text;

/** Receives the tokens of a sentence, one call per token, without allocation. */
public interface TokenSink {
  /** The token starts with an uppercase letter in the source. */
  int CAPITALIZED = 1;
  /** The tokenizer saw digits: "46,000", "1.2", "2.7million". */
  int NUMERIC = 2;

  /**
   * One normalised token.
   *
   * @param term buffer holding the lookup form (lowercase, folded, possessive dropped)
   * @param length number of chars of {@code term} in use
   * @param start char offset of the token in the analysed text
   * @param end char offset one past the token
   * @param flags {@link #CAPITALIZED} and {@link #NUMERIC} bits
   */
  void token(char[] term, int length, int start, int end, int flags);
}
