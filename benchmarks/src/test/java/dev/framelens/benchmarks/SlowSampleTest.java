package dev.framelens.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample the slow alternatives pass over, and the chars the report credits them with. */
class SlowSampleTest {
  @Test
  void theSampleIsTheFirstDocumentsUpToTheLimitAndNoMore() {
    List<String> documents = BenchmarkCorpus.load(2_000_000, Path.of("no-shared-here"))
        .mixedDocuments();
    List<String> sample = ScoringLoopBenchmark.sample(documents);
    long chars = sample.stream().mapToLong(String::length).sum();
    assertEquals(documents.subList(0, sample.size()), sample);
    assertTrue(chars >= ScoringLoopBenchmark.SLOW_SAMPLE_CHARS, "sample of " + chars + " chars");
    long withoutLast = chars - sample.get(sample.size() - 1).length();
    assertTrue(withoutLast < ScoringLoopBenchmark.SLOW_SAMPLE_CHARS,
        "the sample goes on past the limit: " + withoutLast + " chars without its last document");
  }

  @Test
  void aCorpusSmallerThanTheLimitIsAllSampled() {
    List<String> documents = BenchmarkCorpus.load(60_000, Path.of("no-shared-here"))
        .mixedDocuments();
    assertEquals(documents, ScoringLoopBenchmark.sample(documents));
  }

  @Test
  void theSlowAlternativesAreCreditedWithTheSampleAndTheOthersWithTheCorpus() {
    var chars = Main.charsPerOperation();
    long sample = ScoringLoopBenchmark.sampleDocuments().stream().mapToLong(String::length).sum();
    long all = ScoringLoopBenchmark.documents().stream().mapToLong(String::length).sum();
    for (String method : List.of("regexPerRule", "regexAlternation", "luceneMonitor")) {
      assertEquals(sample, chars.get(Report.Key.of("ScoringLoopBenchmark", method)), method);
    }
    for (String method : List.of("analyze", "matchPass", "ahoCorasickDoubleArray")) {
      assertEquals(all, chars.get(Report.Key.of("ScoringLoopBenchmark", method)), method);
    }
  }
}
