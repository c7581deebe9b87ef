package dev.framelens.spark.internal;

import static java.util.Objects.requireNonNull;

import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.io.Serializable;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;

/**
 * The functions Spark calls on each row. Each carries its {@link DetectorSpec} (serialized into
 * every task) and asks {@link Detectors} for the JVM's detector once per deserialized copy, so
 * the lexicon is compiled once per executor and the per-row cost is the analysis alone.
 *
 * <p>A row's content never fails the job: a null text, a text of another type, and (should the
 * engine ever throw on some text) a failed analysis become the row's {@code error}.
 */
public final class FrameLensFunctions {
  private FrameLensFunctions() {}

  /** A function Spark can ship to executors: serializable, as a UDF's parts must be. */
  @FunctionalInterface
  private interface ShippedFunction<A, B> extends Function<A, B>, Serializable {}

  /**
   * {@code framelens_analyze(text)}: the document's struct ({@code ANALYSIS_TYPE}).
   *
   * @param spec the detector to run
   * @return the function to register or wrap in a column
   */
  public static UDF1<Object, Row> analyze(DetectorSpec spec) {
    return new DetectorFunction<>(spec, AnalysisRows::document, AnalysisRows::documentError);
  }

  /**
   * {@code framelens_sentences(text)}: one struct per sentence ({@code SENTENCE_TYPE}).
   *
   * @param spec the detector to run
   * @return the function to register or wrap in a column
   */
  public static UDF1<Object, List<Row>> sentences(DetectorSpec spec) {
    return new DetectorFunction<>(spec, AnalysisRows::sentences, AnalysisRows::sentenceError);
  }

  /**
   * {@code framelens_labels(text)}: the labels alone, null for a text that cannot be analysed
   * (an array has no room for the reason; {@code framelens_analyze} gives it).
   *
   * @param spec the detector to run
   * @return the function to register or wrap in a column
   */
  public static UDF1<Object, List<String>> labels(DetectorSpec spec) {
    return new DetectorFunction<>(spec, analysis -> AnalysisRows.labels(analysis.labels()),
        why -> null);
  }

  /**
   * What every function does with a row's text: {@code result} of its analysis, or, for a text
   * that is not a string or whose analysis failed, {@code error} of the reason. It carries the
   * spec, and looks the JVM's detector up once per deserialized copy.
   */
  private static final class DetectorFunction<T> implements UDF1<Object, T> {
    private static final long serialVersionUID = 1L;
    private final DetectorSpec spec;
    private final ShippedFunction<FrameAnalysis, T> result;
    private final ShippedFunction<String, T> error;
    // Not serialized: each deserialized copy looks the JVM's detector up on its first row.
    private transient volatile FrameDetector detector;

    DetectorFunction(DetectorSpec spec, ShippedFunction<FrameAnalysis, T> result,
        ShippedFunction<String, T> error) {
      this.spec = requireNonNull(spec, "spec");
      this.result = result;
      this.error = error;
    }

    private FrameDetector detector() {
      FrameDetector d = detector;
      if (d == null) {
        d = Detectors.get(spec);
        detector = d;
      }
      return d;
    }

    @Override
    public T call(Object text) {
      String problem = problem(text);
      if (problem != null) {
        return error.apply(problem);
      }
      try {
        return result.apply(detector().analyze((String) text));
      } catch (RuntimeException e) {
        return error.apply("analysis failed: " + e);
      }
    }
  }

  /**
   * Why {@code text} cannot be analysed, or null when it is a string.
   *
   * @param text the value of the text column
   * @return a message for the row's {@code error} column, or null
   */
  static String problem(Object text) {
    if (text == null) {
      return "text is null";
    }
    if (!(text instanceof String)) {
      return "text is not a string but a " + text.getClass().getSimpleName();
    }
    return null;
  }
}
