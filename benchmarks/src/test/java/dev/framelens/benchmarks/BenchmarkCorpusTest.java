package dev.framelens.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkCorpusTest {
  static final BenchmarkCorpus CORPUS = BenchmarkCorpus.load(200_000, Path.of("no-seeds-here"));

  @Test
  void theCorpusIsDeterministicAndASmallerOneIsItsBeginning() {
    assertEquals(CORPUS.text(), BenchmarkCorpus.load(200_000, Path.of("no-seeds-here")).text());
    String smaller = BenchmarkCorpus.load(50_000, Path.of("no-seeds-here")).text();
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
