package dev.framelens.internal.engine;

/**
 * A speech verb with the speaker found next to it ("the official said", "told Reuters"), used
 * to attribute quotations.
 *
 * @param sentence the sentence index
 * @param triggerStart char offset of the speech verb
 * @param triggerEnd char offset one past the speech verb
 * @param speaker the speaker as written, or null when none was found next to the verb
 * @param pronoun the speaker is a pronoun ("he said") to be resolved to an earlier name
 */
record Attribution(int sentence, int triggerStart, int triggerEnd, String speaker,
    boolean pronoun) {}
