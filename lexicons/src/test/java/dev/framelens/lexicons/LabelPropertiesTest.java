package dev.framelens.lexicons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the labels the default lexicon gives, over documents built from sentences
 * written for this test: labels do not depend on letter case or spacing that leaves the words
 * as they are; a negated victory is never a victory; and labels do not leak between documents
 * that are joined.
 */
class LabelPropertiesTest {
  private static final FrameDetector DETECTOR = FrameDetector.withDefaultLexicon();

  /** Sentences of every frame and none, each ending a sentence. */
  private static final List<String> SENTENCES = List.of(
      "The rebel commanders claimed victory after the long siege of the river town.",
      "Government troops won the battle for the northern airport on Tuesday.",
      "The alliance declared that it had triumphed over the occupying forces.",
      "The army suffered a crushing defeat in the eastern hills.",
      "Their offensive collapsed within a week and the brigade retreated in disarray.",
      "The militia lost the war it had started two years earlier.",
      "Months of shelling failed to destroy the movement, its leaders said.",
      "Despite the blockade, the fighters are still standing and still defiant.",
      "The enemy was unable to break the garrison, which held the pass all winter.",
      "At least 230 people were killed in the strikes, among them 41 children.",
      "The health ministry said 1,200 civilians have died since the fighting began.",
      "More than 90 soldiers were wounded in the ambush near the border crossing.",
      "The talks resumed in the capital on Monday under a new chairman.",
      "Farmers in the valley began the harvest later than usual this year.",
      "The committee will publish its report on the water supply next month.",
      "She said the negotiations were slow but that both delegations stayed at the table.");

  /** Subjects and victory predicates that the negation property combines. */
  private static final List<String> SUBJECTS = List.of("The army", "The rebels", "The government",
      "The coalition", "Our forces", "The insurgent group", "Neither side", "The invaders");

  private static final List<String> NEGATED_VICTORIES = List.of(
      "did not win the war", "didn't win the battle", "never won the war",
      "could not win the battle", "cannot win this war", "will not win this war",
      "failed to win the battle", "was unable to win the war", "has not won the war",
      "did not achieve victory", "never achieved a victory", "failed to achieve victory",
      "could not claim victory", "did not triumph", "never triumphed", "did not prevail",
      "failed to prevail", "could not defeat the resistance", "failed to defeat the rebels",
      "did not defeat the militia", "never defeated the insurgents");

  private static Set<Frame> sentenceLabels(FrameAnalysis analysis) {
    Set<Frame> labels = EnumSet.noneOf(Frame.class);
    analysis.sentences().forEach(s -> labels.addAll(s.labels()));
    return labels;
  }

  @Provide
  Arbitrary<String> documents() {
    return Arbitraries.of(SENTENCES).list().ofMinSize(1).ofMaxSize(6)
        .map(list -> String.join(" ", list));
  }

  // ---------------------------------------------------------------------------------------------
  // Case and whitespace that leave the words as they are

  @Property(tries = 300)
  void caseAndSpacingThatKeepTheWordsKeepTheLabels(@ForAll("documents") String text,
      @ForAll long seed) {
    String changed = respaceAndRecase(text, new Random(seed));
    FrameAnalysis original = DETECTOR.analyze(text);
    FrameAnalysis variant = DETECTOR.analyze(changed);
    assertEquals(original.labels(), variant.labels(), () -> text + "\n" + changed);
    assertEquals(sentenceLabels(original), sentenceLabels(variant), () -> changed);
    assertEquals(original.sentences().size(), variant.sentences().size(), () -> changed);
  }

  /**
   * Widens the spaces between words into runs of spaces and tabs, and flips the case of letters
   * that do not begin a word. A word's first letter is left alone: it carries meaning the engine
   * reads (a capital after a full stop starts a sentence; {@code CAP} patterns match names).
   */
  static String respaceAndRecase(String text, Random random) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        int run = 1 + random.nextInt(3);
        for (int k = 0; k < run; k++) {
          out.append(random.nextInt(4) == 0 ? '\t' : ' ');
        }
      } else if (Character.isLetter(c) && i > 0 && Character.isLetter(text.charAt(i - 1))
          && random.nextBoolean()) {
        out.append(Character.isUpperCase(c) ? Character.toLowerCase(c)
            : Character.toUpperCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Example
  void theTransformationChangesTheTextButNotItsWords() {
    String text = "Government troops won the battle.";
    String changed = respaceAndRecase(text, new Random(7));
    assertFalse(changed.equals(text), changed);
    assertEquals(text.toLowerCase(java.util.Locale.ROOT).split(" +").length,
        changed.toLowerCase(java.util.Locale.ROOT).strip().split("[ \t]+").length);
    assertEquals(Set.of(Frame.VICTORY), DETECTOR.analyze(changed).labels());
  }

  // ---------------------------------------------------------------------------------------------
  // Negated victories

  @Provide
  Arbitrary<String> negatedVictories() {
    return Combinators.combine(Arbitraries.of(SUBJECTS), Arbitraries.of(NEGATED_VICTORIES),
        Arbitraries.of(".", " this year.", ", officials said.", " despite the offensive."))
        .as((subject, predicate, tail) -> subject + " " + predicate + tail);
  }

  @Property(tries = 500)
  void aNegatedVictoryIsNeverAVictory(@ForAll("negatedVictories") String sentence) {
    FrameAnalysis a = DETECTOR.analyze(sentence);
    assertFalse(a.labels().contains(Frame.VICTORY), a::toString);
    assertFalse(sentenceLabels(a).contains(Frame.VICTORY), a::toString);
  }

  @Example
  void theNegatedVictoriesAreVictoriesWithoutTheNegation() {
    // Keeps the property honest: its predicates are ones the lexicon reads as victories.
    for (String affirmed : List.of("The army won the war.", "The rebels achieved victory.",
        "The coalition triumphed.", "Our forces defeated the rebels.")) {
      assertTrue(DETECTOR.analyze(affirmed).labels().contains(Frame.VICTORY), affirmed);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Joined documents

  @Property(tries = 300)
  void joiningTwoDocumentsGivesTheUnionOfTheirSentenceLabels(
      @ForAll("documents") String first, @ForAll("documents") String second,
      @ForAll boolean asParagraphs) {
    String joined = first + (asParagraphs ? "\n\n" : " ") + second;
    FrameAnalysis a = DETECTOR.analyze(first);
    FrameAnalysis b = DETECTOR.analyze(second);
    FrameAnalysis both = DETECTOR.analyze(joined);
    Set<Frame> union = EnumSet.noneOf(Frame.class);
    union.addAll(sentenceLabels(a));
    union.addAll(sentenceLabels(b));
    assertEquals(union, sentenceLabels(both), () -> joined + "\n" + both);
    assertEquals(a.sentences().size() + b.sentences().size(), both.sentences().size(),
        () -> joined);
  }
}
