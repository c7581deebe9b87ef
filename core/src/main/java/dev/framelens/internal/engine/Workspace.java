package dev.framelens.internal.engine;

import dev.framelens.CasualtyCount;
import dev.framelens.Evidence;
import dev.framelens.Frame;
import dev.framelens.internal.lexicon.CompiledLexicon;
import dev.framelens.internal.lexicon.CompiledLexicon.PatternInfo;
import dev.framelens.internal.lexicon.Syntax;
import dev.framelens.internal.match.Matcher;
import dev.framelens.internal.match.PatternAutomaton;
import dev.framelens.internal.text.NumberParser;
import dev.framelens.internal.text.Segmentation;
import dev.framelens.internal.text.SentenceTokenizer;
import dev.framelens.internal.text.TokenBuffer;
import dev.framelens.internal.text.TokenSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.util.ArrayUtil;

/**
 * Everything one thread needs to analyse sentences, reused from sentence to sentence and from
 * document to document: the tokenizer, the token buffer, the number parser, the term cache, the
 * matcher and the scratch arrays of context resolution.
 *
 * <p>A sentence goes through: tokenize and normalise; merge number phrases; resolve each token
 * to its atoms; match all patterns in one pass ({@link Matcher}); then resolve context per
 * window of at most {@value #WINDOW} tokens: clause boundaries (punctuation, boundary words,
 * quotation edges), modifier triggers (overlapping triggers: the longest wins), blocks, and for
 * each rule match the modifiers in scope, nearest first. Casualty figures and speech
 * attributions are read off the same matches.
 *
 * <p>Casualty figures cost nothing in a window without figure rule matches. With some, the
 * words and numbers of those matches are marked per token (a few tokens each, cleared by the
 * window that marked them, not by a pass over all tokens), conflicting matches are refused
 * before the matches of a rule compete for overlaps, and a figure's list is read backwards over
 * a bounded number of tokens per member. No work per token grows with the number of rules.
 */
final class Workspace implements Matcher.Sink, SequenceIndex.Tokens {
  private static int[] newQualifierAt(int capacity) {
    int[] array = new int[capacity];
    Arrays.fill(array, -1);
    return array;
  }

  /** Sentences longer than this many tokens are matched in windows of this size. */
  static final int WINDOW = 1_000;
  private static final Frame[] FRAME_VALUES = Frame.values();
  private static final int FRAMES = FRAME_VALUES.length;
  private static final long NUMBER_MASK = PatternAutomaton.maskOf(TermAtoms.NUMBER_ATOMS);

  private final CompiledLexicon lexicon;
  private final PatternInfo[] patterns;
  private final SentenceTokenizer tokenizer = new SentenceTokenizer();
  private final TokenBuffer tokens = new TokenBuffer();
  private final NumberParser numbers = new NumberParser();
  private final TermAtoms termAtoms;
  private final Matcher matcher;

  /**
   * Documents up to this many chars are copied into an array the workspace keeps; a longer one
   * gets an array of its own, so that one huge document does not pin its size in memory.
   */
  private static final int RETAINED_CHARS = 1 << 20;
  private char[] retainedChars = new char[4096];
  /** The chars of the current document (see {@link #load}). */
  private char[] chars = retainedChars;
  private final DocumentState document = new DocumentState();

  private int[][] atoms = new int[64][];
  /** Per token, the mask of its atoms (see {@link PatternAutomaton#maskOf}). */
  private long[] masks = new long[64];
  /** Per token, the id of its atom set (see {@link TermAtoms#setId}). */
  private int[] setIds = new int[64];
  private int[] clause = new int[64];
  private int[] part = new int[64];
  private int[] quote = new int[64];
  private boolean[] boundaryAt = new boolean[64];
  private int[] qualifierAt = newQualifierAt(64);
  // Figure reading, per token of the window (see markFigureWords); each window clears the
  // tokens it marked (figureMarked), not the whole array.
  /** For a word a figure rule's match asked for: the lowest and highest number it reads. */
  private int[] harmNumberLow = newQualifierAt(64);
  private int[] harmNumberHigh = newQualifierAt(64);
  /** For a number token: READ_BY_RULE, READ_NUMBER_FIRST, SUBSET_MARKER_AFTER bits. */
  private byte[] numberMarks = new byte[64];
  private int[] figureMarked = new int[16];
  private int figureMarkedCount;
  private static final byte READ_BY_RULE = 1;
  private static final byte READ_NUMBER_FIRST = 2;
  private static final byte SUBSET_MARKER_AFTER = 4;
  private static final byte SUBSET_MARKER_BEFORE = 8;
  /** Per rule match: the number token its figure reads, or -1. */
  private int[] matchNumber = new int[32];
  /** While a figure rule's path is sought: a gap may cross the comma that ends a subject list. */
  private boolean figurePath;
  /** Out-values of listPrevious: the joiner was "and"-like; the member is the parent. */
  private boolean listJoinStrong;
  private boolean listParent;
  /** The qualifier span (tokens) of the number of the rule match being evaluated, or -1. */
  private int ruleQualifierStart = -1;
  private int ruleQualifierEnd = -1;

  private int[] matchPattern = new int[32];
  private int[] matchStart = new int[32];
  private int[] matchEnd = new int[32];
  private boolean[] matchDropped = new boolean[32];
  /** For a rule match: the expanded sequence it matched (see {@link #path}). */
  private int[][] matchPath = new int[32][];
  private int matchCount;
  /** Per pattern, its expanded sequences indexed for {@link #path}. */
  private final SequenceIndex[] sequenceIndexes;
  /** Per rule, the rules it overrides and the modifiers it is immune to, as bit sets. */
  private final BitSet[] overrides;
  private final BitSet[] immune;
  /** Per pattern: a rule, attribution or subset, the matches that context resolution serves. */
  private final boolean[] startsContext;
  private int contextMatches;
  /** The lexicon's "who" categories by atom (a map lookup boxed the atom). */
  private final String[] whoByAtom;
  /** Per modifier, its conditions (an array: iterating the set allocated an iterator). */
  private final Syntax.Condition[][] conditions;
  // Scratch of evaluateRule: the modifiers that reach the rule match, and those that act.
  private int[] applicable = new int[8];
  private int[] applicableDistance = new int[8];
  private long[] applicableKeys = new long[0];
  // Scratch of dropOverlapping: matches keyed by rule, and one rule's matches.
  private long[] overlapKeys = new long[0];
  private int[] overlapGroup = new int[0];
  private int[] hitMatch = new int[8];
  private String[] hitEffect = new String[8];
  /** Per modifier and frame, its effect's description (built once: some concatenate). */
  private final String[][] effectDescriptions;
  /** Per pattern, its kind's ordinal. */
  private final int[] patternKind;
  /** The window's matches of each kind (by ordinal), in match order. */
  private final int[][] byKind = new int[Syntax.PatternKind.values().length][16];
  private final int[] byKindCount = new int[Syntax.PatternKind.values().length];

  // Modifiers of the paragraph (scope around paragraph), which act once the paragraph is read.
  /** Their pattern ids, in lexicon order; per pattern id its index here, or -1. */
  private final int[] paragraphModifiers;
  private final int[] paragraphSlot;
  /**
   * The atoms of their {@code unless} sets (sorted), a mask of them for a quick test per token
   * (see {@link PatternAutomaton#maskOf}), and per paragraph modifier the bits of its own.
   */
  private final int[] watchedAtoms;
  private final long watchMask;
  private final long[] unlessBits;
  /** Bits of the watched atoms seen in the current sentence, then in its paragraph. */
  private long sentenceWatched;
  private long paragraphWatched;
  /** Per paragraph modifier: whether it was triggered in the paragraph, and where first. */
  private final boolean[] paragraphTriggered;
  private final int[] paragraphTriggerStart;
  private final int[] paragraphTriggerEnd;
  private int paragraphFirstSentence;

  /** Per modifier: the window whose {@code unless} words were looked up, and the answer. */
  private final int[] vetoWindow;
  private final boolean[] vetoes;
  /** Counts windows, for {@link #vetoWindow}. */
  private int windowSerial;

  private DocumentState doc;
  private Segmentation seg;
  private String text;
  private int sentence;
  private int windowFrom;
  private int windowTo;

  Workspace(CompiledLexicon lexicon) {
    this.lexicon = lexicon;
    this.patterns = lexicon.patterns;
    this.termAtoms = new TermAtoms(lexicon);
    this.matcher = new Matcher(lexicon.automaton);
    this.sequenceIndexes = new SequenceIndex[patterns.length];
    for (int p = 0; p < patterns.length; p++) {
      sequenceIndexes[p] = new SequenceIndex(patterns[p].sequences);
    }
    this.overrides = new BitSet[patterns.length];
    this.immune = new BitSet[patterns.length];
    for (int p = 0; p < patterns.length; p++) {
      overrides[p] = bits(patterns[p].overrides);
      immune[p] = bits(patterns[p].immune);
    }
    int highestWhoAtom = lexicon.whoCategories.keySet().stream().mapToInt(a -> a).max()
        .orElse(-1);
    this.whoByAtom = new String[highestWhoAtom + 1];
    lexicon.whoCategories.forEach((atom, category) -> whoByAtom[atom] = category);
    this.effectDescriptions = new String[patterns.length][FRAMES];
    for (int p = 0; p < patterns.length; p++) {
      for (Frame frame : FRAME_VALUES) {
        Syntax.Effect effect = patterns[p].effectOn(frame);
        effectDescriptions[p][frame.ordinal()] = effect == null ? null : effect.describe();
      }
    }
    this.paragraphSlot = new int[patterns.length];
    Arrays.fill(paragraphSlot, -1);
    int paragraphCount = 0;
    java.util.TreeSet<Integer> watched = new java.util.TreeSet<>();
    for (PatternInfo p : patterns) {
      if (p.kind == Syntax.PatternKind.MODIFIER
          && p.scope.extent() == Syntax.Extent.PARAGRAPH) {
        paragraphSlot[p.id] = paragraphCount++;
        for (int atom : p.unlessAtoms) {
          watched.add(atom);
        }
      }
    }
    this.paragraphModifiers = new int[paragraphCount];
    this.unlessBits = new long[paragraphCount];
    this.watchedAtoms = watched.stream().mapToInt(Integer::intValue).toArray();
    this.watchMask = PatternAutomaton.maskOf(watchedAtoms);
    for (PatternInfo p : patterns) {
      int slot = paragraphSlot[p.id];
      if (slot >= 0) {
        paragraphModifiers[slot] = p.id;
        unlessBits[slot] = watchedBits(p.unlessAtoms);
      }
    }
    this.paragraphTriggered = new boolean[paragraphCount];
    this.paragraphTriggerStart = new int[paragraphCount];
    this.paragraphTriggerEnd = new int[paragraphCount];
    this.vetoWindow = new int[patterns.length];
    Arrays.fill(vetoWindow, -1);
    this.vetoes = new boolean[patterns.length];
    this.conditions = new Syntax.Condition[patterns.length][];
    for (int p = 0; p < patterns.length; p++) {
      conditions[p] = patterns[p].conditions.toArray(new Syntax.Condition[0]);
    }
    this.patternKind = new int[patterns.length];
    for (int p = 0; p < patterns.length; p++) {
      patternKind[p] = patterns[p].kind.ordinal();
    }
    this.startsContext = new boolean[patterns.length];
    for (int p = 0; p < patterns.length; p++) {
      Syntax.PatternKind kind = patterns[p].kind;
      startsContext[p] = kind == Syntax.PatternKind.RULE
          || kind == Syntax.PatternKind.ATTRIBUTION || kind == Syntax.PatternKind.SUBSET;
    }
  }

  /**
   * Copies the document's chars into an array, which the segmenter and the tokenizer scan
   * faster than the string, and returns it; valid until the next call.
   */
  char[] load(String text) {
    int n = text.length();
    if (n > retainedChars.length) {
      if (n > RETAINED_CHARS) {
        chars = new char[n];
        text.getChars(0, n, chars, 0);
        return chars;
      }
      retainedChars = new char[Math.max(n, Math.min(RETAINED_CHARS, retainedChars.length * 2))];
    }
    chars = retainedChars;
    text.getChars(0, n, chars, 0);
    return chars;
  }

  /** The thread's document state, reset for a new document. */
  DocumentState document(String text, Segmentation segmentation) {
    document.reset(text, segmentation);
    Arrays.fill(paragraphTriggered, false);
    paragraphWatched = 0;
    paragraphFirstSentence = 0;
    return document;
  }

  /** Lets go of the current document (a huge document's chars and state are not kept). */
  void release() {
    chars = retainedChars;
    document.release();
  }

  private static BitSet bits(Set<Integer> ids) {
    BitSet bits = new BitSet();
    ids.forEach(bits::set);
    return bits;
  }

  /** Analyses sentence {@code s} of the document, adding its evidence and figures to it. */
  void analyzeSentence(DocumentState document, int s) {
    this.doc = document;
    this.seg = document.seg;
    this.text = document.text;
    this.sentence = s;
    int n = tokenize(text, seg.sentenceStart[s], seg.sentenceEnd[s]);
    document.beginSentence();
    for (int from = 0; from < n; from += WINDOW) {
      processWindow(from, Math.min(n, from + WINDOW));
    }
    document.endSentence(s);
    if (paragraphModifiers.length > 0) {
      paragraphWatched |= sentenceWatched;
      if (s + 1 == seg.sentenceCount || seg.sentenceParagraph[s + 1] != seg.sentenceParagraph[s]) {
        endParagraph(s);
      }
    }
    this.doc = null;
    this.seg = null;
    this.text = null;
  }

  /**
   * The match pass alone, for benchmarks: tokens to rule matches over one sentence, without
   * context, scores or evidence. Returns the number of matches.
   */
  int countMatches(String text, int start, int end) {
    int n = tokenize(text, start, end);
    int total = 0;
    for (int from = 0; from < n; from += WINDOW) {
      matchCount = 0;
      Arrays.fill(byKindCount, 0);
      matcher.run(atoms, masks, setIds, from, Math.min(n, from + WINDOW), this);
      total += matchCount;
    }
    return total;
  }

  /** Tokenizes, merges number phrases and resolves atoms; returns the number of tokens. */
  private int tokenize(String text, int start, int end) {
    sentenceWatched = 0;
    tokens.clear();
    tokenizer.tokenize(text, chars, start, end, tokens);
    numbers.merge(tokens, text);
    int n = tokens.size;
    ensureCapacity(n);
    if (termAtoms.startSentence()) {
      matcher.clearCache(); // its transitions are keyed by the atom set ids just reassigned
    }
    for (int i = 0; i < n; i++) {
      int flags = tokens.flags[i];
      if ((flags & TokenBuffer.NUMBER) != 0) {
        atoms[i] = TermAtoms.NUMBER_ATOMS;
        masks[i] = NUMBER_MASK;
        setIds[i] = TermAtoms.NUMBER_SET;
      } else {
        termAtoms.lookup(tokens, i);
        atoms[i] = termAtoms.atoms();
        masks[i] = termAtoms.mask();
        setIds[i] = termAtoms.setId();
        if ((masks[i] & watchMask) != 0) {
          sentenceWatched |= watchedBits(atoms[i]);
        }
      }
    }
    return n;
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

  private void ensureCapacity(int n) {
    if (atoms.length < n) {
      int capacity = ArrayUtil.oversize(n, Integer.BYTES);
      atoms = new int[capacity][];
      masks = new long[capacity];
      setIds = new int[capacity];
      clause = new int[capacity];
      part = new int[capacity];
      quote = new int[capacity];
      boundaryAt = new boolean[capacity];
      qualifierAt = new int[capacity];
      Arrays.fill(qualifierAt, -1);
      harmNumberLow = newQualifierAt(capacity);
      harmNumberHigh = newQualifierAt(capacity);
      numberMarks = new byte[capacity];
    }
  }

  @Override
  public void match(int patternId, int startToken, int endToken) {
    if (matchCount == matchPattern.length) {
      int capacity = ArrayUtil.oversize(matchCount + 1, Integer.BYTES);
      matchPattern = ArrayUtil.growExact(matchPattern, capacity);
      matchStart = ArrayUtil.growExact(matchStart, capacity);
      matchEnd = ArrayUtil.growExact(matchEnd, capacity);
      matchDropped = Arrays.copyOf(matchDropped, capacity);
      matchPath = Arrays.copyOf(matchPath, capacity);
      matchNumber = ArrayUtil.growExact(matchNumber, capacity);
    }
    if (startsContext[patternId]) {
      contextMatches++;
    }
    int kind = patternKind[patternId];
    if (byKindCount[kind] == byKind[kind].length) {
      byKind[kind] = ArrayUtil.grow(byKind[kind]);
    }
    byKind[kind][byKindCount[kind]++] = matchCount;
    matchPattern[matchCount] = patternId;
    matchStart[matchCount] = startToken;
    matchEnd[matchCount] = endToken;
    matchDropped[matchCount] = false;
    matchCount++;
  }

  // ---------------------------------------------------------------------------------------------
  // One window of tokens

  private void processWindow(int from, int to) {
    windowSerial++;
    windowFrom = from;
    windowTo = to;
    matchCount = 0;
    contextMatches = 0;
    Arrays.fill(byKindCount, 0);
    matcher.run(atoms, masks, setIds, from, to, this);
    if (contextMatches == 0 && !hasParagraphTrigger()) {
      // Boundaries, modifiers, blocks and qualifiers act only on rules, attributions and
      // subsets (and the paragraph's modifiers on the matches of other sentences); most
      // windows of news text have none of those, and skip all context work.
      return;
    }
    seg.quotesContaining(tokens.start, tokens.end, from, to, quote);
    // boundaryAt and qualifierAt are clear here: each window clears what it marked, rather
    // than every token of the next window.
    try {
      resolveContext(from, to);
    } finally {
      for (int m = 0; m < matchCount; m++) {
        Syntax.PatternKind kind = patterns[matchPattern[m]].kind;
        if (kind == Syntax.PatternKind.BOUNDARY) {
          boundaryAt[matchStart[m]] = false;
        } else if (kind == Syntax.PatternKind.QUALIFIER && matchEnd[m] + 1 < to) {
          qualifierAt[matchEnd[m] + 1] = -1;
        }
      }
      for (int i = 0; i < figureMarkedCount; i++) {
        int k = figureMarked[i];
        harmNumberLow[k] = -1;
        harmNumberHigh[k] = -1;
        numberMarks[k] = 0;
      }
      figureMarkedCount = 0;
    }
  }

  /** Whether the window has a trigger of a modifier of the paragraph. */
  private boolean hasParagraphTrigger() {
    if (paragraphModifiers.length == 0) {
      return false;
    }
    int[] modifiers = byKind[Syntax.PatternKind.MODIFIER.ordinal()];
    for (int ti = 0; ti < byKindCount[Syntax.PatternKind.MODIFIER.ordinal()]; ti++) {
      if (paragraphSlot[matchPattern[modifiers[ti]]] >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Notes the window's triggers of modifiers of the paragraph that overlap no longer one. */
  private void noteParagraphTriggers() {
    int[] modifiers = byKind[Syntax.PatternKind.MODIFIER.ordinal()];
    for (int ti = 0; ti < byKindCount[Syntax.PatternKind.MODIFIER.ordinal()]; ti++) {
      int t = modifiers[ti];
      int slot = paragraphSlot[matchPattern[t]];
      if (slot >= 0 && !matchDropped[t] && !paragraphTriggered[slot]) {
        paragraphTriggered[slot] = true;
        paragraphTriggerStart[slot] = tokens.start[matchStart[t]];
        paragraphTriggerEnd[slot] = tokens.end[matchEnd[t]];
      }
    }
  }

  /**
   * Called after the last sentence of a paragraph: each modifier of the paragraph that was
   * triggered in it, and whose {@code unless} words it does not have, acts on every match of
   * the paragraph still kept, after the sentences' own modifiers (it drops or weakens; a
   * casualty figure already read stays). The sentences it changed are scored again.
   */
  private void endParagraph(int lastSentence) {
    for (int slot = 0; slot < paragraphModifiers.length; slot++) {
      if (!paragraphTriggered[slot] || (paragraphWatched & unlessBits[slot]) != 0) {
        continue;
      }
      PatternInfo modifier = patterns[paragraphModifiers[slot]];
      doc.applyToParagraph(paragraphFirstSentence, lastSentence, modifier, immune,
          effectDescriptions[modifier.id], paragraphTriggerStart[slot],
          paragraphTriggerEnd[slot]);
    }
    Arrays.fill(paragraphTriggered, false);
    paragraphWatched = 0;
    paragraphFirstSentence = lastSentence + 1;
  }

  /** Context resolution of a window with rule, attribution or subset matches. */
  private void resolveContext(int from, int to) {
    for (int m = 0; m < matchCount; m++) {
      PatternInfo p = patterns[matchPattern[m]];
      if (p.kind == Syntax.PatternKind.BOUNDARY) {
        boundaryAt[matchStart[m]] = true;
      } else if (p.kind == Syntax.PatternKind.QUALIFIER && matchEnd[m] + 1 < to) {
        matchStart[m] = longestStart(p, matchStart[m], matchEnd[m]);
        int at = matchEnd[m] + 1;
        int previous = qualifierAt[at];
        if (previous < 0 || matchStart[m] < matchStart[previous]) {
          qualifierAt[at] = m;
        }
      } else if (p.kind == Syntax.PatternKind.SUBSET && matchStart[m] > from
          && (tokens.flags[matchStart[m] - 1] & TokenBuffer.NUMBER) != 0
          && tokens.is(matchStart[m], "of")) {
        markNumber(matchStart[m] - 1, SUBSET_MARKER_AFTER); // "a dozen of them"
      }
    }
    for (int m = 0; m < matchCount; m++) {
      // "including 40 children", "among them an estimated 40": the number a marker introduces.
      if (patterns[matchPattern[m]].kind == Syntax.PatternKind.SUBSET) {
        int k = matchEnd[m] + 1;
        if (k < to && (tokens.flags[k] & TokenBuffer.NUMBER) == 0) {
          k = nextQualified(k, to);
        }
        if (k >= 0 && k < to && (tokens.flags[k] & TokenBuffer.NUMBER) != 0) {
          markNumber(k, SUBSET_MARKER_BEFORE);
        }
      }
    }
    computeClauses(from, to);
    boolean figureRules = false;
    for (int m = 0; m < matchCount; m++) {
      PatternInfo p = patterns[matchPattern[m]];
      if (p.kind == Syntax.PatternKind.RULE) {
        figurePath = p.casualtyKind != null;
        matchPath[m] = path(p, matchStart[m], matchEnd[m]);
        figurePath = false;
        matchDropped[m] = matchPath[m] == null;
        figureRules |= p.casualtyKind != null;
      } else if (p.kind != Syntax.PatternKind.BOUNDARY) {
        // Only a rule's path is read later; other matches only need one to exist.
        matchDropped[m] = !sequenceIndexes[p.id].fitsMatched(matchStart[m],
            matchEnd[m] - matchStart[m] + 1, this);
      }
    }
    if (figureRules) {
      markFigureWords();
      refuseFigureConflicts();
    }
    dropOverlapping(Syntax.PatternKind.MODIFIER, false);
    if (paragraphModifiers.length > 0) {
      noteParagraphTriggers();
    }
    dropOverlapping(Syntax.PatternKind.RULE, true);
    applyOverrides();
    int[] rules = byKind[Syntax.PatternKind.RULE.ordinal()];
    for (int r = 0; r < byKindCount[Syntax.PatternKind.RULE.ordinal()]; r++) {
      if (!matchDropped[rules[r]]) {
        evaluateRule(rules[r]);
      }
    }
    int[] attributions = byKind[Syntax.PatternKind.ATTRIBUTION.ordinal()];
    for (int a = 0; a < byKindCount[Syntax.PatternKind.ATTRIBUTION.ordinal()]; a++) {
      attribution(attributions[a]);
    }
    int[] subsets = byKind[Syntax.PatternKind.SUBSET.ordinal()];
    for (int b = 0; b < byKindCount[Syntax.PatternKind.SUBSET.ordinal()]; b++) {
      subset(subsets[b]);
    }
  }

  /**
   * The earliest start of a match of {@code pattern} ending at {@code end}. The automaton
   * reports the latest one (the shortest span), which drops an optional leading word; a
   * qualifier's text should be the whole phrase ("an estimated", not "estimated").
   */
  private int longestStart(PatternInfo pattern, int latestStart, int end) {
    int best = latestStart;
    for (int[] sequence : pattern.sequences) {
      int start = end - sequence.length + 1;
      if (start >= windowFrom && start < best) {
        boolean fits = true;
        for (int k = 0; k < sequence.length && fits; k++) {
          fits = satisfies(start + k, sequence[k]);
        }
        if (fits) {
          best = start;
        }
      }
    }
    return best;
  }

  /**
   * Clause ids: a new clause after punctuation, at a boundary word, at a quotation's edge. Part
   * ids: a new part at a boundary word only.
   */
  private void computeClauses(int from, int to) {
    clause[from] = 0;
    part[from] = 0;
    for (int i = from + 1; i < to; i++) {
      boolean split = boundaryAt[i]
          || (tokens.flags[i] & TokenBuffer.CLAUSE_BREAK_BEFORE) != 0
          || quotationEdge(quote[i - 1], quote[i]);
      clause[i] = clause[i - 1] + (split ? 1 : 0);
      part[i] = part[i - 1] + (boundaryAt[i] ? 1 : 0);
    }
  }

  /** Entering or leaving a real quotation splits a clause; a scare quote does not. */
  private boolean quotationEdge(int left, int right) {
    if (left == right) {
      return false;
    }
    boolean leftScare = left >= 0 && seg.quoteIsShort[left];
    boolean rightScare = right >= 0 && seg.quoteIsShort[right];
    return !(leftScare || rightScare);
  }

  /**
   * Among matches of one kind, drops those that overlap a longer one. With {@code
   * sameRuleOnly} (rules), only matches of the same rule compete, ties dropping the later one:
   * different rules may support frames over the same words. Without it (modifier triggers), a
   * trigger gives way only to a strictly longer one ("not" to "not been able to"), so that two
   * modifiers sharing a word ("no") both act, each on its own frames.
   */
  private void dropOverlapping(Syntax.PatternKind kind, boolean sameRuleOnly) {
    int[] list = byKind[kind.ordinal()];
    int count = byKindCount[kind.ordinal()];
    if (!sameRuleOnly || count <= 16) {
      dropOverlapping(list, count, sameRuleOnly);
      return;
    }
    // Only matches of one rule compete: run the pairwise pass per rule, in the list's order,
    // which gives what one pass over all pairs gives without its square of the window's
    // matches (a big lexicon can have hundreds of rule matches in one window).
    if (overlapKeys.length < count) {
      overlapKeys = new long[Math.max(count, overlapKeys.length * 2)];
      overlapGroup = new int[overlapKeys.length];
    }
    long[] keys = overlapKeys;
    for (int i = 0; i < count; i++) {
      keys[i] = (long) matchPattern[list[i]] << 32 | i;
    }
    Arrays.sort(keys, 0, count);
    int from = 0;
    while (from < count) {
      int pattern = (int) (keys[from] >>> 32);
      int to = from;
      while (to < count && (int) (keys[to] >>> 32) == pattern) {
        overlapGroup[to - from] = list[(int) keys[to]];
        to++;
      }
      if (to - from > 1) {
        dropOverlapping(overlapGroup, to - from, true);
      }
      from = to;
    }
  }

  private void dropOverlapping(int[] list, int count, boolean sameRuleOnly) {
    for (int ai = 0; ai < count; ai++) {
      int a = list[ai];
      if (matchDropped[a]) {
        continue;
      }
      for (int bi = ai + 1; bi < count; bi++) {
        int b = list[bi];
        if (matchDropped[b] || (sameRuleOnly && matchPattern[a] != matchPattern[b])
            || matchEnd[a] < matchStart[b] || matchEnd[b] < matchStart[a]) {
          continue;
        }
        int lengthA = matchEnd[a] - matchStart[a];
        int lengthB = matchEnd[b] - matchStart[b];
        if (lengthB > lengthA) {
          matchDropped[a] = true;
          break;
        }
        if (lengthA > lengthB || sameRuleOnly) {
          matchDropped[b] = true;
        }
      }
    }
  }

  /** Drops rule matches that overlap a match of a rule that overrides theirs. */
  private void applyOverrides() {
    int[] rules = byKind[Syntax.PatternKind.RULE.ordinal()];
    for (int ai = 0; ai < byKindCount[Syntax.PatternKind.RULE.ordinal()]; ai++) {
      int a = rules[ai];
      PatternInfo rule = patterns[matchPattern[a]];
      if (matchDropped[a] || rule.overrides.isEmpty()) {
        continue;
      }
      for (int bi = 0; bi < byKindCount[Syntax.PatternKind.RULE.ordinal()]; bi++) {
        int b = rules[bi]; // overrides name rules only (the compiler checks)
        if (b != a && !matchDropped[b] && overrides[rule.id].get(matchPattern[b])
            && matchStart[a] <= matchEnd[b] && matchStart[b] <= matchEnd[a]) {
          matchDropped[b] = true;
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Rules and their context

  private void evaluateRule(int m) {
    PatternInfo rule = patterns[matchPattern[m]];
    int ms = matchStart[m];
    int me = matchEnd[m];
    int[] path = matchPath[m];
    // The quotation holding the whole span: not the innermost quotation of its first or last
    // token, which differ when the span ends in a scare quote nested in a longer quotation.
    int spanQuote = quote[ms] < 0 || quote[me] < 0 ? -1
        : seg.quoteContaining(tokens.start[ms], tokens.end[me]);
    // A figure's qualifier is part of the figure: "to" in "up to 40 were detained" is no
    // infinitive, "no" in "no fewer than 40 were killed" no negation.
    int number = rule.casualtyKind == null ? -1 : figureNumber(ms, path);
    int qualifier = number < 0 ? -1 : qualifierAt[number];
    ruleQualifierStart = qualifier < 0 ? -1 : matchStart[qualifier];
    ruleQualifierEnd = qualifier < 0 ? -1 : matchEnd[qualifier];

    int applicableCount = applicableModifiers(rule, ms, me, path, spanQuote);
    boolean anyKept = false;
    boolean anyMuted = false; // cancelled as evidence by "mute", its figure still read
    int emitted = 0; // bit (frame * 2 + dropped) per piece of evidence emitted
    for (Frame original : FRAME_VALUES) {
      if (!rule.supports(original)) {
        continue;
      }
      int block = blockOver(ms, me, original);
      if (block >= 0) {
        EvidenceDraft draft = doc.addEvidence(original, original, rule.id, rule.name, tokens.start[ms],
            tokens.end[me], sentence, Evidence.Polarity.ASSERTED, rule.weight, true, spanQuote);
        addHit(draft, block, "block");
        continue;
      }
      Frame base = original;
      Frame current = original;
      boolean negated = false;
      boolean dropped = false;
      boolean muted = false;
      double weight = rule.weight;
      Evidence.Polarity polarity = Evidence.Polarity.ASSERTED;
      int hits = 0;
      for (int a = 0; a < applicableCount; a++) {
        int t = applicable[a];
        PatternInfo modifier = patterns[matchPattern[t]];
        Syntax.Effect effect = modifier.effectOn(current);
        if (effect == null) {
          continue;
        }
        if (hits == hitMatch.length) {
          hitMatch = Arrays.copyOf(hitMatch, hits * 2);
          hitEffect = Arrays.copyOf(hitEffect, hits * 2);
        }
        hitMatch[hits] = t;
        hitEffect[hits++] = effectDescriptions[modifier.id][current.ordinal()];
        switch (effect.kind()) {
          case DROP -> dropped = true;
          case MUTE -> {
            dropped = true;
            muted = true;
          }
          case NEGATE -> {
            negated = !negated;
            if (negated) {
              int target = rule.negatedTo[base.ordinal()];
              if (target < 0) {
                dropped = true;
              } else {
                current = FRAME_VALUES[target];
                polarity = Evidence.Polarity.NEGATED;
              }
            } else {
              current = base;
              polarity = Evidence.Polarity.ASSERTED;
            }
          }
          case TURN -> {
            current = effect.target();
            base = current;
            negated = false;
            polarity = Evidence.Polarity.NEGATED;
          }
          case CONTEST -> {
            if (polarity == Evidence.Polarity.ASSERTED) {
              polarity = Evidence.Polarity.CONTESTED;
            }
          }
          case WEAKEN -> weight *= effect.factor();
          case KEEP -> { }
        }
        if (dropped || effect.kind() == Syntax.EffectKind.KEEP) {
          break; // "keep" shields the match from the modifiers further away
        }
      }
      if (!dropped && polarity == Evidence.Polarity.ASSERTED && scareQuoted(ms, path)) {
        polarity = Evidence.Polarity.CONTESTED;
      }
      Frame reported = dropped ? original : current;
      int key = 1 << (reported.ordinal() * 2 + (dropped ? 1 : 0));
      if ((emitted & key) != 0) {
        continue; // two frames of one rule negated into the same frame: one piece of evidence
      }
      emitted |= key;
      anyKept |= !dropped;
      anyMuted |= muted;
      EvidenceDraft draft = doc.addEvidence(reported, original, rule.id, rule.name,
          tokens.start[ms], tokens.end[me], sentence, polarity, weight, dropped, spanQuote);
      for (int h = 0; h < hits; h++) {
        addHit(draft, hitMatch[h], hitEffect[h]);
      }
    }
    if ((anyKept || anyMuted) && rule.casualtyKind != null) {
      figure(rule, ms, me, path);
    }
  }

  /**
   * The expanded sequence of {@code rule} that matches tokens {@code ms..me}: it tells which
   * tokens the rule asked for and which a gap absorbed. Null when every such sequence would
   * stretch a gap across a clause boundary ("breached, the town's defences"): a gap joins
   * words of one clause, while words the rule spells out may stand on both sides of a comma.
   */
  private int[] path(PatternInfo rule, int ms, int me) {
    return sequenceIndexes[rule.id].first(ms, me - ms + 1, this);
  }

  @Override
  public boolean clauseBreak(int k) {
    return clause[k] != clause[k - 1] && !(figurePath && subjectListEnds(k));
  }

  /**
   * Whether the clause break before token {@code k} is only the comma that closes a subject
   * before its verb ("About 300 people, including 40 children, were killed"): a comma, then an
   * auxiliary. A figure rule's gap may cross it, so that the number before reaches its harm.
   */
  private boolean subjectListEnds(int k) {
    if (boundaryAt[k] || quote[k] != quote[k - 1] || !isAuxiliary(k)) {
      return false;
    }
    return commaOnlyBefore(k);
  }

  /** Whether only whitespace and at least one comma stand between tokens {@code k-1} and k. */
  private boolean commaOnlyBefore(int k) {
    boolean comma = false;
    for (int c = tokens.end[k - 1]; c < tokens.start[k]; c++) {
      char ch = chars[c];
      if (ch == ',') {
        comma = true;
      } else if (!Character.isWhitespace(ch)) {
        return false;
      }
    }
    return comma;
  }

  private boolean isAuxiliary(int k) {
    return tokens.is(k, "were") || tokens.is(k, "was") || tokens.is(k, "are")
        || tokens.is(k, "is") || tokens.is(k, "have") || tokens.is(k, "has")
        || tokens.is(k, "had");
  }

  /**
   * Words that end a figure's noun phrase when a list of figures is read backwards: verbs of
   * being and having, modals, relative pronouns (closed classes of English, not vocabulary).
   */
  private boolean endsNounPhrase(int k) {
    return isAuxiliary(k) || tokens.is(k, "be") || tokens.is(k, "been")
        || tokens.is(k, "being") || tokens.is(k, "do") || tokens.is(k, "does")
        || tokens.is(k, "did") || tokens.is(k, "will") || tokens.is(k, "would")
        || tokens.is(k, "shall") || tokens.is(k, "should") || tokens.is(k, "can")
        || tokens.is(k, "could") || tokens.is(k, "may") || tokens.is(k, "might")
        || tokens.is(k, "must") || tokens.is(k, "who") || tokens.is(k, "which")
        || tokens.is(k, "that") || tokens.is(k, "whom") || tokens.is(k, "whose")
        || tokens.is(k, "including");
  }

  /** Whether token {@code k} satisfies {@code atom} (every token satisfies {@code ANY}). */
  @Override
  public boolean satisfies(int k, int atom) {
    if (atom == PatternAutomaton.ANY) {
      return true;
    }
    if ((masks[k] & (1L << (atom & 63))) == 0) {
      return false; // the mask rules out most atoms without reading the token's list
    }
    for (int a : atoms[k]) {
      if (a == atom) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a word the rule asked for stands in scare quotes ("celebrated the 'victory'"): the
   * frame is still stated, but as the speaker's word, so the evidence is marked contested.
   */
  private boolean scareQuoted(int ms, int[] path) {
    for (int k = 0; k < path.length; k++) {
      int q = quote[ms + k];
      if (path[k] != PatternAutomaton.ANY && q >= 0 && seg.quoteIsShort[q]) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first block match overlapping {@code ms..me} that cancels {@code frame} (a block that
   * names no frames cancels all of them), or -1.
   */
  private int blockOver(int ms, int me, Frame frame) {
    int[] blocks = byKind[Syntax.PatternKind.BLOCK.ordinal()];
    for (int bi = 0; bi < byKindCount[Syntax.PatternKind.BLOCK.ordinal()]; bi++) {
      int b = blocks[bi];
      PatternInfo block = patterns[matchPattern[b]];
      if (!matchDropped[b]
          && matchStart[b] <= me && ms <= matchEnd[b]
          && (block.frames == 0 || block.supports(frame))) {
        return b;
      }
    }
    return -1;
  }

  /**
   * Modifier matches that reach the rule match, nearest first, into {@link #applicable};
   * returns their number.
   */
  private int applicableModifiers(PatternInfo rule, int ms, int me, int[] path,
      int spanQuote) {
    int count = 0;
    int[] found = applicable;
    int[] distance = applicableDistance;
    int[] modifiers = byKind[Syntax.PatternKind.MODIFIER.ordinal()];
    for (int ti = 0; ti < byKindCount[Syntax.PatternKind.MODIFIER.ordinal()]; ti++) {
      int t = modifiers[ti];
      PatternInfo modifier = patterns[matchPattern[t]];
      if (matchDropped[t] || immune[rule.id].get(modifier.id)
          || !conditionsHold(modifier, spanQuote, ms, path) || vetoed(modifier)) {
        continue;
      }
      int d = reach(modifier.scope, matchStart[t], matchEnd[t], ms, me, path);
      if (d < 0 || matchStart[t] >= ruleQualifierStart && matchEnd[t] <= ruleQualifierEnd) {
        continue;
      }
      if (count == found.length) {
        found = applicable = Arrays.copyOf(found, count * 2);
        distance = applicableDistance = Arrays.copyOf(distance, count * 2);
      }
      found[count] = t;
      distance[count] = d;
      count++;
    }
    if (count > 1) {
      sortApplicable(count);
    }
    return count;
  }

  /**
   * Sorts the first {@code count} applicable modifiers by distance, then start, then match
   * order (the order they were found in). Usually a few reach a match and an insertion sort
   * does; but a window can hold hundreds that reach each of hundreds of rule matches ("if"
   * reaches a whole part), found farthest first, where inserting each at the front cost the
   * cube of the window. Those are sorted as packed keys: distance and start (both under
   * {@link #WINDOW}, the start taken from the window's first token), then the match index.
   */
  private void sortApplicable(int count) {
    int[] found = applicable;
    int[] distance = applicableDistance;
    if (count > 16) {
      if (applicableKeys.length < count) {
        applicableKeys = new long[found.length];
      }
      long[] keys = applicableKeys;
      for (int i = 0; i < count; i++) {
        long position = (long) distance[i] << 16 | (matchStart[found[i]] - windowFrom);
        keys[i] = position << 32 | found[i];
      }
      Arrays.sort(keys, 0, count);
      for (int i = 0; i < count; i++) {
        found[i] = (int) keys[i];
        distance[i] = (int) (keys[i] >>> 48);
      }
      return;
    }
    for (int i = 1; i < count; i++) {
      int t = found[i];
      int d = distance[i];
      int at = i;
      while (at > 0 && (distance[at - 1] > d
          || (distance[at - 1] == d && matchStart[found[at - 1]] > matchStart[t]))) {
        found[at] = found[at - 1];
        distance[at] = distance[at - 1];
        at--;
      }
      found[at] = t;
      distance[at] = d;
    }
  }

  /**
   * Whether a word of one of the modifier's {@code unless} sets stands in the window (the
   * sentence, or its part of a sentence too long for one window): "won the final" is muted as
   * sport unless the sentence names an army. Looked up once per window and modifier.
   */
  private boolean vetoed(PatternInfo modifier) {
    int[] unless = modifier.unlessAtoms;
    if (unless.length == 0) {
      return false;
    }
    if (vetoWindow[modifier.id] != windowSerial) {
      vetoWindow[modifier.id] = windowSerial;
      vetoes[modifier.id] = false;
      search:
      for (int k = windowFrom; k < windowTo; k++) {
        for (int atom : atoms[k]) {
          if (Arrays.binarySearch(unless, atom) >= 0) {
            vetoes[modifier.id] = true;
            break search;
          }
        }
      }
    }
    return vetoes[modifier.id];
  }

  private boolean conditionsHold(PatternInfo modifier, int spanQuote, int ms, int[] path) {
    for (Syntax.Condition c : conditions[modifier.id]) {
      boolean holds = switch (c) {
        case QUESTION -> seg.sentenceIsQuestion[sentence];
        case QUOTED -> spanQuote >= 0;
        case UNQUOTED -> spanQuote < 0;
        case SCARE_QUOTED -> scareQuoted(ms, path);
      };
      if (!holds) {
        return false;
      }
    }
    return true;
  }

  /**
   * How far a trigger at {@code ts..te} is from a match at {@code ms..me} under a scope: 0 when
   * it lies on tokens the match's gaps absorbed, else 1 + the tokens between them; -1 when out
   * of reach. A trigger on words the rule itself asked for is part of the rule, not context.
   */
  private int reach(Syntax.Scope scope, int ts, int te, int ms, int me, int[] path) {
    // A trigger that begins before the match and runs into it ("would be" before "be
    // overwhelmed") is context before it; likewise one that begins inside and runs past its end.
    if (ts < ms && te >= ms && te <= me && scope.direction() != Syntax.Direction.AFTER) {
      return 1;
    }
    if (ts >= ms && ts <= me && te > me && scope.direction() != Syntax.Direction.BEFORE) {
      return 1;
    }
    if (ts >= ms && te <= me) {
      if (scope.outside()) {
        return -1;
      }
      for (int k = ts; k <= te; k++) {
        if (path[k - ms] != PatternAutomaton.ANY) {
          return -1;
        }
      }
      return 0;
    }
    if (te < ms && scope.direction() != Syntax.Direction.AFTER) {
      return within(scope, ms - te - 1, te, ms);
    }
    if (ts > me && scope.direction() != Syntax.Direction.BEFORE) {
      return within(scope, ts - me - 1, me, ts);
    }
    return -1;
  }

  private int within(Syntax.Scope scope, int between, int left, int right) {
    return switch (scope.extent()) {
      case TOKENS -> between < scope.tokens() && clause[left] == clause[right] ? between + 1 : -1;
      case CLAUSE -> clause[left] == clause[right] ? between + 1 : -1;
      case PART -> part[left] == part[right] ? between + 1 : -1;
      case SENTENCE -> between + 1;
      case PARAGRAPH -> -1; // acts once the paragraph is read: see endParagraph
    };
  }

  private void addHit(EvidenceDraft draft, int m, String effect) {
    doc.addHit(draft, patterns[matchPattern[m]].name, tokens.start[matchStart[m]],
        tokens.end[matchEnd[m]], effect);
  }

  // ---------------------------------------------------------------------------------------------
  // Casualty figures
  //
  // A figure rule (one with a kind) reads the first NUMBER its pattern asked for. Before the
  // matches of a rule compete for overlaps, every figure rule match of the window marks the
  // words it asked for (its harm words, with the number each reads) and the number it reads;
  // then a match is refused when it would read a number across another number's harm: each
  // number takes the harm word nearest to it in its own conjunct. From a figure, the numbers
  // listed before it with "and", "plus", "as well as" or commas ("300 soldiers and at least 45
  // civilians, a dozen of them children, were killed") are read with the same kind. All of it
  // touches only the window's figure rule matches and the few tokens around them.

  /** The number whose qualifier starts at {@code k} ("an estimated 40"), or -1. */
  private int nextQualified(int k, int to) {
    for (int n = k + 1; n < to && n <= k + 4; n++) {
      int q = qualifierAt[n];
      if (q >= 0 && matchStart[q] == k) {
        return n;
      }
    }
    return -1;
  }

  private void markNumber(int k, byte mark) {
    if (numberMarks[k] == 0 && harmNumberLow[k] < 0) {
      noteFigureMarked(k);
    }
    numberMarks[k] |= mark;
  }

  private void noteFigureMarked(int k) {
    if (figureMarkedCount == figureMarked.length) {
      figureMarked = ArrayUtil.grow(figureMarked);
    }
    figureMarked[figureMarkedCount++] = k;
  }

  /** The number token a rule match's figure reads: the first NUMBER it asked for, or -1. */
  private static int figureNumber(int ms, int[] path) {
    for (int k = 0; k < path.length; k++) {
      if (path[k] == PatternAutomaton.NUMBER) {
        return ms + k;
      }
    }
    return -1;
  }

  /** Marks the harm words and numbers of the window's figure rule matches. */
  private void markFigureWords() {
    int[] rules = byKind[Syntax.PatternKind.RULE.ordinal()];
    for (int r = 0; r < byKindCount[Syntax.PatternKind.RULE.ordinal()]; r++) {
      int m = rules[r];
      int[] path = matchPath[m];
      matchNumber[m] = -1;
      if (matchDropped[m] || patterns[matchPattern[m]].casualtyKind == null) {
        continue;
      }
      int ms = matchStart[m];
      int number = figureNumber(ms, path);
      matchNumber[m] = number;
      if (number < 0) {
        continue;
      }
      markNumber(number, path[0] == PatternAutomaton.NUMBER
          ? (byte) (READ_BY_RULE | READ_NUMBER_FIRST) : READ_BY_RULE);
      for (int k = 0; k < path.length; k++) {
        if (path[k] != PatternAutomaton.ANY && path[k] != PatternAutomaton.NUMBER) {
          int t = ms + k;
          if (harmNumberLow[t] < 0) {
            if (numberMarks[t] == 0) {
              noteFigureMarked(t);
            }
            harmNumberLow[t] = number;
            harmNumberHigh[t] = number;
          } else {
            harmNumberLow[t] = Math.min(harmNumberLow[t], number);
            harmNumberHigh[t] = Math.max(harmNumberHigh[t], number);
          }
        }
      }
    }
  }

  /**
   * Refuses the figure rule matches that would read a number across another number's harm or
   * a number that counts no people; refused, they are no matches at all, so that a shorter
   * match of the same rule can stand ("killed 40 people in two attacks" reads 40 from "killed
   * 40", not 2 from the whole).
   */
  private void refuseFigureConflicts() {
    int[] rules = byKind[Syntax.PatternKind.RULE.ordinal()];
    for (int r = 0; r < byKindCount[Syntax.PatternKind.RULE.ordinal()]; r++) {
      int m = rules[r];
      int number = matchNumber[m];
      if (matchDropped[m] || number < 0) {
        continue;
      }
      matchDropped[m] = figureConflict(m, number);
    }
  }

  private boolean figureConflict(int m, int number) {
    if ((tokens.flags[number] & TokenBuffer.MEASURE) != 0) {
      return true; // "Three days of shelling killed 40": 3 counts days
    }
    int ms = matchStart[m];
    int me = matchEnd[m];
    int[] path = matchPath[m];
    if (gapCrossesClause(ms, path) && (numberMarks[number]
        & (SUBSET_MARKER_AFTER | SUBSET_MARKER_BEFORE)) == 0
        && listPrevious(number, false) < 0) {
      // The comma before "were" closes a subject list or a part of one ("300 people,
      // including 40 children, were killed"), not any phrase ("the leader of the 40 rebels,
      // was killed").
      return true;
    }
    boolean joiner = false;
    boolean gapNumber = false;
    for (int k = ms; k <= me; k++) {
      if (path[k - ms] != PatternAutomaton.ANY) {
        continue;
      }
      joiner |= tokens.is(k, "and") || tokens.is(k, "plus")
          || (tokens.is(k, "as") && tokens.is(k + 1, "well"));
      // A harm word another number reads, inside this match's gap: "killed 12 and wounded
      // 30" does not read 30 as killed.
      if (harmNumberLow[k] >= 0 && !(harmNumberLow[k] == number
          && harmNumberHigh[k] == number)) {
        return true;
      }
      if (k != number && (tokens.flags[k] & TokenBuffer.NUMBER) != 0
          && (tokens.flags[k] & TokenBuffer.MEASURE) == 0) {
        gapNumber = true;
        // A nearer number some rule reads, not listed with this one: "killed 40 people in
        // two attacks" reads 40, not 2.
        if ((numberMarks[k] & READ_BY_RULE) != 0 && !listedBefore(k, number)) {
          return true;
        }
      }
    }
    if (path[0] != PatternAutomaton.NUMBER && (joiner || gapNumber)
        && (numberMarks[number] & READ_NUMBER_FIRST) != 0) {
      return true; // "killed 12 and 30 were wounded": 30 has its own harm after it
    }
    if (joiner) {
      if (path[0] == PatternAutomaton.NUMBER && harmAfterDeterminer(ms, path)) {
        return true; // "hundreds of trucks and the dead": a harm of its own phrase
      }
      // "13 were killed and some 900 homes burned": the harm word is another number's.
      for (int k = ms; k <= me; k++) {
        if (path[k - ms] != PatternAutomaton.ANY && path[k - ms] != PatternAutomaton.NUMBER
            && (harmNumberLow[k] < ms || harmNumberHigh[k] > me)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the first word the match asked for after its number stands right after a
   * determiner: a noun of harm heading a phrase of its own ("and the deaths of many").
   */
  private boolean harmAfterDeterminer(int ms, int[] path) {
    for (int k = 1; k < path.length; k++) {
      if (path[k] != PatternAutomaton.ANY) {
        int d = ms + k - 1;
        return path[k - 1] == PatternAutomaton.ANY && (tokens.is(d, "the") || tokens.is(d, "a")
            || tokens.is(d, "an") || tokens.is(d, "their") || tokens.is(d, "his")
            || tokens.is(d, "her") || tokens.is(d, "its") || tokens.is(d, "our"));
      }
    }
    return false;
  }

  /** Whether a gap of the match crosses a clause boundary (the comma before "were"). */
  private boolean gapCrossesClause(int ms, int[] path) {
    for (int k = 1; k < path.length; k++) {
      if ((path[k] == PatternAutomaton.ANY || path[k - 1] == PatternAutomaton.ANY)
          && clause[ms + k] != clause[ms + k - 1]) {
        return true;
      }
    }
    return false;
  }

  /** Whether number token {@code earlier} is listed before {@code number} (see listPrevious). */
  private boolean listedBefore(int earlier, int number) {
    boolean strong = false;
    for (int n = number; n > earlier; ) {
      n = listPrevious(n, strong);
      if (n < 0) {
        return false;
      }
      strong |= listJoinStrong;
      if (n == earlier) {
        return true;
      }
    }
    return false;
  }

  /**
   * The number listed right before the figure number {@code number}, or -1: joined by "and",
   * "plus" or "as well as" (with or without a comma), or by a comma alone when a later member
   * was joined by one of those ({@code strongSeen}) or when {@code number} is a part of it ("45
   * civilians, a dozen of them children": {@link #listParent}). Between the joiner and the
   * earlier number stand at most six words of its noun phrase, none a harm word of a figure
   * rule or a verb of being or having.
   */
  private int listPrevious(int number, boolean strongSeen) {
    int first = qualifierAt[number] >= 0 ? matchStart[qualifierAt[number]] : number;
    int join = first;
    boolean strong = false;
    if (tokens.is(first - 1, "and") || tokens.is(first - 1, "plus")) {
      join = first - 1;
      strong = true;
    } else if (tokens.is(first - 1, "as") && tokens.is(first - 2, "well")
        && tokens.is(first - 3, "as")) {
      join = first - 3;
      strong = true;
    }
    if (join - 1 < windowFrom) {
      return -1;
    }
    boolean comma = clause[join] != clause[join - 1] && !boundaryAt[join]
        && quote[join] == quote[join - 1] && commaOnlyBefore(join);
    if (!strong && !comma) {
      return -1;
    }
    boolean parent = !strong && (numberMarks[number] & SUBSET_MARKER_AFTER) != 0;
    if (!strong && !parent && !strongSeen) {
      return -1; // "After the blast, which destroyed 40 homes, 12 people were killed"
    }
    for (int k = join - 1; k >= windowFrom && k >= join - 7; k--) {
      if ((tokens.flags[k] & TokenBuffer.NUMBER) != 0) {
        if ((tokens.flags[k] & TokenBuffer.MEASURE) != 0 || k == join - 1 && !strong) {
          return -1;
        }
        listJoinStrong = strong;
        listParent = parent;
        return k;
      }
      if (harmNumberLow[k] >= 0 || endsNounPhrase(k) || participleAfterNoun(k)
          || (clause[k] != clause[k + 1] && !(quote[k] == quote[k + 1] && !boundaryAt[k + 1]
              && commaOnlyBefore(k + 1)))) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Whether token {@code k} of a noun phrase is a participle after its noun, a verb of its own
   * ("thousands of troops surrounded and hundreds dead", "40 homes destroyed and 12 killed"):
   * a word in "-ed" not right after the number ("12 armed men" keeps its adjective).
   */
  private boolean participleAfterNoun(int k) {
    int length = tokens.termLength[k];
    int off = tokens.termOffset[k];
    return length > 4 && tokens.pool[off + length - 2] == 'e'
        && tokens.pool[off + length - 1] == 'd' && k > 0
        && (tokens.flags[k - 1] & TokenBuffer.NUMBER) == 0;
  }

  private void figure(PatternInfo rule, int ms, int me, int[] path) {
    int number = figureNumber(ms, path);
    if (number < 0 || doc.figureAtToken(number) != null) {
      return;
    }
    FigureDraft current = addFigure(number, rule.casualtyKind, rule.name, null);
    // "300 soldiers and at least 45 civilians, a dozen of them children, were killed": the rule
    // matched the number nearest its harm; those listed before it count the same harm.
    boolean strong = false;
    for (int previous = listPrevious(number, false); previous >= 0;
        previous = listPrevious(previous, strong)) {
      strong |= listJoinStrong;
      boolean parent = listParent;
      FigureDraft listed = doc.figureAtToken(previous);
      if (listed == null) {
        listed = addFigure(previous, rule.casualtyKind, rule.name, null);
      } else if (listed.kind != rule.casualtyKind) {
        break; // read with a harm of its own
      }
      if (parent && current.parent == null) {
        current.parent = listed;
      }
      current = listed;
    }
  }

  private FigureDraft addFigure(int number, CasualtyCount.Kind kind, String ruleId,
      FigureDraft parent) {
    int q = qualifierAt[number];
    CasualtyCount.Qualifier qualifier = q >= 0 ? patterns[matchPattern[q]].qualifier : null;
    int firstToken = q >= 0 ? matchStart[q] : number;
    long low = tokens.low[number];
    long best = tokens.best[number];
    long high = tokens.high[number];
    CasualtyCount.Qualifier stated;
    if ((tokens.flags[number] & TokenBuffer.VAGUE) != 0) {
      stated = CasualtyCount.Qualifier.VAGUE;
      if (qualifier == CasualtyCount.Qualifier.AT_LEAST
          || qualifier == CasualtyCount.Qualifier.MORE_THAN) {
        high = -1;
      }
    } else if (best < 0) {
      stated = CasualtyCount.Qualifier.RANGE;
    } else {
      stated = qualifier == null ? CasualtyCount.Qualifier.EXACT : qualifier;
      switch (stated) {
        case AT_LEAST -> high = -1;
        case MORE_THAN -> { // more than N is not N
          best = -1;
          high = -1;
        }
        case AT_MOST -> low = -1;
        case ABOUT -> {
          low = -1;
          high = -1;
        }
        case NEARLY -> low = -1;
        default -> { }
      }
    }
    int start = tokens.start[firstToken];
    int end = tokens.end[number];
    FigureDraft figure = doc.addFigure().set(low, best, high, stated, kind, who(number), start,
        end, sentence, ruleId, number);
    figure.parent = parent;
    return figure;
  }

  /**
   * The lexicon's category of the people counted, from the few tokens after the number in its
   * clause, before the next number ("300 including 40 children": the children are the 40).
   */
  private String who(int number) {
    for (int k = number + 1; k < windowTo && k <= number + 4; k++) {
      if (clause[k] != clause[number] || (tokens.flags[k] & TokenBuffer.NUMBER) != 0) {
        break;
      }
      for (int atom : atoms[k]) {
        String category = atom < whoByAtom.length ? whoByAtom[atom] : null;
        if (category != null) {
          return category;
        }
      }
    }
    return null;
  }

  /**
   * A subset marker. "Including an estimated 16,700 children": the first number in the four
   * tokens after it is part of the last figure before the marker; when no figure precedes it,
   * a number just before the marker is made one ("About 300 people, including 40 children,
   * were killed"). A marker that starts with "of" right after a number ("a dozen of them
   * children") makes that number part of the last figure before it.
   */
  private void subset(int m) {
    int marker = matchStart[m];
    if (marker > windowFrom && (tokens.flags[marker - 1] & TokenBuffer.NUMBER) != 0
        && tokens.is(marker, "of")) {
      subsetBefore(m, marker - 1);
      return;
    }
    int number = -1;
    for (int k = matchEnd[m] + 1; k < windowTo && k <= matchEnd[m] + 4; k++) {
      if ((tokens.flags[k] & TokenBuffer.NUMBER) != 0) {
        number = k;
        break;
      }
    }
    if (number < 0 || (tokens.flags[number] & TokenBuffer.MEASURE) != 0) {
      return;
    }
    FigureDraft existing = doc.figureAtToken(number);
    FigureDraft parent = doc.lastFigureBefore(marker);
    if (parent == null && existing != null) {
      int whole = numberBefore(marker);
      if (whole >= 0) {
        parent = addFigure(whole, existing.kind, patterns[matchPattern[m]].name, null);
      }
    }
    if (parent == null) {
      return;
    }
    if (existing != null) {
      if (existing != parent && existing.parent == null) {
        existing.parent = parent;
        if (!harmWordInClauseAfter(number)) {
          // A part without a harm of its own ("including 40 children, and 600 were wounded")
          // counts what its whole counts, not the harm a figure rule found in the next clause;
          // one with its own ("5,000 casualties, including 1,200 dead") keeps it.
          existing.kind = parent.kind;
        }
      }
      return;
    }
    addFigure(number, parent.kind, patterns[matchPattern[m]].name, parent);
  }

  /** Whether a figure rule's harm word follows {@code number} in its own clause. */
  private boolean harmWordInClauseAfter(int number) {
    for (int k = number + 1; k < windowTo && clause[k] == clause[number]; k++) {
      if (harmNumberLow[k] >= 0) {
        return true;
      }
    }
    return false;
  }

  /** "45 civilians, a dozen of them children": {@code number} is part of the figure before. */
  private void subsetBefore(int m, int number) {
    FigureDraft part = doc.figureAtToken(number);
    FigureDraft whole = doc.lastFigureBefore(number);
    if (whole == null || (part != null && (part == whole || part.parent != null))) {
      return;
    }
    if (part != null) {
      part.parent = whole;
    } else if (whoWithin(matchEnd[m] + 1, 2) && clause[number] == clause[matchEnd[m]]) {
      // Only a count of people is read: "39 dead, 37 of them children", not "37 of them
      // identified".
      addFigure(number, whole.kind, patterns[matchPattern[m]].name, whole);
    }
  }

  /**
   * The number token standing before {@code marker}, behind at most four words of its noun
   * phrase and one comma (none a harm word or a verb of being), or -1.
   */
  private int numberBefore(int marker) {
    boolean commaSeen = false;
    for (int k = marker - 1; k >= windowFrom && k >= marker - 5; k--) {
      if (clause[k] != clause[k + 1]) {
        if (commaSeen || boundaryAt[k + 1] || quote[k] != quote[k + 1]
            || !commaOnlyBefore(k + 1)) {
          return -1;
        }
        commaSeen = true;
      }
      if ((tokens.flags[k] & TokenBuffer.NUMBER) != 0) {
        return (tokens.flags[k] & TokenBuffer.MEASURE) == 0 && doc.figureAtToken(k) == null
            ? k : -1;
      }
      if (harmNumberLow[k] >= 0 || endsNounPhrase(k)) {
        return -1;
      }
    }
    return -1;
  }

  /** Whether one of the {@code count} tokens from {@code from} belongs to a "who" category. */
  private boolean whoWithin(int from, int count) {
    for (int k = from; k < windowTo && k < from + count; k++) {
      for (int atom : atoms[k]) {
        if (atom < whoByAtom.length && whoByAtom[atom] != null) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Speakers

  private void attribution(int m) {
    int ts = matchStart[m];
    int te = matchEnd[m];
    if (quote[ts] >= 0 && !seg.quoteIsShort[quote[ts]]) {
      return; // a speech verb inside a quotation does not attribute it
    }
    int speakerStart = -1; // the speaker's span, cut from the text only if a quote needs it
    int speakerEnd = -1;
    boolean pronoun = false;
    int k = ts - 1;
    if (k >= windowFrom && sameClauseOutside(k, ts) && isPronoun(k)) {
      speakerStart = tokens.start[k];
      speakerEnd = tokens.end[k];
      pronoun = true;
    } else {
      int first = ts;
      // An appositive name stands behind a comma ("Its spokeswoman, Lena Mards, said"): the
      // first name-like word before the verb may be in the previous clause; the name then
      // ends where its own clause does.
      int anchor = k >= windowFrom && nameLike(k) && outsideQuote(k) ? k : ts;
      while (k >= windowFrom && sameClauseOutside(k, anchor) && nameLike(k)) {
        first = k;
        k--;
      }
      if (first < ts) {
        if (k >= windowFrom && sameClauseOutside(k, anchor) && isDeterminer(k)) {
          first = k;
        }
        speakerStart = tokens.start[first];
        speakerEnd = tokens.end[ts - 1];
      }
    }
    if (speakerStart < 0) {
      int last = te;
      k = te + 1;
      if (k < windowTo && sameClauseOutside(k, te) && isDeterminer(k)) {
        k++;
      }
      while (k < windowTo && sameClauseOutside(k, te) && nameLike(k)) {
        last = k;
        k++;
      }
      if (last > te) {
        speakerStart = tokens.start[te + 1];
        speakerEnd = tokens.end[last];
      }
    }
    doc.addAttribution(sentence, tokens.start[ts], tokens.end[te], speakerStart, speakerEnd,
        pronoun);
  }

  private boolean sameClauseOutside(int k, int anchor) {
    return clause[k] == clause[anchor] && outsideQuote(k);
  }

  private boolean outsideQuote(int k) {
    return quote[k] < 0 || seg.quoteIsShort[quote[k]];
  }

  private boolean nameLike(int k) {
    if ((tokens.flags[k] & TokenBuffer.NUMBER) != 0) {
      return false;
    }
    return (tokens.flags[k] & TokenSink.CAPITALIZED) != 0
        || (lexicon.speakerWordAtom >= 0 && satisfies(k, lexicon.speakerWordAtom));
  }

  // Closed grammatical classes of English, not vocabulary: pronouns that can be resolved to an
  // earlier speaker, and the determiners that may open a speaker's description.
  private boolean isPronoun(int k) {
    return tokens.is(k, "he") || tokens.is(k, "she") || tokens.is(k, "they")
        || tokens.is(k, "we") || tokens.is(k, "i");
  }

  private boolean isDeterminer(int k) {
    return tokens.is(k, "the") || tokens.is(k, "a") || tokens.is(k, "an");
  }
}
