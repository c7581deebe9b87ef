package dev.framelens.spark.internal;

import dev.framelens.CasualtyCount;
import dev.framelens.Evidence;
import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * An analysis as Spark rows of the types {@link dev.framelens.spark.FrameLensColumns} declares,
 * field for field what the command's JSONL writer ({@code AnalysisJson} in the cli module)
 * writes: scores and weights rounded to 4 decimals as there, absent values as null.
 */
public final class AnalysisRows {
  private AnalysisRows() {}

  /** The document's result: labels, scores, evidence, suppressed, casualties, error (null). */
  public static Row document(FrameAnalysis a) {
    return RowFactory.create(labels(a.labels()), scores(a.scores()), evidence(a.evidence(), -1),
        evidence(a.suppressed(), -1), casualties(a.casualtyCounts(), -1), null);
  }

  /** A row whose analysis columns are null and whose error says why. */
  public static Row documentError(String error) {
    return RowFactory.create(null, null, null, null, null, error);
  }

  /** One row per sentence, as the JSONL's {@code --sentences} records. */
  public static List<Row> sentences(FrameAnalysis a) {
    List<Row> rows = new ArrayList<>(a.sentences().size());
    for (FrameAnalysis.Sentence s : a.sentences()) {
      rows.add(RowFactory.create(s.index(), s.start(), s.end(), s.text(), labels(s.labels()),
          scores(s.scores()), evidence(a.evidence(), s.index()),
          evidence(a.suppressed(), s.index()), casualties(a.casualtyCounts(), s.index()), null));
    }
    return rows;
  }

  /** The one row of a document that could not be analysed, in the sentence shape. */
  public static List<Row> sentenceError(String error) {
    return List.of(RowFactory.create(null, null, null, null, null, null, null, null, null,
        error));
  }

  /** The labels' ids, in {@link Frame} order. */
  public static List<String> labels(Set<Frame> labels) {
    List<String> ids = new ArrayList<>(labels.size());
    for (Frame f : labels) {
      ids.add(f.id());
    }
    return ids;
  }

  /** Rounded as the JSONL writer rounds scores and weights. */
  static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  private static Map<String, Double> scores(Map<Frame, Double> scores) {
    Map<String, Double> map = new LinkedHashMap<>();
    scores.forEach((f, s) -> map.put(f.id(), round(s)));
    return map;
  }

  private static List<Row> evidence(List<Evidence> list, int sentence) {
    List<Row> rows = new ArrayList<>(list.size());
    for (Evidence e : list) {
      if (sentence >= 0 && e.sentenceIndex() != sentence) {
        continue;
      }
      List<Row> modifiers = new ArrayList<>(e.modifiers().size());
      for (Evidence.ModifierHit m : e.modifiers()) {
        modifiers.add(RowFactory.create(m.ruleId(), m.start(), m.end(), m.text(), m.effect()));
      }
      String matchedFrame = e.matchedFrame() != e.frame() ? e.matchedFrame().id() : null;
      String by = e.suppressed() && !e.modifiers().isEmpty()
          ? e.modifiers().get(e.modifiers().size() - 1).ruleId() : null;
      rows.add(RowFactory.create(e.frame().id(), e.ruleId(), e.start(), e.end(), e.text(),
          e.polarity().id(), e.speaker().orElse(null), e.sentenceIndex(), round(e.weight()),
          matchedFrame, modifiers, by));
    }
    return rows;
  }

  private static List<Row> casualties(List<CasualtyCount> list, int sentence) {
    List<Row> rows = new ArrayList<>(list.size());
    for (CasualtyCount c : list) {
      if (sentence >= 0 && c.sentenceIndex() != sentence) {
        continue;
      }
      rows.add(RowFactory.create(boxed(c.low()), boxed(c.best()), boxed(c.high()),
          c.qualifier().id(), c.kind().id(), c.who().orElse(null), c.start(), c.end(), c.text(),
          c.subsetOf().isPresent() ? c.subsetOf().getAsInt() : null));
    }
    return rows;
  }

  private static Long boxed(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }
}
