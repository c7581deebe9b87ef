package dev.framelens.cli;

import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import dev.framelens.Lexicon;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code framelens diff}: runs two lexicons over one corpus and lists the records whose labels
 * differ, with the evidence behind each changed label on both sides.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
        "Compare two lexicons on a JSONL corpus (each line {\"id\": ..., \"text\": ...}): "
            + "list every record whose labels differ, with the evidence for each changed "
            + "label on both sides (rule ids and matched text, kept, turned or suppressed), "
            + "then a summary: per label, how many records gained it and how many lost it.",
        "The old side is the baseline, given by --against FILE or --against-default; the new "
            + "side is the lexicon chosen as in 'analyze' (--lexicon, --no-default-lexicon). "
            + "'+ victory' means the new lexicon labels the record victory and the old one "
            + "does not; '- victory' the reverse.",
        "--against files are added on top of the default lexicon, like --lexicon files; "
            + "--no-default-lexicon applies to both sides: the first --lexicon and the first "
            + "--against file are then each the base of their side. --against-default is the "
            + "bundled default lexicon alone, whatever the new side is.",
        "--format text writes a readable report ending with the summary table; --format jsonl "
            + "writes one object per changed record and, as the last line, "
            + "{\"summary\": {...}}. A corpus line that cannot be used is reported on standard "
            + "error with its line number, counted in the summary, and the exit code is 3; a "
            + "diff with changes exits with 0."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  framelens diff --lexicon my-rules.fl --against-default corpus.jsonl",
        "  framelens diff --lexicon my-rules-v2.fl --against my-rules-v1.fl corpus.jsonl",
        "  framelens diff --no-default-lexicon --lexicon new.fl --against old.fl \\",
        "      corpus.jsonl",
        "  framelens diff --no-default-lexicon --lexicon lexicons/rules/en-default.fl \\",
        "      --against-default --format jsonl corpus.jsonl > changes.jsonl",
        "",
        "Exit codes: 0 done (with or without changes); 2 usage, unreadable file or lexicon "
            + "errors; 3 some corpus lines could not be used."})
final class DiffCommand implements Callable<Integer> {
  /** The output formats of {@code diff}. */
  enum Format { text, jsonl }

  @ParentCommand
  FramelensCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "CORPUS", arity = "1",
      description = "The JSONL corpus ('-' for standard input).")
  String corpus;

  @Option(names = "--against", paramLabel = "FILE",
      description = "The old lexicon: a file on top of the default lexicon (repeatable; with "
          + "--no-default-lexicon the first is the base the others extend).")
  List<Path> against = new ArrayList<>();

  @Option(names = "--against-default",
      description = "The old lexicon is the bundled default lexicon alone.")
  boolean againstDefault;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin
  RunOptions runOptions;

  @Mixin
  EncodingOption encodingOption;

  @Mixin
  DetectorOptions detectorOptions;

  /** A record analysed by both lexicons, or why it could not be. */
  record Compared(InputRecord record, FrameAnalysis old, FrameAnalysis neu, String error) {}

  @Override
  public Integer call() {
    if (against.isEmpty() == !againstDefault) {
      throw new CommandLine.ParameterException(spec.commandLine(), againstDefault
          ? "give either --against FILE or --against-default, not both"
          : "missing baseline: give --against FILE or --against-default");
    }
    int workers = runOptions.workers(spec);
    Inputs.Reading reading = runOptions.reading(spec, encodingOption);
    Inputs.checkReadable(List.of(corpus));
    List<String> inputs = new ArrayList<>(List.of(corpus));
    inputs.addAll(detectorOptions.files());
    against.forEach(file -> inputs.add(file.toString()));
    Io io = parent.io;
    DiffReport report;
    try (OutputFile output = runOptions.output(io, inputs)) {
      FrameDetector newDetector = detectorOptions.detector();
      FrameDetector oldDetector = FrameDetector.builder().lexicon(oldLexicon()).build();
      DiffReport diff = DiffReport.of(format, output.stream(), describeOld(), describeNew());
      Progress progress = runOptions.progress(io);
      RecordErrors errors = new RecordErrors(io.err(), "diff", corpus, reading, null);
      try (Inputs.Source source = Inputs.jsonl(corpus, io.in(), false, null, reading);
          Pipeline<InputRecord, Compared> pipeline = new Pipeline<>(workers,
              record -> compare(oldDetector, newDetector, record),
              compared -> {
                if (compared.error() != null) {
                  errors.failed(compared.record(), compared.error());
                } else {
                  errors.ok();
                }
                diff.add(compared);
                progress.tick(source.bytesRead(), source.totalBytes());
              })) {
        parent.reading = source::where;
        Pipeline.runOver(source, pipeline, errors, progress);
      } catch (UncheckedIOException e) {
        throw new UserError(ExitCodes.USAGE, "cannot read " + corpus + ": " + e.getMessage(),
            e);
      }
      diff.finish();
      output.commit();
      report = diff;
    }
    if (report.failed() > 0) {
      io.err().printf("framelens diff: %,d of %,d corpus lines could not be used%n",
          report.failed(), report.records());
      return ExitCodes.RECORD_ERRORS;
    }
    return ExitCodes.OK;
  }

  static Compared compare(FrameDetector old, FrameDetector neu, InputRecord record) {
    if (record.failed()) {
      return new Compared(record, null, null, record.error());
    }
    try {
      return new Compared(record, old.analyze(record.text()), neu.analyze(record.text()), null);
    } catch (RuntimeException e) {
      String id = record.id() == null ? "" : record.id().asText() + ": ";
      return new Compared(record, null, null, "line " + record.line() + ": " + id
          + "analysis failed: " + e);
    }
  }

  /** The baseline: the default alone, or the --against files as --lexicon files are read. */
  private Lexicon oldLexicon() {
    try {
      if (againstDefault) {
        return Lexicon.defaultEnglish();
      }
      boolean alone = detectorOptions.noDefaultLexicon;
      Lexicon lexicon = alone ? Lexicon.load(against.get(0)) : Lexicon.defaultEnglish();
      for (Path file : alone ? against.subList(1, against.size()) : against) {
        lexicon = lexicon.extend(file);
      }
      return lexicon;
    } catch (UncheckedIOException e) {
      throw new UserError(ExitCodes.USAGE, e.getMessage(), e);
    }
  }

  private String describeOld() {
    return againstDefault ? "default lexicon" : describe(detectorOptions.noDefaultLexicon,
        against);
  }

  private String describeNew() {
    return describe(detectorOptions.noDefaultLexicon, detectorOptions.lexicons);
  }

  private static String describe(boolean alone, List<Path> files) {
    String list = files.stream().map(Path::toString).collect(Collectors.joining(" + "));
    return alone ? list : files.isEmpty() ? "default lexicon" : "default lexicon + " + list;
  }
}
