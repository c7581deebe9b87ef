package dev.framelens.lexicons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.Lexicon;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The default lexicon names its entries (and so its problems, its failing examples and the
 * rule reports) by the files a contributor edits, {@code lexicons/rules/...}, not by the class
 * path resource the build copies them to.
 */
class DefaultLexiconSourceTest {
  /** The repository's root, seen from this module's directory, where Maven runs the tests. */
  private static final Path ROOT = Path.of("..");

  @Test
  void everyEntryNamesAFileOfTheRepository() {
    Lexicon lexicon = Lexicon.defaultEnglish();
    for (Lexicon.Rule rule : lexicon.rules()) {
      assertTrue(rule.source().startsWith("lexicons/rules/"), rule::toString);
      assertTrue(Files.isRegularFile(ROOT.resolve(rule.source())), rule::toString);
    }
    for (Lexicon.Term term : lexicon.terms()) {
      assertTrue(Files.isRegularFile(ROOT.resolve(term.source())), term::toString);
    }
  }

  @Test
  void aRuleAndItsLineAreWhereTheFileHasThem() throws Exception {
    Lexicon.Rule rule = Lexicon.defaultEnglish().rules().get(0);
    String line = Files.readAllLines(ROOT.resolve(rule.source())).get(rule.line() - 1);
    assertTrue(line.contains(rule.id()), () -> rule + " is not on " + line);
    assertEquals(rule.source() + ":" + rule.line(),
        rule.toString().substring(rule.toString().lastIndexOf('(') + 1,
            rule.toString().length() - 1));
  }
}
