package dev.framelens.internal.engine;

import dev.framelens.CasualtyCount;
import dev.framelens.Evidence;
import dev.framelens.Frame;
import dev.framelens.internal.lexicon.CompiledLexicon;
import dev.framelens.internal.lexicon.Syntax;
import dev.framelens.internal.text.Segmentation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The evidence and casualty figures of one document as its sentences are analysed, and the
 * assembly of the result.
 *
 * <h2>Design notes</h2>
 *
 * <p><b>What it holds.</b> Evidence drafts (with their modifier hits, as columns) and figure
 * drafts, in pools refilled from document to document: one instance per thread, {@linkplain
 * #reset reset} for each document, so that the analysis itself allocates little beyond what
 * {@link #finish} hands back.
 *
 * <p><b>Owner.</b> Context resolution adds evidence, the figure stage adds figures, the
 * paragraph's modifiers change drafts of sentences already read; {@link Scoring} reads the
 * drafts. A sentence's drafts are sorted into text order when it ends ({@link #endSentence}),
 * so the document's drafts reach {@link #finish} already in order.
 *
 * <p><b>Cost.</b> A sort per sentence of its few drafts; {@link #finish} builds one public
 * object per draft, figure and hit, and cuts each span's text once.
 */
final class DocumentState {
  private static final Comparator<FigureDraft> BY_START = Comparator.comparingInt(f -> f.start);
  /** Evidence in text order: by start, end, frame and rule. */
  private static final Comparator<EvidenceDraft> ORDER = DocumentState::inTextOrder;

  private static int inTextOrder(EvidenceDraft a, EvidenceDraft b) {
    int c = Integer.compare(a.start, b.start);
    if (c == 0) {
      c = Integer.compare(a.end, b.end);
    }
    if (c == 0) {
      c = Integer.compare(a.frame.ordinal(), b.frame.ordinal());
    }
    return c != 0 ? c : a.ruleId.compareTo(b.ruleId);
  }

  String text;
  Segmentation seg;
  /** The drafts in use are the first {@link #draftCount}; the rest wait to be reused. */
  private EvidenceDraft[] drafts = new EvidenceDraft[64];
  private int draftCount;
  // Figures and attributions in use are the first figureCount and attributionCount; the rest
  // wait to be reused, like the drafts.
  private FigureDraft[] figures = new FigureDraft[16];
  private int figureCount;
  private int sentenceDrafts;
  private int sentenceFigures;
  // The modifier hits of all drafts, as columns: rule name, char span, effect.
  private String[] hitRule = new String[64];
  private int[] hitStart = new int[64];
  private int[] hitEnd = new int[64];
  private String[] hitEffect = new String[64];
  private int hitCount;

  /** Starts a document. */
  void reset(String text, Segmentation seg) {
    this.text = text;
    this.seg = seg;
    draftCount = 0;
    hitCount = 0;
    if (sentenceDraftStart.length < seg.sentenceCount) {
      sentenceDraftStart = new int[Math.max(seg.sentenceCount, sentenceDraftStart.length * 2)];
    }
    figureCount = 0;
  }

  /**
   * Lets go of the document: its text is not kept alive by the thread's state, and columns a
   * huge document grew are dropped rather than kept at their size.
   */
  void release() {
    text = null;
    seg = null;
    figureCount = 0;
    if (figures.length > RETAINED) {
      figures = new FigureDraft[16];
    }
    if (drafts.length > RETAINED) {
      drafts = new EvidenceDraft[64];
    }
    if (hitRule.length > RETAINED) {
      hitRule = new String[64];
      hitStart = new int[64];
      hitEnd = new int[64];
      hitEffect = new String[64];
    }
    if (sentenceDraftStart.length > RETAINED) {
      sentenceDraftStart = new int[256];
    }
  }

  /** Columns longer than this are not kept from one document to the next. */
  private static final int RETAINED = 1 << 16;

  void beginSentence() {
    sentenceDrafts = draftCount;
    sentenceFigures = figureCount;
  }

  /** Per sentence, the index of its first draft (drafts are added sentence by sentence). */
  private int[] sentenceDraftStart = new int[256];

  /**
   * Applies a modifier of the paragraph to the kept drafts of sentences {@code first..last}:
   * drop or mute (the draft is suppressed; figures already read stay) or weaken, by its effect
   * for the draft's frame, unless the rule is immune to it. Returns whether a draft changed:
   * those sentences are then to be scored again.
   *
   * @param effectDescriptions per frame ordinal, the modifier's effect as the hit shows it
   */
  boolean applyToParagraph(int first, int last, CompiledLexicon.PatternInfo modifier,
      java.util.BitSet[] immune, String[] effectDescriptions, int triggerStart,
      int triggerEnd) {
    int from = sentenceDraftStart[first];
    boolean changed = false;
    for (int i = from; i < draftCount; i++) {
      EvidenceDraft d = drafts[i];
      if (d.suppressed || immune[d.pattern].get(modifier.id)) {
        continue;
      }
      Syntax.Effect effect = modifier.effectOn(d.frame);
      if (effect == null) {
        continue;
      }
      if (effect.kind() == Syntax.EffectKind.WEAKEN) {
        d.weight *= effect.factor();
      } else {
        d.suppressed = true;
      }
      d.lateHit = addHitEntry(modifier.name, triggerStart, triggerEnd,
          effectDescriptions[d.frame.ordinal()]);
      changed = true;
    }
    return changed;
  }

  /**
   * Mutes every kept draft of the document for the lexicon's {@code contest-gate} (a long
   * document that names no contest); figures already read stay. Returns whether a draft
   * changed: the document is then to be scored again.
   */
  boolean muteForContestGate() {
    int hit = -1;
    for (int i = 0; i < draftCount; i++) {
      EvidenceDraft d = drafts[i];
      if (d.suppressed) {
        continue;
      }
      if (hit < 0) {
        hit = addHitEntry(ContextResolution.CONTEST_GATE, 0, 0, "mute");
      }
      d.suppressed = true;
      d.gateHit = hit;
    }
    return hit >= 0;
  }

  /** A draft to fill, counted as evidence of the document; its hits are added after it. */
  EvidenceDraft addEvidence(Frame frame, Frame matchedFrame, int pattern, String ruleId,
      int start, int end, int sentence, Evidence.Polarity polarity, double weight,
      boolean suppressed, int quote) {
    if (draftCount == drafts.length) {
      drafts = Arrays.copyOf(drafts, draftCount * 2);
    }
    EvidenceDraft draft = drafts[draftCount];
    if (draft == null) {
      draft = drafts[draftCount] = new EvidenceDraft();
    }
    draftCount++;
    draft.set(frame, matchedFrame, pattern, ruleId, start, end, sentence, polarity, weight,
        suppressed, quote);
    draft.hitFrom = hitCount;
    draft.hitCount = 0;
    return draft;
  }

  /** Adds a modifier hit to {@code draft}, the last draft added. */
  void addHit(EvidenceDraft draft, String rule, int start, int end, String effect) {
    addHitEntry(rule, start, end, effect);
    draft.hitCount++;
  }

  /** Appends a row to the hit columns and returns its index. */
  private int addHitEntry(String rule, int start, int end, String effect) {
    if (hitCount == hitRule.length) {
      int capacity = hitCount * 2;
      hitRule = Arrays.copyOf(hitRule, capacity);
      hitStart = Arrays.copyOf(hitStart, capacity);
      hitEnd = Arrays.copyOf(hitEnd, capacity);
      hitEffect = Arrays.copyOf(hitEffect, capacity);
    }
    hitRule[hitCount] = rule;
    hitStart[hitCount] = start;
    hitEnd[hitCount] = end;
    hitEffect[hitCount] = effect;
    return hitCount++;
  }

  /** A pooled figure draft, counted as a figure of the document, to fill. */
  FigureDraft addFigure() {
    if (figureCount == figures.length) {
      figures = Arrays.copyOf(figures, figureCount * 2);
    }
    FigureDraft figure = figures[figureCount];
    if (figure == null) {
      figure = figures[figureCount] = new FigureDraft();
    }
    figureCount++;
    return figure;
  }

  /** The figure of the current sentence read off number token {@code token}, or null. */
  FigureDraft figureAtToken(int token) {
    for (int i = sentenceFigures; i < figureCount; i++) {
      if (figures[i].numberToken == token) {
        return figures[i];
      }
    }
    return null;
  }

  /** The current sentence's figure with the last number token before {@code token}, or null. */
  FigureDraft lastFigureBefore(int token) {
    FigureDraft best = null;
    for (int i = sentenceFigures; i < figureCount; i++) {
      FigureDraft f = figures[i];
      if (f.numberToken < token && (best == null || f.numberToken > best.numberToken)) {
        best = f;
      }
    }
    return best;
  }

  /** Ends sentence {@code s}: its drafts and figures are put in text order. */
  void endSentence(int s) {
    // Sorted once here, the sentence's drafts serve every frame's score, and the document's
    // drafts arrive at finish() already in text order (sentences do not overlap).
    if (draftCount - sentenceDrafts > 1) {
      Arrays.sort(drafts, sentenceDrafts, draftCount, ORDER);
    }
    sentenceDraftStart[s] = sentenceDrafts;
    if (figureCount - sentenceFigures > 1) {
      Arrays.sort(figures, sentenceFigures, figureCount, BY_START);
    }
  }

  /** Draft {@code i} of the document. */
  EvidenceDraft draft(int i) {
    return drafts[i];
  }

  /** The index of sentence {@code s}'s first draft; valid once the sentence has ended. */
  int firstDraftOf(int s) {
    return sentenceDraftStart[s];
  }

  /** The number of pieces of evidence so far, kept or suppressed. */
  int evidenceCount() {
    return draftCount;
  }

  /**
   * The document's result: its evidence and figures with the scores {@code scoring} gave and
   * the speakers of quotations {@code attribution} found.
   */
  EngineResult finish(Scoring scoring, Attribution attribution) {
    double[] documentScores = scoring.documentScores(seg.sentenceCount);
    String[] quoteSpeakers = new String[seg.quoteCount];
    boolean[] quoteResolved = new boolean[seg.quoteCount];
    List<Evidence> evidence = new ArrayList<>(draftCount);
    List<Evidence> suppressed = new ArrayList<>();
    String spanText = null; // drafts are sorted by span: one substring serves a run of equal ones
    for (int i = 0; i < draftCount; i++) {
      EvidenceDraft d = drafts[i];
      if (i == 0 || d.start != drafts[i - 1].start || d.end != drafts[i - 1].end) {
        spanText = text.substring(d.start, d.end);
      }
      String speaker = null;
      if (d.quote >= 0) {
        if (!quoteResolved[d.quote]) {
          quoteSpeakers[d.quote] = attribution.speakerOfQuote(d.quote);
          quoteResolved[d.quote] = true;
        }
        speaker = quoteSpeakers[d.quote];
      }
      Evidence e = new Evidence(d.frame, d.matchedFrame, d.ruleId, d.start, d.end,
          spanText, d.sentence, d.polarity, d.weight,
          Optional.ofNullable(speaker), hitsOf(d), d.suppressed);
      (d.suppressed ? suppressed : evidence).add(e);
    }
    for (int i = 0; i < figureCount; i++) {
      figures[i].index = i;
    }
    List<CasualtyCount> casualties = new ArrayList<>(figureCount);
    for (int i = 0; i < figureCount; i++) {
      FigureDraft f = figures[i];
      casualties.add(new CasualtyCount(optional(f.low), optional(f.best), optional(f.high),
          f.qualifier, f.kind, Optional.ofNullable(f.who), f.start, f.end,
          text.substring(f.start, f.end), f.sentence,
          f.parent == null ? OptionalInt.empty() : OptionalInt.of(f.parent.index), f.ruleId));
    }
    return new EngineResult(text, seg.sentenceCount, seg.sentenceStart, seg.sentenceEnd,
        scoring.sentenceScores(seg.sentenceCount), documentScores,
        List.copyOf(evidence), List.copyOf(suppressed), List.copyOf(casualties));
  }

  private List<Evidence.ModifierHit> hitsOf(EvidenceDraft d) {
    int late = (d.lateHit < 0 ? 0 : 1) + (d.gateHit < 0 ? 0 : 1);
    if (d.hitCount + late == 0) {
      return List.of();
    }
    Evidence.ModifierHit[] hits = new Evidence.ModifierHit[d.hitCount + late];
    for (int k = 0; k < d.hitCount; k++) {
      hits[k] = hit(d.hitFrom + k);
    }
    int k = d.hitCount;
    if (d.lateHit >= 0) {
      hits[k++] = hit(d.lateHit);
    }
    if (d.gateHit >= 0) {
      hits[k] = hit(d.gateHit);
    }
    return List.of(hits);
  }

  private Evidence.ModifierHit hit(int h) {
    return new Evidence.ModifierHit(hitRule[h], hitStart[h], hitEnd[h],
        text.substring(hitStart[h], hitEnd[h]), hitEffect[h]);
  }

  private static OptionalLong optional(long value) {
    return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
  }
}
