package dev.framelens.cli;

import static java.util.Objects.requireNonNull;

import dev.framelens.Evaluation;
import java.util.List;

/**
 * A gold file as {@code framelens evaluate} read it: its usable units, in file order, each with
 * its {@code source} field, and how many lines could not be used.
 *
 * @param name the name reports use (the file name, or the path as given when two gold files
 *     share a file name, or {@code stdin})
 * @param units the units, in file order
 * @param failed how many lines could not be used (each was reported on standard error)
 */
record GoldFile(String name, List<GoldUnit> units, int failed) {
  GoldFile {
    requireNonNull(name, "name");
    units = List.copyOf(units);
  }

  /**
   * A gold unit and where it came from.
   *
   * @param unit the id, text and gold labels
   * @param source the line's {@code source} field, or null when it has none (or it is blank)
   */
  record GoldUnit(Evaluation.Unit unit, String source) {
    GoldUnit {
      requireNonNull(unit, "unit");
    }
  }

  /** The units as {@link Evaluation} takes them. */
  List<Evaluation.Unit> evaluationUnits() {
    return units.stream().map(GoldUnit::unit).toList();
  }
}
