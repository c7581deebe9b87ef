package dev.framelens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.framelens.Evaluation;
import dev.framelens.Evidence;
import dev.framelens.Frame;
import dev.framelens.FrameDetector;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code framelens evaluate}: scores a lexicon against a gold file, with floors. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Score the detector on a gold JSONL file (each line {\"id\", \"text\", "
        + "\"labels\"}): per-label precision, recall and F1, micro and macro F1, the "
        + "exact-match rate, and every unit it got wrong with its evidence. Exits with 1 when "
        + "a score is below a floor given with --min-*.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  framelens evaluate --gold gold.jsonl",
        "  framelens evaluate --gold gold.jsonl --min-macro-f1 0.9 --min-label-f1 0.85",
        "  framelens evaluate --gold docs.jsonl --source-dir seeds --min-exact-match 1.0",
        "  framelens evaluate --gold gold.jsonl --lexicon my-rules.fl --format json"})
final class EvaluateCommand implements Callable<Integer> {
  /** The output formats of {@code evaluate}. */
  enum Format { text, json }

  @ParentCommand
  FramelensCommand parent;

  @Spec
  CommandSpec spec;

  @Option(names = "--gold", required = true, paramLabel = "FILE",
      description = "The gold JSONL file ('-' for standard input).")
  String gold;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--source-dir", paramLabel = "DIR",
      description = "Where to read the text of gold lines that name a \"source\" file "
          + "instead of giving \"text\".")
  Path sourceDir;

  @Option(names = "--min-macro-f1", paramLabel = "X", description = "Floor for macro-F1.")
  Double minMacroF1;

  @Option(names = "--min-label-f1", paramLabel = "X",
      description = "Floor for every label's F1.")
  Double minLabelF1;

  @Option(names = "--min-exact-match", paramLabel = "X",
      description = "Floor for the share of units whose labels are all right.")
  Double minExactMatch;

  @Option(names = "--errors", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "List the units the detector got wrong, with their evidence (default).")
  boolean errors;

  @Mixin
  DetectorOptions detectorOptions;

  @Override
  public Integer call() {
    for (Double floor : new Double[] {minMacroF1, minLabelF1, minExactMatch}) {
      if (floor != null && !(floor >= 0 && floor <= 1)) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "a floor must be between 0 and 1: " + floor);
      }
    }
    FrameDetector detector = detectorOptions.detector();
    Io io = parent.io;
    List<Evaluation.Unit> units = new ArrayList<>();
    int failed = 0;
    try (Inputs.Source source = Inputs.jsonl(gold, io.in(), true, sourceDir)) {
      while (source.hasNext()) {
        InputRecord record = source.next();
        String problem = record.failed() ? record.error() : null;
        Set<Frame> labels = EnumSet.noneOf(Frame.class);
        if (problem == null) {
          for (JsonNode label : record.gold()) {
            try {
              labels.add(Frame.fromId(label.asText()));
            } catch (IllegalArgumentException e) {
              problem = "line " + record.line() + ": " + e.getMessage();
            }
          }
        }
        if (problem != null) {
          failed++;
          io.err().println("framelens evaluate: " + problem);
          continue;
        }
        units.add(new Evaluation.Unit(record.id().asText(), record.text(), labels));
      }
    } catch (UncheckedIOException e) {
      throw new UserError(ExitCodes.USAGE, "cannot read " + gold + ": " + e.getMessage(), e);
    }
    String name = gold.equals("-") ? "stdin" : Path.of(gold).getFileName().toString();
    Evaluation evaluation = Evaluation.run(name, detector, units);
    if (format == Format.json) {
      io.out().println(json(evaluation));
    } else {
      io.out().print(evaluation.report(errors));
    }
    io.out().flush();
    List<String> below = new ArrayList<>();
    check(below, "macro-F1", evaluation.macroF1(), minMacroF1);
    check(below, "exact-match rate", evaluation.exactMatchRate(), minExactMatch);
    if (minLabelF1 != null) {
      evaluation.labels().values().forEach(l ->
          check(below, l.frame().id() + " F1", l.f1(), minLabelF1));
    }
    below.forEach(line -> io.err().println("framelens evaluate: " + name + ": " + line));
    if (failed > 0) {
      io.err().printf("framelens evaluate: %d gold lines could not be used%n", failed);
      return ExitCodes.RECORD_ERRORS;
    }
    return below.isEmpty() ? ExitCodes.OK : ExitCodes.BELOW_FLOOR;
  }

  private static void check(List<String> below, String what, double value, Double floor) {
    if (floor != null && value < floor) {
      below.add(String.format(Locale.ROOT, "%s %.3f is below the floor %.3f", what, value,
          floor));
    }
  }

  private String json(Evaluation e) {
    ObjectNode root = AnalysisJson.JSON.createObjectNode();
    root.put("name", e.name());
    root.put("units", e.units());
    ObjectNode labels = root.putObject("labels");
    e.labels().forEach((frame, l) -> {
      ObjectNode node = labels.putObject(frame.id());
      node.put("precision", AnalysisJson.round(l.precision()));
      node.put("recall", AnalysisJson.round(l.recall()));
      node.put("f1", AnalysisJson.round(l.f1()));
      node.put("tp", l.truePositives());
      node.put("fp", l.falsePositives());
      node.put("fn", l.falseNegatives());
    });
    root.put("macro_f1", AnalysisJson.round(e.macroF1()));
    root.put("micro_f1", AnalysisJson.round(e.microF1()));
    root.put("exact_match", AnalysisJson.round(e.exactMatchRate()));
    ArrayNode errorList = root.putArray("errors");
    if (errors) {
      for (Evaluation.Error error : e.errors()) {
        ObjectNode node = errorList.addObject();
        node.put("id", error.unit().id());
        node.put("text", error.unit().text());
        ids(node.putArray("gold"), error.unit().gold());
        ids(node.putArray("predicted"), error.predicted());
        ids(node.putArray("false_positives"), error.falsePositives());
        ids(node.putArray("false_negatives"), error.falseNegatives());
        ArrayNode evidence = node.putArray("evidence");
        for (Evidence ev : error.evidence()) {
          evidence.addObject().put("frame", ev.frame().id()).put("rule", ev.ruleId())
              .put("text", ev.text()).put("polarity", ev.polarity().id());
        }
        ArrayNode suppressed = node.putArray("suppressed");
        for (Evidence ev : error.suppressed()) {
          suppressed.addObject().put("frame", ev.frame().id()).put("rule", ev.ruleId())
              .put("text", ev.text()).put("by", ev.modifiers().isEmpty() ? null
                  : ev.modifiers().get(ev.modifiers().size() - 1).ruleId());
        }
      }
    }
    try {
      return AnalysisJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static void ids(ArrayNode array, Set<Frame> frames) {
    frames.forEach(f -> array.add(f.id()));
  }
}
