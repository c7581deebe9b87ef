package dev.framelens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.framelens.CasualtyCount;
import dev.framelens.Evidence;
import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The JSON form of an analysis, one object per document (or per sentence):
 * <pre>
 * {"id": ..., "labels": [...], "scores": {"victory": 0.91, ...},
 *  "evidence": [{"frame", "rule", "start", "end", "text", "polarity", "speaker", ...}],
 *  "suppressed": [... with "by": the modifier or block that cancelled it],
 *  "casualties": [{"low", "best", "high", "qualifier", "kind", "who", "start", "end", "text",
 *                  "subset_of"}],
 *  ...the input record's other fields}
 * </pre>
 * An input field whose name the output uses is kept as {@code input_<name>}, so nothing the
 * input carried is lost.
 */
final class AnalysisJson {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> OWN = Set.of("id", "labels", "scores", "evidence",
      "suppressed", "casualties", "sentence", "start", "end", "text", "error", "line");

  private AnalysisJson() {}

  static ObjectNode document(Outcome outcome) {
    if (outcome.failed()) {
      return error(outcome);
    }
    FrameAnalysis a = outcome.analysis();
    ObjectNode node = JSON.createObjectNode();
    node.set("id", outcome.record().id());
    labelsAndScores(node, a.labels(), a.scores());
    node.set("evidence", evidence(a.evidence(), -1));
    node.set("suppressed", evidence(a.suppressed(), -1));
    node.set("casualties", casualties(a.casualtyCounts(), -1));
    passThrough(node, outcome.record());
    return node;
  }

  static ObjectNode sentence(Outcome outcome, FrameAnalysis.Sentence s) {
    FrameAnalysis a = outcome.analysis();
    ObjectNode node = JSON.createObjectNode();
    node.set("id", outcome.record().id());
    node.put("sentence", s.index());
    node.put("start", s.start());
    node.put("end", s.end());
    node.put("text", s.text());
    labelsAndScores(node, s.labels(), s.scores());
    node.set("evidence", evidence(a.evidence(), s.index()));
    node.set("suppressed", evidence(a.suppressed(), s.index()));
    node.set("casualties", casualties(a.casualtyCounts(), s.index()));
    passThrough(node, outcome.record());
    return node;
  }

  static ObjectNode error(Outcome outcome) {
    ObjectNode node = JSON.createObjectNode();
    node.set("id", outcome.record().id());
    if (outcome.record().line() > 0) {
      node.put("line", outcome.record().line());
    }
    node.put("error", outcome.error());
    return node;
  }

  static double round(double score) {
    return Math.round(score * 10_000) / 10_000.0;
  }

  /** Puts a ratio rounded as {@link #round} does, or null when it is undefined ({@code NaN}). */
  static void putRatio(ObjectNode node, String field, double value) {
    if (Double.isNaN(value)) {
      node.putNull(field);
    } else {
      node.put(field, round(value));
    }
  }

  private static void labelsAndScores(ObjectNode node, Set<Frame> labels,
      Map<Frame, Double> scores) {
    ArrayNode array = node.putArray("labels");
    labels.forEach(f -> array.add(f.id()));
    ObjectNode object = node.putObject("scores");
    scores.forEach((f, s) -> object.put(f.id(), round(s)));
  }

  private static ArrayNode evidence(List<Evidence> list, int sentence) {
    ArrayNode array = JSON.createArrayNode();
    for (Evidence e : list) {
      if (sentence >= 0 && e.sentenceIndex() != sentence) {
        continue;
      }
      ObjectNode node = array.addObject();
      node.put("frame", e.frame().id());
      node.put("rule", e.ruleId());
      node.put("start", e.start());
      node.put("end", e.end());
      node.put("text", e.text());
      node.put("polarity", e.polarity().id());
      if (e.speaker().isPresent()) {
        node.put("speaker", e.speaker().get());
      } else {
        node.putNull("speaker");
      }
      node.put("sentence", e.sentenceIndex());
      node.put("weight", round(e.weight()));
      if (e.matchedFrame() != e.frame()) {
        node.put("matched_frame", e.matchedFrame().id());
      }
      ArrayNode modifiers = node.putArray("modifiers");
      for (Evidence.ModifierHit m : e.modifiers()) {
        ObjectNode hit = modifiers.addObject();
        hit.put("rule", m.ruleId());
        hit.put("start", m.start());
        hit.put("end", m.end());
        hit.put("text", m.text());
        hit.put("effect", m.effect());
      }
      if (e.suppressed() && !e.modifiers().isEmpty()) {
        node.put("by", e.modifiers().get(e.modifiers().size() - 1).ruleId());
      }
    }
    return array;
  }

  private static ArrayNode casualties(List<CasualtyCount> list, int sentence) {
    ArrayNode array = JSON.createArrayNode();
    for (CasualtyCount c : list) {
      if (sentence >= 0 && c.sentenceIndex() != sentence) {
        continue;
      }
      ObjectNode node = array.addObject();
      put(node, "low", c.low());
      put(node, "best", c.best());
      put(node, "high", c.high());
      node.put("qualifier", c.qualifier().id());
      node.put("kind", c.kind().id());
      if (c.who().isPresent()) {
        node.put("who", c.who().get());
      } else {
        node.putNull("who");
      }
      node.put("start", c.start());
      node.put("end", c.end());
      node.put("text", c.text());
      if (c.subsetOf().isPresent()) {
        node.put("subset_of", c.subsetOf().getAsInt());
      } else {
        node.putNull("subset_of");
      }
    }
    return array;
  }

  private static void put(ObjectNode node, String field, OptionalLong value) {
    if (value.isPresent()) {
      node.put(field, value.getAsLong());
    } else {
      node.putNull(field);
    }
  }

  private static void passThrough(ObjectNode node, InputRecord record) {
    if (record.extra() == null) {
      return;
    }
    for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field
        : record.extra().properties()) {
      String name = OWN.contains(field.getKey()) ? "input_" + field.getKey() : field.getKey();
      node.set(name, field.getValue());
    }
  }
}
