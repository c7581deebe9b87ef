package dev.framelens.lexicons;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.FrameDetector;
import dev.framelens.internal.eval.Evaluation;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scores the default lexicon on the gold corpora of {@code ../shared/corpus} and fails below the
 * floors the build sets ({@code framelens.floor.macro}, {@code framelens.floor.label} in the
 * lexicons POM). Skipped, with a message, when the shared directory is absent.
 */
class GoldCorpusEvaluationTest {
  private static final double MACRO_FLOOR =
      Double.parseDouble(System.getProperty("framelens.floor.macro", "0.90"));
  private static final double LABEL_FLOOR =
      Double.parseDouble(System.getProperty("framelens.floor.label", "0.85"));

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"seeds.jsonl", "dev.jsonl", "dev-world.jsonl"})
  void meetsTheFloors(String file) {
    Path shared = GoldCorpus.sharedDirectory().orElse(null);
    Assumptions.assumeTrue(shared != null,
        "gold-corpus evaluation skipped: no shared directory (set -Dframelens.shared=...)");
    Evaluation evaluation = Evaluation.run(file, FrameDetector.withDefaultLexicon(),
        GoldCorpus.read(shared.resolve("corpus").resolve(file)));
    System.out.println(evaluation.report(false));
    assertTrue(evaluation.macroF1() >= MACRO_FLOOR && evaluation.minLabelF1() >= LABEL_FLOOR,
        () -> String.format(Locale.ROOT, "%s below the floor (macro-F1 >= %.2f, every label's "
            + "F1 >= %.2f)%n%s", file, MACRO_FLOOR, LABEL_FLOOR, evaluation.report(true)));
  }
}
