package dev.framelens.spark.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.framelens.Frame;
import dev.framelens.FrameDetector;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One detector per JVM and spec, built once however many tasks ask at once. No Spark here. */
class DetectorsTest {
  private static final String RULES = "lexicon t 0.1\nframe victory\n"
      + "rule won-the-cup weight 0.9 : won the cup\n";

  private static DetectorSpec spec(String name, double victory) {
    double[] thresholds = new double[Frame.values().length];
    Arrays.fill(thresholds, Double.NaN);
    thresholds[Frame.VICTORY.ordinal()] = victory;
    return new DetectorSpec(false, List.of(new DetectorSpec.LexiconText(name, RULES)),
        thresholds);
  }

  @Test
  void manyTasksAskingAtOnceShareOneDetectorBuiltOnce() throws Exception {
    DetectorSpec spec = spec("once.fl", 0.5);
    int before = Detectors.builds();
    ExecutorService tasks = Executors.newFixedThreadPool(8);
    try {
      List<Future<FrameDetector>> got = tasks.invokeAll(java.util.Collections.nCopies(16,
          () -> Detectors.get(spec(/* an equal copy, as a deserialized task has */ "once.fl",
              0.5))));
      FrameDetector first = got.get(0).get();
      for (Future<FrameDetector> f : got) {
        assertSame(first, f.get());
      }
    } finally {
      tasks.shutdownNow();
    }
    assertEquals(before + 1, Detectors.builds());
    assertEquals(List.of(Frame.VICTORY),
        List.copyOf(Detectors.get(spec).analyze("They won the cup.").labels()));
  }

  @Test
  void theFingerprintCoversTextsNamesAndThresholds() {
    assertEquals(spec("a.fl", 0.5).fingerprint(), spec("a.fl", 0.5).fingerprint());
    assertNotEquals(spec("a.fl", 0.5).fingerprint(), spec("b.fl", 0.5).fingerprint());
    assertNotEquals(spec("a.fl", 0.5).fingerprint(), spec("a.fl", 0.6).fingerprint());
  }

  @Test
  void theCacheIsBounded() {
    for (int i = 0; i < Detectors.MAX_DETECTORS + 3; i++) {
      Detectors.get(spec("bounded-" + i + ".fl", 0.5));
    }
    assertEquals(Detectors.MAX_DETECTORS, Detectors.size());
  }
}
