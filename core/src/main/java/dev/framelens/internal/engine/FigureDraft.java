package dev.framelens.internal.engine;

import dev.framelens.CasualtyCount;

/**
 * A casualty figure found in a sentence, before the document's figures are numbered. Pooled by
 * {@link DocumentState} and refilled from document to document.
 */
final class FigureDraft {
  long low;
  long best;
  long high;
  CasualtyCount.Qualifier qualifier;
  CasualtyCount.Kind kind;
  String who;
  int start;
  int end;
  int sentence;
  String ruleId;
  /** The token of the number, to attach subset figures. */
  int numberToken;
  /** The figure this one is part of ("including 16,700 children"), or null. */
  FigureDraft parent;
  /** Position in the document's figure list, assigned when the document is finished. */
  int index = -1;

  FigureDraft set(long low, long best, long high, CasualtyCount.Qualifier qualifier,
      CasualtyCount.Kind kind, String who, int start, int end, int sentence, String ruleId,
      int numberToken) {
    this.low = low;
    this.best = best;
    this.high = high;
    this.qualifier = qualifier;
    this.kind = kind;
    this.who = who;
    this.start = start;
    this.end = end;
    this.sentence = sentence;
    this.ruleId = ruleId;
    this.numberToken = numberToken;
    this.parent = null;
    this.index = -1;
    return this;
  }
}
