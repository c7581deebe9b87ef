package dev.framelens.internal.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The forms a lemma atom matches: regular by spelling rules, irregular from WordNet 3.1. */
class WordFormsTest {

  @ParameterizedTest(name = "{0}^ matches {1}")
  @CsvSource(delimiter = '|', value = {
      // The irregular forms the issue names, from WordNet's exception lists.
      "stand   | stand stands standing stood",
      "fight   | fights fighting fought",
      "flee    | flees fleeing fled",
      "win     | wins winning won",
      "lose    | loses losing lost",
      "break   | breaks breaking broke broken",
      "overrun | overruns overrunning overran",
      "slay    | slays slaying slew slain",
      "beat    | beats beating beaten",
      "child   | child children",
      "dig     | digs digging dug",
      "man     | men",
      "die     | dies died dying",
      // Regular forms made by the spelling rules.
      "repel   | repels repelled repelling",
      "capture | captures captured capturing",
      "destroy | destroys destroyed destroying",
      "carry   | carries carried carrying",
      "casualty| casualties",
      "march   | marches marched marching",
      "militiaman | militiamen",
      "agree   | agrees agreed agreeing",
      "stop    | stops stopped stopping",
      "hero    | heroes"})
  void aLemmaHasEveryInflection(String lemma, String expected) {
    Set<String> forms = WordForms.forms(lemma);
    for (String form : expected.split(" ")) {
      assertTrue(forms.contains(form), lemma + "^ lacks " + form + ": " + forms);
    }
  }

  @ParameterizedTest(name = "{0}^ does not match {1}")
  @CsvSource(delimiter = '|', value = {
      // A doubled consonant in WordNet's list replaces the rule's form, which is another word's.
      "hop     | hoped hoping",
      "bar     | bared baring",
      "win     | wined wining",
      // Derived words and comparatives are not inflections.
      "win     | winner",
      "victory | victorious",
      "strong  | stronger",
      "kill    | killer"})
  void aLemmaDoesNotMatchWordsOfAnotherLemma(String lemma, String unexpected) {
    Set<String> forms = WordForms.forms(lemma);
    for (String form : unexpected.split(" ")) {
      assertFalse(forms.contains(form), lemma + "^ matches " + form + ": " + forms);
    }
  }

  @ParameterizedTest(name = "{0}^ is only itself")
  @CsvSource({"u.s", "covid19", "e-mail"})
  void aWordThatIsNotLettersIsOnlyItself(String lemma) {
    assertEquals(Set.of(lemma), WordForms.forms(lemma));
  }

  @Property
  void everyLemmaIsAFormOfItselfAndFormsAreLowercaseLetters(
      @ForAll @AlphaChars @StringLength(min = 1, max = 12) String word) {
    String lemma = word.toLowerCase(java.util.Locale.ROOT);
    Set<String> forms = WordForms.forms(lemma);
    assertTrue(forms.contains(lemma));
    for (String form : forms) {
      assertTrue(form.matches("[a-z]+"), form);
    }
  }
}
