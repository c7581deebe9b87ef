package dev.framelens.cli;

import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The top command: dispatches to the subcommands. */
@Command(
    name = "framelens",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Detects narrative frames (victory, defeat, survival-as-win, "
        + "casualty-emphasis) in news text and explains each label with evidence.",
    subcommands = {AnalyzeCommand.class, ExplainCommand.class, EvaluateCommand.class,
        DiffCommand.class, LintCommand.class, SuggestCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  framelens analyze examples/ceasefire-report.txt",
        "  framelens analyze --input-jsonl corpus.jsonl --format jsonl --output out.jsonl",
        "  framelens explain examples/ceasefire-report.txt --html report.html",
        "  framelens evaluate --gold gold.jsonl --min-macro-f1 0.9",
        "  framelens diff --lexicon my-rules.fl --against-default corpus.jsonl",
        "  framelens lint --on-default my-rules.fl",
        "  framelens suggest @destroy --pos verb --corpus news.jsonl",
        "",
        "Exit codes:",
        "  0  done",
        "  1  evaluate: a score is below its floor",
        "  2  usage, unreadable input or lexicon errors",
        "  3  some records could not be analysed (each is an error record)",
        "  4  internal error"})
final class FramelensCommand implements Runnable {
  final Io io;

  @Spec
  CommandSpec spec;

  @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean debug;

  /**
   * What the running command is reading (a file, a corpus and its line), for the message when
   * it runs out of memory; null when nothing is read yet.
   */
  volatile Supplier<String> reading = () -> null;

  FramelensCommand(Io io) {
    this.io = io;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
  }
}
