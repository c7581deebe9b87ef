package dev.framelens.internal.engine;

import dev.framelens.internal.lexicon.CompiledLexicon.PatternInfo;

/**
 * The {@link SequenceIndex} of each pattern of a lexicon, built when a match of the pattern
 * first needs it and then shared by every workspace of the engine.
 *
 * <h2>Design notes</h2>
 *
 * <p><b>Why lazily.</b> Built all at once they cost about 20 ms per detector (most of building
 * one), and a document needs the indexes of the few patterns it matches (over the thousand
 * texts of the gold corpora, 203 of the default lexicon's 260 patterns were needed): a detector
 * that analyses a few short texts, as a test or a command does, builds a few.
 *
 * <p><b>Thread safety without a lock.</b> A racy single check, as {@code String.hashCode}
 * caches its hash: two threads that meet an unbuilt index may both build it, and one result
 * wins; both are equal. A {@link SequenceIndex} has only final fields, written before its
 * constructor returns, so a thread that reads the reference sees the whole index (JLS 17.5).
 *
 * <p><b>Cost.</b> One array read per match once built.
 */
final class SequenceIndexes {
  private final PatternInfo[] patterns;
  private final SequenceIndex[] built;

  SequenceIndexes(PatternInfo[] patterns) {
    this.patterns = patterns;
    this.built = new SequenceIndex[patterns.length];
  }

  /** The index of pattern {@code id}'s sequences. */
  SequenceIndex of(int id) {
    SequenceIndex index = built[id];
    if (index == null) {
      index = new SequenceIndex(patterns[id].sequences);
      built[id] = index;
    }
    return index;
  }
}
