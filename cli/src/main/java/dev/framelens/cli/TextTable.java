package dev.framelens.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for a terminal: each column as wide as its widest cell, text columns
 * aligned left, number columns right, two spaces between columns, trailing spaces trimmed.
 */
final class TextTable {
  private final String indent;
  private final boolean[] right;
  private final List<String[]> rows = new ArrayList<>();

  /**
   * A table whose columns are described by {@code align}, one char a column: {@code l} for
   * left, {@code r} for right.
   */
  TextTable(String indent, String align) {
    this.indent = indent;
    this.right = new boolean[align.length()];
    for (int i = 0; i < right.length; i++) {
      right[i] = align.charAt(i) == 'r';
    }
  }

  TextTable row(String... cells) {
    if (cells.length != right.length) {
      throw new IllegalArgumentException(cells.length + " cells for " + right.length
          + " columns");
    }
    rows.add(cells.clone());
    return this;
  }

  boolean isEmpty() {
    return rows.size() <= 1;
  }

  void appendTo(StringBuilder out) {
    int[] width = new int[right.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(width[i] - row[i].length());
        line.append(right[i] ? pad + row[i] : row[i] + pad);
      }
      int end = line.length();
      while (end > 0 && line.charAt(end - 1) == ' ') {
        end--;
      }
      out.append(line, 0, end).append('\n');
    }
  }
}
