package dev.framelens.cli;

import static java.util.Objects.requireNonNull;

import dev.framelens.CasualtyCount;
import dev.framelens.Evidence;
import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * One analysis as a self-contained HTML page: the document with every frame's evidence
 * highlighted in its own colour, hover titles that say which rule matched and how, suppressed
 * matches with the modifier or block that cancelled them, a legend, per-sentence labels and
 * scores, a bar chart of the document's scores against their thresholds, the casualty figures
 * and the full evidence. The page has inline CSS and SVG only: no script, no external resource.
 *
 * <pre>{@code
 * FrameDetector detector = FrameDetector.withDefaultLexicon();
 * String page = HtmlReport.of("report.txt", detector.analyze(text), detector).render();
 * }</pre>
 *
 * <p>The markup of the document text is a contract that the tests check and a user's own
 * stylesheet or scraper can rely on:
 * <ul>
 *   <li>The text is split at every boundary of every evidence span, so highlight elements never
 *       nest. Each stretch covered by evidence or suppressed evidence is one
 *       {@code <mark class="hl ..." data-start="S" data-end="E" title="...">}, with the
 *       stretch's offsets in the analysed text.
 *   <li>Its classes are {@code f-<frame-id>} for each frame whose evidence covers it,
 *       {@code fs-<mask>} choosing the look of that set of frames (one colour, or stripes and
 *       stacked underlines for several), and {@code sup sup-<frame-id>} when a suppressed match
 *       covers it (a dotted underline).
 *   <li>It has class {@code negated} when negated evidence covers it (hatched: white diagonal
 *       bands over its colour) and {@code contested} when contested evidence does (a dashed
 *       outline); the first highlight of such evidence also has {@code negated-start} or
 *       {@code contested-start}, which puts a "¬" or "?" before it (generated content, not
 *       text). Asserted evidence has neither: a solid colour.
 *   <li>Its {@code title} has a line per covering match: the frame, rule id, polarity, weight,
 *       speaker and modifiers; for a suppressed match, the modifier or block that cancelled it.
 *   <li>A frame's {@linkplain #tint tint} is used as a background by highlights and nothing
 *       else on the page, so its pixels in a screenshot are highlighted text.
 * </ul>
 */
final class HtmlReport {
  /**
   * The colours of a frame: {@code strong} for marks, bars, chips and underlines, {@code tint}
   * behind highlighted text only, {@code ink} for text on {@code strong} (a label chip).
   */
  record Colours(String strong, String tint, String ink) {}

  /**
   * How much of a frame's strong colour its tint has, the rest white: light enough to read text
   * on (contrast over 8:1 with the page's ink), dark enough that the four tints stay apart.
   */
  static final double TINT = 0.45;

  /**
   * The frames' colours come from the Okabe–Ito palette (Okabe and Ito, "Color Universal Design",
   * 2002/2008), made to stay distinguishable to readers with any common colour-vision
   * deficiency. Of its colours, four that keep apart under simulated protanopia, deuteranopia and
   * tritanopia, their tints too: orange, blue, sky blue and vermillion. No green: a red and green
   * pair, as the page had, merges for readers with a red-green deficiency (about one man in
   * twelve). No yellow either: too light on white for bars and underlines. Colour is never the
   * only cue: polarity has its own pattern and marker, and every highlight a title.
   */
  private static final Map<Frame, Colours> COLOURS = new EnumMap<>(Map.of(
      Frame.VICTORY, colours("#E69F00"),             // Okabe–Ito orange
      Frame.DEFEAT, colours("#0072B2"),              // Okabe–Ito blue
      Frame.SURVIVAL_AS_WIN, colours("#56B4E9"),     // Okabe–Ito sky blue
      Frame.CASUALTY_EMPHASIS, colours("#D55E00"))); // Okabe–Ito vermillion

  /** The colours of a frame whose strong colour is {@code hex}. */
  private static Colours colours(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    StringBuilder tint = new StringBuilder("#");
    for (int shift = 16; shift >= 0; shift -= 8) {
      int channel = rgb >> shift & 0xFF;
      tint.append(String.format(Locale.ROOT, "%02x",
          Math.round(255 * (1 - TINT) + channel * TINT)));
    }
    String ink = contrast(rgb, 0x000000) >= contrast(rgb, 0xFFFFFF) ? "#000" : "#fff";
    return new Colours(hex.toLowerCase(Locale.ROOT), tint.toString(), ink);
  }

  /** The WCAG 2 contrast ratio of two sRGB colours given as {@code 0xRRGGBB}. */
  static double contrast(int a, int b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /** The WCAG 2 relative luminance of an sRGB colour given as {@code 0xRRGGBB}. */
  static double luminance(int rgb) {
    double[] weights = {0.2126, 0.7152, 0.0722};
    double y = 0;
    for (int i = 0; i < 3; i++) {
      double c = (rgb >> (16 - 8 * i) & 0xFF) / 255.0;
      y += weights[i] * (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
    }
    return y;
  }

  private static final Map<Frame, String> DESCRIPTIONS = new EnumMap<>(Map.of(
      Frame.VICTORY, "an actor is winning, has won or reached its goals",
      Frame.DEFEAT, "an actor is losing, beaten, or failing its goals",
      Frame.SURVIVAL_AS_WIN, "enduring, or not being destroyed, told as success",
      Frame.CASUALTY_EMPHASIS, "the human cost: the dead, wounded, displaced, homes lost"));

  /** The length of a score bar of 1.0 in the chart, in pixels. */
  static final int CHART_TRACK = 190;

  private final String title;
  private final FrameAnalysis analysis;
  private final Map<Frame, Double> thresholds;
  private final String lexicon;

  /**
   * A report.
   *
   * @param title what the page is about, usually the document's file name
   * @param analysis the analysis to show
   * @param thresholds the label threshold of every frame
   * @param lexicon the lexicon's name and version, shown in the header
   */
  HtmlReport(String title, FrameAnalysis analysis, Map<Frame, Double> thresholds,
      String lexicon) {
    this.title = requireNonNull(title, "title");
    this.analysis = requireNonNull(analysis, "analysis");
    this.thresholds = new EnumMap<>(thresholds);
    for (Frame f : Frame.values()) {
      requireNonNull(this.thresholds.get(f), () -> "no threshold for " + f);
    }
    this.lexicon = requireNonNull(lexicon, "lexicon");
  }

  /** A report on {@code analysis}, which {@code detector} made, titled {@code title}. */
  static HtmlReport of(String title, FrameAnalysis analysis, FrameDetector detector) {
    Map<Frame, Double> thresholds = new EnumMap<>(Frame.class);
    for (Frame f : Frame.values()) {
      thresholds.put(f, detector.threshold(f));
    }
    return new HtmlReport(title, analysis, thresholds,
        detector.lexicon().name() + " " + detector.lexicon().version());
  }

  /** The colour pair of {@code frame}. */
  static Colours colours(Frame frame) {
    return COLOURS.get(frame);
  }

  /** The background colour of {@code frame}'s highlights, as {@code #rrggbb}. */
  static String tint(Frame frame) {
    return COLOURS.get(frame).tint();
  }

  /** The CSS class a highlight carries for each frame whose evidence covers it. */
  static String frameClass(Frame frame) {
    return "f-" + frame.id();
  }

  /**
   * The CSS class a highlight carries when evidence of polarity {@code p} covers it:
   * {@code negated} or {@code contested}; none for asserted evidence, the plain look.
   */
  static String polarityClass(Evidence.Polarity p) {
    if (p == Evidence.Polarity.ASSERTED) {
      throw new IllegalArgumentException("asserted evidence has no polarity class");
    }
    return p.id();
  }

  /**
   * The CSS class the first highlight of negated or contested evidence carries besides
   * {@link #polarityClass}, which puts the polarity's {@linkplain #marker marker} before it.
   */
  static String polarityStartClass(Evidence.Polarity p) {
    return polarityClass(p) + "-start";
  }

  /** The sign before negated evidence ("¬") and contested evidence ("?"); none for asserted. */
  static String marker(Evidence.Polarity p) {
    return switch (p) {
      case ASSERTED -> "";
      case NEGATED -> "\u00AC";
      case CONTESTED -> "?";
    };
  }

  /** The CSS class a highlight carries for each frame with a suppressed match covering it. */
  static String suppressedClass(Frame frame) {
    return "sup-" + frame.id();
  }

  // ---------------------------------------------------------------------------------------
  // Segments

  /**
   * A stretch {@code [start, end)} of the text between two consecutive span boundaries, with
   * the evidence and suppressed matches that cover it, in text order.
   */
  record Segment(int start, int end, List<Evidence> evidence, List<Evidence> suppressed) {
    /** The frames of the covering (unsuppressed) evidence. */
    Set<Frame> frames() {
      EnumSet<Frame> set = EnumSet.noneOf(Frame.class);
      evidence.forEach(e -> set.add(e.frame()));
      return set;
    }

    /** The frames of the covering suppressed matches. */
    Set<Frame> suppressedFrames() {
      EnumSet<Frame> set = EnumSet.noneOf(Frame.class);
      suppressed.forEach(e -> set.add(e.frame()));
      return set;
    }

    boolean covered() {
      return !evidence.isEmpty() || !suppressed.isEmpty();
    }
  }

  /**
   * Splits {@code [0, length)} at every start and end of a non-empty span of {@code evidence}
   * and {@code suppressed} (spans are clamped to the text), so that every segment is covered by
   * a fixed set of matches. Covers the whole text, in order; segments with no match are
   * included.
   */
  static List<Segment> segments(int length, List<Evidence> evidence,
      List<Evidence> suppressed) {
    TreeSet<Integer> cuts = new TreeSet<>();
    cuts.add(0);
    cuts.add(length);
    List<Evidence> all = new ArrayList<>(evidence.size() + suppressed.size());
    for (List<Evidence> list : List.of(evidence, suppressed)) {
      for (Evidence e : list) {
        int start = Math.min(e.start(), length);
        int end = Math.min(e.end(), length);
        if (start < end) {
          cuts.add(start);
          cuts.add(end);
          all.add(e);
        }
      }
    }
    all.sort((a, b) -> Integer.compare(a.start(), b.start()));
    List<Segment> segments = new ArrayList<>(cuts.size());
    List<Evidence> active = new ArrayList<>();
    int next = 0;
    Integer previous = null;
    for (int cut : cuts) {
      if (previous != null && previous < cut) {
        int start = previous;
        active.removeIf(e -> e.end() <= start);
        while (next < all.size() && all.get(next).start() <= start) {
          Evidence e = all.get(next++);
          if (e.end() > start) {
            active.add(e);
          }
        }
        List<Evidence> on = new ArrayList<>();
        List<Evidence> off = new ArrayList<>();
        for (Evidence e : active) {
          (e.suppressed() ? off : on).add(e);
        }
        segments.add(new Segment(start, cut, List.copyOf(on), List.copyOf(off)));
      }
      previous = cut;
    }
    return segments;
  }

  // ---------------------------------------------------------------------------------------
  // Rendering

  /** How many chars of page are gathered before they are handed on. */
  private static final int CHUNK = 1 << 16;

  /**
   * Where {@link #spill} hands the page on, while {@link #render(Appendable)} runs: a report is
   * rendered by one thread at a time.
   */
  private Appendable sink;

  /** The page. */
  String render() {
    StringBuilder page = new StringBuilder(8192 + analysis.text().length() * 4);
    try {
      render(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder throws none
    }
    return page.toString();
  }

  /**
   * Writes the page to {@code out} as it is made, in pieces of about {@value #CHUNK} chars, so
   * that the page is never held whole: memory stays that of the analysis however long the page.
   */
  void render(Appendable out) throws IOException {
    sink = out;
    try {
      page(new StringBuilder(2 * CHUNK));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      sink = null;
    }
  }

  /** Hands what {@code h} holds on to the sink once it holds a chunk, or at the end. */
  private void spill(StringBuilder h, boolean end) {
    if (h.length() >= CHUNK || end) {
      try {
        sink.append(h);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      h.setLength(0);
    }
  }

  private void spill(StringBuilder h) {
    spill(h, false);
  }

  /** {@code text[from, to)} escaped, a chunk at a time; a surrogate pair is never split. */
  private void escape(StringBuilder h, String text, int from, int to) {
    while (from < to) {
      int end = (int) Math.min(to, (long) from + CHUNK);
      if (end < to && Character.isHighSurrogate(text.charAt(end - 1))) {
        end++;
      }
      Html.escape(h, text, from, end, false);
      spill(h);
      from = end;
    }
  }

  private void page(StringBuilder h) {
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"framelens\">\n")
        .append("<title>FrameLens: ").append(Html.escape(title)).append("</title>\n")
        .append("<style>\n").append(stylesheet()).append("</style>\n</head>\n<body>\n");
    header(h);
    h.append("<main>\n<div class=\"grid\">\n");
    document(h);
    h.append("<aside class=\"side\">\n");
    chart(h);
    legend(h);
    h.append("</aside>\n</div>\n");
    sentences(h);
    casualties(h);
    evidenceTable(h);
    suppressedTable(h);
    h.append("</main>\n<footer>Made by FrameLens from lexicon ").append(Html.escape(lexicon))
        .append(". This page is self-contained: no scripts, no external resources. Hover "
            + "over highlighted text for the rules behind it.</footer>\n</body>\n</html>\n");
    spill(h, true);
  }

  private void header(StringBuilder h) {
    int sentences = analysis.sentences().size();
    h.append("<header class=\"top\">\n<div>\n<p class=\"kicker\">FrameLens explanation</p>\n")
        .append("<h1>").append(Html.escape(title)).append("</h1>\n<p class=\"meta\">")
        .append(count(analysis.text().length(), "character")).append(" · ")
        .append(count(sentences, "sentence")).append(" · ")
        .append(count(analysis.evidence().size(), "match", "matches")).append(" · ")
        .append(count(analysis.suppressed().size(), "suppressed match", "suppressed matches"))
        .append(" · lexicon ").append(Html.escape(lexicon)).append("</p>\n</div>\n")
        .append("<div class=\"doc-labels\"><span class=\"muted\">Document labels</span> ");
    labelPills(h, analysis.labels());
    h.append("</div>\n</header>\n");
  }

  private static void labelPills(StringBuilder h, Set<Frame> labels) {
    if (labels.isEmpty()) {
      h.append("<span class=\"pill none\">no frame</span>");
    }
    for (Frame f : labels) {
      h.append("<span class=\"pill p-").append(f.id()).append("\">").append(f.id())
          .append("</span>");
    }
  }

  private void document(StringBuilder h) {
    String text = analysis.text();
    h.append("<section class=\"card doc-card\" id=\"document\">\n<h2>Document</h2>\n");
    if (text.isBlank()) {
      h.append("<p class=\"empty\">The document is empty.</p>\n</section>\n");
      return;
    }
    // A badge goes after each labelled sentence; badges sit between segments, never in one.
    List<FrameAnalysis.Sentence> sentences = analysis.sentences();
    int[] badgeAt = new int[sentences.size()];
    for (int i = 0; i < badgeAt.length; i++) {
      badgeAt[i] = Math.min(sentences.get(i).end(), text.length());
    }
    List<Segment> segments = segments(text.length(), analysis.evidence(),
        analysis.suppressed());
    h.append("<div class=\"doc\">");
    int sentence = 0;
    for (Segment s : segments) {
      sentence = badges(h, sentences, badgeAt, sentence, s.start());
      if (!s.covered()) {
        // Plain text may still contain a sentence end; put its badge in place.
        int from = s.start();
        while (sentence < badgeAt.length && badgeAt[sentence] < s.end()) {
          escape(h, text, from, Math.max(from, badgeAt[sentence]));
          from = Math.max(from, badgeAt[sentence]);
          sentence = badges(h, sentences, badgeAt, sentence, from);
        }
        escape(h, text, from, s.end());
        continue;
      }
      highlight(h, text, s);
      spill(h);
    }
    badges(h, sentences, badgeAt, sentence, text.length());
    h.append("</div>\n<p class=\"hint\">Hover over highlighted text to see the frame, rule, "
        + "polarity and speaker; the badge after a sentence links to its scores.</p>\n"
        + "</section>\n");
  }

  /** Writes the badges of the sentences ending at or before {@code offset}. */
  private static int badges(StringBuilder h, List<FrameAnalysis.Sentence> sentences,
      int[] badgeAt, int sentence, int offset) {
    while (sentence < badgeAt.length && badgeAt[sentence] <= offset) {
      FrameAnalysis.Sentence s = sentences.get(sentence);
      if (!s.labels().isEmpty()) {
        StringBuilder tip = new StringBuilder("Sentence ").append(s.index() + 1).append(": ");
        boolean first = true;
        for (Frame f : s.labels()) {
          tip.append(first ? "" : ", ").append(f.id()).append(' ')
              .append(score(s.scores().get(f)));
          first = false;
        }
        h.append("<a class=\"sb\" href=\"#s-").append(s.index() + 1).append("\" data-n=\"")
            .append(s.index() + 1).append("\" title=\"").append(Html.attribute(tip))
            .append("\">");
        for (Frame f : s.labels()) {
          h.append("<i class=\"dot d-").append(f.id()).append("\"></i>");
        }
        h.append("</a>");
      }
      sentence++;
    }
    return sentence;
  }

  private static void highlight(StringBuilder h, String text, Segment s) {
    Set<Frame> frames = s.frames();
    StringBuilder cls = new StringBuilder("hl");
    for (Frame f : frames) {
      cls.append(' ').append(frameClass(f));
    }
    if (!frames.isEmpty()) {
      cls.append(" fs-").append(mask(frames));
    }
    for (Evidence.Polarity p : List.of(Evidence.Polarity.NEGATED, Evidence.Polarity.CONTESTED)) {
      if (s.evidence().stream().anyMatch(e -> e.polarity() == p)) {
        cls.append(' ').append(polarityClass(p));
        if (s.evidence().stream().anyMatch(e -> e.polarity() == p && e.start() == s.start())) {
          cls.append(' ').append(polarityStartClass(p));
        }
      }
    }
    if (!s.suppressed().isEmpty()) {
      cls.append(" sup");
      for (Frame f : s.suppressedFrames()) {
        cls.append(' ').append(suppressedClass(f));
      }
    }
    List<String> lines = new ArrayList<>();
    for (Evidence e : s.evidence()) {
      lines.add(describe(e));
    }
    for (Evidence e : s.suppressed()) {
      lines.add(describe(e));
    }
    h.append("<mark class=\"").append(cls).append("\" data-start=\"").append(s.start())
        .append("\" data-end=\"").append(s.end()).append("\" title=\"")
        .append(Html.attribute(String.join("\n", lines))).append("\">");
    Html.escape(h, text, s.start(), s.end(), false);
    h.append("</mark>");
  }

  /** One line of a highlight's title: what matched, and what became of it. */
  static String describe(Evidence e) {
    StringBuilder s = new StringBuilder();
    if (e.suppressed()) {
      s.append("SUPPRESSED ").append(e.frame().id()).append(": rule ").append(e.ruleId())
          .append(" on \u201C").append(e.text()).append("\u201D, cancelled by ");
      if (e.modifiers().isEmpty()) {
        s.append("a modifier");
      } else {
        Evidence.ModifierHit cause = e.modifiers().get(e.modifiers().size() - 1);
        s.append(cause.effect().equals("block") ? "block " : "modifier ").append(cause.ruleId());
        if (!cause.text().isEmpty()) { // the contest gate acts on the whole document
          s.append(" \u201C").append(cause.text()).append('\u201D');
        }
        s.append(" (").append(cause.effect()).append(')');
      }
      return s.toString();
    }
    s.append(e.frame().id()).append(": rule ").append(e.ruleId());
    if (e.matchedFrame() != e.frame()) {
      s.append(" (matched ").append(e.matchedFrame().id()).append(')');
    }
    s.append(", ").append(e.polarity().id())
        .append(String.format(Locale.ROOT, ", weight %.2f", e.weight()))
        .append(", speaker: ").append(e.speaker().orElse("the author"));
    if (!e.modifiers().isEmpty()) {
      s.append(", via ");
      boolean first = true;
      for (Evidence.ModifierHit m : e.modifiers()) {
        s.append(first ? "" : "; ").append(m.ruleId()).append(" \u201C").append(m.text())
            .append("\u201D (").append(m.effect()).append(')');
        first = false;
      }
    }
    return s.toString();
  }

  private void chart(StringBuilder h) {
    int labelWidth = 140;
    int track = CHART_TRACK;
    int row = 34;
    int top = 8;
    int height = top + row * (Frame.values().length - 1) + 26;
    h.append("<section class=\"card\" id=\"scores\">\n<h2>Frame scores</h2>\n")
        .append("<svg class=\"chart\" viewBox=\"0 0 ")
        .append(labelWidth + track + 48).append(' ').append(height).append("\" width=\"")
        .append(labelWidth + track + 48).append("\" height=\"").append(height)
        .append("\" role=\"img\" aria-labelledby=\"chart-title\">\n")
        .append("<title id=\"chart-title\">Document score per frame, with the label threshold"
            + " as a dashed line</title>\n");
    for (Frame f : Frame.values()) {
      int y = top + f.ordinal() * row;
      double score = clamp(analysis.score(f));
      double threshold = clamp(thresholds.get(f));
      boolean labelled = analysis.labels().contains(f);
      double x = labelWidth + threshold * track;
      h.append("<g class=\"bar b-").append(f.id()).append("\">")
          .append("<title>").append(f.id()).append(": score ").append(score(score))
          .append(", threshold ").append(score(threshold))
          .append(labelled ? " (labelled)" : " (not labelled)").append("</title>")
          .append("<text x=\"0\" y=\"").append(y + 14).append("\" class=\"")
          .append(labelled ? "lab on" : "lab").append("\">").append(f.id())
          .append("</text>")
          .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 2)
          .append("\" width=\"").append(track).append("\" height=\"16\" rx=\"4\" "
              + "class=\"track\"/>")
          .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 2)
          .append("\" width=\"").append(fmt(score * track)).append("\" height=\"16\" rx=\"4\" "
              + "fill=\"").append(COLOURS.get(f).strong()).append("\"/>")
          .append("<line x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x))
          .append("\" y1=\"").append(y - 2).append("\" y2=\"").append(y + 22)
          .append("\" class=\"thr\"/>")
          .append("<text x=\"").append(labelWidth + track + 8).append("\" y=\"").append(y + 14)
          .append("\" class=\"val\">").append(score(score)).append("</text></g>\n");
    }
    h.append("</svg>\n<p class=\"note\">Bars: the document's score, 0 to 1. Dashed line: the "
        + "threshold at which a frame becomes a label (");
    boolean first = true;
    for (Frame f : Frame.values()) {
      h.append(first ? "" : ", ").append(f.id()).append(' ')
          .append(score(thresholds.get(f)));
      first = false;
    }
    h.append(").</p>\n</section>\n");
  }

  private static void legend(StringBuilder h) {
    h.append("<section class=\"card\" id=\"legend\">\n<h2>Legend</h2>\n<ul class=\"legend\">\n");
    for (Frame f : Frame.values()) {
      h.append("<li><span class=\"sw d-").append(f.id()).append("\"></span><span><b>")
          .append(f.id()).append("</b> <span class=\"muted\">").append(DESCRIPTIONS.get(f))
          .append("</span></span></li>\n");
    }
    h.append("<li><span class=\"sample stacked\">abc</span><span>text in the evidence of "
            + "several frames: striped, one underline per frame</span></li>\n")
        .append("<li class=\"lg-asserted\"><span class=\"sample pol\">abc</span><span><b>"
            + "asserted</b> <span class=\"muted\">the frame is stated: solid colour</span>"
            + "</span></li>\n")
        .append("<li class=\"lg-negated\"><span class=\"sample pol ").append(NEGATED)
        .append(' ').append(polarityStartClass(Evidence.Polarity.NEGATED))
        .append("\">abc</span><span><b>negated</b> <span class=\"muted\">a negation or "
            + "failure turned the match into this frame (\u201Ccould not win\u201D is defeat): "
            + "hatched, marked ").append(marker(Evidence.Polarity.NEGATED))
        .append("</span></span></li>\n")
        .append("<li class=\"lg-contested\"><span class=\"sample pol ").append(CONTESTED)
        .append(' ').append(polarityStartClass(Evidence.Polarity.CONTESTED))
        .append("\">abc</span><span><b>contested</b> <span class=\"muted\">doubted, hedged or "
            + "in scare quotes, and still counted: dashed outline, marked ")
        .append(marker(Evidence.Polarity.CONTESTED)).append("</span></span></li>\n")
        .append("<li class=\"lg-suppressed\"><span class=\"sample dotted\">abc</span><span>"
            + "a match a modifier or "
            + "block cancelled (suppressed); it adds nothing to the scores</span></li>\n")
        .append("<li><span class=\"sb sample-badge\" data-n=\"1\"><i class=\"dot d-victory\">"
            + "</i></span><span>after a sentence: its labels, linked to its scores</span></li>\n")
        .append("</ul>\n</section>\n");
  }

  private void sentences(StringBuilder h) {
    List<FrameAnalysis.Sentence> sentences = analysis.sentences();
    h.append("<section class=\"card\" id=\"sentences\">\n<h2>Sentences</h2>\n");
    if (sentences.isEmpty()) {
      h.append("<p class=\"empty\">No sentences.</p>\n</section>\n");
      return;
    }
    h.append("<div class=\"scroll\"><table class=\"sent\">\n<thead><tr><th>#</th>"
        + "<th>Sentence</th><th>Labels</th>");
    for (Frame f : Frame.values()) {
      h.append("<th class=\"num\">").append(f.id()).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (FrameAnalysis.Sentence s : sentences) {
      h.append("<tr id=\"s-").append(s.index() + 1).append('"')
          .append(s.labels().isEmpty() ? " class=\"unlabelled\"" : "").append("><td class=\"n\">")
          .append(s.index() + 1).append("</td><td class=\"stext\">")
          .append(Html.escape(s.text())).append("</td><td class=\"labels\">");
      if (!s.labels().isEmpty()) {
        labelPills(h, s.labels());
      }
      h.append("</td>");
      for (Frame f : Frame.values()) {
        double score = clamp(s.scores().getOrDefault(f, 0.0));
        h.append("<td class=\"num").append(s.labels().contains(f) ? " on" : "")
            .append("\"><span class=\"mini\"><span class=\"fill d-").append(f.id())
            .append("\" style=\"width:").append(fmt(score * 100)).append("%\"></span></span>")
            .append(score(score)).append("</td>");
      }
      h.append("</tr>\n");
      spill(h);
    }
    h.append("</tbody>\n</table></div>\n</section>\n");
  }

  private void casualties(StringBuilder h) {
    List<CasualtyCount> counts = analysis.casualtyCounts();
    h.append("<section class=\"card\" id=\"casualties\">\n<h2>Casualty figures</h2>\n");
    if (counts.isEmpty()) {
      h.append("<p class=\"empty\">No casualty figures stated.</p>\n</section>\n");
      return;
    }
    h.append("<div class=\"scroll\"><table class=\"cas\">\n<thead><tr><th>#</th><th>Kind</th>"
        + "<th>Qualifier</th><th class=\"num\">Low</th><th class=\"num\">Best</th>"
        + "<th class=\"num\">High</th><th>Who</th><th>Text</th><th>Part of</th>"
        + "<th>Sentence</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < counts.size(); i++) {
      CasualtyCount c = counts.get(i);
      h.append("<tr id=\"c-").append(i + 1).append("\"><td class=\"n\">").append(i + 1)
          .append("</td><td>").append(c.kind().id()).append("</td><td>")
          .append(c.qualifier().id()).append("</td><td class=\"num\">").append(number(c.low()))
          .append("</td><td class=\"num\">").append(number(c.best()))
          .append("</td><td class=\"num\">").append(number(c.high())).append("</td><td>")
          .append(Html.escape(c.who().orElse("\u2014"))).append("</td><td class=\"q\">")
          .append(Html.escape(c.text())).append("</td><td>");
      if (c.subsetOf().isPresent()) {
        int of = c.subsetOf().getAsInt() + 1;
        h.append("<a href=\"#c-").append(of).append("\">#").append(of).append("</a>");
      } else {
        h.append("\u2014");
      }
      h.append("</td><td><a href=\"#s-").append(c.sentenceIndex() + 1).append("\">")
          .append(c.sentenceIndex() + 1).append("</a></td></tr>\n");
      spill(h);
    }
    h.append("</tbody>\n</table></div>\n<p class=\"note\">Low, best and high estimates as the "
        + "text gives them; a dash where it gives none.</p>\n</section>\n");
  }

  private void evidenceTable(StringBuilder h) {
    List<Evidence> evidence = analysis.evidence();
    h.append("<section class=\"card\" id=\"evidence\">\n<h2>Evidence</h2>\n");
    if (evidence.isEmpty()) {
      h.append("<p class=\"empty\">No rule matched.</p>\n</section>\n");
      return;
    }
    h.append("<details open><summary>").append(count(evidence.size(), "match", "matches"))
        .append(" behind the scores</summary>\n<div class=\"scroll\"><table class=\"ev\">\n"
            + "<thead><tr><th>Frame</th><th>Text</th><th>Rule</th><th>Polarity</th>"
            + "<th class=\"num\">Weight</th><th>Speaker</th><th>Modifiers</th>"
            + "<th>Sentence</th></tr></thead>\n<tbody>\n");
    for (Evidence e : evidence) {
      h.append("<tr><td><i class=\"dot d-").append(e.frame().id()).append("\"></i>")
          .append(e.frame().id()).append("</td><td class=\"q\">").append(Html.escape(e.text()))
          .append("</td><td><code>").append(Html.escape(e.ruleId())).append("</code>");
      if (e.matchedFrame() != e.frame()) {
        h.append(" <span class=\"muted\">(matched ").append(e.matchedFrame().id())
            .append(")</span>");
      }
      String marker = marker(e.polarity());
      h.append("</td><td>").append(marker.isEmpty() ? "" : "<b class=\"mk\">" + marker
              + "</b> ").append(e.polarity().id()).append("</td><td class=\"num\">")
          .append(score(e.weight())).append("</td><td>")
          .append(Html.escape(e.speaker().orElse("\u2014"))).append("</td><td>");
      modifiers(h, e.modifiers());
      h.append("</td><td><a href=\"#s-").append(e.sentenceIndex() + 1).append("\">")
          .append(e.sentenceIndex() + 1).append("</a></td></tr>\n");
      spill(h);
    }
    h.append("</tbody>\n</table></div>\n</details>\n</section>\n");
  }

  private void suppressedTable(StringBuilder h) {
    List<Evidence> suppressed = analysis.suppressed();
    h.append("<section class=\"card\" id=\"suppressed\">\n<h2>Suppressed matches</h2>\n");
    if (suppressed.isEmpty()) {
      h.append("<p class=\"empty\">No match was cancelled.</p>\n</section>\n");
      return;
    }
    h.append("<p class=\"note\">Matches that a modifier or block cancelled: why a label may be "
        + "absent. They add nothing to the scores.</p>\n<div class=\"scroll\"><table class=\"ev\">"
        + "\n<thead><tr><th>Frame</th><th>Text</th><th>Rule</th><th>Cancelled by</th>"
        + "<th>Sentence</th></tr></thead>\n<tbody>\n");
    for (Evidence e : suppressed) {
      h.append("<tr><td><i class=\"dot d-").append(e.frame().id()).append("\"></i>")
          .append(e.frame().id()).append("</td><td class=\"q\">").append(Html.escape(e.text()))
          .append("</td><td><code>").append(Html.escape(e.ruleId())).append("</code></td><td>");
      modifiers(h, e.modifiers().isEmpty() ? List.of()
          : List.of(e.modifiers().get(e.modifiers().size() - 1)));
      h.append("</td><td><a href=\"#s-").append(e.sentenceIndex() + 1).append("\">")
          .append(e.sentenceIndex() + 1).append("</a></td></tr>\n");
      spill(h);
    }
    h.append("</tbody>\n</table></div>\n</section>\n");
  }

  private static void modifiers(StringBuilder h, List<Evidence.ModifierHit> modifiers) {
    if (modifiers.isEmpty()) {
      h.append("\u2014");
    }
    boolean first = true;
    for (Evidence.ModifierHit m : modifiers) {
      h.append(first ? "" : "<br>").append("<code>").append(Html.escape(m.ruleId()))
          .append("</code> <span class=\"q\">").append(Html.escape(m.text()))
          .append("</span> <span class=\"muted\">").append(Html.escape(m.effect()))
          .append("</span>");
      first = false;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Style

  /** The page's stylesheet, with a rule per set of frames a highlight can cover. */
  static String stylesheet() {
    StringBuilder css = new StringBuilder(BASE_CSS);
    for (Frame f : Frame.values()) {
      Colours c = COLOURS.get(f);
      css.append(".d-").append(f.id()).append("{background:").append(c.strong()).append("}\n")
          .append(".p-").append(f.id()).append("{background:").append(c.strong())
          .append(";color:").append(c.ink()).append("}\n")
          .append("mark.hl.").append(suppressedClass(f)).append("{text-decoration-color:")
          .append(c.strong()).append("}\n");
    }
    css.append(".sample.stacked{box-shadow:inset 0 -2px 0 ")
        .append(COLOURS.get(Frame.VICTORY).strong()).append(",inset 0 -4px 0 ")
        .append(COLOURS.get(Frame.CASUALTY_EMPHASIS).strong()).append("}\n");
    int all = 1 << Frame.values().length;
    for (int mask = 1; mask < all; mask++) {
      List<Frame> frames = new ArrayList<>();
      for (Frame f : Frame.values()) {
        if ((mask & (1 << f.ordinal())) != 0) {
          frames.add(f);
        }
      }
      StringBuilder background = new StringBuilder();
      if (frames.size() == 1) {
        background.append(COLOURS.get(frames.get(0)).tint());
      } else {
        background.append("repeating-linear-gradient(135deg");
        int stripe = 6;
        for (int i = 0; i < frames.size(); i++) {
          String tint = COLOURS.get(frames.get(i)).tint();
          background.append(',').append(tint).append(' ').append(i * stripe).append("px ")
              .append((i + 1) * stripe).append("px");
        }
        background.append(')');
      }
      css.append("mark.hl.fs-").append(mask).append("{background:").append(background)
          .append(";box-shadow:");
      for (int i = 0; i < frames.size(); i++) {
        css.append(i == 0 ? "" : ",").append("inset 0 -").append(2 * (i + 1)).append("px 0 ")
            .append(COLOURS.get(frames.get(i)).strong());
      }
      css.append(";padding-bottom:").append(frames.size() > 2 ? 3 : 1).append("px}\n");
      css.append("mark.hl.fs-").append(mask).append('.').append(NEGATED).append("{background:")
          .append(HATCH).append(',').append(background).append("}\n");
    }
    polarityCss(css);
    return css.toString();
  }

  private static final String NEGATED = polarityClass(Evidence.Polarity.NEGATED);
  private static final String CONTESTED = polarityClass(Evidence.Polarity.CONTESTED);

  /**
   * White diagonal bands laid over the colour of negated evidence: a hatch that tells it from
   * asserted evidence, which is solid, in any colour vision and in greyscale print.
   */
  static final String HATCH = "repeating-linear-gradient(45deg,#fff 0 2px,transparent 2px 7px)";

  /** The colour of the dashed outline around contested evidence. */
  static final String CONTESTED_OUTLINE = "#656d76";

  /** The background of the legend's polarity samples: no frame's colour. */
  private static final String SAMPLE = "#d0d7de";

  /**
   * The look of polarity, which does not depend on colour: negated evidence hatched and marked
   * "¬", contested evidence in a dashed outline and marked "?", asserted evidence solid. The
   * markers are generated content, so they are not part of the text a reader copies; their
   * alternative text says the polarity to a screen reader.
   */
  private static void polarityCss(StringBuilder css) {
    String negatedStart = polarityStartClass(Evidence.Polarity.NEGATED);
    String contestedStart = polarityStartClass(Evidence.Polarity.CONTESTED);
    String negated = marker(Evidence.Polarity.NEGATED);
    String contested = marker(Evidence.Polarity.CONTESTED);
    css.append("mark.hl.").append(CONTESTED).append(",.sample.").append(CONTESTED)
        .append("{outline:2px dashed ").append(CONTESTED_OUTLINE).append(";outline-offset:1px}\n")
        .append('.').append(negatedStart).append("::before,.").append(contestedStart)
        .append("::before{font:700 13px/1 system-ui,sans-serif;color:var(--ink);"
            + "margin:0 2px 0 1px}\n")
        .append('.').append(negatedStart).append("::before{content:\"").append(negated)
        .append("\";content:\"").append(negated).append("\" / \"").append(NEGATED)
        .append(": \"}\n")
        .append('.').append(contestedStart).append("::before{content:\"").append(contested)
        .append("\";content:\"").append(contested).append("\" / \"").append(CONTESTED)
        .append(": \"}\n")
        .append('.').append(negatedStart).append('.').append(contestedStart)
        .append("::before{content:\"").append(negated).append(contested).append("\";content:\"")
        .append(negated).append(contested).append("\" / \"").append(NEGATED).append(", ")
        .append(CONTESTED).append(": \"}\n")
        .append(".sample.pol{background:").append(SAMPLE).append("}\n")
        .append(".sample.pol.").append(NEGATED).append("{background:").append(HATCH).append(',')
        .append(SAMPLE).append("}\n");
  }

  private static final String BASE_CSS = """
      :root{--bg:#f4f5f7;--card:#fff;--ink:#1f2328;--muted:#656d76;--line:#e3e6ea;\
      --head:#f6f8fa;--track:#eceef1}
      *{box-sizing:border-box}
      html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
      body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,\
      "Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
      header.top{display:flex;flex-wrap:wrap;gap:12px 32px;align-items:flex-end;\
      justify-content:space-between;max-width:1240px;margin:0 auto;padding:24px 24px 8px}
      h1{margin:0;font-size:24px;line-height:1.25;overflow-wrap:anywhere}
      h2{margin:0 0 12px;font-size:13px;letter-spacing:.06em;text-transform:uppercase;\
      color:var(--muted)}
      .kicker{margin:0 0 2px;font-size:12px;letter-spacing:.08em;text-transform:uppercase;\
      color:var(--muted)}
      .meta{margin:4px 0 0;color:var(--muted);font-size:13px}
      .muted{color:var(--muted)}
      .doc-labels{display:flex;flex-wrap:wrap;gap:6px;align-items:center;font-size:13px}
      main{max-width:1240px;margin:0 auto;padding:8px 24px 24px}
      .grid{display:grid;grid-template-columns:minmax(0,1fr) 400px;gap:16px;align-items:start}
      @media (max-width:900px){.grid{grid-template-columns:1fr}}
      .card{background:var(--card);border:1px solid var(--line);border-radius:10px;\
      padding:16px 20px;margin:0 0 16px;box-shadow:0 1px 2px rgba(31,35,40,.04)}
      .side .card{margin-bottom:16px}
      .doc{font:17px/2 Georgia,"Iowan Old Style","Times New Roman",serif;white-space:pre-wrap;\
      overflow-wrap:anywhere}
      mark.hl{color:inherit;background:none;padding:1px 0;\
      -webkit-box-decoration-break:clone;box-decoration-break:clone}
      mark.hl.sup{text-decoration-line:underline;text-decoration-style:dotted;\
      text-decoration-thickness:2px;text-underline-offset:5px;text-decoration-color:#6e7781}
      mark.hl[title]{cursor:help}
      .hint,.note{margin:12px 0 0;color:var(--muted);font-size:12.5px}
      .empty{margin:0;color:var(--muted);font-style:italic}
      .pill{display:inline-block;padding:1px 9px;border-radius:999px;font:600 12px/1.6 \
      system-ui,sans-serif;white-space:nowrap}
      .pill.none{background:var(--track);color:var(--muted)}
      td .pill{margin:1px 2px 1px 0}
      .sb{display:inline-flex;gap:2px;align-items:center;margin:0 4px 0 2px;padding:0 5px;\
      border:1px solid var(--line);border-radius:999px;background:#fff;vertical-align:2px;\
      font:600 10px/14px system-ui,sans-serif;color:var(--muted);text-decoration:none;\
      user-select:none;white-space:nowrap}
      .sb::before{content:attr(data-n);margin-right:2px}
      .sb:hover{border-color:var(--muted)}
      .dot{display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:2px;\
      vertical-align:0}
      td .dot{margin-right:6px}
      .chart{display:block;max-width:100%;height:auto;font:12.5px system-ui,sans-serif}
      .chart .lab{fill:var(--ink)}
      .chart .lab.on{font-weight:700}
      .chart .val{fill:var(--muted);font-variant-numeric:tabular-nums}
      .chart .track{fill:var(--track)}
      .chart .thr{stroke:var(--ink);stroke-width:1.5;stroke-dasharray:3 2}
      ul.legend{list-style:none;margin:0;padding:0;display:grid;gap:8px;font-size:13.5px}
      ul.legend li{display:grid;grid-template-columns:44px 1fr;gap:8px;align-items:baseline}
      .sw{display:inline-block;width:14px;height:14px;border-radius:3px;justify-self:center;\
      align-self:center}
      .sample{font-family:Georgia,serif;padding:0 3px;justify-self:center}
      .sample.dotted{text-decoration:underline dotted 2px #6e7781;text-underline-offset:4px}
      .sample-badge{justify-self:center;margin:0}
      .mk{font:700 13px system-ui,sans-serif}
      .scroll{overflow-x:auto}
      table{border-collapse:collapse;width:100%;font-size:13.5px}
      th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);\
      vertical-align:top}
      th{background:var(--head);font-weight:600;font-size:12px;color:var(--muted);\
      white-space:nowrap}
      tbody tr:hover{background:var(--head)}
      tr:target{outline:2px solid #8c959f;outline-offset:-2px}
      td.n{color:var(--muted);font-variant-numeric:tabular-nums}
      table.ev td:first-child{white-space:nowrap}
      .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      td.num.on{font-weight:700}
      tr.unlabelled td.stext{color:var(--muted)}
      td.stext{min-width:280px}
      .mini{display:inline-block;width:40px;height:6px;margin-right:6px;border-radius:3px;\
      background:var(--track);vertical-align:1px;overflow:hidden}
      .mini .fill{display:block;height:100%}
      .q{font-family:Georgia,serif}
      code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--head);\
      padding:1px 4px;border-radius:4px}
      details>summary{cursor:pointer;color:var(--muted);margin-bottom:8px}
      a{color:#0b63c6}
      footer{max-width:1240px;margin:0 auto;padding:0 24px 32px;color:var(--muted);font-size:12px}
      """;

  // ---------------------------------------------------------------------------------------
  // Formatting

  private static int mask(Set<Frame> frames) {
    int mask = 0;
    for (Frame f : frames) {
      mask |= 1 << f.ordinal();
    }
    return mask;
  }

  private static double clamp(double value) {
    return Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
  }

  private static String score(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String number(OptionalLong value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%,d", value.getAsLong()) : "\u2014";
  }

  private static String count(int n, String one) {
    return count(n, one, one + "s");
  }

  private static String count(int n, String one, String many) {
    return String.format(Locale.ROOT, "%,d ", n) + (n == 1 ? one : many);
  }
}
