package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One detector over the default lexicon, shared by 8 threads analysing 10,000 documents, gives
 * exactly the results of a single-threaded run: every document's full analysis is compared,
 * not counts. The threads take the documents in orders of their own, so that each thread's
 * caches (terms, matcher states) hold different documents when it meets a given one.
 *
 * <p>The documents are generated deterministically from sentences written for this test:
 * templates filled with subjects, places and numbers, from one sentence to about 30 KB, with
 * quotations, negations, conditions and casualty figures.
 */
class ConcurrencyTest {
  private static final int DOCUMENTS = 10_000;
  private static final int THREADS = 8;

  private static final List<String> SUBJECTS = List.of("the northern brigade",
      "the river militia", "government forces", "the rebel army", "the coastal garrison",
      "the defenders", "Colonel Marek Dorn's unit", "the occupying force", "the volunteers",
      "the Third Mountain Corps");
  private static final List<String> PLACES = List.of("Vellmar", "the hill town of Osk",
      "the river port", "the old fortress", "Kestrel Bay", "the eastern ridge", "Lindow",
      "the airfield at Tarsk");
  private static final List<String> NUMBERS = List.of("12", "1,400", "about 300",
      "at least 2,500", "tens of thousands of", "nearly 90", "between 40 and 60", "twenty-five",
      "several hundred", "more than 1.2 million", "7");

  private static final List<String> SPEAKERS = List.of("Colonel Marek Dorn",
      "General Ilse Varga", "Minister Tomas Reyl", "Commander Ada Fenn");

  /** Sentences with slots: {S} a subject, {P} a place, {N} and {M} numbers, {C} a speaker. */
  private static final List<String> TEMPLATES = List.of(
      "{S} won the battle for {P} after three days of fighting.",
      "{S} claimed victory in {P} on Sunday.",
      "{S} did not win the war, officials admitted.",
      "{S} failed to capture {P} and retreated before dawn.",
      "Two months of shelling failed to dislodge {S} from {P}.",
      "{S} is still standing after the long siege of {P}.",
      "{N} civilians were killed in {P}, including {M} children.",
      "{N} soldiers were wounded when the convoy was ambushed near {P}.",
      "\u201CWe will never surrender {P},\u201D said the commander of {S}.",
      "\"We won the battle for {P},\" said {C}.",
      "\"Our fighters pushed the enemy back,\" a spokesman for {S} told reporters.",
      "\u201CThe enemy retreated from {P} last night,\u201D the commander said.",
      "\u201CWe are still standing,\u201D {C} told reporters in {P}. \u201CNot one street was "
          + "lost.\u201D",
      "If {S} had taken {P}, the road to the capital would be open.",
      "Perhaps {S} lost the war long before the ceasefire.",
      "The massacre in {P} left {N} people dead.",
      "{S} suffered heavy losses and withdrew from {P}.",
      "Residents of {P} said the market reopened on Tuesday.",
      "The council of {P} approved a new budget for schools and roads.",
      "Who won the vote in {P}?",
      "{S} was routed, and its remaining units surrendered to the advancing army.",
      "Aid workers said {N} families had been displaced from {P}.",
      "The ceasefire in {P} held for a second night, the spokesman said.",
      "Supporters of {S} celebrated the 'victory' with flags in {P}.",
      "{S} cannot win this war, a senior official told the parliament.",
      "Only {N} people died in {P}, according to {S}.",
      "The fall of {P} to {S} was announced at noon.",
      "Nobody expected {S} to hold {P} for so long; it has not fallen.");

  private static final List<String> BREAKS = List.of(" ", " ", " ", " ", "\n", "\n\n", "  ");

  /** Document {@code i}: its own seeded random, so any thread can rebuild it alike. */
  static String document(int i) {
    Random random = new Random(31L * i + 7);
    int kind = random.nextInt(20);
    int sentences = kind < 13 ? 1 + random.nextInt(3)
        : kind < 19 ? 4 + random.nextInt(37) : 41 + random.nextInt(370);
    StringBuilder b = new StringBuilder();
    for (int s = 0; s < sentences; s++) {
      if (s > 0) {
        b.append(BREAKS.get(random.nextInt(BREAKS.size())));
      }
      String sentence = TEMPLATES.get(random.nextInt(TEMPLATES.size()))
          .replace("{S}", SUBJECTS.get(random.nextInt(SUBJECTS.size())))
          .replace("{P}", PLACES.get(random.nextInt(PLACES.size())))
          .replace("{N}", NUMBERS.get(random.nextInt(NUMBERS.size())))
          .replace("{M}", NUMBERS.get(random.nextInt(NUMBERS.size())))
          .replace("{C}", SPEAKERS.get(random.nextInt(SPEAKERS.size())));
      b.append(Character.toUpperCase(sentence.charAt(0))).append(sentence, 1, sentence.length());
    }
    return b.toString();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void eightThreadsSharingOneDetectorAgreeWithOneThread() throws Exception {
    FrameDetector detector = FrameDetector.withDefaultLexicon();
    List<String> documents = new ArrayList<>(DOCUMENTS);
    for (int i = 0; i < DOCUMENTS; i++) {
      documents.add(document(i));
    }
    long t0 = System.nanoTime();
    List<FrameAnalysis> sequential = new ArrayList<>(DOCUMENTS);
    for (String text : documents) {
      sequential.add(detector.analyze(text));
    }
    long t1 = System.nanoTime();
    List<Expected> expected = sequential.stream().map(Expected::new).toList();
    long withEvidence = sequential.stream().filter(a -> !a.evidence().isEmpty()).count();
    long withFigures = sequential.stream().filter(a -> !a.casualtyCounts().isEmpty()).count();
    long withSuppressed = sequential.stream().filter(a -> !a.suppressed().isEmpty()).count();
    long withSpeakers = sequential.stream().filter(a -> a.evidence().stream()
        .anyMatch(e -> e.speaker().isPresent())).count();
    long longest = documents.stream().mapToLong(String::length).max().orElse(0);
    assertTrue(withEvidence > DOCUMENTS * 7 / 10, "documents with evidence: " + withEvidence);
    assertTrue(withFigures > DOCUMENTS / 5, "documents with figures: " + withFigures);
    assertTrue(withSuppressed > DOCUMENTS / 10, "documents with suppressed: " + withSuppressed);
    assertTrue(withSpeakers > DOCUMENTS / 20, "documents with speakers: " + withSpeakers);
    assertTrue(longest > 25_000, "longest document: " + longest);

    // Each thread takes a share of a shuffled order, in an order of its own.
    List<Integer> order = shuffled(DOCUMENTS, new Random(1));
    FrameAnalysis[] shared = run(documents, thread -> {
      List<Integer> share = new ArrayList<>(order.subList(thread * DOCUMENTS / THREADS,
          (thread + 1) * DOCUMENTS / THREADS));
      Collections.shuffle(share, new Random(100 + thread));
      Iterator<Integer> mine = share.iterator();
      return () -> mine.hasNext() ? mine.next() : -1;
    });
    compare(documents, expected, shared);

    // All threads pull from one queue in another order, so documents interleave freely.
    List<Integer> queue = shuffled(DOCUMENTS, new Random(2));
    AtomicInteger next = new AtomicInteger();
    FrameAnalysis[] pulled = run(documents, thread -> () -> {
      int k = next.getAndIncrement();
      return k < DOCUMENTS ? queue.get(k) : -1;
    });
    compare(documents, expected, pulled);
    System.out.printf(Locale.ROOT, "%d documents, %d chars; with evidence %d, figures %d, "
        + "suppressed %d, speakers %d; one thread %d ms, then two runs of %d threads and their "
        + "comparisons %d ms%n", DOCUMENTS, documents.stream().mapToLong(String::length).sum(),
        withEvidence, withFigures, withSuppressed, withSpeakers, (t1 - t0) / 1_000_000, THREADS,
        (System.nanoTime() - t1) / 1_000_000);
  }

  private static List<Integer> shuffled(int n, Random random) {
    List<Integer> order = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    return order;
  }

  /**
   * Runs {@link #THREADS} threads on one detector; thread {@code t} analyses the documents whose
   * indices {@code work.apply(t)} gives, until it gives -1.
   */
  private static FrameAnalysis[] run(List<String> documents, IntFunction<IntSupplier> work)
      throws Exception {
    FrameDetector detector = FrameDetector.withDefaultLexicon();
    FrameAnalysis[] results = new FrameAnalysis[documents.size()];
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        IntSupplier indices = work.apply(t);
        futures.add(pool.submit(() -> {
          start.await();
          for (int i; (i = indices.getAsInt()) >= 0; ) {
            results[i] = detector.analyze(documents.get(i));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(); // rethrows a thread's exception; and its writes happen before this returns
      }
    } finally {
      pool.shutdownNow();
    }
    return results;
  }

  /** Each document's analysis, expected and actual, compared in every part. */
  private static void compare(List<String> documents, List<Expected> expected,
      FrameAnalysis[] actual) {
    for (int i = 0; i < documents.size(); i++) {
      int doc = i;
      assertNotNull(actual[i], () -> "document " + doc + " was not analysed");
      try {
        expected.get(i).assertSame(actual[i]);
      } catch (AssertionError e) {
        throw new AssertionError("document " + i + ":\n" + documents.get(i), e);
      }
    }
  }

  /**
   * An analysis to compare others with, as core's PublicApiPropertiesTest compares them: every
   * part, and the rendering. The parts built on demand (sentences) and the rendering are built
   * once here, not again for each comparison.
   */
  private record Expected(FrameAnalysis analysis, List<FrameAnalysis.Sentence> sentences,
      String rendering) {
    Expected(FrameAnalysis analysis) {
      this(analysis, List.copyOf(analysis.sentences()), analysis.toString());
    }

    void assertSame(FrameAnalysis actual) {
      assertEquals(analysis.text(), actual.text());
      assertEquals(analysis.labels(), actual.labels());
      assertEquals(analysis.scores(), actual.scores());
      assertEquals(analysis.evidence(), actual.evidence());
      assertEquals(analysis.suppressed(), actual.suppressed());
      assertEquals(analysis.casualtyCounts(), actual.casualtyCounts());
      assertEquals(sentences, actual.sentences());
      assertEquals(rendering, actual.toString());
    }
  }
}
