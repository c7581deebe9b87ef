package dev.framelens.internal.engine;

import dev.framelens.Frame;
import java.util.Arrays;

/**
 * The score stage: each sentence's score per frame from its kept evidence, and the document's
 * from its sentences'.
 *
 * <h2>Design notes</h2>
 *
 * <p><b>What it does.</b> A sentence's score for a frame combines the weights of its kept
 * evidence for that frame as a noisy-OR, {@code 1 - Π(1 - w)}, bounded in {@code [0, 1]} and
 * growing with corroboration; overlapping evidence of one frame (two rules over the same words)
 * counts once, at its highest weight. A document's score combines its sentences' scores the same
 * way, so one clear sentence labels a document and several weak ones can.
 *
 * <p><b>Invariants.</b> A sentence is scored from its drafts in text order (the document state
 * sorts them when the sentence ends), so overlapping evidence of a frame is adjacent and merged
 * in one pass. A sentence is scored again whenever its drafts change later (a modifier of the
 * paragraph), and the last scoring stands.
 *
 * <p><b>Cost.</b> One pass over a sentence's drafts per scoring, and one multiplication per
 * sentence and frame for the document; nothing is allocated but the result arrays.
 */
final class Scoring {
  private static final int FRAMES = Frame.values().length;
  /** Score arrays longer than this are not kept from one document to the next. */
  private static final int RETAINED = 1 << 16;

  /** Per sentence and frame ({@code s * FRAMES + f}), the sentence's score. */
  private double[] sentenceScores = new double[256];
  // Scratch of scoreSentence, per frame.
  private final double[] none = new double[FRAMES];
  private final int[] groupEnd = new int[FRAMES];
  private final double[] groupWeight = new double[FRAMES];

  /** Starts a document of {@code sentenceCount} sentences, every score 0. */
  void reset(int sentenceCount) {
    int scores = sentenceCount * FRAMES;
    if (sentenceScores.length < scores) {
      sentenceScores = new double[Math.max(scores, sentenceScores.length * 2)];
    }
    Arrays.fill(sentenceScores, 0, scores, 0);
  }

  /** Lets go of a huge document's scores. */
  void release() {
    if (sentenceScores.length > RETAINED) {
      sentenceScores = new double[256];
    }
  }

  /**
   * Scores sentence {@code s} from drafts {@code from..to-1} of {@code doc}, which are in text
   * order: each frame's noisy-OR over the kept ones, overlapping drafts of a frame merged into
   * one group with the highest weight.
   */
  void scoreSentence(DocumentState doc, int s, int from, int to) {
    Arrays.fill(none, 1);
    Arrays.fill(groupEnd, -1);
    Arrays.fill(groupWeight, 0);
    for (int i = from; i < to; i++) {
      EvidenceDraft d = doc.draft(i);
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

  /** A copy of the sentences' scores, {@code s * FRAMES + f}. */
  double[] sentenceScores(int sentenceCount) {
    return Arrays.copyOf(sentenceScores, sentenceCount * FRAMES);
  }

  /** Each frame's document score: the noisy-OR of its sentences' scores. */
  double[] documentScores(int sentenceCount) {
    double[] documentScores = new double[FRAMES];
    for (int f = 0; f < FRAMES; f++) {
      double noneOf = 1;
      for (int s = 0; s < sentenceCount; s++) {
        noneOf *= 1 - sentenceScores[s * FRAMES + f];
      }
      documentScores[f] = 1 - noneOf;
    }
    return documentScores;
  }
}
