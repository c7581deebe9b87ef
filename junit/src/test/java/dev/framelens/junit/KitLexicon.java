package dev.framelens.junit;

import dev.framelens.FrameDetector;
import dev.framelens.Lexicon;

/**
 * A small lexicon for the kit's own tests. (The default lexicon's module tests itself with the
 * kit, so the kit cannot depend on it: Maven would see a cycle.)
 */
final class KitLexicon {
  private KitLexicon() {}

  static final FrameDetector DETECTOR = FrameDetector.builder().lexicon(Lexicon.parse("kit.fl", """
      lexicon kit-test 1.0

      frame victory negated defeat
        rule claimed-victory weight 0.9 : claimed victory | won the (war | battle)
      frame defeat negated none
        rule suffered-defeat weight 0.9 : suffered (a)? (crushing)? defeat
      frame survival-as-win negated defeat
        rule failed-to-break weight 0.95 : failed to (break | destroy) the (garrison | movement)
      frame casualty-emphasis negated none
        rule killed-count kind killed weight 0.95 : NUMBER ...{0,3} killed

      modifier negation scope before 3 : not | never
        * -> negate
      """)).build();
}
