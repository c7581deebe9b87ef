package dev.framelens.internal.engine;

import dev.framelens.CasualtyCount;
import dev.framelens.internal.lexicon.CompiledLexicon;
import dev.framelens.internal.lexicon.CompiledLexicon.PatternInfo;
import dev.framelens.internal.match.PatternAutomaton;
import dev.framelens.internal.text.TokenBuffer;
import org.apache.lucene.util.ArrayUtil;

/**
 * The casualty-figure stage: the counts of killed, wounded, displaced and the like that figure
 * rules (rules with a kind) read off their NUMBER, with their qualifier, who they count, and
 * the figures they are part of.
 *
 * <h2>Design notes</h2>
 *
 * <p><b>What it does.</b> A figure rule reads the first NUMBER its pattern asked for. Before the
 * matches of a rule compete for overlaps ({@link #markAndRefuse}), every figure rule match of
 * the window marks the words it asked for (its harm words, with the number each reads) and the
 * number it reads; then a match is refused when it would read a number across another number's
 * harm: each number takes the harm word nearest to it in its own conjunct. A kept match makes a
 * figure ({@link #read}); from it, the numbers listed before it with "and", "plus", "as well
 * as" or commas ("300 soldiers and at least 45 civilians, a dozen of them children, were
 * killed") are read with the same kind. A subset marker ("including 40 children", "a dozen of
 * them") makes a figure part of another ({@link #subset}).
 *
 * <p><b>Invariants.</b> It reads the window's tokens, matches and context marks and never
 * changes them, except that it drops a figure rule's match it refuses (before overlaps are
 * resolved, so that a shorter match of the same rule can stand). Its per-token marks are clear
 * between windows: {@link #endWindow} clears the tokens a window marked, not every token. A
 * number is read as at most one figure per sentence.
 *
 * <p><b>Cost.</b> Nothing in a window without figure rule or subset matches. With some, a few
 * tokens are marked per match, and a figure's list is read backwards over at most seven tokens
 * per member. No work per token grows with the number of rules.
 */
final class CasualtyFigures {
  private static final byte READ_BY_RULE = 1;
  private static final byte READ_NUMBER_FIRST = 2;
  private static final byte SUBSET_MARKER_AFTER = 4;
  private static final byte SUBSET_MARKER_BEFORE = 8;

  private final PatternInfo[] patterns;
  /** The lexicon's "who" categories by atom (a map lookup boxed the atom). */
  private final String[] whoByAtom;

  // Per token of the window (see markFigureWords); each window clears the tokens it marked
  // (figureMarked), not the whole array.
  /** For a word a figure rule's match asked for: the lowest and highest number it reads. */
  private int[] harmNumberLow = ContextMarks.filled(64);
  private int[] harmNumberHigh = ContextMarks.filled(64);
  /** For a number token: READ_BY_RULE, READ_NUMBER_FIRST, SUBSET_MARKER_* bits. */
  private byte[] numberMarks = new byte[64];
  private int[] figureMarked = new int[16];
  private int figureMarkedCount;
  /** Per rule match: the number token its figure reads, or -1. */
  private int[] matchNumber = new int[32];
  /** Out-values of listPrevious: the joiner was "and"-like; the member is the parent. */
  private boolean listJoinStrong;
  private boolean listParent;

  // The window being read, bound by beginWindow: its tokens, matches and context marks.
  private SentenceTokens sentenceTokens;
  private TokenBuffer tokens;
  private int[] matchPattern;
  private int[] matchStart;
  private int[] matchEnd;
  private boolean[] matchDropped;
  private int[][] matchPath;
  private int[] rules;
  private int ruleCount;
  private int[] clause;
  private int[] quote;
  private boolean[] boundaryAt;
  private int[] qualifierAt;
  private DocumentState doc;
  private int sentence;
  private int windowFrom;
  private int windowTo;

  CasualtyFigures(CompiledLexicon lexicon) {
    this.patterns = lexicon.patterns;
    int highestWhoAtom = lexicon.whoCategories.keySet().stream().mapToInt(a -> a).max()
        .orElse(-1);
    this.whoByAtom = new String[highestWhoAtom + 1];
    lexicon.whoCategories.forEach((atom, category) -> whoByAtom[atom] = category);
  }

  /** Makes room for a sentence of {@code n} tokens, all clear. */
  void ensureCapacity(int n) {
    if (numberMarks.length < n) {
      int capacity = ArrayUtil.oversize(n, Integer.BYTES);
      harmNumberLow = ContextMarks.filled(capacity);
      harmNumberHigh = ContextMarks.filled(capacity);
      numberMarks = new byte[capacity];
    }
  }

  /** Binds the window {@code from..to-1} of sentence {@code sentence} that is to be read. */
  void beginWindow(SentenceTokens sentenceTokens, WindowMatches matches, ContextMarks marks,
      DocumentState doc, int sentence, int from, int to) {
    this.sentenceTokens = sentenceTokens;
    this.tokens = sentenceTokens.buffer;
    this.matchPattern = matches.pattern;
    this.matchStart = matches.start;
    this.matchEnd = matches.end;
    this.matchDropped = matches.dropped;
    this.matchPath = matches.path;
    this.rules = matches.rules();
    this.ruleCount = matches.ruleCount();
    this.clause = marks.clause;
    this.quote = marks.quote;
    this.boundaryAt = marks.boundaryAt;
    this.qualifierAt = marks.qualifierAt;
    this.doc = doc;
    this.sentence = sentence;
    this.windowFrom = from;
    this.windowTo = to;
    if (matchNumber.length < matchPattern.length) {
      matchNumber = new int[matchPattern.length];
    }
  }

  /** Clears the marks the window made, and lets go of it. */
  void endWindow() {
    for (int i = 0; i < figureMarkedCount; i++) {
      int k = figureMarked[i];
      harmNumberLow[k] = -1;
      harmNumberHigh[k] = -1;
      numberMarks[k] = 0;
    }
    figureMarkedCount = 0;
    doc = null;
  }

  /**
   * Marks the numbers that subset markers point at: the number right before "of them" ("a
   * dozen of them children") and the number a marker introduces ("including 40 children",
   * "among them an estimated 40"); once the window's qualifiers are known.
   */
  void markSubsetNumbers(int[] subsets, int count) {
    for (int b = 0; b < count; b++) {
      int m = subsets[b];
      if (matchStart[m] > windowFrom
          && (tokens.flags[matchStart[m] - 1] & TokenBuffer.NUMBER) != 0
          && tokens.is(matchStart[m], "of")) {
        markNumber(matchStart[m] - 1, SUBSET_MARKER_AFTER); // "a dozen of them"
      }
    }
    for (int b = 0; b < count; b++) {
      int m = subsets[b];
      int k = matchEnd[m] + 1;
      if (k < windowTo && (tokens.flags[k] & TokenBuffer.NUMBER) == 0) {
        k = nextQualified(k, windowTo);
      }
      if (k >= 0 && k < windowTo && (tokens.flags[k] & TokenBuffer.NUMBER) != 0) {
        markNumber(k, SUBSET_MARKER_BEFORE);
      }
    }
  }

  /**
   * Marks the harm words and numbers of the window's figure rule matches (their paths set),
   * then drops those that would read a number across another number's harm.
   */
  void markAndRefuse() {
    markFigureWords();
    refuseFigureConflicts();
  }

  /** Reads the figure of kept figure rule match {@code m}, and the figures listed before it. */
  void read(int m) {
    figure(patterns[matchPattern[m]], matchStart[m], matchEnd[m], matchPath[m]);
  }

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

  /** Marks the harm words and numbers of the window's figure rule matches. */
  private void markFigureWords() {
    for (int r = 0; r < ruleCount; r++) {
      int m = rules[r];
      int[] path = matchPath[m];
      matchNumber[m] = -1;
      if (matchDropped[m] || patterns[matchPattern[m]].casualtyKind == null) {
        continue;
      }
      int ms = matchStart[m];
      int number = WindowMatches.figureNumber(ms, path);
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
    for (int r = 0; r < ruleCount; r++) {
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
        && quote[join] == quote[join - 1] && sentenceTokens.commaOnlyBefore(join);
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
              && sentenceTokens.commaOnlyBefore(k + 1)))) {
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
    int number = WindowMatches.figureNumber(ms, path);
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
      for (int atom : sentenceTokens.atoms[k]) {
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
  void subset(int m) {
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
            || !sentenceTokens.commaOnlyBefore(k + 1)) {
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
      for (int atom : sentenceTokens.atoms[k]) {
        if (atom < whoByAtom.length && whoByAtom[atom] != null) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Words that end a figure's noun phrase when a list of figures is read backwards: verbs of
   * being and having, modals, relative pronouns (closed classes of English, not vocabulary).
   */
  private boolean endsNounPhrase(int k) {
    return sentenceTokens.isAuxiliary(k) || tokens.is(k, "be") || tokens.is(k, "been")
        || tokens.is(k, "being") || tokens.is(k, "do") || tokens.is(k, "does")
        || tokens.is(k, "did") || tokens.is(k, "will") || tokens.is(k, "would")
        || tokens.is(k, "shall") || tokens.is(k, "should") || tokens.is(k, "can")
        || tokens.is(k, "could") || tokens.is(k, "may") || tokens.is(k, "might")
        || tokens.is(k, "must") || tokens.is(k, "who") || tokens.is(k, "which")
        || tokens.is(k, "that") || tokens.is(k, "whom") || tokens.is(k, "whose")
        || tokens.is(k, "including");
  }
}
