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
    assertTrue(e.labels().get(Frame.VICTORY).defined());
    assertTrue(e.labels().get(Frame.DEFEAT).defined());
    // Macro-F1 is the mean over the two labels that occur; the other two are undefined.
    assertEquals((2.0 / 3 + 0) / 2, e.macroF1(), 1e-12);
    assertEquals(2 * 1.0 / (2 * 1 + 1 + 1), e.microF1(), 1e-12);
    assertEquals(0.5, e.exactMatchRate(), 1e-12);
    assertEquals(0.0, e.minLabelF1(), 1e-12);
  }

  /**
   * A label with no gold unit and no prediction has precision, recall and F1 of 0/0: undefined,
   * as scikit-learn's zero_division has it, and left out of macro-F1 (it used to score 1 and
   * lift macro-F1: one unit with one missed label scored 0.75).
   */
  @Test
  void aLabelWithNoGoldUnitAndNoPredictionIsUndefinedAndLeftOutOfMacroF1() {
    Evaluation e = Evaluation.run("four units", DETECTOR, UNITS);
    Evaluation.LabelScore survival = e.labels().get(Frame.SURVIVAL_AS_WIN);
    assertFalse(survival.defined());
    assertTrue(Double.isNaN(survival.precision()), survival::toString);
    assertTrue(Double.isNaN(survival.recall()), survival::toString);
    assertTrue(Double.isNaN(survival.f1()), survival::toString);
    assertFalse(e.labels().get(Frame.CASUALTY_EMPHASIS).defined());

    Evaluation missed = Evaluation.run("one unit", DETECTOR, List.of(UNITS.get(2)));
    assertEquals(0.0, missed.macroF1(), 1e-12);
    assertEquals(0.0, missed.minLabelF1(), 1e-12);

    // One unit without labels, rightly left without: no label is defined, nor macro-F1.
    Evaluation none = Evaluation.run("one unit", DETECTOR, List.of(UNITS.get(1)));
    assertTrue(Double.isNaN(none.macroF1()), () -> none.report(false));
    assertTrue(Double.isNaN(none.microF1()), () -> none.report(false));
    assertTrue(Double.isNaN(none.minLabelF1()), () -> none.report(false));
    assertEquals(1.0, none.exactMatchRate(), 1e-12);
  }

  @Test
  void theReportSaysWhichLabelsAreUndefined() {
    String report = Evaluation.run("four units", DETECTOR, UNITS).report(false);
    assertTrue(report.contains("\n  survival-as-win            -         - undefined     0     0"
        + "     0\n"), report);
    assertTrue(report.contains("macro-F1 0.333   micro-F1 0.500   exact match 0.500"), report);
    assertTrue(report.contains("\n  undefined: survival-as-win, casualty-emphasis (no gold unit "
        + "and no prediction; left out of macro-F1)\n"), report);
    String none = Evaluation.run("one unit", DETECTOR, List.of(UNITS.get(1))).report(false);
    assertTrue(none.contains("macro-F1 undefined   micro-F1 undefined   exact match 1.000"),
        none);
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
    assertTrue(report.contains("macro-F1 0.333"), report);
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

  /**
   * A wrong document shows the sentences that hold evidence, kept or suppressed, with their
   * offsets, not its whole text; a short passage without evidence shows its sentences, since
   * one of them was expected to carry the missed label; a longer one says that none has any.
   */
  @Test
  void aWrongUnitShowsOnlyTheSentencesThatCarryEvidence() {
    String wonPort = "The garrison won the battle for the port.";
    String document = "She read the letter twice before lunch. The ferry left at noon. "
        + wonPort + " The market opened late. The bakery sold out of bread.";
    String quiet = "She read the letter twice before lunch. The ferry left at noon. The market "
        + "opened late. The bakery sold out of bread.";
    Evaluation e = Evaluation.run("documents", DETECTOR, List.of(
        new Evaluation.Unit("doc-fp", document, Set.of()),
        new Evaluation.Unit("doc-miss", quiet, Set.of(Frame.DEFEAT)),
        new Evaluation.Unit("short-miss", "She read the letter. The ferry left at noon.",
            Set.of(Frame.DEFEAT))));
    Evaluation.Error fp = e.errors().get(0);
    int start = document.indexOf(wonPort);
    assertEquals(List.of(wonPort), fp.sentences().stream().map(FrameAnalysis.Sentence::text)
        .toList());
    assertEquals(start, fp.sentences().get(0).start());
    String report = e.report(true);
    assertTrue(report.contains("\n    [" + start + "," + (start + wonPort.length()) + ") "
        + wonPort + "\n      + victory \"won\""), report);
    assertFalse(report.contains("ferry left at noon. The garrison"), report);
    assertFalse(report.contains("bakery"), report);
    assertEquals(List.of(), e.errors().get(1).sentences());
    assertTrue(report.contains("doc-miss  gold [defeat]  predicted []  FN [defeat]\n    (no "
        + "sentence has evidence; the text, " + quiet.length() + " chars, is not shown)\n"),
        report);
    assertEquals(2, e.errors().get(2).sentences().size());
    assertTrue(report.contains("\n    [0,20) She read the letter.\n    [21,44) The ferry left "
        + "at noon.\n"), report);
  }

  @Test
  void anErrorKeepsItsOwnCopies() {
    Set<Frame> predicted = EnumSet.of(Frame.VICTORY);
    Evaluation.Error error = new Evaluation.Error(UNITS.get(3), predicted, predicted, Set.of(),
        List.of(), List.of(), List.of());
    predicted.add(Frame.DEFEAT);
    assertEquals(Set.of(Frame.VICTORY), error.predicted());
    assertThrows(UnsupportedOperationException.class,
        () -> error.falsePositives().add(Frame.DEFEAT));
  }

  /** No units is nothing to score (it used to score 1.000 on every measure and pass any floor). */
  @Test
  void noUnitsIsAnError() {
    assertEquals("empty.jsonl: no units to score", assertThrows(IllegalArgumentException.class,
        () -> Evaluation.run("empty.jsonl", DETECTOR, List.of())).getMessage());
  }
}
