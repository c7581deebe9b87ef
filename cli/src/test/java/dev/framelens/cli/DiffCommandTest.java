package dev.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code framelens diff}, end to end through {@link Main#run}. */
class DiffCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The old version: one victory rule, one casualty rule. */
  private static final String OLD = """
      lexicon diff-old 1
      frame victory negated defeat
        rule won-battle weight 0.8 : won (the)? battle
      frame casualty-emphasis negated none
        rule villagers-killed weight 0.9 : villagers were killed
      """;

  /**
   * The new version: the victory rule takes every form of "win", a retreat is a defeat, a
   * negation turns a victory into a defeat, a contest of bands is no battle, and the casualty
   * rule is gone.
   */
  private static final String NEW = """
      lexicon diff-new 2
      set @win = win wins won
      frame victory negated defeat
        rule won-battle weight 0.8 : @win (the)? battle
      frame defeat negated none
        rule retreated weight 0.7 : retreat~
      block battle-of-bands : battle of the bands
      modifier negation scope before 3 : not
        * -> negate
      """;

  private static final String CORPUS = """
      {"id": "a1", "text": "The Tarn Brigade won the battle for Port Amsel."}
      {"id": "a2", "text": "The Orlen Guard wins the battle at Velmora every spring."}
      {"id": "a3", "text": "Three villagers were killed near the Karsk bridge."}

      {"id": "a4", "text": "The garrison retreated from the Drennic hills."}
      {"id": "a5", "text": "The brigade did not win the battle for the quay."}
      {"id": "a6", "text": "The ferry to Port Amsel runs twice a day."}
      {"id": "a7", "text": "The Velmora choir won the battle of the bands."}
      """;

  @TempDir
  Path dir;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static LintCommandTest.Result run(String... args) {
    return LintCommandTest.run(args);
  }

  private static List<JsonNode> lines(String out) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        nodes.add(JSON.readTree(line));
      }
    }
    return nodes;
  }

  private String[] standalone(String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("diff", "--quiet", "--no-default-lexicon",
        "--lexicon", file("new.fl", NEW).toString(),
        "--against", file("old.fl", OLD).toString()));
    args.addAll(List.of(more));
    args.add(file("corpus.jsonl", CORPUS).toString());
    return args.toArray(String[]::new);
  }

  @Test
  void encodingReadsACorpusInAnotherEncoding() throws IOException {
    Path corpus = Files.write(dir.resolve("latin1.jsonl"), ("{\"id\": \"c1\", \"text\": "
        + "\"The Tarn Brigade won the battle at the caf\u00e9.\"}\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    List<String> args = new ArrayList<>(List.of(standalone("--format", "jsonl")));
    args.set(args.size() - 1, corpus.toString());
    LintCommandTest.Result strict = run(args.toArray(String[]::new));
    assertEquals(3, strict.code(), strict::toString);
    assertTrue(strict.err().contains("line 1: not valid UTF-8 at byte offset"), strict::toString);
    args.add(1, "--encoding");
    args.add(2, "ISO-8859-1");
    LintCommandTest.Result latin = run(args.toArray(String[]::new));
    assertEquals(0, latin.code(), latin::toString);
    assertEquals("", latin.err(), latin::toString);
    assertTrue(lines(latin.out()).get(0).has("summary"), latin::toString);
  }

  @Test
  void aCorpusThatIsNotJsonlIsSummarisedAfterTwentyBadLines() throws IOException {
    Path notes = file("notes.jsonl", "[\n" + "  {\"id\": 1, \"text\": \"The ferry left.\"},\n"
        .repeat(30) + "]\n");
    List<String> args = new ArrayList<>(List.of(standalone("--format", "jsonl")));
    args.set(args.size() - 1, notes.toString());
    LintCommandTest.Result run = run(args.toArray(String[]::new));
    assertEquals(3, run.code(), run::toString);
    assertEquals(20, run.err().lines().filter(l -> l.startsWith("framelens diff: line "))
        .count(), run::toString);
    assertTrue(run.err().contains("framelens diff: 12 more lines like these followed (lines "
        + "21 to 32)\nframelens diff: " + notes + " looks like a JSON array, not JSONL (one "
        + "JSON object a line)\n"), run::toString);
    assertTrue(run.err().contains("32 of 32 corpus lines could not be used"), run::toString);
  }

  @Test
  void aReportThatWouldOverwriteTheCorpusOrALexiconIsRefused() throws IOException {
    String[] args = standalone();
    String corpus = args[args.length - 1];
    String before = Files.readString(Path.of(corpus));
    for (String output : List.of(corpus, dir.resolve("old.fl").toString())) {
      List<String> all = new ArrayList<>(List.of(args));
      all.addAll(1, List.of("--output", output));
      LintCommandTest.Result run = run(all.toArray(String[]::new));
      assertEquals(2, run.code(), run::toString);
      assertTrue(run.err().startsWith("framelens diff: the output " + output + " is an input"),
          run::toString);
    }
    assertEquals(before, Files.readString(Path.of(corpus)));
    assertEquals(OLD, Files.readString(dir.resolve("old.fl")));
  }

  @Test
  void jsonlListsExactlyTheChangedRecordsWithEvidenceOnBothSidesAndASummary()
      throws IOException {
    LintCommandTest.Result run = run(standalone("--format", "jsonl", "--threads", "3"));
    assertEquals(0, run.code(), run::toString);
    assertEquals("", run.err(), run::toString);
    List<JsonNode> out = lines(run.out());
    assertEquals(6, out.size(), run::toString);

    List<String> ids = out.subList(0, 5).stream().map(n -> n.get("id").asText()).toList();
    assertEquals(List.of("a2", "a3", "a4", "a5", "a7"), ids, run::toString);

    JsonNode a2 = out.get(0);
    assertEquals(2, a2.get("line").asInt());
    assertEquals("[]", a2.get("old_labels").toString());
    assertEquals("[\"victory\"]", a2.get("new_labels").toString());
    assertEquals("[\"victory\"]", a2.get("gained").toString());
    assertEquals("[]", a2.get("lost").toString());
    JsonNode change = a2.get("changes").get(0);
    assertEquals("victory", change.get("frame").asText());
    assertEquals("gained", change.get("change").asText());
    assertEquals(0.0, change.get("old_score").asDouble());
    assertEquals(0.8, change.get("new_score").asDouble());
    assertEquals(0, change.get("old_evidence").size());
    JsonNode evidence = change.get("new_evidence").get(0);
    assertEquals("won-battle", evidence.get("rule").asText());
    assertEquals("wins the battle", evidence.get("text").asText());

    JsonNode a3 = out.get(1).get("changes").get(0);
    assertEquals("casualty-emphasis", a3.get("frame").asText());
    assertEquals("lost", a3.get("change").asText());
    assertEquals("villagers-killed", a3.get("old_evidence").get(0).get("rule").asText());
    assertEquals("villagers were killed", a3.get("old_evidence").get(0).get("text").asText());
    assertEquals(0, a3.get("new_evidence").size());

    // Line 4 is blank: the record after it is line 5.
    assertEquals(5, out.get(2).get("line").asInt());
    assertEquals("retreated",
        out.get(2).get("changes").get(0).get("new_evidence").get(0).get("rule").asText());

    JsonNode a5 = out.get(3).get("changes").get(0).get("new_evidence").get(0);
    assertEquals("defeat", a5.get("frame").asText());
    assertEquals("victory", a5.get("matched_frame").asText());
    assertEquals("negated", a5.get("polarity").asText());
    assertEquals("win the battle", a5.get("text").asText());
    assertEquals("negation", a5.get("modifiers").get(0).get("rule").asText());
    assertEquals("not", a5.get("modifiers").get(0).get("text").asText());

    JsonNode a7 = out.get(4).get("changes").get(0);
    assertEquals("lost", a7.get("change").asText());
    assertFalse(a7.get("old_evidence").get(0).get("suppressed").asBoolean());
    JsonNode cancelled = a7.get("new_evidence").get(0);
    assertTrue(cancelled.get("suppressed").asBoolean());
    assertEquals("won-battle", cancelled.get("rule").asText());
    assertEquals("battle-of-bands", cancelled.get("modifiers").get(0).get("rule").asText());

    JsonNode summary = out.get(5).get("summary");
    assertEquals(7, summary.get("records").asInt());
    assertEquals(5, summary.get("changed").asInt());
    assertEquals(0, summary.get("failed").asInt());
    assertEquals("{\"victory\":{\"gained\":1,\"lost\":1},\"defeat\":{\"gained\":2,\"lost\":0},"
        + "\"survival-as-win\":{\"gained\":0,\"lost\":0},"
        + "\"casualty-emphasis\":{\"gained\":0,\"lost\":1}}", summary.get("labels").toString());
  }

  @Test
  void textShowsEachChangedRecordWithTheEvidenceOfBothSidesAndASummaryTable()
      throws IOException {
    LintCommandTest.Result run = run(standalone("--threads", "1"));
    assertEquals(0, run.code(), run::toString);
    String out = run.out();
    assertTrue(out.startsWith("old: " + dir.resolve("old.fl") + "\nnew: "
        + dir.resolve("new.fl") + "\n\n"), run::toString);
    assertTrue(out.contains("""
        == a3 (line 3)
           old: casualty-emphasis
           new: (none)
           - casualty-emphasis  (score 0.90 -> 0.00)
               old  villagers-killed «villagers were killed» [6,27) casualty-emphasis, \
        asserted, weight 0.90
               new  (no evidence for casualty-emphasis)
        """), run::toString);
    assertTrue(out.contains("""
        == a5 (line 6)
           old: (none)
           new: defeat
           + defeat  (score 0.00 -> 0.80)
               old  (no evidence for defeat)
               new  won-battle «win the battle» [20,34) defeat (matched victory), negated, \
        weight 0.80, by negation "not" negate
        """), run::toString);
    assertTrue(out.contains("""
        == a7 (line 8)
           old: victory
           new: (none)
           - victory  (score 0.80 -> 0.00)
               old  won-battle «won the battle» [18,32) victory, asserted, weight 0.80
               new  won-battle «won the battle» [18,32) victory, asserted, weight 0.80, \
        SUPPRESSED, by battle-of-bands "battle of the bands" block
        """), run::toString);
    for (String unchanged : List.of("== a1 ", "== a6 ")) {
      assertFalse(out.contains(unchanged), run::toString);
    }
    assertTrue(out.endsWith("""
        7 records, 5 changed, 0 could not be used
          label                gained     lost
          victory                   1        1
          defeat                    2        0
          survival-as-win           0        0
          casualty-emphasis         0        1
        """), run::toString);
  }

  @Test
  void againstFileIsOnTopOfTheDefaultLexiconLikeLexicon() throws IOException {
    Path v1 = file("v1.fl", """
        frame victory
          rule zorbled weight 0.9 : zorbled
        """);
    Path v2 = file("v2.fl", """
        frame victory
          rule zorbled weight 0.9 : zorbled | zarbled
        """);
    Path corpus = file("zorble.jsonl", """
        {"id": "z1", "text": "The Tarn Brigade zorbled the Orlen Guard at dawn."}
        {"id": "z2", "text": "The Tarn Brigade zarbled the Orlen Guard at dusk."}
        {"id": "z3", "text": "The Tarn Brigade claimed victory at Port Amsel."}
        """);
    LintCommandTest.Result run = run("diff", "-q", "--format", "jsonl", "--lexicon",
        v2.toString(), "--against", v1.toString(), corpus.toString());
    assertEquals(0, run.code(), run::toString);
    List<JsonNode> out = lines(run.out());
    // z3 is a victory for the default rules on both sides; only z2 changed.
    assertEquals(2, out.size(), run::toString);
    assertEquals("z2", out.get(0).get("id").asText());
    assertEquals("[\"victory\"]", out.get(0).get("gained").toString());
    JsonNode summary = out.get(1).get("summary");
    assertEquals("default lexicon + " + v1, summary.get("old").asText());
    assertEquals("default lexicon + " + v2, summary.get("new").asText());
    assertEquals(1, summary.get("labels").get("victory").get("gained").asInt());
  }

  @Test
  void againstDefaultComparesWithTheBundledLexiconAlone() throws IOException {
    Path zorble = file("zorble.fl", """
        frame victory
          rule zorbled weight 0.9 : zorbled
        """);
    Path corpus = file("zorble.jsonl", """
        {"id": "z1", "text": "The Tarn Brigade zorbled the Orlen Guard at dawn."}
        {"id": "z3", "text": "The Tarn Brigade claimed victory at Port Amsel."}
        {"id": "z4", "text": "The ferry to Port Amsel runs twice a day."}
        """);
    LintCommandTest.Result run = run("diff", "-q", "--lexicon", zorble.toString(),
        "--against-default", corpus.toString());
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().startsWith("old: default lexicon\nnew: default lexicon + " + zorble
        + "\n\n== z1 (line 1)\n   old: (none)\n   new: victory\n"
        + "   + victory  (score 0.00 -> 0.90)\n"
        + "       old  (no evidence for victory)\n"
        + "       new  zorbled «zorbled» [17,24) victory, asserted, weight 0.90\n\n"
        + "3 records, 1 changed, 0 could not be used\n"), run::toString);
  }

  @Test
  void malformedLinesAreReportedWithTheirLineNumberAndExitWith3() throws IOException {
    Path corpus = file("broken.jsonl", """
        {"id": "b1", "text": "The Orlen Guard wins the battle at Velmora every spring."}
        {"id": "b2", "text": "The ferry
        {"id": "b3", "body": "The garrison retreated from the Drennic hills."}
        {"id": "b4", "text": "The garrison retreated from the Drennic hills."}
        """);
    LintCommandTest.Result run = run("diff", "-q", "--format", "jsonl",
        "--no-default-lexicon", "--lexicon", file("new.fl", NEW).toString(),
        "--against", file("old.fl", OLD).toString(), corpus.toString());
    assertEquals(3, run.code(), run::toString);
    assertTrue(run.err().contains("framelens diff: line 2: not valid JSON"), run::toString);
    assertTrue(run.err().contains("framelens diff: line 3: no \"text\" field"), run::toString);
    assertTrue(run.err().contains("2 of 4 corpus lines could not be used"), run::toString);
    List<JsonNode> out = lines(run.out());
    assertEquals(List.of("b1", "b4"), out.subList(0, 2).stream()
        .map(n -> n.get("id").asText()).toList(), run::toString);
    assertEquals(2, out.get(2).get("summary").get("failed").asInt(), run::toString);
  }

  @Test
  void missingOrContradictoryArgumentsAreUsageErrors() throws IOException {
    Path corpus = file("corpus.jsonl", CORPUS);
    Path old = file("old.fl", OLD);

    LintCommandTest.Result none = run("diff");
    assertEquals(2, none.code(), none::toString);
    assertTrue(none.err().contains("Missing required parameter: 'CORPUS'"), none::toString);

    LintCommandTest.Result noBaseline = run("diff", corpus.toString());
    assertEquals(2, noBaseline.code(), noBaseline::toString);
    assertTrue(noBaseline.err().contains("missing baseline: give --against FILE or "
        + "--against-default"), noBaseline::toString);

    LintCommandTest.Result both = run("diff", "--against", old.toString(), "--against-default",
        corpus.toString());
    assertEquals(2, both.code(), both::toString);
    assertTrue(both.err().contains("not both"), both::toString);

    LintCommandTest.Result noCorpus = run("diff", "--against-default",
        dir.resolve("nowhere.jsonl").toString());
    assertEquals(2, noCorpus.code(), noCorpus::toString);
    assertTrue(noCorpus.err().startsWith("framelens diff: cannot read "
        + dir.resolve("nowhere.jsonl") + ": no such file\n"), noCorpus::toString);

    LintCommandTest.Result noLexicon = run("diff", "--against",
        dir.resolve("nowhere.fl").toString(), corpus.toString());
    assertEquals(2, noLexicon.code(), noLexicon::toString);
    assertTrue(noLexicon.err().contains("nowhere.fl"), noLexicon::toString);
    assertFalse(noLexicon.err().contains("\tat "), noLexicon::toString);
  }

  @Test
  void aBrokenLexiconIsListedWithItsProblemsAndExitsWith2() throws IOException {
    Path broken = file("broken.fl", "frame victory\n  rule won weight 2 : won\n");
    LintCommandTest.Result run = run("diff", "--lexicon", broken.toString(),
        "--against-default", file("corpus.jsonl", CORPUS).toString());
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().contains(broken + ":2:19: weight must be in (0, 1]"), run::toString);
  }
}
