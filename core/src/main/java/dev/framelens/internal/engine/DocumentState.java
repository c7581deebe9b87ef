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
 * The evidence, figures and attributions of one document as its sentences are analysed, and
 * the scoring. One instance per thread, {@linkplain #reset reset} for each document: its lists,
 * its pool of evidence drafts, its hit columns and its score array are reused, so that the
 * analysis itself allocates little beyond what {@link #finish} hands back.
 *
 * <p><b>Scores.</b> A sentence's score for a frame combines the weights of its kept evidence for
 * that frame as a noisy-OR, {@code 1 - Π(1 - w)}, bounded in {@code [0, 1]} and growing with
 * corroboration; overlapping evidence of one frame (two rules over the same words) counts once,
 * at its highest weight. A document's score combines its sentences' scores the same way, so one
 * clear sentence labels a document and several weak ones can.
 */
final class DocumentState {
  private static final Frame[] FRAME_VALUES = Frame.values();
  private static final int FRAMES = FRAME_VALUES.length;
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
  private Attribution[] attributions = new Attribution[16];
  private int attributionCount;
  private double[] sentenceScores = new double[256];
  // Scratch of scoreSentence, per frame.
  private final double[] scoreNone = new double[FRAMES];
  private final int[] scoreGroupEnd = new int[FRAMES];
  private final double[] scoreGroupWeight = new double[FRAMES];
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
    attributionCount = 0;
    int scores = seg.sentenceCount * FRAMES;
    if (sentenceScores.length < scores) {
      sentenceScores = new double[Math.max(scores, sentenceScores.length * 2)];
    }
    Arrays.fill(sentenceScores, 0, scores, 0);
  }

  /**
   * Lets go of the document: its text is not kept alive by the thread's state, and columns a
   * huge document grew are dropped rather than kept at their size.
   */
  void release() {
    text = null;
    seg = null;
    figureCount = 0;
    attributionCount = 0;
    if (figures.length > RETAINED) {
      figures = new FigureDraft[16];
    }
    if (attributions.length > RETAINED) {
      attributions = new Attribution[16];
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
    if (sentenceScores.length > RETAINED) {
      sentenceScores = new double[256];
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
   * drop or mute (the draft is suppressed; figures already read stay) or weaken, by its effect for the draft's frame, unless the
   * rule is immune to it; then scores those sentences again.
   *
   * @param effectDescriptions per frame ordinal, the modifier's effect as the hit shows it
   */
  void applyToParagraph(int first, int last, CompiledLexicon.PatternInfo modifier,
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
    if (changed) {
      for (int s = first; s <= last; s++) {
        scoreSentence(s, sentenceDraftStart[s], s == last ? draftCount
            : sentenceDraftStart[s + 1]);
      }
    }
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

  /** Adds a speech verb and the speaker found next to it (see {@link Attribution}). */
  void addAttribution(int sentence, int triggerStart, int triggerEnd, int speakerStart,
      int speakerEnd, boolean pronoun) {
    if (attributionCount == attributions.length) {
      attributions = Arrays.copyOf(attributions, attributionCount * 2);
    }
    Attribution attribution = attributions[attributionCount];
    if (attribution == null) {
      attribution = attributions[attributionCount] = new Attribution();
    }
    attributionCount++;
    attribution.set(sentence, triggerStart, triggerEnd, speakerStart, speakerEnd, pronoun);
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

  void endSentence(int s) {
    // Sorted once here, the sentence's drafts serve every frame's score, and the document's
    // drafts arrive at finish() already in text order (sentences do not overlap).
    if (draftCount - sentenceDrafts > 1) {
      Arrays.sort(drafts, sentenceDrafts, draftCount, ORDER);
    }
    sentenceDraftStart[s] = sentenceDrafts;
    scoreSentence(s, sentenceDrafts, draftCount);
    if (figureCount - sentenceFigures > 1) {
      Arrays.sort(figures, sentenceFigures, figureCount, BY_START);
    }
  }

  /**
   * Each frame's noisy-OR over the current sentence's kept evidence, overlapping evidence of a
   * frame merged into one group with the highest weight; one pass over the sentence's drafts,
   * which are in text order.
   */
  private void scoreSentence(int s, int fromDraft, int toDraft) {
    double[] none = scoreNone;
    int[] groupEnd = scoreGroupEnd;
    double[] groupWeight = scoreGroupWeight;
    Arrays.fill(none, 1);
    Arrays.fill(groupEnd, -1);
    Arrays.fill(groupWeight, 0);
    for (int i = fromDraft; i < toDraft; i++) {
      EvidenceDraft d = drafts[i];
      if (d.suppressed) {
        continue;
      }
      int f = d.frame.ordinal();
      if (d.start < groupEnd[f]) {
        groupWeight[f] = Math.max(groupWeight[f], d.weight);
        groupEnd[f] = Math.max(groupEnd[f], d.end);
      } else {
        none[f] *= 1 - groupWeight[f];
        groupWeight[f] = d.weight;
        groupEnd[f] = d.end;
      }
    }
    for (int f = 0; f < FRAMES; f++) {
      sentenceScores[s * FRAMES + f] = 1 - none[f] * (1 - groupWeight[f]);
    }
  }

  /** The number of pieces of evidence so far, kept or suppressed. */
  int evidenceCount() {
    return draftCount;
  }

  EngineResult finish() {
    double[] documentScores = new double[FRAMES];
    for (int f = 0; f < FRAMES; f++) {
      double none = 1;
      for (int s = 0; s < seg.sentenceCount; s++) {
        none *= 1 - sentenceScores[s * FRAMES + f];
      }
      documentScores[f] = 1 - none;
    }
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
          quoteSpeakers[d.quote] = speakerOfQuote(d.quote);
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
        Arrays.copyOf(sentenceScores, seg.sentenceCount * FRAMES), documentScores,
        List.copyOf(evidence), List.copyOf(suppressed), List.copyOf(casualties));
  }

  private List<Evidence.ModifierHit> hitsOf(EvidenceDraft d) {
    int late = d.lateHit < 0 ? 0 : 1;
    if (d.hitCount + late == 0) {
      return List.of();
    }
    Evidence.ModifierHit[] hits = new Evidence.ModifierHit[d.hitCount + late];
    for (int k = 0; k < d.hitCount; k++) {
      int h = d.hitFrom + k;
      hits[k] = new Evidence.ModifierHit(hitRule[h], hitStart[h], hitEnd[h],
          text.substring(hitStart[h], hitEnd[h]), hitEffect[h]);
    }
    if (late > 0) {
      int h = d.lateHit;
      hits[d.hitCount] = new Evidence.ModifierHit(hitRule[h], hitStart[h], hitEnd[h],
          text.substring(hitStart[h], hitEnd[h]), hitEffect[h]);
    }
    return List.of(hits);
  }

  private static OptionalLong optional(long value) {
    return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
  }

  // ---------------------------------------------------------------------------------------------
  // Speakers of quotations

  /**
   * The speaker of quotation {@code q}: the nearest speech verb outside it in the sentences it
   * spans, else the first in the next sentence, else the last in the previous one (both in the
   * same paragraph). A pronoun ("he said") resolves to the nearest named speaker before it in
   * its paragraph; with none there the speaker is unknown (null), never the pronoun itself: a
   * name in another paragraph is most often someone else, and "he" tells a reader nothing.
   */
  private String speakerOfQuote(int q) {
    int qs = seg.quoteStart[q];
    int qe = seg.quoteEnd[q];
    int first = sentenceAt(qs);
    int last = sentenceAt(Math.max(qs, qe - 1));
    int best = -1;
    int bestDistance = Integer.MAX_VALUE;
    for (int i = firstAttributionOf(first); i < attributionCount
        && attributions[i].sentence <= last; i++) {
      Attribution a = attributions[i];
      if (a.triggerStart >= qs && a.triggerEnd <= qe) {
        continue;
      }
      int distance = a.triggerStart >= qe ? a.triggerStart - qe : qs - a.triggerEnd;
      if (distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    if (best < 0 && last + 1 < seg.sentenceCount
        && seg.sentenceParagraph[last + 1] == seg.sentenceParagraph[last]) {
      int i = firstAttributionOf(last + 1);
      if (i < attributionCount && attributions[i].sentence == last + 1) {
        best = i;
      }
    }
    if (best < 0 && first > 0
        && seg.sentenceParagraph[first - 1] == seg.sentenceParagraph[first]) {
      int i = firstAttributionOf(first) - 1;
      if (i >= 0 && attributions[i].sentence == first - 1) {
        best = i;
      }
    }
    if (best < 0 || !attributions[best].hasSpeaker()) {
      return null;
    }
    Attribution found = attributions[best];
    if (!found.pronoun) {
      return found.speaker(text);
    }
    int paragraph = seg.sentenceParagraph[found.sentence];
    for (int i = best - 1; i >= 0; i--) {
      Attribution earlier = attributions[i];
      if (seg.sentenceParagraph[earlier.sentence] != paragraph) {
        break;
      }
      if (earlier.hasSpeaker() && !earlier.pronoun) {
        return earlier.speaker(text);
      }
    }
    return null;
  }

  /** Index of the first attribution in sentence {@code s} or later. */
  private int firstAttributionOf(int s) {
    int lo = 0;
    int hi = attributionCount;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (attributions[mid].sentence < s) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The sentence holding char {@code offset} (or the last one starting before it). */
  private int sentenceAt(int offset) {
    int lo = 0;
    int hi = seg.sentenceCount - 1;
    int found = 0;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (seg.sentenceStart[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
