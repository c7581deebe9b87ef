package dev.framelens.internal.engine;

import dev.framelens.Evidence;
import dev.framelens.Frame;
import java.util.List;

/** Evidence while the document is being analysed; its speaker is only known at the end. */
final class EvidenceDraft {
  final Frame frame;
  final Frame matchedFrame;
  final String ruleId;
  final int start;
  final int end;
  final int sentence;
  final Evidence.Polarity polarity;
  final double weight;
  final List<Evidence.ModifierHit> modifiers;
  final boolean suppressed;
  /** Index of the quotation holding the whole span, or -1. */
  final int quote;

  EvidenceDraft(Frame frame, Frame matchedFrame, String ruleId, int start, int end, int sentence,
      Evidence.Polarity polarity, double weight, List<Evidence.ModifierHit> modifiers,
      boolean suppressed, int quote) {
    this.frame = frame;
    this.matchedFrame = matchedFrame;
    this.ruleId = ruleId;
    this.start = start;
    this.end = end;
    this.sentence = sentence;
    this.polarity = polarity;
    this.weight = weight;
    this.modifiers = modifiers;
    this.suppressed = suppressed;
    this.quote = quote;
  }
}
