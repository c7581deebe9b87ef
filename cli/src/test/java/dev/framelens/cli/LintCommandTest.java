package dev.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code framelens lint}, end to end through {@link Main#run}. */
class LintCommandTest {
  private static final String CLEAN = """
      lexicon valdoria 0.1
      set @win = victory~ triumph~ win wins won

      frame victory negated defeat
        rule won-word weight 0.8 : @win
          example: The Tarn Brigade won the battle for Port Amsel.

      modifier negation scope before 3 : not | never
        * -> negate
        example: The Tarn Brigade did not win at Port Amsel.
      """;

  /** Seven mistakes, each of a common kind. */
  private static final String BROKEN = """
      lexicon broken 0.1
      set @win = victory~ triumph~ won
      rule early : fled
      frame victory negated defeat
        rule won weight 0.8 : @wins
        rule hundreds-lost : hundreds lost
        rule stem : "the victory"~
        rule weak weight 1.5 : lost
      modifier hedge scope before 3 : perhaps
      victory -> contest
      """;

  @TempDir
  Path dir;

  /** The exit code and what the command printed. */
  record Result(int code, String out, String err) {
    List<String> outLines() {
      return Arrays.asList(out.split("\n", -1));
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new Io(new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false));
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void aCleanFileIsOneOkLineAndExitsZero() throws IOException {
    Path clean = file("clean.fl", CLEAN);
    Result run = run("lint", clean.toString());
    assertEquals(0, run.code(), run::toString);
    assertEquals(clean + ": ok (1 rule, 0 blocks, 1 modifier)\n", run.out(), run::toString);
    assertEquals("", run.err(), run::toString);
  }

  @Test
  void everyErrorIsListedWithPositionLineCaretAndHint() throws IOException {
    Path broken = file("broken.fl", BROKEN);
    Result run = run("lint", broken.toString());
    assertEquals(2, run.code(), run::toString);
    String[] source = BROKEN.split("\n");
    // line, column, start of the message, a words of the hint
    Object[][] expected = {
        {3, 6, "rule outside a frame block", "put 'frame victory'"},
        {5, 25, "unknown set (did you mean @win?): \"@wins\"",
            "define it with 'set @wins = word word~ word*'"},
        {6, 24, "these words are read as a number", "write NUMBER where the figure stands"},
        {7, 28, "'~' must follow a word", "'word~' matches the words with the same stem"},
        {8, 20, "weight must be in (0, 1]: \"1.5\"", "at most 1"},
        {9, 10, "modifier has no effect lines", "indented lines right below the modifier"},
        {10, 1, "unknown directive", "must be indented"},
    };
    List<String> lines = run.outLines();
    String prefix = broken + ":";
    assertEquals(expected.length,
        lines.stream().filter(l -> l.startsWith(prefix) && Character.isDigit(
            l.charAt(prefix.length()))).count(), run::toString);
    assertEachProblemListed(run, broken, source, expected);
    assertTrue(run.out().endsWith(broken + ": 7 errors\n"), run::toString);
  }

  @Test
  void aMisspeltAttributeOnAnIndentedRuleLineIsNamedAsSuch() throws IOException {
    Path file = file("attribute.fl", """
        frame defeat
          rule fled : fled
          rule routed wieght 0.5 : routed
        """);
    Result run = run("lint", file.toString());
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.out().contains(file + ":3:15: unknown rule attribute (expected weight, "
        + "frames, negated, kind, immune or overrides before ':'): \"wieght\""),
        run::toString);
    assertTrue(run.out().contains(file + ": 1 error"), run::toString);
  }

  @Test
  void aMissingFileIsOneLineAndAnError() {
    Path missing = dir.resolve("nowhere.fl");
    Result run = run("lint", missing.toString());
    assertEquals(2, run.code(), run::toString);
    assertEquals(missing + ": cannot read: no such file\n", run.out(), run::toString);
  }

  @Test
  void eachFileIsReportedAndTheSummaryCountsThem() throws IOException {
    Path clean = file("clean.fl", CLEAN);
    Path missing = dir.resolve("nowhere.fl");
    Result run = run("lint", clean.toString(), missing.toString());
    assertEquals(2, run.code(), run::toString);
    assertEquals(clean + ": ok (1 rule, 0 blocks, 1 modifier)\n"
        + missing + ": cannot read: no such file\n"
        + "2 files: 1 clean, 1 with errors (1 error)\n", run.out(), run::toString);
  }

  @Test
  void onDefaultChecksAFileThatUsesTheDefaultSets() throws IOException {
    Path extension = file("harbour.fl", """
        set @place += quay quays
        frame victory
          rule held-quay weight 0.7 : (hold~ | held) (the)? @place
            example: The Tarn Brigade held the quay for a week.
        """);
    Result alone = run("lint", extension.toString());
    assertEquals(2, alone.code(), alone::toString);
    assertTrue(alone.out().contains(extension + ":1:5: cannot extend an unknown set"),
        alone::toString);
    assertTrue(alone.out().contains("lint with --on-default"), alone::toString);

    Result onDefault = run("lint", "--on-default", extension.toString());
    assertEquals(0, onDefault.code(), onDefault::toString);
    assertEquals(extension + ": ok (1 rule, 0 blocks, 0 modifiers)\n", onDefault.out(),
        onDefault::toString);
  }

  /** Lemmas WordNet knows as base forms, in a set and a pattern. */
  private static final String LEMMAS = """
      lexicon lemmas 0.1
      set @hold = stand^ hold^
      frame survival-as-win
        rule held-firm : @hold firm | child^ flee^
      """;

  @Test
  void aFileWhoseLemmasAreBaseFormsIsClean() throws IOException {
    Path clean = file("lemmas.fl", LEMMAS);
    Result run = run("lint", clean.toString());
    assertEquals(0, run.code(), run::toString);
    assertEquals(clean + ": ok (1 rule, 0 blocks, 0 modifiers)\n", run.out(), run::toString);
  }

  @Test
  void anInflectedLemmaIsAnErrorAndAnUnknownOneAWarning() throws IOException {
    String text = """
        set @hold = stand^ stood^
        frame survival-as-win
          rule held-firm : @hold firm | children^ eliminte^
        """;
    Path file = file("inflected.fl", text);
    Result run = run("lint", file.toString());
    assertEquals(2, run.code(), run::toString);
    String[] source = text.split("\n");
    // line, column, message, words of the hint
    Object[][] expected = {
        {1, 20, "an inflected form written as a lemma (write stand^): \"stood^\"",
            "stand^ matches stand, stood, stands, standing"},
        {3, 33, "an inflected form written as a lemma (write child^): \"children^\"",
            "child^ matches child, children"},
        {3, 43, "warning: lemma not in WordNet 3.1 (did you mean eliminate^?): \"eliminte^\"",
            "eliminte^ still matches eliminte, elimintes, eliminted, eliminting"},
    };
    assertEachProblemListed(run, file, source, expected);
    assertTrue(run.out().endsWith(file + ": 2 errors, 1 warning\n"), run::toString);
  }

  @Test
  void warningsAloneKeepTheExitCodeZeroAndShowInTheSummaries() throws IOException {
    Path warned = file("warned.fl", """
        frame victory
          rule won-it : won^ (it | the day) | velmorize^
        """);
    Path clean = file("lemmas.fl", LEMMAS);
    Result run = run("lint", warned.toString(), clean.toString());
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().contains(warned + ":2:17: warning: also a form of win^ (WordNet 3.1 "
        + "has \"won\" as a noun and an adjective): \"won^\""), run::toString);
    assertTrue(run.out().contains("for those write win^ (win, winning, won, wins)"),
        run::toString);
    assertTrue(run.out().contains(warned + ":2:39: warning: lemma not in WordNet 3.1"),
        run::toString);
    assertTrue(run.out().contains(warned + ": ok (1 rule, 0 blocks, 0 modifiers; 2 warnings)\n"),
        run::toString);
    assertTrue(run.out().endsWith("2 files: 2 clean, 0 with errors (0 errors, 2 warnings)\n"),
        run::toString);
  }

  @Test
  void aNounLemmaWhoseVerbFormIsAnotherWordIsAWarning() throws IOException {
    // unit^ makes "united" and "uniting", as every lemma gets noun and verb forms; "united" is a
    // word of its own (a form of unite), so "United routed at home" read as a unit routed.
    Path warned = file("unit.fl", """
        frame victory
          rule unit-routed : unit^ routed | stand^ firm
        """);
    Result run = run("lint", warned.toString());
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().contains(warned + ":2:22: warning: unit^ also matches \"united\", "
        + "\"uniting\": words of their own (WordNet 3.1: forms of unite^): \"unit^\""),
        run::toString);
    assertTrue(run.out().contains("write the forms you mean as plain words (unit units)"),
        run::toString);
    assertTrue(run.out().endsWith(warned + ": ok (1 rule, 0 blocks, 0 modifiers; 1 warning)\n"),
        run::toString);
  }

  @Test
  void onDefaultChecksTheFilesOwnLemmas() throws IOException {
    Path extension = file("fled.fl", """
        set @take += fled^
        """);
    Result run = run("lint", "--on-default", extension.toString());
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.out().startsWith(extension + ":1:14: an inflected form written as a lemma "
        + "(write flee^): \"fled^\""), run::toString);
    assertTrue(run.out().endsWith(extension + ": 1 error\n"), run::toString);
  }

  @Test
  void aFileThatDoesNotLoadGetsNoLemmaCheck() throws IOException {
    Path file = file("both.fl", """
        set @hold = stood^
        rule early : @hold
        """);
    Result run = run("lint", file.toString());
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.out().contains("rule outside a frame block"), run::toString);
    assertFalse(run.out().contains("inflected form"), run::toString);
  }

  /** The lexicon of {@link #CLEAN} with one example and one counter-example that fail. */
  private static final String FAILING_EXAMPLES = """
      lexicon valdoria 0.1
      set @win = victory~ triumph~ win wins won

      frame victory negated defeat
        rule won-word weight 0.8 : @win
          example: The Tarn Brigade won the battle for Port Amsel.
          example: The Tarn Brigade prevailed at Port Amsel.
          counter:   The Tarn Brigade won a cup final in Velmora.

      modifier negation scope before 3 : not | never
        * -> negate
        example: The Tarn Brigade did not win at Port Amsel.
        counter: The Tarn Brigade never won at Port Amsel.
      """;

  /** lint used to say "ok" while a file's own examples failed. */
  @Test
  void failingExamplesAndCounterExamplesAreErrorsWithTheirPositionAndLabels()
      throws IOException {
    Path file = file("failing.fl", FAILING_EXAMPLES);
    Result run = run("lint", file.toString());
    assertEquals(2, run.code(), run::toString);
    String[] source = FAILING_EXAMPLES.split("\n");
    Object[][] expected = {
        {7, 14, "example of rule won-word fails: no kept evidence of it (labels: none): \"The "
            + "Tarn Brigade prevailed at Port Amsel.\"", "framelens analyze"},
        {8, 16, "counter-example of rule won-word fails: it gives kept evidence for victory "
            + "(labels: victory): \"The Tarn Brigade won a cup final in Velmora.\"",
            "framelens analyze"},
        {13, 12, "counter-example of modifier negation fails: it acts on a match (labels: "
            + "defeat): \"The Tarn Brigade never won at Port Amsel.\"", "framelens analyze"},
    };
    assertEachProblemListed(run, file, source, expected);
    assertFalse(run.out().contains(file + ":6:"), run::toString);
    assertFalse(run.out().contains(file + ":12:"), run::toString);
    assertTrue(run.out().endsWith(file + ": 3 errors\n"), run::toString);
  }

  @Test
  void onDefaultRunsTheFilesOwnExamplesOnTheDefaultLexicon() throws IOException {
    Path file = file("harbour.fl", """
        set @place += quay quays
        frame victory
          rule held-quay weight 0.7 : (hold~ | held) (the)? @place
            example: The Tarn Brigade held the quay for a week.
            example: The Tarn Brigade did not hold the quay for long.
        """);
    Result run = run("lint", "--on-default", file.toString());
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.out().startsWith(file + ":5:14: example of rule held-quay fails: no kept "
        + "evidence of it (labels: defeat): \"The Tarn Brigade did not hold the quay for "
        + "long.\"\n"), run::toString);
    assertTrue(run.out().endsWith(file + ": 1 error\n"), run::toString);
  }

  @Test
  void withoutFilesItIsAUsageError() {
    Result run = run("lint");
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().contains("Missing required parameter: 'FILE'"), run::toString);
  }

  @Test
  void helpHasExamples() {
    Result run = run("lint", "--help");
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().contains("framelens lint --on-default my-rules.fl"), run::toString);
  }

  /**
   * Each of {@code expected} ({line, column, message, hint part}) is listed as
   * "FILE:LINE:COLUMN: MESSAGE", then the source line, a caret under the column and a hint.
   */
  private static void assertEachProblemListed(Result run, Object file, String[] source,
      Object[][] expected) {
    List<String> lines = run.outLines();
    for (Object[] e : expected) {
      int line = (int) e[0];
      int column = (int) e[1];
      String head = file + ":" + line + ":" + column + ": " + e[2];
      int at = indexStartingWith(lines, head);
      assertTrue(at >= 0, () -> "no line starting with " + head + "\n" + run);
      assertEquals("    " + source[line - 1], lines.get(at + 1), run::toString);
      assertEquals("    " + " ".repeat(column - 1) + "^", lines.get(at + 2), run::toString);
      assertTrue(lines.get(at + 3).startsWith("    hint: ")
          && lines.get(at + 3).contains((String) e[3]), () -> head + "\n" + run);
    }
  }

  private static int indexStartingWith(List<String> lines, String head) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(head)) {
        return i;
      }
    }
    return -1;
  }
}
