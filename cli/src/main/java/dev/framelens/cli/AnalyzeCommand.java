package dev.framelens.cli;

import dev.framelens.FrameDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code framelens analyze}: labels, scores, evidence and casualty figures per document. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "Analyse documents: files (each one document, '-' for standard input) or a "
        + "JSONL corpus (--input-jsonl), and report labels, scores, evidence and casualty "
        + "figures per document or per sentence.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  framelens analyze examples/ceasefire-report.txt",
        "  framelens analyze --format jsonl article1.txt article2.txt > out.jsonl",
        "  cat article.txt | framelens analyze -",
        "  framelens analyze --input-jsonl corpus.jsonl --format jsonl --output out.jsonl",
        "  framelens analyze --input-jsonl corpus.jsonl --sentences --format csv",
        "  framelens analyze --lexicon my-rules.fl --threads 8 --input-jsonl corpus.jsonl",
        "",
        "Each line of --input-jsonl is {\"id\": ..., \"text\": ...}; its other fields are "
            + "copied to the output (CSV: one column per field of the first record). A line "
            + "that cannot be analysed becomes {\"id\": ..., \"line\": N, \"error\": ...} and "
            + "the exit code is 3."})
final class AnalyzeCommand implements Callable<Integer> {
  @ParentCommand
  FramelensCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Documents to analyse, one per file; '-' reads standard input.")
  List<String> files = new ArrayList<>();

  @Option(names = "--input-jsonl", paramLabel = "FILE",
      description = "A JSONL corpus ('-' for standard input) instead of FILE arguments.")
  String inputJsonl;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ResultWriter.Format format;

  @Option(names = "--sentences",
      description = "One record per sentence instead of per document.")
  boolean sentences;

  @Mixin
  RunOptions runOptions;

  @Mixin
  EncodingOption encodingOption;

  @Mixin
  DetectorOptions detectorOptions;

  @Override
  public Integer call() {
    if (files.isEmpty() == (inputJsonl == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(), files.isEmpty()
          ? "missing input: give FILE arguments or --input-jsonl FILE"
          : "give either FILE arguments or --input-jsonl, not both");
    }
    int workers = runOptions.workers(spec);
    Inputs.Reading reading = runOptions.reading(spec, encodingOption);
    if (inputJsonl == null) {
      Inputs.checkAnyReadable(files);
    }
    long[] counts = new long[2]; // records, failures
    List<String> inputs = new ArrayList<>(inputJsonl != null ? List.of(inputJsonl) : files);
    inputs.addAll(detectorOptions.files());
    Io io = parent.io;
    try (OutputFile output = runOptions.output(io, inputs)) {
      FrameDetector detector = detectorOptions.detector();
      ResultWriter writer = ResultWriter.of(format, output.stream(), sentences,
          inputJsonl != null, message -> io.err().println("framelens analyze: " + message));
      Progress progress = runOptions.progress(io);
      RecordErrors errors = new RecordErrors(io.err(), "analyze", inputJsonl, reading,
          "framelens analyze");
      try (Inputs.Source source = inputJsonl != null
              ? Inputs.jsonl(inputJsonl, io.in(), false, null, reading)
              : Inputs.files(files, io.in(), reading);
          Pipeline<InputRecord, Outcome> pipeline = new Pipeline<>(workers,
              record -> analyze(detector, record),
              outcome -> {
                writer.write(outcome);
                counts[0]++;
                if (outcome.failed()) {
                  counts[1]++;
                  errors.failed(outcome.record(), describe(outcome));
                } else {
                  errors.ok();
                }
                progress.tick(source.bytesRead(), source.totalBytes());
              })) {
        parent.reading = source::where;
        Pipeline.runOver(source, pipeline, errors, progress);
      }
      writer.finish();
      output.commit();
    }
    if (counts[1] > 0) {
      io.err().printf("framelens analyze: %,d of %,d records could not be analysed%n",
          counts[1], counts[0]);
      return ExitCodes.RECORD_ERRORS;
    }
    return ExitCodes.OK;
  }

  static Outcome analyze(FrameDetector detector, InputRecord record) {
    if (record.failed()) {
      return Outcome.failed(record, record.error());
    }
    try {
      return new Outcome(record, detector.analyze(record.text()), null);
    } catch (RuntimeException e) {
      return Outcome.failed(record, "analysis failed: " + e);
    }
  }

  private static String describe(Outcome outcome) {
    String id = outcome.record().id() == null ? "" : outcome.record().id().asText();
    return (outcome.error().startsWith("line ") || id.isEmpty() ? "" : id + ": ")
        + outcome.error();
  }
}
