package dev.framelens.internal.engine;

import dev.framelens.internal.lexicon.CompiledLexicon;
import dev.framelens.internal.lexicon.Syntax;
import dev.framelens.internal.match.Matcher;
import dev.framelens.internal.match.PatternAutomaton;
import dev.framelens.internal.text.NumberParser;
import dev.framelens.internal.text.Segmentation;
import dev.framelens.internal.text.SentenceTokenizer;
import dev.framelens.internal.text.TokenBuffer;

/**
 * Everything one thread needs to analyse documents, reused from sentence to sentence and from
 * document to document, and the wiring of the engine's stages.
 *
 * <h2>Design notes</h2>
 *
 * <p><b>The stages.</b> The document is segmented into paragraphs, sentences and quotations
 * ({@link dev.framelens.internal.text.Segmenter}, in {@link Engine}). Each sentence then goes
 * through:
 * <ol>
 *   <li><b>tokenize</b> ({@link #tokenize}): words normalised, number phrases merged into one
 *       NUMBER token each, each token resolved to its atoms ({@link TermAtoms}), into the
 *       {@link SentenceTokens};
 *   <li><b>match</b>: every pattern of the lexicon in one pass ({@link Matcher}) over a window
 *       of at most {@value #WINDOW} tokens, into the {@link WindowMatches};
 *   <li><b>context</b> ({@link ContextResolution}): clauses, paths, overlaps, blocks and
 *       modifiers, which make the evidence; the {@link ContextMarks} it leaves serve the next
 *       two stages;
 *   <li><b>casualty figures</b> ({@link CasualtyFigures}) and <b>attribution</b> ({@link
 *       Attribution}) read off the same matches;
 *   <li><b>score</b> ({@link Scoring}): each sentence when it ends, again when a modifier of
 *       its paragraph changes it ({@link ParagraphModifiers}), and the document at the end.
 * </ol>
 * The evidence and figures of the document collect in its {@link DocumentState}.
 *
 * <p><b>Invariants.</b> Data flows one way: each stage reads what the ones before it made and
 * is handed it here; no stage calls an earlier one. One instance per thread (see {@link
 * Engine}): nothing here is shared.
 *
 * <p><b>Cost.</b> Per token, the tokenizer, one probe of the term cache and one of the
 * matcher's transition table. A window without rule, attribution or subset matches (most of
 * news text) skips every later stage.
 */
final class Workspace {
  /** Sentences longer than this many tokens are matched in windows of this size. */
  static final int WINDOW = 1_000;
  private static final long NUMBER_MASK = PatternAutomaton.maskOf(TermAtoms.NUMBER_ATOMS);

  private final SentenceTokenizer tokenizer = new SentenceTokenizer();
  private final NumberParser numbers = new NumberParser();
  private final TermAtoms termAtoms;
  private final Matcher matcher;

  /**
   * Documents up to this many chars are copied into an array the workspace keeps; a longer one
   * gets an array of its own, so that one huge document does not pin its size in memory.
   */
  private static final int RETAINED_CHARS = 1 << 20;
  private char[] retainedChars = new char[4096];

  // What flows between the stages, each with one owner (see their design notes).
  private final SentenceTokens tokens = new SentenceTokens();
  private final WindowMatches matches;
  private final ContextMarks marks = new ContextMarks();
  private final DocumentState document = new DocumentState();

  // The stages after matching.
  private final ContextResolution context;
  private final CasualtyFigures figures;
  private final Attribution attribution;
  private final Scoring scoring = new Scoring();

  Workspace(CompiledLexicon lexicon, SharedTerms sharedTerms,
      SequenceIndexes sequenceIndexes) {
    this.termAtoms = new TermAtoms(lexicon, sharedTerms);
    this.matcher = new Matcher(lexicon.automaton);
    this.matches = new WindowMatches(lexicon.patterns);
    this.context = new ContextResolution(lexicon, sequenceIndexes);
    this.figures = new CasualtyFigures(lexicon);
    this.attribution = new Attribution(lexicon);
    tokens.chars = retainedChars;
  }

  /** The sequence indexes the context stage uses, shared with the pool's other workspaces. */
  SequenceIndexes sequenceIndexes() {
    return context.sequenceIndexes();
  }

  /**
   * Copies the document's chars into an array, which the segmenter and the tokenizer scan
   * faster than the string, and returns it; valid until the next call.
   */
  char[] load(String text) {
    int n = text.length();
    if (n > retainedChars.length) {
      if (n > RETAINED_CHARS) {
        tokens.chars = new char[n];
        text.getChars(0, n, tokens.chars, 0);
        return tokens.chars;
      }
      retainedChars = new char[Math.max(n, Math.min(RETAINED_CHARS, retainedChars.length * 2))];
    }
    tokens.chars = retainedChars;
    text.getChars(0, n, retainedChars, 0);
    return retainedChars;
  }

  /** Starts a document: the thread's document state and stages, reset for it. */
  DocumentState document(String text, Segmentation segmentation) {
    document.reset(text, segmentation);
    scoring.reset(segmentation.sentenceCount);
    attribution.reset(text, segmentation);
    context.paragraph.reset();
    return document;
  }

  /** The current document's result, once all its sentences are analysed. */
  EngineResult finish() {
    return document.finish(scoring, attribution);
  }

  /** Lets go of the current document (a huge document's chars and state are not kept). */
  void release() {
    tokens.chars = retainedChars;
    document.release();
    scoring.release();
    attribution.release();
  }

  /** Analyses sentence {@code s} of the document, adding its evidence and figures to it. */
  void analyzeSentence(DocumentState doc, int s) {
    Segmentation seg = doc.seg;
    int n = tokenize(doc.text, seg.sentenceStart[s], seg.sentenceEnd[s]);
    boolean paragraphModifiers = context.paragraph.active();
    doc.beginSentence();
    for (int from = 0; from < n; from += WINDOW) {
      processWindow(doc, seg, s, from, Math.min(n, from + WINDOW));
    }
    doc.endSentence(s);
    if (doc.firstDraftOf(s) < doc.evidenceCount()) {
      // A sentence without evidence keeps the scores of 0 the document started with.
      scoring.scoreSentence(doc, s, doc.firstDraftOf(s), doc.evidenceCount());
    }
    if (paragraphModifiers
        && (s + 1 == seg.sentenceCount || seg.sentenceParagraph[s + 1] != seg.sentenceParagraph[s])) {
      int changedFrom = context.paragraph.endParagraph(doc, s);
      if (s + 1 == seg.sentenceCount && context.paragraph.endDocument(doc)) {
        changedFrom = 0;
      }
      for (int t = changedFrom; t >= 0 && t <= s; t++) {
        scoring.scoreSentence(doc, t, doc.firstDraftOf(t),
            t == s ? doc.evidenceCount() : doc.firstDraftOf(t + 1));
      }
    }
  }

  /**
   * The match pass alone, for benchmarks: tokens to rule matches over one sentence, without
   * context, scores or evidence. Returns the number of matches.
   */
  int countMatches(String text, int start, int end) {
    int n = tokenize(text, start, end);
    int total = 0;
    for (int from = 0; from < n; from += WINDOW) {
      matches.clear();
      matcher.run(tokens.atoms, tokens.masks, tokens.setIds, from, Math.min(n, from + WINDOW),
          matches);
      total += matches.count;
    }
    return total;
  }

  // ---------------------------------------------------------------------------------------------
  // Tokenize

  /** Tokenizes, merges number phrases and resolves atoms; returns the number of tokens. */
  private int tokenize(String text, int start, int end) {
    TokenBuffer buffer = tokens.buffer;
    buffer.clear();
    tokenizer.tokenize(text, tokens.chars, start, end, buffer);
    numbers.merge(buffer, text);
    int n = buffer.size;
    tokens.ensureCapacity(n);
    marks.ensureCapacity(n);
    figures.ensureCapacity(n);
    if (termAtoms.startSentence()) {
      // Atom set ids were just reassigned: what is kept by them goes.
      matcher.clearCache();
      context.paragraph.forgetSets();
    }
    int[][] atoms = tokens.atoms;
    long[] masks = tokens.masks;
    int[] setIds = tokens.setIds;
    // The paragraph's modifiers watch for their "unless" words here, one AND per token.
    long watchMask = context.paragraph.watchMask();
    for (int i = 0; i < n; i++) {
      if ((buffer.flags[i] & TokenBuffer.NUMBER) != 0) {
        atoms[i] = TermAtoms.NUMBER_ATOMS;
        masks[i] = NUMBER_MASK;
        setIds[i] = TermAtoms.NUMBER_SET;
      } else {
        termAtoms.lookup(buffer, i);
        atoms[i] = termAtoms.atoms();
        masks[i] = termAtoms.mask();
        setIds[i] = termAtoms.setId();
        if ((masks[i] & watchMask) != 0) {
          context.paragraph.watch(setIds[i], atoms[i]);
        }
      }
    }
    return n;
  }

  // ---------------------------------------------------------------------------------------------
  // One window of tokens: match, then the stages after it

  private void processWindow(DocumentState doc, Segmentation seg, int sentence, int from,
      int to) {
    matches.clear();
    matcher.run(tokens.atoms, tokens.masks, tokens.setIds, from, to, matches);
    if (matches.contextMatches == 0 && !context.paragraph.hasTrigger(matches)) {
      // Boundaries, modifiers, blocks and qualifiers act only on rules, attributions and
      // subsets (and the paragraph's modifiers on the matches of other sentences); most
      // windows of news text have none of those, and skip all context work.
      return;
    }
    context.beginWindow(tokens, matches, marks, doc, seg, sentence, from, to);
    figures.beginWindow(tokens, matches, marks, doc, sentence, from, to);
    try {
      context.markBoundariesAndQualifiers();
      int[] subsets = matches.of(Syntax.PatternKind.SUBSET);
      int subsetCount = matches.count(Syntax.PatternKind.SUBSET);
      figures.markSubsetNumbers(subsets, subsetCount);
      context.computeClauses();
      if (context.computePaths()) {
        figures.markAndRefuse();
      }
      context.resolveOverlaps();
      int[] rules = matches.rules();
      for (int r = 0; r < matches.ruleCount(); r++) {
        int m = rules[r];
        if (!matches.dropped[m] && context.evaluateRule(m)) {
          figures.read(m);
        }
      }
      int[] speech = matches.of(Syntax.PatternKind.ATTRIBUTION);
      for (int a = 0; a < matches.count(Syntax.PatternKind.ATTRIBUTION); a++) {
        attribution.read(speech[a], matches, tokens, marks, sentence, from, to);
      }
      for (int b = 0; b < subsetCount; b++) {
        figures.subset(subsets[b]);
      }
    } finally {
      context.endWindow();
      figures.endWindow();
    }
  }
}
