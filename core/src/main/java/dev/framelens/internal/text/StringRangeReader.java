package dev.framelens.internal.text;

import java.io.Reader;

/**
 * A {@link Reader} over a range of a string, reset for each sentence instead of reallocated. It
 * reads an acute accent (U+00B4) as a right single quote, the apostrophe the tokenizer knows.
 */
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
    // An acute accent typed for an apostrophe ("wasn´t") would make StandardTokenizer break
    // the word there, before SentenceTokenizer could straighten it; as a right single quote it
    // stays inside the word. One char for one, so offsets do not move.
    for (int k = offset; k < offset + n; k++) {
      if (buffer[k] == '\u00B4') {
        buffer[k] = '\u2019';
      }
    }
    pos += n;
    return n;
  }

  @Override
  public void close() {
    // Nothing to release: the string belongs to the caller.
  }
}
