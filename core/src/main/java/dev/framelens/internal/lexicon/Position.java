package dev.framelens.internal.lexicon;

/** A place in a lexicon file: 1-based line and column, and the line's text for caret displays. */
record Position(String source, int line, int column, String lineText) {

  /** The same line, another column. */
  Position atColumn(int newColumn) {
    return new Position(source, line, newColumn, lineText);
  }

  @Override
  public String toString() {
    return source + ":" + line + ":" + column;
  }
}
