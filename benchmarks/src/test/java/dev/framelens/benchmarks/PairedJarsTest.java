package dev.framelens.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairedJarsTest {
  @TempDir Path dir;

  @Test
  void readsTextFilesAndTheTextOfEachJsonlLine() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "The garrison held the bridge.");
    Files.writeString(dir.resolve("b.jsonl"),
        "{\"id\": \"x1\", \"text\": \"A \\\"quoted\\\" word.\"}\n\n{\"id\": \"x2\", \"text\": \"Two.\"}\n");
    Files.writeString(dir.resolve("c.md"), "not read");
    assertEquals(List.of("The garrison held the bridge.", "A \"quoted\" word.", "Two."),
        PairedJars.readTexts(List.of(dir)));
  }

  @Test
  void aJsonlLineWithoutTextNamesItsFileAndLine() throws Exception {
    Files.writeString(dir.resolve("b.jsonl"), "{\"id\": \"x1\", \"text\": \"One.\"}\n{\"id\": 2}\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PairedJars.readTexts(List.of(dir)));
    assertTrue(e.getMessage().contains("b.jsonl:2"), e.getMessage());
  }

  @Test
  void aJsonlFileWithNoTextAtAllIsSkipped() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "One.");
    Files.writeString(dir.resolve("docs.jsonl"), "{\"source\": \"a.txt\", \"labels\": []}\n");
    assertEquals(List.of("One."), PairedJars.readTexts(List.of(dir)));
  }

  @Test
  void repeatsTheDocumentsUpToTheCharsAsked() {
    List<String> out = PairedJars.repeat(List.of("abcd", "ef"), 10);
    assertEquals(List.of("abcd", "ef", "abcd", "ef"), out);
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertEquals(1.5, PairedJars.median(new double[] {2, 1, 9, 1}));
    assertEquals(2.0, PairedJars.median(new double[] {3, 1, 2}));
  }
}
