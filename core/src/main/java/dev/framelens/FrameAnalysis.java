package dev.framelens;

import static java.util.Objects.requireNonNull;

import dev.framelens.internal.engine.EngineResult;
import java.util.AbstractList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The frames a document uses, with scores, evidence, per-sentence results and casualty
 * figures. Immutable and thread-safe.
 *
 * <pre>{@code
 * FrameAnalysis a = FrameDetector.withDefaultLexicon().analyze(text);
 * if (a.labels().contains(Frame.SURVIVAL_AS_WIN)) {
 *   a.evidence().stream()
 *       .filter(e -> e.frame() == Frame.SURVIVAL_AS_WIN)
 *       .forEach(e -> System.out.println(e.text() + " (" + e.ruleId() + ")"));
 * }
 * a.suppressed();     // matches a modifier cancelled: why a label is absent
 * a.sentences();      // labels and scores per sentence
 * }</pre>
 */
public final class FrameAnalysis {
  private static final int FRAMES = Frame.values().length;

  private final EngineResult result;
  private final double[] thresholds;
  private final Set<Frame> labels;

  FrameAnalysis(EngineResult result, double[] thresholds) {
    this.result = result;
    this.thresholds = thresholds;
    this.labels = labelsOf(result.documentScores, 0, thresholds);
  }

  /**
   * A sentence of the document with its own labels and scores.
   *
   * @param index position in {@link #sentences()}
   * @param start char offset of its first char in the analysed text
   * @param end char offset one past its last char
   * @param text the sentence, equal to the source substring
   * @param labels frames whose sentence score reaches the threshold, in {@link Frame} order
   * @param scores score per frame, in {@code [0, 1]}
   */
  public record Sentence(int index, int start, int end, String text, Set<Frame> labels,
      Map<Frame, Double> scores) {
    /**
     * Copies the collections.
     *
     * @param index position in {@link #sentences()}
     * @param start char offset of its first char
     * @param end char offset one past its last char
     * @param text the sentence
     * @param labels frames whose sentence score reaches the threshold; copied
     * @param scores score per frame; copied
     * @throws NullPointerException if {@code text}, {@code labels} or {@code scores} is null
     */
    public Sentence {
      requireNonNull(text, "text");
      labels = labels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(labels));
      Map<Frame, Double> copy = new EnumMap<>(Frame.class);
      copy.putAll(scores); // not new EnumMap<>(scores), which refuses an empty plain map
      scores = Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
      return "#" + index + " " + labels + " \"" + text + "\"";
    }
  }

  private static Set<Frame> labelsOf(double[] scores, int offset, double[] thresholds) {
    EnumSet<Frame> set = EnumSet.noneOf(Frame.class);
    for (Frame f : Frame.values()) {
      if (scores[offset + f.ordinal()] >= thresholds[f.ordinal()]) {
        set.add(f);
      }
    }
    return Collections.unmodifiableSet(set);
  }

  private static Map<Frame, Double> scoresOf(double[] scores, int offset) {
    EnumMap<Frame, Double> map = new EnumMap<>(Frame.class);
    for (Frame f : Frame.values()) {
      map.put(f, scores[offset + f.ordinal()]);
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * The frames whose document score reaches its threshold, in {@link Frame} order.
   *
   * @return the document's labels, unmodifiable, possibly empty
   */
  public Set<Frame> labels() {
    return labels;
  }

  /**
   * The document's score for {@code frame}, in {@code [0, 1]}.
   *
   * @param frame the frame
   * @return the score, 0 when nothing in the text supports {@code frame}
   * @throws NullPointerException if {@code frame} is null
   */
  public double score(Frame frame) {
    return result.documentScores[requireNonNull(frame, "frame").ordinal()];
  }

  /**
   * The document's score for every frame.
   *
   * @return each frame's score in {@code [0, 1]}, in {@link Frame} order, unmodifiable
   */
  public Map<Frame, Double> scores() {
    return scoresOf(result.documentScores, 0);
  }

  /**
   * The evidence behind the scores, in text order.
   *
   * @return the kept (not suppressed) evidence, unmodifiable
   */
  public List<Evidence> evidence() {
    return result.evidence;
  }

  /**
   * Matches that a modifier or block cancelled, in text order: why a label is absent. Each
   * names its cause as the last of its {@linkplain Evidence#modifiers() modifiers}.
   *
   * @return the suppressed evidence, unmodifiable
   */
  public List<Evidence> suppressed() {
    return result.suppressed;
  }

  /**
   * The document's sentences with their own labels and scores, built on demand.
   *
   * @return the sentences in text order, an unmodifiable view that makes each {@link Sentence}
   *     when it is read
   */
  public List<Sentence> sentences() {
    return new AbstractList<>() {
      @Override
      public Sentence get(int i) {
        if (i < 0 || i >= result.sentenceCount) {
          throw new IndexOutOfBoundsException("sentence " + i + " of " + result.sentenceCount);
        }
        int start = result.sentenceStart[i];
        int end = result.sentenceEnd[i];
        return new Sentence(i, start, end, result.text.substring(start, end),
            labelsOf(result.sentenceScores, i * FRAMES, thresholds),
            scoresOf(result.sentenceScores, i * FRAMES));
      }

      @Override
      public int size() {
        return result.sentenceCount;
      }
    };
  }

  /**
   * The casualty figures stated in the text, in text order.
   *
   * @return the figures, unmodifiable, possibly empty
   */
  public List<CasualtyCount> casualtyCounts() {
    return result.casualties;
  }

  /**
   * The analysed text.
   *
   * @return the text given to {@link FrameDetector#analyze(String)}, which all offsets index
   */
  public String text() {
    return result.text;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("FrameAnalysis ").append(labels).append(" scores {");
    for (Frame f : Frame.values()) {
      s.append(f.ordinal() == 0 ? "" : ", ").append(f.id()).append('=')
          .append(String.format(Locale.ROOT, "%.2f", result.documentScores[f.ordinal()]));
    }
    s.append("}, ").append(result.sentenceCount).append(result.sentenceCount == 1
        ? " sentence" : " sentences");
    for (Evidence e : result.evidence) {
      s.append("\n  evidence   ").append(e);
    }
    for (Evidence e : result.suppressed) {
      s.append("\n  suppressed ").append(e);
    }
    for (CasualtyCount c : result.casualties) {
      s.append("\n  casualty   ").append(c);
    }
    return s.toString();
  }
}
