package dev.framelens.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Reports the records a command could not use on standard error, one line each, but not a
 * flood: after {@value #SHOWN} consecutive lines the input could not use, the next ones are only
 * counted, and when the run of bad lines ends, one line says how many followed and another
 * what the input looks like (a file that is not JSONL at all, usually). The error records are
 * written all the same; only the messages are held back.
 */
final class RecordErrors {
  /** How many consecutive bad input lines are reported one by one. */
  static final int SHOWN = 20;

  private final PrintStream err;
  private final String prefix;
  private final String input;
  private final Inputs.Reading reading;
  private final String asFile;
  private int streak;
  private long hidden;
  private long firstHidden;
  private long lastHidden;
  private boolean described;

  /**
   * Messages for a run of {@code command}.
   *
   * @param input the JSONL corpus read ({@code -} for standard input), or null for FILE
   *     arguments
   * @param asFile the command that analyses a text file as one document, suggested for a file
   *     that looks like plain text, or null
   */
  RecordErrors(PrintStream err, String command, String input, Inputs.Reading reading,
      String asFile) {
    this.err = err;
    this.prefix = "framelens " + command + ": ";
    this.input = input;
    this.reading = reading;
    this.asFile = asFile;
  }

  /**
   * A record that could not be used: {@code message} is shown unless it belongs to a long run
   * of input lines that could not be read.
   */
  void failed(InputRecord record, String message) {
    if (!record.failed()) {
      ok();
      err.println(prefix + message);
      return;
    }
    streak++;
    if (streak <= SHOWN) {
      err.println(prefix + message);
      return;
    }
    if (hidden == 0) {
      firstHidden = record.line();
    }
    hidden++;
    lastHidden = record.line();
  }

  /** A record that was used: the end of a run of bad lines. */
  void ok() {
    streak = 0;
    if (hidden == 0) {
      return;
    }
    err.println(prefix + String.format(Locale.ROOT, "%,d more %s like these followed (lines "
        + "%,d to %,d)", hidden, hidden == 1 ? "line" : "lines", firstHidden, lastHidden));
    hidden = 0;
    if (!described && input != null) {
      described = true;
      String looks = Inputs.looksLike(input, reading.encoding());
      if (looks != null) {
        err.println(prefix + input + " looks like " + looks + ", not JSONL (one JSON object a "
            + "line)" + (looks.equals(Inputs.PLAIN_TEXT) && asFile != null
                ? ": to analyse it as one document, pass it as a FILE argument: " + asFile
                    + " " + input : ""));
      }
    }
  }

  /** The end of the input. */
  void finish() {
    ok();
  }
}
