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

  /** What runs the detector: the spec, and the detector once looked up. */
  private abstract static class DetectorFunction implements Serializable {
    private static final long serialVersionUID = 1L;
    private final DetectorSpec spec;
    // Not serialized: each deserialized copy looks the JVM's detector up on its first row.
    private transient volatile FrameDetector detector;

    DetectorFunction(DetectorSpec spec) {
      this.spec = requireNonNull(spec, "spec");
    }

    final FrameDetector detector() {
      FrameDetector d = detector;
      if (d == null) {
        d = Detectors.get(spec);
        detector = d;
      }
      return d;
    }

    /**
     * What every function does with a row's text: {@code result} of its analysis, or, for a
     * text that is not a string or whose analysis failed, {@code error} of the reason.
     */
    final <T> T analyzeOr(Object text, Function<FrameAnalysis, T> result,
        Function<String, T> error) {
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

  /** {@code framelens_analyze(text)}: the document's struct ({@code ANALYSIS_TYPE}). */
  public static final class Analyze extends DetectorFunction implements UDF1<Object, Row> {
    private static final long serialVersionUID = 1L;

    /**
     * A function over {@code spec}'s detector.
     *
     * @param spec the detector to run
     */
    public Analyze(DetectorSpec spec) {
      super(spec);
    }

    @Override
    public Row call(Object text) {
      return analyzeOr(text, AnalysisRows::document, AnalysisRows::documentError);
    }
  }

  /** {@code framelens_sentences(text)}: one struct per sentence ({@code SENTENCE_TYPE}). */
  public static final class Sentences extends DetectorFunction
      implements UDF1<Object, List<Row>> {
    private static final long serialVersionUID = 1L;

    /**
     * A function over {@code spec}'s detector.
     *
     * @param spec the detector to run
     */
    public Sentences(DetectorSpec spec) {
      super(spec);
    }

    @Override
    public List<Row> call(Object text) {
      return analyzeOr(text, AnalysisRows::sentences, AnalysisRows::sentenceError);
    }
  }

  /**
   * {@code framelens_labels(text)}: the labels alone, null for a text that cannot be analysed
   * (an array has no room for the reason; {@code framelens_analyze} gives it).
   */
  public static final class Labels extends DetectorFunction
      implements UDF1<Object, List<String>> {
    private static final long serialVersionUID = 1L;

    /**
     * A function over {@code spec}'s detector.
     *
     * @param spec the detector to run
     */
    public Labels(DetectorSpec spec) {
      super(spec);
    }

    @Override
    public List<String> call(Object text) {
      return analyzeOr(text, analysis -> AnalysisRows.labels(analysis.labels()), why -> null);
    }
  }
}
