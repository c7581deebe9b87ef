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

  EvidenceDraft set(Frame frame, Frame matchedFrame, String ruleId, int start, int end,
      int sentence, Evidence.Polarity polarity, double weight, boolean suppressed, int quote) {
    this.frame = frame;
    this.matchedFrame = matchedFrame;
    this.ruleId = ruleId;
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
