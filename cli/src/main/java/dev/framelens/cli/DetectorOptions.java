package dev.framelens.cli;

import dev.framelens.FrameDetector;
import dev.framelens.Lexicon;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that choose the lexicon, shared by the commands that analyse text. */
final class DetectorOptions {
  @Option(names = "--lexicon", paramLabel = "FILE",
      description = "A lexicon file added on top of the default lexicon (repeatable; with "
          + "--no-default-lexicon the first is the base the others extend).")
  List<Path> lexicons = new ArrayList<>();

  @Option(names = "--no-default-lexicon",
      description = "Do not use the bundled default English lexicon.")
  boolean noDefaultLexicon;

  /** The lexicon files given, as the inputs a command reads besides its documents. */
  List<String> files() {
    return lexicons.stream().map(Path::toString).toList();
  }

  /** The detector these options describe. */
  FrameDetector detector() {
    return FrameDetector.builder().lexicon(lexicon()).build();
  }

  Lexicon lexicon() {
    if (noDefaultLexicon && lexicons.isEmpty()) {
      throw new UserError(ExitCodes.USAGE,
          "--no-default-lexicon needs at least one --lexicon FILE");
    }
    try {
      Lexicon lexicon = noDefaultLexicon ? Lexicon.load(lexicons.get(0))
          : Lexicon.defaultEnglish();
      for (Path file : noDefaultLexicon ? lexicons.subList(1, lexicons.size()) : lexicons) {
        lexicon = lexicon.extend(file);
      }
      return lexicon;
    } catch (UncheckedIOException e) {
      throw new UserError(ExitCodes.USAGE, e.getMessage(), e);
    }
  }
}
