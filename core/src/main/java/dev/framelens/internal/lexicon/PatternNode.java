package dev.framelens.internal.lexicon;

import java.util.List;

/** The syntax tree of a token pattern, with the column of each element for error messages. */
sealed interface PatternNode {

  /** A word as written; it is normalised (and may split into several tokens) at compile time. */
  record Literal(String text, Position at) implements PatternNode {}

  /** {@code word~}: any word with the same stem. */
  record Stem(String text, Position at) implements PatternNode {}

  /** {@code word*}: any word that starts with these letters. */
  record Prefix(String text, Position at) implements PatternNode {}

  /** {@code word^}: any inflection of a lemma ({@code stand^}: stands, standing, stood). */
  record Lemma(String text, Position at) implements PatternNode {}

  /** {@code @name}: any word of a set. */
  record SetRef(String name, Position at) implements PatternNode {}

  /** {@code NUMBER}: a recognised number phrase. */
  record Number(Position at) implements PatternNode {}

  /** {@code CAP}: any token written with a capital letter. */
  record Capitalized(Position at) implements PatternNode {}

  /** {@code _}: any one token. */
  record Any(Position at) implements PatternNode {}

  /** {@code ...{min,max}}: between min and max tokens of anything. */
  record Gap(int min, int max, Position at) implements PatternNode {}

  record Sequence(List<PatternNode> items) implements PatternNode {}

  record Alternatives(List<PatternNode> options) implements PatternNode {}

  record Optional(PatternNode item) implements PatternNode {}
}
