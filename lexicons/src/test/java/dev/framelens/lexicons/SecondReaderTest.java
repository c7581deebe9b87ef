package dev.framelens.lexicons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.framelens.Evaluation;
import dev.framelens.Frame;
import dev.framelens.FrameDetector;
import dev.framelens.junit.GoldCorpus;
import dev.framelens.junit.GoldUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How far the gold of four real-news corpora can be trusted, and how far the lexicon is from it.
 * A second reader, who had read only the codebook and saw neither the first labels nor the
 * lexicon, labelled every unit of {@code realnews-15} to {@code -18} again ({@code
 * realnews/second-reader/}: id, labels and a note per unit; the text is the corpus's). The two
 * readers agree at macro-F1 0.90 to 0.96, so the gold is what the codebook makes of the text; the
 * lexicon scores about the same against either reader (0.68 to 0.80), so its distance from the
 * gold is its own, not the gold's noise. Floors sit a little below the scores when the second
 * readings were added.
 */
class SecondReaderTest {
  private static final Path REALNEWS = Path.of("src/test/resources/realnews");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FrameDetector DETECTOR = FrameDetector.withDefaultLexicon();

  @ParameterizedTest(name = "{0}: readers agree >= {1}, lexicon against the second >= {2}")
  @CsvSource({
    "realnews-15, 0.93, 0.75",
    "realnews-16, 0.92, 0.70",
    "realnews-17, 0.89, 0.66",
    "realnews-18, 0.87, 0.68",
  })
  void theTwoReadersAgreeAndTheLexiconIsFarFromBoth(String corpus, double agreement,
      double lexicon) throws IOException {
    List<GoldUnit> first = new ArrayList<>();
    first.addAll(GoldCorpus.read(REALNEWS.resolve(corpus + "-tune.jsonl")));
    first.addAll(GoldCorpus.read(REALNEWS.resolve(corpus + "-held.jsonl")));
    Map<String, Set<Frame>> second = secondReading(REALNEWS.resolve("second-reader")
        .resolve(corpus + ".jsonl"));
    assertEquals(first.stream().map(GoldUnit::id).sorted().toList(),
        second.keySet().stream().sorted().toList(), corpus + ": the second reader read every "
            + "unit of the corpus, and no other");

    double readers = macroF1(first, second);
    assertTrue(readers >= agreement, String.format(Locale.ROOT,
        "%s: the readers agree at macro-F1 %.3f, below %.2f", corpus, readers, agreement));

    List<Evaluation.Unit> asSecondReadsThem = first.stream()
        .map(u -> new Evaluation.Unit(u.id(), u.text(), second.get(u.id()))).toList();
    double scored = Evaluation.run(corpus, DETECTOR, asSecondReadsThem).macroF1();
    assertTrue(scored >= lexicon, String.format(Locale.ROOT,
        "%s: the lexicon scores %.3f against the second reader, below %.2f", corpus, scored,
        lexicon));
  }

  /** The second reader's labels by unit id, in file order. */
  private static Map<String, Set<Frame>> secondReading(Path file) throws IOException {
    Map<String, Set<Frame>> labels = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      JsonNode unit = JSON.readTree(lines.get(i));
      Set<Frame> frames = EnumSet.noneOf(Frame.class);
      unit.get("labels").forEach(label -> frames.add(Frame.fromId(label.asText())));
      if (labels.put(unit.get("id").asText(), frames) != null) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": id read twice");
      }
    }
    return labels;
  }

  /**
   * Macro-F1 of the second reading against the first, as {@link Evaluation} computes it: the
   * mean F1 of the labels either reader gave at least once (F1 is symmetric, so either may be
   * taken as the gold).
   */
  private static double macroF1(List<GoldUnit> first, Map<String, Set<Frame>> second) {
    double sum = 0;
    int defined = 0;
    for (Frame frame : Frame.values()) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (GoldUnit unit : first) {
        boolean gold = unit.labels().contains(frame);
        boolean other = second.get(unit.id()).contains(frame);
        tp += gold && other ? 1 : 0;
        fp += !gold && other ? 1 : 0;
        fn += gold && !other ? 1 : 0;
      }
      Evaluation.LabelScore score = new Evaluation.LabelScore(frame, tp, fp, fn);
      if (score.defined()) {
        sum += score.f1();
        defined++;
      }
    }
    return sum / defined;
  }
}
