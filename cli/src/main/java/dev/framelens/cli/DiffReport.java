package dev.framelens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.framelens.Evidence;
import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The report of {@code framelens diff}: the records whose labels changed between the old and
 * the new lexicon, with the evidence for each changed label on both sides, and the counts per
 * label. Records arrive in corpus order on one thread.
 */
abstract class DiffReport {
  final PrintStream out;
  final String oldName;
  final String newName;
  private final long[] gained = new long[Frame.values().length];
  private final long[] lost = new long[Frame.values().length];
  private long records;
  private long changed;
  private long failed;

  DiffReport(PrintStream out, String oldName, String newName) {
    this.out = out;
    this.oldName = oldName;
    this.newName = newName;
  }

  static DiffReport of(DiffCommand.Format format, PrintStream out, String oldName,
      String newName) {
    return switch (format) {
      case text -> new Text(out, oldName, newName);
      case jsonl -> new Jsonl(out, oldName, newName);
    };
  }

  /**
   * A label one record gained or lost, with the scores and the evidence on each side: kept
   * and suppressed evidence for the frame, and evidence a modifier turned out of it.
   */
  record Change(Frame frame, boolean gained, double oldScore, double newScore,
      List<Evidence> oldEvidence, List<Evidence> newEvidence) {}

  /** Counts a compared record and reports it when its labels changed. */
  final void add(DiffCommand.Compared compared) {
    records++;
    if (compared.error() != null) {
      failed++;
      return;
    }
    FrameAnalysis old = compared.old();
    FrameAnalysis neu = compared.neu();
    if (old.labels().equals(neu.labels())) {
      return;
    }
    changed++;
    List<Change> changes = new ArrayList<>();
    for (Frame f : Frame.values()) {
      boolean before = old.labels().contains(f);
      boolean after = neu.labels().contains(f);
      if (before != after) {
        (after ? gained : lost)[f.ordinal()]++;
        changes.add(new Change(f, after, old.score(f), neu.score(f), evidence(old, f),
            evidence(neu, f)));
      }
    }
    write(compared, changes);
  }

  long records() {
    return records;
  }

  long failed() {
    return failed;
  }

  long changed() {
    return changed;
  }

  long gained(Frame frame) {
    return gained[frame.ordinal()];
  }

  long lost(Frame frame) {
    return lost[frame.ordinal()];
  }

  abstract void write(DiffCommand.Compared compared, List<Change> changes);

  /** Writes the summary and flushes. */
  abstract void finish();

  /** The evidence that bears on {@code frame}, kept or suppressed, in text order. */
  static List<Evidence> evidence(FrameAnalysis a, Frame frame) {
    return Stream.concat(a.evidence().stream(), a.suppressed().stream())
        .filter(e -> e.frame() == frame || e.matchedFrame() == frame)
        .sorted(Comparator.comparingInt(Evidence::start).thenComparingInt(Evidence::end))
        .toList();
  }

  static String ids(Set<Frame> labels) {
    return labels.isEmpty() ? "(none)"
        : labels.stream().map(Frame::id).collect(Collectors.joining(", "));
  }

  /** A readable report, one block per changed record, and a table of counts at the end. */
  static final class Text extends DiffReport {
    Text(PrintStream out, String oldName, String newName) {
      super(out, oldName, newName);
      out.println("old: " + oldName);
      out.println("new: " + newName);
      out.println();
    }

    @Override
    void write(DiffCommand.Compared compared, List<Change> changes) {
      InputRecord record = compared.record();
      out.println("== " + record.id().asText() + " (line " + record.line() + ")");
      out.println("   old: " + ids(compared.old().labels()));
      out.println("   new: " + ids(compared.neu().labels()));
      for (Change c : changes) {
        out.printf(Locale.ROOT, "   %s %s  (score %.2f -> %.2f)%n", c.gained() ? "+" : "-",
            c.frame().id(), c.oldScore(), c.newScore());
        side("old", c.oldEvidence(), c.frame());
        side("new", c.newEvidence(), c.frame());
      }
      out.println();
    }

    private void side(String name, List<Evidence> evidence, Frame frame) {
      if (evidence.isEmpty()) {
        out.println("       " + name + "  (no evidence for " + frame.id() + ")");
      }
      for (Evidence e : evidence) {
        out.println("       " + name + "  " + describe(e));
      }
    }

    /** {@code rule «text» [start,end) frame (matched f), polarity, weight, by ...}. */
    static String describe(Evidence e) {
      StringBuilder s = new StringBuilder();
      s.append(e.ruleId()).append(" «").append(e.text().replaceAll("\\s+", " "))
          .append("» [").append(e.start()).append(',').append(e.end()).append(") ")
          .append(e.frame().id());
      if (e.matchedFrame() != e.frame()) {
        s.append(" (matched ").append(e.matchedFrame().id()).append(')');
      }
      s.append(", ").append(e.polarity().id())
          .append(String.format(Locale.ROOT, ", weight %.2f", e.weight()));
      if (e.suppressed()) {
        s.append(", SUPPRESSED");
      }
      if (!e.modifiers().isEmpty()) {
        s.append(", by ").append(e.modifiers().stream()
            .map(m -> m.ruleId() + " \"" + m.text() + "\" " + m.effect())
            .collect(Collectors.joining(", ")));
      }
      return s.toString();
    }

    @Override
    void finish() {
      out.printf(Locale.ROOT, "%,d records, %,d changed, %,d could not be used%n", records(),
          changed(), failed());
      out.printf(Locale.ROOT, "  %-18s %8s %8s%n", "label", "gained", "lost");
      for (Frame f : Frame.values()) {
        out.printf(Locale.ROOT, "  %-18s %8d %8d%n", f.id(), gained(f), lost(f));
      }
      out.flush();
    }
  }

  /** One JSON object per changed record, then {@code {"summary": {...}}}. */
  static final class Jsonl extends DiffReport {
    Jsonl(PrintStream out, String oldName, String newName) {
      super(out, oldName, newName);
    }

    @Override
    void write(DiffCommand.Compared compared, List<Change> changes) {
      ObjectNode node = AnalysisJson.JSON.createObjectNode();
      node.set("id", compared.record().id());
      node.put("line", compared.record().line());
      frames(node.putArray("old_labels"), compared.old().labels());
      frames(node.putArray("new_labels"), compared.neu().labels());
      Set<Frame> gainedFrames = EnumSet.noneOf(Frame.class);
      Set<Frame> lostFrames = EnumSet.noneOf(Frame.class);
      changes.forEach(c -> (c.gained() ? gainedFrames : lostFrames).add(c.frame()));
      frames(node.putArray("gained"), gainedFrames);
      frames(node.putArray("lost"), lostFrames);
      ArrayNode list = node.putArray("changes");
      for (Change c : changes) {
        ObjectNode change = list.addObject();
        change.put("frame", c.frame().id());
        change.put("change", c.gained() ? "gained" : "lost");
        change.put("old_score", AnalysisJson.round(c.oldScore()));
        change.put("new_score", AnalysisJson.round(c.newScore()));
        evidence(change.putArray("old_evidence"), c.oldEvidence());
        evidence(change.putArray("new_evidence"), c.newEvidence());
      }
      print(node);
    }

    private static void frames(ArrayNode array, Set<Frame> frames) {
      frames.forEach(f -> array.add(f.id()));
    }

    private static void evidence(ArrayNode array, List<Evidence> list) {
      for (Evidence e : list) {
        ObjectNode node = array.addObject();
        node.put("rule", e.ruleId());
        node.put("frame", e.frame().id());
        node.put("matched_frame", e.matchedFrame().id());
        node.put("text", e.text());
        node.put("start", e.start());
        node.put("end", e.end());
        node.put("sentence", e.sentenceIndex());
        node.put("polarity", e.polarity().id());
        node.put("weight", AnalysisJson.round(e.weight()));
        node.put("suppressed", e.suppressed());
        ArrayNode modifiers = node.putArray("modifiers");
        for (Evidence.ModifierHit m : e.modifiers()) {
          modifiers.addObject().put("rule", m.ruleId()).put("text", m.text())
              .put("effect", m.effect());
        }
      }
    }

    @Override
    void finish() {
      ObjectNode root = AnalysisJson.JSON.createObjectNode();
      ObjectNode summary = root.putObject("summary");
      summary.put("old", oldName);
      summary.put("new", newName);
      summary.put("records", records());
      summary.put("changed", changed());
      summary.put("failed", failed());
      ObjectNode labels = summary.putObject("labels");
      for (Frame f : Frame.values()) {
        labels.putObject(f.id()).put("gained", gained(f)).put("lost", lost(f));
      }
      print(root);
      out.flush();
    }

    private void print(ObjectNode node) {
      try {
        out.println(AnalysisJson.JSON.writeValueAsString(node));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
