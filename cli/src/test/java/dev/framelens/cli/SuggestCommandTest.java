package dev.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code framelens suggest}, end to end through {@link Main#run}, on a lexicon and a corpus of
 * its own. WordNet is loaded once for the JVM (the first run pays for it).
 */
class SuggestCommandTest {
  /**
   * A set with a lemma and an inflected form: "eradicated" covers the WordNet word "eradicate"
   * (an inflection of it is in the set), "eliminate^" the seed itself.
   */
  private static final String LEXICON = """
      lexicon tiny 0.1
      set @wipe = eliminate^ eradicated
      set @army = brigade militia column garrison
      frame victory
        rule crushed : @wipe (the)? @army
      """;

  /** Three inflections of "annihilate", one derived noun and two of "wipe out". */
  private static final String[] CORPUS = {
      "The brigade annihilated the convoy at dawn.",
      "Nobody expected that a militia annihilates a column in one day.",
      "Annihilating the garrison took a week, and the annihilation was complete.",
      "Spring floods wiped out the bridge, and the rain wipes out the tracks."};

  @TempDir
  static Path dir;

  static Path lexicon;
  static Path jsonl;
  static Path plain;

  @BeforeAll
  static void files() throws IOException {
    lexicon = Files.writeString(dir.resolve("tiny.fl"), LEXICON, StandardCharsets.UTF_8);
    ObjectMapper json = new ObjectMapper();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < CORPUS.length; i++) {
      lines.append(json.createObjectNode().put("id", "s" + i).put("text", CORPUS[i]))
          .append('\n');
    }
    jsonl = Files.writeString(dir.resolve("corpus.jsonl"), lines, StandardCharsets.UTF_8);
    plain = Files.writeString(dir.resolve("corpus.txt"), String.join("\n\n", CORPUS),
        StandardCharsets.UTF_8);
  }

  private static Run suggest(String... args) {
    List<String> all = new ArrayList<>(List.of("suggest", "--no-default-lexicon",
        "--lexicon", lexicon.toString()));
    all.addAll(Arrays.asList(args));
    return Run.of(all.toArray(String[]::new));
  }

  /** The output line (with its continuation lines) that starts with {@code head}. */
  private static String entry(Run run, String head) {
    String[] lines = run.out().split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(head)) {
        StringBuilder s = new StringBuilder(lines[i]);
        for (int j = i + 1; j < lines.length && lines[j].startsWith("      "); j++) {
          s.append(' ').append(lines[j].trim());
        }
        return s.toString();
      }
    }
    throw new AssertionError("no line starting with " + head + "\n" + run);
  }

  @Test
  void aSenseLineListsTheUncoveredWordsWithTheirCounts() {
    Run run = suggest("@wipe", "--corpus", jsonl.toString());
    assertEquals(0, run.code(), run::toString);
    String sense = entry(run, "  [verb] eliminate#3 \"kill in large numbers\": ");
    // Sorted by count: annihilate (3 inflections), wipe out (2), annihilation (1); then the
    // words the corpus does not have.
    assertTrue(sense.startsWith("  [verb] eliminate#3 \"kill in large numbers\": "
        + "annihilate (3), wipe out (phrase, 2), annihilation (derived, 1); unseen: "),
        () -> sense + "\n" + run);
    List<String> words = words(sense);
    assertTrue(words.contains("decimate"), words::toString);
    // Covered: the seed, and "eradicate" through its inflection "eradicated" in the set.
    assertFalse(words.contains("eradicate"), words::toString);
    assertFalse(words.contains("eliminate"), words::toString);
    assertTrue(run.out().contains("already covered left out (--all shows them)"), run::toString);
    assertTrue(run.out().contains("counts: every inflection, in " + jsonl
        + " (4 documents, "), run::toString);
    // Another sense, mixed in on purpose: "eliminate" also means "excrete".
    assertTrue(entry(run, "  [verb] eliminate#5 ").contains("excrete"), run::toString);
    assertEquals("", run.err(), run::toString);
  }

  @Test
  void aPlainTextCorpusCountsLikeTheSameTextInJsonl() {
    Run run = suggest("@wipe", "--corpus", plain.toString(), "--pos", "verb");
    assertEquals(0, run.code(), run::toString);
    assertTrue(entry(run, "  [verb] eliminate#3 ").contains(
        "annihilate (3), wipe out (phrase, 2), annihilation (derived, 1);"), run::toString);
    assertTrue(run.out().contains("counts: every inflection, in " + plain + " (1 document, "),
        run::toString);
  }

  @Test
  void withoutACorpusThereAreNoCountsAndPhrasesAreMarked() {
    Run run = suggest("@wipe", "--pos", "verb");
    assertEquals(0, run.code(), run::toString);
    String sense = entry(run, "  [verb] eliminate#3 ");
    assertTrue(sense.contains("annihilate,"), sense);
    assertTrue(sense.contains("wipe out (phrase)"), sense);
    assertFalse(sense.contains("unseen"), sense);
    assertTrue(run.out().contains("phrases cannot go into a set"), run::toString);
    assertFalse(run.out().contains("[noun]"), run::toString);
  }

  @Test
  void allShowsTheCoveredWordsMarked() {
    Run run = suggest("@wipe", "--pos", "verb", "--all");
    assertEquals(0, run.code(), run::toString);
    assertTrue(entry(run, "  [verb] eliminate#3 ").contains("eradicate (covered)"),
        run::toString);
  }

  @Test
  void jsonHasEveryField() throws IOException {
    Run run = suggest("@wipe", "--corpus", jsonl.toString(), "--format", "json", "--all");
    assertEquals(0, run.code(), run::toString);
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertEquals("@wipe", root.get("owner").asText());
    assertEquals("tiny", root.get("lexicon").get("name").asText());
    assertEquals(4, root.get("corpus").get("documents").asInt());
    JsonNode seed = root.get("seeds").get(0);
    assertEquals("eliminate", seed.get("lemma").asText());
    assertEquals("lemma", seed.get("terms").get(0).get("form").asText());
    assertEquals(2, seed.get("terms").get(0).get("line").asInt());
    JsonNode sense = find(seed.get("senses"), "name", "eliminate#3").orElseThrow();
    assertEquals("verb", sense.get("pos").asText());
    assertEquals(3, sense.get("sense").asInt());
    assertEquals("kill in large numbers", sense.get("definition").asText());
    assertTrue(sense.get("synset").asText().matches("v\\d{8}"), sense::toString);
    assertTrue(sense.get("same_as").isNull(), sense::toString);
    JsonNode candidates = sense.get("candidates");
    JsonNode annihilate = find(candidates, "word", "annihilate").orElseThrow();
    assertEquals("synonym", annihilate.get("relation").asText());
    assertFalse(annihilate.get("phrase").asBoolean());
    assertFalse(annihilate.get("covered").asBoolean());
    assertEquals("annihilate^", annihilate.get("pattern").asText());
    assertEquals(3, annihilate.get("count").asInt());
    JsonNode wipeOut = find(candidates, "word", "wipe out").orElseThrow();
    assertTrue(wipeOut.get("phrase").asBoolean());
    assertEquals("wipe^ out", wipeOut.get("pattern").asText());
    assertEquals(2, wipeOut.get("count").asInt());
    JsonNode eradicate = find(candidates, "word", "eradicate").orElseThrow();
    assertTrue(eradicate.get("covered").asBoolean(), eradicate::toString);
    JsonNode decimate = find(candidates, "word", "decimate").orElseThrow();
    assertEquals(0, decimate.get("count").asInt());
    assertTrue(root.get("totals").get("phrases").asInt() >= 1, root::toString);
  }

  @Test
  void aRuleIdSuggestsForTheSetsItNames() throws IOException {
    Run run = suggest("crushed", "--format", "json", "--pos", "verb");
    assertEquals(0, run.code(), run::toString);
    JsonNode root = new ObjectMapper().readTree(run.out());
    List<String> nested = new ArrayList<>();
    root.get("nested_sets").forEach(n -> nested.add(n.asText()));
    assertEquals(List.of("@wipe", "@army"), nested);
    List<String> lemmas = new ArrayList<>();
    root.get("seeds").forEach(n -> lemmas.add(n.get("lemma").asText()));
    assertTrue(lemmas.contains("eliminate"), lemmas::toString);
    // "the" in the pattern is no seed.
    assertFalse(lemmas.contains("the"), lemmas::toString);
    assertNull(root.get("corpus").textValue());
  }

  @Test
  void anUnknownSetIsAUsageErrorWithTheNearestName() {
    Run run = suggest("@wpie");
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().contains("unknown word set \"@wpie\" in lexicon tiny 0.1 "
        + "(did you mean @wipe?)"), run::toString);
    Run bare = suggest("wipe");
    assertEquals(2, bare.code(), bare::toString);
    assertTrue(bare.err().contains("(did you mean @wipe?)"), bare::toString);
    assertEquals("", run.out(), run::toString);
  }

  @Test
  void aBadCorpusLineIsAUsageErrorNamingFileAndLine() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.jsonl"),
        "{\"text\": \"The brigade held.\"}\n{\"text\": 12}\n", StandardCharsets.UTF_8);
    Run run = suggest("@wipe", "--corpus", bad.toString());
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().contains("cannot read corpus " + bad + ": line 2: \"text\" is not a "
        + "string"), run::toString);
    Run missing = suggest("@wipe", "--corpus", dir.resolve("nowhere.jsonl").toString());
    assertEquals(2, missing.code(), missing::toString);
    assertTrue(missing.err().contains("no such file"), missing::toString);
  }

  @Test
  void minCountNeedsACorpusAndLeavesOutRareWords() {
    Run without = suggest("@wipe", "--min-count", "2");
    assertEquals(2, without.code(), without::toString);
    assertTrue(without.err().contains("--min-count needs --corpus"), without::toString);
    Run run = suggest("@wipe", "--pos", "verb", "--corpus", jsonl.toString(), "--min-count",
        "2");
    assertEquals(0, run.code(), run::toString);
    assertEquals("  [verb] eliminate#3 \"kill in large numbers\": annihilate (3), "
        + "wipe out (phrase, 2)", entry(run, "  [verb] eliminate#3 "), run::toString);
    assertTrue(run.out().contains("below --min-count 2 left out"), run::toString);
  }

  @Test
  void aLexiconErrorIsReportedAsSuch() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.fl"), "set @x = crush^\nrule r : @x\n",
        StandardCharsets.UTF_8);
    Run run = Run.of("suggest", "--no-default-lexicon", "--lexicon", broken.toString(), "@x");
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().contains("the lexicon has errors"), run::toString);
    assertTrue(run.err().contains(broken + ":2:6: rule outside a frame block"), run::toString);
  }

  @Test
  void theDefaultLexiconsSetsWork() {
    Run run = Run.of("suggest", "@destroy", "--pos", "verb", "--senses", "1");
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().startsWith("@destroy in lexicon en-default "), run::toString);
    assertNotNull(entry(run, "  [verb] eliminate#1 "));
  }

  @Test
  void helpHasExamples() {
    Run run = Run.of("suggest", "--help");
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().contains("framelens suggest @destroy --pos verb --corpus"),
        run::toString);
  }

  /** The words of a sense line: "a (3), b (phrase, 2); unseen: c" gives a, b, c. */
  private static List<String> words(String sense) {
    String list = sense.substring(sense.indexOf("\": ") + 3).replace("unseen: ", "");
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int depth = 0;
    for (char c : (list + ",").toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && (c == ',' || c == ';')) {
        if (!word.toString().isBlank()) {
          words.add(word.toString().trim());
        }
        word.setLength(0);
      } else if (depth == 0) {
        word.append(c);
      }
    }
    return words;
  }

  private static Optional<JsonNode> find(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (n.get(field).asText().equals(value)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }
}
