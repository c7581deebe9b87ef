package dev.framelens.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
  static final Report.Key ANALYZE = Report.Key.of("ScoringLoopBenchmark", "analyze");
  static final Report.Key TOKENIZER = Report.Key.of("ScoringLoopBenchmark", "tokenizerFloor");
  static final Report.Key WITHOUT_RESULTS =
      new Report.Key("DocumentLengthBenchmark", "analyzeWithoutResults", "30000", 1);

  /** Every expected benchmark at 10 ops/s over 1,000,000 chars, allocating 500 KB per op. */
  static Map<Report.Key, Report.Score> everything() {
    Map<Report.Key, Report.Score> scores = new HashMap<>();
    for (Report.Key key : Report.EXPECTED) {
      scores.put(key, new Report.Score(10, 0.5, 500_000));
    }
    return scores;
  }

  static Map<Report.Key, Long> chars() {
    Map<Report.Key, Long> chars = new HashMap<>();
    for (Report.Key key : Report.EXPECTED) {
      chars.put(key, 1_000_000L);
    }
    return chars;
  }

  @Test
  void throughputIsOpsTimesCharsAndTargetsAreRatiosOfIt() {
    Map<Report.Key, Report.Score> scores = everything();
    scores.put(ANALYZE, new Report.Score(6, 0.1, Double.NaN));
    Report report = new Report(scores, chars());
    assertEquals(6.0, report.megacharsPerSecond(ANALYZE).orElseThrow(), 1e-9);
    Report.Target analyzeVsTokenizer = Report.TARGETS.get(0);
    assertEquals(0.6, report.measured(analyzeVsTokenizer).orElseThrow(), 1e-9);
    assertEquals("PASS", report.verdict(analyzeVsTokenizer, true));
    Report.Target versusAhoCorasick = Report.TARGETS.get(2);
    assertEquals("MISS", report.verdict(versusAhoCorasick, true));
    assertEquals("not judged", report.verdict(versusAhoCorasick, false));
  }

  @Test
  void theTargetsAreIssue13s() {
    Report report = new Report(everything(), chars());
    Report.Target analyzeVsTokenizer = Report.TARGETS.get(0);
    assertEquals(0.6, analyzeVsTokenizer.goal(), 0);
    assertEquals(0.8, Report.TARGETS.get(1).goal(), 0);
    // The lexicon scale is judged on the match pass, which is what the number of rules costs;
    // analyze's cost grows with the evidence the rules find, reported per piece instead.
    Report.Target scale = Report.TARGETS.stream()
        .filter(t -> t.name().contains("scale 100")).findFirst().orElseThrow();
    assertEquals(new Report.Key("LexiconScalingBenchmark", "matchPass", "100", 1),
        scale.numerator());
    assertEquals(new Report.Key("LexiconScalingBenchmark", "matchPass", "1", 1),
        scale.denominator());
    assertEquals(0.85, scale.goal(), 0);
    assertTrue(report.measured(scale).isPresent());
  }

  @Test
  void theCostOfAPieceOfEvidenceIsTheExtraTimeOverTheExtraEvidence() {
    Map<Report.Key, Report.Score> scores = everything();
    Report.Key scale1 = new Report.Key("LexiconScalingBenchmark", "analyze", "1", 1);
    Report.Key scale100 = new Report.Key("LexiconScalingBenchmark", "analyze", "100", 1);
    scores.put(scale1, new Report.Score(10, 0.1, Double.NaN)); // 0.1 s per pass
    scores.put(scale100, new Report.Score(4, 0.1, Double.NaN)); // 0.25 s per pass
    Map<Report.Key, Long> evidence = Map.of(scale1, 100_000L, scale100, 400_000L);
    Report report = new Report(scores, chars(), evidence);
    // 0.15 s more for 300,000 more pieces: 0.5 µs each.
    assertEquals(0.5, report.microsPerEvidence().orElseThrow(), 1e-9);
    assertTrue(report.markdown(true).contains("0.500 µs per piece of evidence"),
        report.markdown(true));
    assertTrue(new Report(scores, chars()).microsPerEvidence().isEmpty());
  }

  @Test
  void aScale100RunNoSlowerThanScale1GivesNoCostButSaysWhy() {
    // A short run (CI's smoke run) can time scale 100 faster than scale 1: the difference is
    // noise, and a negative cost per piece of evidence ("-4.68 µs") means nothing.
    Map<Report.Key, Report.Score> scores = everything();
    Report.Key scale1 = new Report.Key("LexiconScalingBenchmark", "analyze", "1", 1);
    Report.Key scale100 = new Report.Key("LexiconScalingBenchmark", "analyze", "100", 1);
    scores.put(scale1, new Report.Score(4, 0.1, Double.NaN));
    scores.put(scale100, new Report.Score(5, 0.1, Double.NaN));
    Report report = new Report(scores, chars(), Map.of(scale1, 100_000L, scale100, 400_000L));
    assertTrue(report.microsPerEvidence().isEmpty());
    String markdown = report.markdown(true);
    assertTrue(markdown.contains("Cost of evidence: not measured in this run"), markdown);
    assertFalse(markdown.contains("Cost of evidence: -"), markdown);
  }

  @Test
  void theDoubleArrayAhoCorasickHasARowAndATargetOfItsOwn() {
    Report.Key doubleArray = Report.Key.of("ScoringLoopBenchmark", "ahoCorasickDoubleArray");
    assertTrue(Report.EXPECTED.contains(doubleArray));
    assertTrue(Report.EXPECTED.contains(Report.Key.of("ScoringLoopBenchmark", "ahoCorasick")));
    Report.Target target = Report.TARGETS.stream()
        .filter(t -> t.denominator() != null && t.denominator().equals(doubleArray))
        .findFirst().orElseThrow();
    assertEquals(ANALYZE, target.numerator());
    assertEquals(1.0, target.goal());
    // As fast as the double-array trie passes; a little slower misses.
    assertEquals("PASS", new Report(everything(), chars()).verdict(target, true));
    Map<Report.Key, Report.Score> scores = everything();
    scores.put(ANALYZE, new Report.Score(9.9, 0.1, Double.NaN));
    assertEquals("MISS", new Report(scores, chars()).verdict(target, true));
    String table = new Report(everything(), chars()).markdown(true);
    assertTrue(table.contains("| ScoringLoopBenchmark.ahoCorasickDoubleArray "), table);
    assertTrue(table.lines().anyMatch(l -> l.startsWith("| analyze / ahoCorasickDoubleArray ")
        && l.contains("≥ 1×") && l.contains("PASS")), table);
  }

  @Test
  void allocationIsBytesPerCharAndMustStayBelowTheGoal() {
    Report report = new Report(everything(), chars());
    Report.Target allocation = Report.TARGETS.get(Report.TARGETS.size() - 1);
    assertEquals(WITHOUT_RESULTS, allocation.numerator());
    assertEquals(0.5, report.measured(allocation).orElseThrow(), 1e-9);
    assertEquals("PASS", report.verdict(allocation, true));
    Map<Report.Key, Report.Score> scores = everything();
    scores.put(WITHOUT_RESULTS, new Report.Score(10, 0, 1_000_000));
    assertEquals("MISS", new Report(scores, chars()).verdict(allocation, true));
  }

  @Test
  void aMissingBenchmarkIsNamedAndShownAsFailed() {
    Map<Report.Key, Report.Score> scores = everything();
    scores.remove(TOKENIZER);
    Report report = new Report(scores, chars());
    assertEquals(List.of(TOKENIZER), report.missing());
    assertEquals("no result", report.verdict(Report.TARGETS.get(0), true));
    String table = report.markdown(true);
    assertTrue(table.contains("| ScoringLoopBenchmark.tokenizerFloor "), table);
    assertTrue(table.lines().anyMatch(l -> l.contains("tokenizerFloor") && l.contains("FAILED")),
        table);
  }

  @Test
  void theTableHasARowPerBenchmarkAndPerTarget() {
    String table = new Report(everything(), chars()).markdown(true);
    long rows = table.lines().filter(l -> l.startsWith("| ")).count();
    // Per table a header and its rule, then one row per benchmark, one per target.
    assertEquals(4 + Report.EXPECTED.size() + Report.TARGETS.size(), rows, table);
    assertTrue(table.contains("| threads=2 "), table);
    assertTrue(table.contains("| documentSize=30000 "), table);
    // 0.5 bytes per char is 500 bytes per 1,000 chars.
    assertTrue(table.contains(" 500 |"), table);
  }

  @Test
  void numbersKeepThreeSignificantDigits() {
    assertEquals("1,235", Report.number(1234.6));
    assertEquals("12.3", Report.number(12.34));
    assertEquals("1.23", Report.number(1.234));
    assertEquals("0.123", Report.number(0.1234));
    assertEquals("0.0012", Report.number(0.0012));
    assertEquals("—", Report.number(Double.NaN));
  }

  @Test
  void theRunnerReadsItsOptionsAndHandsAnythingElseToJmh() {
    Main.Arguments quick = Main.Arguments.parse("--quick", "--markdown", "out.md");
    assertEquals(Main.Mode.QUICK, quick.mode());
    assertEquals(Path.of("out.md"), quick.markdown());
    assertNull(quick.jmh());
    assertEquals(Main.Mode.FULL, Main.Arguments.parse().mode());
    assertEquals(Main.Mode.SMOKE, Main.Arguments.parse("--smoke").mode());
    assertArrayEquals(new String[] {"-l"}, Main.Arguments.parse("--jmh", "-l").jmh());
    assertArrayEquals(new String[] {"ScoringLoopBenchmark", "-prof", "gc"},
        Main.Arguments.parse("ScoringLoopBenchmark", "-prof", "gc").jmh());
    assertThrows(IllegalArgumentException.class, () -> Main.Arguments.parse("--markdown"));
    assertThrows(IllegalArgumentException.class,
        () -> Main.Arguments.parse("--quick", "-prof", "gc"));
  }
}
