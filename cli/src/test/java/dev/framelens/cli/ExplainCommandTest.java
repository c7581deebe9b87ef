package dev.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.CasualtyCount;
import dev.framelens.Evidence;
import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code framelens explain}, run in-process: exit codes, errors and the page's content. */
class ExplainCommandTest {
  /** Every frame, an overlap of two frames, a quoted speaker, suppressed matches, figures. */
  static final String DOC = """
      The Korvan brigade claimed victory at Tamsk on Monday. "We are still standing," said \
      commander Lira Hosk of the Dessa guard.

      The Selmar front suffered heavy losses near Brill. At least 40 villagers were killed, \
      including 12 children, and about 3,000 people were displaced.
      Officials denied that the brigade had won anything. If the army takes Brill, it would be \
      a victory.
      """;

  /** Markup in a document is text, not markup. */
  static final String HOSTILE = "Officials in Vellmar posted <script>alert(\"pwned\")</script> "
      + "& <b>bold</b> claims on 'Tuesday'; the rebels claimed victory.\n";

  /**
   * One frame's match asserted, negated ("could not capture" is defeat) and contested ("perhaps
   * lost"), each in a line of its own, and an asserted match of every other frame.
   */
  static final String POLARITY = """
      The Selmar front lost the battle for the Orlan pass.
      The rebels could not capture the ridge above the coast.
      The Selmar front perhaps lost the battle for the Orlan pass.
      The Korvan brigade won the battle for Tamsk.
      The town held out against the siege for a month.
      Dozens of villagers were killed in the shelling.
      """;

  private static final FrameDetector DETECTOR = FrameDetector.withDefaultLexicon();

  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  static Result run(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new Io(new ByteArrayInputStream(stdin),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false));
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  static Result run(String... args) {
    return run(new byte[0], args);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private String explain(String text) throws IOException {
    Path doc = write("doc.txt", text);
    Path html = dir.resolve("doc.html");
    Result r = run("explain", doc.toString(), "--html", html.toString());
    assertEquals(0, r.code(), r::toString);
    assertEquals("", r.out(), "the page goes to --html, nothing to standard output");
    assertEquals("framelens explain: wrote " + html + " (labels: "
        + DETECTOR.analyze(text).labels().stream().map(Frame::id)
            .collect(Collectors.joining(", ")) + ")\n", r.err());
    return Files.readString(html, StandardCharsets.UTF_8);
  }

  @Test
  void everyEvidenceSpanIsHighlightedWithItsFrameAndRule() throws IOException {
    String page = explain(DOC);
    FrameAnalysis analysis = DETECTOR.analyze(DOC);
    assertEquals(Set.of(Frame.values()), analysis.labels(), "the test document has every frame");
    List<ReportMarkup.Mark> marks = ReportMarkup.marks(page);
    ReportMarkup.assertEvidenceHighlighted(analysis, marks);
    assertEquals(DOC, ReportMarkup.documentText(page), "the page shows the whole text as is");
    // Every highlight is covered by something, and says so.
    for (ReportMarkup.Mark m : marks) {
      assertFalse(m.title().isBlank(), () -> "untitled highlight " + m);
      assertEquals(DOC.substring(m.start(), m.end()), m.text());
    }
  }

  @Test
  void theQuotedSpeakerIsNamedInTheTitle() throws IOException {
    List<ReportMarkup.Mark> marks = ReportMarkup.marks(explain(DOC));
    Evidence quoted = DETECTOR.analyze(DOC).evidence().stream()
        .filter(e -> e.speaker().isPresent()).findFirst().orElseThrow();
    ReportMarkup.Mark mark = marks.stream().filter(m -> m.start() == quoted.start())
        .findFirst().orElseThrow();
    assertTrue(mark.title().contains("speaker: " + quoted.speaker().get()), mark::toString);
    assertTrue(quoted.speaker().get().contains("Lira Hosk"), quoted::toString);
  }

  @Test
  void overlappingFramesKeepBothColours() throws IOException {
    List<ReportMarkup.Mark> marks = ReportMarkup.marks(explain(DOC));
    ReportMarkup.Mark losses = marks.stream().filter(m -> m.text().equals("heavy losses"))
        .findFirst().orElseThrow(() -> new AssertionError("no highlight of 'heavy losses'"));
    int mask = (1 << Frame.DEFEAT.ordinal()) | (1 << Frame.CASUALTY_EMPHASIS.ordinal());
    assertEquals(Set.of("hl", "f-defeat", "f-casualty-emphasis", "fs-" + mask),
        losses.classes());
    assertTrue(losses.title().contains("defeat: rule ")
        && losses.title().contains("casualty-emphasis: rule "), losses::toString);
    String css = HtmlReport.stylesheet();
    assertTrue(css.contains("mark.hl.fs-" + mask + "{background:repeating-linear-gradient("),
        "several frames are striped");
    assertTrue(css.contains(HtmlReport.tint(Frame.DEFEAT))
        && css.contains(HtmlReport.tint(Frame.CASUALTY_EMPHASIS)));
  }

  @Test
  void partlyOverlappingSpansAreCutAtEveryBoundary() {
    Evidence a = evidence(Frame.VICTORY, "a", 0, 10, false);
    Evidence b = evidence(Frame.DEFEAT, "b", 5, 15, false);
    Evidence c = evidence(Frame.VICTORY, "c", 12, 14, true);
    List<HtmlReport.Segment> segments = HtmlReport.segments(20, List.of(a, b), List.of(c));
    assertEquals(List.of(
        new HtmlReport.Segment(0, 5, List.of(a), List.of()),
        new HtmlReport.Segment(5, 10, List.of(a, b), List.of()),
        new HtmlReport.Segment(10, 12, List.of(b), List.of()),
        new HtmlReport.Segment(12, 14, List.of(b), List.of(c)),
        new HtmlReport.Segment(14, 15, List.of(b), List.of()),
        new HtmlReport.Segment(15, 20, List.of(), List.of())), segments);
  }

  private static Evidence evidence(Frame frame, String rule, int start, int end,
      boolean suppressed) {
    return new Evidence(frame, frame, rule, start, end, "x".repeat(end - start), 0,
        Evidence.Polarity.ASSERTED, 0.5, Optional.empty(),
        suppressed ? List.of(new Evidence.ModifierHit("denial", 0, 1, "x", "drop"))
            : List.of(), suppressed);
  }

  @Test
  void suppressedMatchesAreShownWithWhatCancelledThem() throws IOException {
    String page = explain(DOC);
    FrameAnalysis analysis = DETECTOR.analyze(DOC);
    assertFalse(analysis.suppressed().isEmpty(), "the test document has suppressed matches");
    List<ReportMarkup.Mark> won = ReportMarkup.marks(page).stream()
        .filter(m -> m.text().equals("won")).toList();
    assertEquals(1, won.size(), won::toString);
    assertTrue(won.get(0).classes().containsAll(Set.of("sup", "sup-victory")),
        won.get(0)::toString);
    assertFalse(won.get(0).classes().contains("f-victory"), "a suppressed match is not evidence");
    assertTrue(won.get(0).title().startsWith("SUPPRESSED victory: rule "), won::toString);
    assertTrue(won.get(0).title().contains("\u201Cdenied\u201D"), won::toString);
    assertTrue(HtmlReport.stylesheet().contains("text-decoration-style:dotted"));
    assertTrue(page.contains("<h2>Suppressed matches</h2>"));
  }

  /** Polarity used to be said only in the hover title: all three looked the same. */
  @Test
  void negatedAndContestedMatchesAreMarkedWithoutHovering() throws IOException {
    String page = explain(POLARITY);
    FrameAnalysis analysis = DETECTOR.analyze(POLARITY);
    Set<Evidence.Polarity> polarities = EnumSet.noneOf(Evidence.Polarity.class);
    analysis.evidence().forEach(e -> polarities.add(e.polarity()));
    assertEquals(EnumSet.allOf(Evidence.Polarity.class), polarities,
        () -> "the test document has every polarity: " + analysis.evidence());
    assertEquals(POLARITY, ReportMarkup.documentText(page), "markers are not text");
    List<ReportMarkup.Mark> marks = ReportMarkup.marks(page);
    ReportMarkup.assertEvidenceHighlighted(analysis, marks);
    ReportMarkup.assertPolarityMarked(analysis, marks);

    // The asserted match is plain; the same words negated or contested are not.
    int lostAt = POLARITY.indexOf("lost the battle");
    ReportMarkup.Mark asserted = marks.stream().filter(m -> m.start() == lostAt).findFirst()
        .orElseThrow();
    int defeat = 1 << Frame.DEFEAT.ordinal();
    assertEquals(Set.of("hl", "f-defeat", "fs-" + defeat), asserted.classes());
    ReportMarkup.Mark contested = marks.stream()
        .filter(m -> m.start() == POLARITY.indexOf("lost the battle", lostAt + 1)).findFirst()
        .orElseThrow();
    assertEquals(Set.of("hl", "f-defeat", "fs-" + defeat, "contested", "contested-start"),
        contested.classes());
    ReportMarkup.Mark negated = marks.stream()
        .filter(m -> m.start() == POLARITY.indexOf("capture the ridge")).findFirst()
        .orElseThrow();
    assertEquals(Set.of("hl", "f-defeat", "fs-" + defeat, "negated", "negated-start"),
        negated.classes());

    // The look of each class, which does not depend on colour.
    String css = HtmlReport.stylesheet();
    assertAll(
        () -> assertTrue(css.contains("mark.hl.fs-" + defeat + ".negated{background:"
            + HtmlReport.HATCH + "," + HtmlReport.tint(Frame.DEFEAT) + "}"), "hatched"),
        () -> assertTrue(css.contains("mark.hl.contested,.sample.contested{outline:2px dashed "
            + HtmlReport.CONTESTED_OUTLINE), "outlined"),
        () -> assertTrue(css.contains(".negated-start::before{content:\"\u00AC\""), "marked ¬"),
        () -> assertTrue(css.contains(".contested-start::before{content:\"?\""), "marked ?"),
        () -> assertFalse(css.contains("mark.hl.asserted"), "asserted is the plain look"));

    // The legend explains each polarity and suppressed matches, with the same look.
    String legend = page.substring(page.indexOf("<section class=\"card\" id=\"legend\">"));
    legend = legend.substring(0, legend.indexOf("</section>"));
    for (String entry : List.of(
        "<li class=\"lg-asserted\"><span class=\"sample pol\">abc</span><span><b>asserted</b>",
        "<li class=\"lg-negated\"><span class=\"sample pol negated negated-start\">abc</span>"
            + "<span><b>negated</b>",
        "<li class=\"lg-contested\"><span class=\"sample pol contested contested-start\">abc"
            + "</span><span><b>contested</b>",
        "<li class=\"lg-suppressed\"><span class=\"sample dotted\">")) {
      assertTrue(legend.contains(entry), () -> "the legend lacks " + entry);
    }
    assertTrue(legend.contains("hatched, marked \u00AC") && legend.contains("marked ?"), legend);

    // The evidence table shows the markers too.
    assertTrue(page.contains("<td><b class=\"mk\">\u00AC</b> negated</td>"), "¬ in the table");
    assertTrue(page.contains("<td><b class=\"mk\">?</b> contested</td>"), "? in the table");
  }

  /**
   * The page painted survival-as-win green and casualty-emphasis red, a pair that merges for a
   * reader with a red-green deficiency, and so did their tints.
   */
  @Test
  void framesArePaintedInAColourBlindSafePalette() throws IOException {
    List<String> okabeIto = ColourVision.OKABE_ITO.values().stream()
        .map(c -> c.toLowerCase(Locale.ROOT)).toList();
    List<String> strong = new ArrayList<>();
    List<String> tints = new ArrayList<>();
    for (Frame f : Frame.values()) {
      strong.add(HtmlReport.colours(f).strong());
      tints.add(HtmlReport.colours(f).tint());
    }
    List<String> problems = new ArrayList<>();
    for (ColourVision.Vision vision : ColourVision.Vision.values()) {
      for (List<String> pair : ColourVision.pairs(strong)) {
        double d = ColourVision.distance(vision, pair.get(0), pair.get(1));
        if (d < 15) {
          problems.add(vision + ": " + pair + " only " + Math.round(d) + " ΔE apart");
        }
      }
      for (List<String> pair : ColourVision.pairs(tints)) {
        double d = ColourVision.distance(vision, pair.get(0), pair.get(1));
        if (d < 8) {
          problems.add(vision + ": tints " + pair + " only " + Math.round(d) + " ΔE apart");
        }
      }
    }
    assertTrue(problems.isEmpty(), () -> "frames a reader cannot tell apart: " + problems);
    for (Frame f : Frame.values()) {
      HtmlReport.Colours c = HtmlReport.colours(f);
      assertTrue(okabeIto.contains(c.strong()), () -> f + ": " + c.strong() + " is not one of "
          + "the Okabe–Ito palette " + ColourVision.OKABE_ITO);
      assertEquals(ColourVision.mixWithWhite(c.strong(), HtmlReport.TINT), c.tint(),
          () -> f + ": the tint is the strong colour mixed with white");
      int[] ink = ColourVision.rgb(c.ink());
      double contrast = HtmlReport.contrast(Integer.parseInt(c.strong().substring(1), 16),
          ink[0] << 16 | ink[1] << 8 | ink[2]);
      assertTrue(contrast >= 4.5, () -> f + ": chip text " + c.ink() + " on " + c.strong()
          + " has contrast " + contrast + ", under 4.5:1");
      double text = HtmlReport.contrast(Integer.parseInt(c.tint().substring(1), 16), 0x1f2328);
      assertTrue(text >= 7, () -> f + ": highlighted text on " + c.tint() + " has contrast "
          + text + ", under 7:1");
    }

    // Every colour of the page is a frame's, or a neutral grey, or the link blue.
    String page = explain(DOC);
    Set<String> frameColours = new TreeSet<>(strong);
    frameColours.addAll(tints);
    Set<String> others = new TreeSet<>();
    Matcher hex = Pattern.compile("#[0-9a-fA-F]{6}\\b|#[0-9a-fA-F]{3}\\b").matcher(page);
    while (hex.find()) {
      String c = hex.group().toLowerCase(Locale.ROOT);
      int[] rgb = ColourVision.rgb(c);
      int spread = Math.max(rgb[0], Math.max(rgb[1], rgb[2]))
          - Math.min(rgb[0], Math.min(rgb[1], rgb[2]));
      if (!frameColours.contains(c) && spread > 24 && !c.equals("#0b63c6")) {
        others.add(c);
      }
    }
    assertEquals(Set.of(), others, "colours that are neither a frame's nor grey");
    for (Frame f : Frame.values()) {
      HtmlReport.Colours c = HtmlReport.colours(f);
      String css = HtmlReport.stylesheet();
      assertTrue(css.contains(".d-" + f.id() + "{background:" + c.strong() + "}")
          && css.contains(".p-" + f.id() + "{background:" + c.strong() + ";color:" + c.ink()
              + "}"), () -> f + ": dots, swatches and chips in its colour");
    }
  }

  @Test
  void documentTextIsEscaped() throws IOException {
    String page = explain(HOSTILE);
    assertFalse(page.toLowerCase(Locale.ROOT).contains("<script"), "no script element");
    assertFalse(page.contains("<b>bold"), "no markup from the document");
    assertTrue(page.contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; "
        + "&lt;b&gt;bold&lt;/b&gt; claims on &#39;Tuesday&#39;"), "shown as text");
    assertEquals(HOSTILE, ReportMarkup.documentText(page));
    ReportMarkup.assertEvidenceHighlighted(DETECTOR.analyze(HOSTILE),
        ReportMarkup.marks(page));
  }

  @Test
  void controlCharactersAndTitlesAreEscaped() throws IOException {
    assertEquals("a\uFFFDb\uFFFD&lt;\n\t&amp;&#39;&quot;", Html.escape("a\u0000b\u0007<\n\t&'\""));
    assertEquals("x&#10;y&#9;&lt;z&gt;", Html.attribute("x\ny\t<z>"));
    assertEquals("\uD83D\uDE00 \uFFFD", Html.escape("\uD83D\uDE00 \uD83D"), "pairs kept");
    String page = run(HOSTILE.getBytes(StandardCharsets.UTF_8), "explain", "-", "--title",
        "<i>\"Tamsk\" & co</i>", "--html", "-").out();
    assertTrue(page.contains("<title>FrameLens: &lt;i&gt;&quot;Tamsk&quot; &amp; co&lt;/i&gt;"
        + "</title>"), "the title is escaped");
  }

  @Test
  void lineEndingsSurrogatesAndControlsKeepTheirPlace() throws IOException {
    String text = "Tamsk \uD83C\uDFF3 report\r\n\tThe Korvan brigade claimed victory.\u0000\r\n"
        + "At least 40 villagers were killed.";
    String page = explain(text);
    assertEquals(text.replace('\u0000', '\uFFFD'), ReportMarkup.documentText(page));
    ReportMarkup.assertEvidenceHighlighted(DETECTOR.analyze(text), ReportMarkup.marks(page));
  }

  @Test
  void thePageIsSelfContained() throws IOException {
    String page = explain(DOC).toLowerCase(Locale.ROOT);
    for (String external : List.of("<script", "<link", "<img", "<iframe", "src=", "@import",
        "url(", "http:", "https:", "//")) {
      assertFalse(page.contains(external), () -> "the page contains " + external);
    }
    assertTrue(page.startsWith("<!doctype html>\n<html lang=\"en\">\n<head>\n"
        + "<meta charset=\"utf-8\">"));
    assertTrue(page.contains("<style>") && page.contains("<svg class=\"chart\""));
  }

  @Test
  void labelledSentencesHaveBadgesAndRows() throws IOException {
    String page = explain(DOC);
    for (FrameAnalysis.Sentence s : DETECTOR.analyze(DOC).sentences()) {
      int n = s.index() + 1;
      int row = page.indexOf("<tr id=\"s-" + n + "\"");
      assertTrue(row > 0, "a row for sentence " + n);
      String rowHtml = page.substring(row, page.indexOf("</tr>", row));
      assertTrue(rowHtml.contains(Html.escape(s.text())), rowHtml);
      for (Frame f : Frame.values()) {
        assertEquals(s.labels().contains(f), rowHtml.contains("pill p-" + f.id()),
            () -> "sentence " + n + " " + f + ": " + rowHtml);
        assertTrue(rowHtml.contains(String.format(Locale.ROOT, "%.2f", s.scores().get(f))));
      }
      String badge = "<a class=\"sb\" href=\"#s-" + n + "\"";
      assertEquals(!s.labels().isEmpty(), page.contains(badge), "badge of sentence " + n);
      if (!s.labels().isEmpty()) {
        int at = page.indexOf(badge);
        String badgeHtml = page.substring(at, page.indexOf("</a>", at));
        for (Frame f : s.labels()) {
          assertTrue(badgeHtml.contains("dot d-" + f.id()), badgeHtml);
        }
      }
    }
  }

  @Test
  void theChartShowsEachScoreAndThreshold() throws IOException {
    String page = explain(DOC);
    FrameAnalysis analysis = DETECTOR.analyze(DOC);
    for (Frame f : Frame.values()) {
      int at = page.indexOf("<g class=\"bar b-" + f.id() + "\">");
      assertTrue(at > 0, "a bar for " + f);
      String bar = page.substring(at, page.indexOf("</g>", at));
      String score = String.format(Locale.ROOT, "%.2f", analysis.score(f));
      String threshold = String.format(Locale.ROOT, "%.2f", DETECTOR.threshold(f));
      assertAll(
          () -> assertTrue(bar.contains("score " + score + ", threshold " + threshold), bar),
          () -> assertTrue(bar.contains("class=\"thr\""), bar),
          () -> assertTrue(bar.contains("fill=\"" + HtmlReport.colours(f).strong() + "\""), bar),
          () -> assertTrue(bar.contains(String.format(Locale.ROOT, "width=\"%.1f\"",
              analysis.score(f) * HtmlReport.CHART_TRACK)), bar));
    }
  }

  @Test
  void casualtyFiguresAreTabulated() throws IOException {
    String page = explain(DOC);
    List<CasualtyCount> counts = DETECTOR.analyze(DOC).casualtyCounts();
    assertEquals(3, counts.size(), counts::toString);
    for (int i = 0; i < counts.size(); i++) {
      CasualtyCount c = counts.get(i);
      int at = page.indexOf("<tr id=\"c-" + (i + 1) + "\">");
      assertTrue(at > 0, "a row for figure " + (i + 1));
      String row = page.substring(at, page.indexOf("</tr>", at));
      assertTrue(row.contains("<td>" + c.kind().id() + "</td><td>" + c.qualifier().id()
          + "</td>"), row);
      assertTrue(row.contains(Html.escape(c.text())), row);
      assertTrue(row.contains("<td>" + c.who().orElse("\u2014") + "</td>"), row);
    }
    assertTrue(page.contains("<td class=\"num\">3,000</td>"), "best estimate, grouped");
    assertTrue(page.contains("<a href=\"#c-1\">#1</a>"), "the children are part of figure 1");
  }

  @Test
  void readsStandardInputAndWritesStandardOutput() {
    Result r = run(DOC.getBytes(StandardCharsets.UTF_8), "explain", "-", "--html", "-");
    assertEquals(0, r.code(), r::toString);
    assertEquals("", r.err());
    assertTrue(r.out().contains("<h1>standard input</h1>"), "titled after standard input");
    ReportMarkup.assertEvidenceHighlighted(DETECTOR.analyze(DOC), ReportMarkup.marks(r.out()));
  }

  @Test
  void anEmptyDocumentGivesAPageSayingSo() throws IOException {
    Path doc = write("empty.txt", "");
    Path html = dir.resolve("empty.html");
    Result r = run("explain", "-q", doc.toString(), "--html", html.toString());
    assertEquals(0, r.code(), r::toString);
    assertEquals("", r.err(), "--quiet");
    String page = Files.readString(html);
    assertTrue(page.contains("The document is empty."));
    assertTrue(page.contains("<span class=\"pill none\">no frame</span>"));
  }

  @Test
  void aMissingFileIsAOneLineUsageError() {
    Path html = dir.resolve("out.html");
    Path missing = dir.resolve("no-such-article.txt");
    Result r = run("explain", missing.toString(), "--html", html.toString());
    assertEquals(2, r.code(), r::toString);
    assertEquals("", r.out());
    assertEquals("framelens explain: cannot read " + missing + ": no such file",
        r.err().lines().findFirst().orElse(""));
    assertNoStackTrace(r);
    assertFalse(Files.exists(html), "no page for a missing file");
  }

  @Test
  void aDirectoryOrInvalidUtf8IsAUsageError() throws IOException {
    Result r = run("explain", dir.toString(), "--html", dir.resolve("a.html").toString());
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().startsWith("framelens explain: cannot read " + dir
        + ": not a regular file\n"), r::toString);
    Path bad = Files.write(dir.resolve("bad.txt"), new byte[] {'a', (byte) 0xC3, '(', '\n'});
    r = run("explain", bad.toString(), "--html", dir.resolve("b.html").toString());
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().startsWith("framelens explain: cannot read " + bad
        + ": not valid UTF-8 at byte offset 1 (give --encoding if the file is in another "
        + "encoding)\n"), r::toString);
    assertNoStackTrace(r);
    r = run(new byte[] {(byte) 0xFF}, "explain", "-", "--html", "-");
    assertEquals(2, r.code(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("framelens explain: cannot read -: not valid UTF-8 at byte "
        + "offset 0"), r::toString);
  }

  @Test
  void encodingReadsADocumentInAnotherEncoding() throws IOException {
    Path latin1 = Files.write(dir.resolve("latin1.txt"),
        "The garrison at the caf\u00e9 surrendered.".getBytes(StandardCharsets.ISO_8859_1));
    Path html = dir.resolve("latin1.html");
    Result r = run("explain", "--quiet", "--encoding", "ISO-8859-1", latin1.toString(),
        "--html", html.toString());
    assertEquals(0, r.code(), r::toString);
    assertTrue(Files.readString(html).contains("caf\u00e9"), "the page has the text decoded");
  }

  @Test
  void missingHtmlOrFileIsAUsageError() throws IOException {
    Path doc = write("doc.txt", DOC);
    Result r = run("explain", doc.toString());
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().startsWith("Missing required option: '--html=PAGE'"), r::toString);
    assertEquals("", r.out());
    r = run("explain", "--html", dir.resolve("x.html").toString());
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().startsWith("Missing required parameter: 'FILE'"), r::toString);
  }

  @Test
  void anUnwritablePageIsAOneLineUsageError() throws IOException {
    Path doc = write("doc.txt", DOC);
    Path html = dir.resolve("no-such-dir").resolve("out.html");
    Result r = run("explain", doc.toString(), "--html", html.toString());
    assertEquals(2, r.code(), r::toString);
    assertEquals("framelens explain: cannot write " + html + ": no such directory",
        r.err().lines().findFirst().orElse(""));
    assertNoStackTrace(r);
  }

  @Test
  void aPageThatWouldOverwriteTheDocumentIsRefused() throws IOException {
    Path doc = write("article.txt", DOC);
    Result r = run("explain", doc.toString(), "--html", doc.toString());
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().startsWith("framelens explain: the output " + doc + " is an input ("),
        r::toString);
    assertEquals(DOC, Files.readString(doc), "the article is intact");
  }

  @Test
  void aDocumentOverTheLimitIsRefusedUnlessForced() throws IOException {
    String text = "The quay was quiet. ".repeat(ExplainCommand.MAX_CHARS / 20 + 1);
    Path doc = write("long.txt", text);
    Path html = dir.resolve("long.html");
    Result r = run("explain", doc.toString(), "--html", html.toString());
    assertEquals(2, r.code(), r::toString);
    assertEquals(String.format(Locale.ROOT, "framelens explain: %s has %,d chars, more than "
        + "explain shows (%,d): its page would be too large for a browser; give --force to "
        + "write it all the same, or use 'framelens analyze'", doc, text.length(),
        ExplainCommand.MAX_CHARS), r.err().lines().findFirst().orElse(""), r::toString);
    assertFalse(Files.exists(html));
    r = run("explain", "--quiet", "--force", doc.toString(), "--html", html.toString());
    assertEquals(0, r.code(), r::toString);
    assertTrue(Files.readString(html).endsWith("</html>\n"));
  }

  @Test
  void lexiconOptionsAreHonoured() throws IOException {
    Path doc = write("doc.txt", DOC);
    String html = dir.resolve("x.html").toString();
    Result r = run("explain", "--no-default-lexicon", doc.toString(), "--html", html);
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().startsWith("framelens explain: --no-default-lexicon needs at least one "
        + "--lexicon FILE"), r::toString);
    r = run("explain", "--lexicon", dir.resolve("missing.fl").toString(), doc.toString(),
        "--html", html);
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().startsWith("framelens explain: "), r::toString);
    assertNoStackTrace(r);
    assertFalse(Files.exists(Path.of(html)));
  }

  @Test
  void helpHasExamples() {
    Result r = run("explain", "--help");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("Usage: framelens explain"), r::toString);
    assertTrue(r.out().contains("Examples:\n  framelens explain "), r::toString);
    assertTrue(run("--help").out().contains("explain"), "listed by framelens --help");
  }

  private static void assertNoStackTrace(Result r) {
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r::toString);
    assertTrue(r.err().lines().count() <= 2, "one message (and the usage hint): " + r);
  }
}
