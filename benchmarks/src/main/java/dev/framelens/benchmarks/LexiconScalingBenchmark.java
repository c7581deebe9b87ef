package dev.framelens.benchmarks;

import dev.framelens.FrameDetector;
import dev.framelens.Lexicon;
import dev.framelens.internal.engine.Engine;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How throughput holds as the lexicon grows: the default lexicon ({@code scale} 1), and the
 * default lexicon extended with generated rules ({@link SyntheticLexicon}, seeded with the
 * scale) to {@code scale} times its number of frame rules. Same mixed documents as
 * {@link ScoringLoopBenchmark}; one operation is one pass over all of them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 3) // C2 takes about 10 s to settle the engine on 2 cores
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LexiconScalingBenchmark {
  /** Frame rules of the lexicon, as a multiple of the default lexicon's. */
  @Param({"1", "10", "100"})
  public int scale;

  List<String> documents;
  FrameDetector detector;
  Engine engine;

  @Setup
  public void setUp() {
    BenchmarkCorpus corpus = BenchmarkCorpus.load();
    documents = corpus.mixedDocuments();
    detector = detector(corpus, scale);
    engine = Internals.engine(detector);
    long matches = Passes.matchPass(engine, documents);
    System.out.println(String.format(Locale.ROOT, "LexiconScalingBenchmark scale %d: %,d rules, "
        + "%,d patterns, %,d automaton states; %,d pattern matches in the corpus", scale,
        ruleCount(detector.lexicon()), engine.lexicon().patterns.length,
        engine.lexicon().automaton.stateCount(), matches));
    System.out.println(BenchmarkCorpus.describe("LexiconScalingBenchmark", documents));
  }

  /** A detector whose lexicon has {@code scale} times the default lexicon's frame rules. */
  static FrameDetector detector(BenchmarkCorpus corpus, int scale) {
    if (scale < 1) {
      throw new IllegalArgumentException("scale must be at least 1: " + scale);
    }
    Lexicon lexicon = Lexicon.defaultEnglish();
    if (scale == 1) {
      return FrameDetector.builder().lexicon(lexicon).build();
    }
    int generated = (scale - 1) * ruleCount(lexicon);
    String text = SyntheticLexicon.generate(corpus.text(), generated, scale);
    return FrameDetector.builder().lexicon(lexicon.extend("generated-x" + scale + ".fl", text))
        .build();
  }

  static int ruleCount(Lexicon lexicon) {
    return (int) lexicon.rules().stream().filter(r -> r.kind() == Lexicon.Kind.RULE).count();
  }

  /** FrameLens end to end with the lexicon of this scale. */
  @Benchmark
  public void analyze(Blackhole blackhole) {
    Passes.analyze(detector, documents, blackhole);
  }

  /** The match pass alone with the lexicon of this scale. */
  @Benchmark
  public long matchPass() {
    return Passes.matchPass(engine, documents);
  }
}
