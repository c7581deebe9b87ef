package dev.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.framelens.Evaluation;
import dev.framelens.Frame;
import dev.framelens.FrameDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code framelens evaluate --documents}: how units become documents, and their scores. */
class DocumentAssemblyTest {
  /**
   * Two units of source "a" in reverse id order, one of source "b" whose victory the default
   * lexicon misses, one unit without a source.
   */
  private static final String GOLD = String.join("\n",
      "{\"id\": \"a-2\", \"text\": \"At least 40 villagers were killed.\", "
          + "\"labels\": [\"casualty-emphasis\"], \"source\": \"a\"}",
      "{\"id\": \"c-1\", \"text\": \"The council met on Monday.\", \"labels\": []}",
      "{\"id\": \"a-1\", \"text\": \"The rebels won the battle for the ridge.\", "
          + "\"labels\": [\"victory\"], \"source\": \"a\"}",
      "{\"id\": \"b-1\", \"text\": \"The town held out for a year.\", "
          + "\"labels\": [\"survival-as-win\", \"victory\"], \"source\": \"b\"}");

  @TempDir
  Path dir;

  private static GoldFile.GoldUnit unit(String id, String text, String source, Frame... gold) {
    return new GoldFile.GoldUnit(new Evaluation.Unit(id, text, Set.of(gold)), source);
  }

  @Test
  void unitsOfASourceAreJoinedInIdOrderByABlankLineWithTheUnionOfTheirLabels() {
    List<DocumentAssembly.Document> docs = DocumentAssembly.assemble(List.of(
        unit("p-10", "Ten.", "x"),
        unit("q-1", "Alone.", null, Frame.DEFEAT),
        unit("p-2", "Two.", "x", Frame.VICTORY),
        unit("r-1", "Other.", "y"),
        unit("p-1", "One.", "x", Frame.CASUALTY_EMPHASIS)));
    assertEquals(3, docs.size());
    DocumentAssembly.Document x = docs.get(0);
    assertEquals("x", x.unit().id());
    assertEquals("x", x.source());
    assertEquals(List.of("p-1", "p-2", "p-10"), x.unitIds());
    assertEquals("One.\n\nTwo.\n\nTen.", x.unit().text());
    assertEquals(Set.of(Frame.VICTORY, Frame.CASUALTY_EMPHASIS), x.unit().gold());
    DocumentAssembly.Document alone = docs.get(1);
    assertEquals("q-1", alone.unit().id());
    assertNull(alone.source());
    assertEquals("Alone.", alone.unit().text());
    assertEquals(Set.of(Frame.DEFEAT), alone.unit().gold());
    assertEquals(List.of("r-1"), docs.get(2).unitIds());
  }

  @Test
  void idOrderComparesNumbersByTheirValue() {
    List<String> ids = new ArrayList<>(List.of("u10", "u2", "s-012", "s-7", "u1b", "u1a", "t",
        "s-07"));
    ids.sort(DocumentAssembly.ID_ORDER);
    assertEquals(List.of("s-07", "s-7", "s-012", "t", "u1a", "u1b", "u2", "u10"), ids);
  }

  @Test
  void noUnitRunsIntoTheNextEvenWithoutAFullStop() {
    List<DocumentAssembly.Document> docs = DocumentAssembly.assemble(List.of(
        unit("h1", "Rebels in Velmora lose the ridge", "x"),
        unit("h2", "the port of Amsel stays quiet", "x")));
    assertEquals(2, FrameDetector.withDefaultLexicon().analyze(docs.get(0).unit().text())
        .sentences().size());
  }

  @Test
  void documentScoresFollowTheSentenceTableAndPrecedeTheWrongUnits() throws IOException {
    Path gold = Files.writeString(dir.resolve("gold.jsonl"), GOLD);
    Run run = Run.of("evaluate", "--gold", gold.toString(), "--documents");
    assertEquals(0, run.code(), run::toString);
    String out = run.out();
    int table = out.indexOf("exact match 0.750");
    int docs = out.indexOf("gold.jsonl documents: 3 documents from 4 units");
    int docsExact = out.indexOf("exact match 0.667");
    int wrongUnit = out.indexOf("\n  b-1  gold ");
    assertTrue(table > 0 && docs > table && docsExact > docs && wrongUnit > docsExact,
        run::toString);
    assertTrue(out.contains("  wrong documents (1):\n    b-1  gold [victory, survival-as-win]"
        + "  predicted [survival-as-win]  FN [victory]  (source b)\n"), run::toString);
    assertTrue(out.startsWith(Run.of("evaluate", "--gold", gold.toString(), "--no-errors")
        .out()), run::toString);
  }

  @Test
  void documentsInJson() throws IOException {
    Path gold = Files.writeString(dir.resolve("gold.jsonl"), GOLD);
    Run run = Run.of("evaluate", "--gold", gold.toString(), "--documents", "--format", "json");
    JsonNode documents = new ObjectMapper().readTree(run.out()).get("documents");
    assertEquals(3, documents.get("documents").asInt());
    assertEquals(4, documents.get("units").asInt());
    assertEquals(0.6667, documents.get("exact_match").asDouble());
    assertEquals(0.5, documents.get("labels").get("victory").get("recall").asDouble());
    JsonNode a = documents.get("list").get(0);
    assertEquals("a", a.get("id").asText());
    assertEquals("[\"a-1\",\"a-2\"]", a.get("units").toString());
    assertEquals("[\"victory\",\"casualty-emphasis\"]", a.get("gold").toString());
    assertTrue(a.get("exact").asBoolean());
    JsonNode lone = documents.get("list").get(1);
    assertEquals("c-1", lone.get("id").asText());
    assertTrue(lone.get("source").isNull());
    JsonNode b = documents.get("list").get(2);
    assertEquals("[\"survival-as-win\"]", b.get("predicted").toString());
    assertEquals(false, b.get("exact").asBoolean());
  }

  @Test
  void aDocumentExactMatchFloorImpliesDocumentsAndSetsTheExitCode() throws IOException {
    Path gold = Files.writeString(dir.resolve("gold.jsonl"), GOLD);
    Run below = Run.of("evaluate", "--gold", gold.toString(), "--no-errors",
        "--min-document-exact-match", "0.9");
    assertEquals(1, below.code(), below::toString);
    assertTrue(below.err().contains(
        "gold.jsonl: document exact-match rate 0.667 is below the floor 0.900"), below::toString);
    assertTrue(below.out().contains("gold.jsonl documents: 3 documents"), below::toString);
    Run above = Run.of("evaluate", "--gold", gold.toString(), "--no-errors",
        "--min-document-exact-match", "0.6", "--min-exact-match", "0.75");
    assertEquals(0, above.code(), above::toString);
    Run bad = Run.of("evaluate", "--gold", gold.toString(), "--min-document-exact-match", "2");
    assertEquals(2, bad.code(), bad::toString);
  }
}
