package dev.framelens.benchmarks;

import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark on this machine, one after the other, and prints one table of scores,
 * MB/s and the targets' ratios (see {@link Report}). The scoring loop, the lexicon scales and
 * one thread run first; the document lengths then run with the gc profiler, which reports the
 * allocation; the shared detector last runs with two threads.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar                 # the full run
 * java -jar benchmarks/target/benchmarks.jar --quick         # a sanity run, under 2 minutes
 * java -jar benchmarks/target/benchmarks.jar --smoke         # one short iteration each (CI)
 * java -jar benchmarks/target/benchmarks.jar --markdown run.md
 * java -jar benchmarks/target/benchmarks.jar --jmh -h        # JMH's own command line
 * java -jar benchmarks/target/benchmarks.jar ScoringLoopBenchmark -prof gc
 * </pre>
 *
 * Arguments the runner does not know go to JMH's command line unchanged.
 */
public final class Main {
  /** How long the run takes, and how much it can be trusted. */
  enum Mode {
    /** The annotations' warmup and measurement over the 8 MB corpus: the numbers to quote. */
    FULL(BenchmarkCorpus.DEFAULT_CHARS),
    /** One short warmup and two short measurements over a 400 KB corpus: a sanity check. */
    QUICK(400_000),
    /**
     * One 100 ms measurement of each benchmark and no warmup over a 60 KB corpus: proves that
     * every benchmark runs, measures nothing.
     */
    SMOKE(60_000);

    final int corpusChars;

    Mode(int corpusChars) {
      this.corpusChars = corpusChars;
    }
  }

  /** What the command line asked for. */
  record Arguments(Mode mode, Path markdown, String[] jmh) {
    /**
     * Reads the runner's arguments; anything else makes the whole command line JMH's.
     *
     * @throws IllegalArgumentException on a runner option without its value, or runner options
     *     mixed with JMH's
     */
    static Arguments parse(String... args) {
      if (args.length > 0 && args[0].equals("--jmh")) {
        return new Arguments(null, null, Arrays.copyOfRange(args, 1, args.length));
      }
      Mode mode = Mode.FULL;
      Path markdown = null;
      boolean ours = false;
      boolean theirs = false;
      for (int i = 0; i < args.length; i++) {
        boolean known = true;
        switch (args[i]) {
          case "--quick" -> mode = Mode.QUICK;
          case "--smoke" -> mode = Mode.SMOKE;
          case "--full" -> mode = Mode.FULL;
          case "--markdown" -> {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException("--markdown needs a file name");
            }
            markdown = Path.of(args[++i]);
          }
          default -> known = false;
        }
        ours |= known;
        theirs |= !known;
      }
      if (theirs) {
        if (ours) {
          throw new IllegalArgumentException("the runner's options (--quick, --smoke, --full, "
              + "--markdown) cannot be mixed with JMH's: " + String.join(" ", args));
        }
        return new Arguments(null, null, args);
      }
      return new Arguments(mode, markdown, null);
    }
  }

  private static final String USAGE = """
      Usage: java -jar benchmarks.jar [--quick | --smoke | --full] [--markdown FILE]
             java -jar benchmarks.jar --jmh [JMH options]   (or any JMH command line)

      Runs every FrameLens benchmark and prints one table: scores, MB/s, and the targets' ratios.
        --full           the full run (default): proper warmup and measurement, 8 MB corpus
        --quick          a sanity run of about two minutes over a 400 KB corpus
        --smoke          each benchmark once, briefly, over a 60 KB corpus; exit 1 if any fails
        --markdown FILE  also write the table to FILE
      -Dframelens.benchmark.chars=N changes the corpus size; -Dframelens.shared=DIR the folder
      whose corpus/*.jsonl and seeds/*.txt texts make the corpus (default ../shared; generated
      text when it has none).
      """;

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      System.out.print(USAGE);
      return;
    }
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (arguments.jmh() != null) {
      org.openjdk.jmh.Main.main(arguments.jmh());
      return;
    }
    System.exit(run(arguments.mode(), arguments.markdown()));
  }

  /** Runs everything and prints the report; returns the exit code. */
  static int run(Mode mode, Path markdown) throws IOException {
    // The forks and this JVM must see the same corpus, so that MB/s is computed over the text
    // the benchmarks ran on.
    int chars = Integer.getInteger(BenchmarkCorpus.CHARS_PROPERTY, mode.corpusChars);
    System.setProperty(BenchmarkCorpus.CHARS_PROPERTY, Integer.toString(chars));
    Path shared;
    try {
      shared = BenchmarkCorpus.sharedDirectory().toAbsolutePath().normalize();
      // Read once here, so that a file the corpus cannot be made of stops the run before JMH.
      BenchmarkCorpus.load(chars, shared);
    } catch (RuntimeException e) {
      System.err.println("Cannot build the benchmark corpus: " + e.getMessage());
      return 2;
    }
    System.setProperty(BenchmarkCorpus.SHARED_PROPERTY, shared.toString());

    String loadBefore = loadAverage();
    long started = System.nanoTime();
    Map<Report.Key, Report.Score> scores = new LinkedHashMap<>();
    try {
      collect(scores, new Runner(options(mode, chars, shared)
          .include(only(ScoringLoopBenchmark.class))
          .include(only(LexiconScalingBenchmark.class))
          .include(only(ThreadsBenchmark.class))
          .threads(1)
          .build()).run());
      collect(scores, new Runner(options(mode, chars, shared)
          .include(only(DocumentLengthBenchmark.class))
          .addProfiler(GCProfiler.class)
          .threads(1)
          .build()).run());
      collect(scores, new Runner(options(mode, chars, shared)
          .include(only(ThreadsBenchmark.class))
          .threads(2)
          .build()).run());
    } catch (RunnerException e) {
      // A smoke run stops at the first failing benchmark, any run when JMH cannot start (another
      // JMH holds its lock); the table below names what did not run.
      System.err.println("The run stopped: " + e.getMessage());
    }
    long seconds = Math.round((System.nanoTime() - started) / 1e9);

    Report report = new Report(scores, charsPerOperation(), evidencePerOperation());
    String text = header(mode, chars, seconds, loadBefore + " before, " + loadAverage()
        + " after") + "\n" + report.markdown(mode != Mode.SMOKE);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println();
    out.print(text);
    if (markdown != null) {
      Files.writeString(markdown, text, StandardCharsets.UTF_8);
      out.println("\nWritten to " + markdown);
    }
    List<Report.Key> missing = report.missing();
    if (!missing.isEmpty()) {
      System.err.println("\nNo result for " + missing.size() + " benchmark(s): " + missing);
      return 1;
    }
    return 0;
  }

  private static ChainedOptionsBuilder options(Mode mode, int chars, Path shared) {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .jvmArgsPrepend("-D" + BenchmarkCorpus.CHARS_PROPERTY + "=" + chars,
            "-D" + BenchmarkCorpus.SHARED_PROPERTY + "=" + shared)
        .shouldFailOnError(mode == Mode.SMOKE)
        // A full GC between iterations: otherwise young collections keep copying the corpus and
        // the detector, built at setup, between survivor spaces for the first ~15 collections,
        // and the scores swing by a quarter with where that data lies (seen on matchPass: 7.5
        // ops/s in that phase, 10 before and after it).
        .shouldDoGC(mode != Mode.SMOKE);
    switch (mode) {
      case QUICK -> options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
          .measurementIterations(2).measurementTime(TimeValue.seconds(1));
      case SMOKE -> options.warmupIterations(0)
          .measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
      case FULL -> { } // the annotations' warmup and measurement
      default -> throw new AssertionError(mode);
    }
    return options;
  }

  /** The include pattern of one benchmark class's methods. */
  private static String only(Class<?> benchmark) {
    return "^" + Pattern.quote(benchmark.getName()) + "\\.";
  }

  private static void collect(Map<Report.Key, Report.Score> scores,
      Collection<RunResult> results) {
    for (RunResult result : results) {
      BenchmarkParams params = result.getParams();
      String name = params.getBenchmark();
      int dot = name.lastIndexOf('.');
      String benchmark = name.substring(name.lastIndexOf('.', dot - 1) + 1, dot);
      String param = "";
      for (String key : params.getParamsKeys()) {
        param = params.getParam(key);
      }
      Result primary = result.getPrimaryResult();
      double bytesPerOperation = result.getSecondaryResults().entrySet().stream()
          .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
          .mapToDouble(e -> e.getValue().getScore())
          .findFirst().orElse(Double.NaN);
      scores.put(new Report.Key(benchmark, name.substring(dot + 1), param, params.getThreads()),
          new Report.Score(primary.getScore(), primary.getScoreError(), bytesPerOperation));
    }
  }

  /** The input chars one operation of each benchmark passes over, as the forks built them. */
  static Map<Report.Key, Long> charsPerOperation() {
    Map<Report.Key, Long> chars = new LinkedHashMap<>();
    long mixed = charsOf(ScoringLoopBenchmark.documents());
    long sample = charsOf(ScoringLoopBenchmark.sampleDocuments());
    List<List<String>> slices = ThreadsBenchmark.slices();
    for (Report.Key key : Report.EXPECTED) {
      long perOperation = switch (key.benchmark()) {
        case "ScoringLoopBenchmark" -> switch (key.method()) {
          case "regexPerRule", "regexAlternation", "luceneMonitor" -> sample;
          default -> mixed;
        };
        case "LexiconScalingBenchmark" -> mixed;
        case "DocumentLengthBenchmark" ->
            charsOf(DocumentLengthBenchmark.documents(Integer.parseInt(key.param())));
        case "ThreadsBenchmark" -> {
          // Thread i passes over slice i: the threads' mean slice is one operation.
          long sum = 0;
          for (int t = 0; t < key.threads(); t++) {
            sum += charsOf(slices.get(t % slices.size()));
          }
          yield sum / key.threads();
        }
        default -> throw new AssertionError(key);
      };
      chars.put(key, perOperation);
    }
    return chars;
  }

  /**
   * The pieces of evidence (kept and suppressed) one operation of {@code
   * LexiconScalingBenchmark.analyze} returns at scales 1 and 100, counted with detectors built
   * as the forks build them: what the cost per piece of evidence is worked out from.
   */
  static Map<Report.Key, Long> evidencePerOperation() {
    BenchmarkCorpus corpus = BenchmarkCorpus.load();
    List<String> documents = corpus.mixedDocuments();
    Map<Report.Key, Long> evidence = new LinkedHashMap<>();
    for (Report.Key key : List.of(Report.SCALE_1, Report.SCALE_100)) {
      FrameDetector detector =
          LexiconScalingBenchmark.detector(corpus, Integer.parseInt(key.param()));
      long pieces = 0;
      for (String document : documents) {
        FrameAnalysis analysis = detector.analyze(document);
        pieces += analysis.evidence().size() + analysis.suppressed().size();
      }
      evidence.put(key, pieces);
    }
    return evidence;
  }

  private static long charsOf(List<String> documents) {
    return documents.stream().mapToLong(String::length).sum();
  }

  /** The run's mode, date, machine, JVM and corpus, as Markdown lines. */
  private static String header(Mode mode, int chars, long seconds, String load) {
    BenchmarkCorpus corpus = BenchmarkCorpus.load();
    String when = ZonedDateTime.now(ZoneOffset.UTC)
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT));
    return String.format(Locale.ROOT, """
        FrameLens benchmarks: %s run, %s, %d s
        - Machine: %s, %d processors (nproc), %s %s %s; load average %s
        - Java: %s %s (%s)
        - Corpus: %,d chars of %s; one operation of ScoringLoopBenchmark and \
        LexiconScalingBenchmark passes over all of it (regexPerRule, regexAlternation and \
        luceneMonitor over its first %,d chars), DocumentLengthBenchmark over %,d chars, \
        ThreadsBenchmark over 1/%d of it per thread
        """, mode.name().toLowerCase(Locale.ROOT), when, seconds, cpuModel(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
        System.getProperty("os.version"), System.getProperty("os.arch"), load,
        System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.vendor"), corpus.text().length(), corpus.origin(),
        charsOf(ScoringLoopBenchmark.sampleDocuments()), Math.min(DocumentLengthBenchmark.TEXT_CHARS, chars), ThreadsBenchmark.SLICES);
  }

  /**
   * The one-minute load average (Linux), or "unknown": other work on the machine skews every
   * number of the run, so the report says how busy it was.
   */
  private static String loadAverage() {
    try {
      String line = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII);
      return line.substring(0, line.indexOf(' '));
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** The CPU's model name from /proc/cpuinfo (Linux), or "unknown CPU". */
  private static String cpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(cpuinfo)) {
      return "unknown CPU";
    }
    try (Stream<String> lines = Files.lines(cpuinfo)) {
      return lines.filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst().orElse("unknown CPU");
    } catch (IOException | java.io.UncheckedIOException e) {
      return "unknown CPU";
    }
  }
}
