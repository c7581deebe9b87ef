package dev.framelens;

import java.util.List;

/**
 * A small lexicon that exercises every construct the engine knows: words, stems, prefixes,
 * sets, phrases, gaps, NUMBER, blocks, overrides, modifiers of every effect and extent, a
 * condition on quotes and questions, boundaries, speakers, qualifiers, subsets and who
 * categories. With sentences that use them and neutral ones that match nothing.
 */
final class TestLexicon {
  private TestLexicon() {}

  static final String TEXT = """
      lexicon properties-test 1.0

      abbreviations gen col dr
      boundary contrast : but | however | although
      attribution speech : said | says | told | "according to"
      speaker-words minister commander spokesman official
      qualifier at-least means at-least : at least | "no fewer than"
      qualifier about means about : about | an? estimated
      qualifier more-than means more-than : more than | over
      qualifier at-most means at-most : up to | as many as
      qualifier nearly means nearly : nearly | almost
      subset including : including | "among them"
      who children = child children boy boys
      who civilians = civilian~ villager~
      who people = people

      set @win = win wins won winning victory~ triumph~
      set @destroy = destroy~ dislodge~ crush~ break
      set @actor = militia brigade garrison army rebels

      frame victory negated defeat
      rule claimed-win weight 0.8 : @win
      rule took-place weight 0.9 : (took | seized | captured) ...{0,2} (town | city | port)
      frame defeat negated survival-as-win
      rule lost-war weight 0.9 : (lost | los*) the (war | battle)
      rule routed weight 0.7 : routed | retreat~
      rule heavy-losses frames defeat,casualty-emphasis weight 0.9 overrides routed
        : heavy losses | routed with heavy losses
      frame survival-as-win negated defeat
      rule failed-to-destroy weight 0.95 : (fail~ | unable) to @destroy (the)? @actor
      rule still-standing weight 0.8 : still standing
      frame casualty-emphasis negated none
      rule killed-count kind killed weight 0.95 : NUMBER ...{0,4} (killed | dead | died)
      rule wounded-count kind wounded weight 0.9 : NUMBER ...{0,4} (wounded | injured)
      rule massacre weight 0.9 : massacr*

      block won-award : won (a|an|the)? (award | prize | medal)
      block victory-day : victory (day | square)

      modifier negation scope before 3 : not | never | "no longer"
        * -> negate
      modifier failure scope before 3 : fail~ to | unable to
        * -> negate
      modifier conditional scope before part : if | unless
        victory -> drop
        defeat -> drop
        survival-as-win -> drop
      modifier hedge scope before 2 : perhaps | maybe
        * -> contest
      modifier mocked scope before 1 if scare-quoted : its | their
        victory -> drop
      modifier open-question scope before sentence if question : who
        victory -> drop
      modifier downplay scope before 3 : only
        casualty-emphasis -> weaken 0.5
      modifier affirmed scope before 4 : "no doubt"
        * -> keep
      modifier escaped scope before 2 : escap*
        defeat -> survival-as-win
      """;

  /** Sentences written for these tests, each ending with its terminator. */
  static final List<String> SENTENCES = List.of(
      "The Varn militia won the battle for the ford.",
      "The brigade did not win the war, and its commander retreated.",
      "If the garrison had won, the port would be quiet.",
      "\"We took the port in two days,\" the commander said.",
      "At least 1,200 civilians were killed, including 300 children.",
      "The army failed to dislodge the militia from the hills.",
      "Tens of thousands of people were wounded over the winter.",
      "Who won the race to the river?",
      "The town is still standing after the siege.",
      "The singer won an award at the Ostrel festival.",
      "They celebrated their 'victory' with fireworks.",
      "Perhaps the rebels lost the war.",
      "Only twelve villagers died in the raid.",
      "Gen. Arlo Venn told reporters the brigade was routed with heavy losses.",
      "The massacre at Dunmere was remembered on Victory Day.",
      "There is no doubt the garrison was routed, whatever they say.",
      "The militia narrowly escaped defeat and was never routed.",
      "Between 400 and 500 villagers died, according to the minister.",
      "“Nobody will break the army,” she said. “Not now.”",
      "The rebels seized the city, but they lost the battle later!");

  /** Sentences that match nothing in the lexicon. */
  static final List<String> NEUTRAL = List.of(
      "The weather in Ostrel was mild on Tuesday.",
      "A new bridge opened over the Sava canal.",
      "Markets in the old quarter closed early for the holiday.",
      "She read the letter twice before lunch.");

  static Lexicon lexicon() {
    return Lexicon.parse("properties-test.fl", TEXT);
  }

  static FrameDetector detector() {
    return FrameDetector.builder().lexicon(lexicon()).build();
  }
}
