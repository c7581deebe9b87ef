package dev.framelens.junit;

import static java.util.Objects.requireNonNull;

import dev.framelens.Frame;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One line of a gold file: a text and the frames a person gave it (the codebook's format,
 * {@code {"id": "...", "text": "...", "labels": ["victory"]}}).
 *
 * <pre>{@code
 * @ParameterizedTest(name = "{0}")
 * @GoldCorpusSource("src/test/resources/gold/my-units.jsonl")
 * void labelsMatchTheGold(GoldUnit unit) {
 *   assertThatFraming(unit).matchesGold();
 * }
 * }</pre>
 *
 * @param id the unit's id, unique in its file; the test case's display name
 * @param text the text to analyse
 * @param labels the gold frames, possibly none
 * @param location where the unit was read ({@code file:line}), for failure messages
 */
public record GoldUnit(String id, String text, Set<Frame> labels, String location) {
  /**
   * Checks the fields and copies the labels.
   *
   * @param id the unit's id; the test case's display name
   * @param text the text to analyse
   * @param labels the gold frames, possibly none; copied
   * @param location where the unit was read, such as {@code gold/units.jsonl:12}
   * @throws NullPointerException if an argument or one of the labels is null
   */
  public GoldUnit {
    requireNonNull(id, "id");
    requireNonNull(text, "text");
    requireNonNull(location, "location");
    labels = labels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(labels));
  }

  /** The id: JUnit shows it as the test case's name. */
  @Override
  public String toString() {
    return id;
  }
}
