package dev.framelens.cli;

import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
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
        + "speaker), suppressed matches with what cancelled them, per-sentence labels and "
        + "scores, a chart of the document's scores against the thresholds, and the casualty "
        + "figures. The page has no scripts and loads nothing from the network.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  framelens explain examples/ceasefire-report.txt --html report.html",
        "  cat article.txt | framelens explain - --html report.html",
        "  framelens explain article.txt --lexicon my-rules.fl --html report.html",
        "  framelens explain article.txt --title \"Morning edition\" --html - > report.html"})
final class ExplainCommand implements Callable<Integer> {
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

  @Mixin
  DetectorOptions detectorOptions;

  @Mixin
  EncodingOption encodingOption;

  @Override
  public Integer call() {
    Io io = parent.io;
    String text = read(file, io, new Inputs.Reading(encodingOption.encoding, Inputs.MAX_CHARS));
    FrameDetector detector = detectorOptions.detector();
    FrameAnalysis analysis = detector.analyze(text);
    String name = title != null ? title
        : file.equals("-") ? "standard input" : Path.of(file).getFileName().toString();
    String page = HtmlReport.of(name, analysis, detector).render();
    if (html.equals("-")) {
      io.out().print(page);
      io.out().flush();
      return ExitCodes.OK;
    }
    try {
      Files.writeString(Path.of(html), page, StandardCharsets.UTF_8);
    } catch (InvalidPathException e) {
      throw new UserError(ExitCodes.USAGE, "cannot write " + html + ": " + e.getReason(), e);
    } catch (IOException e) {
      throw new UserError(ExitCodes.USAGE, "cannot write " + html + ": " + reason(e), e);
    }
    if (!quiet) {
      io.err().println("framelens explain: wrote " + html + " (labels: "
          + (analysis.labels().isEmpty() ? "none" : analysis.labels().stream()
              .map(Frame::id).collect(Collectors.joining(", "))) + ")");
    }
    return ExitCodes.OK;
  }

  /** The document, strictly decoded as UTF-8, or a one-line {@link UserError}. */
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

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }
}
