package dev.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress display: a bar on a terminal, plain lines in a log, nothing when quiet. */
class ProgressTest {
  private long now;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String err() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void onATerminalABarIsRedrawnInPlaceWithRateAndEta() {
    Progress progress = new Progress(err, true, true, () -> now);
    for (int i = 1; i <= 100; i++) {
      now += 10_000_000L; // 10 ms a document
      progress.tick(i * 1_000L, 200_000L);
    }
    progress.finish(100_000L, 200_000L);
    String shown = err();
    assertTrue(shown.startsWith("\r["), shown);
    assertTrue(shown.contains("]  50% ETA 0:01 100 documents, 100 docs/s"), shown);
    assertTrue(shown.endsWith("\n"), "the bar ends with a new line when done");
  }

  @Test
  void inALogPlainLinesComeEveryFewSeconds() {
    Progress progress = new Progress(err, true, false, () -> now);
    for (int i = 1; i <= 1_200; i++) {
      now += 10_000_000L; // 12 seconds in all
      progress.tick(0, -1);
    }
    progress.finish(0, -1);
    String[] lines = err().split("\n");
    assertEquals(3, lines.length, err());
    assertEquals("framelens: 500 documents, 100 docs/s", lines[0]);
    assertTrue(lines[2].startsWith("framelens: 1,200 documents"), err());
  }

  @Test
  void theLastLineIsNotPrintedTwiceAndOneDocumentIsOne() {
    Progress progress = new Progress(err, true, false, () -> now);
    now += 6_000_000_000L; // one slow document
    progress.tick(100, 100);
    progress.finish(100, 100);
    assertEquals("framelens: 100% 1 document, 0.2 docs/s\n", err());
  }

  @Test
  void onATerminalTheFinalBarIsNotDrawnAgain() {
    Progress progress = new Progress(err, true, true, () -> now);
    now += 6_000_000_000L;
    progress.tick(100, 100);
    progress.finish(100, 100);
    assertEquals(1, err().split("\r", -1).length - 1, err());
    assertTrue(err().endsWith("100% 1 document, 0.2 docs/s   \n"), err());
  }

  @Test
  void aShortRunInALogPrintsNothing() {
    Progress progress = new Progress(err, true, false, () -> now);
    now += 1_000_000_000L;
    progress.tick(10, 10);
    progress.finish(10, 10);
    assertEquals("", err());
  }

  @Test
  void quietPrintsNothing() {
    Progress progress = new Progress(err, false, true, () -> now);
    for (int i = 0; i < 100; i++) {
      now += 1_000_000_000L;
      progress.tick(i, 100);
    }
    progress.finish(100, 100);
    assertEquals("", err());
  }
}
