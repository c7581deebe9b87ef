package dev.framelens.internal.engine;

import dev.framelens.Evidence;
import dev.framelens.Frame;
import dev.framelens.internal.lexicon.CompiledLexicon;
import dev.framelens.internal.lexicon.CompiledLexicon.PatternInfo;
import dev.framelens.internal.lexicon.Syntax;
import dev.framelens.internal.match.PatternAutomaton;
import dev.framelens.internal.text.Segmentation;
import dev.framelens.internal.text.TokenBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Set;

/**
 * The context stage: what the words around a rule's match do to it, and the evidence that
 * results.
 *
 * <h2>Design notes</h2>
 *
 * <p><b>What it does.</b> For a window of tokens with rule, attribution or subset matches:
 * clause boundaries (punctuation, boundary words, a real quotation's edges; a scare quote is
 * none) and the qualifiers before numbers ({@link #markBoundariesAndQualifiers}, {@link
 * #computeClauses}); each rule match's path, the expanded sequence it matched, refused when a
 * gap would cross a clause ({@link #computePaths}); overlapping modifier triggers (the longest
 * wins) and rule matches (the same rule's longest), then overrides ({@link #resolveOverlaps});
 * then for each kept rule match its blocks and the modifiers in scope, nearest first, each
 * acting on the frame as it stands: drop, mute, negate, turn, contest, weaken, keep ({@link
 * #evaluateRule}), which adds the match's evidence to the document. Modifiers of the paragraph
 * are noted here and act when it ends ({@link ParagraphModifiers}).
 *
 * <p><b>Invariants.</b> It writes the window's {@link ContextMarks} and drops matches in the
 * {@link WindowMatches}; it reads the tokens. {@code boundaryAt} and {@code qualifierAt} are
 * clear between windows: {@link #endWindow} clears what the window marked. Modifiers act in
 * order of distance, then of start, then of match order, so the result never depends on the
 * order of the lexicon's lines beyond that.
 *
 * <p><b>Cost.</b> Nothing in a window without rule, attribution or subset matches (most
 * windows of news text). Otherwise one pass over the window's tokens for clauses, and per rule
 * match the modifier matches of the window: a few in news text. A window of {@value
 * Workspace#WINDOW} tokens with hundreds of matches stays below the square of its matches per
 * kind (overlaps are resolved per rule, applicable modifiers sorted as packed keys).
 */
final class ContextResolution implements SequenceIndex.Tokens {
  private static final Frame[] FRAME_VALUES = Frame.values();
  /** The id that suppressed evidence names when the lexicon's {@code contest-gate} muted it. */
  static final String CONTEST_GATE = "contest-gate";
  private static final int FRAMES = FRAME_VALUES.length;

  private final PatternInfo[] patterns;
  /** Per pattern, its expanded sequences indexed for {@link #path}; shared by the workspaces. */
  private final SequenceIndexes sequenceIndexes;
  /** Per rule, the rules it overrides and the modifiers it is immune to, as bit sets. */
  private final BitSet[] overrides;
  private final BitSet[] immune;
  /** Per modifier, its conditions (an array: iterating the set allocated an iterator). */
  private final Syntax.Condition[][] conditions;
  /** Per modifier and frame, its effect's description (built once: some concatenate). */
  private final String[][] effectDescriptions;
  /** The modifiers of the paragraph, which act once a paragraph is read. */
  final ParagraphModifiers paragraph;

  // Scratch of evaluateRule: the modifiers that reach the rule match, and those that act.
  private int[] applicable = new int[8];
  private int[] applicableDistance = new int[8];
  private long[] applicableKeys = new long[0];
  // Scratch of dropOverlapping: matches keyed by rule, and one rule's matches.
  private long[] overlapKeys = new long[0];
  private int[] overlapGroup = new int[0];
  private int[] hitMatch = new int[8];
  private String[] hitEffect = new String[8];
  /** Per modifier: the window whose {@code unless} words were looked up, and the answer. */
  private final int[] vetoWindow;
  private final boolean[] vetoes;
  /** Counts windows, for {@link #vetoWindow}. */
  private int windowSerial;
  /** While a figure rule's path is sought: a gap may cross the comma that ends a subject list. */
  private boolean figurePath;
  /** The qualifier span (tokens) of the number of the rule match being evaluated, or -1. */
  private int ruleQualifierStart = -1;
  private int ruleQualifierEnd = -1;

  // The window being resolved, bound by beginWindow.
  private SentenceTokens sentenceTokens;
  private TokenBuffer tokens;
  private WindowMatches matches;
  private int matchCount;
  private int[] matchPattern;
  private int[] matchStart;
  private int[] matchEnd;
  private boolean[] matchDropped;
  private int[][] matchPath;
  private int[][] byKind;
  private int[] byKindCount;
  private int[] clause;
  private int[] part;
  private int[] quote;
  private boolean[] boundaryAt;
  private int[] qualifierAt;
  private DocumentState doc;
  private Segmentation seg;
  private int sentence;
  private int windowFrom;
  private int windowTo;

  ContextResolution(CompiledLexicon lexicon, SequenceIndexes sequenceIndexes) {
    this.patterns = lexicon.patterns;
    this.sequenceIndexes = sequenceIndexes;
    this.overrides = new BitSet[patterns.length];
    this.immune = new BitSet[patterns.length];
    for (int p = 0; p < patterns.length; p++) {
      overrides[p] = bits(patterns[p].overrides);
      immune[p] = bits(patterns[p].immune);
    }
    this.effectDescriptions = new String[patterns.length][FRAMES];
    for (int p = 0; p < patterns.length; p++) {
      for (Frame frame : FRAME_VALUES) {
        Syntax.Effect effect = patterns[p].effectOn(frame);
        effectDescriptions[p][frame.ordinal()] = effect == null ? null : effect.describe();
      }
    }
    this.vetoWindow = new int[patterns.length];
    Arrays.fill(vetoWindow, -1);
    this.vetoes = new boolean[patterns.length];
    this.conditions = new Syntax.Condition[patterns.length][];
    for (int p = 0; p < patterns.length; p++) {
      conditions[p] = patterns[p].conditions.toArray(new Syntax.Condition[0]);
    }
    BitSet slotAtoms = new BitSet();
    slotAtoms.set(PatternAutomaton.NUMBER);
    slotAtoms.set(PatternAutomaton.CAPITALIZED);
    lexicon.setAtoms.values().forEach(slotAtoms::set);
    lexicon.whoCategories.keySet().forEach(slotAtoms::set);
    this.paragraph = new ParagraphModifiers(patterns, immune, effectDescriptions,
        lexicon.contestGateParagraphs, lexicon.contestGateAtoms, slotAtoms);
  }

  /** The sequence indexes it searches (for tests: the pool's workspaces share them). */
  SequenceIndexes sequenceIndexes() {
    return sequenceIndexes;
  }

  private static BitSet bits(Set<Integer> ids) {
    BitSet bits = new BitSet();
    ids.forEach(bits::set);
    return bits;
  }

  /**
   * Binds the window {@code from..to-1} of sentence {@code sentence} and finds the quotation
   * holding each of its tokens.
   */
  void beginWindow(SentenceTokens sentenceTokens, WindowMatches matches, ContextMarks marks,
      DocumentState doc, Segmentation seg, int sentence, int from, int to) {
    this.sentenceTokens = sentenceTokens;
    this.tokens = sentenceTokens.buffer;
    this.matches = matches;
    this.matchCount = matches.count;
    this.matchPattern = matches.pattern;
    this.matchStart = matches.start;
    this.matchEnd = matches.end;
    this.matchDropped = matches.dropped;
    this.matchPath = matches.path;
    this.byKind = matches.byKind;
    this.byKindCount = matches.byKindCount;
    this.clause = marks.clause;
    this.part = marks.part;
    this.quote = marks.quote;
    this.boundaryAt = marks.boundaryAt;
    this.qualifierAt = marks.qualifierAt;
    this.doc = doc;
    this.seg = seg;
    this.sentence = sentence;
    this.windowFrom = from;
    this.windowTo = to;
    windowSerial++;
    seg.quotesContaining(tokens.start, tokens.end, from, to, quote);
  }

  /** Clears the boundary and qualifier marks the window made, and lets go of it. */
  void endWindow() {
    for (int m = 0; m < matchCount; m++) {
      Syntax.PatternKind kind = patterns[matchPattern[m]].kind;
      if (kind == Syntax.PatternKind.BOUNDARY) {
        boundaryAt[matchStart[m]] = false;
      } else if (kind == Syntax.PatternKind.QUALIFIER && matchEnd[m] + 1 < windowTo) {
        qualifierAt[matchEnd[m] + 1] = -1;
      }
    }
    doc = null;
    seg = null;
  }

  /**
   * Marks where boundary words start, and for each qualifier ("at least", "an estimated") its
   * whole phrase and the token it qualifies (the longest qualifier wins).
   */
  void markBoundariesAndQualifiers() {
    for (int m = 0; m < matchCount; m++) {
      PatternInfo p = patterns[matchPattern[m]];
      if (p.kind == Syntax.PatternKind.BOUNDARY) {
        boundaryAt[matchStart[m]] = true;
      } else if (p.kind == Syntax.PatternKind.QUALIFIER && matchEnd[m] + 1 < windowTo) {
        matchStart[m] = longestStart(p, matchStart[m], matchEnd[m]);
        int at = matchEnd[m] + 1;
        int previous = qualifierAt[at];
        if (previous < 0 || matchStart[m] < matchStart[previous]) {
          qualifierAt[at] = m;
        }
      }
    }
  }

  /**
   * Sets each rule match's path (a match without one is dropped) and checks that each other
   * match but boundaries has a sequence that fits its tokens. Returns whether a figure rule
   * matched.
   */
  boolean computePaths() {
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
        matchDropped[m] = !sequenceIndexes.of(p.id).fitsMatched(matchStart[m],
            matchEnd[m] - matchStart[m] + 1, this);
      }
    }
    return figureRules;
  }

  /**
   * Drops modifier triggers that overlap a longer one (noting the paragraph's triggers), rule
   * matches that overlap a longer one of the same rule, and matches of rules another kept
   * match overrides.
   */
  void resolveOverlaps() {
    dropOverlapping(Syntax.PatternKind.MODIFIER, false);
    if (paragraph.active()) {
      paragraph.noteTriggers(matches, tokens);
    }
    dropOverlapping(Syntax.PatternKind.RULE, true);
    applyOverrides();
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
  void computeClauses() {
    int from = windowFrom;
    int to = windowTo;
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

  /**
   * Evaluates kept rule match {@code m}: its blocks, then the modifiers that reach it, nearest
   * first, each acting on the frame as it stands; adds its evidence (kept or suppressed) to the
   * document. Returns whether the casualty figure of a figure rule is to be read: when some of
   * its evidence was kept, or muted (cancelled as evidence, its figure still counted).
   */
  boolean evaluateRule(int m) {
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
    int number = rule.casualtyKind == null ? -1 : WindowMatches.figureNumber(ms, path);
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
    return (anyKept || anyMuted) && rule.casualtyKind != null;
  }

  /**
   * The expanded sequence of {@code rule} that matches tokens {@code ms..me}: it tells which
   * tokens the rule asked for and which a gap absorbed. Null when every such sequence would
   * stretch a gap across a clause boundary ("breached, the town's defences"): a gap joins
   * words of one clause, while words the rule spells out may stand on both sides of a comma.
   */
  private int[] path(PatternInfo rule, int ms, int me) {
    return sequenceIndexes.of(rule.id).first(ms, me - ms + 1, this);
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
    if (boundaryAt[k] || quote[k] != quote[k - 1] || !sentenceTokens.isAuxiliary(k)) {
      return false;
    }
    return sentenceTokens.commaOnlyBefore(k);
  }

  @Override
  public boolean satisfies(int k, int atom) {
    return sentenceTokens.satisfies(k, atom);
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
        for (int atom : sentenceTokens.atoms[k]) {
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
}
