package dev.framelens;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A lexicon could not be loaded because its text is malformed. One exception lists every problem
 * found in every file, each with its file, line and column, so that an author fixes them all in
 * one pass.
 *
 * <pre>{@code
 * try {
 *   Lexicon.load(Path.of("my-rules.fl"));
 * } catch (LexiconException e) {
 *   e.problems().forEach(p -> System.err.println(p.render()));
 * }
 * }</pre>
 */
public final class LexiconException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * One problem in a lexicon file.
   *
   * @param source the file (or resource, or the name given to a text) the problem is in
   * @param line 1-based line number, 0 when the problem concerns the file as a whole
   * @param column 1-based column of the offending text, 0 when not applicable
   * @param message what is wrong, and a hint where one helps
   * @param offendingText the text at fault, as written in the file (may be empty)
   * @param lineText the whole line the problem is on, for a caret display (may be empty)
   */
  public record Problem(
      String source, int line, int column, String message, String offendingText,
      String lineText) {

    /**
     * Validates the components.
     *
     * @param source the file (or resource, or the name given to a text) the problem is in
     * @param line 1-based line number, 0 when the problem concerns the file as a whole
     * @param column 1-based column of the offending text, 0 when not applicable
     * @param message what is wrong
     * @param offendingText the text at fault, or empty
     * @param lineText the whole line the problem is on, or empty
     * @throws NullPointerException if a string argument is null
     */
    public Problem {
      requireNonNull(source, "source");
      requireNonNull(message, "message");
      requireNonNull(offendingText, "offendingText");
      requireNonNull(lineText, "lineText");
    }

    /** {@code file:line:column: message: "offending text"}. */
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder(source);
      if (line > 0) {
        s.append(':').append(line);
        if (column > 0) {
          s.append(':').append(column);
        }
      }
      s.append(": ").append(message);
      if (!offendingText.isEmpty()) {
        s.append(": \"").append(offendingText).append('"');
      }
      return s.toString();
    }

    /**
     * {@link #toString()} followed by the line and a caret under the column.
     *
     * @return three lines, or only {@link #toString()} when {@code lineText} is empty or the
     *     column is not positive
     */
    public String render() {
      if (lineText.isEmpty() || column <= 0) {
        return toString();
      }
      StringBuilder caret = new StringBuilder();
      for (int i = 0; i < column - 1 && i < lineText.length(); i++) {
        caret.append(lineText.charAt(i) == '\t' ? '\t' : ' ');
      }
      caret.append('^');
      return toString() + "\n    " + lineText + "\n    " + caret;
    }
  }

  /**
   * The problems, in the order given to the constructor; never empty here. Not serialized (a
   * problem is a plain record): an exception sent through Java serialization keeps its message,
   * which lists every problem, and has an empty list.
   */
  private final transient List<Problem> problems;

  /**
   * Creates an exception for the given problems.
   *
   * @param problems the problems, at least one; the message lists them in this order
   * @throws NullPointerException if {@code problems} or one of them is null
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public LexiconException(List<Problem> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Every problem found, in file and line order.
   *
   * @return the problems in the order given to the constructor, unmodifiable and never empty
   *     (except in a copy made by Java serialization, whose message still lists them). The
   *     lexicon loader gives them in file and line order, at most 1,000 of them, then one more
   *     saying how many it left out.
   */
  public List<Problem> problems() {
    return problems == null ? List.of() : problems;
  }

  private static String format(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a LexiconException needs at least one problem");
    }
    String head = problems.size() == 1 ? "1 error in lexicon:\n  " : problems.size()
        + " errors in lexicon:\n  ";
    return head + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  "));
  }
}
