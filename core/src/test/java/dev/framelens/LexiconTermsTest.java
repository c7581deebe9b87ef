package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.Lexicon.Term;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What authoring tools read of a lexicon: the terms as written, and what a set covers. */
class LexiconTermsTest {
  private static final Lexicon LEXICON = Lexicon.parse("t.fl", """
      set @destroy = eliminate^ crush~ obliterat* routed @more
      set @more = topple
      who children = child^
      frame survival-as-win
        rule held-firm : (stand^ | held) "firm"
        rule failed : fail~ to @destroy
      """);

  @Test
  void termsAreListedAsWrittenWithTheirOwnerAndPosition() {
    List<String> terms = LEXICON.terms().stream().map(Term::toString).toList();
    assertEquals(List.of(
        "eliminate^ in @destroy (t.fl:1:16)",
        "crush~ in @destroy (t.fl:1:27)",
        "obliterat* in @destroy (t.fl:1:34)",
        "routed in @destroy (t.fl:1:45)",
        "topple in @more (t.fl:2:13)",
        "child^ in who children (t.fl:3:16)",
        "stand^ in held-firm (t.fl:5:21)",
        "held in held-firm (t.fl:5:30)",
        "firm in held-firm (t.fl:5:36)",
        "fail~ in failed (t.fl:6:17)",
        "to in failed (t.fl:6:23)"), terms);
    assertEquals(Term.Form.LEMMA, LEXICON.terms().get(0).form());
  }

  @Test
  void aSetCoversTheFormsOfItsLemmasStemsPrefixesAndNestedSets() {
    for (String word : List.of("eliminate", "eliminated", "Eliminating", "crushes",
        "obliterated", "routed", "topple")) {
      assertTrue(LEXICON.covers("@destroy", word), word);
    }
    for (String word : List.of("elimination", "rout", "toppled", "destroy")) {
      assertFalse(LEXICON.covers("@destroy", word), word);
    }
  }

  @Test
  void aRuleCoversTheWordsOfItsPatternAndOfTheSetsItNames() {
    assertTrue(LEXICON.covers("held-firm", "stood"));
    assertTrue(LEXICON.covers("held-firm", "firm"));
    assertFalse(LEXICON.covers("held-firm", "holding"));
    assertTrue(LEXICON.covers("failed", "crushed"));
    assertTrue(LEXICON.covers("failed", "failing"));
  }

  @Test
  void anUnknownOwnerOrMoreThanOneWordIsRefusedWithWhy() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> LEXICON.covers("destroy", "crush"));
    assertEquals("no word set or rule, block or modifier named \"destroy\" in this lexicon "
        + "(a set is named with its @)", unknown.getMessage());
    IllegalArgumentException phrase = assertThrows(IllegalArgumentException.class,
        () -> LEXICON.covers("@destroy", "wipe out"));
    assertEquals("not one word: \"wipe out\" (2 tokens)", phrase.getMessage());
  }
}
