package dev.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
