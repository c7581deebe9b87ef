package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    String strict = LexiconChecks.strictUtf8(data);

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
      LexiconChecks.checkProblems(name, LexiconChecks.withoutBom(text), e);
      return new Outcome(null, e);
    }
    LexiconChecks.checkDetector(lexicon, List.of(FIXED_SENTENCE, DOCUMENT));
    return new Outcome(lexicon, null);
  }
}
