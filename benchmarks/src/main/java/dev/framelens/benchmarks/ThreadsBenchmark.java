package dev.framelens.benchmarks;

import dev.framelens.FrameDetector;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One detector shared by every JMH thread. The corpus is cut into {@value #SLICES} slices, each
 * a mix of document sizes; thread i passes over slice i (mod {@value #SLICES}) per operation, so
 * the threads do not read the same documents. Run it with {@code -t 1} and {@code -t 2}: JMH
 * reports the threads' summed throughput, so the ratio is the scaling of the shared detector.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 3) // C2 takes about 10 s to settle the engine on 2 cores
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ThreadsBenchmark {
  /** Slices of the corpus: one operation of a thread passes over one of them. */
  static final int SLICES = 8;

  FrameDetector detector;
  List<List<String>> slices;

  /** The documents of each slice, as the forks build them. */
  static List<List<String>> slices() {
    return BenchmarkCorpus.load().slices(SLICES).stream().map(BenchmarkCorpus::mixedDocuments)
        .toList();
  }

  @Setup
  public void setUp() {
    detector = FrameDetector.withDefaultLexicon();
    slices = slices();
    System.out.println(BenchmarkCorpus.describe("ThreadsBenchmark slice 0", slices.get(0)));
  }

  /** The slice of the corpus one thread passes over. */
  @State(Scope.Thread)
  public static class Slice {
    List<String> documents;

    @Setup
    public void setUp(ThreadsBenchmark shared, ThreadParams thread) {
      documents = shared.slices.get(thread.getThreadIndex() % SLICES);
    }
  }

  /** FrameLens end to end on the shared detector, over this thread's slice. */
  @Benchmark
  public void analyze(Slice slice, Blackhole blackhole) {
    Passes.analyze(detector, slice.documents, blackhole);
  }
}
