package dev.framelens.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.FrameDetector;
import dev.framelens.internal.lexicon.CompiledLexicon.PatternInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each alternative finds what it should in a sentence the default lexicon acts on, and nothing
 * in one it does not know a word of, so that none of them is measured counting nothing (or
 * everything).
 */
class AlternativesTest {
  static final String FRAMED = "The army claimed victory after the siege, and 40 civilians "
      + "were killed.";
  static final String UNKNOWN = "Zorblat quexed flimbos.";

  static Alternatives.RegexAlternation alternation;
  static Alternatives.RegexPerRule perRule;
  static Alternatives.AhoCorasick trie;
  static Alternatives.AhoCorasickDoubleArray doubleArray;
  static Alternatives.LuceneMonitor monitor;

  @BeforeAll
  static void setUp() throws IOException {
    alternation = new Alternatives.RegexAlternation();
    alternation.setUp();
    perRule = new Alternatives.RegexPerRule();
    perRule.setUp();
    trie = new Alternatives.AhoCorasick();
    trie.setUp();
    doubleArray = new Alternatives.AhoCorasickDoubleArray();
    doubleArray.setUp();
    monitor = new Alternatives.LuceneMonitor();
    monitor.setUp();
  }

  @AfterAll
  static void tearDown() throws IOException {
    monitor.tearDown();
  }

  @Test
  void theDetectorItselfFindsTheFrames() {
    assertTrue(FrameDetector.withDefaultLexicon().analyze(FRAMED).evidence().size() >= 2);
  }

  @Test
  void theAlternationFindsTheLexiconsWords() {
    List<String> found = new ArrayList<>();
    Matcher m = alternation.matcher.reset(FRAMED);
    while (m.find()) {
      found.add(m.group().toLowerCase(Locale.ROOT));
    }
    assertTrue(found.containsAll(List.of("claimed", "victory", "civilians", "killed")),
        found.toString());
    assertEquals(0, alternation.matcher.reset(UNKNOWN).results().count());
  }

  @Test
  void theRegexOfARuleMatchesWhatTheRuleMatches() {
    PatternInfo claimed = rule("claimed-victory");
    Pattern regex = Pattern.compile(new LexiconTerms(Alternatives.defaultLexicon())
        .patternRegex(claimed), Pattern.CASE_INSENSITIVE);
    Matcher m = regex.matcher(FRAMED);
    assertTrue(m.find(), regex.pattern());
    assertEquals("claimed victory", m.group());
  }

  @Test
  void theRegexesPerRuleFindMatches() {
    assertEquals(Alternatives.defaultLexicon().patterns.length, perRule.matchers.length);
    assertTrue(countPerRule(FRAMED) >= 2);
    assertEquals(0, countPerRule(UNKNOWN));
  }

  @Test
  void ahoCorasickCountsWholeWordsAndOpenEndedStems() {
    // claimed (claim~), victory (victori~ as "victory"), civilians (civilian~), killed (kill~)
    assertTrue(trie.count(FRAMED) >= 4, () -> "count " + trie.count(FRAMED));
    assertEquals(0, trie.count(UNKNOWN));
    // Whole words: "the" is a word of the lexicon, but not inside "thermos".
    assertEquals(trie.count("the"), trie.count("the thermos"));
  }

  @Test
  void bothAhoCorasickTriesFindTheSameMatches() {
    // Capitals, words inside words ("theatre", "kill" in "skill"), stems open at the end
    // ("claim" in "claimants"), punctuation, digits and non-ASCII letters around the words.
    String text = "THE Army's spokesman Claimed Victory; skilled claimants in the theatre "
        + "said 12 were Killed and 3 wounded -- the rebels' retreat (a rout) was \"total\". "
        + "Über-victory? Killed\u00e9 civilians\u2019 homes, 7killed.";
    List<String> slow = new ArrayList<>(trie.matches(text));
    List<String> fast = new ArrayList<>(doubleArray.matches(text));
    assertTrue(slow.size() >= 6, () -> slow + " in " + text);
    Collections.sort(slow);
    Collections.sort(fast);
    assertEquals(slow, fast);
    for (String doc : List.of(FRAMED, UNKNOWN, "", "the", "the theatre", text.toUpperCase())) {
      assertEquals(trie.count(doc), doubleArray.count(doc), doc);
    }
    assertEquals(trie.matches(FRAMED).size(), trie.count(FRAMED));
    assertEquals(doubleArray.matches(FRAMED).size(), doubleArray.count(FRAMED));
  }

  @Test
  void theDoubleArrayTrieHoldsTheSameKeywordsAndCountsWholeWords() {
    assertEquals(Alternatives.ahoCorasickKeywords(new LexiconTerms(Alternatives.defaultLexicon()))
        .size(), doubleArray.trie.size());
    assertTrue(doubleArray.count(FRAMED) >= 4, () -> "count " + doubleArray.count(FRAMED));
    assertEquals(0, doubleArray.count(UNKNOWN));
    assertEquals(doubleArray.count("the"), doubleArray.count("the thermos"));
    assertEquals(doubleArray.count("claimed victory"), doubleArray.count("CLAIMED Victory"));
  }

  @Test
  void luceneMonitorMatchesParagraphsInABatch() {
    Document[] batch = {monitor.document(FRAMED), monitor.document(UNKNOWN),
        monitor.document(FRAMED)};
    long both = monitor.match(batch);
    long one = monitor.match(new Document[] {monitor.document(FRAMED)});
    assertTrue(one >= 4, () -> "matches " + one);
    assertEquals(2 * one, both);
    assertEquals(0, monitor.match(new Document[] {monitor.document(UNKNOWN)}));
  }

  @Test
  void theScoringLoopMethodsCountOverTheirDocuments() {
    ScoringLoopBenchmark loop = new ScoringLoopBenchmark();
    loop.setUp();
    // Two paragraphs per document, so that the monitor's paragraph cutting is exercised too.
    loop.documents = List.of(FRAMED + "\n\n" + FRAMED, UNKNOWN);
    loop.sample = ScoringLoopBenchmark.sample(loop.documents); // all of them: under the limit
    assertEquals(loop.documents, loop.sample);
    assertTrue(loop.charScanFloor() > 0);
    assertTrue(loop.tokenizerFloor() >= 20);
    assertTrue(loop.matchPass() >= 2);
    assertEquals(2 * countPerRule(FRAMED), loop.regexPerRule(perRule));
    assertTrue(loop.regexAlternation(alternation) >= 8);
    assertEquals(2 * trie.count(FRAMED), loop.ahoCorasick(trie));
    assertEquals(2 * trie.count(FRAMED), loop.ahoCorasickDoubleArray(doubleArray));
    assertEquals(2 * monitor.match(new Document[] {monitor.document(FRAMED)}),
        loop.luceneMonitor(monitor));
  }

  private static long countPerRule(String text) {
    long n = 0;
    for (Matcher m : perRule.matchers) {
      m.reset(text);
      while (m.find()) {
        n++;
      }
    }
    return n;
  }

  private static PatternInfo rule(String name) {
    for (PatternInfo p : Alternatives.defaultLexicon().patterns) {
      if (p.name.equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no rule " + name + " in the default lexicon");
  }
}
