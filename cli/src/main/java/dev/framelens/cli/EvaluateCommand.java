package dev.framelens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.framelens.Evaluation;
import dev.framelens.Evidence;
import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code framelens evaluate}: scores a lexicon against one or more gold files, with floors; with
 * {@code --documents} also on the documents their units make, and with {@code --rules} the
 * record of every lexicon entry over all the files together ({@link RuleReport}).
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
        "Score the detector on gold JSONL files (each line {\"id\", \"text\", "
            + "\"labels\"}): per-label precision, recall and F1, micro and macro F1, the "
            + "exact-match rate, and every unit it got wrong with its evidence (the sentences "
            + "that hold evidence, with their offsets, not the whole text). Exits with 1 "
            + "when a score of any file is below a floor given with --min-*.",
        "--gold may be repeated: each file gets its own table, in the order given, and the "
            + "floors apply to each. With one file, --format json writes that file's object; "
            + "with several, {\"files\": [one object per file], \"rules\": {...}}.",
        "--documents joins the units that share a \"source\" into one document (their texts "
            + "in id order, numbers compared by value, separated by a blank line so that each "
            + "unit is a paragraph; gold = the union of their labels; a unit without a source "
            + "is a document on its own) and scores those documents after each file's table.",
        "--rules adds the rule report, computed over the units of all the files together "
            + "(and per file in JSON): each rule's right and wrong units, each block's and "
            + "modifier's record against gold, entries that never acted or acted on one unit "
            + "only, and the missed labels that no rule touched. Its first paragraph says "
            + "what each column means."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  framelens evaluate --gold gold.jsonl",
        "  framelens evaluate --gold gold.jsonl --min-macro-f1 0.9 --min-label-f1 0.85",
        "  framelens evaluate --gold docs.jsonl --source-dir seeds --min-exact-match 1.0",
        "  framelens evaluate --gold gold.jsonl --lexicon my-rules.fl --format json",
        "  framelens evaluate --gold wars.jsonl --gold politics.jsonl --min-macro-f1 0.9",
        "  framelens evaluate --gold wars.jsonl --gold politics.jsonl --rules --no-errors",
        "  framelens evaluate --gold wars.jsonl --rules --format json > rules.json",
        "  framelens evaluate --gold wars.jsonl --documents --no-errors",
        "  framelens evaluate --gold wars.jsonl --gold politics.jsonl \\",
        "      --documents --min-document-exact-match 0.8",
        "",
        "Exit codes: 0 done; 1 a score of some file is below its floor; 2 usage, unreadable "
            + "file or lexicon errors; 3 some gold lines could not be used."})
final class EvaluateCommand implements Callable<Integer> {
  /** The output formats of {@code evaluate}. */
  enum Format { text, json }

  @ParentCommand
  FramelensCommand parent;

  @Spec
  CommandSpec spec;

  @Option(names = "--gold", required = true, paramLabel = "FILE",
      description = "A gold JSONL file ('-' for standard input); repeatable, each file is "
          + "scored on its own.")
  List<String> gold = new ArrayList<>();

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

  @Option(names = "--min-document-exact-match", paramLabel = "X",
      description = "Floor for the share of documents (see --documents, which it implies) "
          + "whose labels are all right.")
  Double minDocumentExactMatch;

  @Option(names = "--errors", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "List the units the detector got wrong, with their evidence (default).")
  boolean errors;

  @Option(names = "--documents",
      description = "Also score the documents made of the units that share a \"source\", "
          + "joined in id order by a blank line, with the union of their labels.")
  boolean documents;

  @Option(names = "--rules",
      description = "Add the rule report: every rule's, block's and modifier's record over "
          + "all the gold files together, entries that never acted or acted on one unit, "
          + "missed labels no rule touched.")
  boolean rules;

  @Mixin
  DetectorOptions detectorOptions;

  /** One gold file's results. */
  private record Scored(GoldFile file, Evaluation sentences,
      List<DocumentAssembly.Document> documents, Evaluation documentScores,
      List<RuleReport.Analysed> analysed) {}

  @Override
  public Integer call() {
    for (Double floor : new Double[] {minMacroF1, minLabelF1, minExactMatch,
        minDocumentExactMatch}) {
      if (floor != null && !(floor >= 0 && floor <= 1)) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "a floor must be between 0 and 1: " + floor);
      }
    }
    if (gold.stream().filter("-"::equals).count() > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "standard input ('-') can be given as --gold only once");
    }
    Inputs.checkReadable(gold);
    boolean withDocuments = documents || minDocumentExactMatch != null;
    FrameDetector detector = detectorOptions.detector();
    Io io = parent.io;
    List<String> names = names(gold);
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < gold.size(); i++) {
      GoldFile file = read(gold.get(i), names.get(i), io);
      Evaluation sentences = Evaluation.run(file.name(), detector, file.evaluationUnits());
      List<DocumentAssembly.Document> docs = null;
      Evaluation documentScores = null;
      if (withDocuments) {
        docs = DocumentAssembly.assemble(file.units());
        documentScores = Evaluation.run(file.name(), detector,
            docs.stream().map(DocumentAssembly.Document::unit).toList());
      }
      List<RuleReport.Analysed> analysed = new ArrayList<>();
      if (rules) {
        for (GoldFile.GoldUnit u : file.units()) {
          analysed.add(new RuleReport.Analysed(file.name(), u.unit(),
              detector.analyze(u.unit().text())));
        }
      }
      scored.add(new Scored(file, sentences, docs, documentScores, analysed));
    }
    RuleReport report = !rules ? null : RuleReport.of(detector, names,
        scored.stream().flatMap(s -> s.analysed().stream()).toList());

    if (format == Format.json) {
      JsonNode root;
      if (scored.size() == 1) {
        root = fileJson(scored.get(0), report);
      } else {
        ObjectNode all = AnalysisJson.JSON.createObjectNode();
        ArrayNode files = all.putArray("files");
        for (Scored s : scored) {
          files.add(fileJson(s, rules ? RuleReport.of(detector, List.of(s.file().name()),
              s.analysed()) : null));
        }
        if (report != null) {
          all.set("rules", report.json());
        }
        root = all;
      }
      io.out().println(write(root));
    } else {
      for (int i = 0; i < scored.size(); i++) {
        if (i > 0) {
          io.out().println();
        }
        io.out().print(text(scored.get(i)));
      }
      if (report != null) {
        io.out().println();
        io.out().print(report.text());
      }
    }
    io.out().flush();

    int failed = 0;
    boolean below = false;
    for (Scored s : scored) {
      List<String> lines = new ArrayList<>();
      Evaluation e = s.sentences();
      check(lines, "macro-F1", e.macroF1(), minMacroF1,
          "no label has a gold unit or a prediction");
      check(lines, "exact-match rate", e.exactMatchRate(), minExactMatch, null);
      if (minLabelF1 != null) {
        e.labels().values().forEach(l -> check(lines, l.frame().id() + " F1", l.f1(),
            minLabelF1, "no gold unit and no prediction"));
      }
      if (s.documentScores() != null) {
        check(lines, "document exact-match rate", s.documentScores().exactMatchRate(),
            minDocumentExactMatch, null);
      }
      lines.forEach(line -> io.err().println("framelens evaluate: " + s.file().name() + ": "
          + line));
      below |= !lines.isEmpty();
      if (s.file().failed() > 0) {
        io.err().printf("framelens evaluate: %s: %d gold lines could not be used%n",
            s.file().name(), s.file().failed());
        failed += s.file().failed();
      }
    }
    if (failed > 0) {
      return ExitCodes.RECORD_ERRORS;
    }
    return below ? ExitCodes.BELOW_FLOOR : ExitCodes.OK;
  }

  /**
   * The names the reports use: each file's name, or the path as given for files whose names
   * collide, {@code stdin} for {@code -}.
   */
  static List<String> names(List<String> files) {
    List<String> names = new ArrayList<>();
    for (String f : files) {
      names.add(f.equals("-") ? "stdin" : String.valueOf(Path.of(f).getFileName()));
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String name = names.get(i);
      boolean clash = names.stream().filter(name::equals).count() > 1;
      result.add(clash ? files.get(i) : name);
    }
    return result;
  }

  /** Reads a gold file; each line that cannot be used is reported on standard error. */
  private GoldFile read(String path, String name, Io io) {
    List<GoldFile.GoldUnit> units = new ArrayList<>();
    int failed = 0;
    try (Inputs.Source source = Inputs.jsonl(path, io.in(), true, sourceDir)) {
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
          io.err().println("framelens evaluate: " + name + ": " + problem);
          continue;
        }
        JsonNode sourceField = record.extra().get("source");
        String from = sourceField == null || sourceField.isNull()
            || sourceField.asText().isBlank() ? null : sourceField.asText();
        units.add(new GoldFile.GoldUnit(
            new Evaluation.Unit(record.id().asText(), record.text(), labels), from));
      }
    } catch (UncheckedIOException e) {
      throw new UserError(ExitCodes.USAGE, "cannot read " + path + ": " + e.getMessage(), e);
    }
    if (units.isEmpty()) {
      // Nothing to score is no score of 1: an empty file must not pass a floor.
      throw new UserError(ExitCodes.USAGE, (path.equals("-") ? "standard input" : path)
          + ": no gold units (" + (failed == 0 ? "the file is empty"
              : failed + " lines could not be used") + ")");
    }
    return new GoldFile(name, units, failed);
  }

  /**
   * Adds a line to {@code below} when {@code value} is below {@code floor}, or undefined
   * ({@code NaN}, for the reason {@code undefined} gives): an undefined score meets no floor.
   */
  private static void check(List<String> below, String what, double value, Double floor,
      String undefined) {
    if (floor != null && Double.isNaN(value)) {
      below.add(String.format(Locale.ROOT, "%s is undefined (%s), so it cannot meet the floor "
          + "%.3f", what, undefined, floor));
    } else if (floor != null && value < floor) {
      below.add(String.format(Locale.ROOT, "%s %.3f is below the floor %.3f", what, value,
          floor));
    }
  }

  /**
   * One file's text report: the sentence table, then the document table when asked for, then
   * the wrong units. Without documents it is exactly {@link Evaluation#report(boolean)}.
   */
  private String text(Scored s) {
    String full = s.sentences().report(errors);
    if (s.documentScores() == null) {
      return full;
    }
    String table = s.sentences().report(0);
    StringBuilder out = new StringBuilder();
    boolean split = full.startsWith(table);
    out.append(split ? table : full);
    Evaluation d = s.documentScores();
    String documentTable = d.report(0);
    out.append(String.format(Locale.ROOT,
        "%n%s documents: %d documents from %d units (units with the same \"source\" joined "
            + "in id order)%n", s.file().name(), d.units(), s.sentences().units()));
    out.append(documentTable.substring(documentTable.indexOf('\n') + 1));
    if (errors && !d.errors().isEmpty()) {
      out.append(String.format(Locale.ROOT, "  wrong documents (%d):%n", d.errors().size()));
      Map<String, DocumentAssembly.Document> byId = new HashMap<>();
      s.documents().forEach(doc -> byId.putIfAbsent(doc.unit().id(), doc));
      for (Evaluation.Error e : d.errors()) {
        DocumentAssembly.Document doc = byId.get(e.unit().id());
        out.append("    ").append(String.join(", ", doc.unitIds())).append("  gold ")
            .append(e.unit().gold()).append("  predicted ").append(e.predicted());
        if (!e.falsePositives().isEmpty()) {
          out.append("  FP ").append(e.falsePositives());
        }
        if (!e.falseNegatives().isEmpty()) {
          out.append("  FN ").append(e.falseNegatives());
        }
        if (doc.source() != null) {
          out.append("  (source ").append(doc.source()).append(')');
        }
        out.append('\n');
      }
    }
    if (split) {
      out.append(full, table.length(), full.length());
    }
    return out.toString();
  }

  private ObjectNode fileJson(Scored s, RuleReport report) {
    Evaluation e = s.sentences();
    ObjectNode root = AnalysisJson.JSON.createObjectNode();
    root.put("name", e.name());
    root.put("units", e.units());
    scores(root, e);
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
        ArrayNode sentences = node.putArray("sentences");
        for (FrameAnalysis.Sentence sentence : error.sentences()) {
          sentences.addObject().put("start", sentence.start()).put("end", sentence.end())
              .put("text", sentence.text());
        }
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
    if (s.documentScores() != null) {
      Evaluation d = s.documentScores();
      ObjectNode docs = root.putObject("documents");
      docs.put("documents", d.units());
      docs.put("units", e.units());
      scores(docs, d);
      ArrayNode list = docs.putArray("list");
      Map<String, Evaluation.Error> wrong = new HashMap<>();
      d.errors().forEach(err -> wrong.putIfAbsent(err.unit().id(), err));
      for (DocumentAssembly.Document doc : s.documents()) {
        ObjectNode node = list.addObject();
        node.put("id", doc.unit().id());
        node.put("source", doc.source());
        ArrayNode unitIds = node.putArray("units");
        doc.unitIds().forEach(unitIds::add);
        ids(node.putArray("gold"), doc.unit().gold());
        Evaluation.Error err = wrong.get(doc.unit().id());
        ids(node.putArray("predicted"), err == null ? doc.unit().gold() : err.predicted());
        node.put("exact", err == null);
      }
    }
    if (report != null) {
      root.set("rules", report.json());
    }
    return root;
  }

  /**
   * Per-label scores, macro and micro F1 and the exact-match rate; an undefined score is null,
   * and a label with no gold unit and no prediction has {@code "defined": false}.
   */
  private static void scores(ObjectNode root, Evaluation e) {
    ObjectNode labels = root.putObject("labels");
    e.labels().forEach((frame, l) -> {
      ObjectNode node = labels.putObject(frame.id());
      node.put("defined", l.defined());
      AnalysisJson.putRatio(node, "precision", l.precision());
      AnalysisJson.putRatio(node, "recall", l.recall());
      AnalysisJson.putRatio(node, "f1", l.f1());
      node.put("tp", l.truePositives());
      node.put("fp", l.falsePositives());
      node.put("fn", l.falseNegatives());
    });
    AnalysisJson.putRatio(root, "macro_f1", e.macroF1());
    AnalysisJson.putRatio(root, "micro_f1", e.microF1());
    AnalysisJson.putRatio(root, "exact_match", e.exactMatchRate());
  }

  private static String write(JsonNode root) {
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
