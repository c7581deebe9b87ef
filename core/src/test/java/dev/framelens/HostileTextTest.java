package dev.framelens;

import static dev.framelens.PublicApiPropertiesTest.assertSpans;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile text, with {@link TestLexicon}: random Unicode of every awkward kind next to words of
 * the lexicon, markup soup, 10,000 identical tokens, a 1 MiB word and a 100 MiB document. For
 * each, {@code analyze} returns, every span is in bounds and its text is the source substring
 * ({@link PublicApiPropertiesTest#assertSpans}). Time grows linearly with the text (with the
 * default lexicon too: the fitted exponent stays at most 1.15), and memory is bounded as stated
 * here.
 *
 * <h2>Working memory of one analysis</h2>
 *
 * <p>For a text of {@code n} chars with {@code S} sentences, {@code Q} quotations and {@code R}
 * results (evidence, suppressed evidence and casualty figures), the heap an analysis needs,
 * besides the text itself (which the result refers to: {@code n} bytes if all its chars are
 * Latin-1, else {@code 2n}), is at most about
 *
 * <pre>   2n + 80 S + 20 Q + 400 R + 58 MiB</pre>
 *
 * <ul>
 *   <li>{@code 2n}: the engine copies the document into a {@code char[]} (Workspace.load); one of
 *       more than 1 Mi chars gets its own array, dropped when the analysis ends (release), and a
 *       shorter one goes into an array the thread keeps (at most 2 MiB).
 *   <li>{@code 80 S}: per sentence, the segmenter's start, end, paragraph and question columns
 *       (13 bytes, while growing up to twice that), the document's four frame scores (32 bytes)
 *       and the result's copy of them (32 bytes). Sentences are at most {@code n / 2}.
 *   <li>{@code 20 Q}: per quotation, its start, end, scare flag and parent (17 bytes, and
 *       growth). Quotations are at most {@code n / 2}.
 *   <li>{@code 400 R}: a piece of evidence or a figure, about 200 bytes in the result (measured:
 *       120 to 200) and a pooled draft, hits and list slots while it is built.
 *   <li>Nothing per token of the document: tokens live for one sentence, and a sentence is cut
 *       after 10,000 chars (at whitespace, hard at 20,000), so the token buffer, the per-token
 *       arrays (atoms, masks, set ids, clause, part, quote, qualifier: under 100 bytes a token)
 *       and the window's matches (Workspace.WINDOW = 1,000 tokens) stay under about 3 MiB.
 *   <li>Fixed caches, per thread: the term cache is emptied at TermAtoms.CACHE_LIMIT = 100,000
 *       terms of at most 32 chars (table, keys and atom sets, under 30 MiB); the matcher's DFA
 *       at 40,000 states or 131,072 transitions (under 20 MiB); the document state keeps columns
 *       of at most 65,536 entries between documents. With the above: 58 MiB.
 * </ul>
 *
 * <p>{@link #aHundredMebibyteDocumentFitsTheStatedBound} runs a 100 MiB document (UTF-16, so
 * 200 MiB of text) in a child JVM whose heap is this bound plus a quarter, for the collector.
 */
class HostileTextTest {
  private static final FrameDetector DETECTOR = TestLexicon.detector();

  static {
    // Surefire runs core's tests inside the module dev.framelens, which does not read
    // java.management; the timing tests measure CPU time with its ThreadMXBean.
    Module self = HostileTextTest.class.getModule();
    Optional<Module> management = ModuleLayer.boot().findModule("java.management");
    if (management.isPresent()) {
      self.addReads(management.get());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Random Unicode next to words of the lexicon

  @Property(tries = 1000)
  void anyUnicodeNextToLexiconWords(@ForAll("hostileUnicode") String text) {
    FrameAnalysis a = DETECTOR.analyze(text);
    assertSpans(text, a);
    Statistics.label("evidence").collect(a.evidence().isEmpty() && a.suppressed().isEmpty()
        ? "none" : "some");
    Statistics.label("evidence").coverage(c -> c.check("some").percentage(p -> p > 50));
  }

  /** Each hostile char at every position of every test sentence: in its gaps and its words. */
  @Test
  void eachHostileCharAtEveryPositionOfEachTestSentence() {
    int withEvidence = 0;
    int total = 0;
    for (String hostile : HOSTILE_CHARS) {
      for (String sentence : TestLexicon.SENTENCES) {
        for (int at = 0; at <= sentence.length(); at++) {
          String text = sentence.substring(0, at) + hostile + sentence.substring(at);
          FrameAnalysis a = DETECTOR.analyze(text);
          assertSpans(text, a);
          total++;
          withEvidence += a.evidence().isEmpty() && a.suppressed().isEmpty() ? 0 : 1;
        }
      }
    }
    assertTrue(withEvidence > total * 8 / 10, withEvidence + " of " + total);
  }

  private static final List<String> BIDI = List.of("\u202A", "\u202B", "\u202C", "\u202D",
      "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C");
  private static final List<String> INVISIBLE = List.of("\u200B", "\u200C", "\u200D", "\u2060",
      "\uFEFF", "\uFFFE", "\uFFFF", "\uFFFD", "\u00AD", "\u034F", "\u180E", "\uFE0F");
  private static final List<String> SEPARATORS = List.of("\u2028", "\u2029", "\u0085", "\r",
      "\u000B", "\u000C", "\u00A0", "\u3000", "\u2007", "\u202F");

  /** One of each kind, for the exhaustive test. */
  private static final List<String> HOSTILE_CHARS = Stream.of(BIDI, INVISIBLE, SEPARATORS,
      List.of("\u0000", "\u0001", "\u001B", "\u007F", "\u0080", "\u009B", "\u009F", "\uD800",
          "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800", "\uD83D\uDE00", "\uD83D\uDC69\u200D"
              + "\uD83D\uDE80", "\uD83C\uDDFA\uD83C\uDDE6", "\uDB40\uDC41", "\uDBFF\uDFFD",
          "\u0301", "a\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308", "\uE000", "\uF8FF",
          "\u05D0", "\u0627", "\u4E2D", "\uFF57\uFF4F\uFF4E", "\uD835\uDC30")).flatMap(
              List::stream).toList();

  @Provide
  Arbitrary<String> hostileUnicode() {
    Arbitrary<String> word = Arbitraries.of("won", "win", "victory", "not", "never", "If",
        "killed", "died", "wounded", "1,200", "300", "at least", "including", "the militia",
        "failed to dislodge the army", "still standing", "routed", "heavy losses", "massacre",
        "said", "\"", "'", "\u201C", "\u201D", "\u2019", ".", "?", "!", ",", "Perhaps",
        "their", "only", "lost the war", "took the port");
    Arbitrary<String> sentence = Arbitraries.of(TestLexicon.SENTENCES);
    Arbitrary<String> astral = Arbitraries.integers().between(0x10000, 0x10FFFF)
        .map(Character::toString);
    Arbitrary<String> combining = Arbitraries.chars().range('\u0300', '\u036F').list()
        .ofMinSize(1).ofMaxSize(40).map(HostileTextTest::join);
    Arbitrary<String> loneSurrogate = Arbitraries.chars().range('\uD800', '\uDFFF')
        .map(String::valueOf);
    Arbitrary<String> control = Arbitraries.oneOf(
        Arbitraries.chars().range('\u0000', '\u001F'), Arbitraries.chars().range('\u007F',
            '\u009F')).map(String::valueOf);
    Arbitrary<String> hostile = Arbitraries.frequencyOf(
        Tuple.of(2, astral), Tuple.of(2, combining), Tuple.of(2, loneSurrogate),
        Tuple.of(2, control), Tuple.of(2, Arbitraries.of(BIDI)),
        Tuple.of(2, Arbitraries.of(INVISIBLE)), Tuple.of(1, Arbitraries.of(SEPARATORS)),
        Tuple.of(1, Arbitraries.chars().map(String::valueOf)),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(6)));
    // A hostile run inside or around a word: "w\u200Don", "\u202Ewon\u202C".
    Arbitrary<String> glued = Combinators.combine(word, hostile, Arbitraries.integers()
        .between(0, 3)).as((w, h, where) -> switch (where) {
          case 0 -> h + w;
          case 1 -> w + h;
          case 2 -> h + w + h;
          default -> w.substring(0, w.length() / 2) + h + w.substring(w.length() / 2);
        });
    Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(3, sentence), Tuple.of(4, word),
        Tuple.of(4, hostile), Tuple.of(3, glued));
    Arbitrary<String> gap = Arbitraries.of(" ", " ", " ", "", "\n", "\u00A0", "\t");
    return Combinators.combine(piece, gap).as((p, g) -> p + g).list().ofMinSize(1)
        .ofMaxSize(30).map(HostileTextTest::join);
  }

  // ---------------------------------------------------------------------------------------------
  // Markup soup

  @Property(tries = 500)
  void markupSoupAroundTestSentences(@ForAll("markupSoup") String text) {
    FrameAnalysis a = DETECTOR.analyze(text);
    assertSpans(text, a);
    Statistics.label("evidence").collect(a.evidence().isEmpty() ? "none" : "some");
    Statistics.label("evidence").coverage(c -> c.check("some").percentage(p -> p > 60));
  }

  @Test
  void aTestSentenceInsideMarkupKeepsItsEvidence() {
    String text = "<!DOCTYPE html><html><head><style>p { color: red }</style></head><body>"
        + "<p class=\"lead\">The Varn militia won the battle for the ford.</p>"
        + "<script>var s = 'x';</script></body></html>";
    FrameAnalysis a = DETECTOR.analyze(text);
    assertSpans(text, a);
    assertTrue(a.evidence().stream().anyMatch(e -> e.ruleId().equals("claimed-win")
        && e.text().equals("won")), a::toString);
  }

  @Provide
  Arbitrary<String> markupSoup() {
    Arbitrary<String> sentence = Arbitraries.of(TestLexicon.SENTENCES);
    Arbitrary<String> tag = Arbitraries.of("<p>", "</p>", "<div class=\"story body\">", "</div>",
        "<br>", "<br/>", "<span style='color:red'>", "</span>", "<h1>", "</h1>", "<li>",
        "<ul>", "</ul>", "<td colspan=2>", "<a href=\"https://example.org/w?won=1&amp;x=2\">",
        "</a>", "<img src=x alt=\"the militia won\" onerror='alert(1)'>",
        "<p title=\"\u201CWe took the port,\u201D he said\">", "<input value='300 killed'>",
        "<P", "<div class=\"", "<a href='", "<", "</", ">", "/>", "<<>>", "</p</p>",
        "<!DOCTYPE html>", "<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<svg><g/></svg>");
    Arbitrary<String> entity = Arbitraries.of("&amp;", "&lt;", "&gt;", "&quot;", "&#39;",
        "&#8220;", "&#x201D;", "&nbsp;", "&", "&#", "&#xD800;", "&unknown;", "&amp;amp;",
        "&ldquo;", "&rsquo;", "&#0;");
    Arbitrary<String> block = Arbitraries.of(
        "<script>var s = \"won\"; if (a < b && c > d) { x = '1,200 killed'; }</script>",
        "<script type=\"text/javascript\">document.write('<p>routed</p>');</script>",
        "<style>p.won::before { content: \"victory\"; } /* lost the war */</style>",
        "<!-- the army was routed with heavy losses <p> -->", "<!-- unclosed comment",
        "<!---->", "<!-->", "<![CDATA[ \"We took the port\" ]]>", "<![CDATA[ unclosed",
        "<script>", "</script>", "<textarea>if the garrison won</textarea>",
        "<noscript>Only twelve villagers died.</noscript>");
    Arbitrary<String> wrapped = Combinators.combine(Arbitraries.of("p", "b", "i", "q", "em",
        "blockquote", "td", "x-y"), sentence).as((t, s) -> "<" + t + ">" + s + "</" + t + ">");
    Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(3, sentence),
        Tuple.of(3, wrapped), Tuple.of(4, tag), Tuple.of(2, entity), Tuple.of(2, block));
    Arbitrary<String> gap = Arbitraries.of("", "", " ", "\n", "\r\n", "\t");
    return Combinators.combine(piece, gap).as((p, g) -> p + g).list().ofMinSize(1)
        .ofMaxSize(30).map(HostileTextTest::join);
  }

  // ---------------------------------------------------------------------------------------------
  // Repetition and length

  static Stream<Arguments> identicalTokens() {
    return Stream.of(
        // token, pieces of evidence (kept or suppressed) of 10,000 of them, or -1: unchecked
        Arguments.of("won ", 10_000),
        Arguments.of("1,200 ", 0),
        Arguments.of("\" ", 0),
        Arguments.of("\u201C ", 0),
        Arguments.of("' ", 0),
        Arguments.of("not ", 0),
        Arguments.of("never\n", 0),
        Arguments.of("not won ", 10_000),
        Arguments.of("If won ", 10_000),
        Arguments.of("killed ", 0),
        Arguments.of("said ", 0),
        Arguments.of("Won. ", 10_000),
        Arguments.of("300 killed ", -1), // a sentence cut may part a number from its verb
        Arguments.of("heavy losses ", -1),
        Arguments.of("won", 0), // one word of 30,000 chars
        Arguments.of("?", 0),
        Arguments.of("\u00A0won", -1),
        Arguments.of("\u202Ewon ", -1));
  }

  @ParameterizedTest
  @MethodSource("identicalTokens")
  void tenThousandIdenticalTokens(String token, int expectedEvidence) {
    String text = token.repeat(10_000);
    FrameAnalysis a = DETECTOR.analyze(text);
    assertSpans(text, a);
    if (expectedEvidence >= 0) {
      assertEquals(expectedEvidence, a.evidence().size() + a.suppressed().size());
    }
  }

  static Stream<Arguments> megabyteWords() {
    return Stream.of(
        Arguments.of("letters", "abcdefghijklmnopqrstuvwxyzWON"),
        Arguments.of("digits", "0123456789"),
        Arguments.of("mixed", "w0n1,2.3_k'i\u00E9\u0301l4"),
        Arguments.of("astral letters", "\uD835\uDC30\uD835\uDC28\uD835\uDC27"));
  }

  /** One "word" of 1 MiB chars: sentences are cut, never inside a surrogate pair. */
  @ParameterizedTest
  @MethodSource("megabyteWords")
  void aMebibyteWordWithoutSpaces(String kind, String unit) {
    String cut = cycle(unit, 1 << 20);
    String text = Character.isHighSurrogate(cut.charAt(cut.length() - 1))
        ? cut.substring(0, cut.length() - 1) : cut;
    FrameAnalysis a = DETECTOR.analyze(text);
    assertSpans(text, a);
    List<FrameAnalysis.Sentence> sentences = a.sentences();
    assertTrue(sentences.size() >= text.length() / 20_002, kind);
    for (FrameAnalysis.Sentence s : sentences) {
      assertTrue(s.end() - s.start() <= 20_002, () -> kind + ": " + (s.end() - s.start()));
      assertTrue(s.end() == text.length()
          || !(Character.isHighSurrogate(text.charAt(s.end() - 1))
              && Character.isLowSurrogate(text.charAt(s.end()))), kind + " cut at " + s.end());
    }
    if (!kind.equals("mixed")) {
      assertEquals(List.of(), a.evidence(), kind);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Regressions: inputs that were quadratic

  /**
   * A run of terminators: each one scanned the rest of the run, the closers and the whitespace
   * after it (7 s for 256 Ki dots). The sentence still ends after the run, not inside it (a run
   * longer than the longest sentence is cut like any long sentence).
   */
  @Test
  void aRunOfTerminatorsEndsOneSentence() {
    for (String run : List.of(".", "!", "?!", "\u2026", "!?\u201D)")) {
      for (int length : List.of(4_000, 400_000)) {
        String text = "The militia won" + cycle(run, length) + " The town is still standing.";
        FrameAnalysis a = DETECTOR.analyze(text);
        assertSpans(text, a);
        List<FrameAnalysis.Sentence> sentences = a.sentences();
        if (length < 10_000) {
          assertEquals(2, sentences.size(), run);
        }
        assertEquals("The town is still standing.", sentences.get(sentences.size() - 1).text());
        assertEquals(List.of("claimed-win", "still-standing"), a.evidence().stream()
            .map(Evidence::ruleId).toList(), run);
      }
    }
  }

  /**
   * Single and double quotations that cross ('a "b c' d e"): each quotation's parent was the one
   * it overlapped, a chain as long as the text that every later window walked.
   */
  @Test
  void crossingQuotationsKeepTheirSpeakersAndFigures() {
    String chain = "'a \"b c' 'd e\" \"f g' 'h i\" ".repeat(20_000);
    String news = "\"We took the port in two days,\" the commander said. "
        + "At least 1,200 civilians were killed, including 300 children.";
    FrameAnalysis alone = DETECTOR.analyze(news);
    assertTrue(alone.evidence().stream().anyMatch(e -> e.speaker().isPresent()), alone::toString);
    assertEquals(2, alone.casualtyCounts().size(), alone::toString);
    String text = chain + "\n\n" + news;
    FrameAnalysis a = DETECTOR.analyze(text);
    assertSpans(text, a);
    int shift = chain.length() + 2;
    assertEquals(alone.evidence().size(), a.evidence().size());
    for (int i = 0; i < alone.evidence().size(); i++) {
      Evidence e = alone.evidence().get(i);
      Evidence f = a.evidence().get(i);
      assertEquals(List.of(e.ruleId(), e.start() + shift, e.text(), e.speaker()),
          List.of(f.ruleId(), f.start(), f.text(), f.speaker()));
    }
    assertEquals(alone.casualtyCounts().stream().map(CasualtyCount::text).toList(),
        a.casualtyCounts().stream().map(CasualtyCount::text).toList());
  }

  // ---------------------------------------------------------------------------------------------
  // Linear time

  private static final int UNIT = 1 << 18; // 256 Ki chars

  /** Sizes the linear-time check times, as multiples of {@link #UNIT}. */
  private static final int[] FACTORS = {1, 2, 4, 8, 16};

  /**
   * The highest growth exponent the linear-time check accepts: time ~ n^e, fitted over {@link
   * #FACTORS}. 16 times the text may take 24 times as long (16^1.15), not 64 times (16^1.5,
   * which the old check, 16 times the time times 4 for noise, let through).
   */
  static final double MAX_EXPONENT = 1.15;

  /** The default lexicon, from its source files (core's tests cannot use the lexicons jar). */
  private static final Path DEFAULT_LEXICON = Path.of("../lexicons/rules/en-default.fl");

  /** The exponent fitted by least squares on log time over log size, with the times. */
  record Growth(double exponent, long[] nanos) {}

  /**
   * Time grows linearly, with the small test lexicon and with the default one: the exponent of
   * n fitted over 256 Ki to 4 Mi chars stays at most {@link #MAX_EXPONENT}, for news-like text,
   * one unpunctuated sentence, repeated tokens and the inputs that were quadratic. The least
   * CPU time of three runs after a warm-up ({@link #growth}), of seven to confirm an exponent
   * above the limit; the times are printed.
   */
  @ParameterizedTest(name = "{0} lexicon")
  @ValueSource(strings = {"test", "default"})
  void timeIsLinearInTheLengthOfTheText(String lexicon) {
    FrameDetector detector = lexicon.equals("test") ? DETECTOR
        : FrameDetector.builder().lexicon(Lexicon.load(DEFAULT_LEXICON)).build();
    assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
      String sentences = String.join(" ", TestLexicon.SENTENCES) + " ";
      String chain = "'a \"b c' 'd e\" \"f g' 'h i\" ";
      Map<String, IntFunction<String>> inputs = new LinkedHashMap<>();
      inputs.put("test sentences", n -> cycle(sentences, n));
      inputs.put("one unpunctuated sentence", n -> cycle("the militia won the battle and the "
          + "army failed to dislodge the brigade while 1,200 villagers were killed and ", n));
      inputs.put("won won won", n -> cycle("won ", n));
      inputs.put("1,200 1,200", n -> cycle("1,200 ", n));
      inputs.put("\" \" \"", n -> cycle("\" ", n));
      inputs.put("not not not", n -> cycle("not ", n));
      inputs.put("won?!?!?!", n -> "won" + cycle("?!", n));
      inputs.put("crossing quotes", n -> cycle(chain, n / 2) + "\n\n" + cycle(sentences, n / 2));
      detector.analyze(cycle(sentences, 4 * UNIT)); // warm-up
      List<String> failures = new ArrayList<>();
      StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
          "Analysis CPU time with the %s lexicon, best of 3 (ms), and the fitted exponent "
              + "(at most %.2f):", lexicon, MAX_EXPONENT));
      for (Map.Entry<String, IntFunction<String>> input : inputs.entrySet()) {
        IntFunction<Runnable> work = n -> {
          String text = input.getValue().apply(n);
          return () -> detector.analyze(text);
        };
        Growth first = growth(work, 3);
        Growth growth = first;
        if (first.exponent() > MAX_EXPONENT) { // confirm with more runs: the machine is shared
          growth = growth(work, 7);
        }
        report.append(String.format(Locale.ROOT, "%n  %-26s", input.getKey()));
        for (long nanos : growth.nanos()) {
          report.append(String.format(Locale.ROOT, " %7.1f", nanos / 1e6));
        }
        report.append(String.format(Locale.ROOT, "   n^%.2f%s", growth.exponent(),
            growth == first ? "" : " (best of 7, confirming n^" + String.format(Locale.ROOT,
                "%.2f", first.exponent()) + ")"));
        if (growth.exponent() > MAX_EXPONENT) {
          failures.add(input.getKey());
        }
      }
      System.out.println(report);
      assertEquals(List.of(), failures, report::toString);
    });
  }

  /**
   * The check itself: a task whose time grows as n^1.5 fits an exponent near 1.5 and fails it,
   * a linear one passes. The old check (16 times the size may take 64 times the time) passed
   * n^1.5.
   */
  @Test
  void theGrowthFitCatchesTimeThatGrowsAsTheSizeToThePowerOneAndAHalf() {
    assertEquals(1.5, growthExponent(new double[] {1, 2, 4, 8, 16},
        new double[] {3, 3 * Math.pow(2, 1.5), 3 * 8, 3 * Math.pow(8, 1.5), 3 * 64}), 1e-9);
    Growth superLinear = growth(n -> () -> spin((long) Math.pow(n / 1024.0, 1.5) * 64), 3);
    assertTrue(superLinear.exponent() > MAX_EXPONENT && superLinear.exponent() < 1.8,
        superLinear::toString);
    Growth linear = growth(n -> () -> spin(n / 16L), 3);
    assertTrue(linear.exponent() <= MAX_EXPONENT, linear::toString);
  }

  private static volatile double sink;

  /** Busy work of {@code steps} steps the JIT cannot drop. */
  private static void spin(long steps) {
    double x = 0;
    for (long i = 0; i < steps; i++) {
      x += Math.sqrt(i);
    }
    sink = x;
  }

  /**
   * Times the task {@code work} makes for each size {@code FACTORS[k] * UNIT} (the least CPU
   * time of {@code runs} runs, after a garbage collection, after two warm-up runs at the
   * smallest size) and fits the exponent. The machine is shared: a collection during a run, or
   * another process, makes one run slow; the least of several is rarely slowed.
   */
  static Growth growth(IntFunction<Runnable> work, int runs) {
    Runnable warmUp = work.apply(FACTORS[0] * UNIT);
    warmUp.run();
    warmUp.run();
    long[] nanos = new long[FACTORS.length];
    double[] sizes = new double[FACTORS.length];
    double[] times = new double[FACTORS.length];
    for (int k = 0; k < FACTORS.length; k++) {
      Runnable task = work.apply(FACTORS[k] * UNIT);
      System.gc();
      nanos[k] = leastCpuTime(task, runs);
      sizes[k] = FACTORS[k] * (double) UNIT;
      times[k] = Math.max(nanos[k], 1);
    }
    return new Growth(growthExponent(sizes, times), nanos);
  }

  /** The least-squares slope of log time over log size: e in time ~ size^e. */
  static double growthExponent(double[] sizes, double[] times) {
    int n = sizes.length;
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < n; i++) {
      meanX += Math.log(sizes[i]) / n;
      meanY += Math.log(times[i]) / n;
    }
    double covariance = 0;
    double variance = 0;
    for (int i = 0; i < n; i++) {
      double dx = Math.log(sizes[i]) - meanX;
      covariance += dx * (Math.log(times[i]) - meanY);
      variance += dx * dx;
    }
    return covariance / variance;
  }

  /**
   * "If" reaches a whole part, so each rule match had hundreds of modifiers in reach, inserted
   * one by one at the front of a sorted list: the cube of the window. Now they cost about as
   * much as plain repeated rule words.
   */
  @Test
  void modifiersThatReachAWholePartCostLittleMoreThanRuleWords() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      String conditional = cycle("If won ", 4 * UNIT);
      String plain = cycle("won ", 4 * UNIT);
      DETECTOR.analyze(conditional);
      DETECTOR.analyze(plain);
      long ifWon = bestOfThree(() -> DETECTOR.analyze(conditional));
      long won = bestOfThree(() -> DETECTOR.analyze(plain));
      assertTrue(ifWon <= 10 * won, () -> String.format(Locale.ROOT,
          "'If won' %.1f ms, 'won' %.1f ms", ifWon / 1e6, won / 1e6));
    });
  }

  /** The least CPU time of three runs of {@code task}, as {@link #leastCpuTime} measures. */
  private static long bestOfThree(Runnable task) {
    return leastCpuTime(task, 3);
  }

  /**
   * The least CPU time of the calling thread over {@code runs} runs of {@code task}: CPU time,
   * not wall time, so that other processes on the machine do not count.
   */
  private static long leastCpuTime(Runnable task, int runs) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpu = threads.isCurrentThreadCpuTimeSupported();
    long best = Long.MAX_VALUE;
    for (int run = 0; run < runs; run++) {
      long start = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
      task.run();
      best = Math.min(best, (cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime()) - start);
    }
    return best;
  }

  /** {@code unit} repeated and cut to {@code n} chars. */
  private static String cycle(String unit, int n) {
    return unit.repeat(n / unit.length() + 1).substring(0, n);
  }

  // ---------------------------------------------------------------------------------------------
  // A 100 MiB document in a small heap

  /** The bound stated in the class comment, in bytes. */
  static long workingMemoryBound(long chars, long sentences, long quotations, long results) {
    return 2 * chars + 80 * sentences + 20 * quotations + 400 * results + (58L << 20);
  }

  @Test
  void aHundredMebibyteDocumentFitsTheStatedBound(@TempDir Path tmp) throws Exception {
    String block = HugeDocumentMain.block();
    assertEquals(HugeDocumentMain.BLOCK_CHARS, block.length());
    FrameAnalysis one = DETECTOR.analyze(block);
    assertSpans(block, one);
    long blocks = HugeDocumentMain.BLOCKS;
    long chars = blocks * block.length();
    long quoteChars = block.chars().filter(c -> "\"'\u201C\u201D\u2018\u2019\u201E".indexOf(c)
        >= 0).count();
    long results = one.evidence().size() + one.suppressed().size() + one.casualtyCounts().size();
    boolean latin1 = block.chars().allMatch(c -> c < 256);
    long text = latin1 ? chars : 2 * chars;
    long bound = text + workingMemoryBound(chars, blocks * one.sentences().size(),
        blocks * quoteChars, blocks * results);
    long heapMiB = (bound + bound / 4 >> 20) + 1;

    String printed = ChildJvm.run(tmp, List.of("-Xmx" + heapMiB + "m", "-XX:+UseG1GC"),
        HugeDocumentMain.class);
    String context = "-Xmx" + heapMiB + "m (bound " + (bound >> 20) + " MiB)\n" + printed;
    String expected = "OK chars=" + chars + " sentences=" + blocks * one.sentences().size()
        + " evidence=" + blocks * one.evidence().size() + " suppressed="
        + blocks * one.suppressed().size() + " figures=" + blocks * one.casualtyCounts().size();
    assertTrue(printed.startsWith(expected + " "), () -> "expected " + expected + "\n" + context);
    System.out.println("100 MiB document, -Xmx" + heapMiB + "m: " + printed.strip());
  }

  private static String join(List<?> parts) {
    StringBuilder s = new StringBuilder();
    for (Object part : parts) {
      s.append(part);
    }
    return s.toString();
  }
}
