package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the public API over generated text, with {@link TestLexicon}: every span is in
 * bounds and equal to the source substring; analysis is deterministic; no string, however odd,
 * raises an exception; and a sentence that matches nothing never takes a label away.
 */
class PublicApiPropertiesTest {
  private static final FrameDetector DETECTOR = TestLexicon.detector();

  // ---------------------------------------------------------------------------------------------
  // Spans

  @Property(tries = 1000)
  void everySpanIsInBoundsAndEqualsItsSource(@ForAll("newsLike") String text) {
    FrameAnalysis a = DETECTOR.analyze(text);
    assertSpans(text, a);
    Statistics.label("evidence").collect(a.evidence().isEmpty() ? "none" : "some");
    Statistics.label("evidence").coverage(c -> c.check("some").percentage(p -> p > 60));
    Statistics.label("suppressed").collect(!a.suppressed().isEmpty());
    Statistics.label("suppressed").coverage(c -> c.check(true).percentage(p -> p > 20));
    Statistics.label("figures").collect(!a.casualtyCounts().isEmpty());
    Statistics.label("figures").coverage(c -> c.check(true).percentage(p -> p > 15));
  }

  @Property(tries = 1000)
  void spansStayInBoundsOnOddText(@ForAll("oddText") String text) {
    assertSpans(text, DETECTOR.analyze(text));
  }

  static void assertSpans(String text, FrameAnalysis a) {
    assertSpans(DETECTOR, text, a);
  }

  /**
   * Every span of {@code a} (sentences, evidence, modifier hits, figures) is in bounds, equals
   * its source text and lies in its sentence; scores are in [0, 1] and labels follow {@code
   * detector}'s thresholds; evidence and figures are in text order.
   */
  static void assertSpans(FrameDetector detector, String text, FrameAnalysis a) {
    assertEquals(text, a.text());
    List<FrameAnalysis.Sentence> sentences = a.sentences();
    int previousEnd = 0;
    for (int i = 0; i < sentences.size(); i++) {
      FrameAnalysis.Sentence s = sentences.get(i);
      assertEquals(i, s.index());
      assertTrue(previousEnd <= s.start() && s.start() < s.end() && s.end() <= text.length(),
          () -> "sentence " + s + " in " + a);
      assertEquals(text.substring(s.start(), s.end()), s.text());
      for (Frame f : Frame.values()) {
        double score = s.scores().get(f);
        assertTrue(score >= 0 && score <= 1);
        assertEquals(score >= detector.threshold(f), s.labels().contains(f));
      }
      previousEnd = s.end();
    }
    for (Frame f : Frame.values()) {
      assertTrue(a.score(f) >= 0 && a.score(f) <= 1);
      assertEquals(a.score(f) >= detector.threshold(f), a.labels().contains(f));
    }
    List<Evidence> all = new ArrayList<>(a.evidence());
    all.addAll(a.suppressed());
    for (Evidence e : all) {
      assertSpan(text, e.start(), e.end(), e.text(), e::toString);
      FrameAnalysis.Sentence s = sentences.get(e.sentenceIndex());
      assertTrue(s.start() <= e.start() && e.end() <= s.end(), () -> e + " outside " + s);
      for (Evidence.ModifierHit h : e.modifiers()) {
        assertSpan(text, h.start(), h.end(), h.text(), h::toString);
        assertTrue(s.start() <= h.start() && h.end() <= s.end(), () -> h + " outside " + s);
      }
      assertEquals(!a.suppressed().contains(e), !e.suppressed());
      if (e.suppressed()) {
        assertTrue(!e.modifiers().isEmpty(), e::toString);
      }
    }
    assertInTextOrder(a.evidence());
    assertInTextOrder(a.suppressed());
    List<CasualtyCount> figures = a.casualtyCounts();
    for (int i = 0; i < figures.size(); i++) {
      CasualtyCount c = figures.get(i);
      assertSpan(text, c.start(), c.end(), c.text(), c::toString);
      FrameAnalysis.Sentence s = sentences.get(c.sentenceIndex());
      assertTrue(s.start() <= c.start() && c.end() <= s.end(), () -> c + " outside " + s);
      if (c.subsetOf().isPresent()) {
        int parent = c.subsetOf().getAsInt();
        assertTrue(parent >= 0 && parent < figures.size() && parent != i, c::toString);
      }
      if (i > 0) {
        assertTrue(figures.get(i - 1).start() <= c.start(), "figures out of text order");
      }
    }
  }

  private static void assertSpan(String text, int start, int end, String spanText,
      java.util.function.Supplier<String> what) {
    assertTrue(0 <= start && start <= end && end <= text.length(), what);
    assertEquals(text.substring(start, end), spanText, what);
  }

  private static void assertInTextOrder(List<Evidence> list) {
    for (int i = 1; i < list.size(); i++) {
      assertTrue(list.get(i - 1).start() <= list.get(i).start(), "evidence out of text order");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Determinism

  @Property(tries = 300)
  void analysisIsDeterministic(@ForAll("newsLike") String text, @ForAll("newsLike") String other) {
    FrameAnalysis first = DETECTOR.analyze(text);
    DETECTOR.analyze(other); // the thread's workspace and caches now hold another document
    FrameAnalysis second = DETECTOR.analyze(text);
    FrameAnalysis fresh = TestLexicon.detector().analyze(text);
    for (FrameAnalysis again : List.of(second, fresh)) {
      assertSameAnalysis(first, again);
    }
  }

  static void assertSameAnalysis(FrameAnalysis expected, FrameAnalysis actual) {
    assertEquals(expected.labels(), actual.labels());
    assertEquals(expected.scores(), actual.scores());
    assertEquals(expected.evidence(), actual.evidence());
    assertEquals(expected.suppressed(), actual.suppressed());
    assertEquals(expected.casualtyCounts(), actual.casualtyCounts());
    assertEquals(expected.sentences(), actual.sentences());
    assertEquals(expected.toString(), actual.toString());
  }

  @Example
  void concurrentAnalysesAgreeWithASequentialOne() throws Exception {
    List<String> texts = new ArrayList<>(TestLexicon.SENTENCES);
    texts.add(String.join(" ", TestLexicon.SENTENCES));
    List<FrameAnalysis> sequential = texts.stream().map(DETECTOR::analyze).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<FrameAnalysis>> futures = new ArrayList<>();
      for (int round = 0; round < 8; round++) {
        for (String t : texts) {
          futures.add(pool.submit(() -> DETECTOR.analyze(t)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertSameAnalysis(sequential.get(i % texts.size()), futures.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Robustness

  @Property(tries = 1000)
  void anyStringIsAnalysedWithoutAnException(@ForAll String text) {
    assertSpans(text, DETECTOR.analyze(text));
  }

  @Example
  void longAndPathologicalInputs() {
    List<String> inputs = List.of(
        "won ".repeat(20_000),
        "not ".repeat(5_000) + "won",
        "1,200 ".repeat(5_000) + "killed",
        "\"".repeat(10_000),
        "'".repeat(10_000) + "victory" + "'".repeat(10_000),
        "x".repeat(60_000),
        "\uD800".repeat(1_000) + "won" + "\uDFFF".repeat(1_000),
        "won\u0000killed\u0000".repeat(2_000),
        ". ".repeat(10_000),
        "\n".repeat(10_000) + "The militia won.");
    for (String text : inputs) {
      assertSpans(text, DETECTOR.analyze(text));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // A neutral sentence takes no label away

  @Example
  void theNeutralSentencesMatchNothing() {
    for (String s : TestLexicon.NEUTRAL) {
      FrameAnalysis a = DETECTOR.analyze(s);
      assertEquals(List.of(), a.evidence(), s);
      assertEquals(List.of(), a.suppressed(), s);
      assertEquals(List.of(), a.casualtyCounts(), s);
      assertEquals(1, a.sentences().size(), s);
    }
  }

  @Property(tries = 600)
  void aNeutralSentenceNeverRemovesASentenceLabel(
      @ForAll("documents") List<String> sentences, @ForAll("separators") List<String> separators,
      @ForAll("neutral") String neutral, @ForAll("insertAt") int insertAt) {
    String original = join(sentences, separators);
    int at = insertAt % (sentences.size() + 1);
    // Insert the neutral sentence and a space before test sentence `at`, or append it.
    int insertPos = at == sentences.size() ? original.length()
        : join(sentences.subList(0, at), separators).length()
            + (at == 0 ? 0 : separators.get((at - 1) % separators.size()).length());
    String extended = at == sentences.size() ? original + " " + neutral
        : original.substring(0, insertPos) + neutral + " " + original.substring(insertPos);
    int shift = at == sentences.size() ? 0 : neutral.length() + 1;

    FrameAnalysis before = DETECTOR.analyze(original);
    FrameAnalysis after = DETECTOR.analyze(extended);
    assertEquals(before.sentences().size() + 1, after.sentences().size(), () -> original
        + "\n---\n" + extended);
    for (FrameAnalysis.Sentence s : before.sentences()) {
      int newStart = s.start() >= insertPos ? s.start() + shift : s.start();
      FrameAnalysis.Sentence moved = after.sentences().stream()
          .filter(t -> t.start() == newStart).findFirst()
          .orElseThrow(() -> new AssertionError(s + " lost in\n" + extended));
      assertEquals(s.text(), moved.text());
      assertTrue(moved.labels().containsAll(s.labels()), () -> s + " became " + moved);
    }
    assertTrue(after.labels().containsAll(before.labels()));
    Statistics.label("labelled sentences").collect(before.sentences().stream()
        .anyMatch(s -> !s.labels().isEmpty()));
    Statistics.label("labelled sentences").coverage(c -> c.check(true)
        .percentage(p -> p > 80));
  }

  private static String join(List<String> sentences, List<String> separators) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < sentences.size(); i++) {
      if (i > 0) {
        s.append(separators.get((i - 1) % separators.size()));
      }
      s.append(sentences.get(i));
    }
    return s.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Generators

  @Provide
  Arbitrary<List<String>> documents() {
    return Arbitraries.of(TestLexicon.SENTENCES).list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<String>> separators() {
    return Arbitraries.of(" ", "  ", "\n", "\n\n", " \r\n").list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<String> neutral() {
    return Arbitraries.of(TestLexicon.NEUTRAL);
  }

  @Provide
  Arbitrary<Integer> insertAt() {
    return Arbitraries.integers().between(0, 6);
  }

  /** Pieces of the test sentences, lexicon words, numbers, quotes and punctuation, shuffled. */
  @Provide
  Arbitrary<String> newsLike() {
    Arbitrary<String> sentence = Arbitraries.of(TestLexicon.SENTENCES);
    Arbitrary<String> word = Arbitraries.of("won", "win", "victory", "victories", "not",
        "never", "n't", "If", "if", "but", "perhaps", "their", "its", "Who", "killed", "died",
        "wounded", "1,200", "tens of thousands of", "at least", "an estimated", "including",
        "300", "the", "militia", "army", "failed to", "dislodge", "still standing", "routed",
        "heavy losses", "massacre", "award", "Victory Day", "said", "told", "she", "Commander",
        "Ostrel", "took", "the port", "no doubt", "escaped", "defeat", "lost the war", "only");
    Arbitrary<String> mark = Arbitraries.of(".", ",", "?", "!", "\"", "'", "\u201C", "\u201D",
        "\u2018", "\u2019", "...", ";", ":", " - ", "\n", "\n\n", "(", ")");
    Arbitrary<String> piece = Arbitraries.frequencyOf(
        Tuple.of(3, sentence), Tuple.of(6, word), Tuple.of(3, mark));
    Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", "", "\n");
    return Combinators.combine(piece, separator).as((p, s) -> p + s).list().ofMinSize(1)
        .ofMaxSize(25).map(parts -> String.join("", parts));
  }

  /** Lexicon words mixed with controls, lone surrogates, combining marks and bidi controls. */
  @Provide
  Arbitrary<String> oddText() {
    Arbitrary<String> odd = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of("won", "not", "killed", "300", "victory", "If", "said",
            "\"", "'", "\u2019", "the", "militia", ". ", "? ")),
        Tuple.of(2, Arbitraries.chars().range('\u0000', '\u001F').map(String::valueOf)),
        Tuple.of(2, Arbitraries.chars().range('\uD800', '\uDFFF').map(String::valueOf)),
        Tuple.of(2, Arbitraries.chars().range('\u0300', '\u036F').map(String::valueOf)),
        Tuple.of(2, Arbitraries.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u202A",
            "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
            "\u200E", "\u200F", "\u061C")),
        Tuple.of(1, Arbitraries.of("\u2028", "\u2029", "\r", "\u0085", "\u000B", "\u000C",
            "\u00A0", "\u3000")),
        Tuple.of(1, Arbitraries.of("\uD83D\uDE00", "\uFFFD", "\uFFFF", "\uFFFE", "\u05D0",
            "\u0627", "\u4E2D", "\uFB01", "\u00C6", "\u0130", "\u1E9E")),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(5)));
    return odd.list().ofMaxSize(40).map(parts -> String.join("", parts));
  }

  @Example
  void everyFrameOfTheTestLexiconIsReachable() {
    Set<Frame> seen = EnumSet.noneOf(Frame.class);
    for (String s : TestLexicon.SENTENCES) {
      seen.addAll(DETECTOR.analyze(s).labels());
    }
    assertEquals(EnumSet.allOf(Frame.class), seen);
  }
}
