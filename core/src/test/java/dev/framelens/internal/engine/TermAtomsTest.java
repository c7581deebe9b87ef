package dev.framelens.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.framelens.internal.lexicon.CompiledLexicon;
import dev.framelens.internal.lexicon.LexiconParts;
import dev.framelens.internal.lexicon.LexiconSource;
import dev.framelens.internal.match.PatternAutomaton;
import dev.framelens.internal.text.TokenBuffer;
import dev.framelens.internal.text.TokenSink;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The term cache packs a term's chars into two longs; terms that pack alike (longer than 16
 * chars, or with chars outside Latin-1 whose low byte matches) must still get their own atoms.
 */
class TermAtomsTest {
  private static final CompiledLexicon LEXICON = LexiconParts.read(LexiconSource.text(
      "terms.fl", """
          lexicon terms-test 1.0
          frame victory negated defeat
          rule plain : a
          rule long : counteroffensives
          rule longer : counteroffensivesx
          rule prefixed : stalemat*
          """)).compile();

  private final SharedTerms shared = new SharedTerms(LEXICON);
  private final TermAtoms terms = new TermAtoms(LEXICON, shared);

  private int[] atoms(String term, boolean capitalized) {
    return atoms(terms, term, capitalized);
  }

  private static int[] atoms(TermAtoms terms, String term, boolean capitalized) {
    TokenBuffer tokens = new TokenBuffer();
    tokens.token("#".toCharArray(), 1, 0, 1, 0); // so that the term sits at an offset
    int flags = capitalized ? TokenSink.CAPITALIZED : 0;
    tokens.token(term.toCharArray(), term.length(), 2, 2 + term.length(), flags);
    terms.lookup(tokens, 1);
    assertEquals(PatternAutomaton.maskOf(terms.atoms()), terms.mask(), "mask of " + term);
    return terms.atoms();
  }

  @Test
  void twoTablesOfOneEngineShareTheAtomsOfTheTermsTheyMeet() {
    int[] first = atoms("stalemated", false);
    assertEquals(1, shared.size());
    TermAtoms other = new TermAtoms(LEXICON, shared);
    // Resolved once per engine: the other table finds the same array, and adds no term.
    assertSame(first, atoms(other, "stalemated", false));
    assertEquals(1, shared.size());
    atoms(other, "counteroffensives", false);
    assertEquals(2, shared.size());
  }

  @Test
  void aWordOutsideLatin1IsNotTheLatin1WordWithTheSameLowByte() {
    int[] a = atoms("a", false);
    assertEquals(1, a.length);
    // U+0161 and U+4E61 end in the byte 0x61, 'a'.
    assertArrayEquals(new int[0], atoms("\u0161", false));
    assertArrayEquals(new int[0], atoms("\u4E61", false));
    assertArrayEquals(a, atoms("a", false));
  }

  @Test
  void termsThatShareTheirFirstSixteenCharsAreKeptApart() {
    int[] sixteen = atoms("counteroffensive", false);
    int[] seventeen = atoms("counteroffensives", false);
    int[] eighteen = atoms("counteroffensivesx", false);
    assertEquals(0, sixteen.length);
    assertEquals(1, seventeen.length);
    assertEquals(1, eighteen.length);
    assertNotEquals(seventeen[0], eighteen[0]);
    assertArrayEquals(seventeen, atoms("counteroffensives", false));
  }

  @Test
  void aCapitalizedTermAddsTheCapitalizedAtom() {
    int[] lower = atoms("stalemated", false);
    int[] capital = atoms("stalemated", true);
    assertEquals(1, lower.length);
    int[] expected = Arrays.copyOf(lower, 2);
    expected[1] = PatternAutomaton.CAPITALIZED;
    Arrays.sort(expected);
    assertArrayEquals(expected, capital);
    assertArrayEquals(lower, atoms("stalemated", false));
  }

  private int setId(String term, boolean capitalized) {
    atoms(term, capitalized);
    return terms.setId();
  }

  @Test
  void setIdsAreEqualExactlyForEqualAtomSets() {
    assertEquals(TermAtoms.NONE_SET, setId("unrelated", false));
    assertEquals(setId("stalemated", false), setId("stalemates", false)); // one prefix atom
    assertNotEquals(setId("stalemated", false), setId("stalemated", true));
    assertNotEquals(setId("a", false), setId("counteroffensives", false));
  }

  @Test
  void theCacheStaysCorrectWhenItFillsUpAndStartsAgain() {
    int[] a = atoms("a", false);
    assertEquals(false, terms.startSentence());
    for (int i = 0; i <= TermAtoms.CACHE_LIMIT + 10; i++) {
      atoms("w" + i, (i & 1) == 0);
    }
    assertArrayEquals(a, atoms("a", false)); // over the limit until the next sentence starts
    assertEquals(true, terms.startSentence());
    assertEquals(false, terms.startSentence());
    assertEquals(TermAtoms.NONE_SET, setId("w7", false));
    assertArrayEquals(a, atoms("a", false));
    assertArrayEquals(new int[0], atoms("w5", false));
    assertEquals(1, atoms("stalematex", false).length);
  }

  @Test
  void aTermTooLongToCacheIsStillResolved() {
    String longWord = "stalemat" + "e".repeat(60);
    assertEquals(1, atoms(longWord, false).length);
    assertEquals(2, atoms(longWord, true).length);
  }
}
