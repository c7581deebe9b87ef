package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile lexicons: random text, mutated lexicons, random bytes on disk and pathological
 * patterns. Whatever the input, loading ends, within a time bound, in a {@link Lexicon} (and a
 * detector over it analyses text) or in a {@link LexiconException} whose problems each point at
 * a line and column of the file at fault. Nothing else: no other exception, no stack overflow,
 * no hang.
 *
 * <p>The pathological lexicons each compile within {@link #COMPILE_BOUND} or are refused with a
 * message naming the limit they pass. On the 2-core development machine, shared with other
 * builds, the slowest of them (2,000,000 automaton states; 20,000 rules; a set of 100,000
 * words; 20,000 unknown sets) took 1 to 3 s each in this class's run and up to 5 s in a fresh
 * JVM; the bound leaves room for a busy CI machine. Before the limits were added, several of
 * these inputs overflowed the stack or ran for minutes.
 */
class HostileLexiconTest {
  /** Time one generated lexicon may take to load, compile and analyse a sentence. */
  private static final Duration TRY_BOUND = Duration.ofSeconds(5);
  /** Time a pathological lexicon may take to compile (or to be refused). */
  private static final Duration COMPILE_BOUND = Duration.ofSeconds(15);

  private static final String SENTENCE =
      "The Varn militia won the battle, but at least 40 villagers died in the raid.";
  private static final String F = "frame victory\n";
  private static final Lexicon BASE = TestLexicon.lexicon();

  /** Pieces of the lexicon language, and a few characters that have no business in it. */
  private static final List<String> VOCABULARY = List.of(
      "(", ")", "|", "?", "...{0,3}", "...{0,10}", "...{11,2}", "...{", "@win", "@actor",
      "@nope", "@", "~", "*", ":", " : ", "weight", "weight 0.5", "weight 7", "frame",
      "frame victory\n", "frame defeat negated none\n", "rule", "rule x : ", "block b : ",
      "set", "set @s = ", "set @win += ", "who", "who kids = ", "NUMBER", "CAP", "_", "=",
      "+=", "\"", "#", " -> ", "* -> negate", "victory -> weaken 0.5", "example:", "counter:",
      "  example: The militia won.", "kind killed", "scope before 3", "scope around clause",
      "if question", "means at-least", "qualifier", "subset", "boundary", "attribution",
      "speaker-words", "abbreviations", "threshold victory 0.4", "disable claimed-win",
      "overrides routed", "immune negation", "frames victory,defeat", "include h.fl",
      "include missing.fl", "lexicon", "\n", "\n  ", "  ", "\t", "\r\n", "\r", " ", ",", "won",
      "the", "war", "a dozen", "hundreds", "\uFEFF", "\u0000", "\uD800", "\uDC00", "\u2028",
      "\u0085", "\u00A0", "é", "𝔘", "set @s = @win @s\n", "(".repeat(40), ")?".repeat(40),
      "(".repeat(5_000));

  // ---------------------------------------------------------------------------------------------
  // Properties

  @Property(tries = 1000)
  void randomTextIsALexiconOrAnExceptionWithPositions(@ForAll("randomText") String text) {
    Statistics.label("outcome").collect(outcomeOfText("random.fl", text));
  }

  @Property(tries = 1000)
  void mutatedLexiconsAreALexiconOrAnExceptionWithPositions(
      @ForAll("baseText") String base, @ForAll("mutations") List<Mutation> mutations) {
    String text = mutate(base, mutations);
    Statistics.label("alone").collect(outcomeOfText("mutated.fl", text));
    Statistics.label("alone").coverage(c -> {
      c.check("lexicon").percentage(p -> p > 5);
      c.check("exception").percentage(p -> p > 5);
    });
    String extension = mutate(EXTENSION, mutations);
    Statistics.label("on the base").collect(outcome("mutated.fl", decodedAsText(extension),
        () -> BASE.extend("mutated.fl", extension)));
    Statistics.label("on the base").coverage(c -> {
      c.check("lexicon").percentage(p -> p > 5);
      c.check("exception").percentage(p -> p > 5);
    });
  }

  @Property(tries = 500)
  void bytesOnDiskAreALexiconOrAnExceptionWithPositions(@ForAll("lexiconBytes") byte[] bytes)
      throws IOException {
    String lenient = new String(bytes, StandardCharsets.UTF_8);
    // An include may name any file: only names inside the test's own directory are let through.
    if (lenient.contains("include") && (lenient.contains("/") || lenient.contains("\\"))) {
      Statistics.label("outcome").collect("skipped");
      return;
    }
    Files.write(FILE, bytes);
    String strict = LexiconChecks.strictUtf8(bytes);
    String outcome = outcome(FILE.toString(), LexiconChecks.withoutBom(strict),
        () -> Lexicon.load(FILE));
    Statistics.label("outcome").collect(strict == null ? "invalid UTF-8" : outcome);
    if (strict == null) {
      LexiconException e = assertThrows(LexiconException.class, () -> Lexicon.load(FILE));
      assertEquals(1, e.problems().size(), e::getMessage);
      LexiconException.Problem p = e.problems().get(0);
      String prefix = "invalid UTF-8 at byte offset ";
      assertTrue(p.message().startsWith(prefix), p::toString);
      int offset = Integer.parseInt(p.message().substring(prefix.length(),
          p.message().indexOf(' ', prefix.length())));
      // The bytes before the offset are valid UTF-8; with the next few, they are not.
      assertTrue(LexiconChecks.strictUtf8(Arrays.copyOf(bytes, offset)) != null, p::toString);
      assertTrue(LexiconChecks.strictUtf8(
          Arrays.copyOf(bytes, Math.min(bytes.length, offset + 4))) == null,
          p::toString);
    }
  }

  private static final Path DIR;
  private static final Path FILE;

  static {
    try {
      DIR = Files.createTempDirectory("framelens-hostile");
      FILE = DIR.resolve("h.fl");
      DIR.toFile().deleteOnExit();
      FILE.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<String> randomText() {
    Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(300);
    Arbitrary<String> syntaxChars = Arbitraries.strings()
        .withChars("()|?~*:@\"#.{},=+-_ \n\n\n\t\r0123456789")
        .withCharRange('a', 'z')
        .withChars('\u0000', '\u0007', '\u001B', '\u0085', '\u2028', '\u00A0', '\uFEFF',
            '\u200B', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'é', 'İ', 'ß')
        .ofMaxLength(400);
    Arbitrary<String> tokens = Arbitraries.of(VOCABULARY).list().ofMaxSize(120)
        .map(l -> String.join("", l));
    return Arbitraries.frequencyOf(
        Tuple.of(1, anyChars),
        Tuple.of(2, syntaxChars),
        Tuple.of(3, tokens));
  }

  /** One edit of a lexicon's text, its places given as fractions of the text's length. */
  record Mutation(int kind, double at, String token, double other) {
    String applyTo(String text) {
      int n = text.length();
      int i = Math.min(n, (int) (at * n));
      List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
      int line = Math.min(lines.size() - 1, (int) (at * lines.size()));
      int line2 = Math.min(lines.size() - 1, (int) (other * lines.size()));
      switch (kind) {
        case 0 -> { // delete a character
          return i < n ? text.substring(0, i) + text.substring(i + 1) : text;
        }
        case 1 -> { // insert a token
          return text.substring(0, i) + token + text.substring(i);
        }
        case 2 -> { // replace a character with a token
          return i < n ? text.substring(0, i) + token + text.substring(i + 1) : text + token;
        }
        case 3 -> { // delete a run of up to 12 characters
          return text.substring(0, i) + text.substring(Math.min(n, i + 1 + (int) (other * 12)));
        }
        case 4 -> lines.add(line, lines.get(line)); // duplicate a line
        case 5 -> { // swap two lines
          String a = lines.get(line);
          lines.set(line, lines.get(line2));
          lines.set(line2, a);
        }
        case 6 -> lines.remove(line); // delete a line
        case 7 -> lines.set(line, "  " + lines.get(line)); // indent a line
        case 8 -> lines.set(line, lines.get(line).stripLeading()); // unindent a line
        default -> lines.set(line, token); // replace a line with a token
      }
      return String.join("\n", lines);
    }
  }

  @Provide
  Arbitrary<String> baseText() {
    return Arbitraries.of(TestLexicon.TEXT, OWN_LEXICON);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return Combinators.combine(
        Arbitraries.integers().between(0, 9),
        Arbitraries.doubles().between(0, 1),
        Arbitraries.of(VOCABULARY),
        Arbitraries.doubles().between(0, 1)).as(Mutation::new).list().ofMinSize(1).ofMaxSize(8);
  }

  private static String mutate(String text, List<Mutation> mutations) {
    String out = text;
    for (Mutation m : mutations) {
      out = m.applyTo(out);
    }
    return out;
  }

  @Provide
  Arbitrary<byte[]> lexiconBytes() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    Arbitrary<byte[]> malformed = Arbitraries.of(
        new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80},
        new byte[] {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
        new byte[] {(byte) 0xE2, (byte) 0x82}); // truncated
    Arbitrary<byte[]> insertion = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(new byte[0])),
        Tuple.of(1, malformed));
    Arbitrary<String> text = Combinators.combine(baseText(), mutations()).as(
        HostileLexiconTest::mutate);
    Arbitrary<byte[]> variants = Combinators.combine(text, Arbitraries.of(true, false),
        Arbitraries.of(true, false), Arbitraries.of(true, false), insertion,
        Arbitraries.doubles().between(0, 1)).as((t0, bom, crlf, finalNewline, bad, at) -> {
          String t = crlf ? t0.replace("\n", "\r\n") : t0;
          t = finalNewline ? (t.endsWith("\n") ? t : t + "\n") : t.stripTrailing();
          byte[] body = t.getBytes(StandardCharsets.UTF_8);
          int cut = (int) (at * body.length);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          if (bom) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
          }
          out.write(body, 0, cut);
          out.writeBytes(bad);
          out.write(body, cut, body.length - cut);
          return out.toByteArray();
        });
    return Arbitraries.frequencyOf(Tuple.of(1, random),
        Tuple.of(4, variants));
  }

  /** A lexicon of my own, with sets of sets, every kind of statement and a second frame. */
  private static final String OWN_LEXICON = """
      lexicon hostile-base 2
      abbreviations lt capt
      boundary but : but | yet
      attribution said : said | "according to"
      speaker-words spokesman envoy
      qualifier no-less means at-least : no less than
      subset among : among them
      who soldiers = soldier~ troops
      set @gain = gain~ advance~ took
      set @ground = ridge hill bridge
      set @move = @gain pushed* moved
      threshold defeat 0.6
      frame victory negated defeat
      rule gained weight 0.7 : @move ...{0,3} (the)? @ground
        example: The company took the ridge.
        counter: The ridge was quiet.
      rule held-out frames victory,survival-as-win : (held | holding) out (against @ground)?
      frame defeat negated none
      rule gave-up weight 0.6 : gave up the @ground | (withdrew | fled) from the? @ground
      frame casualty-emphasis negated none
      rule dead kind killed : NUMBER ...{0,3} (dead | killed) | killed NUMBER
      block took-photo : took (a | the) (photo | picture)
      modifier denied scope before 4 : denied | "did not"
        * -> negate
        defeat -> keep
      modifier rumour scope around clause if unquoted : reportedly
        victory -> contest
        casualty-emphasis -> weaken 0.4
      """;

  /** An extension of {@link TestLexicon}: it uses, extends and disables what the base has. */
  private static final String EXTENSION = """
      set @win += prevailed
      set @fort = fort citadel
      frame victory
      rule held-fort weight 0.6 : @actor (held | kept) (the)? @fort
        example: The garrison held the fort.
      frame defeat
      rule lost-fort overrides routed : @actor lost (the)? @fort
      disable still-standing
      modifier doubted scope before 2 : supposedly
        victory -> contest
      """;

  // ---------------------------------------------------------------------------------------------
  // Pathological lexicons

  @Test
  void tenThousandNestedParenthesesAreRefusedAtTheFirstPastTheLimit() {
    String text = F + "rule r : " + "(".repeat(10_000) + "won" + ")".repeat(10_000) + "\n";
    assertEquals(List.of("h.fl:2:42: parentheses nest deeper than 32 (the limit): \"(\""),
        refused(text));
  }

  @Test
  void tenThousandNestedOptionalsAreRefusedAtTheFirstPastTheLimit() {
    String text = F + "rule r : won " + "(".repeat(10_000) + "war" + ")?".repeat(10_000)
        + "\n";
    assertEquals(List.of("h.fl:2:46: parentheses nest deeper than 32 (the limit): \"(\""),
        refused(text));
  }

  @Test
  void tenThousandUnclosedParenthesesAreRefused() {
    String text = F + "rule r : " + "(".repeat(10_000) + "won\n";
    assertEquals(List.of("h.fl:2:42: parentheses nest deeper than 32 (the limit): \"(\""),
        refused(text));
  }

  @Test
  void thirtyTwoNestedOptionalsCompile() {
    String text = F + "rule r : won " + "(".repeat(32) + "the war" + ")?".repeat(32) + "\n";
    Lexicon lexicon = compiles(text);
    assertEquals(List.of("r"), ruleIds(lexicon, "The militia won the war."));
  }

  @Test
  void aSetOfOneHundredThousandWordsCompiles() {
    List<String> words = words("w", 100_000);
    // Ten words a line: ten thousand continuation lines.
    StringBuilder text = new StringBuilder("set @big =\n");
    for (int i = 0; i < words.size(); i += 10) {
      text.append("  ").append(String.join(" ", words.subList(i, i + 10))).append('\n');
    }
    text.append(F).append("rule r : the @big war\n");
    Lexicon lexicon = compiles(text.toString());
    assertEquals(List.of("r"), ruleIds(lexicon, "They fought the " + words.get(77_777)
        + " war."));
  }

  @Test
  void setsTakingAHundredThousandWordsEachPassTheSetWordLimit() {
    StringBuilder text = new StringBuilder("set @big = ")
        .append(String.join(" ", words("w", 100_000))).append('\n');
    for (int i = 0; i < 10; i++) {
      text.append("set @copy").append(i).append(" = @big\n");
    }
    // 100,000 words and ten copies of them: the tenth copy passes 1,000,000.
    assertEquals(List.of("h.fl:11:14: the word sets are too large: more than 1000000 words in "
        + "all, counting the words of a set again in each set that names it (the limit): "
        + "\"@big\""), refused(text.toString()));
  }

  @Test
  void aChainOfTenThousandSetsEachNamingTheNextCompiles() {
    // Each set names the next, defined below it: resolving the first went 10,000 calls deep.
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 9_999; i++) {
      text.append("set @s").append(i).append(" = @s").append(i + 1).append('\n');
    }
    text.append("set @s9999 = won\n").append(F).append("rule r : @s0 the war\n");
    assertEquals(List.of("r"), ruleIds(compiles(text.toString()), "They won the war."));
  }

  @Test
  void aCycleThroughTenThousandSetsIsReportedOnce() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      text.append("set @s").append(i).append(" = @s").append((i + 1) % 10_000).append('\n');
    }
    assertEquals(List.of("h.fl:10000:14: set @s9999 includes itself through @s0: \"@s0\""),
        refused(text.toString()));
  }

  @Test
  void gapsAtTheirMaximumUpToTheSequenceLimitCompile() {
    // 3 words and 2 gaps of up to 10 tokens, then 9 words: at most 32 tokens, 121 expansions.
    List<String> tail = words("t", 9);
    String pattern = "alpha ...{0," + 10 + "} beta ...{0,10} gamma " + String.join(" ", tail);
    Lexicon lexicon = compiles(F + "rule r : " + pattern + "\n");
    String filler = String.join(" ", words("f", 10));
    assertEquals(List.of("r"), ruleIds(lexicon, "Then alpha " + filler + " beta " + filler
        + " gamma " + String.join(" ", tail) + " came."));
  }

  @Test
  void gapsAtTheirMaximumPastTheSequenceLimitAreRefused() {
    String pattern = "alpha ...{0,10} beta ...{0,10} gamma " + String.join(" ", words("t", 10));
    assertEquals(List.of("h.fl:2:10: the pattern can span more than 32 tokens (the limit): "
        + "\"r\""), refused(F + "rule r : " + pattern + "\n"));
  }

  @Test
  void manyGapsAtTheirMaximumAreRefusedByTheExpansionLimit() {
    String pattern = String.join(" ...{0,10} ", words("g", 30));
    assertEquals(List.of("h.fl:2:6: the pattern expands into more than 4096 alternatives (the "
        + "limit); use fewer optional elements, narrower gaps or a set: \"r\""),
        refused(F + "rule r : " + pattern + "\n"));
  }

  @Test
  void fiveThousandRulesSharingALongPrefixCompile() {
    String prefix = String.join(" ", words("p", 25));
    List<String> last = words("z", 5_000);
    StringBuilder text = new StringBuilder(F);
    for (int i = 0; i < last.size(); i++) {
      text.append("rule r").append(i).append(" : ").append(prefix).append(' ')
          .append(last.get(i)).append('\n');
    }
    Lexicon lexicon = compiles(text.toString());
    assertEquals(5_000, lexicon.rules().size());
    assertEquals(List.of("r4321"), ruleIds(lexicon, "So " + prefix + " " + last.get(4321)
        + "."));
  }

  @Test
  void sixteenAlternativesAtThreePositionsAreExactlyTheExpansionLimit() {
    String pattern = alternatives(3, 16); // 16^3 = 4096
    Lexicon lexicon = compiles(F + "rule r : " + pattern + "\n");
    assertEquals(1, lexicon.rules().size());
  }

  @Test
  void sixteenAlternativesAtFourPositionsAreRefusedByTheExpansionLimit() {
    assertEquals(List.of("h.fl:2:6: the pattern expands into more than 4096 alternatives (the "
        + "limit); use fewer optional elements, narrower gaps or a set: \"r\""),
        refused(F + "rule r : " + alternatives(4, 16) + "\n"));
  }

  @Test
  void oneHundredThousandAlternativesAtOnePositionAreRefusedByTheExpansionLimit() {
    assertEquals(List.of("h.fl:2:6: the pattern expands into more than 4096 alternatives (the "
        + "limit); use fewer optional elements, narrower gaps or a set: \"r\""),
        refused(F + "rule r : won " + alternatives(1, 100_000) + "\n"));
  }

  @Test
  void twentyThousandDistinctRulesCompile() {
    List<String> first = words("k", 20_000);
    List<String> last = words("m", 20_000);
    StringBuilder text = new StringBuilder(F);
    for (int i = 0; i < first.size(); i++) {
      // 4 expansions each: 80,000 in all.
      text.append("rule r").append(i).append(" : ").append(first.get(i))
          .append(" (took | seized) the? ").append(last.get(i)).append('\n');
    }
    Lexicon lexicon = compiles(text.toString());
    assertEquals(20_000, lexicon.rules().size());
    assertEquals(List.of("r12345"), ruleIds(lexicon, "The " + first.get(12_345)
        + " seized the " + last.get(12_345) + "."));
  }

  @Test
  void rulesExpandingIntoMoreThanTheLexiconLimitAreRefused() {
    // 62 rules of 4096 expansions each: 253,952 sequences, past 250,000 at the 62nd.
    StringBuilder text = new StringBuilder(F);
    for (int i = 0; i < 62; i++) {
      text.append("rule r").append(i).append(" : ").append(alternatives(3, 16)).append('\n');
    }
    assertEquals(List.of("h.fl:63:6: the lexicon is too large: its patterns expand into more "
        + "than 250000 sequences in all (the limit); use fewer optional elements, narrower "
        + "gaps or sets: \"r61\""), refused(text.toString()));
  }

  @Test
  void rulesPastTheAutomatonStateLimitAreRefused() {
    // 4096 expansions of 32 tokens each, 29 of them the rule's own: about 123,000 states a
    // rule, so the 17th passes 2,000,000.
    StringBuilder text = new StringBuilder(F);
    for (int i = 0; i < 17; i++) {
      text.append("rule r").append(i).append(" : ").append(alternatives(3, 16)).append(' ')
          .append(String.join(" ", words("r" + i + "x", 29))).append('\n');
    }
    assertEquals(List.of("h.fl:18:6: the lexicon is too large: the automaton would exceed "
        + "2000000 states (the limit): \"r16\""), refused(text.toString()));
  }

  @Test
  void aRuleOverOneHundredThousandContinuationLinesIsRefusedQuickly() {
    // Each continuation line used to rescan the whole statement so far: n^2.
    String text = F + "rule r : (won\n" + "  | took\n".repeat(100_000) + "  ) the war\n";
    assertEquals(List.of("h.fl:2:6: the pattern expands into more than 4096 alternatives (the "
        + "limit); use fewer optional elements, narrower gaps or a set: \"r\""), refused(text));
  }

  @Test
  void unknownSetsWithLongNamesAreReportedQuickly() {
    // 300 set names of 2,000 characters and 300 names one letter off: suggesting the nearest
    // compared every pair in full, 360 billion steps.
    String stem = "x".repeat(2_000);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      text.append("set @").append(stem).append(i).append(" = won\n");
    }
    text.append(F);
    for (int i = 0; i < 300; i++) {
      text.append("rule r").append(i).append(" : @").append(stem).append(i).append("q\n");
    }
    List<String> problems = refused(text.toString());
    assertEquals(300, problems.size());
    assertTrue(problems.stream().allMatch(p -> p.contains(": unknown set")));
    // Past a budget of comparisons the later ones come without a suggestion.
    assertTrue(problems.get(0).contains(": unknown set (did you mean @" + stem + "0?)"),
        problems.get(0).substring(0, 200));
  }

  @Test
  void manySetsAndManyUnknownSetsAreReportedQuickly() {
    // 20,000 sets and 20,000 names of no set: a suggestion for each compared every pair.
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("set @s").append(i).append(" = won\n");
    }
    text.append(F);
    for (int i = 0; i < 20_000; i++) {
      text.append("rule r").append(i).append(" : @no-such-set-").append(i).append('\n');
    }
    List<String> problems = refused(text.toString());
    assertEquals(1_001, problems.size());
    assertEquals("h.fl:20002:11: unknown set: \"@no-such-set-0\"", problems.get(0));
    assertEquals("h.fl:21002:14: 19000 more problems from here on are not listed (a lexicon "
        + "lists at most 1000)", problems.get(1_000));
  }

  @Test
  void aHundredThousandBadLinesListTheFirstThousandProblemsAndACount() {
    List<String> problems = refused("frobnicate\n".repeat(100_000));
    assertEquals(1_001, problems.size());
    assertTrue(problems.get(999).startsWith("h.fl:1000:1: unknown directive"),
        problems.get(999));
    assertEquals("h.fl:1001:1: 99000 more problems from here on are not listed (a lexicon "
        + "lists at most 1000)", problems.get(1_000));
  }

  @Test
  void includesMultiplyingAtEachLevelAreRefusedAtTheFileLimit(@TempDir Path dir)
      throws IOException {
    // a.fl includes b.fl 100 times and b.fl includes c.fl 100 times: 10,100 reads, and a
    // level more would make a million.
    Files.writeString(dir.resolve("a.fl"), "lexicon a 1\n" + "include b.fl\n".repeat(100));
    Files.writeString(dir.resolve("b.fl"), "include c.fl\n".repeat(100));
    Files.writeString(dir.resolve("c.fl"), "abbreviations gen\n");
    LexiconException e = within(() -> assertThrows(LexiconException.class,
        () -> Lexicon.load(dir.resolve("a.fl"))));
    // Reads: b, 100 c, b, 100 c, b, then the 54th c is the 257th file.
    assertEquals(List.of(dir.resolve("b.fl") + ":54:1: the lexicon includes more than 256 "
        + "files in all, counting repeats (the limit): \"c.fl\""), strings(e));
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** {@code n} distinct lowercase words of letters only, each starting with {@code first}. */
  private static List<String> words(String first, int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      StringBuilder w = new StringBuilder(first);
      int k = i;
      do {
        w.append((char) ('a' + k % 26));
        k /= 26;
      } while (k > 0);
      out.add(w.toString());
    }
    return out;
  }

  /** {@code positions} groups of {@code each} alternatives, of words distinct per group. */
  private static String alternatives(int positions, int each) {
    return IntStream.range(0, positions)
        .mapToObj(p -> "(" + String.join(" | ", words("q" + (char) ('a' + p), each)) + ")")
        .collect(Collectors.joining(" "));
  }

  private static <T> T within(ThrowingSupplier<T> supplier) {
    return assertTimeoutPreemptively(COMPILE_BOUND, supplier);
  }

  private static Lexicon compiles(String text) {
    return within(() -> Lexicon.parse("h.fl", text));
  }

  private static List<String> refused(String text) {
    return strings(within(() -> assertThrows(LexiconException.class,
        () -> Lexicon.parse("h.fl", text))));
  }

  private static List<String> strings(LexiconException e) {
    return e.problems().stream().map(LexiconException.Problem::toString).toList();
  }

  /** The ids of the rules with evidence in {@code sentence}, by a detector over the lexicon. */
  private static List<String> ruleIds(Lexicon lexicon, String sentence) {
    return within(() -> FrameDetector.builder().lexicon(lexicon).build().analyze(sentence)
        .evidence().stream().map(Evidence::ruleId).distinct().toList());
  }

  /** The outcome of {@link Lexicon#parse}: "lexicon" or "exception", after checking it. */
  private static String outcomeOfText(String source, String text) {
    return outcome(source, decodedAsText(text), () -> Lexicon.parse(source, text));
  }

  /** The text as {@code Lexicon.parse} reads it: through UTF-8, without a byte order mark. */
  private static String decodedAsText(String text) {
    return LexiconChecks.withoutBom(
        new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
  }

  /**
   * Reads a lexicon within {@link #TRY_BOUND}. A lexicon must give a detector that analyses a
   * sentence; an exception must be a {@link LexiconException} whose every problem is in
   * {@code source} and points into {@code text} (its lines as read, or null if not known).
   */
  private static String outcome(String source, String text, ThrowingSupplier<Lexicon> read) {
    return assertTimeoutPreemptively(TRY_BOUND, () -> {
      Lexicon lexicon;
      try {
        lexicon = read.get();
      } catch (LexiconException e) {
        // One file, no includes: every problem is in it, and the message names it.
        assertTrue(e.getMessage().contains(source), e::getMessage);
        for (LexiconException.Problem p : e.problems()) {
          assertEquals(source, p.source(), p::toString);
        }
        LexiconChecks.checkProblems(source, text, e);
        return "exception";
      }
      LexiconChecks.checkDetector(lexicon, List.of(SENTENCE));
      return "lexicon";
    }, () -> "reading took longer than " + TRY_BOUND);
  }

  @Test
  void aSecondByteOrderMarkIsTextOnTheFirstLine() {
    // The loader drops one leading BOM; a second is a char of line 1, shown in its line text.
    assertEquals("exception", outcomeOfText("boms.fl", "\uFEFF\uFEFF"));
    assertEquals("exception", outcomeOfText("boms.fl", "\uFEFF\uFEFFlexicon x 1\n"));
  }

  @Test
  void ownLexiconCompiles() {
    Lexicon lexicon = Lexicon.parse("own.fl", OWN_LEXICON);
    assertEquals("hostile-base", lexicon.name());
    assertEquals(List.of("gained"), ruleIds(lexicon, "The company took the ridge."));
  }
}
