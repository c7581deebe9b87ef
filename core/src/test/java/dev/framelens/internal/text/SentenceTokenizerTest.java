package dev.framelens.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The normalised terms, offsets and flags the tokenizer hands to the engine. */
class SentenceTokenizerTest {
  private final SentenceTokenizer tokenizer = new SentenceTokenizer();

  /** Tokens as {@code term[start,end)} plus {@code C} (capitalized) and {@code N} (numeric). */
  private List<String> tokens(String text) {
    return tokens(text, 0, text.length());
  }

  private List<String> tokens(String text, int from, int to) {
    List<String> out = new ArrayList<>();
    tokenizer.tokenize(text, from, to, (term, length, start, end, flags) -> out.add(
        new String(term, 0, length) + "[" + start + "," + end + ")"
            + ((flags & TokenSink.CAPITALIZED) != 0 ? "C" : "")
            + ((flags & TokenSink.NUMERIC) != 0 ? "N" : "")));
    return out;
  }

  @Test
  void lowercasesAndFlagsCapitals() {
    assertEquals(List.of("the[0,3)C", "army[4,8)C", "left[9,13)"), tokens("The ARMY left"));
  }

  @Test
  void foldsToAscii() {
    assertEquals(List.of("menendez[0,8)C", "cafe[9,13)", "strasse[14,20)", "aeon[21,24)C",
        "final[25,29)"), tokens("Men\u00E9ndez caf\u00E9 stra\u00DFe \u00C6ON \uFB01nal"));
  }

  @Test
  void dropsPossessives() {
    // A trailing apostrophe is not part of the word (UAX#29), so "rebels'" spans "rebels".
    assertEquals(List.of("varna[0,7)C", "ostrava[8,17)C", "rebels[18,24)", "hamas[26,31)C",
        "leaders[33,40)"),
        tokens("Varna's Ostrava\u2019s rebels' Hamas\u2019 leaders"));
  }

  @Test
  void splitsNegativeContractionsWithTheirOffsets() {
    assertEquals(List.of("do[0,2)", "not[2,5)", "has[6,9)", "not[9,12)", "is[13,15)",
        "not[15,18)"), tokens("don't hasn't isn't"));
  }

  @Test
  void contractionsThatDoNotEndInTheirVerb() {
    assertEquals(List.of("will[0,2)", "not[2,5)", "can[6,8)", "not[8,11)", "shall[12,15)",
        "not[15,18)"), tokens("won't can't shan't"));
  }

  @Test
  void cannotIsCanAndNot() {
    assertEquals(List.of("they[0,4)C", "can[5,8)", "not[8,11)", "win[12,15)"),
        tokens("They cannot win"));
    assertEquals(List.of("can[0,3)C", "not[3,6)", "can[7,10)C", "not[10,13)"),
        tokens("Cannot CANNOT"));
  }

  @Test
  void curlyApostrophesAreStraightened() {
    // "it’s" loses its 's like a possessive: the lexicon sees "it".
    assertEquals(List.of("did[0,3)", "not[3,6)", "can[7,9)", "not[9,12)", "it[13,17)"),
        tokens("didn\u2019t can\u2019t it\u2019s"));
  }

  @Test
  void modifierLetterApostropheAndAcuteAccentAreApostrophesToo() {
    assertEquals(List.of("did[0,3)", "not[3,6)", "was[7,10)", "not[10,13)"),
        tokens("didn\u02BCt wasn\u00B4t"));
  }

  @Test
  void numbersAreFlaggedNumeric() {
    assertEquals(List.of("46,000[0,6)N", "2.7million[7,17)N", "47s[18,21)N"),
        tokens("46,000 2.7million 47s"));
  }

  @Test
  void offsetsAreAbsoluteWhenTokenizingARange() {
    String text = "First part. The rebels didn't win.";
    assertEquals(List.of("the[12,15)C", "rebels[16,22)", "did[23,26)", "not[26,29)",
        "win[30,33)"), tokens(text, 12, text.length()));
  }

  @Test
  void termsOfALiteralAreNormalisedTheSameWay() {
    assertEquals(List.of("will", "not", "menendez", "hamas"),
        tokenizer.terms("Won't Men\u00E9ndez Hamas'"));
  }

  @Test
  void tokenizingAgainGivesTheSameTokens() {
    String text = "The garrison couldn't hold Varna's bridge.";
    assertEquals(tokens(text), tokens(text));
  }
}
