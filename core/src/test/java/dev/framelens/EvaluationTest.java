package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Scoring a detector against gold units: the counts, the F1 scores, the report. */
class EvaluationTest {
  private static final FrameDetector DETECTOR = TestLexicon.detector();

  private static final List<Evaluation.Unit> UNITS = List.of(
      new Evaluation.Unit("right-victory", "The Varn militia won the battle for the ford.",
          Set.of(Frame.VICTORY)),
      new Evaluation.Unit("right-none", "She read the letter twice before lunch.", Set.of()),
      new Evaluation.Unit("missed-defeat", "She read the letter twice before dinner.",
          Set.of(Frame.DEFEAT)),
      new Evaluation.Unit("extra-victory", "The garrison won the battle for the port.",
          Set.of()));

  @Test
  void countsEachLabelsDecisions() {
    Evaluation e = Evaluation.run("four units", DETECTOR, UNITS);
    assertEquals(4, e.units());
    assertEquals(new Evaluation.LabelScore(Frame.VICTORY, 1, 1, 0), e.labels().get(Frame.VICTORY));
    assertEquals(new Evaluation.LabelScore(Frame.DEFEAT, 0, 0, 1), e.labels().get(Frame.DEFEAT));
    assertEquals(2.0 / 3, e.labels().get(Frame.VICTORY).f1(), 1e-12);
    assertEquals(0.5, e.labels().get(Frame.VICTORY).precision(), 1e-12);
    assertEquals(0.0, e.labels().get(Frame.DEFEAT).recall(), 1e-12);
    // A label that occurs nowhere, in the gold or the predictions, scores 1.
    assertEquals(1.0, e.labels().get(Frame.SURVIVAL_AS_WIN).f1(), 1e-12);
    assertEquals((2.0 / 3 + 0 + 1 + 1) / 4, e.macroF1(), 1e-12);
    assertEquals(2 * 1.0 / (2 * 1 + 1 + 1), e.microF1(), 1e-12);
    assertEquals(0.5, e.exactMatchRate(), 1e-12);
    assertEquals(0.0, e.minLabelF1(), 1e-12);
  }

  @Test
  void listsTheWrongUnitsWithTheirEvidence() {
    Evaluation e = Evaluation.run("four units", DETECTOR, UNITS);
    assertEquals(List.of("missed-defeat", "extra-victory"),
        e.errors().stream().map(err -> err.unit().id()).toList());
    Evaluation.Error extra = e.errors().get(1);
    assertEquals(Set.of(Frame.VICTORY), extra.falsePositives());
    assertEquals(Set.of(), extra.falseNegatives());
    assertEquals("won", extra.evidence().get(0).text());
    String report = e.report(true);
    assertTrue(report.startsWith("four units: 4 units\n"), report);
    assertTrue(report.contains("extra-victory  gold []  predicted [victory]  FP [victory]"),
        report);
    assertTrue(report.contains("macro-F1 0.667"), report);
    assertFalse(e.report(false).contains("extra-victory"), e.report(false));
  }

  @Test
  void aReportCanListOnlyTheFirstWrongUnits() {
    Evaluation e = Evaluation.run("four units", DETECTOR, UNITS);
    String report = e.report(1);
    assertTrue(report.contains("missed-defeat  gold [defeat]  predicted []  FN [defeat]"), report);
    assertFalse(report.contains("extra-victory"), report);
    assertTrue(report.endsWith("\n  ... and 1 more wrong units\n"), report);
    assertEquals(e.report(false), e.report(0));
    assertEquals("errorsShown is negative: -1",
        assertThrows(IllegalArgumentException.class, () -> e.report(-1)).getMessage());
  }

  @Test
  void anErrorKeepsItsOwnCopies() {
    Set<Frame> predicted = EnumSet.of(Frame.VICTORY);
    Evaluation.Error error = new Evaluation.Error(UNITS.get(3), predicted, predicted, Set.of(),
        List.of(), List.of());
    predicted.add(Frame.DEFEAT);
    assertEquals(Set.of(Frame.VICTORY), error.predicted());
    assertThrows(UnsupportedOperationException.class,
        () -> error.falsePositives().add(Frame.DEFEAT));
  }

  @Test
  void noUnitsScorePerfectly() {
    Evaluation e = Evaluation.run("empty", DETECTOR, List.of());
    assertEquals(1.0, e.macroF1());
    assertEquals(1.0, e.exactMatchRate());
    assertEquals(List.of(), e.errors());
  }
}
