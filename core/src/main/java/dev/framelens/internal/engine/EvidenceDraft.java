package dev.framelens.internal.engine;

import dev.framelens.Evidence;
import dev.framelens.Frame;

/**
 * Evidence while the document is being analysed; its speaker is only known at the end. Drafts
 * are pooled by {@link DocumentState} and refilled from document to document, so they are
 * mutable; the public {@link Evidence} is built from them once the document is done. Their
 * modifier hits live in the document state's hit columns, {@link #hitCount} of them from
 * {@link #hitFrom}.
 */
final class EvidenceDraft {
  Frame frame;
  Frame matchedFrame;
  /** The rule's pattern id (for the modifiers it is immune to), and its name. */
  int pattern;
  String ruleId;
  int start;
  int end;
  int sentence;
  Evidence.Polarity polarity;
  double weight;
  int hitFrom;
  int hitCount;
  boolean suppressed;
  /** Index of the quotation holding the whole span, or -1. */
  int quote;
  /**
   * Index in the document's hit columns of the hit of a modifier of the paragraph, or -1: it
   * acts after later drafts' hits were written, so it stands apart from this draft's run.
   */
  int lateHit;
  /** Index of the hit of the lexicon's {@code contest-gate}, which acts last, or -1. */
  int gateHit;

  EvidenceDraft set(Frame frame, Frame matchedFrame, int pattern, String ruleId, int start,
      int end, int sentence, Evidence.Polarity polarity, double weight, boolean suppressed,
      int quote) {
    this.frame = frame;
    this.matchedFrame = matchedFrame;
    this.pattern = pattern;
    this.ruleId = ruleId;
    this.lateHit = -1;
    this.gateHit = -1;
    this.start = start;
    this.end = end;
    this.sentence = sentence;
    this.polarity = polarity;
    this.weight = weight;
    this.suppressed = suppressed;
    this.quote = quote;
    return this;
  }
}
