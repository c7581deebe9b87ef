package dev.framelens.internal.engine;

import dev.framelens.CasualtyCount;
import dev.framelens.Evidence;
import java.util.List;

/**
 * What the engine found in one document, handed to the public {@code FrameAnalysis}. Sentence
 * scores are kept as one flat array (four frames per sentence) so that a long document does
 * not cost an object per sentence until a caller asks for the sentences.
 */
public final class EngineResult {
  public final String text;
  public final int sentenceCount;
  public final int[] sentenceStart;
  public final int[] sentenceEnd;
  /** {@code sentenceScores[s * 4 + frame.ordinal()]}. */
  public final double[] sentenceScores;
  public final double[] documentScores;
  public final List<Evidence> evidence;
  public final List<Evidence> suppressed;
  public final List<CasualtyCount> casualties;

  EngineResult(String text, int sentenceCount, int[] sentenceStart, int[] sentenceEnd,
      double[] sentenceScores, double[] documentScores, List<Evidence> evidence,
      List<Evidence> suppressed, List<CasualtyCount> casualties) {
    this.text = text;
    this.sentenceCount = sentenceCount;
    this.sentenceStart = sentenceStart;
    this.sentenceEnd = sentenceEnd;
    this.sentenceScores = sentenceScores;
    this.documentScores = documentScores;
    this.evidence = evidence;
    this.suppressed = suppressed;
    this.casualties = casualties;
  }
}
