package dev.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.framelens.Evidence;
import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders {@code explain} pages in a real headless Chromium and checks that the highlights are
 * really drawn: the browser's DOM holds every highlight of the file, and a screenshot holds
 * pixels of every highlighted frame's colour; and that polarity is drawn and frames are in the
 * palette, by looking at the pixels where the browser says a highlight, chip or swatch is.
 *
 * <p>Runs with the browser the system property {@code framelens.chromium} names (the build
 * passes {@code -Dframelens.chromium=...} through), and then fails if that binary is missing or
 * rendering fails; without the property, with the first Chromium or Chrome found on the
 * {@code PATH} or at the usual install locations ({@link #findChromium}). Only when there is
 * none is it skipped, with a message on standard output.
 */
class ExplainBrowserTest {
  private static final String PROPERTY = "framelens.chromium";
  private static final long TIMEOUT_SECONDS = 90;
  /** Highlight pixels each frame must add to a screenshot, net of the page without evidence. */
  private static final int MIN_TINT_PIXELS = 400;
  /** Bar-chart pixels each scored frame must add, net of the page without evidence. */
  private static final int MIN_BAR_PIXELS = 300;

  /** More defeat, which the shared test document only has in stripes with casualties. */
  static final String DEFEAT = "The Selmar front lost the battle for the Orlan pass.\n";

  /** A document with no frame at all: the same page, without any highlight or bar. */
  static final String PLAIN = "The council of Dovrel met on Tuesday to plan repairs to the "
      + "harbour road.\n";

  @TempDir
  Path dir;

  @Test
  void chromiumRendersEveryFramesHighlights() throws Exception {
    Path chromium = chromium();
    String text = ExplainCommandTest.DOC + ExplainCommandTest.HOSTILE + DEFEAT;
    FrameAnalysis analysis = FrameDetector.withDefaultLexicon().analyze(text);
    FrameAnalysis plain = FrameDetector.withDefaultLexicon().analyze(PLAIN);
    assertTrue(plain.evidence().isEmpty() && plain.suppressed().isEmpty()
        && plain.labels().isEmpty(), () -> "the control document must match nothing: " + plain);
    Set<Frame> highlighted = EnumSet.noneOf(Frame.class);
    analysis.evidence().forEach(e -> highlighted.add(e.frame()));
    assertEquals(EnumSet.allOf(Frame.class), highlighted, "the test document has every frame");

    Path page = explain(text, "page");
    Path control = explain(PLAIN, "control");
    String html = Files.readString(page, StandardCharsets.UTF_8);

    // Three browsers at once: the DOM of the page, and screenshots of both pages.
    Path pageShot = dir.resolve("page.png");
    Path controlShot = dir.resolve("control.png");
    CompletableFuture<String> dom = CompletableFuture.supplyAsync(
        () -> chrome(chromium, "dom", page, "--dump-dom"));
    CompletableFuture<String> shot = CompletableFuture.supplyAsync(
        () -> chrome(chromium, "shot", page, "--screenshot=" + pageShot,
            "--window-size=1200,1600"));
    CompletableFuture<String> controlRun = CompletableFuture.supplyAsync(
        () -> chrome(chromium, "control", control, "--screenshot=" + controlShot,
            "--window-size=1200,1600"));
    CompletableFuture.allOf(dom, shot, controlRun).join();

    // The browser parsed every highlight as a highlight, with its classes, offsets and text.
    String rendered = dom.get();
    List<ReportMarkup.Mark> fileMarks = ReportMarkup.marks(html);
    List<ReportMarkup.Mark> domMarks = ReportMarkup.marks(rendered);
    assertFalse(fileMarks.isEmpty());
    assertEquals(fileMarks, domMarks, "the browser's DOM holds the file's highlights");
    ReportMarkup.assertEvidenceHighlighted(analysis, domMarks);
    assertEquals(text, ReportMarkup.documentText(rendered), "the DOM shows the text as is");
    assertFalse(rendered.toLowerCase(Locale.ROOT).contains("<script"),
        "the document's <script> stayed text");
    for (Frame f : Frame.values()) {
      assertTrue(domMarks.stream().anyMatch(m -> m.classes().contains(HtmlReport.frameClass(f))),
          "a highlight of " + f + " in the DOM");
    }

    // The screenshot holds each frame's highlight colour, which nothing else on the page uses,
    // and each scored frame's bar; the page without evidence holds neither.
    BufferedImage image = read(pageShot);
    BufferedImage baseline = read(controlShot);
    assertEquals(1200, image.getWidth());
    Map<Frame, String> report = new EnumMap<>(Frame.class);
    List<String> problems = new ArrayList<>();
    for (Frame f : Frame.values()) {
      HtmlReport.Colours colours = HtmlReport.colours(f);
      int tint = count(image, colours.tint());
      int tintBaseline = count(baseline, colours.tint());
      int bar = count(image, colours.strong());
      int barBaseline = count(baseline, colours.strong());
      report.put(f, "tint " + tint + " (without evidence " + tintBaseline + "), strong " + bar
          + " (without evidence " + barBaseline + ")");
      if (tintBaseline > 0) {
        problems.add(f + ": its highlight colour " + colours.tint()
            + " appears on a page without evidence");
      }
      if (tint - tintBaseline < MIN_TINT_PIXELS) {
        problems.add(f + ": fewer than " + MIN_TINT_PIXELS + " highlight pixels of "
            + colours.tint());
      }
      if (analysis.score(f) > 0 && bar - barBaseline < MIN_BAR_PIXELS) {
        problems.add(f + ": fewer than " + MIN_BAR_PIXELS + " bar pixels of "
            + colours.strong());
      }
    }
    System.out.println("explain page in Chromium, pixels per frame: " + report);
    assertTrue(problems.isEmpty(), () -> problems + "\n" + report + "\nscreenshot: "
        + pageShot);
  }

  /**
   * Measures a copy of the page in the browser: for each highlight of the document, its boxes,
   * its text's boxes (without the marker before it), its computed background, outline and
   * marker; for each frame's chip and legend swatch, its box and background. Writes them, one
   * line each and URI-encoded, to an attribute of the root element, which does not move
   * anything: a screenshot of the copy is a screenshot of the page.
   */
  private static final String PROBE = """
      <script>
      (function () {
        var lines = [];
        function boxes(list) {
          return Array.prototype.map.call(list, function (r) {
            return [r.left, r.top, r.right, r.bottom].join(',');
          }).join(';');
        }
        document.querySelectorAll('.doc mark.hl').forEach(function (m) {
          var cs = getComputedStyle(m);
          var text = document.createRange();
          text.selectNodeContents(m);
          lines.push(['mark', m.dataset.start, boxes(m.getClientRects()),
            boxes(text.getClientRects()), cs.backgroundColor, cs.backgroundImage,
            cs.outlineStyle + ' ' + cs.outlineColor, getComputedStyle(m, '::before').content
          ].join('|'));
        });
        document.querySelectorAll('.doc-labels .pill, #legend .sw').forEach(function (e) {
          lines.push([e.classList.contains('pill') ? 'pill' : 'swatch', e.className,
            boxes(e.getClientRects()), '', getComputedStyle(e).backgroundColor].join('|'));
        });
        document.documentElement.setAttribute('data-probe',
          encodeURIComponent(lines.join('\\n')));
      })();
      </script>
      """;

  /** What {@link #PROBE} measured of an element. */
  record Probed(String kind, String key, List<Box> boxes, List<Box> textBoxes, int[] background,
      String backgroundImage, String outline, String before) {
    Box box() {
      return boxes.get(0);
    }

    Box textBox() {
      return textBoxes.get(0);
    }
  }

  /** A box of the page in CSS pixels, which are screenshot pixels at scale factor 1. */
  record Box(double left, double top, double right, double bottom) {
    static List<Box> parse(String s) {
      List<Box> boxes = new ArrayList<>();
      for (String b : s.isEmpty() ? new String[0] : s.split(";")) {
        String[] v = b.split(",");
        boxes.add(new Box(Double.parseDouble(v[0]), Double.parseDouble(v[1]),
            Double.parseDouble(v[2]), Double.parseDouble(v[3])));
      }
      return boxes;
    }
  }

  /** The Okabe–Ito colour each frame is painted in. */
  private static final Map<Frame, String> PALETTE = Map.of(
      Frame.VICTORY, ColourVision.OKABE_ITO.get("orange"),
      Frame.DEFEAT, ColourVision.OKABE_ITO.get("blue"),
      Frame.SURVIVAL_AS_WIN, ColourVision.OKABE_ITO.get("sky blue"),
      Frame.CASUALTY_EMPHASIS, ColourVision.OKABE_ITO.get("vermillion"));

  /**
   * Polarity used to show only in the hover title, and the frames were a red and a green: in a
   * screenshot, the same words asserted, negated and contested, and each frame's highlight,
   * chip and swatch.
   */
  @Test
  void polarityIsDrawnAndFramesAreInThePalette() throws Exception {
    Path chromium = chromium();
    String text = ExplainCommandTest.POLARITY;
    FrameAnalysis analysis = FrameDetector.withDefaultLexicon().analyze(text);
    Path page = explain(text, "polarity");
    Path probe = Files.writeString(dir.resolve("probe.html"), Files.readString(page,
        StandardCharsets.UTF_8).replace("</body>", PROBE + "</body>"), StandardCharsets.UTF_8);
    Path shot = dir.resolve("polarity.png");
    CompletableFuture<String> dom = CompletableFuture.supplyAsync(
        () -> chrome(chromium, "probe", probe, "--dump-dom", "--window-size=1200,1600",
            "--force-device-scale-factor=1"));
    CompletableFuture<String> screenshot = CompletableFuture.supplyAsync(
        () -> chrome(chromium, "polarity", probe, "--screenshot=" + shot,
            "--window-size=1200,1600", "--force-device-scale-factor=1"));
    CompletableFuture.allOf(dom, screenshot).join();
    List<Probed> probed = probed(dom.get());
    BufferedImage image = read(shot);
    assertEquals(1200, image.getWidth(), "a CSS pixel is a screenshot pixel");

    int lost = text.indexOf("lost the battle");
    Probed asserted = mark(probed, lost);
    Probed negated = mark(probed, text.indexOf("capture the ridge"));
    Probed contested = mark(probed, text.indexOf("lost the battle", lost + 1));
    String tint = ColourVision.mixWithWhite(PALETTE.get(Frame.DEFEAT), HtmlReport.TINT);
    Map<String, String> report = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    Map<String, Probed> polarities = new LinkedHashMap<>();
    polarities.put("asserted", asserted);
    polarities.put("negated", negated);
    polarities.put("contested", contested);
    for (Map.Entry<String, Probed> entry : polarities.entrySet()) {
      String name = entry.getKey();
      Probed m = entry.getValue();
      Box inside = inset(m.textBox(), 2);
      double tinted = share(image, inside, tint);
      double white = share(image, inside, "#ffffff");
      int outline = band(image, m.box(), HtmlReport.CONTESTED_OUTLINE);
      int marker = dark(image, new Box(m.box().left(), m.box().top() + 2, m.textBox().left(),
          m.box().bottom() - 2));
      report.put(name, String.format(Locale.ROOT, "tint %.2f, white %.2f, outline %d px, "
          + "marker %d px (%s), background-image %s", tinted, white, outline, marker,
          m.before(), m.backgroundImage()));
      if (!Arrays.equals(ColourVision.rgb(tint), m.background())) {
        problems.add(name + ": background " + Arrays.toString(m.background())
            + " is not the defeat tint " + tint);
      }
      if (tinted < (m == negated ? 0.25 : 0.5)) {
        problems.add(name + ": too few pixels of the defeat tint " + tint);
      }
      if (m == negated ? white < 0.12 : white > 0.01) {
        problems.add(name + ": " + (m == negated ? "not hatched" : "hatched"));
      }
      if (m == contested ? outline < 40 : outline > 0) {
        problems.add(name + ": " + (m == contested ? "no" : "a") + " dashed outline");
      }
      String content = m == asserted ? "none" : m == negated ? "\"\u00AC\"" : "\"?\"";
      if (m == asserted ? marker > 0 : marker < 8 || !m.before().startsWith(content)) {
        problems.add(name + ": " + (m == asserted ? "a" : "no") + " marker " + content);
      }
      if (m == negated != m.backgroundImage().startsWith("repeating-linear-gradient(45deg")) {
        problems.add(name + ": background-image " + m.backgroundImage());
      }
    }

    // Every frame's asserted highlight, chip and swatch is in its Okabe–Ito colour.
    for (Frame f : Frame.values()) {
      String strong = PALETTE.get(f);
      String frameTint = ColourVision.mixWithWhite(strong, HtmlReport.TINT);
      Evidence first = analysis.evidence().stream()
          .filter(e -> e.frame() == f && e.polarity() == Evidence.Polarity.ASSERTED)
          .findFirst().orElseThrow(() -> new AssertionError("no asserted " + f));
      Probed m = mark(probed, first.start());
      Probed pill = probed.stream().filter(p -> p.kind().equals("pill")
          && p.key().contains("p-" + f.id())).findFirst().orElseThrow();
      Probed swatch = probed.stream().filter(p -> p.kind().equals("swatch")
          && p.key().contains("d-" + f.id())).findFirst().orElseThrow();
      double highlightShare = share(image, inset(m.textBox(), 2), frameTint);
      double pillShare = share(image, inset(pill.box(), 1), strong);
      double swatchShare = share(image, inset(swatch.box(), 2), strong);
      report.put(f.id(), String.format(Locale.ROOT, "highlight %.2f of %s, chip %.2f and "
          + "swatch %.2f of %s", highlightShare, frameTint, pillShare, swatchShare, strong));
      if (!Arrays.equals(ColourVision.rgb(frameTint), m.background())
          || highlightShare < 0.5) {
        problems.add(f + ": highlight not in " + frameTint);
      }
      if (!Arrays.equals(ColourVision.rgb(strong), pill.background()) || pillShare < 0.3
          || !Arrays.equals(ColourVision.rgb(strong), swatch.background())
          || swatchShare < 0.9) {
        problems.add(f + ": chip or swatch not in " + strong);
      }
    }
    System.out.println("explain page in Chromium, polarity and palette: " + report);
    assertTrue(problems.isEmpty(), () -> problems + "\n" + report + "\nscreenshot: " + shot);
  }

  private static List<Probed> probed(String dom) {
    Matcher m = Pattern.compile("data-probe=\"([^\"]*)\"").matcher(dom);
    assertTrue(m.find(), "the probe did not run");
    List<Probed> probed = new ArrayList<>();
    for (String line : URLDecoder.decode(m.group(1), StandardCharsets.UTF_8).split("\n")) {
      String[] f = line.split("\\|", -1);
      probed.add(f[0].equals("mark")
          ? new Probed(f[0], f[1], Box.parse(f[2]), Box.parse(f[3]), rgb(f[4]), f[5], f[6], f[7])
          : new Probed(f[0], f[1], Box.parse(f[2]), List.of(), rgb(f[4]), "", "", ""));
    }
    return probed;
  }

  private static Probed mark(List<Probed> probed, int start) {
    return probed.stream().filter(p -> p.kind().equals("mark")
        && p.key().equals(Integer.toString(start))).findFirst()
        .orElseThrow(() -> new AssertionError("no highlight starts at " + start));
  }

  /** The channels of a computed {@code rgb(r, g, b)} colour. */
  private static int[] rgb(String css) {
    Matcher m = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(css);
    assertTrue(m.lookingAt(), () -> "not a computed colour: " + css);
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3))};
  }

  private static Box inset(Box b, double by) {
    return new Box(b.left() + by, b.top() + by, b.right() - by, b.bottom() - by);
  }

  /** The share of the pixels of {@code box} within 2 of {@code hex} on every channel. */
  private static double share(BufferedImage image, Box box, String hex) {
    int n = 0;
    int all = 0;
    for (int y = (int) Math.ceil(box.top()); y < (int) box.bottom(); y++) {
      for (int x = (int) Math.ceil(box.left()); x < (int) box.right(); x++) {
        all++;
        n += near(image.getRGB(x, y), hex) ? 1 : 0;
      }
    }
    assertTrue(all > 0, () -> "an empty box " + box);
    return (double) n / all;
  }

  /**
   * Pixels of {@code hex} in the 4 pixel rows just above and just below {@code box}, where a
   * highlight's outline is drawn and nothing else: the line spacing keeps text away.
   */
  private static int band(BufferedImage image, Box box, String hex) {
    int n = 0;
    for (int x = (int) Math.ceil(box.left()); x < (int) box.right(); x++) {
      for (int dy = 1; dy <= 4; dy++) {
        n += near(image.getRGB(x, (int) Math.floor(box.top()) - dy), hex) ? 1 : 0;
        n += near(image.getRGB(x, (int) Math.ceil(box.bottom()) - 1 + dy), hex) ? 1 : 0;
      }
    }
    return n;
  }

  /** Pixels of {@code box} darker than mid-grey: a marker's glyph. */
  private static int dark(BufferedImage image, Box box) {
    int n = 0;
    for (int y = (int) Math.ceil(box.top()); y < (int) box.bottom(); y++) {
      for (int x = (int) Math.ceil(box.left()); x < (int) box.right(); x++) {
        int p = image.getRGB(x, y);
        n += (p >> 16 & 0xFF) + (p >> 8 & 0xFF) + (p & 0xFF) < 3 * 110 ? 1 : 0;
      }
    }
    return n;
  }

  private static boolean near(int p, String hex) {
    int[] c = ColourVision.rgb(hex);
    return Math.abs((p >> 16 & 0xFF) - c[0]) <= 2 && Math.abs((p >> 8 & 0xFF) - c[1]) <= 2
        && Math.abs((p & 0xFF) - c[2]) <= 2;
  }

  /** Names a Chromium or Chrome binary goes by on the {@code PATH}, in order of preference. */
  static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
      "google-chrome-stable", "chrome");

  /** Where the browser is usually installed when it is not on the {@code PATH}. */
  static final List<Path> USUAL = List.of(Path.of("/usr/bin/chromium"),
      Path.of("/usr/bin/chromium-browser"), Path.of("/snap/bin/chromium"),
      Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/bin/google-chrome"),
      Path.of("/opt/google/chrome/chrome"),
      Path.of("/Applications/Chromium.app/Contents/MacOS/Chromium"),
      Path.of("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));

  /** The browser to use, or the test is skipped with a message saying how to run it. */
  private static Path chromium() {
    String configured = System.getProperty(PROPERTY, "").trim();
    if (!configured.isEmpty()) {
      Path binary = Path.of(configured);
      if (!executable(binary)) {
        fail(PROPERTY + "=" + configured + " is not an executable file (install Chromium, "
            + "e.g. the Debian package 'chromium', or fix the property)");
      }
      return binary;
    }
    Optional<Path> found = findChromium(System.getenv("PATH"), USUAL);
    if (found.isEmpty()) {
      String message = "ExplainBrowserTest SKIPPED: no Chromium or Chrome on the PATH (" + NAMES
          + ") or at " + USUAL + " to render the explain page in (install one, or set -D"
          + PROPERTY + "=/path/to/chromium)";
      System.out.println(message);
      Assumptions.abort(message);
    }
    return found.get();
  }

  /**
   * The first executable of {@link #NAMES} in the folders of {@code path} (a {@code PATH}
   * value, possibly null), else the first executable of {@code usual}.
   */
  static Optional<Path> findChromium(String path, List<Path> usual) {
    if (path != null) {
      for (String name : NAMES) {
        for (String folder : path.split(java.io.File.pathSeparator)) {
          if (!folder.isEmpty()) {
            Path candidate = Path.of(folder, name);
            if (executable(candidate)) {
              return Optional.of(candidate);
            }
          }
        }
      }
    }
    return usual.stream().filter(ExplainBrowserTest::executable).findFirst();
  }

  private static boolean executable(Path file) {
    return Files.isRegularFile(file) && Files.isExecutable(file);
  }

  /** The test used to be skipped unless -Dframelens.chromium named the browser. */
  @Test
  void chromiumIsFoundOnThePathOrAtAUsualLocation() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path other = Files.createDirectories(dir.resolve("other"));
    Path opt = Files.createDirectories(dir.resolve("opt"));
    Path usual = executableFile(opt.resolve("chromium"));
    Files.writeString(bin.resolve("chromium"), "not executable");
    assertEquals(Optional.of(usual), findChromium(bin + java.io.File.pathSeparator + other,
        List.of(dir.resolve("none"), usual)));
    Path onPath = executableFile(other.resolve("chromium-browser"));
    assertEquals(Optional.of(onPath), findChromium(bin + java.io.File.pathSeparator + other,
        List.of(usual)));
    Path preferred = executableFile(bin.resolve("google-chrome"));
    assertEquals(Optional.of(onPath), findChromium(other + java.io.File.pathSeparator + bin,
        List.of(usual)), "chromium-browser comes before google-chrome");
    assertEquals(Optional.of(preferred), findChromium(bin.toString(), List.of()));
    assertEquals(Optional.empty(), findChromium(null, List.of(dir.resolve("none"))));
  }

  private static Path executableFile(Path file) throws IOException {
    Files.writeString(file, "#!/bin/sh\n");
    assertTrue(file.toFile().setExecutable(true), () -> "cannot make " + file + " executable");
    return file;
  }

  private Path explain(String text, String name) throws IOException {
    Path doc = Files.writeString(dir.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
    Path html = dir.resolve(name + ".html");
    ExplainCommandTest.Result r = ExplainCommandTest.run("explain", "-q", doc.toString(),
        "--html", html.toString());
    assertEquals(0, r.code(), r::toString);
    return html;
  }

  /** Runs headless Chromium on {@code page}; returns its standard output. */
  private String chrome(Path chromium, String name, Path page, String... action) {
    try {
      Path profile = Files.createDirectory(dir.resolve("profile-" + name));
      List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless",
          "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--user-data-dir=" + profile, "--force-color-profile=srgb", "--hide-scrollbars"));
      command.addAll(List.of(action));
      command.add(page.toUri().toString());
      Path out = dir.resolve(name + ".out");
      Path err = dir.resolve(name + ".err");
      Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE)
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      process.getOutputStream().close();
      boolean done = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      if (!done) {
        process.destroyForcibly();
        throw new AssertionError("Chromium (" + name + ") did not finish within "
            + TIMEOUT_SECONDS + " s: " + command);
      }
      if (process.exitValue() != 0) {
        throw new AssertionError("Chromium (" + name + ") exited with " + process.exitValue()
            + ": " + command + "\n" + tail(err));
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot run Chromium (" + name + "): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while Chromium (" + name + ") ran", e);
    }
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  private static BufferedImage read(Path png) throws IOException {
    assertTrue(Files.isRegularFile(png) && Files.size(png) > 0, "no screenshot at " + png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertTrue(image != null, "not an image: " + png);
    return image;
  }

  /** Pixels within 2 of {@code hex} on every channel. */
  private static int count(BufferedImage image, String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    int r = rgb >> 16 & 0xFF;
    int g = rgb >> 8 & 0xFF;
    int b = rgb & 0xFF;
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (Math.abs((p >> 16 & 0xFF) - r) <= 2 && Math.abs((p >> 8 & 0xFF) - g) <= 2
            && Math.abs((p & 0xFF) - b) <= 2) {
          n++;
        }
      }
    }
    return n;
  }
}
