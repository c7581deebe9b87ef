package dev.framelens.internal.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.framelens.internal.lexicon.CompiledLexicon;
import dev.framelens.internal.lexicon.LexiconCompiler;
import dev.framelens.internal.lexicon.LexiconParts;
import dev.framelens.internal.lexicon.LexiconSource;
import dev.framelens.internal.match.NaivePatterns.Alt;
import dev.framelens.internal.match.NaivePatterns.Any;
import dev.framelens.internal.match.NaivePatterns.Cap;
import dev.framelens.internal.match.NaivePatterns.Gap;
import dev.framelens.internal.match.NaivePatterns.Lex;
import dev.framelens.internal.match.NaivePatterns.Match;
import dev.framelens.internal.match.NaivePatterns.Num;
import dev.framelens.internal.match.NaivePatterns.Opt;
import dev.framelens.internal.match.NaivePatterns.Pat;
import dev.framelens.internal.match.NaivePatterns.Phrase;
import dev.framelens.internal.match.NaivePatterns.Prefix;
import dev.framelens.internal.match.NaivePatterns.Reference;
import dev.framelens.internal.match.NaivePatterns.Seq;
import dev.framelens.internal.match.NaivePatterns.SetItem;
import dev.framelens.internal.match.NaivePatterns.SetRef;
import dev.framelens.internal.match.NaivePatterns.Stem;
import dev.framelens.internal.match.NaivePatterns.Token;
import dev.framelens.internal.match.NaivePatterns.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.apache.lucene.analysis.CharArrayMap;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The compiled automaton against a naive matcher ({@link NaivePatterns}): random small lexicons
 * (sets of words, stems, prefixes and other sets; patterns of literals, phrases, stems,
 * prefixes, sets, NUMBER, CAP, {@code _}, gaps, alternatives and optionals, only such as the
 * compiler accepts) and random token texts from a small vocabulary with deliberate stem and
 * prefix collisions. For each rule and each end token both must report the same match: the
 * one with the latest start.
 *
 * <p>The tokens' atoms are computed here from the compiled dictionaries as the engine's
 * {@code TermAtoms} does (word, stem, every prefix from three letters up, CAP for a capital,
 * NUMBER alone for a number), so the test covers the compiler's expansion and dictionaries
 * as well as the automaton and the matcher.
 */
class AutomatonDifferentialTest {
  private static final int SETS = 3;
  /** Words of the texts: stems collide (win/wins/winning, victory/victories/victorious...). */
  private static final List<String> VOCABULARY = List.of("win", "wins", "won", "winning",
      "victory", "victories", "victorious", "fail", "failed", "failing", "failure", "defeat",
      "defeated", "defeats", "army", "armies", "rebel", "rebels", "the", "to", "not", "town",
      "towns", "held", "hold", "holding");
  /** Words of the patterns: the vocabulary and a few that never occur. */
  private static final List<String> PATTERN_WORDS;
  private static final List<String> PREFIXES = List.of("vic", "vict", "victor", "fai", "def",
      "defe", "arm", "reb", "win", "tow", "hol", "the", "zzz");

  static {
    List<String> words = new ArrayList<>(VOCABULARY.subList(0, 12));
    words.addAll(VOCABULARY.subList(0, 12)); // the dense core twice as likely
    words.addAll(VOCABULARY.subList(12, VOCABULARY.size()));
    words.addAll(List.of("siege", "truce"));
    PATTERN_WORDS = List.copyOf(words);
  }

  @Property(tries = 2000)
  void automatonReportsWhatTheNaiveMatcherFinds(@ForAll("lexicons") Lex lex,
      @ForAll("texts") List<List<Token>> texts, @ForAll @IntRange(max = 4) int cut) {
    CompiledLexicon compiled = LexiconParts.read(
        LexiconSource.text("differential.fl", lex.render())).compile();
    for (int i = 0; i < compiled.patterns.length; i++) {
      assertEquals("r" + i, compiled.patterns[i].name);
    }
    Reference reference = new Reference(lex);
    Matcher matcher = new Matcher(compiled.automaton); // reused across texts, as per thread
    // One whose DFA cache is emptied before nearly every run must answer the same.
    Matcher forgetful = new Matcher(compiled.automaton, 2, 3, 0);
    // One that steps without its cache after it filled (at once: it holds two states) and
    // missed often, as a matcher does when a big lexicon's DFA thrashes.
    Matcher stepping = new Matcher(compiled.automaton, 2, 3, Integer.MAX_VALUE);
    boolean found = false;
    boolean multiToken = false;
    for (List<Token> tokens : texts) {
      int[][] atoms = atoms(compiled, tokens);
      int n = tokens.size();
      // The whole text, then a window inside it, as the engine matches long sentences.
      int from = Math.min(cut, n);
      int to = Math.max(from, n - cut / 2);
      for (int[] range : new int[][] {{0, n}, {from, to}}) {
        TreeSet<Match> expected = reference.matches(tokens, range[0], range[1]);
        TreeSet<Match> actual = new TreeSet<>();
        long[] masks = MatcherTest.masks(atoms);
        int[] ids = MatcherTest.ids(atoms);
        matcher.run(atoms, masks, ids, range[0], range[1],
            (p, s, e) -> actual.add(new Match(p, s, e)));
        assertEquals(expected, actual, () -> "lexicon:\n" + lex.render() + "tokens "
            + tokens + " range " + range[0] + ".." + range[1]);
        TreeSet<Match> fromForgetful = new TreeSet<>();
        forgetful.run(atoms, masks, ids, range[0], range[1],
            (p, s, e) -> fromForgetful.add(new Match(p, s, e)));
        assertEquals(expected, fromForgetful, "after the cache was emptied");
        TreeSet<Match> fromStepping = new TreeSet<>();
        stepping.run(atoms, masks, ids, range[0], range[1],
            (p, s, e) -> fromStepping.add(new Match(p, s, e)));
        assertEquals(expected, fromStepping, "stepping without the cache");
        found |= !expected.isEmpty();
        multiToken |= expected.stream().anyMatch(m -> m.end() > m.start());
      }
    }
    // Guard against a vacuous test: most tries must find matches, many of several tokens.
    Statistics.label("matches").collect(found ? "some" : "none");
    Statistics.label("matches").coverage(c -> c.check("some").percentage(p -> p >= 60));
    Statistics.label("multi-token").collect(multiToken);
    Statistics.label("multi-token").coverage(c -> c.check(true).percentage(p -> p >= 30));
  }

  /** The atoms each token satisfies, as the engine's TermAtoms resolves them. */
  static int[][] atoms(CompiledLexicon c, List<Token> tokens) {
    EnglishStemmer stemmer = new EnglishStemmer();
    int[][] out = new int[tokens.size()][];
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.number()) {
        out[i] = new int[] {PatternAutomaton.NUMBER};
        continue;
      }
      TreeSet<Integer> atoms = new TreeSet<>();
      add(atoms, c.wordAtoms, t.word());
      add(atoms, c.stemAtoms, LexiconCompiler.stem(stemmer, t.word()));
      for (int k = LexiconCompiler.MIN_PREFIX; k <= Math.min(t.word().length(), c.longestPrefix);
          k++) {
        add(atoms, c.prefixAtoms, t.word().substring(0, k));
      }
      if (t.capitalized()) {
        atoms.add(PatternAutomaton.CAPITALIZED);
      }
      out[i] = atoms.stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  private static void add(TreeSet<Integer> atoms, CharArrayMap<int[]> map, String key) {
    int[] found = map.get(key);
    if (found != null) {
      for (int a : found) {
        atoms.add(a);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Generators

  @Provide
  Arbitrary<Lex> lexicons() {
    return Combinators.combine(set(0), set(1), set(2), pattern().list().ofMinSize(1)
        .ofMaxSize(6)).as((a, b, c, rules) -> new Lex(List.of(a, b, c), rules));
  }

  @Provide
  Arbitrary<List<List<Token>>> texts() {
    // Mostly a dense core of the vocabulary, so that multi-token patterns find their words.
    Arbitrary<String> word = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(VOCABULARY.subList(0, 12))),
        Tuple.of(1, Arbitraries.of(VOCABULARY)));
    Arbitrary<Token> token = Arbitraries.frequencyOf(
        Tuple.of(8, word.map(Token::ofWord)),
        Tuple.of(2, word.map(Token::ofCapitalized)),
        Tuple.of(2, Arbitraries.just(Token.ofNumber())));
    return token.list().ofMinSize(4).ofMaxSize(30).list().ofMinSize(2).ofMaxSize(4);
  }

  private Arbitrary<List<SetItem>> set(int index) {
    Arbitrary<String> word = Arbitraries.of(PATTERN_WORDS);
    List<Tuple.Tuple2<Integer, Arbitrary<? extends SetItem>>> choices = new ArrayList<>();
    choices.add(Tuple.of(4, word.map(w -> new SetItem(w, 'w'))));
    choices.add(Tuple.of(3, word.map(w -> new SetItem(w, '~'))));
    choices.add(Tuple.of(2, Arbitraries.of(PREFIXES).map(p -> new SetItem(p, '*'))));
    if (index > 0) {
      choices.add(Tuple.of(2, Arbitraries.integers().between(0, index - 1)
          .map(k -> new SetItem(Integer.toString(k), '@'))));
    }
    @SuppressWarnings("unchecked")
    Tuple.Tuple2<Integer, Arbitrary<? extends SetItem>>[] array = choices.toArray(
        new Tuple.Tuple2[0]);
    return Arbitraries.frequencyOf(array).list().ofMinSize(1).ofMaxSize(4);
  }

  /** One element that matches exactly one token (or a fixed phrase). */
  private Arbitrary<Pat> simple() {
    Arbitrary<String> word = Arbitraries.of(PATTERN_WORDS);
    return Arbitraries.frequencyOf(
        Tuple.of(5, word.map(Word::new)),
        Tuple.of(3, word.map(Stem::new)),
        Tuple.of(2, Arbitraries.of(PREFIXES).map(Prefix::new)),
        Tuple.of(3, Arbitraries.integers().between(0, SETS - 1).map(SetRef::new)),
        Tuple.of(1, Arbitraries.just(new Num())),
        Tuple.of(1, Arbitraries.just(new Cap())),
        Tuple.of(1, word.list().ofSize(2).map(Phrase::new)));
  }

  /** A required element that is never a wildcard: what a pattern may start and end with. */
  private Arbitrary<Pat> anchor() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, simple()),
        Tuple.of(1, simple().list().ofMinSize(2).ofMaxSize(3).map(Alt::new)));
  }

  private Arbitrary<Pat> gap() {
    return Arbitraries.integers().between(0, 3).flatMap(min -> Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(min, min + 3)),
        Tuple.of(1, Arbitraries.integers().between(min, 10)))
        .map(max -> new Gap(min, max)));
  }

  /** What may stand between the anchors: anything, optional or not, wildcards and gaps. */
  private Arbitrary<Pat> middle() {
    Arbitrary<Pat> seq = Combinators.combine(simple(), Arbitraries.frequencyOf(
        Tuple.of(3, simple()), Tuple.of(1, Arbitraries.just(new Any())), Tuple.of(1, gap())),
        simple()).as((a, b, c) -> new Seq(List.of(a, b, c)));
    Arbitrary<Pat> alternatives = Arbitraries.frequencyOf(Tuple.of(3, simple()),
        Tuple.of(1, seq)).list().ofMinSize(2).ofMaxSize(3).map(Alt::new);
    return Arbitraries.frequencyOf(
        Tuple.of(4, anchor()),
        Tuple.of(3, anchor().map(Opt::new)),
        Tuple.of(2, Arbitraries.just(new Any())),
        Tuple.of(3, gap()),
        Tuple.of(2, alternatives),
        Tuple.of(1, alternatives.map(Opt::new)),
        Tuple.of(1, seq.map(Opt::new)));
  }

  private Arbitrary<Pat> pattern() {
    Arbitrary<Pat> long_ = Combinators.combine(anchor(), middle().list().ofMaxSize(2), anchor())
        .as((first, middle, last) -> {
          List<Pat> items = new ArrayList<>();
          items.add(first);
          items.addAll(middle);
          items.add(last);
          return new Seq(items);
        });
    return Arbitraries.frequencyOf(Tuple.of(1, anchor()), Tuple.of(2, long_))
        .filter(p -> NaivePatterns.expansions(p) <= LexiconCompiler.MAX_EXPANSIONS
            && NaivePatterns.maxLength(p) <= LexiconCompiler.MAX_SEQUENCE_LENGTH);
  }
}
