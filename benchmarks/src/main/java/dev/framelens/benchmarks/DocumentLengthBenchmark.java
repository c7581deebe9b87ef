package dev.framelens.benchmarks;

import dev.framelens.FrameDetector;
import dev.framelens.internal.engine.Engine;
import java.util.List;
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
 * Throughput by document length: the same text (the first {@value #TEXT_CHARS} chars of the
 * corpus, or all of a smaller one) cut into documents of {@code documentSize} chars at sentence
 * ends; one operation is one pass over all of them, so chars/s compare across sizes.
 * {@link #analyzeWithoutResults} gives the allocation figure: with {@code -prof gc},
 * {@code gc.alloc.rate.norm} (bytes per operation) divided by the chars of one operation is the
 * engine's allocation per input char, without the returned result objects.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 3) // C2 takes about 10 s to settle the engine on 2 cores
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DocumentLengthBenchmark {
  /** The text every size passes over, at most. */
  static final int TEXT_CHARS = 1_500_000;

  /** Document size in chars. */
  @Param({"300", "3000", "30000"})
  public int documentSize;

  List<String> documents;
  FrameDetector detector;
  Engine engine;

  /** The documents of one operation, as the forks build them. */
  static List<String> documents(int documentSize) {
    return BenchmarkCorpus.load(Math.min(TEXT_CHARS, BenchmarkCorpus.configuredChars()))
        .documents(documentSize);
  }

  @Setup
  public void setUp() {
    documents = documents(documentSize);
    detector = FrameDetector.withDefaultLexicon();
    engine = Internals.engine(detector);
    System.out.println(BenchmarkCorpus.describe("DocumentLengthBenchmark " + documentSize,
        documents));
  }

  /** FrameLens end to end over documents of this size. */
  @Benchmark
  public void analyze(Blackhole blackhole) {
    Passes.analyze(detector, documents, blackhole);
  }

  /** Everything analyze does except building the public result objects. */
  @Benchmark
  public long analyzeWithoutResults() {
    long evidence = 0;
    for (String doc : documents) {
      evidence += engine.analyzeWithoutResults(doc);
    }
    return evidence;
  }
}
