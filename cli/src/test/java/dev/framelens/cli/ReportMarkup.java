package dev.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.Evidence;
import dev.framelens.FrameAnalysis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the highlight markup of an {@code explain} page back (from the file, or from the DOM a
 * browser serialised), and checks it against the analysis it shows.
 */
final class ReportMarkup {
  /** A {@code <mark class="hl ...">} of the document text. */
  record Mark(Set<String> classes, int start, int end, String title, String text) {}

  private static final Pattern MARK = Pattern.compile(
      "<mark class=\"(hl[^\"]*)\" data-start=\"(\\d+)\" data-end=\"(\\d+)\" title=\"([^\"]*)\">"
          + "([^<]*)</mark>");
  private static final Pattern DOC = Pattern.compile("<div class=\"doc\">(.*?)</div>",
      Pattern.DOTALL);

  private ReportMarkup() {}

  static List<Mark> marks(String html) {
    List<Mark> marks = new ArrayList<>();
    Matcher m = MARK.matcher(html);
    while (m.find()) {
      marks.add(new Mark(new TreeSet<>(Arrays.asList(m.group(1).split(" "))),
          Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), unescape(m.group(4)),
          unescape(m.group(5))));
    }
    return marks;
  }

  /** The document text as the page shows it: the doc element with its tags taken out. */
  static String documentText(String html) {
    Matcher m = DOC.matcher(html);
    assertTrue(m.find(), "no <div class=\"doc\"> in the page");
    return unescape(m.group(1).replaceAll("<[^>]*>", ""));
  }

  static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&#10;", "\n").replace("&#9;", "\t")
        .replace("&#13;", "\r").replace("&nbsp;", "\u00A0").replace("&amp;", "&");
  }

  /**
   * Checks that every character of every piece of evidence is inside a highlight of its frame
   * whose title names its rule, that those highlights are contiguous and spell the evidence
   * text, and the same for suppressed matches with the cause that cancelled them.
   */
  static void assertEvidenceHighlighted(FrameAnalysis analysis, List<Mark> marks) {
    assertFalse(analysis.evidence().isEmpty(), "the test document should have evidence");
    for (Evidence e : analysis.evidence()) {
      String expectedClass = HtmlReport.frameClass(e.frame());
      List<Mark> covering = covering(e, marks);
      for (Mark m : covering) {
        assertTrue(m.classes().contains(expectedClass),
            () -> "highlight " + m + " of " + e + " lacks class " + expectedClass);
        assertTrue(m.title().contains(e.frame().id() + ": rule " + e.ruleId()),
            () -> "title of " + m + " does not name rule " + e.ruleId());
        assertTrue(m.title().contains(e.polarity().id()),
            () -> "title of " + m + " does not name the polarity of " + e);
        assertTrue(m.title().contains("speaker: " + e.speaker().orElse("the author")),
            () -> "title of " + m + " does not name the speaker of " + e);
      }
    }
    for (Evidence e : analysis.suppressed()) {
      String expectedClass = HtmlReport.suppressedClass(e.frame());
      Evidence.ModifierHit cause = e.modifiers().get(e.modifiers().size() - 1);
      for (Mark m : covering(e, marks)) {
        assertTrue(m.classes().contains("sup") && m.classes().contains(expectedClass),
            () -> "highlight " + m + " of suppressed " + e + " lacks class " + expectedClass);
        assertTrue(m.title().contains("SUPPRESSED " + e.frame().id() + ": rule " + e.ruleId()),
            () -> "title of " + m + " does not name suppressed rule " + e.ruleId());
        assertTrue(m.title().contains(cause.ruleId() + " \u201C" + cause.text() + "\u201D"),
            () -> "title of " + m + " does not name the cause " + cause);
      }
    }
  }

  /**
   * Checks that every highlight has class {@code negated} exactly when negated evidence covers
   * it, and {@code contested} when contested evidence does, and that the first highlight of
   * such evidence (only that one) has {@code negated-start} or {@code contested-start}.
   */
  static void assertPolarityMarked(FrameAnalysis analysis, List<Mark> marks) {
    for (Mark m : marks) {
      for (Evidence.Polarity p : List.of(Evidence.Polarity.NEGATED,
          Evidence.Polarity.CONTESTED)) {
        String cls = HtmlReport.polarityClass(p);
        String start = HtmlReport.polarityStartClass(p);
        boolean covered = analysis.evidence().stream()
            .anyMatch(e -> e.polarity() == p && e.start() < m.end() && m.start() < e.end());
        boolean starts = analysis.evidence().stream()
            .anyMatch(e -> e.polarity() == p && e.start() == m.start());
        assertEquals(covered, m.classes().contains(cls),
            () -> "highlight " + m + (covered ? " lacks " : " has ") + "class " + cls);
        assertEquals(starts, m.classes().contains(start),
            () -> "highlight " + m + (starts ? " lacks " : " has ") + "class " + start);
      }
    }
  }

  private static List<Mark> covering(Evidence e, List<Mark> marks) {
    List<Mark> covering = marks.stream()
        .filter(m -> m.start() >= e.start() && m.end() <= e.end()).toList();
    StringBuilder text = new StringBuilder();
    int at = e.start();
    for (Mark m : covering) {
      assertEquals(at, m.start(), () -> "gap in the highlights of " + e + ": " + covering);
      text.append(m.text());
      at = m.end();
    }
    assertEquals(e.end(), at, () -> "highlights of " + e + " stop short: " + covering);
    assertEquals(e.text(), text.toString(), () -> "highlights of " + e + " spell another text");
    return covering;
  }
}
