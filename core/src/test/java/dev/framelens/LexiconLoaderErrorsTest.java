package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every problem the lexicon parser and compiler report, one test each, asserting the exact
 * {@code file:line:column: message: "offending"} text an author sees. Columns are 1-based and
 * point at the offending text.
 */
class LexiconLoaderErrorsTest {

  private static List<String> problems(String text) {
    LexiconException e = assertThrows(LexiconException.class, () -> Lexicon.parse("t.fl", text));
    return e.problems().stream().map(LexiconException.Problem::toString).toList();
  }

  private static void assertProblem(String text, String expected) {
    assertEquals(List.of(expected), problems(text));
  }

  @Nested
  class Directives {
    @Test
    void unknownDirective() {
      assertProblem("lexicon t 1\nfrobnicate @x\n",
          "t.fl:2:1: unknown directive (expected one of abbreviations, attribution, block, "
              + "boundary, contest-gate, disable, frame, include, lexicon, modifier, not-names, "
              + "qualifier, rule, set, speaker-words, subset, threshold, who): \"frobnicate\"");
    }

    @Test
    void lexiconLineWithMissingVersion() {
      assertProblem("lexicon t\n", "t.fl:1:10: expected 'lexicon <name> <version>': \"lexicon t\"");
    }

    @Test
    void unknownFrame() {
      assertProblem("frame triumph\n", "t.fl:1:7: unknown frame (expected one of victory, defeat, "
          + "survival-as-win, casualty-emphasis): \"triumph\"");
    }

    @Test
    void unknownFrameInFramesAttribute() {
      assertProblem("rule r frames victory,glory : won\n", "t.fl:1:23: unknown frame (expected "
          + "one of victory, defeat, survival-as-win, casualty-emphasis): \"glory\"");
    }

    @Test
    void thresholdOutOfRange() {
      assertProblem("threshold defeat 0\n", "t.fl:1:18: threshold must be in (0, 1]: \"0\"");
      assertProblem("threshold defeat 1.01\n",
          "t.fl:1:18: threshold must be in (0, 1]: \"1.01\"");
    }

    @Test
    void thresholdNotANumber() {
      assertProblem("threshold defeat high\n", "t.fl:1:18: threshold must be a number: \"high\"");
    }

    @Test
    void weightOutOfRange() {
      assertProblem("frame victory\nrule r weight 1.5 : won\n",
          "t.fl:2:15: weight must be in (0, 1]: \"1.5\"");
      assertProblem("frame victory\nrule r weight 0 : won\n",
          "t.fl:2:15: weight must be in (0, 1]: \"0\"");
    }

    @Test
    void unknownRuleAttribute() {
      assertProblem("frame victory\nrule r strength 2 : won\n", "t.fl:2:8: unknown rule attribute "
          + "(expected weight, frames, negated, kind, immune or overrides before ':'): "
          + "\"strength\"");
    }

    @Test
    void attributeWithoutValue() {
      assertProblem("frame victory\nrule r weight : won\n",
          "t.fl:2:8: attribute 'weight' needs a value: \"weight\"");
    }

    @Test
    void unknownCasualtyKind() {
      assertProblem("frame casualty-emphasis\nrule r kind slain : NUMBER slain\n",
          "t.fl:2:13: unknown casualty kind (expected one of killed, wounded, "
              + "killed-or-wounded, displaced, homeless, hostage, detained, missing, starved): "
              + "\"slain\"");
    }

    @Test
    void disableOfUnknownRule() {
      assertProblem("disable ghost\n", "t.fl:1:9: cannot disable an unknown rule (no rule, block "
          + "or modifier with this id is defined above): \"ghost\"");
    }

    @Test
    void includeInATextLexicon() {
      assertProblem("include other.fl\n", "t.fl:1:1: include is not possible in a lexicon given "
          + "as text; load it from a file: \"other.fl\"");
    }
  }

  @Nested
  class Ids {
    @Test
    void badId() {
      assertProblem("frame victory\nrule Won-War : won\n", "t.fl:2:6: bad id (use lowercase "
          + "letters, digits, '.', '-' or '_', starting with a letter or digit): \"Won-War\"");
    }

    @Test
    void missingId() {
      assertProblem("frame victory\nrule : won\n",
          "t.fl:2:6: rule needs an id before ':': \"rule : won\"");
    }

    @Test
    void missingColon() {
      assertProblem("frame victory\nrule r won the war\n", "t.fl:2:19: expected ':' and a "
          + "pattern after the rule header: \"rule r won the war\"");
    }

    @Test
    void duplicateId() {
      assertProblem("frame victory\nrule r : won\nrule r : triumph\n",
          "t.fl:3:6: duplicate id (first defined at t.fl:2:6): \"r\"");
    }

    @Test
    void ruleOutsideAFrameBlock() {
      assertProblem("rule r : won\n", "t.fl:1:6: rule outside a frame block (put it under "
          + "'frame <id>' or give it 'frames <id>,<id>'): \"r\"");
    }

    @Test
    void immuneNamingAnUnknownModifier() {
      assertProblem("frame victory\nrule r immune nothing : won\n",
          "t.fl:2:6: 'immune' names no modifier of this lexicon: \"nothing\"");
    }

    @Test
    void immuneNamingARuleInsteadOfAModifier() {
      assertProblem("frame victory\nrule a : won\nrule r immune a : triumph\n",
          "t.fl:3:6: 'immune' names no modifier of this lexicon: \"a\"");
    }

    @Test
    void overridesNamingAnUnknownRule() {
      assertProblem("frame victory\nrule r overrides ghost : won\n",
          "t.fl:2:6: 'overrides' names no rule of this lexicon: \"ghost\"");
    }
  }

  @Nested
  class Sets {
    @Test
    void unknownSetWithASuggestion() {
      assertProblem("set @win = won\nframe victory\nrule r : @wins\n",
          "t.fl:3:10: unknown set (did you mean @win?): \"@wins\"");
    }

    @Test
    void unknownSetWithoutASuggestion() {
      assertProblem("set @win = won\nframe victory\nrule r : @harvest\n",
          "t.fl:3:10: unknown set: \"@harvest\"");
    }

    @Test
    void unknownSetInsideASet() {
      assertProblem("set @win = won\nset @all = @wni lost\n",
          "t.fl:2:12: unknown set (did you mean @win?): \"@wni\"");
    }

    @Test
    void setCycle() {
      assertProblem("set @a = won @b\nset @b = lost @a\n",
          "t.fl:2:15: set @b includes itself through @a: \"@a\"");
    }

    @Test
    void setItemOfSeveralWords() {
      assertProblem("set @truce = cease-fire armistice\n", "t.fl:1:14: a set item must be one "
          + "word (this is 2; write phrases in a pattern): \"cease-fire\"");
    }

    @Test
    void setItemThatIsAPattern() {
      assertProblem("set @a = (won|lost)\n",
          "t.fl:1:10: a set holds single words, not patterns: \"(won|lost)\"");
    }

    @Test
    void setWithoutWords() {
      assertProblem("set @a =\n", "t.fl:1:8: set @a has no words: \"set @a =\"");
    }

    @Test
    void badSetName() {
      assertProblem("set @Win = won\n", "t.fl:1:5: bad set name (use @ and lowercase letters, "
          + "digits, '-' or '_'): \"@Win\"");
    }

    @Test
    void duplicateSet() {
      assertProblem("set @a = won\nset @a = lost\n",
          "t.fl:2:5: set already defined at t.fl:1:5 (use += to add words to it): \"@a\"");
    }

    @Test
    void extendingAnUnknownSet() {
      assertProblem("set @a += won\n", "t.fl:1:5: cannot extend an unknown set (define it first "
          + "with 'set @a = ...'): \"@a\"");
    }

    @Test
    void prefixShorterThanThreeLettersInASet() {
      assertProblem("set @a = wo*\n", "t.fl:1:10: a prefix needs at least 3 letters: \"wo*\"");
    }
  }

  @Nested
  class Patterns {
    private static final String F = "frame victory\n";

    @Test
    void emptyPattern() {
      assertProblem(F + "rule r :\n", "t.fl:2:9: empty pattern after ':': \"rule r :\"");
    }

    @Test
    void unbalancedClosingParenthesis() {
      assertProblem(F + "rule r : won )\n", "t.fl:2:14: unbalanced ')': \")\"");
    }

    @Test
    void missingClosingParenthesis() {
      assertProblem(F + "rule r : (won | lost\n", "t.fl:2:10: missing ')' for this '(': \"(\"");
    }

    @Test
    void emptyAlternative() {
      assertProblem(F + "rule r : won | | lost\n", "t.fl:2:14: empty alternative: \"|\"");
    }

    @Test
    void questionMarkWithoutAnElement() {
      assertProblem(F + "rule r : ? won\n", "t.fl:2:10: '?' must follow an element: \"?\"");
    }

    @Test
    void tildeWithoutAWord() {
      assertProblem(F + "rule r : won ~\n", "t.fl:2:14: '~' must follow a word: \"~\"");
    }

    @Test
    void missingClosingDoubleQuote() {
      assertProblem(F + "rule r : \"won the\n",
          "t.fl:2:10: missing closing '\"': \"\"won the\"");
    }

    @Test
    void emptyQuotedPhrase() {
      assertProblem(F + "rule r : won \"\"\n", "t.fl:2:14: empty quoted phrase: \"\"\"\"");
    }

    @Test
    void gapWithoutBounds() {
      assertProblem(F + "rule r : won ... war\n",
          "t.fl:2:14: a gap needs bounds, such as ...{0,3}: \"...\"");
    }

    @Test
    void gapWithBadNumbers() {
      assertProblem(F + "rule r : won ...{a,2} war\n",
          "t.fl:2:14: a gap needs two numbers, such as ...{0,3}: \"...{a,2}\"");
    }

    @Test
    void gapWithMinAboveMax() {
      assertProblem(F + "rule r : won ...{3,1} war\n",
          "t.fl:2:14: gap bounds must satisfy 0 <= min <= max <= 10: \"...{3,1}\"");
    }

    @Test
    void gapTooWide() {
      assertProblem(F + "rule r : won ...{0,11} war\n",
          "t.fl:2:14: gap bounds must satisfy 0 <= min <= max <= 10: \"...{0,11}\"");
    }

    @Test
    void patternStartingWithAGap() {
      assertProblem(F + "rule r : ...{1,2} won\n",
          "t.fl:2:10: a pattern cannot start with a gap or wildcard: \"r\"");
    }

    @Test
    void patternStartingWithAWildcard() {
      assertProblem(F + "rule r : _ won\n",
          "t.fl:2:10: a pattern cannot start with a gap or wildcard: \"r\"");
    }

    @Test
    void patternEndingWithAGap() {
      assertProblem(F + "rule r : won ...{0,2}\n",
          "t.fl:2:10: a pattern cannot end with a gap or wildcard: \"r\"");
    }

    @Test
    void patternThatCanMatchNothing() {
      assertProblem(F + "rule r : won?\n", "t.fl:2:10: the pattern can match no tokens at all "
          + "(make an element required): \"r\"");
    }

    @Test
    void prefixShorterThanThreeLetters() {
      assertProblem(F + "rule r : wo*\n",
          "t.fl:2:10: a prefix needs at least 3 letters: \"wo*\"");
    }

    @Test
    void stemOfSeveralWords() {
      assertProblem(F + "rule r : cease-fire~\n",
          "t.fl:2:10: '~' applies to one word: \"cease-fire~\"");
    }

    @Test
    void literalWithoutAWord() {
      assertProblem(F + "rule r : won ---\n", "t.fl:2:14: no word in this literal: \"---\"");
    }

    @Test
    void literalThatTheTextReadsAsANumber() {
      assertProblem(F + "rule r : won \"a dozen\" towns\n", "t.fl:2:14: these words are read "
          + "as a number in the text and can never match as words; write NUMBER instead: "
          + "\"a dozen\"");
      assertProblem("frame casualty-emphasis\nrule r : hundreds of people\n", "t.fl:2:10: these "
          + "words are read as a number in the text and can never match as words; write NUMBER "
          + "instead: \"hundreds\"");
    }

    @Test
    void kindWithoutNumber() {
      assertProblem("frame casualty-emphasis\nrule r kind killed : killed | NUMBER dead\n",
          "t.fl:2:6: a rule with 'kind' needs NUMBER in every alternative of its pattern "
              + "(the figure comes from it): \"r\"");
    }

    @Test
    void expansionLimit() {
      // Thirteen optional words: 2^13 = 8192 expansions, above the limit of 4096.
      String optionals = IntStream.rangeClosed(1, 13).mapToObj(i -> "x" + i + "?")
          .collect(Collectors.joining(" "));
      assertProblem(F + "rule r : won " + optionals + " war\n",
          "t.fl:2:6: the pattern expands into more than 4096 alternatives (the limit); use "
              + "fewer optional elements, narrower gaps or a set: \"r\"");
    }

    @Test
    void twelveOptionalsAreWithinTheExpansionLimit() {
      String optionals = IntStream.rangeClosed(1, 12).mapToObj(i -> "x" + i + "?")
          .collect(Collectors.joining(" "));
      Lexicon lexicon = Lexicon.parse("t.fl", F + "rule r : won " + optionals + " war\n");
      assertEquals(1, lexicon.rules().size());
    }

    @Test
    void sequenceLengthLimit() {
      // 33 words in a row: one more than the 32 tokens a pattern may span.
      String words = IntStream.rangeClosed(1, 33).mapToObj(i -> "w" + i)
          .collect(Collectors.joining(" "));
      assertProblem(F + "rule r : " + words + "\n",
          "t.fl:2:10: the pattern can span more than 32 tokens (the limit): \"r\"");
    }

    @Test
    void thirtyTwoTokensAreWithinTheSequenceLimit() {
      String words = IntStream.rangeClosed(1, 32).mapToObj(i -> "w" + i)
          .collect(Collectors.joining(" "));
      assertEquals(1, Lexicon.parse("t.fl", F + "rule r : " + words + "\n").rules().size());
    }

    @Test
    void sequenceLengthLimitReachedThroughGaps() {
      // Six gaps of exactly ten tokens between seven words: 67 tokens, stopped while the
      // pattern is being expanded (before the expanded sequences are checked).
      String pattern = IntStream.rangeClosed(1, 7).mapToObj(i -> "w" + i)
          .collect(Collectors.joining(" ...{10,10} "));
      assertProblem(F + "rule r : " + pattern + "\n",
          "t.fl:2:6: the pattern can span more than 32 tokens (the limit): \"r\"");
    }

    @Test
    void nestingLimit() {
      // 33 nested groups: the 33rd '(' is one deeper than the 32 a pattern may nest.
      assertProblem(F + "rule r : " + "(".repeat(33) + "won" + ")".repeat(33) + "\n",
          "t.fl:2:42: parentheses nest deeper than 32 (the limit): \"(\"");
    }

    @Test
    void thirtyTwoNestedGroupsAreWithinTheNestingLimit() {
      Lexicon lexicon = Lexicon.parse("t.fl",
          F + "rule r : " + "(".repeat(32) + "won" + ")".repeat(32) + "\n");
      assertEquals(1, lexicon.rules().size());
    }
  }

  @Nested
  class Modifiers {
    @Test
    void modifierWithoutEffectLines() {
      assertProblem("modifier m scope before 3 : not\n", "t.fl:1:10: modifier has no effect lines "
          + "(add one such as '  victory -> drop' below it): \"m\"");
    }

    @Test
    void modifierWithoutScope() {
      assertProblem("modifier m : not\n  victory -> drop\n",
          "t.fl:1:1: modifier needs a scope, such as 'scope before 3' or 'scope around "
              + "clause': \"modifier m : not\"");
    }

    @Test
    void scopeWithABadDirection() {
      assertProblem("modifier m scope beside 3 : not\n  victory -> drop\n",
          "t.fl:1:18: scope direction must be before, after or around: \"beside\"");
    }

    @Test
    void scopeWithoutAnExtent() {
      assertProblem("modifier m scope before : not\n  victory -> drop\n",
          "t.fl:1:18: scope needs an extent: a number of tokens, clause, part, sentence or paragraph: "
              + "\"before\"");
    }

    @Test
    void scopeWithABadExtent() {
      assertProblem("modifier m scope before lots : not\n  victory -> drop\n",
          "t.fl:1:25: scope extent must be a number of tokens, clause, part, sentence or paragraph: "
              + "\"lots\"");
    }

    @Test
    void scopeWithTooManyTokens() {
      assertProblem("modifier m scope before 51 : not\n  victory -> drop\n",
          "t.fl:1:25: scope must be 1 to 50 tokens: \"51\"");
    }

    @Test
    void unknownCondition() {
      assertProblem("modifier m scope before 3 if shouted : not\n  victory -> drop\n",
          "t.fl:1:30: unknown condition (expected question, quoted, unquoted or "
              + "scare-quoted): \"shouted\"");
    }

    @Test
    void unknownEffect() {
      assertProblem("modifier m scope before 3 : not\n  victory -> explode\n",
          "t.fl:2:14: unknown effect (expected drop, mute, negate, contest, keep, weaken "
              + "<factor> or a frame id): \"explode\"");
    }

    @Test
    void unknownFrameBeforeTheArrow() {
      assertProblem("modifier m scope before 3 : not\n  triumph -> drop\n",
          "t.fl:2:3: unknown frame before '->' (expected * or one of victory, defeat, "
              + "survival-as-win, casualty-emphasis): \"triumph\"");
    }

    @Test
    void textAfterDrop() {
      assertProblem("modifier m scope before 3 : not\n  victory -> drop now\n",
          "t.fl:2:14: unexpected text after 'drop': \"drop now\"");
    }

    @Test
    void weakenFactorNotANumber() {
      assertProblem("modifier m scope before 3 : not\n  victory -> weaken  half\n",
          "t.fl:2:22: weaken factor must be a number: \"half\"");
    }

    @Test
    void weakenFactorOutOfRange() {
      assertProblem("modifier m scope before 3 : not\n  victory -> weaken 1.5\n",
          "t.fl:2:21: weaken factor must be in (0, 1): \"1.5\"");
      assertProblem("modifier m scope before 3 : not\n  victory -> weaken 0\n",
          "t.fl:2:21: weaken factor must be in (0, 1): \"0\"");
    }

    @Test
    void weakenWithoutAFactor() {
      assertProblem("modifier m scope before 3 : not\n  victory -> weaken\n",
          "t.fl:2:14: expected 'weaken <factor in (0, 1)>': \"weaken\"");
    }

    @Test
    void secondEffectForTheSameFrame() {
      assertProblem("modifier m scope before 3 : not\n  victory -> drop\n  victory -> negate\n",
          "t.fl:3:3: a second effect for the same frame: \"victory\"");
    }

    @Test
    void effectLineUnderARule() {
      assertProblem("frame victory\nrule r : won\n  victory -> drop\n",
          "t.fl:3:3: effect lines belong to a modifier, not a rule: \"victory -> drop\"");
    }

    @Test
    void effectLineBeforeAnyStatement() {
      assertProblem("  victory -> drop\n",
          "t.fl:1:3: effect line must follow a modifier: \"victory -> drop\"");
    }
  }

  @Nested
  class Examples {
    @Test
    void exampleOutsideARule() {
      assertProblem("example: The river town held out.\n",
          "t.fl:1:1: example: must follow a rule, block or modifier: "
              + "\"example: The river town held out.\"");
    }

    @Test
    void exampleUnderASet() {
      assertProblem("set @a = won\n  example: The river town held out.\n",
          "t.fl:2:3: examples must follow a rule, block or modifier: "
              + "\"The river town held out.\"");
    }

    @Test
    void exampleUnderABoundary() {
      assertProblem("boundary b : but\n  counter: Nothing but rain fell.\n",
          "t.fl:2:3: examples must follow a rule, block or modifier, not a boundary: "
              + "\"Nothing but rain fell.\"");
    }

    @Test
    void emptyExample() {
      assertProblem("frame victory\nrule r : won\n  example:\n",
          "t.fl:3:3: empty example: \"example:\"");
    }
  }

  @Nested
  class FilesOnDisk {
    @TempDir
    Path dir;

    @Test
    void includeCycle() throws Exception {
      Files.writeString(dir.resolve("a.fl"), "lexicon a 1\ninclude b.fl\n");
      Files.writeString(dir.resolve("b.fl"), "set @x = won\ninclude a.fl\n");
      LexiconException e = assertThrows(LexiconException.class,
          () -> Lexicon.load(dir.resolve("a.fl")));
      assertEquals(List.of(dir.resolve("b.fl") + ":2:1: include cycle: the file includes "
          + "itself through this line: \"a.fl\""), strings(e));
    }

    @Test
    void includeOfItself() throws Exception {
      Files.writeString(dir.resolve("a.fl"), "include a.fl\n");
      LexiconException e = assertThrows(LexiconException.class,
          () -> Lexicon.load(dir.resolve("a.fl")));
      assertEquals(List.of(dir.resolve("a.fl") + ":1:1: include cycle: the file includes "
          + "itself through this line: \"a.fl\""), strings(e));
    }

    @Test
    void missingIncludeFile() throws Exception {
      Files.writeString(dir.resolve("a.fl"), "lexicon a 1\ninclude missing.fl\n");
      LexiconException e = assertThrows(LexiconException.class,
          () -> Lexicon.load(dir.resolve("a.fl")));
      assertEquals(List.of(dir.resolve("a.fl") + ":2:1: cannot read included file: lexicon "
          + "file not found: " + dir.resolve("missing.fl") + ": \"missing.fl\""), strings(e));
    }

    @Test
    void anIncludeThatIsNotARegularFileIsRefusedNotRead() throws Exception {
      // A directory here; a device such as /dev/zero or a FIFO would never end.
      Files.createDirectories(dir.resolve("folder.fl"));
      Files.writeString(dir.resolve("a.fl"), "lexicon a 1\ninclude folder.fl\n");
      LexiconException e = assertThrows(LexiconException.class,
          () -> Lexicon.load(dir.resolve("a.fl")));
      assertEquals(List.of(dir.resolve("a.fl") + ":2:1: cannot read included file: cannot read "
          + "lexicon file " + dir.resolve("folder.fl") + ": not a regular file: \"folder.fl\""),
          strings(e));
    }

    @Test
    void includesAreReadRelativeToTheIncludingFile() throws Exception {
      Files.createDirectories(dir.resolve("sub"));
      Files.writeString(dir.resolve("a.fl"), "lexicon a 1\ninclude sub/b.fl\n");
      Files.writeString(dir.resolve("sub/b.fl"), "frame victory\nrule r : won\n");
      assertEquals(List.of("r"),
          Lexicon.load(dir.resolve("a.fl")).rules().stream().map(Lexicon.Rule::id).toList());
    }

    @Test
    void invalidUtf8WithItsByteOffset() throws Exception {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.writeBytes("lexicon t 1\nset @a = ".getBytes(StandardCharsets.UTF_8));
      bytes.write(0xC3); // a lead byte followed by an ASCII byte: malformed
      bytes.writeBytes("(won\n".getBytes(StandardCharsets.UTF_8));
      Path file = dir.resolve("bad.fl");
      Files.write(file, bytes.toByteArray());
      LexiconException e = assertThrows(LexiconException.class, () -> Lexicon.load(file));
      assertEquals(List.of(file + ": invalid UTF-8 at byte offset 21 (lexicon files must be "
          + "UTF-8)"), strings(e));
      assertEquals(0, e.problems().get(0).line());
    }

    @Test
    void byteOrderMarkIsAccepted() throws Exception {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.write(0xEF);
      bytes.write(0xBB);
      bytes.write(0xBF);
      bytes.writeBytes("lexicon bom 2\nframe victory\nrule r : won\n"
          .getBytes(StandardCharsets.UTF_8));
      Path file = dir.resolve("bom.fl");
      Files.write(file, bytes.toByteArray());
      Lexicon lexicon = Lexicon.load(file);
      assertEquals("bom", lexicon.name());
      assertEquals("2", lexicon.version());
    }

    @Test
    void missingFileIsAnUncheckedIoExceptionNamingThePath() {
      Path missing = dir.resolve("nowhere.fl");
      UncheckedIOException e = assertThrows(UncheckedIOException.class,
          () -> Lexicon.load(missing));
      assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    private List<String> strings(LexiconException e) {
      return e.problems().stream().map(LexiconException.Problem::toString).toList();
    }
  }

  @Test
  void severalErrorsMakeOneExceptionListingThemAllInLineOrder() {
    String text = String.join("\n",
        "lexicon t 1",
        "frame victory",
        "rule r weight 2 : won",
        "frobnicate",
        "rule s : (won",
        "  example:",
        "rule t : ...{0,12} won",
        "");
    LexiconException e = assertThrows(LexiconException.class, () -> Lexicon.parse("t.fl", text));
    List<String> expected = List.of(
        "t.fl:3:15: weight must be in (0, 1]: \"2\"",
        "t.fl:4:1: unknown directive (expected one of abbreviations, attribution, block, "
            + "boundary, contest-gate, disable, frame, include, lexicon, modifier, not-names, "
            + "qualifier, rule, set, speaker-words, subset, threshold, who): \"frobnicate\"",
        "t.fl:5:10: missing ')' for this '(': \"(\"",
        "t.fl:6:3: empty example: \"example:\"",
        "t.fl:7:10: gap bounds must satisfy 0 <= min <= max <= 10: \"...{0,12}\"");
    assertEquals(expected, e.problems().stream().map(LexiconException.Problem::toString)
        .toList());
    assertEquals("5 errors in lexicon:\n  " + String.join("\n  ", expected), e.getMessage());
  }

  @Test
  void severalCompileErrorsAreListedInLineOrder() {
    String text = String.join("\n",
        "set @win = won",
        "set @all = @wni lost",
        "frame victory",
        "rule r : won",
        "rule r : lost",
        "rule s : @alll",
        "");
    assertEquals(List.of(
        "t.fl:2:12: unknown set (did you mean @win?): \"@wni\"",
        "t.fl:5:6: duplicate id (first defined at t.fl:4:6): \"r\"",
        "t.fl:6:10: unknown set (did you mean @all?): \"@alll\""), problems(text));
  }

  @Test
  void problemRenderShowsTheLineAndACaretUnderTheColumn() {
    LexiconException e = assertThrows(LexiconException.class,
        () -> Lexicon.parse("t.fl", "frame victory\nrule r : won ...{0,11} war\n"));
    assertEquals("t.fl:2:14: gap bounds must satisfy 0 <= min <= max <= 10: \"...{0,11}\"\n"
        + "    rule r : won ...{0,11} war\n"
        + "                 ^", e.problems().get(0).render());
  }

  @Test
  void problemsOnContinuationLinesPointAtThatLine() {
    assertProblem("frame victory\nrule r : won the\n    war ...{0,11} over\n",
        "t.fl:3:9: gap bounds must satisfy 0 <= min <= max <= 10: \"...{0,11}\"");
  }

  @Test
  void byteOrderMarkCrlfAndMissingFinalNewlineAreAccepted() {
    Lexicon lexicon = Lexicon.parse("t.fl",
        "\uFEFFlexicon crlf 3\r\nframe victory\r\nrule r : won\r\n  example: The dam town won."
            + "\r\nrule s : triumph~");
    assertEquals("crlf", lexicon.name());
    assertEquals(List.of("r", "s"), lexicon.rules().stream().map(Lexicon.Rule::id).toList());
    assertEquals(List.of("The dam town won."), lexicon.rules().get(0).examples());
    assertEquals(3, lexicon.rules().get(0).line());
    assertEquals(5, lexicon.rules().get(1).line());
  }

  @Test
  void columnsAfterAByteOrderMarkAreNotShifted() {
    assertProblem("\uFEFFfrobnicate\n", "t.fl:1:1: unknown directive (expected one of "
        + "abbreviations, attribution, block, boundary, contest-gate, disable, frame, include, lexicon, "
        + "modifier, not-names, qualifier, rule, set, speaker-words, subset, threshold, who): "
        + "\"frobnicate\"");
  }

  @Test
  void loadOfNullNamesTheArgument() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> Lexicon.load(null));
    assertEquals("file", e.getMessage());
  }
}
