package dev.framelens.internal.text;

import java.io.Reader;

/** A {@link Reader} over a range of a string, reset for each sentence instead of reallocated. */
final class StringRangeReader extends Reader {
  private String text = "";
  private int pos;
  private int end;

  StringRangeReader reset(String text, int from, int to) {
    this.text = text;
    this.pos = from;
    this.end = to;
    return this;
  }

  @Override
  public int read(char[] buffer, int offset, int length) {
    if (pos >= end) {
      return -1;
    }
    int n = Math.min(length, end - pos);
    text.getChars(pos, pos + n, buffer, offset);
    pos += n;
    return n;
  }

  @Override
  public void close() {
    // Nothing to release: the string belongs to the caller.
  }
}
