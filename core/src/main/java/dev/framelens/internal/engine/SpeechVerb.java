package dev.framelens.internal.engine;

/**
 * A speech verb with the speaker found next to it ("the official said", "told Reuters"), used
 * to attribute quotations. Pooled by {@link Attribution} and refilled from document to
 * document; the speaker's text is cut from the document only for the quotations that need it.
 */
final class SpeechVerb {
  /** The sentence index. */
  int sentence;
  /** Char offset of the speech verb. */
  int triggerStart;
  /** Char offset one past the speech verb. */
  int triggerEnd;
  /** The speaker's span as written, or -1 when none was found next to the verb. */
  int speakerStart;
  int speakerEnd;
  /** The speaker is a pronoun ("he said") to be resolved to an earlier name. */
  boolean pronoun;

  void set(int sentence, int triggerStart, int triggerEnd, int speakerStart, int speakerEnd,
      boolean pronoun) {
    this.sentence = sentence;
    this.triggerStart = triggerStart;
    this.triggerEnd = triggerEnd;
    this.speakerStart = speakerStart;
    this.speakerEnd = speakerEnd;
    this.pronoun = pronoun;
  }

  boolean hasSpeaker() {
    return speakerStart >= 0;
  }

  /** The speaker's text in {@code text}, or null. */
  String speaker(String text) {
    return speakerStart < 0 ? null : text.substring(speakerStart, speakerEnd);
  }
}
