package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the lexicon reader and compiler with Jazzer. Any byte string given
 * as a lexicon must end in a {@link Lexicon} or in a {@link LexiconException} whose problems all
 * point into the text (1-based line and column; line and column 0 only for the file-wide
 * "invalid UTF-8" problem). Anything else, an exception of another type, an assertion failure
 * or an input that takes longer than the timeout, is a finding. A lexicon that compiles must
 * also give a detector that analyses text without an exception.
 *
 * <p>In a normal build this runs in regression mode on the inputs under
 * {@code src/test/resources/dev/framelens/LexiconFuzzTestInputs/lexiconBytes}; with
 * {@code JAZZER_FUZZ=1} it fuzzes (see {@code core/README.md}).
 */
class LexiconFuzzTest {
  private static final String FIXED_SENTENCE =
      "The river garrison did not win, but at least 40 villagers died and the militia "
          + "was still standing.";
  /** The test sentences as one document, analysed with a fuzzed lexicon on top of the base. */
  private static final String DOCUMENT = String.join(" ", TestLexicon.SENTENCES);
  private static final Lexicon BASE = TestLexicon.lexicon();
  private static final Path DIR;
  private static final Path FILE;

  static {
    try {
      DIR = Files.createTempDirectory("framelens-lexicon-fuzz");
      FILE = DIR.resolve("fuzz.fl");
      DIR.toFile().deleteOnExit(); // deleted last
      FILE.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "5m")
  // Jazzer makes this libFuzzer's per-input timeout when fuzzing (a hang is then written as
  // timeout-<sha1> to the inputs directory). In regression mode JUnit applies it to each input,
  // in a separate thread so that a busy loop, which ignores interrupts, fails instead of hanging.
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void lexiconBytes(byte[] data) throws IOException {
    String strict = strictUtf8(data);

    // (a) The bytes as a file on disk. An include can name any file; only bare file names,
    // which resolve inside the fuzzer's own temporary directory, are let through, so that
    // the fuzzer never reads /dev or /proc (or trips Jazzer's path traversal detector).
    String lenient = new String(data, StandardCharsets.UTF_8);
    boolean outsideIncludes = lenient.contains("include") && (lenient.contains("/")
        || lenient.contains("\\"));
    Outcome fromFile = null;
    if (!outsideIncludes) {
      Files.write(FILE, data);
      fromFile = outcome(FILE.toString(), strict, () -> Lexicon.load(FILE));
    }

    // (b) The bytes decoded (malformed sequences become U+FFFD) and given as text, under the
    // file's name so that the two can be compared.
    String name = FILE.toString();
    Outcome fromText = outcome(name, lenient, () -> Lexicon.parse(name, lenient));

    // Valid UTF-8 without includes: reading the file and parsing its text are the same.
    if (fromFile != null && strict != null && !strict.contains("include")) {
      assertEquals(fromText.describe(), fromFile.describe());
    }

    // (c) The text on top of a base lexicon whose sets, rules and blocks it may use, extend
    // and disable.
    outcome(name, lenient, () -> BASE.extend(name, lenient));
  }

  /** Found by this fuzz test: a NUL in an include path threw InvalidPathException. */
  @Test
  void includePathTheFileSystemRejectsIsAProblemOnItsLine() throws IOException {
    Files.writeString(FILE, "lexicon t 1\ninclude a\u0000b.fl\n");
    LexiconException e = assertThrows(LexiconException.class, () -> Lexicon.load(FILE));
    assertEquals(1, e.problems().size(), e::getMessage);
    LexiconException.Problem p = e.problems().get(0);
    assertEquals(List.of(2, 1, "a\u0000b.fl"), List.of(p.line(), p.column(), p.offendingText()));
    // The reason in parentheses is the file system's ("Nul character not allowed" on Unix).
    assertTrue(p.message().startsWith("cannot read included file: not a valid file path ("),
        p::toString);
  }

  /** What reading one lexicon gave, for comparing two ways of reading the same text. */
  private record Outcome(Lexicon lexicon, LexiconException exception) {
    String describe() {
      if (exception != null) {
        return exception.getMessage();
      }
      StringBuilder s = new StringBuilder(lexicon.toString()).append('\n');
      lexicon.rules().forEach(r -> s.append(r).append(' ').append(r.weight()).append(' ')
          .append(r.examples()).append(' ').append(r.counterExamples()).append('\n'));
      for (Frame f : Frame.values()) {
        s.append(f).append('=').append(lexicon.threshold(f)).append('\n');
      }
      return s.toString();
    }
  }

  private interface Read {
    Lexicon read();
  }

  private static Outcome outcome(String name, String text, Read read) {
    Lexicon lexicon;
    try {
      lexicon = read.read();
    } catch (LexiconException e) {
      checkProblems(name, text, e);
      return new Outcome(null, e);
    }
    checkDetector(lexicon);
    return new Outcome(lexicon, null);
  }

  /**
   * Every problem has a line and column (1-based) except the file-wide invalid UTF-8 one; a
   * problem in {@code text} (the file named {@code name}) points into it: its line exists, its
   * line text is that line, and its column is on it or just past its end.
   */
  private static void checkProblems(String name, String text, LexiconException e) {
    assertTrue(!e.problems().isEmpty(), "no problems in " + e);
    String body = text == null ? null : text.startsWith("\uFEFF") ? text.substring(1) : text;
    String[] lines = body == null ? null : body.split("\r\n|\r|\n", -1);
    for (LexiconException.Problem p : e.problems()) {
      if (p.line() == 0) {
        assertEquals(0, p.column(), () -> "file-wide problem with a column: " + p);
        assertTrue(p.message().startsWith("invalid UTF-8"), () -> "problem without a line: " + p);
        continue;
      }
      assertTrue(p.line() >= 1 && p.column() >= 1, () -> "problem without a position: " + p);
      p.render(); // the caret display must not throw either
      if (lines != null && p.source().equals(name)) {
        assertTrue(p.line() <= lines.length, () -> "line past the end of the text: " + p);
        String line = lines[p.line() - 1];
        assertEquals(line, p.lineText(), () -> "line text of " + p);
        assertTrue(p.column() <= line.length() + 1,
            () -> "column past the end of its line (" + line.length() + " chars): " + p);
      }
    }
  }

  /** A detector over the lexicon analyses a fixed sentence and the lexicon's own examples. */
  private static void checkDetector(Lexicon lexicon) {
    FrameDetector detector = FrameDetector.builder().lexicon(lexicon).build();
    List<String> texts = new ArrayList<>(List.of(FIXED_SENTENCE, DOCUMENT));
    lexicon.rules().stream().limit(8).forEach(r -> {
      texts.addAll(r.examples());
      texts.addAll(r.counterExamples());
    });
    for (String text : texts.subList(0, Math.min(texts.size(), 24))) {
      checkSpans(detector, text, detector.analyze(text));
    }
  }

  /**
   * Spans in bounds and equal to their source text, labels consistent with the detector's
   * thresholds. ({@link PublicApiPropertiesTest#assertSpans} does more, but against the
   * thresholds of the test lexicon, which a fuzzed lexicon may change.)
   */
  private static void checkSpans(FrameDetector detector, String text, FrameAnalysis a) {
    assertEquals(text, a.text());
    int previousEnd = 0;
    for (FrameAnalysis.Sentence s : a.sentences()) {
      assertTrue(previousEnd <= s.start() && s.start() < s.end() && s.end() <= text.length(),
          () -> "sentence " + s);
      assertEquals(text.substring(s.start(), s.end()), s.text());
      previousEnd = s.end();
    }
    for (Frame f : Frame.values()) {
      double score = a.score(f);
      assertTrue(score >= 0 && score <= 1, () -> f + " score " + score);
      assertEquals(score >= detector.threshold(f), a.labels().contains(f), f::toString);
    }
    List<Evidence> all = new ArrayList<>(a.evidence());
    all.addAll(a.suppressed());
    for (Evidence e : all) {
      assertSpan(text, e.start(), e.end(), e.text(), e.toString());
      for (Evidence.ModifierHit h : e.modifiers()) {
        assertSpan(text, h.start(), h.end(), h.text(), h.toString());
      }
    }
    for (CasualtyCount c : a.casualtyCounts()) {
      assertSpan(text, c.start(), c.end(), c.text(), c.toString());
    }
  }

  private static void assertSpan(String text, int start, int end, String spanText, String what) {
    assertTrue(0 <= start && start <= end && end <= text.length(), what);
    assertEquals(text.substring(start, end), spanText, what);
  }

  /** The bytes as strict UTF-8, or null if they are not valid UTF-8. */
  private static String strictUtf8(byte[] data) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
