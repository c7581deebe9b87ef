package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link FrameDetector#checkExamples()}: every {@code example:} and {@code counter:} line of a
 * lexicon runs, and each that fails is a problem at the sentence's line and column, naming the
 * entry and the labels the sentence got.
 */
class ExampleCheckTest {
  private static final String TEXT = """
      lexicon examples 0.1
      set @win = win wins won victory~

      frame victory negated defeat
        rule won-word weight 0.8 : @win
          example: The Tarn Brigade won the battle for Port Amsel.
          example: The Tarn Brigade prevailed at Port Amsel.
          counter: The Tarn Brigade won a cup final.
          counter: The Tarn Brigade lost the cup final.

      block cup : won (a | the) cup
        example: The Tarn Brigade won a cup in Velmora.
        example: The Tarn Brigade won the battle for Velmora.
        counter: The Tarn Brigade won a cup in Velmora.

      modifier negation scope before 3 : not | never
        * -> negate
        example: The Tarn Brigade did not win at Port Amsel.
        example: The Tarn Brigade won at Port Amsel.
        counter: The Tarn Brigade never won at Port Amsel.
      """;

  @Test
  void eachFailingLineIsAProblemAtItsSentence() {
    FrameDetector detector = FrameDetector.builder()
        .lexicon(Lexicon.parse("examples.fl", TEXT)).build();
    List<LexiconException.Problem> problems = detector.checkExamples();
    String[] lines = TEXT.split("\n");
    List<String> expected = List.of(
        "examples.fl:7:14: example of rule won-word fails: no kept evidence of it (labels: "
            + "none): \"The Tarn Brigade prevailed at Port Amsel.\"",
        "examples.fl:13:12: example of block cup fails: it cancels no match (labels: victory): "
            + "\"The Tarn Brigade won the battle for Velmora.\"",
        "examples.fl:14:12: counter-example of block cup fails: it cancels a match (labels: "
            + "none): \"The Tarn Brigade won a cup in Velmora.\"",
        "examples.fl:19:12: example of modifier negation fails: it acts on no match (labels: "
            + "victory): \"The Tarn Brigade won at Port Amsel.\"",
        "examples.fl:20:12: counter-example of modifier negation fails: it acts on a match "
            + "(labels: defeat): \"The Tarn Brigade never won at Port Amsel.\"");
    assertEquals(expected, problems.stream().map(LexiconException.Problem::toString).toList());
    for (LexiconException.Problem p : problems) {
      assertEquals(lines[p.line() - 1], p.lineText(), p::toString);
      assertTrue(p.lineText().startsWith(p.offendingText(), p.column() - 1), p::toString);
    }
  }

  /**
   * The counter of won-word on line 8 passes although the rule matches "won": a block cancels
   * that match. A rule passes its counter-example when its evidence is not kept.
   */
  @Test
  void aLexiconWhoseExamplesAllPassHasNoProblems() {
    FrameDetector detector = FrameDetector.builder().lexicon(Lexicon.parse("good.fl", """
        set @win = win wins won
        frame victory negated defeat
          rule won-word weight 0.8 : @win
            example: The Tarn Brigade won the battle.
            counter: The Tarn Brigade won a cup.
        block cup : won (a | the) cup
          example: The Tarn Brigade won a cup.
        """)).build();
    assertEquals(List.of(), detector.checkExamples());
  }
}
