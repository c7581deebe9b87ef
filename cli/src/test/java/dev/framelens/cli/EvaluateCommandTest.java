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
    assertTrue(run.err().contains("gold.jsonl: macro-F1 0.917 is below the floor 0.950"),
        run::toString);
    assertTrue(run.err().contains("gold.jsonl: victory F1 0.667 is below the floor 0.800"),
        run::toString);
    assertEquals(0, Run.of("evaluate", "--gold", gold.toString(), "--min-macro-f1", "0.9")
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
    assertEquals(3, without.code(), without::toString);
    assertTrue(without.err().contains("line 1: no \"text\" field (give --source-dir for "
        + "\"source\")"), without::toString);
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
        "--no-errors", "--min-label-f1", "0.8");
    assertEquals(1, run.code(), run::toString);
    assertTrue(run.err().contains("bad.jsonl: victory F1 0.667 is below the floor 0.800"),
        run::toString);
    assertFalse(run.err().contains("good.jsonl"), run::toString);
    assertEquals(0, Run.of("evaluate", "--gold", good.toString(), "--gold", good.toString(),
        "--min-label-f1", "0.8").code());
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
