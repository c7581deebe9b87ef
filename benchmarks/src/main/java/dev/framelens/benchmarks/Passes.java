package dev.framelens.benchmarks;

import dev.framelens.FrameDetector;
import dev.framelens.internal.engine.Engine;
import java.util.List;
import java.util.regex.Matcher;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One pass of FrameLens over a list of documents, as every benchmark class measures it, so that
 * the classes' figures are of the same loop.
 */
final class Passes {
  private Passes() {}

  /** {@code analyze()} of every document, each result consumed. */
  static void analyze(FrameDetector detector, List<String> documents, Blackhole blackhole) {
    for (String doc : documents) {
      blackhole.consume(detector.analyze(doc));
    }
  }

  /** The match pass over every document; the number of pattern matches. */
  static long matchPass(Engine engine, List<String> documents) {
    long matches = 0;
    for (String doc : documents) {
      matches += engine.matchPass(doc);
    }
    return matches;
  }

  /** The matches of {@code matcher} in {@code text}. */
  static long count(Matcher matcher, String text) {
    long matches = 0;
    matcher.reset(text);
    while (matcher.find()) {
      matches++;
    }
    return matches;
  }
}
