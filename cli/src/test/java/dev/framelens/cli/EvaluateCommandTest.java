package dev.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.framelens.Evaluation;
import dev.framelens.Frame;
import dev.framelens.FrameDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code framelens evaluate}, end to end through {@link Main#run}. */
class EvaluateCommandTest {
  private static final String GOLD = String.join("\n",
      "{\"id\": \"g1\", \"text\": \"The rebels won the battle for the ridge.\", "
          + "\"labels\": [\"victory\"]}",
      "{\"id\": \"g2\", \"text\": \"At least 40 villagers were killed.\", "
          + "\"labels\": [\"casualty-emphasis\"]}",
      "{\"id\": \"g3\", \"text\": \"The council met on Monday.\", \"labels\": []}",
      "{\"id\": \"g4\", \"text\": \"The town held out for a year.\", "
          + "\"labels\": [\"survival-as-win\", \"victory\"]}");

  @TempDir
  Path dir;

  @Test
  void printsTheScoresAndEveryErrorWithItsEvidence() throws IOException {
    Path gold = Files.writeString(dir.resolve("gold.jsonl"), GOLD);
    Run run = Run.of("evaluate", "--gold", gold.toString());
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().startsWith("gold.jsonl: 4 units"), run::toString);
    assertTrue(run.out().contains("victory                1.000     0.500     0.667     1     0"
        + "     1"), run::toString);
    assertTrue(run.out().contains("exact match 0.750"), run::toString);
    assertTrue(run.out().contains("g4  gold [victory, survival-as-win]  predicted "
        + "[survival-as-win]  FN [victory]"), run::toString);
    assertTrue(run.out().contains("+ survival-as-win \"held out\""), run::toString);
  }

  @Test
  void exitsWith1BelowAFloorAndSaysWhich() throws IOException {
    Path gold = Files.writeString(dir.resolve("gold.jsonl"), GOLD);
    Run run = Run.of("evaluate", "--gold", gold.toString(), "--no-errors",
        "--min-macro-f1", "0.95", "--min-label-f1", "0.8");
    assertEquals(1, run.code(), run::toString);
    assertTrue(run.err().contains("gold.jsonl: macro-F1 0.889 is below the floor 0.950"),
        run::toString);
    assertTrue(run.err().contains("gold.jsonl: victory F1 0.667 is below the floor 0.800"),
        run::toString);
    assertEquals(0, Run.of("evaluate", "--gold", gold.toString(), "--min-macro-f1", "0.88")
        .code());
  }

  @Test
  void jsonOutput() throws IOException {
    Path gold = Files.writeString(dir.resolve("gold.jsonl"), GOLD);
    Run run = Run.of("evaluate", "--gold", gold.toString(), "--format", "json");
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertEquals(4, root.get("units").asInt());
    assertEquals(0.5, root.get("labels").get("victory").get("recall").asDouble());
    assertEquals("g4", root.get("errors").get(0).get("id").asText());
    assertEquals("victory", root.get("errors").get(0).get("false_negatives").get(0).asText());
  }

  @Test
  void documentsNamedBySourceAreReadFromTheSourceDirectory() throws IOException {
    Path sources = Files.createDirectory(dir.resolve("texts"));
    Files.writeString(sources.resolve("one.txt"), "The rebels won.\n\nThe town fell silent.");
    Path gold = Files.writeString(dir.resolve("docs.jsonl"),
        "{\"id\": \"d1\", \"source\": \"one.txt\", \"labels\": [\"victory\"]}\n");
    Run run = Run.of("evaluate", "--gold", gold.toString(), "--source-dir", sources.toString(),
        "--min-exact-match", "1.0");
    assertEquals(0, run.code(), run::toString);
    Run without = Run.of("evaluate", "--gold", gold.toString());
    assertEquals(2, without.code(), without::toString);
    assertTrue(without.err().contains(gold + ": no gold units (1 lines could not be used)"),
        without::toString);
    assertTrue(without.err().contains("line 1: no \"text\" field (give --source-dir for "
        + "\"source\")"), without::toString);
  }

  /** A wrong document used to be printed whole; now only its sentences with evidence are. */
  @Test
  void aWrongDocumentShowsTheSentencesWithEvidenceAndTheirOffsets() throws IOException {
    Path sources = Files.createDirectory(dir.resolve("texts"));
    String won = "The rebels won the battle for the ridge.";
    String text = "The council met on Monday.\n\nThe ferry left at noon. " + won
        + " The bakery sold out of bread.\n\nThe market opened late on Friday.";
    Files.writeString(sources.resolve("long.txt"), text);
    Path gold = Files.writeString(dir.resolve("docs.jsonl"),
        "{\"id\": \"d1\", \"source\": \"long.txt\", \"labels\": [\"defeat\"]}\n");
    Run run = Run.of("evaluate", "--gold", gold.toString(), "--source-dir", sources.toString());
    assertEquals(0, run.code(), run::toString);
    int start = text.indexOf(won);
    assertTrue(run.out().contains("d1  gold [defeat]  predicted [victory]  FP [victory]  FN "
        + "[defeat]\n    [" + start + "," + (start + won.length()) + ") " + won
        + "\n      + victory \"won\""), run::toString);
    for (String other : List.of("council", "ferry", "bakery", "market")) {
      assertFalse(run.out().contains(other), () -> other + " is shown:\n" + run);
    }
    JsonNode json = new ObjectMapper().readTree(Run.of("evaluate", "--gold", gold.toString(),
        "--source-dir", sources.toString(), "--format", "json").out());
    JsonNode sentences = json.get("errors").get(0).get("sentences");
    assertEquals(1, sentences.size(), json::toString);
    assertEquals(start, sentences.get(0).get("start").asInt());
    assertEquals(start + won.length(), sentences.get(0).get("end").asInt());
    assertEquals(won, sentences.get(0).get("text").asText());
  }

  @Test
  void badGoldLinesAreReportedWithTheirLineNumbers() throws IOException {
    Path gold = Files.writeString(dir.resolve("gold.jsonl"), GOLD
        + "\n{\"id\": \"g5\", \"text\": \"x\", \"labels\": [\"triumph\"]}\n{\"id\": \"g6\"");
    Run run = Run.of("evaluate", "--gold", gold.toString());
    assertEquals(3, run.code(), run::toString);
    assertTrue(run.err().contains("line 5: unknown frame id 'triumph'"), run::toString);
    assertTrue(run.err().contains("line 6: not valid JSON"), run::toString);
    assertTrue(run.out().startsWith("gold.jsonl: 4 units"), run::toString);
  }

  @Test
  void aMissingGoldFileOrOptionExits2() {
    Run missing = Run.of("evaluate", "--gold", dir.resolve("none.jsonl").toString());
    assertEquals(2, missing.code(), missing::toString);
    assertTrue(missing.err().contains("cannot read"), missing::toString);
    Run noGold = Run.of("evaluate");
    assertEquals(2, noGold.code(), noGold::toString);
    assertTrue(noGold.err().contains("Missing required option: '--gold=FILE'"),
        noGold::toString);
  }

  // --- nothing to score ---------------------------------------------------------------------

  /** An empty gold file used to score 1.000 everywhere and pass every floor. */
  @Test
  void anEmptyGoldFileIsAnErrorNamingTheFile() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
    Run run = Run.of("evaluate", "--gold", empty.toString(), "--min-macro-f1", "0.9");
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().contains("framelens evaluate: " + empty + ": no gold units (the file "
        + "is empty)"), run::toString);
    assertEquals("", run.out(), run::toString);

    Path blank = Files.writeString(dir.resolve("blank.jsonl"), "\n  \n");
    Run blankRun = Run.of("evaluate", "--gold", blank.toString());
    assertEquals(2, blankRun.code(), blankRun::toString);
    assertTrue(blankRun.err().contains(blank + ": no gold units"), blankRun::toString);

    Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"id\": \"b1\"\nnot json\n");
    Run badRun = Run.of("evaluate", "--gold", bad.toString());
    assertEquals(2, badRun.code(), badRun::toString);
    assertTrue(badRun.err().contains("bad.jsonl: line 2: not valid JSON"), badRun::toString);
    assertTrue(badRun.err().contains(bad + ": no gold units (2 lines could not be used)"),
        badRun::toString);
  }

  @Test
  void anEmptySecondGoldFileFailsBeforeAnyOutput() throws IOException {
    Path good = Files.writeString(dir.resolve("good.jsonl"), ALL_RIGHT);
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
    Run run = Run.of("evaluate", "--gold", good.toString(), "--gold", empty.toString());
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().contains(empty + ": no gold units"), run::toString);
    assertEquals("", run.out(), run::toString);
  }

  /**
   * Defeat has no gold unit and no prediction in these units: it is undefined, left out of
   * macro-F1 (it used to count as 1.000), the report says so, and a floor on it fails.
   */
  @Test
  void aLabelWithNoGoldUnitAndNoPredictionIsUndefined() throws IOException {
    Path gold = Files.writeString(dir.resolve("gold.jsonl"), ALL_RIGHT);
    Run run = Run.of("evaluate", "--gold", gold.toString(), "--min-macro-f1", "1.0");
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().contains("\n  defeat                     -         - undefined     0"
        + "     0     0\n"), run::toString);
    assertTrue(run.out().contains("\n  undefined: defeat, survival-as-win (no gold unit and no "
        + "prediction; left out of macro-F1)\n"), run::toString);

    Run floor = Run.of("evaluate", "--gold", gold.toString(), "--no-errors",
        "--min-label-f1", "0.8");
    assertEquals(1, floor.code(), floor::toString);
    assertTrue(floor.err().contains("gold.jsonl: defeat F1 is undefined (no gold unit and no "
        + "prediction), so it cannot meet the floor 0.800"), floor::toString);
    assertTrue(floor.err().contains("gold.jsonl: survival-as-win F1 is undefined"),
        floor::toString);
    assertFalse(floor.err().contains("victory"), floor::toString);

    JsonNode json = new ObjectMapper().readTree(Run.of("evaluate", "--gold", gold.toString(),
        "--format", "json").out());
    JsonNode defeat = json.get("labels").get("defeat");
    assertFalse(defeat.get("defined").asBoolean(), defeat::toString);
    assertTrue(defeat.get("f1").isNull() && defeat.get("precision").isNull()
        && defeat.get("recall").isNull(), defeat::toString);
    assertTrue(json.get("labels").get("victory").get("defined").asBoolean(), json::toString);
    assertEquals(1.0, json.get("macro_f1").asDouble(), json::toString);
  }

  @Test
  void anUndefinedMacroF1FailsItsFloor() throws IOException {
    Path gold = Files.writeString(dir.resolve("quiet.jsonl"),
        "{\"id\": \"q1\", \"text\": \"The council met on Monday.\", \"labels\": []}\n");
    Run run = Run.of("evaluate", "--gold", gold.toString(), "--min-macro-f1", "0.5");
    assertEquals(1, run.code(), run::toString);
    assertTrue(run.out().contains("macro-F1 undefined   micro-F1 undefined   exact match 1.000"),
        run::toString);
    assertTrue(run.err().contains("quiet.jsonl: macro-F1 is undefined (no label has a gold "
        + "unit or a prediction), so it cannot meet the floor 0.500"), run::toString);
    JsonNode json = new ObjectMapper().readTree(Run.of("evaluate", "--gold", gold.toString(),
        "--format", "json").out());
    assertTrue(json.get("macro_f1").isNull(), json::toString);
    assertTrue(json.get("micro_f1").isNull(), json::toString);
  }

  // --- several gold files ----------------------------------------------------------------------

  /** The first three lines of GOLD, which the default lexicon gets all right. */
  private static final String ALL_RIGHT = GOLD.substring(0, GOLD.lastIndexOf('\n'));

  @Test
  void oneGoldFileGivesExactlyTheReportOfEvaluation() throws IOException {
    Path gold = Files.writeString(dir.resolve("gold.jsonl"), GOLD);
    List<Evaluation.Unit> units = List.of(
        new Evaluation.Unit("g1", "The rebels won the battle for the ridge.",
            Set.of(Frame.VICTORY)),
        new Evaluation.Unit("g2", "At least 40 villagers were killed.",
            Set.of(Frame.CASUALTY_EMPHASIS)),
        new Evaluation.Unit("g3", "The council met on Monday.", Set.of()),
        new Evaluation.Unit("g4", "The town held out for a year.",
            Set.of(Frame.SURVIVAL_AS_WIN, Frame.VICTORY)));
    Evaluation expected = Evaluation.run("gold.jsonl", FrameDetector.withDefaultLexicon(),
        units);
    assertEquals(expected.report(true), Run.of("evaluate", "--gold", gold.toString()).out());
    assertEquals(expected.report(false),
        Run.of("evaluate", "--gold", gold.toString(), "--no-errors").out());
  }

  @Test
  void eachGoldFileGetsItsOwnTableInTheOrderGiven() throws IOException {
    Path first = Files.writeString(dir.resolve("first.jsonl"), GOLD);
    Path second = Files.writeString(dir.resolve("second.jsonl"), ALL_RIGHT);
    Run run = Run.of("evaluate", "--gold", second.toString(), "--gold", first.toString(),
        "--no-errors");
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().startsWith("second.jsonl: 3 units\n"), run::toString);
    int firstAt = run.out().indexOf("\n\nfirst.jsonl: 4 units\n");
    assertTrue(firstAt > 0, run::toString);
    assertTrue(run.out().substring(0, firstAt).contains("exact match 1.000"), run::toString);
    assertTrue(run.out().substring(firstAt).contains("exact match 0.750"), run::toString);
  }

  @Test
  void exitsWith1WhenOnlyOneOfTheFilesIsBelowAFloor() throws IOException {
    Path good = Files.writeString(dir.resolve("good.jsonl"), ALL_RIGHT);
    Path bad = Files.writeString(dir.resolve("bad.jsonl"), GOLD);
    Run run = Run.of("evaluate", "--gold", good.toString(), "--gold", bad.toString(),
        "--no-errors", "--min-macro-f1", "0.95");
    assertEquals(1, run.code(), run::toString);
    assertTrue(run.err().contains("bad.jsonl: macro-F1 0.889 is below the floor 0.950"),
        run::toString);
    assertFalse(run.err().contains("good.jsonl"), run::toString);
    assertEquals(0, Run.of("evaluate", "--gold", good.toString(), "--gold", good.toString(),
        "--min-macro-f1", "0.95").code());
  }

  @Test
  void severalFilesInJsonAreAListOfTheOneFileObjects() throws IOException {
    Path good = Files.writeString(dir.resolve("good.jsonl"), ALL_RIGHT);
    Path bad = Files.writeString(dir.resolve("bad.jsonl"), GOLD);
    Run run = Run.of("evaluate", "--gold", good.toString(), "--gold", bad.toString(),
        "--format", "json");
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertEquals(2, root.get("files").size());
    JsonNode second = root.get("files").get(1);
    assertEquals("bad.jsonl", second.get("name").asText());
    assertEquals(new ObjectMapper().readTree(Run.of("evaluate", "--gold", bad.toString(),
        "--format", "json").out()), second);
    assertEquals(1.0, root.get("files").get(0).get("exact_match").asDouble());
    assertFalse(root.has("rules"), run::toString);
  }

  @Test
  void badLinesAreReportedWithTheFileTheyAreIn() throws IOException {
    Path good = Files.writeString(dir.resolve("good.jsonl"), ALL_RIGHT);
    Path bad = Files.writeString(dir.resolve("bad.jsonl"), ALL_RIGHT
        + "\n{\"id\": \"g9\", \"text\": \"x\", \"labels\": [\"triumph\"]}\n");
    Run run = Run.of("evaluate", "--gold", good.toString(), "--gold", bad.toString());
    assertEquals(3, run.code(), run::toString);
    assertTrue(run.err().contains("bad.jsonl: line 4: unknown frame id 'triumph'"),
        run::toString);
    assertTrue(run.err().contains("bad.jsonl: 1 gold lines could not be used"), run::toString);
    assertTrue(run.out().contains("\n\nbad.jsonl: 3 units\n"), run::toString);
  }

  @Test
  void filesThatShareANameAreNamedByTheirPaths() {
    assertEquals(List.of("a/gold.jsonl", "b/gold.jsonl", "dev.jsonl", "stdin"),
        EvaluateCommand.names(List.of("a/gold.jsonl", "b/gold.jsonl", "x/dev.jsonl", "-")));
  }

  @Test
  void standardInputCanBeOneGoldFileOnly() throws IOException {
    Run run = Run.withInput(ALL_RIGHT, "evaluate", "--gold", "-", "--gold", "-");
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().contains("standard input ('-') can be given as --gold only once"),
        run::toString);
    Path good = Files.writeString(dir.resolve("good.jsonl"), ALL_RIGHT);
    Run mixed = Run.withInput(GOLD, "evaluate", "--gold", good.toString(), "--gold", "-",
        "--no-errors");
    assertEquals(0, mixed.code(), mixed::toString);
    assertTrue(mixed.out().contains("\n\nstdin: 4 units\n"), mixed::toString);
  }

  @Test
  void aMissingSecondGoldFileFailsBeforeAnyOutput() throws IOException {
    Path good = Files.writeString(dir.resolve("good.jsonl"), ALL_RIGHT);
    Run run = Run.of("evaluate", "--gold", good.toString(), "--gold",
        dir.resolve("none.jsonl").toString());
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().contains("cannot read " + dir.resolve("none.jsonl") + ": no such file"),
        run::toString);
    assertEquals("", run.out(), run::toString);
  }

  @Test
  void helpShowsAnExampleOfEveryNewOption() {
    Run run = Run.of("evaluate", "--help");
    assertEquals(0, run.code(), run::toString);
    String examples = run.out().substring(run.out().indexOf("Examples:"));
    assertTrue(examples.contains("--gold wars.jsonl --gold politics.jsonl --min-macro-f1 0.9"),
        examples);
    for (String option : List.of("--rules --no-errors", "--rules --format json",
        "--documents --no-errors", "--documents --min-document-exact-match 0.8")) {
      assertTrue(examples.contains(option), option + " has no example in\n" + examples);
    }
  }

  @Test
  void aGoldLineThatIsNotUtf8GivesItsByteOffsetAndNoOptionEvaluateLacks() throws IOException {
    Path gold = dir.resolve("latin1.jsonl");
    Files.write(gold, ("{\"id\": \"l1\", \"text\": \"The caf\u00e9 fell.\", \"labels\": "
        + "[\"defeat\"]}\n{\"id\": \"l2\", \"text\": \"The rebels won.\", \"labels\": "
        + "[\"victory\"]}\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Run run = Run.of("evaluate", "--gold", gold.toString());
    assertTrue(run.err().contains("line 1: not valid UTF-8 at byte offset 29 of the line (byte "
        + "offset 29 of the file)"), run::toString);
    assertFalse(run.err().contains("--encoding"), "evaluate has no --encoding: " + run);
  }
}
