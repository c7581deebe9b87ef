package dev.framelens.benchmarks;

import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import dev.framelens.spark.FrameLensSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A timed comparison, not JMH (Spark's own threads and its session start do not fit JMH's fork
 * model, and Spark is not shaded into benchmarks.jar): the throughput of the Dataset path,
 * {@link FrameLensSpark#analyze} with every column written to Spark's {@code noop} sink, on a
 * local[1] and a local[2] session, against {@link FrameDetector#analyze} in a plain loop on one
 * thread, all over the mixed documents of the benchmark corpus.
 *
 * <p>Each round times, in this order, the plain loop, local[1] and local[2] (each session
 * started afresh, its input cached in memory and one untimed pass run first), and prints the
 * ratios of that round, so that each ratio compares numbers measured minutes apart at most on
 * this noisy machine. Run from the repository root (see benchmarks/README.md):
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -pl benchmarks -Pspark exec:exec@spark
 * </pre>
 *
 * {@code -Dframelens.benchmark.chars=N} (default 8,000,000), {@code -Drounds=N} (default 3),
 * {@code -Dpasses=N} timed passes per measurement, the best taken (default 3).
 */
public final class SparkThroughput {
  private static final int PARTITIONS = 16;

  private SparkThroughput() {}

  /**
   * Runs the comparison and prints a table.
   *
   * @param args none
   */
  public static void main(String[] args) {
    int rounds = Integer.getInteger("rounds", 3);
    int passes = Integer.getInteger("passes", 3);
    BenchmarkCorpus corpus = BenchmarkCorpus.load();
    List<String> documents = corpus.mixedDocuments();
    long chars = documents.stream().mapToLong(String::length).sum();
    System.out.println("Corpus: " + corpus.origin());
    System.out.println(BenchmarkCorpus.describe("SparkThroughput", documents)
        + String.format(Locale.ROOT, ", %d partitions, best of %d passes, %d rounds",
            PARTITIONS, passes, rounds));
    System.out.println("Processors: " + Runtime.getRuntime().availableProcessors());

    FrameDetector detector = FrameDetector.withDefaultLexicon();
    for (int i = 0; i < 3; i++) {
      plainLoop(detector, documents); // warms the engine up, as the sessions' first pass does
    }
    List<double[]> results = new ArrayList<>();
    System.out.println();
    System.out.println("round  plain MB/s  local[1] MB/s  local[2] MB/s  local[2]/local[1]"
        + "  local[1]/plain  CPUs busy: plain  local[1]  local[2]");
    for (int round = 1; round <= rounds; round++) {
      double plain = best(passes, () -> plainLoop(detector, documents));
      double plainCpus = lastCpus;
      double one = datasetPath("local[1]", documents, passes);
      double oneCpus = lastCpus;
      double two = datasetPath("local[2]", documents, passes);
      double twoCpus = lastCpus;
      double[] mbPerS = {chars / plain / 1e6, chars / one / 1e6, chars / two / 1e6};
      results.add(mbPerS);
      System.out.printf(Locale.ROOT, "%5d  %10.1f  %13.1f  %13.1f  %17.2f  %14.2f  %16.2f  %8.2f"
          + "  %8.2f%n", round, mbPerS[0], mbPerS[1], mbPerS[2], mbPerS[2] / mbPerS[1],
          mbPerS[1] / mbPerS[0], plainCpus, oneCpus, twoCpus);
    }
    double minScale = Double.MAX_VALUE;
    double maxScale = 0;
    double minOverhead = Double.MAX_VALUE;
    double maxOverhead = 0;
    for (double[] r : results) {
      minScale = Math.min(minScale, r[2] / r[1]);
      maxScale = Math.max(maxScale, r[2] / r[1]);
      minOverhead = Math.min(minOverhead, r[1] / r[0]);
      maxOverhead = Math.max(maxOverhead, r[1] / r[0]);
    }
    System.out.printf(Locale.ROOT, "%nlocal[2]/local[1]: %.2f to %.2f (target >= 1.7: %s)%n",
        minScale, maxScale, minScale >= 1.7 ? "PASS" : "MISS");
    System.out.printf(Locale.ROOT, "Dataset local[1]/plain loop: %.2f to %.2f (target >= 0.6: "
        + "%s)%n", minOverhead, maxOverhead, minOverhead >= 0.6 ? "PASS" : "MISS");
  }

  /**
   * The processors the JVM kept busy during the last fastest pass of {@link #best}: its process
   * CPU time over its wall time. On local[1] more than one, since the driver's threads, the JIT
   * and the collector run beside the task thread; what local[2] can add is what is left.
   */
  private static double lastCpus;

  /** Seconds of the fastest of {@code passes} runs. */
  private static double best(int passes, Runnable pass) {
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    double best = Double.MAX_VALUE;
    for (int i = 0; i < passes; i++) {
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      pass.run();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (seconds < best) {
        best = seconds;
        lastCpus = (os.getProcessCpuTime() - cpuStart) / 1e9 / seconds;
      }
    }
    return best;
  }

  private static long plainLoop(FrameDetector detector, List<String> documents) {
    long evidence = 0;
    for (String document : documents) {
      FrameAnalysis a = detector.analyze(document);
      evidence += a.evidence().size() + a.labels().size();
    }
    return evidence;
  }

  /** Seconds of the fastest pass of the Dataset path on a fresh session of {@code master}. */
  private static double datasetPath(String master, List<String> documents, int passes) {
    SparkSession spark = SparkSession.builder()
        .master(master)
        .appName("SparkThroughput " + master)
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      Dataset<Row> input = spark.createDataset(documents, Encoders.STRING()).toDF("text")
          .repartition(PARTITIONS).cache();
      input.count(); // the input in memory before timing: reading is not what is measured
      FrameLensSpark lens = FrameLensSpark.withDefaultLexicon();
      Runnable pass = () -> lens.analyze(input, "text").write().format("noop")
          .mode("overwrite").save();
      pass.run(); // untimed: the session's own classes and code paths warm up
      return best(passes, pass);
    } finally {
      spark.stop();
    }
  }
}
