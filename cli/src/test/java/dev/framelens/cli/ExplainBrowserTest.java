package dev.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders {@code explain} pages in a real headless Chromium and checks that the highlights are
 * really drawn: the browser's DOM holds every highlight of the file, and a screenshot holds
 * pixels of every highlighted frame's colour.
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
