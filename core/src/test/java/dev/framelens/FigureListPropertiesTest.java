package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.CasualtyCount.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of figure lists over generated sentences: however a list of counted people is
 * joined and qualified, before the one verb they share, every member is read once, with its own
 * value and qualifier, the verb's kind, a text equal to its source and a span inside the
 * sentence; dates, ages and durations around it add no figure.
 */
class FigureListPropertiesTest {
  private static final FrameDetector DETECTOR = FrameDetector.builder()
      .lexicon(Lexicon.parse("lists.fl", """
          lexicon lists-test 1
          qualifier at-least means at-least : at least
          qualifier about means about : about | some
          qualifier nearly means nearly : nearly
          subset including : including | "of them"
          who civilians = civilian civilians villagers
          who soldiers = soldier soldiers
          who children = children
          frame casualty-emphasis negated none
            rule killed-count kind killed weight 0.95 : NUMBER ...{0,5} (killed | died | dead)
            rule wounded-count kind wounded weight 0.9 : NUMBER ...{0,5} wounded
          """))
      .build();

  /** One member of a list: its qualifier, its number (in digits) and its noun. */
  record Member(String qualifier, int value, String noun) {
    String text() {
      return (qualifier.isEmpty() ? "" : qualifier + " ") + String.format("%,d", value)
          + " " + noun;
    }
  }

  @Provide
  Arbitrary<Member> members() {
    return Combinators.combine(
        Arbitraries.of("", "", "at least", "about", "some", "nearly"),
        Arbitraries.integers().between(2, 90_000),
        Arbitraries.of("soldiers", "villagers", "civilians", "Tarnish guards",
            "men from Ostrel", "fishermen and their sons"))
        .as(Member::new);
  }

  @Provide
  Arbitrary<List<Member>> lists() {
    return members().list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<String> joiners() {
    return Arbitraries.of(" and ", ", and ", " as well as ", ", as well as ", " plus ");
  }

  @Provide
  Arbitrary<String> predicates() {
    return Arbitraries.of(" were killed", " have died", " were dead", " were wounded",
        ", were killed", ", were wounded");
  }

  @Provide
  Arbitrary<String> openings() {
    return Arbitraries.of("", "On 7 October ", "Since March 3, ", "After 12 days of shelling, ",
        "In the 1990s ", "By 5 p.m. ", "During World War Two ");
  }

  @Property(tries = 500)
  void everyListedFigureIsReadOnceWithItsOwnValueAndTheSharedKind(
      @ForAll("openings") String opening,
      @ForAll("lists") List<Member> list,
      @ForAll("joiners") String lastJoiner,
      @ForAll("predicates") String predicate) {
    if (list.size() == 1 && predicate.startsWith(",")) {
      return; // "2 soldiers, were killed": a comma before the verb closes a list, not one count
    }
    StringBuilder text = new StringBuilder(opening);
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        text.append(i == list.size() - 1 ? lastJoiner : ", ");
      }
      starts.add(text.length());
      text.append(list.get(i).text());
    }
    text.append(predicate).append(" in the Karsk valley.");
    String s = text.toString();
    FrameAnalysis a = DETECTOR.analyze(s);
    PublicApiPropertiesTest.assertSpans(DETECTOR, s, a);
    List<CasualtyCount> figures = a.casualtyCounts();
    assertEquals(list.size(), figures.size(), () -> s + "\n" + a);
    Kind kind = predicate.contains("wounded") ? Kind.WOUNDED : Kind.KILLED;
    for (int i = 0; i < list.size(); i++) {
      Member m = list.get(i);
      CasualtyCount c = figures.get(i);
      int start = starts.get(i);
      assertEquals(start, c.start(), () -> s + "\n" + a);
      assertEquals(s.substring(c.start(), c.end()), c.text());
      assertTrue(m.text().startsWith(c.text()), () -> c + " in " + s);
      assertEquals(kind, c.kind(), () -> s + "\n" + a);
      OptionalLong expected = OptionalLong.of(m.value());
      assertTrue(expected.equals(c.best()) || expected.equals(c.low()), () -> c + " in " + s);
      assertTrue(c.subsetOf().isEmpty(), () -> c + " in " + s);
    }
  }

  @Property(tries = 300)
  void aSubsetBetweenCommasIsPartOfTheMemberBeforeIt(
      @ForAll("members") Member whole,
      @ForAll("members") Member before,
      @ForAll("predicates") String predicate) {
    if (predicate.startsWith(",")) {
      return;
    }
    int part = Math.max(1, whole.value() / 3);
    String s = before.text() + " and " + whole.text() + ", " + String.format("%,d", part)
        + " of them children," + predicate + " on the road north.";
    FrameAnalysis a = DETECTOR.analyze(s);
    PublicApiPropertiesTest.assertSpans(DETECTOR, s, a);
    List<CasualtyCount> figures = a.casualtyCounts();
    assertEquals(3, figures.size(), () -> s + "\n" + a);
    assertEquals(OptionalLong.of(part), figures.get(2).best(), () -> s + "\n" + a);
    assertEquals(1, figures.get(2).subsetOf().orElse(-1), () -> s + "\n" + a);
    assertTrue(figures.get(0).subsetOf().isEmpty() && figures.get(1).subsetOf().isEmpty(),
        () -> s + "\n" + a);
  }
}
