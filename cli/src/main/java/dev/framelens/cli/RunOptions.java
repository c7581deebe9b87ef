package dev.framelens.cli;

import java.nio.file.Path;
import java.util.Collection;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Threads, output file and quiet: the options of the commands that run over a corpus. */
final class RunOptions {
  @Option(names = "--threads", paramLabel = "N",
      description = "Analyse on N threads (default: the available processors); the output "
          + "keeps the input's order.")
  Integer threads;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the results to FILE instead of standard output: to a temporary "
          + "file moved into place at the end, so a failed run leaves FILE as it was; FILE may "
          + "not be an input.")
  Path output;

  @Option(names = {"-q", "--quiet"}, description = "No progress on standard error.")
  boolean quiet;

  @Option(names = "--max-chars", paramLabel = "N",
      description = "A document, or a string of a JSONL line, longer than N chars becomes an "
          + "error record (default: 104,857,600, 100 MiB, the largest tested).")
  int maxChars = Inputs.MAX_CHARS;

  /** The number of threads, checked. */
  int workers(CommandSpec spec) {
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--threads must be at least 1: " + workers);
    }
    return workers;
  }

  /** How documents are read: {@code encoding} and {@code --max-chars}, checked. */
  Inputs.Reading reading(CommandSpec spec, EncodingOption encoding) {
    if (maxChars < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--max-chars must be at least 1: " + maxChars);
    }
    return new Inputs.Reading(encoding.encoding, maxChars, true, true);
  }

  /**
   * Where the results go: {@code --output FILE}, else standard output. The file must not be one
   * of {@code inputs}; it takes its place only when the command commits it.
   */
  OutputFile output(Io io, Collection<String> inputs) {
    return output == null ? OutputFile.of(io.out())
        : OutputFile.create(output.toString(), inputs);
  }

  Progress progress(Io io) {
    return new Progress(io.err(), !quiet, io.errIsTerminal());
  }
}
