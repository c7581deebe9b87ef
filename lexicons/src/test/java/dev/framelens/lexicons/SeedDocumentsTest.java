package dev.framelens.lexicons;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.FrameDetector;
import dev.framelens.internal.eval.Evaluation;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Analyses each whole seed article of {@code ../shared/seeds} and compares its document labels
 * with {@code seeds-docs.jsonl}. The build sets the share of documents that must match exactly
 * ({@code framelens.floor.documents}); the target is all of them.
 */
class SeedDocumentsTest {
  private static final double DOCUMENT_FLOOR =
      Double.parseDouble(System.getProperty("framelens.floor.documents", "1.0"));

  @Test
  void documentLabelsMatchTheGold() {
    Path shared = GoldCorpus.sharedDirectory().orElse(null);
    Assumptions.assumeTrue(shared != null,
        "seed-document check skipped: no shared directory (set -Dframelens.shared=...)");
    Evaluation evaluation = Evaluation.run("seeds-docs.jsonl", FrameDetector.withDefaultLexicon(),
        GoldCorpus.read(shared.resolve("corpus").resolve("seeds-docs.jsonl")));
    System.out.println(evaluation.report(false));
    assertTrue(evaluation.exactMatchRate() >= DOCUMENT_FLOOR, () -> String.format(Locale.ROOT,
        "only %.2f of the seed documents have exactly their gold labels (floor %.2f)%n%s",
        evaluation.exactMatchRate(), DOCUMENT_FLOOR, evaluation.report(true)));
  }
}
