package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Semantics of the rule language that lexicon authors rely on and that are easy to get subtly
 * wrong: statement continuation, block frames, disable with references, gaps and clause
 * boundaries for every pattern kind, literals read as numbers, "n't", the lexical scope of a
 * frame's negation target, scare quotes, {@code scope ... outside} and {@code keep}.
 */
class RuleLanguageSemanticsTest {

  private static FrameDetector detector(String lexicon) {
    return FrameDetector.builder().lexicon(Lexicon.parse("t.fl", lexicon)).build();
  }

  @Test
  void anIndentedHeaderMayPutItsColonOnTheNextLine() {
    Lexicon lexicon = Lexicon.parse("t.fl", """
        frame victory
          rule won : won
          rule claimed weight 0.9
            : claimed victory
        """);
    assertEquals(2, lexicon.rules().size());
    assertEquals(0.9, lexicon.rules().get(1).weight());
  }

  @Test
  void aMisspeltAttributeOnAnIndentedRuleLineIsReportedAsSuch() {
    LexiconException e = assertThrows(LexiconException.class, () -> Lexicon.parse("t.fl", """
        frame defeat
          rule fled : fled
          rule routed wieght 0.5 : routed
        """));
    assertEquals("t.fl:3:15: unknown rule attribute (expected weight, frames, negated, kind, "
        + "immune or overrides before ':'): \"wieght\"", e.problems().get(0).toString());
  }

  @Test
  void aBadAttributeValueDoesNotHideTheProblemsOfThePattern() {
    LexiconException e = assertThrows(LexiconException.class, () -> Lexicon.parse("t.fl", """
        frame victory
        rule won weight 1.5 : @wins
        """));
    assertEquals(List.of("t.fl:2:17: weight must be in (0, 1]: \"1.5\"",
        "t.fl:2:23: unknown set: \"@wins\""),
        e.problems().stream().map(Object::toString).toList());
  }

  @Test
  void aContinuationLineMayStartWithAKeywordThatIsAlsoAWord() {
    Lexicon lexicon = Lexicon.parse("t.fl", """
        frame victory
        rule asked : asked (about | over)
          who won
        """);
    FrameAnalysis a = detector("""
        frame victory
        rule asked : asked (about | over)
          who won
        """).analyze("They asked about who won.");
    assertEquals(1, lexicon.rules().size());
    assertEquals(Set.of(Frame.VICTORY), a.labels());
  }

  @Test
  void aBlockWithFramesCancelsOnlyThoseFrames() {
    FrameAnalysis a = detector("""
        rule lost frames defeat,casualty-emphasis : lost their homes
        block homes frames defeat : lost their homes
        """).analyze("The villagers lost their homes.");
    assertEquals(Set.of(Frame.CASUALTY_EMPHASIS), a.labels());
    Evidence cancelled = a.suppressed().get(0);
    assertEquals(Frame.DEFEAT, cancelled.frame());
    assertEquals("block", cancelled.modifiers().get(0).effect());
  }

  @Test
  void disablingARuleThatAnotherOverridesDropsTheReference() {
    Lexicon base = Lexicon.parse("base.fl", """
        frame defeat
        rule loss : losses
        rule heavy overrides loss : heavy losses
        """);
    Lexicon extended = base.extend("mine.fl", "disable loss\n");
    assertEquals(1, extended.rules().size());
    FrameAnalysis a = FrameDetector.builder().lexicon(extended).build()
        .analyze("The brigade suffered heavy losses.");
    assertEquals(Set.of(Frame.DEFEAT), a.labels());
  }

  @Test
  void gapsOfBlocksAndTriggersDoNotCrossACommaEither() {
    FrameDetector d = detector("""
        frame victory
        rule won : won
        block said-won : said ...{0,2} won
        modifier not scope before 4 : not ...{0,2} really
          * -> drop
        """);
    assertEquals(Set.of(Frame.VICTORY), d.analyze("They said, again, won.").labels());
    assertEquals(Set.of(Frame.VICTORY), d.analyze("Not, truly, really won.").labels());
    assertEquals(Set.of(), d.analyze("They said they won.").labels());
  }

  @Test
  void aLiteralThatTheTextReadsAsANumberIsRefused() {
    LexiconException e = assertThrows(LexiconException.class, () -> Lexicon.parse("t.fl", """
        frame casualty-emphasis
        rule toll : hundreds of people killed
        """));
    assertEquals("t.fl:2:13: these words are read as a number in the text and can never match "
        + "as words; write NUMBER instead: \"hundreds\"", e.problems().get(0).toString());
  }

  @Test
  void nApostropheTInAPatternMeansNot() {
    FrameAnalysis a = detector("""
        frame defeat
        rule no-win : n't win
        """).analyze("The army can't win.");
    assertEquals(Set.of(Frame.DEFEAT), a.labels());
  }

  @Test
  void aFramesNegationTargetAppliesToTheRulesAfterIt() {
    Lexicon base = Lexicon.parse("base.fl", """
        frame victory negated defeat
        rule won : won
        modifier not scope before 2 : not
          * -> negate
        """);
    Lexicon extended = base.extend("mine.fl", """
        frame victory negated none
        rule triumphed : triumphed
        """);
    FrameDetector d = FrameDetector.builder().lexicon(extended).build();
    assertEquals(Set.of(Frame.DEFEAT), d.analyze("They have not won.").labels());
    assertEquals(Set.of(), d.analyze("They have not triumphed.").labels());
  }

  @Test
  void theScareQuotedConditionHoldsWhenTheRulesWordIsInScareQuotes() {
    FrameDetector d = detector("""
        frame victory
        rule claim : the victory
        modifier scare scope before 2 if scare-quoted : celebrated
          victory -> weaken 0.5
        """);
    Evidence quoted = d.analyze("They celebrated the 'victory' loudly.").evidence().get(0);
    assertEquals(Evidence.Polarity.CONTESTED, quoted.polarity());
    assertEquals(0.5, quoted.weight(), 1e-9);
    Evidence plain = d.analyze("They celebrated the victory loudly.").evidence().get(0);
    assertEquals(Evidence.Polarity.ASSERTED, plain.polarity());
    assertEquals(1.0, plain.weight(), 1e-9);
  }

  @Test
  void anOutsideScopeIgnoresTriggersInsideTheMatch() {
    FrameDetector d = detector("""
        frame victory
        rule ready : ready ...{0,2} attack
        modifier to scope before 1 outside : to
          * -> drop
        """);
    assertEquals(Set.of(Frame.VICTORY), d.analyze("They were ready to attack.").labels());
    assertEquals(Set.of(), d.analyze("They wanted to ready an attack.").labels());
  }

  @Test
  void keepShieldsAMatchFromModifiersFurtherAway() {
    FrameDetector d = detector("""
        frame defeat
        rule losses : heavy losses
        modifier whether scope before sentence : whether
          * -> drop
        modifier doubt scope before 4 : no doubt
          * -> keep
        """);
    assertEquals(Set.of(), d.analyze("Whether they took heavy losses is unclear.").labels());
    FrameAnalysis kept = d.analyze("Whether or not they admit it, no doubt they took heavy losses.");
    assertEquals(Set.of(Frame.DEFEAT), kept.labels());
    assertEquals("keep", kept.evidence().get(0).modifiers().get(0).effect());
  }

  @Test
  void aSpanEndingInAScareQuoteInsideAQuotationBelongsToTheQuotation() {
    FrameDetector d = detector("""
        frame victory
        rule won-victory : won ...{0,2} victory
        attribution speech : said
        speaker-words minister
        modifier in-quotes scope around sentence if quoted : today
          victory -> weaken 0.5
        """);
    Evidence nested = d.analyze(
        "\u201CWe won a \u2018victory\u2019 today, a real one,\u201D the minister said.")
        .evidence().get(0);
    assertEquals("the minister", nested.speaker().orElseThrow());
    assertEquals(0.5, nested.weight(), 1e-9);
  }

  @Test
  void includesNestAtMostSixteenDeep(@TempDir Path dir) throws IOException {
    for (int i = 0; i < 20; i++) {
      Files.writeString(dir.resolve("f" + i + ".fl"), "include f" + (i + 1) + ".fl\n");
    }
    Files.writeString(dir.resolve("f20.fl"), "frame victory\nrule won : won\n");
    LexiconException e = assertThrows(LexiconException.class,
        () -> Lexicon.load(dir.resolve("f0.fl")));
    LexiconException.Problem p = e.problems().get(0);
    assertEquals("includes nest deeper than 16", p.message());
    assertEquals("f16.fl", p.offendingText());
  }

  @Test
  void aSentenceLongerThanAWindowIsMatchedWindowByWindow() {
    FrameDetector d = detector("""
        frame victory
        rule won-war : won the war
        """);
    // 2,400 filler tokens in one sentence, a match in the third window, and one that
    // straddles the boundary between the first and second windows (tokens 999 to 1001).
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2_400; i++) {
      text.append(i == 998 ? "won the war " : i == 2_100 ? "won the war " : "x ");
    }
    String sentence = text.toString().strip() + ".";
    FrameAnalysis a = d.analyze(sentence);
    assertEquals(1, a.sentences().size());
    assertEquals(1, a.evidence().size(), a::toString);
    Evidence e = a.evidence().get(0);
    assertEquals("won the war", e.text());
    assertEquals(sentence.substring(e.start(), e.end()), e.text());
    assertTrue(e.start() > 4_000, () -> "the match in the third window: " + e);
  }

  @Test
  void twoModifiersSharingATriggerWordBothAct() {
    FrameDetector d = detector("""
        frame victory
        rule won : victory
        frame casualty-emphasis
        rule dead : casualties
        modifier no-victory scope before 1 : no
          victory -> drop
        modifier no-harm scope before 1 : no
          casualty-emphasis -> drop
        """);
    FrameAnalysis a = d.analyze("There was no victory and there were no casualties.");
    assertEquals(Set.of(), a.labels());
    assertEquals(2, a.suppressed().size(), a::toString);
  }

  @Test
  void aLemmaAtomMatchesEveryInflectionInsideAPhrase() {
    FrameDetector d = detector("""
        frame survival-as-win
          rule held-firm : (stand^ | hold^) firm
        frame defeat
          rule beaten-back : beat^ back
        """);
    for (String text : List.of("The defenders stand firm.", "The defenders stood firm.",
        "The defenders were standing firm.", "The defenders were holding firm.",
        "The defenders held firm.", "The garrison holds firm.")) {
      assertEquals(Set.of(Frame.SURVIVAL_AS_WIN), d.analyze(text).labels(), text);
    }
    for (String text : List.of("The raiders were beaten back.", "They beat back the raid.",
        "The militia beats back every assault.")) {
      assertEquals(Set.of(Frame.DEFEAT), d.analyze(text).labels(), text);
    }
    assertEquals(Set.of(), d.analyze("The defenders stand by the river.").labels());
  }

  @Test
  void aLemmaInASetAddsItsFormsToTheSet() {
    FrameDetector d = detector("""
        set @flee = flee^ run~
        frame defeat
          rule fled : (the)? (garrison | militia) @flee
        """);
    for (String text : List.of("The garrison fled.", "The militia flees.",
        "The garrison fleeing.", "The militia runs.")) {
      assertEquals(Set.of(Frame.DEFEAT), d.analyze(text).labels(), text);
    }
  }

  @Test
  void aLemmaOfTwoWordsIsRefusedWithItsPosition() {
    LexiconException e = assertThrows(LexiconException.class, () -> Lexicon.parse("t.fl", """
        set @retreat = pull-back^
        frame defeat
          rule pulled : ^ back
        """));
    assertEquals(List.of(
        "t.fl:1:16: '^' applies to one word (write the other words of a phrase as words or "
            + "lemmas of their own): \"pull-back^\"",
        "t.fl:3:17: '^' must follow a word: \"^\""),
        e.problems().stream().map(Object::toString).toList());
  }

  @Test
  void aModifierDoesNotActInASentenceWithAWordOfItsUnlessSet() {
    FrameDetector d = detector("""
        set @sport = final league match
        set @armed = army militia rebels
        set @state = ministry
        frame victory
          rule won : won
        modifier off-topic scope around sentence unless @armed,@state : @sport
          * -> drop
        """);
    assertEquals(Set.of(), d.analyze("The town club won the final.").labels());
    assertEquals(Set.of(), d.analyze("Once more the club won, and the league is over.").labels());
    assertEquals(Set.of(Frame.VICTORY),
        d.analyze("The rebels won the final battle for the port.").labels());
    assertEquals(Set.of(Frame.VICTORY),
        d.analyze("The ministry says the match was won by the militia.").labels());
    // Only the sentence counts: an army in the sentence before does not protect this one.
    assertEquals(List.of(Set.of(), Set.of()), d.analyze(
        "The army marched. The club won the final.").sentences().stream()
        .map(FrameAnalysis.Sentence::labels).toList());
  }

  @Test
  void unlessMustNameKnownSets() {
    LexiconException e = assertThrows(LexiconException.class, () -> Lexicon.parse("t.fl", """
        set @armed = army
        frame victory
          rule won : won
        modifier off-topic scope around sentence unless @armd,army : final
          * -> drop
        """));
    assertEquals(List.of(
        "t.fl:4:49: unknown set (did you mean @armed?): \"@armd\"",
        "t.fl:4:55: 'unless' names word sets, such as 'unless @contest' or "
            + "'unless @army,@state': \"army\""),
        e.problems().stream().map(Object::toString).toList());
  }

  @Test
  void aModifierOfTheParagraphActsOnEverySentenceOfItsParagraph() {
    FrameDetector d = detector("""
        set @sport = league stadium
        set @armed = army militia
        frame victory
          rule won : won
        frame casualty-emphasis
          rule dead kind killed : NUMBER ...{0,3} dead
        modifier off-topic scope around paragraph unless @armed : @sport
          * -> drop
        """);
    // The trigger in the second sentence mutes the first; the figure stays as data.
    FrameAnalysis sport = d.analyze("The club won again. The league has never seen such a run. "
        + "Two fans were dead after the crush.");
    assertEquals(Set.of(), sport.labels());
    assertEquals(1, sport.casualtyCounts().size());
    assertEquals("off-topic", sport.suppressed().get(0).modifiers().get(0).ruleId());
    // An army anywhere in the paragraph vetoes it; another paragraph is not reached.
    assertEquals(Set.of(Frame.VICTORY),
        d.analyze("The club won again. The army paraded in the league stadium.").labels());
    assertEquals(Set.of(Frame.VICTORY),
        d.analyze("The militia won the town.\n\nThe league season opened.").labels());
    assertEquals(List.of(0.0, 0.0), d.analyze("The club won. The league cheered.").sentences()
        .stream().map(s -> s.scores().get(Frame.VICTORY)).toList());
  }

  @Test
  void aTriggerOfTheParagraphOnWordsARuleAskedForIsPartOfTheRule() {
    // "no match for" is a way to lose, not a sports fixture: its "match" triggers no mute, as a
    // sentence's trigger on a rule's own words does not act (bug: the army below was muted).
    FrameDetector d = detector("""
        set @sport = league match
        set @club = club fans
        frame defeat
          rule overmatched : (was | were) no match for
          rule lost : lost ...{0,2} battle
        frame survival-as-win
          rule rallied : CAP rallied
        modifier off-topic scope around paragraph unless @club : @sport
          * -> drop
        """);
    assertEquals(Set.of(Frame.DEFEAT),
        d.analyze("The army was no match for the rebels. It fled north.").labels());
    assertEquals(Set.of(Frame.DEFEAT),
        d.analyze("The rebels were no match for the army.").labels());
    // The same word elsewhere in the paragraph, or in a rule's gap, still mutes it.
    assertEquals(Set.of(), d.analyze("The army was no match for the rebels. The match was off.")
        .labels());
    assertEquals(Set.of(), d.analyze("The army lost a league battle.").labels());
    // A word that fills a slot of the rule (here CAP) is what the paragraph is about.
    assertEquals(Set.of(Frame.SURVIVAL_AS_WIN), d.analyze("Rebels rallied at dawn.").labels());
    assertEquals(Set.of(), d.analyze("League rallied at dawn.").labels());
  }

  @Test
  void theContestGateMutesALongDocumentThatNamesNoContest() {
    FrameDetector d = detector("""
        set @armed = army militia
        frame victory
          rule won : won
        frame casualty-emphasis
          rule dead kind killed : NUMBER ...{0,3} dead
        contest-gate paragraphs 3 unless @armed
        """);
    String match = "The club won the final.\n\nTwo fans were dead after the crush.\n\n"
        + "The mayor opened the season.";
    FrameAnalysis gated = d.analyze(match);
    assertEquals(Set.of(), gated.labels());
    assertEquals(1, gated.casualtyCounts().size()); // the figure stays as data
    Evidence.ModifierHit hit = gated.suppressed().get(0).modifiers().get(0);
    assertEquals("contest-gate", hit.ruleId());
    assertEquals("", hit.text());
    assertEquals(List.of(0.0, 0.0, 0.0), gated.sentences().stream()
        .map(s -> s.scores().get(Frame.VICTORY)).toList());
    // A word of the sets anywhere in the document opens the gate; a shorter one is not gated.
    assertEquals(Set.of(Frame.VICTORY, Frame.CASUALTY_EMPHASIS),
        d.analyze(match.replace("The mayor", "The army")).labels());
    assertEquals(Set.of(Frame.VICTORY, Frame.CASUALTY_EMPHASIS),
        d.analyze("The club won the final.\n\nTwo fans were dead after the crush.").labels());
    // Paragraphs are those with a sentence: blank lines before, between and after add none.
    assertEquals(Set.of(Frame.VICTORY, Frame.CASUALTY_EMPHASIS), d.analyze(
        "\n\n\nThe club won the final.\n\n\n\nTwo fans were dead after the crush.\n\n")
        .labels());
    // A lexicon on top can turn the gate off.
    FrameDetector open = FrameDetector.builder()
        .lexicon(d.lexicon().extend("open", "contest-gate off")).build();
    assertEquals(Set.of(Frame.VICTORY, Frame.CASUALTY_EMPHASIS), open.analyze(match).labels());
  }

  @Test
  void aContestGateIsWrittenWithItsParagraphsAndKnownSets() {
    LexiconException e = assertThrows(LexiconException.class, () -> Lexicon.parse("t.fl", """
        set @armed = army
        contest-gate paragraphs 0 unless @armed
        contest-gate paragraph 3 unless @armed
        contest-gate paragraphs 3 unless @armd
        contest-gate paragraphs 3 when @armed
        contest-gate on
        """));
    assertEquals(List.of(
        "t.fl:2:25: the number of paragraphs must be a whole number from 1 to 1000: \"0\"",
        "t.fl:3:14: expected 'paragraphs': \"paragraph\"",
        "t.fl:4:34: unknown set (did you mean @armed?): \"@armd\"",
        "t.fl:5:27: expected 'unless': \"when\"",
        "t.fl:6:16: expected 'contest-gate paragraphs <N> unless @set[,@set]' or "
            + "'contest-gate off': \"contest-gate on\""),
        e.problems().stream().map(Object::toString).toList());
  }

  @Test
  void aModifierOfTheParagraphMustBeAroundItAndOnlyDropOrWeaken() {
    LexiconException e = assertThrows(LexiconException.class, () -> Lexicon.parse("t.fl", """
        frame victory
          rule won : won
        modifier a scope before paragraph : league
          * -> drop
        modifier b scope around paragraph if question : league
          * -> drop
        modifier c scope around paragraph : league
          * -> negate
        """));
    assertEquals(List.of(
        "t.fl:3:18: a paragraph scope reaches the whole paragraph: write 'scope around "
            + "paragraph': \"before\"",
        "t.fl:5:10: a modifier of the paragraph takes no 'if' conditions (they are about one "
            + "sentence's match): \"b\"",
        "t.fl:8:3: a modifier of the paragraph can only drop, mute or weaken (it acts after the "
            + "sentences' own modifiers): \"negate\""),
        e.problems().stream().map(Object::toString).toList());
  }

  @Test
  void capDoesNotMatchTheNotNamesEvenAtTheStartOfASentence() {
    String rules = """
        frame defeat
          rule fell : CAP ...{0,1} fell
        """;
    FrameDetector plain = detector(rules);
    FrameDetector withNotNames = detector(rules + "not-names the a an\n");
    assertEquals(Set.of(Frame.DEFEAT), plain.analyze("The regime fell.").labels());
    assertEquals(Set.of(), withNotNames.analyze("The regime fell.").labels());
    assertEquals(Set.of(), withNotNames.analyze("The fell was steep.").labels());
    assertEquals(Set.of(Frame.DEFEAT), withNotNames.analyze("Velmora fell in May.").labels());
    assertEquals(Set.of(Frame.DEFEAT), withNotNames.analyze("In May Velmora fell.").labels());
  }
}
