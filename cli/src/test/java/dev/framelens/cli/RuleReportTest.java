package dev.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.framelens.Evidence;
import dev.framelens.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code framelens evaluate --rules} on a lexicon and gold units written for it, where what
 * each entry does on each unit is known (the comments say it).
 */
class RuleReportTest {
  private static final String LEXICON = String.join("\n",
      "lexicon report-test 0.1",
      "set @win = win wins won victory",
      "",
      "frame victory negated defeat",
      "  rule won-word weight 0.9 : @win",                       // line 5
      "  rule triumph weight 0.9 : triumph~",                    // 6, never matches
      "  rule parade weight 0.9 : parade",                       // 7, never matches
      "",
      "frame defeat negated survival-as-win",
      "  rule routed weight 0.9 : routed | retreated",           // 10
      "",
      "frame casualty-emphasis negated none",
      "  rule killed weight 0.9 : killed",                       // 13
      "  rule hostages weight 0.9 : hostages",                   // 14, one unit
      "",
      "block won-prize : won (the | a)? (prize | cup)",          // 16
      "block quiet-name : victory lane",                         // 17, never acts
      "",
      "modifier negation scope before 3 : not | never",          // 19
      "  * -> negate",
      "modifier hope scope before 3 : hope~ | hoping",           // 21
      "  victory -> drop",
      "modifier hedge scope before 3 : perhaps",                 // 23
      "  * -> contest",
      "modifier rumour scope before 3 : reportedly",             // 25
      "  casualty-emphasis -> weaken 0.5",
      "modifier vow scope before 2 : vowed",                     // 27, never acts
      "  * -> drop",
      "");

  /** Split in two files after g08, so that an entry can act once in a file, twice in all. */
  private static final List<String> GOLD = List.of(
      // won-word victory, right
      line("g01", "The Tarn Brigade won the battle for Port Amsel.", "victory"),
      // won-word cancelled by the block won-prize: right, the unit has no victory
      line("g02", "The mayor of Velmora won the cup."),
      // negation turns won-word into defeat: right (defeat in gold, victory not)
      line("g03", "The Tarn Brigade did not win at Port Amsel.", "defeat"),
      // negation turns routed into survival-as-win: wrong (no frame in gold)
      line("g04", "The garrison was not routed."),
      // hope drops won-word: right
      line("g05", "The brigade hopes to win the war."),
      // hope drops won-word: wrong, the victory is in gold; a missed victory, touched
      line("g06", "The colonel hoped the brigade won, and it did.", "victory"),
      // hedge contests won-word, kept: right
      line("g07", "Perhaps the brigade won.", "victory"),
      // rumour weakens killed to 0.45, below the threshold: wrong; a missed label, too weak
      line("g08", "Villagers were reportedly killed.", "casualty-emphasis"),
      // hostages, right, its only unit
      line("g09", "Twelve hostages were taken in Velmora.", "casualty-emphasis"),
      // no rule knows fleeing: a missed defeat, untouched
      line("g10", "The garrison of Port Amsel fled across the river.", "defeat"),
      line("g11", "The talks in Velmora ended on Monday."),
      // killed, wrong
      line("g12", "Two fishermen were killed by a storm."),
      // routed as defeat, right
      line("g13", "The Tarn Brigade retreated.", "defeat"),
      // negation of casualty-emphasis (negated none) cancels killed: right
      line("g14", "Villagers were not killed."),
      // hedge (nearer) then hope, which drops won-word: hope right, hedge not judged
      line("g15", "They hope perhaps they won."));

  @TempDir
  Path dir;

  private Path lexicon;

  private static String line(String id, String text, String... labels) {
    StringBuilder s = new StringBuilder("{\"id\": \"" + id + "\", \"text\": \"" + text
        + "\", \"labels\": [");
    for (int i = 0; i < labels.length; i++) {
      s.append(i == 0 ? "" : ", ").append('"').append(labels[i]).append('"');
    }
    return s.append("]}").toString();
  }

  @BeforeEach
  void writeLexicon() throws IOException {
    lexicon = Files.writeString(dir.resolve("report.fl"), LEXICON);
  }

  private Path gold(String name, List<String> lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }

  private Run report(String format, Path... golds) {
    List<String> args = new ArrayList<>(List.of("evaluate", "--no-default-lexicon",
        "--lexicon", lexicon.toString(), "--rules", "--no-errors", "--format", format));
    for (Path g : golds) {
      args.add("--gold");
      args.add(g.toString());
    }
    Run run = Run.of(args.toArray(String[]::new));
    assertEquals(0, run.code(), run::toString);
    return run;
  }

  private JsonNode rules(Path... golds) throws IOException {
    return new ObjectMapper().readTree(report("json", golds).out()).get("rules");
  }

  private static JsonNode find(JsonNode list, String id, String frame) {
    for (JsonNode n : list) {
      if (n.get("id").asText().equals(id)
          && (frame == null || n.get("frame").asText().equals(frame))) {
        return n;
      }
    }
    throw new AssertionError(id + " " + frame + " not in " + list);
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }

  private static void assertLine(String text, String regex) {
    assertTrue(Pattern.compile("(?m)^" + regex + "$").matcher(text).find(),
        () -> "no line /" + regex + "/ in\n" + text);
  }

  @Test
  void eachRuleIsCountedPerFrameItGaveWithRightWrongPrecisionAndSuppressed() throws IOException {
    JsonNode rules = rules(gold("gold.jsonl", GOLD)).get("rules");
    JsonNode killed = find(rules, "killed", "casualty-emphasis");
    assertEquals(2, killed.get("units").asInt());          // g08, g12
    assertEquals(1, killed.get("right").asInt());
    assertEquals(1, killed.get("wrong").asInt());
    assertEquals(0.5, killed.get("precision").asDouble());
    assertEquals(1, killed.get("suppressed").asInt());     // g14
    assertEquals(13, killed.get("line").asInt());
    JsonNode wonVictory = find(rules, "won-word", "victory");
    assertEquals(2, wonVictory.get("units").asInt());      // g01, g07
    assertEquals(2, wonVictory.get("right").asInt());
    assertEquals(4, wonVictory.get("suppressed").asInt()); // g02, g05, g06, g15
    JsonNode wonDefeat = find(rules, "won-word", "defeat");
    assertEquals(1, wonDefeat.get("units").asInt());       // g03, negated
    assertEquals(1, wonDefeat.get("right").asInt());
    JsonNode turned = find(rules, "routed", "survival-as-win");
    assertEquals(0, turned.get("precision").asDouble());
    assertEquals("routed", rules.get(0).get("id").asText(), "worst first: " + rules);
    assertEquals("killed", rules.get(1).get("id").asText(), "then lower precision: " + rules);
    assertEquals(6, rules.size());
  }

  @Test
  void theTextTableIsAlignedAndWorstFirst() throws IOException {
    String text = report("text", gold("gold.jsonl", GOLD)).out();
    assertLine(text, "  rule      frame              units  right  wrong   prec  supp  where");
    assertLine(text, "  routed    survival-as-win        1      0      1  0\\.000     0  "
        + "\\S*report\\.fl:10");
    assertLine(text, "  killed    casualty-emphasis      2      1      1  0\\.500     1  "
        + "\\S*report\\.fl:13");
    assertTrue(text.indexOf("  routed    survival-as-win") < text.indexOf("  killed    "),
        text);
    assertTrue(text.contains("Rules, worst first (4 of 6 acted)"), text);
  }

  @Test
  void blocksAndModifiersAreJudgedAgainstGold() throws IOException {
    JsonNode actors = rules(gold("gold.jsonl", GOLD)).get("blocks_and_modifiers");
    JsonNode block = find(actors, "won-prize", null);
    assertEquals("block", block.get("kind").asText());
    assertEquals(1, block.get("right").asInt());
    assertEquals(1, block.get("effects").get("block").asInt());
    JsonNode hope = find(actors, "hope", null);              // g05 right, g06 wrong, g15 right
    assertEquals(3, hope.get("units").asInt());
    assertEquals(2, hope.get("right").asInt());
    assertEquals(1, hope.get("wrong").asInt());
    assertEquals(0.6667, hope.get("precision").asDouble());
    assertEquals(3, hope.get("effects").get("drop").asInt());
    JsonNode negation = find(actors, "negation", null);      // g03 right, g04 wrong, g14 right
    assertEquals(3, negation.get("units").asInt());
    assertEquals(2, negation.get("right").asInt());
    assertEquals(1, negation.get("wrong").asInt());
    JsonNode hedge = find(actors, "hedge", null);            // g07 right, g15 not judged
    assertEquals(2, hedge.get("units").asInt());
    assertEquals(1, hedge.get("right").asInt());
    assertEquals(0, hedge.get("wrong").asInt());
    assertEquals(1, hedge.get("unjudged").asInt());
    JsonNode rumour = find(actors, "rumour", null);          // g08, weakened a gold frame
    assertEquals(1, rumour.get("wrong").asInt());
    assertEquals(1, rumour.get("effects").get("weaken 0.5").asInt());
    assertEquals("rumour", actors.get(0).get("id").asText(), "worst first: " + actors);
    String text = report("text", gold("gold.jsonl", GOLD)).out();
    assertLine(text, "  hedge      modifier      2      1      0    1  1\\.000  "
        + "\\S*report\\.fl:23\\s+contest=2");
  }

  @Test
  void entriesThatNeverActedAreListedWithWhereTheyAre() throws IOException {
    JsonNode never = rules(gold("gold.jsonl", GOLD)).get("never_acted");
    assertEquals(List.of("triumph", "parade", "quiet-name", "vow"), ids(never));
    assertEquals(17, find(never, "quiet-name", null).get("line").asInt());
    String text = report("text", gold("gold.jsonl", GOLD)).out();
    assertTrue(text.contains("Never acted (4: 2 rules, 1 block, 1 modifier)"), text);
    assertLine(text, "  modifier  vow         \\S*report\\.fl:27");
  }

  @Test
  void entriesActingOnExactlyOneUnitAreListedWithTheUnit() throws IOException {
    JsonNode one = rules(gold("gold.jsonl", GOLD)).get("one_unit");
    assertEquals(List.of("hostages", "won-prize", "rumour"), ids(one));
    assertEquals("g09", find(one, "hostages", null).get("unit").asText());
    assertEquals("gold.jsonl", find(one, "hostages", null).get("file").asText());
    String text = report("text", gold("gold.jsonl", GOLD)).out();
    assertLine(text, "  block     won-prize  \\S*report\\.fl:16\\s+g02");
  }

  @Test
  void missedLabelsAreUntouchedOrTouchedWithTheCause() throws IOException {
    JsonNode missed = rules(gold("gold.jsonl", GOLD)).get("missed");
    JsonNode defeat = missed.get("defeat");
    assertEquals(1, defeat.get("missed").asInt());
    assertEquals("g10", defeat.get("untouched").get(0).get("id").asText());
    assertEquals(0, defeat.get("touched").size());
    JsonNode victory = missed.get("victory").get("touched").get(0);
    assertEquals("g06", victory.get("id").asText());
    JsonNode cause = victory.get("causes").get(0);
    assertEquals("cancelled", cause.get("how").asText());
    assertEquals("won-word", cause.get("rule").asText());
    assertEquals("hope", cause.get("by").asText());
    assertEquals(0, missed.get("victory").get("untouched").size());
    JsonNode weak = missed.get("casualty-emphasis").get("touched").get(0);
    assertEquals("too weak", weak.get("causes").get(0).get("how").asText());
    assertEquals(0.45, weak.get("score").asDouble());
    assertEquals(0, missed.get("survival-as-win").get("missed").asInt());
    String text = report("text", gold("gold.jsonl", GOLD)).out();
    assertTrue(text.contains("  defeat: 1 missed, 1 untouched by any rule (a new concept), "
        + "0 touched\n    untouched\n      g10  The garrison of Port Amsel fled across the "
        + "river.\n"), text);
    assertTrue(text.contains("      g06  cancelled: won-word by hope (drop)\n        The "
        + "colonel hoped the brigade won, and it did.\n"), text);
    assertTrue(text.contains("      g08  too weak: killed 0.45 (score 0.45 < 0.50)\n"), text);
  }

  @Test
  void theLegendComesFirstAndNamesEveryColumn() throws IOException {
    String text = report("text", gold("gold.jsonl", GOLD)).out();
    String report = text.substring(text.indexOf("Rule report: 15 units in 1 gold file"));
    String legend = report.substring(report.indexOf("\n\n") + 2, report.indexOf("\n\nRules"));
    assertTrue(legend.startsWith("How to read this report"), report);
    for (String column : List.of("units", "right", "wrong", "prec", "supp", "where", "unj",
        "effects", "untouched", "touched")) {
      assertTrue(legend.contains(column + " ="), "the legend says nothing of " + column);
    }
    for (String line : legend.split("\n")) {
      assertTrue(line.length() <= 96, "too long for a terminal: " + line);
    }
  }

  @Test
  void theReportCoversAllFilesTogetherAndEachFileInJson() throws IOException {
    Path first = gold("first.jsonl", GOLD.subList(0, 8));
    Path second = gold("second.jsonl", GOLD.subList(8, GOLD.size()));
    JsonNode root = new ObjectMapper().readTree(report("json", first, second).out());
    JsonNode all = root.get("rules");
    assertEquals(15, all.get("units").asInt());
    assertEquals("[\"first.jsonl\",\"second.jsonl\"]", all.get("files").toString());
    // hope acts on g05, g06 (first) and g15 (second): one unit in the second file only
    assertFalse(ids(all.get("one_unit")).contains("hope"), all.toString());
    JsonNode perFile = root.get("files").get(1).get("rules");
    assertEquals(7, perFile.get("units").asInt());
    assertTrue(ids(perFile.get("one_unit")).contains("hope"), perFile.toString());
    assertEquals(3, find(all.get("blocks_and_modifiers"), "hope", null).get("units").asInt());
    String text = report("text", first, second).out();
    assertTrue(text.contains("Rule report: 15 units in 2 gold files: first.jsonl, "
        + "second.jsonl\n"), text);
    assertLine(text, "  rule      hostages   \\S*report\\.fl:14\\s+g09 \\(second\\.jsonl\\)");
    assertTrue(text.indexOf("\n\nsecond.jsonl: 7 units\n") < text.indexOf("Rule report:"),
        text);
  }

  @Test
  void oneGoldFileInJsonHasItsRuleReportInsideItsObject() throws IOException {
    JsonNode root = new ObjectMapper().readTree(report("json", gold("g.jsonl", GOLD)).out());
    assertEquals("g.jsonl", root.get("name").asText());
    assertEquals(15, root.get("rules").get("units").asInt());
    assertEquals(lexicon.toString(),
        root.get("rules").get("rules").get(0).get("source").asText());
    assertFalse(root.has("files"), root.toString());
  }

  // --- the verdicts on kept evidence, one effect at a time -------------------------------------

  private static Evidence kept(Frame frame, Frame matched, String effect) {
    return new Evidence(frame, matched, "r", 0, 3, "won", 0,
        frame == matched ? Evidence.Polarity.ASSERTED : Evidence.Polarity.NEGATED, 0.9,
        Optional.empty(), List.of(new Evidence.ModifierHit("m", 0, 3, "not", effect)), false);
  }

  @Test
  void aNegationOrTurnIsRightWhenItProducedAGoldFrameFromAFrameNotInGold() {
    Evidence negated = kept(Frame.DEFEAT, Frame.VICTORY, "negate");
    assertEquals(RuleReport.Verdict.RIGHT,
        RuleReport.keptVerdict(negated, "negate", Set.of(Frame.DEFEAT)));
    assertEquals(RuleReport.Verdict.WRONG,
        RuleReport.keptVerdict(negated, "negate", Set.of(Frame.DEFEAT, Frame.VICTORY)));
    assertEquals(RuleReport.Verdict.WRONG, RuleReport.keptVerdict(negated, "negate", Set.of()));
    Evidence turned = kept(Frame.SURVIVAL_AS_WIN, Frame.DEFEAT, "-> survival-as-win");
    assertEquals(RuleReport.Verdict.RIGHT, RuleReport.keptVerdict(turned,
        "-> survival-as-win", Set.of(Frame.SURVIVAL_AS_WIN)));
    assertEquals(RuleReport.Verdict.WRONG, RuleReport.keptVerdict(turned,
        "-> survival-as-win", Set.of(Frame.DEFEAT)));
  }

  @Test
  void aNegationUndoneContestAndKeepAreRightWhenTheFinalFrameIsInGold() {
    Evidence undone = kept(Frame.VICTORY, Frame.VICTORY, "negate");
    assertEquals(RuleReport.Verdict.RIGHT,
        RuleReport.keptVerdict(undone, "negate", Set.of(Frame.VICTORY)));
    assertEquals(RuleReport.Verdict.WRONG,
        RuleReport.keptVerdict(undone, "negate", Set.of(Frame.DEFEAT)));
    for (String effect : List.of("contest", "keep")) {
      Evidence e = kept(Frame.VICTORY, Frame.VICTORY, effect);
      assertEquals(RuleReport.Verdict.RIGHT,
          RuleReport.keptVerdict(e, effect, Set.of(Frame.VICTORY)), effect);
      assertEquals(RuleReport.Verdict.WRONG, RuleReport.keptVerdict(e, effect, Set.of()),
          effect);
    }
  }

  @Test
  void aWeakenIsRightWhenTheWeakenedFrameIsNotInGold() {
    Evidence weakened = kept(Frame.CASUALTY_EMPHASIS, Frame.CASUALTY_EMPHASIS, "weaken 0.5");
    assertEquals(RuleReport.Verdict.RIGHT,
        RuleReport.keptVerdict(weakened, "weaken 0.5", Set.of(Frame.VICTORY)));
    assertEquals(RuleReport.Verdict.WRONG,
        RuleReport.keptVerdict(weakened, "weaken 0.5", Set.of(Frame.CASUALTY_EMPHASIS)));
  }

  @Test
  void aSnippetIsOneLineOfAtMostAHundredChars() {
    String text = "The Tarn Brigade\nheld " + "the ridge above Port Amsel ".repeat(10);
    String snippet = RuleReport.snippet(text);
    assertTrue(snippet.length() <= RuleReport.TEXT_CHARS && snippet.length() > 90, snippet);
    assertTrue(snippet.startsWith("The Tarn Brigade held the ridge"), snippet);
    assertTrue(snippet.endsWith("…"), snippet);
    assertEquals("Short.", RuleReport.snippet(" Short.\n"));
  }
}
