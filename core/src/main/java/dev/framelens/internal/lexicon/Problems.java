package dev.framelens.internal.lexicon;

import dev.framelens.LexiconException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Collects every problem found while loading a lexicon, to throw them together at the end.
 *
 * <p>At most {@value #MAX_LISTED} are kept: the first ones in file and line order, whatever
 * order they were found in. Past that, one more problem, at the first one left out, says how
 * many were not listed. Without this bound a file of a million bad lines made a million
 * problems and an exception message hundreds of megabytes long.
 */
final class Problems {
  /** Most problems one exception lists. */
  static final int MAX_LISTED = 1_000;

  /** A problem with the order it is listed in: file (first reported first), line, column. */
  private record Entry(LexiconException.Problem problem, int file, long found) {}

  private static final Comparator<Entry> ORDER = Comparator
      .comparingInt(Entry::file)
      .thenComparingInt((Entry e) -> e.problem().line())
      .thenComparingInt((Entry e) -> e.problem().column())
      .thenComparingLong(Entry::found);

  private final Map<String, Integer> fileOrder = new HashMap<>();
  /** The first problems in listing order, the last of them at the head (a max-heap). */
  private final PriorityQueue<Entry> kept = new PriorityQueue<>(ORDER.reversed());
  private long found;
  private long omitted;
  private Entry firstOmitted;

  void add(String source, int line, int column, String message, String offending,
      String lineText) {
    add(new LexiconException.Problem(source, line, column, message, offending, lineText));
  }

  void add(Position at, String message, String offending) {
    add(at.source(), at.line(), at.column(), message, offending, at.lineText());
  }

  private void add(LexiconException.Problem problem) {
    Integer file = fileOrder.get(problem.source());
    if (file == null) {
      file = fileOrder.size();
      fileOrder.put(problem.source(), file);
    }
    Entry entry = new Entry(problem, file, found++);
    kept.add(entry);
    if (kept.size() > MAX_LISTED) {
      omit(kept.poll());
    }
  }

  private void omit(Entry entry) {
    omitted++;
    if (firstOmitted == null || ORDER.compare(entry, firstOmitted) < 0) {
      firstOmitted = entry;
    }
  }

  /** How many problems have been found, listed or not. */
  long size() {
    return kept.size() + omitted;
  }

  /** Adds the problems {@code other} found (syntax problems carried from reading). */
  void addAll(Problems other) {
    List<Entry> entries = new ArrayList<>(other.kept);
    entries.sort(Comparator.comparingLong(Entry::found)); // the order they were found in
    for (Entry e : entries) {
      add(e.problem());
    }
    if (other.firstOmitted != null) {
      add(other.firstOmitted.problem()); // so that the position of the first left out is kept
      omitted += other.omitted - 1;
    }
  }

  /**
   * Throws one {@link LexiconException} listing every problem, if there is any, in file and line
   * order as {@link LexiconException#problems()} promises. Problems are found in several passes
   * (grouping lines into statements, parsing statements, resolving sets, expanding patterns),
   * so detection order is not line order: a stable sort by file (in the order files were first
   * reported on), line and column restores it.
   */
  void throwIfAny() {
    if (kept.isEmpty()) {
      return;
    }
    List<Entry> sorted = new ArrayList<>(kept);
    sorted.sort(ORDER);
    List<LexiconException.Problem> list = new ArrayList<>();
    for (Entry e : sorted) {
      list.add(e.problem());
    }
    if (omitted > 0) {
      LexiconException.Problem first = firstOmitted.problem();
      list.add(new LexiconException.Problem(first.source(), first.line(), first.column(),
          omitted + " more problems from here on are not listed (a lexicon lists at most "
              + MAX_LISTED + ")", "", first.lineText()));
    }
    throw new LexiconException(list);
  }
}
