package dev.framelens.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Sentences, paragraphs and quotation spans, with their offsets. */
class SegmenterTest {
  private final Segmenter segmenter = new Segmenter(List.of("gen", "dr", "mr", "jan", "col"));

  private List<String> sentences(String text) {
    Segmentation s = segmenter.segment(text);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.sentenceCount; i++) {
      out.add(text.substring(s.sentenceStart[i], s.sentenceEnd[i]));
    }
    return out;
  }

  /** Each quotation as its text, with " (scare)" appended to short embedded ones. */
  private List<String> quotes(String text) {
    Segmentation s = segmenter.segment(text);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.quoteCount; i++) {
      out.add(text.substring(s.quoteStart[i], s.quoteEnd[i])
          + (s.quoteIsShort[i] ? " (scare)" : ""));
    }
    return out;
  }

  @Nested
  class Sentences {
    @Test
    void plainSentences() {
      assertEquals(List.of("The ferry left Port Vell.", "It returned at dusk!",
          "Was anyone aboard?"),
          sentences("The ferry left Port Vell. It returned at dusk! Was anyone aboard?"));
    }

    @Test
    void offsetsTrimSurroundingWhitespace() {
      Segmentation s = segmenter.segment("  The ferry left.   It came back.  ");
      assertEquals(2, s.sentenceCount);
      assertEquals(List.of(2, 17, 20, 33), List.of(s.sentenceStart[0], s.sentenceEnd[0],
          s.sentenceStart[1], s.sentenceEnd[1]));
    }

    @Test
    void abbreviationsOfTheLexiconDoNotEndASentence() {
      assertEquals(List.of("Dr. Ilse Marrow met Col. Tavi Ondo on Jan. 4 in Port Vell."),
          sentences("Dr. Ilse Marrow met Col. Tavi Ondo on Jan. 4 in Port Vell."));
    }

    @Test
    void anUnknownAbbreviationEndsASentence() {
      assertEquals(List.of("Prof.", "Ilse Marrow spoke."), sentences("Prof. Ilse Marrow spoke."));
    }

    @Test
    void abbreviationsAreMatchedIgnoringCase() {
      assertEquals(List.of("GEN. ARLO VENN SPOKE."), sentences("GEN. ARLO VENN SPOKE."));
    }

    @Test
    void initialsDoNotEndASentence() {
      assertEquals(List.of("J. R. Tolvey arrived at the depot.", "He left."),
          sentences("J. R. Tolvey arrived at the depot. He left."));
    }

    @Test
    void dottedAcronymsDoNotEndASentence() {
      assertEquals(List.of("The U.N. Mission in Ostravel reported it.", "Talks began."),
          sentences("The U.N. Mission in Ostravel reported it. Talks began."));
      assertEquals(List.of("Aid from the U.S. arrived.", "Talks began."),
          sentences("Aid from the U.S. arrived. Talks began."));
    }

    @Test
    void decimalsDoNotEndASentence() {
      assertEquals(List.of("The figure was 4.5 million.", "It rose later."),
          sentences("The figure was 4.5 million. It rose later."));
    }

    @Test
    void ellipsisBeforeLowercaseContinuesAndBeforeACapitalEnds() {
      assertEquals(List.of("The talks stalled... and then resumed.", "Nobody knew why."),
          sentences("The talks stalled... and then resumed. Nobody knew why."));
      assertEquals(List.of("He waited\u2026", "Then the bells rang."),
          sentences("He waited\u2026 Then the bells rang."));
    }

    @Test
    void repeatedTerminatorsEndOneSentence() {
      assertEquals(List.of("It rose!!", "Then it fell?!", "Really."),
          sentences("It rose!! Then it fell?! Really."));
    }

    @Test
    void closingQuotesAndBracketsAfterTheTerminatorStayWithTheSentence() {
      assertEquals(List.of("He said: \u201CWe held the bridge.\u201D", "Others disagreed."),
          sentences("He said: \u201CWe held the bridge.\u201D Others disagreed."));
      assertEquals(List.of("(The garrison left.)", "Then rain fell."),
          sentences("(The garrison left.) Then rain fell."));
      assertEquals(List.of("He asked: 'Who held it?'", "Nobody answered."),
          sentences("He asked: 'Who held it?' Nobody answered."));
    }

    @Test
    void lowercaseOrContinuingPunctuationAfterATerminatorContinues() {
      assertEquals(List.of("The shout \"Halt!\" was heard, and nobody moved."),
          sentences("The shout \"Halt!\" was heard, and nobody moved."));
    }

    @Test
    void aHeadlineOnItsOwnLineIsASentence() {
      assertEquals(List.of("Ferry Returns To Port Vell", "The ferry came back on Monday."),
          sentences("Ferry Returns To Port Vell\nThe ferry came back on Monday."));
    }

    @Test
    void aHardWrappedLineContinuesWhenTheNextLineStartsLowercase() {
      assertEquals(List.of("The soldiers walked\nalong the river all night.", "Dawn came."),
          sentences("The soldiers walked\nalong the river all night. Dawn came."));
    }

    @Test
    void blankLinesSeparateParagraphs() {
      String text = "First paragraph here.\n\nSecond one. Still second.\r\n \r\nThird.";
      Segmentation s = segmenter.segment(text);
      assertEquals(List.of("First paragraph here.", "Second one.", "Still second.", "Third."),
          sentences(text));
      assertEquals(List.of(0, 1, 1, 2), List.of(s.sentenceParagraph[0], s.sentenceParagraph[1],
          s.sentenceParagraph[2], s.sentenceParagraph[3]));
    }

    @Test
    void aParagraphSeparatorCharacterEndsAParagraph() {
      Segmentation s = segmenter.segment("One here\u2029two here");
      assertEquals(2, s.sentenceCount);
      assertEquals(1, s.sentenceParagraph[1]);
    }

    @Test
    void questionsAreFlaggedEvenBehindAClosingQuote() {
      Segmentation s = segmenter.segment(
          "Who held the bridge? He asked: \"Who won?\" Nobody answered.");
      assertEquals(3, s.sentenceCount);
      assertTrue(s.sentenceIsQuestion[0]);
      assertTrue(s.sentenceIsQuestion[1]);
      assertFalse(s.sentenceIsQuestion[2]);
    }

    @Test
    void aLongSentenceIsCutAtTheNextWhitespaceAfterTheCap() {
      String text = "word ".repeat(3_000);
      Segmentation s = segmenter.segment(text);
      assertEquals(2, s.sentenceCount);
      // Spaces sit at 4, 9, ...; the first at or after 10,000 chars into the sentence is 10,004.
      assertEquals(List.of(0, 10_004, 10_005, 14_999), List.of(s.sentenceStart[0],
          s.sentenceEnd[0], s.sentenceStart[1], s.sentenceEnd[1]));
    }

    @Test
    void aLongHardWrappedSentenceIsCutAtALineBreakPastTheCap() {
      // Lines that go on in lowercase join one sentence; past the cap a line break cuts it, as
      // a space would, instead of the hard cut in the middle of a word.
      String text = "won\n".repeat(6_000);
      Segmentation s = segmenter.segment(text);
      assertEquals(3, s.sentenceCount);
      assertEquals(List.of(0, 10_003, 10_004, 20_007), List.of(s.sentenceStart[0],
          s.sentenceEnd[0], s.sentenceStart[1], s.sentenceEnd[1]));
    }

    @Test
    void aLongSentenceWithoutWhitespaceIsCutHardNearTwiceTheCap() {
      String text = "x".repeat(50_000);
      Segmentation s = segmenter.segment(text);
      assertEquals(3, s.sentenceCount);
      for (int i = 0; i < s.sentenceCount; i++) {
        int length = s.sentenceEnd[i] - s.sentenceStart[i];
        assertTrue(length <= 2 * Segmenter.MAX_SENTENCE_CHARS + 1, "sentence " + i + ": "
            + length);
      }
      assertEquals(50_000, s.sentenceEnd[2]);
    }

    @Test
    void theHardCutNeverSplitsASurrogatePair() {
      String text = "\uD83D\uDE00".repeat(25_000);
      Segmentation s = segmenter.segment(text);
      assertTrue(s.sentenceCount > 1);
      for (int i = 0; i < s.sentenceCount; i++) {
        assertFalse(Character.isLowSurrogate(text.charAt(s.sentenceStart[i])), "start " + i);
        assertFalse(Character.isHighSurrogate(text.charAt(s.sentenceEnd[i] - 1)), "end " + i);
      }
    }

    @Test
    void emptyAndBlankTextHaveNoSentences() {
      assertEquals(0, segmenter.segment("").sentenceCount);
      assertEquals(0, segmenter.segment(" \n\n\t \r\n").sentenceCount);
    }
  }

  @Nested
  class Quotations {
    @Test
    void straightDoubleQuotes() {
      assertEquals(List.of("\"We will hold the bridge until spring,\""),
          quotes("\"We will hold the bridge until spring,\" the mayor said."));
    }

    @Test
    void curlyDoubleQuotesIncludingLowNine() {
      assertEquals(List.of("\u201CWe held it for ninety days,\u201D"),
          quotes("\u201CWe held it for ninety days,\u201D she said."));
      assertEquals(List.of("\u201EWir haben gehalten und bleiben hier,\u201D"),
          quotes("\u201EWir haben gehalten und bleiben hier,\u201D sagte sie."));
    }

    @Test
    void curlyAndStraightSingleQuotes() {
      assertEquals(List.of("\u2018We held the ridge for a month,\u2019"),
          quotes("\u2018We held the ridge for a month,\u2019 he said."));
      assertEquals(List.of("'We held the ridge for a month,'"),
          quotes("'We held the ridge for a month,' he said."));
    }

    @Test
    void apostrophesAreNotQuotes() {
      assertEquals(List.of(), quotes("The rebels don't agree. The rebels' leaders left."));
      assertEquals(List.of(), quotes("Ostrava\u2019s council met. Varn\u2019 envoys left."));
      assertEquals(List.of(), quotes("They can\u2019t say it\u2019s over in the \u201990s way."));
    }

    @Test
    void apostrophesInsideADoubleQuotation() {
      assertEquals(List.of("\u201CThe fighters\u2019 resolve hasn\u2019t broken at all,\u201D"),
          quotes("\u201CThe fighters\u2019 resolve hasn\u2019t broken at all,\u201D he said."));
    }

    @Test
    void aSingleQuoteNestedInADoubleQuoteIsSortedByStart() {
      Segmentation s = segmenter.segment(
          "\"They called it a 'triumph' on the radio all week,\" she said.");
      assertEquals(2, s.quoteCount);
      assertEquals(List.of(0, 51, 18, 27), List.of(s.quoteStart[0], s.quoteEnd[0],
          s.quoteStart[1], s.quoteEnd[1]));
      assertEquals(1, s.quoteContaining(19, 26));
      assertEquals(0, s.quoteContaining(1, 5));
      assertEquals(-1, s.quoteContaining(53, 56));
    }

    @Test
    void theQuotationHoldingASpanAfterSeveralNestedScareQuotes() {
      String text = "\u201CThey called it a \u2018win\u2019, a \u2018triumph\u2019 and a "
          + "\u2018rout\u2019, but we held the ford,\u201D she said.";
      Segmentation s = segmenter.segment(text);
      assertEquals(4, s.quoteCount);
      int ford = text.indexOf("ford");
      assertEquals(0, s.quoteContaining(ford, ford + 4));
      int triumph = text.indexOf("triumph");
      assertEquals(2, s.quoteContaining(triumph, triumph + 7));
      int said = text.indexOf("said");
      assertEquals(-1, s.quoteContaining(said, said + 4));
    }

    @Test
    void aSpanBetweenTwoQuotationsIsInNeither() {
      String text = "\"We held the ford all week,\" she said, and then \"we went home.\"";
      Segmentation s = segmenter.segment(text);
      assertEquals(2, s.quoteCount);
      int then = text.indexOf("then");
      assertEquals(-1, s.quoteContaining(then, then + 4));
      int home = text.indexOf("home");
      assertEquals(1, s.quoteContaining(home, home + 4));
      // A span that runs out of a quotation is not inside it.
      int all = text.indexOf("all");
      assertEquals(-1, s.quoteContaining(all, then));
    }

    @Test
    void anUnclosedQuoteClosesAtTheEndOfItsParagraph() {
      String text = "He said \"this runs on and on\n\nA new paragraph starts here.";
      assertEquals(List.of("\"this runs on and on"), quotes(text));
      assertEquals(List.of("\"this runs on and on"),
          quotes("He said \"this runs on and on   "));
    }

    @Test
    void anUnclosedShortQuoteIsNotAScareQuote() {
      assertEquals(List.of("\"we won"), quotes("It was \"we won\n\nNext."));
    }

    @Test
    void aShortEmbeddedQuotationIsAScareQuote() {
      assertEquals(List.of("'victory' (scare)"), quotes("It was a 'victory' tour."));
      assertEquals(List.of("\u201Cpolitical victory.\u201D (scare)"),
          quotes("He called it a \u201Cpolitical victory.\u201D Others disagreed."));
      assertEquals(List.of("\u201Cyes\u201D (scare)"), quotes("He said \u201Cyes\u201D, then left."));
    }

    @Test
    void aShortQuotationOpeningTheSentenceIsSpeech() {
      assertEquals(List.of("\u201CVictory,\u201D"), quotes("\u201CVictory,\u201D he said."));
      assertEquals(List.of("\u2018Victory\u2019"), quotes("\u2018Victory\u2019 was the word."));
      assertEquals(List.of("\u201CWe won.\u201D"),
          quotes("The rain stopped. \u201CWe won.\u201D Then the bells rang."));
    }

    @Test
    void aShortQuotationEndingInACommaIsSpeech() {
      assertEquals(List.of("\u201Cwe held,\u201D"),
          quotes("Then, \u201Cwe held,\u201D the captain said."));
    }

    @Test
    void aQuotationOfThreeWordsIsAScareQuoteAndOfFourIsNot() {
      assertEquals(List.of("'a short victory' (scare)", "'a very short victory'"),
          quotes("It was 'a short victory' and 'a very short victory' too."));
    }
  }
}
