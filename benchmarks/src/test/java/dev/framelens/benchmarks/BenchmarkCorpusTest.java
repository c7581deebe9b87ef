package dev.framelens.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkCorpusTest {
  static final BenchmarkCorpus CORPUS = BenchmarkCorpus.load(200_000, Path.of("no-shared-here"));

  /** Texts written for this test, as a shared folder would hold them. */
  static final List<String> LINES = List.of(
      "{\"id\": \"a-1\", \"text\": \"The ferry to Quillan sailed at dawn. Nobody waved.\"}",
      "{\"id\": \"a-2\", \"text\": \"Mayor Ostrava opened the bridge; traffic stalled "
          + "within minutes.\", \"labels\": []}",
      "",
      "{\"id\": \"a-3\", \"labels\": [\"victory\"]}",
      "{\"id\": \"a-4\", \"text\": \"   \"}",
      "{\"id\": \"a-5\", \"text\": \"Rain closed the harbour.\\nThe grain barges waited "
          + "offshore.\"}");
  static final String ARTICLE = "Lanterns over Merrow\n\nThe festival of Merrow ended "
      + "early. Organisers blamed the wind. Stallholders counted their losses.\n";

  static Path shared(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("corpus"));
    Files.createDirectories(dir.resolve("seeds"));
    Files.write(dir.resolve("corpus/a.jsonl"), LINES, StandardCharsets.UTF_8);
    // A document-level file: no line has a text; it gives nothing.
    Files.writeString(dir.resolve("corpus/docs.jsonl"),
        "{\"id\": \"doc1\", \"source\": \"merrow.txt\"}\n");
    Files.writeString(dir.resolve("corpus/notes.md"), "Not a text of the corpus.");
    Files.writeString(dir.resolve("seeds/merrow.txt"), ARTICLE);
    Files.writeString(dir.resolve("seeds/empty.txt"), "\n");
    return dir;
  }

  /** The texts {@link #shared} gives, stripped, in file order. */
  static final List<String> TEXTS = List.of(
      "The ferry to Quillan sailed at dawn. Nobody waved.",
      "Mayor Ostrava opened the bridge; traffic stalled within minutes.",
      "Rain closed the harbour.\nThe grain barges waited offshore.",
      ARTICLE.strip());

  @Test
  void theSharedTextsAreShuffledJoinedAndRepeated(@TempDir Path dir) throws IOException {
    BenchmarkCorpus corpus = BenchmarkCorpus.load(5_000, shared(dir));
    assertEquals(4, corpus.sourceTexts());
    // One round is the four texts in a shuffled order, separated by blank lines; then it repeats.
    int roundLength = TEXTS.stream().mapToInt(String::length).sum() + 3 * 2;
    String round = corpus.text().substring(0, roundLength);
    for (String text : TEXTS) {
      assertTrue(round.contains(text), text);
    }
    assertTrue(corpus.text().startsWith(round + "\n\n" + round + "\n\n"));
    assertTrue(corpus.text().length() >= 5_000 && corpus.text().length() < 5_200);
    assertEquals(corpus.text(), BenchmarkCorpus.load(5_000, dir).text());
    assertTrue(BenchmarkCorpus.load(20_000, dir).text().startsWith(corpus.text()));
    assertTrue(BenchmarkCorpus.load(20_000, dir).text().length() >= 20_000);
  }

  @Test
  void theOriginNamesTheFolderTheTextCountAndTheDistinctWords(@TempDir Path dir)
      throws IOException {
    BenchmarkCorpus corpus = BenchmarkCorpus.load(5_000, shared(dir));
    String origin = corpus.origin();
    assertTrue(origin.startsWith("4 texts of " + dir.toAbsolutePath().normalize()
        + " (1 .jsonl files of corpus/, 1 .txt files of seeds/), shuffled (seed 13)"), origin);
    assertEquals(BenchmarkCorpus.distinctWords(String.join(" ", TEXTS)),
        corpus.distinctWords());
    assertTrue(origin.endsWith("; " + corpus.distinctWords() + " distinct words ("
        + BenchmarkCorpus.WORDS + ")"), origin);
    assertTrue(CORPUS.origin().startsWith("generated news-like text (no texts in "),
        CORPUS.origin());
    assertEquals(0, CORPUS.sourceTexts());
  }

  @Test
  void distinctWordsAreLowercasedRunsOfLettersAndDigits() {
    assertEquals(0, BenchmarkCorpus.distinctWords(""));
    assertEquals(1, BenchmarkCorpus.distinctWords("Ferry ferry FERRY."));
    // hasn, t, 2, 000, café, naïve
    assertEquals(6, BenchmarkCorpus.distinctWords("Hasn't 2,000 café, Café; naïve."));
  }

  @Test
  void aLineThatIsNotJsonIsAnErrorNamingItsFileAndLine(@TempDir Path dir) throws IOException {
    shared(dir);
    Files.writeString(dir.resolve("corpus/b.jsonl"), "{\"text\": \"Fine.\"}\n{text: broken\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BenchmarkCorpus.load(5_000, dir));
    assertTrue(e.getMessage().startsWith(dir.resolve("corpus/b.jsonl") + ":2: not a JSON line"),
        e.getMessage());
  }

  @Test
  void aSharedFolderWithoutTextsFallsBackToGeneratedText(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(dir.resolve("corpus/docs.jsonl"), "{\"id\": \"doc1\"}\n");
    BenchmarkCorpus corpus = BenchmarkCorpus.load(50_000, dir);
    assertEquals(BenchmarkCorpus.load(50_000, Path.of("no-shared-here")).text(), corpus.text());
    assertTrue(corpus.origin().startsWith("generated"), corpus.origin());
  }

  @Test
  void theOldSeedsPropertyIsRefusedWithTheNewOne() {
    String before = System.getProperty(BenchmarkCorpus.OLD_SEEDS_PROPERTY);
    System.setProperty(BenchmarkCorpus.OLD_SEEDS_PROPERTY, "some/seeds");
    try {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          BenchmarkCorpus::sharedDirectory);
      assertTrue(e.getMessage().contains("-Dframelens.shared=DIR"), e.getMessage());
    } finally {
      System.clearProperty(BenchmarkCorpus.OLD_SEEDS_PROPERTY);
      if (before != null) {
        System.setProperty(BenchmarkCorpus.OLD_SEEDS_PROPERTY, before);
      }
    }
  }

  @Test
  void theDocumentMixWorksOnSharedTexts(@TempDir Path dir) throws IOException {
    BenchmarkCorpus corpus = BenchmarkCorpus.load(100_000, shared(dir));
    List<String> mixed = corpus.mixedDocuments();
    long total = chars(mixed);
    assertTrue(total > corpus.text().length() * 0.95, total + "");
    assertTrue(mixed.stream().anyMatch(d -> d.length() > 10_000));
    assertTrue(mixed.stream().filter(d -> d.length() < 1_000).count() > 50);
    List<BenchmarkCorpus> slices = corpus.slices(8);
    assertEquals(corpus.text(), String.join("", slices.stream().map(BenchmarkCorpus::text)
        .toList()));
    assertNotEquals(0, slices.get(7).mixedDocuments().size());
  }

  @Test
  void theCorpusIsDeterministicAndASmallerOneIsItsBeginning() {
    assertEquals(CORPUS.text(), BenchmarkCorpus.load(200_000, Path.of("no-shared-here")).text());
    String smaller = BenchmarkCorpus.load(50_000, Path.of("no-shared-here")).text();
    assertTrue(CORPUS.text().startsWith(smaller));
    assertTrue(CORPUS.text().length() >= 200_000 && CORPUS.text().length() < 200_400);
    assertTrue(CORPUS.origin().startsWith("generated"));
  }

  @Test
  void documentsHaveAboutTheAskedSizeAndEndAtSentences() {
    for (int size : new int[] {300, 3_000, 30_000}) {
      List<String> documents = CORPUS.documents(size);
      for (String doc : documents.subList(0, documents.size() - 1)) {
        assertTrue(doc.length() >= size - 2 && doc.length() < size + 400, doc.length() + "");
        assertTrue(doc.endsWith("."), doc);
      }
    }
  }

  @Test
  void everyDocumentSizeCarriesTheSameText() {
    long small = chars(DocumentLengthBenchmark.documents(300));
    long large = chars(DocumentLengthBenchmark.documents(30_000));
    // Only the whitespace stripped at the cuts differs.
    assertTrue(Math.abs(small - large) < small / 100, small + " vs " + large);
  }

  @Test
  void theMixCarriesAThirdOfTheTextInEachSize() {
    List<String> mixed = CORPUS.mixedDocuments();
    long total = chars(mixed);
    assertTrue(total > CORPUS.text().length() * 0.98, total + "");
    long small = chars(mixed.stream().filter(d -> d.length() < 1_000).toList());
    long large = chars(mixed.stream().filter(d -> d.length() > 10_000).toList());
    assertTrue(Math.abs(small - total / 3.0) < total * 0.05, small + " of " + total);
    assertTrue(Math.abs(large - total / 3.0) < total * 0.1, large + " of " + total);
  }

  @Test
  void slicesAreEqualAndCoverTheText() {
    List<BenchmarkCorpus> slices = CORPUS.slices(8);
    assertEquals(8, slices.size());
    assertEquals(CORPUS.text(), String.join("", slices.stream().map(BenchmarkCorpus::text)
        .toList()));
    for (BenchmarkCorpus slice : slices) {
      assertTrue(Math.abs(slice.text().length() - CORPUS.text().length() / 8) < 300,
          slice.text().length() + "");
    }
  }

  private static long chars(List<String> documents) {
    return documents.stream().mapToLong(String::length).sum();
  }
}
