package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The oracle of the tests that feed the lexicon loader hostile input ({@link
 * HostileLexiconTest}, {@link LexiconFuzzTest}): what a {@link LexiconException} must say, and
 * what a lexicon that loaded must do.
 */
final class LexiconChecks {
  private LexiconChecks() {}

  /**
   * Every problem has a message and a 1-based line and column, except the file-wide invalid
   * UTF-8 one (line and column 0); a problem in {@code source} points into {@code text} (the
   * file's text as the loader reads it, without the byte order mark it drops, or null if not
   * known): its line exists, its line text is that line, and its column is on it or just past
   * its end.
   */
  static void checkProblems(String source, String text, LexiconException e) {
    assertFalse(e.problems().isEmpty(), () -> "no problems in " + e);
    String[] lines = text == null ? null : text.split("\r\n|\r|\n", -1);
    for (LexiconException.Problem p : e.problems()) {
      assertFalse(p.message().isBlank(), p::toString);
      p.render(); // the caret display must not throw either
      if (p.line() == 0) {
        assertEquals(0, p.column(), () -> "file-wide problem with a column: " + p);
        assertTrue(p.message().startsWith("invalid UTF-8 at byte offset"),
            () -> "problem without a line: " + p);
        continue;
      }
      assertTrue(p.line() >= 1 && p.column() >= 1, () -> "problem without a position: " + p);
      if (lines != null && p.source().equals(source)) {
        assertTrue(p.line() <= lines.length, () -> "line past the end of the text: " + p);
        String line = lines[p.line() - 1];
        assertEquals(line, p.lineText(), () -> "line text of " + p);
        assertTrue(p.column() <= line.length() + 1,
            () -> "column past the end of its line (" + line.length() + " chars): " + p);
      }
    }
  }

  /**
   * A detector over {@code lexicon} analyses {@code texts} and the examples and counter-examples
   * of the lexicon's first rules, and every analysis passes {@link
   * PublicApiPropertiesTest#assertSpans(FrameDetector, String, FrameAnalysis)}.
   */
  static void checkDetector(Lexicon lexicon, List<String> texts) {
    FrameDetector detector = FrameDetector.builder().lexicon(lexicon).build();
    List<String> all = new ArrayList<>(texts);
    lexicon.rules().stream().limit(8).forEach(r -> {
      all.addAll(r.examples());
      all.addAll(r.counterExamples());
    });
    for (String text : all.subList(0, Math.min(all.size(), texts.size() + 24))) {
      PublicApiPropertiesTest.assertSpans(detector, text, detector.analyze(text));
    }
  }

  /** The text without the one leading byte order mark the loader drops. */
  static String withoutBom(String text) {
    return text != null && text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The bytes as strict UTF-8, or null if they are not valid UTF-8. */
  static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
