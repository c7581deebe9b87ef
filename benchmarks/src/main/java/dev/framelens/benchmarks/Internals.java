package dev.framelens.benchmarks;

import dev.framelens.FrameDetector;
import dev.framelens.internal.engine.Engine;
import java.lang.reflect.Field;

/**
 * Reaches the engine behind a detector, for the benchmarks that measure a part of it (the match
 * pass, the analysis without result objects). The public API deliberately has no such door.
 */
final class Internals {
  private Internals() {}

  static Engine engine(FrameDetector detector) {
    try {
      Field field = FrameDetector.class.getDeclaredField("engine");
      field.setAccessible(true);
      return (Engine) field.get(detector);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("FrameDetector no longer has an 'engine' field", e);
    }
  }
}
