package dev.framelens.internal.engine;

import dev.framelens.internal.lexicon.CompiledLexicon.PatternInfo;
import dev.framelens.internal.lexicon.Syntax;
import dev.framelens.internal.match.PatternAutomaton;
import dev.framelens.internal.text.TokenBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.TreeSet;

/**
 * Modifiers of the paragraph ({@code scope around paragraph}), part of context resolution: a
 * trigger anywhere in a paragraph ("the club", "shares") reaches every match of it, once the
 * paragraph is read. And the lexicon's {@code contest-gate}: a document of at least N
 * paragraphs in which no word of the gate's sets stands carries no frame, once it is read.
 *
 * <h2>Design notes</h2>
 *
 * <p><b>What it does.</b> While the paragraph's sentences are read, it notes which of these
 * modifiers were triggered (a trigger that no longer one overlaps), and which of the words of
 * their {@code unless} sets stood in the paragraph. After its last sentence, each modifier that
 * was triggered and whose {@code unless} words did not stand there acts on every match of the
 * paragraph still kept, after the sentences' own modifiers: it drops, mutes or weakens (a
 * casualty figure already read stays). The sentences it changed are then scored again.
 *
 * <p><b>The gate.</b> Its sets' words are watched with the {@code unless} words, in the same
 * long per token, and kept for the whole document; after the last sentence, a document of
 * enough paragraphs without one has every kept draft muted ({@link #endDocument}). A short text
 * (a news unit, a headline) is never gated: it may name its sides only as "Hamas" or "we".
 *
 * <p><b>Invariants.</b> State is per paragraph, cleared when one ends, but for the gate's, which
 * is per document; a lexicon without such modifiers or gate costs nothing here ({@link #active}
 * is false and no method is called).
 *
 * <p><b>Cost.</b> Per sentence, one AND of each token's atom mask with the mask of the watched
 * words (and a binary search for the few tokens that pass it); per window with modifier
 * matches, a look at each; per paragraph, one pass over its drafts per modifier that acts.
 */
final class ParagraphModifiers {
  private final PatternInfo[] patterns;
  /** Per rule, the modifiers it is immune to. */
  private final BitSet[] immune;
  /** Per modifier and frame, its effect's description. */
  private final String[][] effectDescriptions;
  /** Their pattern ids, in lexicon order; per pattern id its index here, or -1. */
  private final int[] modifiers;
  private final int[] slotOf;
  /**
   * The atoms of their {@code unless} sets (sorted), a mask of them for a quick test per token
   * (see {@link PatternAutomaton#maskOf}), and per paragraph modifier the bits of its own.
   */
  private final int[] watchedAtoms;
  private final long watchMask;
  private final long[] unlessBits;
  /** Per atom set id, the bits of its watched atoms, once known (see {@link #watch}). */
  private long[] bitsOfSet = new long[0];
  private boolean[] setKnown = new boolean[0];
  /** Bits of the watched atoms seen in the paragraph so far, and in the document so far. */
  private long paragraphWatched;
  private long documentWatched;
  /** The contest gate's minimum number of paragraphs (0: no gate) and its watched bits. */
  private final int gateParagraphs;
  private final long gateBits;
  /** Per paragraph modifier: whether it was triggered in the paragraph, and where first. */
  private final boolean[] triggered;
  private final int[] triggerStart;
  private final int[] triggerEnd;
  private int firstSentence;
  /** The paragraphs of the document read so far (those with a sentence), for the gate. */
  private int paragraphsRead;
  /**
   * The atoms that stand for a slot rather than a word: sets, {@code CAP}, {@code NUMBER}, the
   * {@code who} categories (see {@link #onRuleWords}).
   */
  private final BitSet slotAtoms;

  ParagraphModifiers(PatternInfo[] patterns, BitSet[] immune, String[][] effectDescriptions,
      int gateParagraphs, int[] gateAtoms, BitSet slotAtoms) {
    this.patterns = patterns;
    this.slotAtoms = slotAtoms;
    this.gateParagraphs = gateParagraphs;
    this.immune = immune;
    this.effectDescriptions = effectDescriptions;
    this.slotOf = new int[patterns.length];
    Arrays.fill(slotOf, -1);
    int count = 0;
    TreeSet<Integer> watched = new TreeSet<>();
    if (gateParagraphs > 0) {
      for (int atom : gateAtoms) {
        watched.add(atom);
      }
    }
    for (PatternInfo p : patterns) {
      if (p.kind == Syntax.PatternKind.MODIFIER
          && p.scope.extent() == Syntax.Extent.PARAGRAPH) {
        slotOf[p.id] = count++;
        for (int atom : p.unlessAtoms) {
          watched.add(atom);
        }
      }
    }
    this.modifiers = new int[count];
    this.unlessBits = new long[count];
    this.watchedAtoms = watched.stream().mapToInt(Integer::intValue).toArray();
    this.watchMask = PatternAutomaton.maskOf(watchedAtoms);
    for (PatternInfo p : patterns) {
      int slot = slotOf[p.id];
      if (slot >= 0) {
        modifiers[slot] = p.id;
        unlessBits[slot] = watchedBits(p.unlessAtoms);
      }
    }
    this.gateBits = gateParagraphs > 0 ? watchedBits(gateAtoms) : 0;
    this.triggered = new boolean[count];
    this.triggerStart = new int[count];
    this.triggerEnd = new int[count];
  }

  /** Whether the lexicon has modifiers of the paragraph, or a contest gate, at all. */
  boolean active() {
    return modifiers.length > 0 || gateParagraphs > 0;
  }

  /** Starts a document. */
  void reset() {
    Arrays.fill(triggered, false);
    paragraphWatched = 0;
    documentWatched = 0;
    firstSentence = 0;
    paragraphsRead = 0;
  }

  /**
   * The mask of the watched words' atoms: a token whose atom mask meets it may be one of them
   * ({@link #watch}); 0 when there are none. The token loop tests it as it resolves atoms, which
   * costs one AND per token rather than a pass of its own.
   */
  long watchMask() {
    return watchMask;
  }

  /**
   * Notes a token whose atom mask meets {@link #watchMask} (not a number), by the id and atoms of
   * its atom set (see {@link TermAtoms#setId}): the watched bits of a set are worked out once and
   * kept by its id, since most tokens that pass the mask are words of the lexicon met again and
   * again.
   */
  void watch(int setId, int[] atoms) {
    if (setId >= bitsOfSet.length) {
      int capacity = Math.max(setId + 1, bitsOfSet.length * 2);
      bitsOfSet = Arrays.copyOf(bitsOfSet, capacity);
      setKnown = Arrays.copyOf(setKnown, capacity);
    }
    if (!setKnown[setId]) {
      bitsOfSet[setId] = watchedBits(atoms);
      setKnown[setId] = true;
    }
    paragraphWatched |= bitsOfSet[setId];
    documentWatched |= bitsOfSet[setId];
  }

  /** Forgets the bits kept by atom set id: the ids have just been reassigned. */
  void forgetSets() {
    Arrays.fill(setKnown, false);
  }

  /** The bits of the watched atoms among {@code atoms} (both sorted). */
  private long watchedBits(int[] atoms) {
    long bits = 0;
    for (int atom : atoms) {
      int k = Arrays.binarySearch(watchedAtoms, atom);
      if (k >= 0) {
        bits |= 1L << k;
      }
    }
    return bits;
  }

  /** Whether the window has a trigger of a modifier of the paragraph. */
  boolean hasTrigger(WindowMatches matches) {
    if (modifiers.length == 0) {
      return false;
    }
    int[] found = matches.of(Syntax.PatternKind.MODIFIER);
    for (int ti = 0; ti < matches.count(Syntax.PatternKind.MODIFIER); ti++) {
      if (slotOf[matches.pattern[found[ti]]] >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Notes the window's triggers that overlap no longer one (overlaps already resolved) and are
   * not the very words a rule match spelled out: "match" in "was no match for" is the rule's
   * word, not the paragraph's subject, as a sentence's trigger on a rule's own words is part of
   * the rule (see {@link ContextResolution}). A trigger that fills a slot of the rule (a word of
   * a set, a capitalised name, a number) or a gap still says what the paragraph is about:
   * "Stocks" in "Stocks staged a comeback", "murder inquiry" beside a death toll. Rule matches
   * must have their paths.
   */
  void noteTriggers(WindowMatches matches, TokenBuffer tokens) {
    int[] found = matches.of(Syntax.PatternKind.MODIFIER);
    for (int ti = 0; ti < matches.count(Syntax.PatternKind.MODIFIER); ti++) {
      int t = found[ti];
      int slot = slotOf[matches.pattern[t]];
      if (slot >= 0 && !matches.dropped[t] && !triggered[slot]
          && !onRuleWords(matches, matches.start[t], matches.end[t])) {
        triggered[slot] = true;
        triggerStart[slot] = tokens.start[matches.start[t]];
        triggerEnd[slot] = tokens.end[matches.end[t]];
      }
    }
  }

  /**
   * Whether tokens {@code from..to} lie within a rule match whose path spelled out each of them
   * as a word, lemma, stem or prefix of its own (not a set, {@code CAP}, {@code NUMBER} or a
   * gap).
   */
  private boolean onRuleWords(WindowMatches matches, int from, int to) {
    int[] rules = matches.of(Syntax.PatternKind.RULE);
    for (int ri = 0; ri < matches.count(Syntax.PatternKind.RULE); ri++) {
      int r = rules[ri];
      int[] path = matches.path[r];
      int start = matches.start[r];
      if (path == null || from < start || to > matches.end[r]) {
        continue;
      }
      boolean spelled = true;
      for (int k = from; k <= to && spelled; k++) {
        int atom = path[k - start];
        spelled = atom != PatternAutomaton.ANY && !slotAtoms.get(atom);
      }
      if (spelled) {
        return true;
      }
    }
    return false;
  }

  /**
   * Called after the last sentence of a paragraph: each modifier of the paragraph that was
   * triggered in it, and whose {@code unless} words it does not have, acts on every match of
   * the paragraph still kept. Returns the paragraph's first sentence when a draft changed (the
   * sentences from there to {@code lastSentence} are to be scored again), else -1.
   */
  int endParagraph(DocumentState doc, int lastSentence) {
    boolean changed = false;
    for (int slot = 0; slot < modifiers.length; slot++) {
      if (!triggered[slot] || (paragraphWatched & unlessBits[slot]) != 0) {
        continue;
      }
      PatternInfo modifier = patterns[modifiers[slot]];
      changed |= doc.applyToParagraph(firstSentence, lastSentence, modifier, immune,
          effectDescriptions[modifier.id], triggerStart[slot], triggerEnd[slot]);
    }
    int first = firstSentence;
    Arrays.fill(triggered, false);
    paragraphWatched = 0;
    firstSentence = lastSentence + 1;
    paragraphsRead++;
    return changed ? first : -1;
  }

  /**
   * Called after the last paragraph of a document has ended ({@link #endParagraph}): the
   * contest gate mutes every kept draft of a document of enough paragraphs (counted as they
   * end, so blank lines and paragraphs without a sentence do not count) in which no word of the
   * gate's sets stood. Returns whether a draft changed (the whole document is then to be scored
   * again).
   */
  boolean endDocument(DocumentState doc) {
    if (gateParagraphs == 0 || paragraphsRead < gateParagraphs
        || (documentWatched & gateBits) != 0) {
      return false;
    }
    return doc.muteForContestGate();
  }
}
