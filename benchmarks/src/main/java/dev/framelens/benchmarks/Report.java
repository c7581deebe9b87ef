package dev.framelens.benchmarks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The table of one run: each benchmark's score, its throughput in MB/s (millions of input chars
 * per second) and, where the gc profiler ran, its allocation per 1,000 input chars; then each
 * target as a ratio measured in the same run, with PASS or MISS. Written as Markdown, which reads
 * as plain text on a terminal and pastes into a README.
 */
final class Report {
  /** A benchmark of the run: class (simple name), method, its one parameter, thread count. */
  record Key(String benchmark, String method, String param, int threads) {
    static Key of(String benchmark, String method) {
      return new Key(benchmark, method, "", 1);
    }

    /** The parameter, or the thread count where that is what varies, as JMH names it. */
    String params() {
      return switch (benchmark) {
        case "LexiconScalingBenchmark" -> "scale=" + param;
        case "DocumentLengthBenchmark" -> "documentSize=" + param;
        case "ThreadsBenchmark" -> "threads=" + threads;
        default -> "";
      };
    }

    @Override
    public String toString() {
      String params = params();
      return benchmark + "." + method + (params.isEmpty() ? "" : " [" + params + "]");
    }
  }

  /**
   * What JMH measured for one benchmark: operations per second with its 99.9% error, and the
   * bytes allocated per operation (NaN when the gc profiler did not run).
   */
  record Score(double opsPerSecond, double error, double bytesPerOperation) {}

  /** Every benchmark the runner runs, in the order of the table. */
  static final List<Key> EXPECTED = expected();

  private static List<Key> expected() {
    List<Key> keys = new ArrayList<>();
    for (String method : List.of("charScanFloor", "tokenizerFloor", "analyze", "matchPass",
        "regexPerRule", "regexAlternation", "ahoCorasick", "ahoCorasickDoubleArray",
        "luceneMonitor")) {
      keys.add(Key.of("ScoringLoopBenchmark", method));
    }
    for (String method : List.of("analyze", "matchPass")) {
      for (String scale : List.of("1", "10", "100")) {
        keys.add(new Key("LexiconScalingBenchmark", method, scale, 1));
      }
    }
    for (String method : List.of("analyze", "analyzeWithoutResults")) {
      for (String size : List.of("300", "3000", "30000")) {
        keys.add(new Key("DocumentLengthBenchmark", method, size, 1));
      }
    }
    keys.add(new Key("ThreadsBenchmark", "analyze", "", 1));
    keys.add(new Key("ThreadsBenchmark", "analyze", "", 2));
    return List.copyOf(keys);
  }

  /** A target: a ratio of two benchmarks' chars/s, or an allocation in bytes per char. */
  record Target(String name, Key numerator, Key denominator, double goal, boolean atMost) {
    static Target ratio(String name, Key numerator, Key denominator, double atLeast) {
      return new Target(name, numerator, denominator, atLeast, false);
    }
  }

  private static final Key ANALYZE = Key.of("ScoringLoopBenchmark", "analyze");

  /** The targets, each measured within the same run. */
  static final List<Target> TARGETS = List.of(
      Target.ratio("analyze / tokenizerFloor", ANALYZE,
          Key.of("ScoringLoopBenchmark", "tokenizerFloor"), 0.6),
      Target.ratio("matchPass / tokenizerFloor", Key.of("ScoringLoopBenchmark", "matchPass"),
          Key.of("ScoringLoopBenchmark", "tokenizerFloor"), 0.8),
      Target.ratio("analyze / ahoCorasick", ANALYZE,
          Key.of("ScoringLoopBenchmark", "ahoCorasick"), 1.2),
      Target.ratio("analyze / ahoCorasickDoubleArray", ANALYZE,
          Key.of("ScoringLoopBenchmark", "ahoCorasickDoubleArray"), 1.0),
      Target.ratio("analyze / luceneMonitor", ANALYZE,
          Key.of("ScoringLoopBenchmark", "luceneMonitor"), 5),
      Target.ratio("analyze / regexAlternation", ANALYZE,
          Key.of("ScoringLoopBenchmark", "regexAlternation"), 20),
      // What the number of rules costs is the match pass; analyze's cost also grows with the
      // evidence the rules find, which microsPerEvidence reports instead of a target.
      Target.ratio("matchPass, lexicon scale 100 / scale 1",
          new Key("LexiconScalingBenchmark", "matchPass", "100", 1),
          new Key("LexiconScalingBenchmark", "matchPass", "1", 1), 0.85),
      Target.ratio("300-char documents / 30,000-char documents",
          new Key("DocumentLengthBenchmark", "analyze", "300", 1),
          new Key("DocumentLengthBenchmark", "analyze", "30000", 1), 0.7),
      Target.ratio("2 threads / 1 thread", new Key("ThreadsBenchmark", "analyze", "", 2),
          new Key("ThreadsBenchmark", "analyze", "", 1), 1.8),
      new Target("analyzeWithoutResults allocation, 30,000-char documents (bytes per char)",
          new Key("DocumentLengthBenchmark", "analyzeWithoutResults", "30000", 1), null, 1,
          true));

  private final Map<Key, Score> scores;
  private final Map<Key, Long> charsPerOperation;
  private final Map<Key, Long> evidencePerOperation;

  /**
   * @param scores what JMH measured, by benchmark
   * @param charsPerOperation the input chars one operation of each benchmark passes over
   */
  Report(Map<Key, Score> scores, Map<Key, Long> charsPerOperation) {
    this(scores, charsPerOperation, Map.of());
  }

  /**
   * @param evidencePerOperation the pieces of evidence (kept and suppressed) one operation of
   *     {@code LexiconScalingBenchmark.analyze} returns, by its key (scales 1 and 100)
   */
  Report(Map<Key, Score> scores, Map<Key, Long> charsPerOperation,
      Map<Key, Long> evidencePerOperation) {
    this.scores = new LinkedHashMap<>(scores);
    this.charsPerOperation = new LinkedHashMap<>(charsPerOperation);
    this.evidencePerOperation = new LinkedHashMap<>(evidencePerOperation);
  }

  static final Key SCALE_1 = new Key("LexiconScalingBenchmark", "analyze", "1", 1);
  static final Key SCALE_100 = new Key("LexiconScalingBenchmark", "analyze", "100", 1);

  /**
   * What one more piece of evidence costs {@code analyze}, in microseconds: the extra time per
   * operation at lexicon scale 100 over scale 1, divided by the extra evidence it returns. Empty
   * without both scores and both counts.
   */
  Optional<Double> microsPerEvidence() {
    Score one = scores.get(SCALE_1);
    Score hundred = scores.get(SCALE_100);
    Long evidenceOne = evidencePerOperation.get(SCALE_1);
    Long evidenceHundred = evidencePerOperation.get(SCALE_100);
    if (one == null || hundred == null || evidenceOne == null || evidenceHundred == null
        || evidenceHundred <= evidenceOne) {
      return Optional.empty();
    }
    double extraSeconds = 1 / hundred.opsPerSecond() - 1 / one.opsPerSecond();
    if (!(extraSeconds > 0)) {
      return Optional.empty(); // scale 100 no slower than scale 1: the run's noise, not a cost
    }
    return Optional.of(extraSeconds * 1e6 / (evidenceHundred - evidenceOne));
  }

  /** The expected benchmarks that have no score (they failed, or were not run). */
  List<Key> missing() {
    return EXPECTED.stream().filter(k -> !scores.containsKey(k)).toList();
  }

  /** Millions of input chars per second. */
  Optional<Double> megacharsPerSecond(Key key) {
    Score score = scores.get(key);
    Long chars = charsPerOperation.get(key);
    if (score == null || chars == null) {
      return Optional.empty();
    }
    return Optional.of(score.opsPerSecond() * chars / 1e6);
  }

  /** Bytes allocated per input char, when the gc profiler ran. */
  Optional<Double> bytesPerChar(Key key) {
    Score score = scores.get(key);
    Long chars = charsPerOperation.get(key);
    if (score == null || chars == null || Double.isNaN(score.bytesPerOperation())) {
      return Optional.empty();
    }
    return Optional.of(score.bytesPerOperation() / chars);
  }

  /** The measured value of a target: the ratio, or bytes per char. */
  Optional<Double> measured(Target target) {
    if (target.denominator() == null) {
      return bytesPerChar(target.numerator());
    }
    Optional<Double> top = megacharsPerSecond(target.numerator());
    Optional<Double> bottom = megacharsPerSecond(target.denominator());
    if (top.isEmpty() || bottom.isEmpty() || bottom.get() == 0) {
      return Optional.empty();
    }
    return Optional.of(top.get() / bottom.get());
  }

  /** PASS, MISS, or a dash when the target cannot be judged. */
  String verdict(Target target, boolean judge) {
    Optional<Double> value = measured(target);
    if (value.isEmpty()) {
      return "no result";
    }
    if (!judge) {
      return "not judged";
    }
    boolean pass = target.atMost() ? value.get() < target.goal() : value.get() >= target.goal();
    return pass ? "PASS" : "MISS";
  }

  /**
   * The results table and the targets table, as Markdown. Without {@code judge} (a smoke run,
   * whose iterations are too short to mean anything) the targets are shown but not judged.
   */
  String markdown(boolean judge) {
    StringBuilder out = new StringBuilder();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Benchmark", "Params", "ops/s", "± (99.9%)", "MB/s", "alloc B/KB"));
    for (Key key : EXPECTED) {
      Score score = scores.get(key);
      if (score == null) {
        rows.add(List.of(key.benchmark() + "." + key.method(), key.params(), "FAILED", "", "",
            ""));
        continue;
      }
      rows.add(List.of(key.benchmark() + "." + key.method(), key.params(),
          number(score.opsPerSecond()), number(score.error()),
          megacharsPerSecond(key).map(Report::number).orElse(""),
          bytesPerChar(key).map(b -> number(b * 1000)).orElse("")));
    }
    table(out, rows, 2);
    out.append('\n');
    rows.clear();
    rows.add(List.of("Target", "Measured", "Goal", "Result"));
    for (Target target : TARGETS) {
      String unit = target.denominator() == null ? " B/char" : "×";
      rows.add(List.of(target.name(),
          measured(target).map(v -> number(v) + unit).orElse("—"),
          (target.atMost() ? "< " : "≥ ")
              + BigDecimal.valueOf(target.goal()).stripTrailingZeros().toPlainString() + unit,
          verdict(target, judge)));
    }
    table(out, rows, 1);
    Optional<Double> micros = microsPerEvidence();
    if (micros.isPresent()) {
      out.append(String.format(Locale.ROOT,
          "%nCost of evidence: %s µs per piece of evidence (LexiconScalingBenchmark.analyze, "
              + "scale 100 against scale 1: %,d against %,d pieces per operation)%n",
          number(micros.get()), evidencePerOperation.get(SCALE_100),
          evidencePerOperation.get(SCALE_1)));
    } else if (scores.containsKey(SCALE_1) && scores.containsKey(SCALE_100)
        && evidencePerOperation.containsKey(SCALE_1)
        && evidencePerOperation.containsKey(SCALE_100)) {
      out.append(String.format(Locale.ROOT,
          "%nCost of evidence: not measured in this run: LexiconScalingBenchmark.analyze at "
              + "scale 100 ran no slower than at scale 1 (%s against %s ops/s) although it finds "
              + "more evidence, so the difference is below the run's noise; a longer run "
              + "measures it%n",
          number(scores.get(SCALE_100).opsPerSecond()),
          number(scores.get(SCALE_1).opsPerSecond())));
    }
    return out.toString();
  }

  /** A Markdown table with columns padded to line up; columns from {@code right} on align right. */
  private static void table(StringBuilder out, List<List<String>> rows, int right) {
    int columns = rows.get(0).size();
    int[] width = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(Math.max(width[c], row.get(c).length()), 3);
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      line(out, rows.get(r), width, right);
      if (r == 0) {
        out.append('|');
        for (int c = 0; c < columns; c++) {
          out.append(' ').append("-".repeat(width[c] - (c >= right ? 1 : 0)))
              .append(c >= right ? ":" : "").append(" |");
        }
        out.append('\n');
      }
    }
  }

  private static void line(StringBuilder out, List<String> cells, int[] width, int right) {
    out.append('|');
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(width[c] - cell.length());
      out.append(' ').append(c >= right ? pad + cell : cell + pad).append(" |");
    }
    out.append('\n');
  }

  /** Three significant digits, with thousands separators for large numbers. */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "—";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (magnitude >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (magnitude >= 1 || magnitude == 0) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    if (magnitude >= 0.01) {
      return String.format(Locale.ROOT, "%.3f", value);
    }
    return String.format(Locale.ROOT, "%.2g", value);
  }
}
