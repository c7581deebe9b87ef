package dev.framelens.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress on standard error, never on standard output: a bar redrawn in place when standard
 * error is a terminal, a plain line every few seconds when it is not (a log file), nothing with
 * {@code --quiet}.
 */
final class Progress {
  private static final long TERMINAL_EVERY_NANOS = 200_000_000L;
  private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

  private final PrintStream err;
  private final boolean enabled;
  private final boolean terminal;
  private final LongSupplier clock;
  private final long start;
  private long lastShown;
  private long documents;
  private boolean drawn;
  private boolean printed;
  /** The documents and bytes of the last line shown, so that the final one is not a repeat. */
  private long shownDocuments = -1;
  private long shownBytes = -1;

  Progress(PrintStream err, boolean enabled, boolean terminal) {
    this(err, enabled, terminal, System::nanoTime);
  }

  /** With a clock of its own, so that a test can let time pass. */
  Progress(PrintStream err, boolean enabled, boolean terminal, LongSupplier clock) {
    this.err = err;
    this.enabled = enabled;
    this.terminal = terminal;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lastShown = start;
  }

  /** One more document done, with the input read so far. */
  void tick(long bytesRead, long totalBytes) {
    documents++;
    if (!enabled) {
      return;
    }
    long now = clock.getAsLong();
    if (now - lastShown < (terminal ? TERMINAL_EVERY_NANOS : PLAIN_EVERY_NANOS)) {
      return;
    }
    lastShown = now;
    show(now, bytesRead, totalBytes);
  }

  /** The final line, and the end of an in-place bar. */
  void finish(long bytesRead, long totalBytes) {
    if (!enabled) {
      return;
    }
    // A run short enough to print nothing on the way prints nothing at the end either, and
    // a final line that would repeat the last one is not shown again.
    if ((drawn || printed) && (documents != shownDocuments || bytesRead != shownBytes)) {
      show(clock.getAsLong(), bytesRead, totalBytes);
    }
    if (terminal && drawn) {
      err.println();
    }
  }

  private void show(long now, long bytesRead, long totalBytes) {
    double seconds = Math.max(1e-9, (now - start) / 1e9);
    double rate = documents / seconds;
    StringBuilder line = new StringBuilder();
    if (totalBytes > 0) {
      double done = Math.min(1.0, (double) bytesRead / totalBytes);
      if (terminal) {
        int width = 30;
        int filled = (int) Math.round(done * width);
        line.append('[').append("=".repeat(filled)).append(" ".repeat(width - filled))
            .append("] ");
      }
      line.append(String.format(Locale.ROOT, "%3.0f%% ", done * 100));
      if (done > 0 && done < 1) {
        long eta = Math.round(seconds / done - seconds);
        line.append(String.format(Locale.ROOT, "ETA %d:%02d ", eta / 60, eta % 60));
      }
    }
    line.append(String.format(Locale.ROOT, rate < 10 ? "%,d %s, %.1f docs/s"
        : "%,d %s, %.0f docs/s", documents, documents == 1 ? "document" : "documents", rate));
    shownDocuments = documents;
    shownBytes = bytesRead;
    if (terminal) {
      err.print("\r" + line + "   ");
      drawn = true;
    } else {
      err.println("framelens: " + line);
      printed = true;
    }
    err.flush();
  }
}
