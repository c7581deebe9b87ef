package dev.framelens.cli;

import dev.framelens.LexiconException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The {@code framelens} command. {@link #run} executes it in-process with given streams, which
 * is how the tests drive it; {@link #main} is what the jar and the {@code ./framelens} launcher
 * run.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    boolean terminal = Boolean.parseBoolean(System.getProperty("framelens.stderr.tty",
        Boolean.toString(System.console() != null)));
    int code = run(args, new Io(System.in, out, err, terminal));
    out.flush();
    System.exit(code);
  }

  /** Runs the command with {@code args} and returns its exit code. */
  public static int run(String[] args, Io io) {
    FramelensCommand top = new FramelensCommand(io);
    CommandLine cl = new CommandLine(top);
    cl.setOut(new PrintWriter(io.out(), true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(io.err(), true, StandardCharsets.UTF_8));
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (top.debug) {
        e.printStackTrace(err);
      }
      if (e instanceof UserError user) {
        err.println("framelens " + commandLine.getCommandName() + ": " + user.getMessage());
        if (user.exitCode() == ExitCodes.USAGE) {
          err.println("Usage: see 'framelens " + commandLine.getCommandName() + " --help'");
        }
        return user.exitCode();
      }
      if (e instanceof LexiconException lexicon) {
        err.println("framelens " + commandLine.getCommandName() + ": the lexicon has errors");
        lexicon.problems().forEach(p -> err.println(p.render()));
        return ExitCodes.USAGE;
      }
      err.println("framelens " + commandLine.getCommandName() + ": internal error: " + e
          + (top.debug ? "" : " (run with --debug for the stack trace)"));
      return ExitCodes.INTERNAL;
    });
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      CommandLine.ParseResult parsed = cl.getParseResult();
      CommandLine.Model.CommandSpec command = parsed != null && parsed.subcommand() != null
          ? parsed.subcommand().commandSpec() : cl.getCommandSpec();
      if (top.debug) {
        e.printStackTrace(io.err());
      }
      io.err().println(outOfMemory(command, top.reading.get()));
      return ExitCodes.INTERNAL;
    }
  }

  /** What to say when {@code command} ran out of memory while reading {@code input}. */
  static String outOfMemory(CommandLine.Model.CommandSpec command, String input) {
    long heap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return "framelens " + command.name() + ": out of memory while analysing "
        + (input != null ? input : "its input") + ": the Java heap (at most " + heap
        + " MiB) is too small for it. Give the JVM more, as in FRAMELENS_JAVA_OPTS=-Xmx"
        + Math.max(2, 4 * heap / 1024) + "g ./framelens ... (or java -Xmx... -jar framelens.jar)"
        + (command.findOption("--max-chars") != null
            ? ", or leave out the longest documents with --max-chars N" : "") + ".";
  }

}
