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

/** {@code framelens analyze}, end to end through {@link Main#run}. */
class AnalyzeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARTICLE = "The rebels claimed victory after the army failed to "
      + "retake the port of Ostrel. At least 120 civilians were killed, including 30 children."
      + "\n\n\"We are still standing,\" said Mara Tess, a spokeswoman for the rebels.";

  @TempDir
  Path dir;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
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

  @Test
  void aTextReportShowsLabelsScoresEvidenceInItsSentenceAndFigures() throws IOException {
    Path article = file("article.txt", ARTICLE);
    Run run = Run.of("analyze", "--quiet", article.toString());
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().startsWith("== " + article), run::toString);
    assertTrue(run.out().contains("labels: victory, defeat, survival-as-win, casualty-emphasis"),
        run::toString);
    assertTrue(run.out().contains("The rebels «claimed victory» after the army"), run::toString);
    assertTrue(run.out().contains("(said by Mara Tess)"), run::toString);
    assertTrue(run.out().contains("killed     at-least     120"), run::toString);
    assertEquals("", run.err(), "nothing but results on standard output, nothing on error");
  }

  @Test
  void aLongArticleThatNamesNoContestIsGatedAndTheReportSaysBy() throws IOException {
    // The default lexicon's contest-gate: three paragraphs, no word of an armed or political
    // contest. The cause has no trigger text, so the report names the gate alone.
    Path match = file("match.txt", "The Harriers won the final on Saturday.\n\n"
        + "Thousands sang in the streets until dawn.\n\n"
        + "The mayor will hold a reception on Monday.");
    Run run = Run.of("analyze", "--quiet", match.toString());
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().contains("labels: (none)"), run::toString);
    assertTrue(run.out().contains("cancelled by contest-gate\n"), run::toString);
  }

  @Test
  void jsonlFollowsTheDocumentedSchema() throws IOException {
    Run run = Run.of("analyze", "--quiet", "--format", "jsonl", file("a.txt", ARTICLE)
        .toString());
    assertEquals(0, run.code(), run::toString);
    JsonNode doc = lines(run.out()).get(0);
    assertTrue(doc.get("id").asText().endsWith("a.txt"));
    assertEquals(List.of("victory", "defeat", "survival-as-win", "casualty-emphasis"),
        JSON.convertValue(doc.get("labels"), List.class));
    assertTrue(doc.get("scores").get("victory").isDouble());
    JsonNode evidence = doc.get("evidence").get(0);
    for (String field : List.of("frame", "rule", "start", "end", "text", "polarity",
        "speaker")) {
      assertTrue(evidence.has(field), () -> field + " missing in " + evidence);
    }
    assertEquals(ARTICLE.substring(evidence.get("start").asInt(), evidence.get("end").asInt()),
        evidence.get("text").asText());
    JsonNode figure = doc.get("casualties").get(0);
    assertEquals(120, figure.get("low").asLong());
    assertEquals(120, figure.get("best").asLong());
    assertTrue(figure.get("high").isNull());
    assertEquals("at-least", figure.get("qualifier").asText());
    assertEquals("killed", figure.get("kind").asText());
    assertEquals("civilians", figure.get("who").asText());
    assertEquals(0, doc.get("casualties").get(1).get("subset_of").asInt());
    JsonNode quoted = lines(run.out()).get(0).get("evidence");
    boolean spoken = false;
    for (JsonNode e : quoted) {
      spoken |= "Mara Tess".equals(e.get("speaker").asText(null));
    }
    assertTrue(spoken, quoted::toString);
  }

  @Test
  void aKilledOrWoundedFigureInEveryFormat() throws IOException {
    Path text = file("ridge.txt", "More than 400 soldiers were killed or wounded at the ridge.");
    Run jsonl = Run.of("analyze", "--quiet", "--format", "jsonl", text.toString());
    assertEquals(0, jsonl.code(), jsonl::toString);
    JsonNode figure = lines(jsonl.out()).get(0).get("casualties").get(0);
    assertEquals("killed-or-wounded", figure.get("kind").asText());
    assertEquals("more-than", figure.get("qualifier").asText());
    assertEquals(400, figure.get("low").asLong());
    assertTrue(figure.get("best").isNull(), figure::toString);
    assertTrue(figure.get("high").isNull(), figure::toString);
    assertEquals("More than 400", figure.get("text").asText());
    Run report = Run.of("analyze", "--quiet", text.toString());
    assertTrue(report.out().contains("killed-or-wounded more-than"), report::toString);
    Run csv = Run.of("analyze", "--quiet", "--format", "csv", text.toString());
    String[] row = csv.out().lines().skip(1).findFirst().orElseThrow().split(",");
    assertEquals("1", row[row.length - 1], csv::toString); // the casualties column
  }

  @Test
  void jsonlInputPassesOtherFieldsThroughAndKeepsCollidingOnes() throws IOException {
    Path corpus = file("corpus.jsonl",
        "{\"id\": \"a\", \"text\": \"The garrison surrendered.\", \"outlet\": \"Daily Ostrel\","
            + " \"labels\": [\"defeat\"]}\n");
    Run run = Run.of("analyze", "--quiet", "--format", "jsonl", "--input-jsonl",
        corpus.toString());
    JsonNode doc = lines(run.out()).get(0);
    assertEquals("Daily Ostrel", doc.get("outlet").asText());
    assertEquals("defeat", doc.get("input_labels").get(0).asText());
    assertEquals("defeat", doc.get("labels").get(0).asText());
  }

  @Test
  void csvKeepsTheFieldsOfTheFirstRecordAsColumnsAndNamesAFieldItCannotKeep()
      throws IOException {
    Path corpus = file("corpus.jsonl", String.join("\n",
        "{\"id\": \"a\", \"text\": \"The garrison surrendered.\", \"outlet\": "
            + "\"Daily Ostrel\", \"labels\": [\"defeat\"], \"page\": 3}",
        "{\"id\": \"b\", \"text\": \"The council met.\", \"outlet\": \"Evening, Star\", "
            + "\"topic\": \"roads\"}"));
    Run run = Run.of("analyze", "--quiet", "--format", "csv", "--input-jsonl",
        corpus.toString());
    assertEquals(0, run.code(), run::toString);
    List<String> rows = run.out().lines().toList();
    assertTrue(rows.get(0).endsWith(",evidence,casualties,error,outlet,input_labels,page"),
        run::toString);
    assertTrue(rows.get(1).endsWith(",Daily Ostrel,\"[\"\"defeat\"\"]\",3"), run::toString);
    assertTrue(rows.get(2).endsWith(",\"Evening, Star\",,"), run::toString);
    assertTrue(run.err().contains("line 2: field \"topic\" is not a column"), run::toString);

    Run sentences = Run.of("analyze", "--quiet", "--format", "csv", "--sentences",
        "--input-jsonl", corpus.toString());
    assertTrue(sentences.out().lines().toList().get(1).endsWith(
        ",The garrison surrendered.,,Daily Ostrel,\"[\"\"defeat\"\"]\",3"), sentences::toString);
  }

  @Test
  void csvColumnsComeFromTheFirstRecordEvenAfterABadLine() throws IOException {
    Path corpus = file("corpus.jsonl", "not json\n"
        + "{\"id\": \"a\", \"text\": \"The garrison surrendered.\", \"outlet\": \"Herald\"}\n");
    Run run = Run.of("analyze", "--quiet", "--format", "csv", "--input-jsonl",
        corpus.toString());
    assertEquals(3, run.code(), run::toString);
    List<String> rows = run.out().lines().toList();
    assertTrue(rows.get(0).endsWith(",error,outlet"), run::toString);
    assertTrue(rows.get(1).startsWith(",") && rows.get(1).endsWith(","), run::toString);
    assertTrue(rows.get(2).startsWith("a,") && rows.get(2).endsWith(",Herald"), run::toString);
  }

  @Test
  void theTextReportShowsTheInputsOtherFields() throws IOException {
    Path corpus = file("corpus.jsonl", "{\"id\": \"a\", \"text\": \"The garrison "
        + "surrendered.\", \"outlet\": \"Daily Ostrel\", \"page\": 3}\n");
    Run run = Run.of("analyze", "--quiet", "--input-jsonl", corpus.toString());
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().startsWith("== a\n   fields: outlet=\"Daily Ostrel\", page=3\n"
        + "   labels: defeat"), run::toString);
  }

  @Test
  void aMalformedLineBecomesAnErrorRecordAndTheRunGoesOn() throws IOException {
    Path corpus = file("corpus.jsonl", String.join("\n",
        "{\"id\": 1, \"text\": \"The militia won the battle.\"}",
        "{\"id\": 2, \"text\": ",
        "",
        "{\"id\": 3, \"text\": 42}",
        "[1, 2]",
        "{\"id\": 5, \"text\": \"Hundreds of families fled the valley.\"}"));
    Run run = Run.of("analyze", "--quiet", "--format", "jsonl", "--input-jsonl",
        corpus.toString());
    assertEquals(3, run.code(), run::toString);
    List<JsonNode> out = lines(run.out());
    assertEquals(5, out.size(), "as many records out as non-blank lines in: " + run);
    assertEquals(List.of("1", "null", "3", "null", "5"), out.stream()
        .map(n -> n.get("id").isNull() ? "null" : n.get("id").asText()).toList());
    assertEquals(2, out.get(1).get("line").asInt());
    assertTrue(out.get(1).get("error").asText().startsWith("line 2: not valid JSON"));
    assertEquals("line 4: \"text\" is not a string", out.get(2).get("error").asText());
    assertEquals("line 5: not a JSON object", out.get(3).get("error").asText());
    assertTrue(out.get(4).has("labels"));
    assertTrue(run.err().contains("framelens analyze: line 2: not valid JSON"), run::toString);
    assertTrue(run.err().contains("3 of 5 records could not be analysed"), run::toString);
  }

  @Test
  void aMalformedLineIsAnErrorRowInCsvAndTextTooAndTheRunGoesOn() throws IOException {
    Path corpus = file("corpus.jsonl", String.join("\n",
        "{\"id\": \"first\", \"text\": \"The militia won the battle.\"}",
        "{\"id\": \"broken\", \"text\": ",
        "{\"id\": \"third\", \"text\": \"Hundreds of families fled the valley.\"}"));
    Run csv = Run.of("analyze", "--quiet", "--format", "csv", "--input-jsonl",
        corpus.toString());
    assertEquals(3, csv.code(), csv::toString);
    List<String> rows = csv.out().lines().toList();
    assertEquals(4, rows.size(), "a header and a row per line: " + csv);
    assertTrue(rows.get(1).startsWith("first,"), csv::toString);
    assertTrue(rows.get(2).startsWith(","), "no id on the bad line's row: " + csv);
    assertTrue(rows.get(2).contains("line 2: not valid JSON"), csv::toString);
    assertTrue(rows.get(3).startsWith("third,"), csv::toString);
    assertTrue(csv.err().contains("1 of 3 records could not be analysed"), csv::toString);

    Run text = Run.of("analyze", "--quiet", "--format", "text", "--input-jsonl",
        corpus.toString());
    assertEquals(3, text.code(), text::toString);
    assertTrue(text.out().contains("== (line 2, no id)\n   ERROR: line 2: not valid JSON"),
        text::toString);
    assertTrue(text.out().contains("== third\n   labels: casualty-emphasis"), text::toString);
    assertFalse(text.err().contains("internal error"), text::toString);
  }

  @Test
  void manyThreadsKeepTheInputOrder() throws IOException {
    StringBuilder corpus = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      corpus.append("{\"id\": ").append(i).append(", \"text\": \"")
          .append(i % 3 == 0 ? "The garrison of Ostrel surrendered after a long siege. "
              .repeat(1 + i % 7) : "The council met on Monday.")
          .append("\"}\n");
    }
    Run run = Run.of("analyze", "--quiet", "--threads", "4", "--format", "jsonl",
        "--input-jsonl", file("c.jsonl", corpus.toString()).toString());
    assertEquals(0, run.code(), run::toString);
    List<JsonNode> out = lines(run.out());
    for (int i = 0; i < 300; i++) {
      assertEquals(i, out.get(i).get("id").asInt());
    }
  }

  @Test
  void sentencesModeGivesOneRecordPerSentence() throws IOException {
    Run run = Run.of("analyze", "--quiet", "--sentences", "--format", "jsonl",
        file("a.txt", ARTICLE).toString());
    List<JsonNode> out = lines(run.out());
    assertEquals(3, out.size(), run::toString);
    assertEquals(1, out.get(1).get("sentence").asInt());
    assertEquals("casualty-emphasis", out.get(1).get("labels").get(0).asText());
    assertEquals(2, out.get(1).get("casualties").size());
  }

  @Test
  void csvQuotesFieldsAndWritesAHeader() throws IOException {
    Run run = Run.of("analyze", "--quiet", "--format", "csv", "--sentences",
        file("a.txt", "The army retreated, and the town celebrated.").toString());
    String[] rows = run.out().split("\r?\n");
    assertEquals("id,sentence,start,end,labels,victory,defeat,survival-as-win,"
        + "casualty-emphasis,text,error", rows[0]);
    assertTrue(rows[1].endsWith(",\"The army retreated, and the town celebrated.\","),
        rows[1]);
  }

  @Test
  void standardInputAndAnOutputFile() throws IOException {
    Path output = dir.resolve("out.jsonl");
    Run run = Run.withInput("The brigade lost the war.", "analyze", "--quiet", "--format", "jsonl",
        "--output", output.toString(), "-");
    assertEquals(0, run.code(), run::toString);
    assertEquals("", run.out());
    JsonNode doc = lines(Files.readString(output)).get(0);
    assertEquals("-", doc.get("id").asText());
    assertEquals("defeat", doc.get("labels").get(0).asText());
  }

  @Test
  void anOutputThatIsAnInputIsRefusedAndTheInputIsKept() throws IOException {
    String content = "{\"id\": 1, \"text\": \"The garrison surrendered.\"}\n";
    Path corpus = file("c.jsonl", content);
    Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), corpus);
    Path lexicon = file("extra.fl", "frame victory\nrule planted-flag : planted (the|its) flag\n");
    for (String[] args : List.of(
        new String[] {"--input-jsonl", corpus.toString(), "--output", corpus.toString()},
        new String[] {"--input-jsonl", corpus.toString(),
            "--output", dir.resolve(".").resolve("c.jsonl").toString()},
        new String[] {"--input-jsonl", link.toString(), "--output", corpus.toString()},
        new String[] {"--output", corpus.toString(), file("a.txt", "x").toString(),
            corpus.toString()},
        new String[] {"--lexicon", lexicon.toString(), "--output", lexicon.toString(),
            file("b.txt", "x").toString()})) {
      List<String> all = new ArrayList<>(List.of("analyze", "--quiet"));
      all.addAll(List.of(args));
      Run run = Run.of(all.toArray(String[]::new));
      assertEquals(2, run.code(), run::toString);
      assertTrue(run.err().startsWith("framelens analyze: the output "), run::toString);
      assertTrue(run.err().contains(" is an input ("), run::toString);
    }
    assertEquals(content, Files.readString(corpus), "the corpus is intact");
    assertTrue(Files.readString(lexicon).startsWith("frame victory"), "the lexicon is intact");
  }

  @Test
  void aFailedRunLeavesTheOutputAsItWasAndNoTemporaryFile() throws IOException {
    Path output = file("out.jsonl", "the results of an earlier run\n");
    Run run = Run.of("analyze", "--quiet", "--format", "jsonl", "--input-jsonl",
        dir.resolve("missing.jsonl").toString(), "--output", output.toString());
    assertEquals(2, run.code(), run::toString);
    assertEquals("the results of an earlier run\n", Files.readString(output));
    try (var files = Files.list(dir)) {
      assertEquals(List.of("out.jsonl"), files.map(p -> p.getFileName().toString()).toList());
    }
    Run ok = Run.of("analyze", "--quiet", "--format", "jsonl", "--output", output.toString(),
        file("d.txt", "The garrison surrendered.").toString());
    assertEquals(0, ok.code(), ok::toString);
    assertTrue(Files.readString(output).startsWith("{\"id\":"), ok::toString);
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "the output and the document, no temporary file");
    }
  }

  @Test
  void anOutputInAMissingFolderSaysSo() throws IOException {
    Path output = dir.resolve("no-such-folder").resolve("out.jsonl");
    Run run = Run.of("analyze", "--quiet", "--output", output.toString(),
        file("d.txt", "The garrison surrendered.").toString());
    assertEquals(2, run.code(), run::toString);
    assertEquals("framelens analyze: cannot write " + output + ": no such directory",
        run.err().lines().findFirst().orElse(""), run::toString);
  }

  @Test
  void extraLexiconOnTopOfTheDefaultAndALexiconOfItsOwn() throws IOException {
    Path extra = file("extra.fl", "frame victory\nrule planted-flag : planted (the|its) flag\n"
        + "  example: They planted the flag on the hill.\n");
    Path doc = file("d.txt", "They planted the flag on the hill, and the rebels fled.");
    Run both = Run.of("analyze", "--quiet", "--format", "jsonl", "--lexicon",
        extra.toString(), doc.toString());
    JsonNode labels = lines(both.out()).get(0).get("labels");
    assertEquals("[\"victory\",\"defeat\"]", labels.toString(), both::toString);
    Run alone = Run.of("analyze", "--quiet", "--format", "jsonl", "--no-default-lexicon",
        "--lexicon", extra.toString(), doc.toString());
    assertEquals("[\"victory\"]", lines(alone.out()).get(0).get("labels").toString());
  }

  @Test
  void aMalformedLexiconListsEveryProblemAndExits2() throws IOException {
    Path bad = file("bad.fl", "frame victory\nrule a : @nothing\nrule b : (won\n");
    Run run = Run.of("analyze", "--lexicon", bad.toString(), file("d.txt", "x").toString());
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().contains("bad.fl:2:10: unknown set: \"@nothing\""), run::toString);
    assertTrue(run.err().contains("bad.fl:3:10: missing ')' for this '('"), run::toString);
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
  }

  @Test
  void anUnreadableFileIsOneLineAndExit2WithoutAStackTrace() {
    Run run = Run.of("analyze", dir.resolve("missing.txt").toString());
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().startsWith("framelens analyze: cannot read "), run::toString);
    assertTrue(run.err().contains("missing.txt: no such file"), run::toString);
    assertTrue(run.err().contains("Usage:"), run::toString);
    assertFalse(run.err().contains("\tat "), run::toString);
    assertEquals("", run.out());
  }

  @Test
  void aMissingOrUnreadableFileAmongSeveralIsAnErrorRecordAndTheOthersAreAnalysed()
      throws IOException {
    Path good = file("good.txt", "The garrison of Ostrel surrendered on Friday.");
    Path folder = Files.createDirectory(dir.resolve("folder"));
    Run run = Run.of("analyze", "--quiet", "--format", "jsonl", good.toString(),
        dir.resolve("missing.txt").toString(), folder.toString());
    assertEquals(3, run.code(), run::toString);
    List<JsonNode> out = lines(run.out());
    assertEquals(3, out.size(), run::toString);
    assertEquals("defeat", out.get(0).get("labels").get(0).asText(), run::toString);
    assertTrue(out.get(1).get("id").asText().endsWith("missing.txt"), run::toString);
    assertEquals("cannot read: no such file", out.get(1).get("error").asText());
    assertEquals("cannot read: not a regular file", out.get(2).get("error").asText());
    assertTrue(run.err().contains("missing.txt: cannot read: no such file"), run::toString);
    assertTrue(run.err().contains("2 of 3 records could not be analysed"), run::toString);
  }

  @Test
  void onlyWhenEveryFileIsMissingIsItAUsageError() {
    Run run = Run.of("analyze", dir.resolve("one.txt").toString(),
        dir.resolve("two.txt").toString());
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().contains("one.txt: no such file"), run::toString);
    assertTrue(run.err().contains("two.txt: no such file"), run::toString);
    assertEquals("", run.out());
  }

  @Test
  void invalidUtf8NamesItsByteOffsetAndEncodingReadsTheFile() throws IOException {
    byte[] latin1 = "The garrison surrendered at the caf\u00e9 in Ostrel."
        .getBytes(StandardCharsets.ISO_8859_1);
    Path doc = Files.write(dir.resolve("latin1.txt"), latin1);
    Run strict = Run.of("analyze", "--quiet", "--format", "jsonl", doc.toString());
    assertEquals(3, strict.code(), strict::toString);
    assertEquals("not valid UTF-8 at byte offset 35 (give --encoding if the file is in another "
        + "encoding)", lines(strict.out()).get(0).get("error").asText(), strict::toString);
    Run latin = Run.of("analyze", "--quiet", "--format", "jsonl", "--encoding", "ISO-8859-1",
        doc.toString());
    assertEquals(0, latin.code(), latin::toString);
    assertEquals("defeat", lines(latin.out()).get(0).get("labels").get(0).asText());
  }

  @Test
  void anInvalidUtf8LineOfACorpusIsAnErrorRecordWithItsOffsets() throws IOException {
    byte[] first = "{\"id\": 1, \"text\": \"The rebels won.\"}\n"
        .getBytes(StandardCharsets.UTF_8);
    byte[] second = "{\"id\": 2, \"text\": \"The caf\u00e9 fell.\"}\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    Path corpus = dir.resolve("mixed.jsonl");
    Files.write(corpus, first);
    Files.write(corpus, second, java.nio.file.StandardOpenOption.APPEND);
    Run run = Run.of("analyze", "--quiet", "--format", "jsonl", "--input-jsonl",
        corpus.toString());
    assertEquals(3, run.code(), run::toString);
    List<JsonNode> out = lines(run.out());
    assertEquals(2, out.size(), run::toString);
    assertEquals("line 2: not valid UTF-8 at byte offset 26 of the line (byte offset "
        + (first.length + 26) + " of the file; give --encoding if the file is in another "
        + "encoding)", out.get(1).get("error").asText(), run::toString);
    Run windows = Run.of("analyze", "--quiet", "--format", "jsonl", "--encoding",
        "windows-1252", "--input-jsonl", corpus.toString());
    assertEquals(0, windows.code(), windows::toString);
  }

  @Test
  void aRecordLongerThanJacksonsDefaultStringLimitIsAnalysed() throws IOException {
    String text = "The quay was quiet all day. ".repeat(720_000);
    assertTrue(text.length() > 20_000_000);
    Path corpus = file("long.jsonl", "{\"id\": \"long\", \"text\": \"" + text + "\"}\n");
    Run run = Run.of("analyze", "--quiet", "--format", "csv", "--input-jsonl",
        corpus.toString());
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().lines().toList().get(1).startsWith("long,,"), run::toString);
  }

  @Test
  void aRecordOverMaxCharsIsAnErrorRecordWithItsIdAndLine() throws IOException {
    String text = "The quay was quiet. ".repeat(10);
    Path corpus = file("c.jsonl", "{\"id\": \"short\", \"text\": \"The rebels won.\"}\n"
        + "{\"text\": \"" + text + "\", \"id\": \"long\"}\n");
    Run run = Run.of("analyze", "--quiet", "--format", "jsonl", "--max-chars", "100",
        "--input-jsonl", corpus.toString());
    assertEquals(3, run.code(), run::toString);
    JsonNode error = lines(run.out()).get(1);
    assertEquals("long", error.get("id").asText(), run::toString);
    assertEquals(2, error.get("line").asInt(), run::toString);
    assertEquals("line 2: a string longer than 100 chars, the limit (--max-chars)",
        error.get("error").asText());

    Path doc = file("long.txt", text);
    Run files = Run.of("analyze", "--quiet", "--format", "jsonl", "--max-chars", "100",
        doc.toString());
    assertEquals(3, files.code(), files::toString);
    assertEquals("200 chars, more than 100, the limit (--max-chars)",
        lines(files.out()).get(0).get("error").asText());
  }

  @Test
  void aFileThatIsNotJsonlIsSummarisedAfterTwentyBadLines() throws IOException {
    StringBuilder prose = new StringBuilder();
    for (int i = 1; i <= 60; i++) {
      prose.append("Paragraph ").append(i).append(": the ferry left the harbour late.\n");
    }
    Path notes = file("notes.txt", prose.toString());
    Run run = Run.of("analyze", "--quiet", "--format", "jsonl", "--input-jsonl",
        notes.toString());
    assertEquals(3, run.code(), run::toString);
    assertEquals(60, lines(run.out()).size(), "every line is still an error record");
    assertEquals(20, run.err().lines().filter(l -> l.startsWith("framelens analyze: line "))
        .count(), run::toString);
    assertTrue(run.err().contains("40 more lines like these followed (lines 21 to 60)"),
        run::toString);
    assertTrue(run.err().contains(notes + " looks like plain text, not JSONL (one JSON object "
        + "a line): to analyse it as one document, pass it as a FILE argument: framelens "
        + "analyze " + notes), run::toString);
    assertTrue(run.err().contains("framelens analyze: line 1: not valid JSON at column 10: "
        + "Unrecognized token 'Paragraph'"), run::toString);
    assertFalse(run.err().contains("REDACTED"), "no Jackson internals: " + run);

    byte[] binary = new byte[4000];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i % 50 == 49 ? '\n' : i % 7);
    }
    Path blob = Files.write(dir.resolve("blob.bin"), binary);
    Run bin = Run.of("analyze", "--quiet", "--format", "jsonl", "--input-jsonl",
        blob.toString());
    assertEquals(3, bin.code(), bin::toString);
    assertTrue(bin.err().contains("60 more lines like these followed"), bin::toString);
    assertTrue(bin.err().contains(blob + " looks like binary data, not JSONL"), bin::toString);
  }

  @Test
  void debugShowsTheStackTrace() {
    Run run = Run.of("analyze", "--debug", dir.resolve("missing.txt").toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("\tat "), run::toString);
  }

  @Test
  void anUnknownOptionOrAMissingArgumentPrintsTheUsageAndExits2() {
    Run unknown = Run.of("analyze", "--colour", "red", "x.txt");
    assertEquals(2, unknown.code(), unknown::toString);
    assertTrue(unknown.err().contains("Unknown option: '--colour'"), unknown::toString);
    assertTrue(unknown.err().contains("Usage: framelens analyze"), unknown::toString);
    Run none = Run.of("analyze");
    assertEquals(2, none.code(), none::toString);
    assertTrue(none.err().contains("missing input"), none::toString);
    Run noCommand = Run.of();
    assertEquals(2, noCommand.code(), noCommand::toString);
    assertTrue(noCommand.err().contains("missing command"), noCommand::toString);
  }

  @Test
  void versionAndHelpWithExamples() {
    Run version = Run.of("--version");
    assertEquals(0, version.code());
    assertTrue(version.out().contains("default lexicon en-default"), version::toString);
    Run help = Run.of("analyze", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("Examples:"), help::toString);
    assertTrue(help.out().contains("framelens analyze --input-jsonl corpus.jsonl"),
        help::toString);
  }

  @Test
  void progressGoesToStandardErrorOnlyAndQuietSilencesIt() throws IOException {
    StringBuilder corpus = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      corpus.append("{\"id\": ").append(i).append(", \"text\": \"The rebels won.\"}\n");
    }
    Path file = file("c.jsonl", corpus.toString());
    Run quiet = Run.of("analyze", "--quiet", "--format", "jsonl", "--input-jsonl",
        file.toString());
    assertEquals("", quiet.err());
    assertEquals(50, lines(quiet.out()).size());
  }
}
