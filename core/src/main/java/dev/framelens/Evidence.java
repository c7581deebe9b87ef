package dev.framelens;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A span of the analysed text that a lexicon rule matched, and what became of it: the frame it
 * supports, how strongly, and which context modifiers acted on it. Evidence that a modifier or
 * block cancelled is kept as {@linkplain #suppressed() suppressed} evidence, so that a user can
 * see why a label is absent.
 *
 * <pre>{@code
 * FrameAnalysis a = FrameDetector.withDefaultLexicon().analyze("The rebels claimed victory.");
 * Evidence e = a.evidence().get(0);
 * e.frame();        // VICTORY
 * e.text();         // "claimed victory", always equal to text.substring(e.start(), e.end())
 * e.ruleId();       // the lexicon rule that matched
 * }</pre>
 *
 * @param frame the frame this evidence supports (after any turn by a modifier); in suppressed
 *     evidence from a detector, the frame of the rule that matched
 * @param matchedFrame the frame of the rule that matched, before modifiers turned it
 * @param ruleId id of the lexicon rule that matched
 * @param start char offset of the first char of the span in the analysed text
 * @param end char offset one past the last char of the span
 * @param text the matched text, equal to the source substring {@code [start, end)}
 * @param sentenceIndex index of the sentence in {@link FrameAnalysis#sentences()}
 * @param polarity whether the frame is asserted, negated into this frame, or contested
 * @param weight the rule weight after modifiers, in {@code [0, 1]}
 * @param speaker the quoted source when the span is inside a quotation attributed in the same or
 *     a neighbouring sentence; empty for the author's own framing or an unattributed quote
 * @param modifiers the modifiers and blocks that acted on the match, nearest first
 * @param suppressed true when a modifier or block cancelled the match; it then adds nothing to
 *     the scores and the last entry of {@code modifiers} names the cause
 */
public record Evidence(
    Frame frame,
    Frame matchedFrame,
    String ruleId,
    int start,
    int end,
    String text,
    int sentenceIndex,
    Polarity polarity,
    double weight,
    Optional<String> speaker,
    List<ModifierHit> modifiers,
    boolean suppressed) {

  /** Whether the evidence asserts its frame, was negated into it, or is doubted or mocked. */
  public enum Polarity {
    /** The frame is stated, by the author or a reported source. */
    ASSERTED,
    /** A negation or failure turned the matched frame into this one ("cannot win" is defeat). */
    NEGATED,
    /** The frame is put in scare quotes, doubted or qualified, and still counts. */
    CONTESTED;

    /**
     * Lowercase name, as used in JSON output.
     *
     * @return the constant's name in lower case, such as {@code negated}
     */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
      return id();
    }
  }

  /**
   * A context modifier (or block rule) that acted on a match.
   *
   * @param ruleId id of the modifier or block rule in the lexicon
   * @param start char offset of the modifier's trigger text in the analysed text
   * @param end char offset one past the trigger text
   * @param text the trigger text, equal to the source substring
   * @param effect what it did: {@code drop}, {@code negate}, {@code contest}, {@code weaken 0.5},
   *     {@code keep}, {@code block}, or {@code -> frame-id} for a turn into another frame
   */
  public record ModifierHit(String ruleId, int start, int end, String text, String effect) {
    /**
     * Validates the span.
     *
     * @param ruleId id of the modifier or block rule in the lexicon
     * @param start char offset of the trigger text
     * @param end char offset one past the trigger text
     * @param text the trigger text
     * @param effect what the modifier or block did, as {@link #effect()} describes it
     * @throws NullPointerException if {@code ruleId}, {@code text} or {@code effect} is null
     * @throws IllegalArgumentException unless {@code 0 <= start <= end} and {@code text} is as
     *     long as the span
     */
    public ModifierHit {
      requireNonNull(ruleId, "ruleId");
      requireNonNull(text, "text");
      requireNonNull(effect, "effect");
      checkArgument(0 <= start && start <= end, "bad span [%s, %s)", start, end);
      checkArgument(text.length() == end - start, "text length %s != span length %s",
          text.length(), end - start);
    }

    @Override
    public String toString() {
      return ruleId + " \"" + text + "\" [" + start + "," + end + ") " + effect;
    }
  }

  /**
   * Validates offsets and weight and copies the modifier list.
   *
   * @param frame the frame this evidence supports
   * @param matchedFrame the frame of the rule that matched
   * @param ruleId id of the lexicon rule that matched
   * @param start char offset of the first char of the span
   * @param end char offset one past the last char of the span
   * @param text the matched text; its length must be {@code end - start}
   * @param sentenceIndex index of the sentence in {@link FrameAnalysis#sentences()}, not
   *     negative
   * @param polarity whether the frame is asserted, negated into this frame, or contested
   * @param weight the rule weight after modifiers, in {@code [0, 1]}
   * @param speaker the quoted source, or empty
   * @param modifiers the modifiers and blocks that acted on the match, nearest first; copied
   * @param suppressed whether a modifier or block cancelled the match
   * @throws NullPointerException if an object argument is null
   * @throws IllegalArgumentException if {@code [start, end)} is not a span of non-negative
   *     offsets, {@code text} is not as long as the span, {@code weight} is outside
   *     {@code [0, 1]} (or NaN) or {@code sentenceIndex} is negative
   */
  public Evidence {
    requireNonNull(frame, "frame");
    requireNonNull(matchedFrame, "matchedFrame");
    requireNonNull(ruleId, "ruleId");
    requireNonNull(text, "text");
    requireNonNull(polarity, "polarity");
    requireNonNull(speaker, "speaker");
    checkArgument(0 <= start && start <= end, "bad span [%s, %s)", start, end);
    checkArgument(text.length() == end - start, "text length %s != span length %s",
        text.length(), end - start);
    if (!(weight >= 0 && weight <= 1)) { // not checkArgument: it would box the double
      throw new IllegalArgumentException("weight out of [0, 1]: " + weight);
    }
    checkArgument(sentenceIndex >= 0, "sentenceIndex is negative: %s", sentenceIndex);
    modifiers = List.copyOf(modifiers);
  }

  /** One line: frame, quoted text, span, rule, polarity, speaker and modifiers. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    s.append(frame).append(" \"").append(text).append("\" [").append(start).append(',')
        .append(end).append(") rule ").append(ruleId);
    if (matchedFrame != frame) {
      s.append(" (matched ").append(matchedFrame).append(')');
    }
    s.append(", ").append(polarity);
    s.append(String.format(Locale.ROOT, ", weight %.2f", weight));
    speaker.ifPresent(who -> s.append(", speaker \"").append(who).append('"'));
    if (suppressed) {
      s.append(", SUPPRESSED");
    }
    if (!modifiers.isEmpty()) {
      s.append(", by ").append(modifiers);
    }
    return s.toString();
  }
}
