package dev.framelens.internal.lexicon;

import dev.framelens.LexiconException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects every problem found while loading a lexicon, to throw them together at the end. */
final class Problems {
  private final List<LexiconException.Problem> list = new ArrayList<>();

  void add(String source, int line, int column, String message, String offending,
      String lineText) {
    list.add(new LexiconException.Problem(source, line, column, message, offending, lineText));
  }

  void add(Position at, String message, String offending) {
    add(at.source(), at.line(), at.column(), message, offending, at.lineText());
  }

  int size() {
    return list.size();
  }

  /** The problems found so far, to carry them from reading to compiling. */
  List<LexiconException.Problem> list() {
    return List.copyOf(list);
  }

  void addAll(List<LexiconException.Problem> problems) {
    list.addAll(problems);
  }

  /**
   * Throws one {@link LexiconException} listing every problem, if there is any, in file and line
   * order as {@link LexiconException#problems()} promises. Problems are found in several passes
   * (grouping lines into statements, parsing statements, resolving sets, expanding patterns),
   * so detection order is not line order: a stable sort by file (in the order files were first
   * reported on), line and column restores it.
   */
  void throwIfAny() {
    if (!list.isEmpty()) {
      Map<String, Integer> fileOrder = new HashMap<>();
      for (LexiconException.Problem p : list) {
        fileOrder.putIfAbsent(p.source(), fileOrder.size());
      }
      List<LexiconException.Problem> sorted = new ArrayList<>(list);
      sorted.sort(Comparator
          .comparingInt((LexiconException.Problem p) -> fileOrder.get(p.source()))
          .thenComparingInt(LexiconException.Problem::line)
          .thenComparingInt(LexiconException.Problem::column));
      throw new LexiconException(sorted);
    }
  }
}
