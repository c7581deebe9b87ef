package dev.framelens.spark.internal;

import dev.framelens.FrameDetector;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The detectors of this JVM, one per {@link DetectorSpec}, built on first use and then shared by
 * every task the JVM runs (a detector is immutable and thread-safe). On an executor that means
 * the lexicon is compiled once, by the first task that needs it, while the other tasks wait for
 * it; in local mode the driver's own check at build time already put it here.
 *
 * <p>At most {@link #MAX_DETECTORS} are kept, the least recently used dropped first, so that a
 * long-lived JVM running job after job with different lexicons does not hold every detector it
 * ever built.
 */
public final class Detectors {
  /** How many detectors one JVM keeps. */
  static final int MAX_DETECTORS = 8;

  private static final Map<String, Lazy> BY_FINGERPRINT =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Lazy> eldest) {
          return size() > MAX_DETECTORS;
        }
      };

  /** How many detectors this JVM has compiled; for tests. */
  private static final AtomicInteger BUILDS = new AtomicInteger();

  private Detectors() {}

  /** How many detectors this JVM has compiled since it started; for tests. */
  static int builds() {
    return BUILDS.get();
  }

  /**
   * The detector of {@code spec}, built by the first caller.
   *
   * @throws dev.framelens.LexiconException if the spec's lexicon does not compile (the driver
   *     checks that before any task runs, so a task meets it only if the classes differ)
   */
  public static FrameDetector get(DetectorSpec spec) {
    Lazy lazy;
    synchronized (BY_FINGERPRINT) {
      lazy = BY_FINGERPRINT.computeIfAbsent(spec.fingerprint(), k -> new Lazy(spec));
    }
    return lazy.get();
  }

  /** How many detectors this JVM holds now; for tests. */
  static int size() {
    synchronized (BY_FINGERPRINT) {
      return BY_FINGERPRINT.size();
    }
  }

  /** Forgets every detector; for tests. */
  static void clear() {
    synchronized (BY_FINGERPRINT) {
      for (Iterator<?> i = BY_FINGERPRINT.values().iterator(); i.hasNext(); ) {
        i.next();
        i.remove();
      }
    }
  }

  /** Builds its detector once; the others asking meanwhile wait for that build. */
  private static final class Lazy {
    private final DetectorSpec spec;
    private volatile FrameDetector detector;

    Lazy(DetectorSpec spec) {
      this.spec = spec;
    }

    FrameDetector get() {
      FrameDetector built = detector;
      if (built == null) {
        synchronized (this) {
          built = detector;
          if (built == null) {
            built = spec.build();
            BUILDS.incrementAndGet();
            detector = built;
          }
        }
      }
      return built;
    }
  }
}
