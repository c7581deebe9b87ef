package dev.framelens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.framelens.CasualtyCount;
import dev.framelens.Evidence;
import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Writes outcomes to standard output (or {@code --output}) in one of the formats. */
abstract class ResultWriter {
  /** The output formats of {@code analyze}. */
  enum Format { text, jsonl, csv }

  final PrintStream out;
  final boolean sentences;

  ResultWriter(PrintStream out, boolean sentences) {
    this.out = out;
    this.sentences = sentences;
  }

  static ResultWriter of(Format format, PrintStream out, boolean sentences) {
    return switch (format) {
      case text -> new Text(out, sentences);
      case jsonl -> new Jsonl(out, sentences);
      case csv -> new Csv(out, sentences);
    };
  }

  abstract void write(Outcome outcome);

  /** The record's id as text; empty for a line that had none (it was not a JSON object). */
  static String id(Outcome outcome) {
    return outcome.record().id() == null ? "" : outcome.record().id().asText();
  }

  void finish() {
    out.flush();
  }

  /** One JSON object a line, in the order of the input. */
  static final class Jsonl extends ResultWriter {
    Jsonl(PrintStream out, boolean sentences) {
      super(out, sentences);
    }

    @Override
    void write(Outcome outcome) {
      try {
        if (outcome.failed() || !sentences) {
          out.println(AnalysisJson.JSON.writeValueAsString(AnalysisJson.document(outcome)));
        } else {
          for (FrameAnalysis.Sentence s : outcome.analysis().sentences()) {
            out.println(AnalysisJson.JSON.writeValueAsString(
                AnalysisJson.sentence(outcome, s)));
          }
        }
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A readable report: labels and scores, then each piece of evidence in its sentence. */
  static final class Text extends ResultWriter {
    private static final int CONTEXT = 60;

    Text(PrintStream out, boolean sentences) {
      super(out, sentences);
    }

    @Override
    void write(Outcome outcome) {
      out.println("== " + (outcome.record().id() != null ? id(outcome)
          : "(line " + outcome.record().line() + ", no id)"));
      if (outcome.failed()) {
        out.println("   ERROR: " + outcome.error());
        out.println();
        return;
      }
      FrameAnalysis a = outcome.analysis();
      if (sentences) {
        for (FrameAnalysis.Sentence s : a.sentences()) {
          out.println("#" + s.index() + "  " + labels(s.labels()) + "  " + scores(s.scores())
              + "  " + oneLine(s.text()));
          for (Evidence e : a.evidence()) {
            if (e.sentenceIndex() == s.index()) {
              out.println("     " + describe(e, a));
            }
          }
        }
        out.println();
        return;
      }
      out.println("   labels: " + labels(a.labels()));
      out.println("   scores: " + scores(a.scores()));
      if (!a.evidence().isEmpty()) {
        out.println("   evidence:");
        a.evidence().forEach(e -> out.println("     " + describe(e, a)));
      }
      if (!a.suppressed().isEmpty()) {
        out.println("   suppressed:");
        a.suppressed().forEach(e -> out.println("     " + describe(e, a)));
      }
      if (!a.casualtyCounts().isEmpty()) {
        out.println("   casualties:");
        a.casualtyCounts().forEach(c -> out.println("     " + describe(c)));
      }
      out.println();
    }

    private static String labels(Set<Frame> labels) {
      return labels.isEmpty() ? "(none)"
          : labels.stream().map(Frame::id).collect(Collectors.joining(", "));
    }

    private static String scores(Map<Frame, Double> scores) {
      return scores.entrySet().stream()
          .map(s -> String.format(Locale.ROOT, "%s %.2f", s.getKey().id(), s.getValue()))
          .collect(Collectors.joining("  "));
    }

    /** Frame, rule and the span marked «...» in its sentence, trimmed around it. */
    private static String describe(Evidence e, FrameAnalysis a) {
      FrameAnalysis.Sentence s = a.sentences().get(e.sentenceIndex());
      String text = a.text();
      int from = Math.max(s.start(), e.start() - CONTEXT);
      int to = Math.min(s.end(), e.end() + CONTEXT);
      String context = (from > s.start() ? "…" : "") + oneLine(text.substring(from, e.start()))
          + "«" + oneLine(e.text()) + "»" + oneLine(text.substring(e.end(), to))
          + (to < s.end() ? "…" : "");
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-18s %-22s %s",
          e.frame().id(), e.ruleId(), context));
      if (e.polarity() != Evidence.Polarity.ASSERTED) {
        line.append("  [").append(e.polarity().id()).append(']');
      }
      e.speaker().ifPresent(who -> line.append("  (said by ").append(who).append(')'));
      if (!e.modifiers().isEmpty()) {
        Evidence.ModifierHit last = e.modifiers().get(e.modifiers().size() - 1);
        line.append(e.suppressed() ? "  cancelled by " : "  via ").append(last.ruleId())
            .append(" \"").append(oneLine(last.text())).append('"');
      }
      return line.toString();
    }

    private static String describe(CasualtyCount c) {
      String value = c.best().isPresent() ? String.format(Locale.ROOT, "%,d",
          c.best().getAsLong())
          : String.format(Locale.ROOT, "%s–%s", c.low().isPresent()
              ? String.format(Locale.ROOT, "%,d", c.low().getAsLong()) : "?",
              c.high().isPresent() ? String.format(Locale.ROOT, "%,d", c.high().getAsLong())
                  : "?");
      return String.format(Locale.ROOT, "%-10s %-12s %-14s %-10s «%s»%s", c.kind().id(),
          c.qualifier().id(), value, c.who().orElse(""), oneLine(c.text()),
          c.subsetOf().isPresent() ? "  (part of #" + c.subsetOf().getAsInt() + ")" : "");
    }

    private static String oneLine(String s) {
      return s.replaceAll("\\s+", " ");
    }
  }

  /** Comma-separated values (RFC 4180 quoting), one row per document or sentence. */
  static final class Csv extends ResultWriter {
    private boolean headerWritten;

    Csv(PrintStream out, boolean sentences) {
      super(out, sentences);
    }

    @Override
    void write(Outcome outcome) {
      if (!headerWritten) {
        StringBuilder header = new StringBuilder(sentences ? "id,sentence,start,end,labels"
            : "id,labels");
        for (Frame f : Frame.values()) {
          header.append(',').append(f.id());
        }
        header.append(sentences ? ",text,error" : ",evidence,casualties,error");
        out.println(header);
        headerWritten = true;
      }
      String id = quote(id(outcome));
      if (outcome.failed()) {
        int empty = sentences ? 4 + Frame.values().length + 1 : 1 + Frame.values().length + 2;
        out.println(id + ",".repeat(empty) + "," + quote(outcome.error()));
        return;
      }
      FrameAnalysis a = outcome.analysis();
      if (sentences) {
        for (FrameAnalysis.Sentence s : a.sentences()) {
          out.println(id + "," + s.index() + "," + s.start() + "," + s.end() + ","
              + quote(ids(s.labels())) + scoreColumns(s.scores()) + "," + quote(s.text()) + ",");
        }
      } else {
        out.println(id + "," + quote(ids(a.labels())) + scoreColumns(a.scores()) + ","
            + a.evidence().size() + "," + a.casualtyCounts().size() + ",");
      }
    }

    private static String ids(Set<Frame> labels) {
      return labels.stream().map(Frame::id).collect(Collectors.joining(";"));
    }

    private static String scoreColumns(Map<Frame, Double> scores) {
      StringBuilder s = new StringBuilder();
      for (Frame f : Frame.values()) {
        s.append(',').append(AnalysisJson.round(scores.get(f)));
      }
      return s.toString();
    }

    static String quote(String value) {
      if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
          && value.indexOf('\r') < 0) {
        return value;
      }
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
  }
}
