package dev.framelens.internal.lexicon;

import dev.framelens.LexiconException;
import java.util.ArrayList;
import java.util.List;

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

  /** Throws one {@link LexiconException} listing every problem, if there is any. */
  void throwIfAny() {
    if (!list.isEmpty()) {
      throw new LexiconException(list);
    }
  }
}
