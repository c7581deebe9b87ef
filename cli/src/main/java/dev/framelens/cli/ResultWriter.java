package dev.framelens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.framelens.CasualtyCount;
import dev.framelens.Evidence;
import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Writes outcomes to standard output (or {@code --output}) in one of the formats. Every format
 * keeps the input record's other fields: JSONL as fields, text as a {@code fields:} line, CSV
 * as one column per field of the first record.
 */
abstract class ResultWriter {
  /** The output formats of {@code analyze}. */
  enum Format { text, jsonl, csv }

  final PrintStream out;
  final boolean sentences;

  ResultWriter(PrintStream out, boolean sentences) {
    this.out = out;
    this.sentences = sentences;
  }

  /**
   * A writer of {@code format}.
   *
   * @param fields whether records may carry fields of their own (a JSONL corpus): CSV then
   *     takes its extra columns from the first record that has them
   * @param warn where a field that a format cannot keep is reported, once per field
   */
  static ResultWriter of(Format format, PrintStream out, boolean sentences, boolean fields,
      Consumer<String> warn) {
    return switch (format) {
      case text -> new Text(out, sentences);
      case jsonl -> new Jsonl(out, sentences);
      case csv -> new Csv(out, sentences, fields, warn);
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
      ObjectNode extra = outcome.record().extra();
      if (extra != null && !extra.isEmpty()) {
        out.println("   fields: " + extra.properties().stream()
            .map(field -> field.getKey() + "=" + field.getValue())
            .collect(Collectors.joining(", ")));
      }
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
        line.append(e.suppressed() ? "  cancelled by " : "  via ").append(last.ruleId());
        if (!last.text().isEmpty()) { // the contest gate acts on the whole document
          line.append(" \"").append(oneLine(last.text())).append('"');
        }
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

  /**
   * Comma-separated values (RFC 4180 quoting), one row per document or sentence. The input's
   * other fields follow as columns, one per field of the first record that has fields (a name
   * the CSV uses already gets the prefix {@code input_}): a string as it is, another value as
   * JSON. Rows that come before that record (lines that were no JSON object) are held until it
   * comes, at most {@value #HELD}. A later record's field that is not a column is reported once.
   */
  static final class Csv extends ResultWriter {
    static final int HELD = 10_000;
    private final boolean fieldsFromFirstRecord;
    private final Consumer<String> warn;
    private final List<Outcome> held = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    /** Input field name to column name, in column order; null until the header is written. */
    private Map<String, String> columns;

    Csv(PrintStream out, boolean sentences, boolean fieldsFromFirstRecord,
        Consumer<String> warn) {
      super(out, sentences);
      this.fieldsFromFirstRecord = fieldsFromFirstRecord;
      this.warn = warn;
    }

    @Override
    void write(Outcome outcome) {
      if (columns == null) {
        if (fieldsFromFirstRecord && outcome.record().extra() == null && held.size() < HELD) {
          held.add(outcome);
          return;
        }
        header(outcome.record().extra());
      }
      row(outcome);
    }

    @Override
    void finish() {
      if (columns == null && !held.isEmpty()) {
        header(null);
      }
      super.finish();
    }

    private void header(ObjectNode first) {
      List<String> own = new ArrayList<>(List.of(sentences
          ? new String[] {"id", "sentence", "start", "end", "labels"}
          : new String[] {"id", "labels"}));
      for (Frame f : Frame.values()) {
        own.add(f.id());
      }
      own.addAll(sentences ? List.of("text", "error") : List.of("evidence", "casualties", "error"));
      columns = new LinkedHashMap<>();
      if (first != null) {
        first.fieldNames().forEachRemaining(name -> columns.put(name,
            own.contains(name) ? "input_" + name : name));
      }
      StringBuilder header = new StringBuilder();
      for (String name : own) {
        header.append(header.length() == 0 ? "" : ",").append(quote(name));
      }
      columns.values().forEach(name -> header.append(',').append(quote(name)));
      out.println(header);
      held.forEach(this::row);
      held.clear();
    }

    private void row(Outcome outcome) {
      String id = quote(id(outcome));
      String fields = fieldColumns(outcome.record());
      if (outcome.failed()) {
        int empty = sentences ? 4 + Frame.values().length + 1 : 1 + Frame.values().length + 2;
        out.println(id + ",".repeat(empty) + "," + quote(outcome.error()) + fields);
        return;
      }
      FrameAnalysis a = outcome.analysis();
      if (sentences) {
        for (FrameAnalysis.Sentence s : a.sentences()) {
          out.println(id + "," + s.index() + "," + s.start() + "," + s.end() + ","
              + quote(ids(s.labels())) + scoreColumns(s.scores()) + "," + quote(s.text()) + ","
              + fields);
        }
      } else {
        out.println(id + "," + quote(ids(a.labels())) + scoreColumns(a.scores()) + ","
            + a.evidence().size() + "," + a.casualtyCounts().size() + "," + fields);
      }
    }

    /** The cells of the input's fields, each after a comma; reports a field with no column. */
    private String fieldColumns(InputRecord record) {
      ObjectNode extra = record.extra();
      StringBuilder cells = new StringBuilder();
      for (String name : columns.keySet()) {
        JsonNode value = extra == null ? null : extra.get(name);
        cells.append(',');
        if (value != null && !value.isNull()) {
          cells.append(quote(value.isTextual() ? value.asText() : value.toString()));
        }
      }
      if (extra != null) {
        extra.fieldNames().forEachRemaining(name -> {
          if (!columns.containsKey(name) && reported.add(name)) {
            warn.accept("line " + record.line() + ": field \"" + name + "\" is not a column "
                + "of the CSV (its columns are the fields of the first record); --format "
                + "jsonl keeps every field");
          }
        });
      }
      return cells.toString();
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
