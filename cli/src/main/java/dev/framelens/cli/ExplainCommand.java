package dev.framelens.cli;

import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code framelens explain}: one document as a self-contained HTML page that shows why each
 * label was given (see {@link HtmlReport}).
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Explain one document as a self-contained HTML page: the text with each "
        + "frame's evidence highlighted in its own colour (hover for the rule, polarity and "
        + "speaker), negated matches hatched and marked \u00AC, contested ones outlined and "
        + "marked ?, suppressed matches with what cancelled them, per-sentence labels and "
        + "scores, a chart of the document's scores against the thresholds, and the casualty "
        + "figures. The page has no scripts and loads nothing from the network.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  framelens explain examples/ceasefire-report.txt --html report.html",
        "  cat article.txt | framelens explain - --html report.html",
        "  framelens explain article.txt --lexicon my-rules.fl --html report.html",
        "  framelens explain article.txt --title \"Morning edition\" --html - > report.html"})
final class ExplainCommand implements Callable<Integer> {
  /**
   * The longest document explained without {@code --force}, in chars: a page shows the text,
   * a row per sentence and per match, some 30 bytes of page per char of news, and a browser
   * stalls on pages much larger than this one's.
   */
  static final int MAX_CHARS = 1_000_000;

  @ParentCommand
  FramelensCommand parent;

  @Parameters(index = "0", paramLabel = "FILE",
      description = "The document to explain; '-' reads standard input.")
  String file;

  @Option(names = "--html", required = true, paramLabel = "PAGE",
      description = "Write the page to this file ('-' for standard output).")
  String html;

  @Option(names = "--title", paramLabel = "TEXT",
      description = "The page's title (default: the file name).")
  String title;

  @Option(names = {"-q", "--quiet"},
      description = "Do not say on standard error where the page was written.")
  boolean quiet;

  @Option(names = "--force",
      description = "Explain a document longer than 1,000,000 chars all the same (its page "
          + "may be too large for a browser).")
  boolean force;

  @Mixin
  DetectorOptions detectorOptions;

  @Mixin
  EncodingOption encodingOption;

  @Override
  public Integer call() {
    Io io = parent.io;
    List<String> inputs = new ArrayList<>(List.of(file));
    inputs.addAll(detectorOptions.files());
    try (OutputFile output = html.equals("-") ? OutputFile.of(io.out())
        : OutputFile.create(html, inputs)) {
      parent.reading = () -> file;
      String text = read(file, io, new Inputs.Reading(encodingOption.encoding,
          Inputs.MAX_CHARS, true, false));
      if (text.length() > MAX_CHARS && !force) {
        throw new UserError(ExitCodes.USAGE, String.format(Locale.ROOT, "%s has %,d chars, "
            + "more than explain shows (%,d): its page would be too large for a browser; give "
            + "--force to write it all the same, or use 'framelens analyze'", file,
            text.length(), MAX_CHARS));
      }
      FrameDetector detector = detectorOptions.detector();
      FrameAnalysis analysis = detector.analyze(text);
      String name = title != null ? title
          : file.equals("-") ? "standard input" : Path.of(file).getFileName().toString();
      try {
        HtmlReport.of(name, analysis, detector).render(output.stream());
      } catch (IOException e) {
        throw new UserError(ExitCodes.USAGE, "cannot write " + html + ": "
            + OutputFile.reason(e), e); // a PrintStream throws none; it tells commit()
      }
      output.commit();
      if (!quiet && !html.equals("-")) {
        io.err().println("framelens explain: wrote " + html + " (labels: "
            + (analysis.labels().isEmpty() ? "none" : analysis.labels().stream()
                .map(Frame::id).collect(Collectors.joining(", "))) + ")");
      }
    }
    return ExitCodes.OK;
  }

  /** The document, strictly decoded, or a one-line {@link UserError}. */
  private static String read(String name, Io io, Inputs.Reading reading) {
    Inputs.checkReadable(List.of(name));
    try (Inputs.Source source = Inputs.files(List.of(name), io.in(), reading)) {
      InputRecord record = source.next();
      if (record.failed()) {
        String error = record.error();
        throw new UserError(ExitCodes.USAGE, "cannot read " + name + ": "
            + (error.startsWith("cannot read: ") ? error.substring(13) : error));
      }
      return record.text();
    }
  }
}
