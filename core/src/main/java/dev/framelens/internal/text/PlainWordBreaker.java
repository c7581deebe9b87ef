package dev.framelens.internal.text;

/**
 * The word breaks of Unicode UAX#29, as Lucene's {@code StandardTokenizer} finds them, for text
 * made only of Latin-1 and a few typographic quotes and dashes: the text news is written in.
 *
 * <p><b>Why.</b> StandardTokenizer is a JFlex automaton over all of Unicode that reads through a
 * {@code Reader}; on plain text most of its time goes into machinery the text does not need.
 * Over these chars the UAX#29 rules reduce to a handful of char classes and one char of
 * lookahead, which a loop over the string applies directly.
 *
 * <p><b>Rules</b> (UAX#29 numbering). Letters join letters (WB5) and digits (WB9, WB10), digits
 * join digits (WB8); a letter, a mid-letter char (":" "·"), a mid-num-let char ("." and the
 * right single quote) or an apostrophe, and a letter make one word (WB6, WB7); a digit, a
 * mid-num char ("," ";"), a mid-num-let char or an apostrophe, and a digit make one number
 * (WB11, WB12); "_" joins anything alphanumeric on either side (WB13a, WB13b). Every other char
 * breaks. A word is reported when it holds a letter or a digit, and is numeric when it holds no
 * letter, as StandardTokenizer's {@code <NUM>} type.
 *
 * <p><b>Outside the plain alphabet</b> (combining marks and other WB4 extenders, other
 * scripts, emoji, the narrow no-break space) and for a word longer than StandardTokenizer's
 * 255-char limit, {@link #breakWords} gives up and the caller uses StandardTokenizer. A
 * property test holds the two to the same words on random text.
 */
final class PlainWordBreaker {
  private static final byte OTHER = 0;
  private static final byte LETTER = 1;
  private static final byte DIGIT = 2;
  private static final byte MID_LETTER = 3;
  private static final byte MID_NUM = 4;
  /** "." and the right single quote; the apostrophe behaves the same for these rules. */
  private static final byte MID_NUM_LET = 5;
  private static final byte EXTEND_NUM_LET = 6;
  /** A char whose word-break property this class does not model. */
  private static final byte UNSUPPORTED = 7;

  /** StandardTokenizer's default maximum token length; longer tokens are split there. */
  static final int MAX_WORD = 255;

  private static final byte[] LATIN1 = new byte[256];
  /** ASCII lowercased. */
  private static final char[] LOWER = new char[128];

  static {
    for (char c = 0; c < 128; c++) {
      LOWER[c] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    for (int c = 'a'; c <= 'z'; c++) {
      LATIN1[c] = LETTER;
      LATIN1[c - 32] = LETTER;
    }
    for (int c = '0'; c <= '9'; c++) {
      LATIN1[c] = DIGIT;
    }
    LATIN1[':'] = MID_LETTER;
    LATIN1[0xB7] = MID_LETTER; // middle dot
    LATIN1[','] = MID_NUM;
    LATIN1[';'] = MID_NUM;
    LATIN1['.'] = MID_NUM_LET;
    LATIN1['\''] = MID_NUM_LET;
    // StringRangeReader reads an acute accent as a right single quote; so does this class.
    LATIN1[0xB4] = MID_NUM_LET;
    LATIN1['_'] = EXTEND_NUM_LET;
    LATIN1[0xAA] = LETTER; // feminine ordinal
    LATIN1[0xB5] = LETTER; // micro sign
    LATIN1[0xBA] = LETTER; // masculine ordinal
    for (int c = 0xC0; c <= 0xFF; c++) {
      LATIN1[c] = c == 0xD7 || c == 0xF7 ? OTHER : LETTER; // not the multiplication, division
    }
    LATIN1[0xAD] = UNSUPPORTED; // soft hyphen: a format char, which UAX#29 skips over
  }

  private PlainWordBreaker() {}

  /** The class of a char above Latin-1. */
  private static byte classOf(char c) {
    switch (c) {
      case '\u2018', '\u2019', '\u2024':
        return MID_NUM_LET;
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u201C', '\u201D',
          '\u201E', '\u2020', '\u2021', '\u2022', '\u2026', '\u20AC':
        return OTHER;
      default:
        return UNSUPPORTED;
    }
  }

  /**
   * Appends the tokens of {@code text[from, to)} to {@code out}, each word normalised by
   * {@code tokenizer}; returns false, with some words appended, when the range needs
   * StandardTokenizer.
   *
   * <p>One loop does the work of three: as it finds a word's chars it writes them lowercased
   * into the buffer's pool and packs them into the term cache's keys, so that a word costs one
   * pass and one mispredicted loop exit, not three.
   */
  static boolean breakWords(char[] text, int from, int to, SentenceTokenizer tokenizer,
      TokenBuffer out) {
    char[] pool = out.reserve(to - from); // every char is written at most once
    int i = from;
    int gapStart = from; // where the chars between the last word and the next begin
    boolean clauseBreak = false;
    while (i < to) {
      char c = text[i];
      byte cls = c < 256 ? LATIN1[c] : classOf(c);
      if (cls == UNSUPPORTED) {
        return false;
      }
      if (cls != LETTER && cls != DIGIT && cls != EXTEND_NUM_LET) {
        if (c != ' ' && !clauseBreak) {
          clauseBreak = TokenBuffer.breaksClause(text, i, gapStart, to);
        }
        i++;
        continue;
      }
      int start = i;
      int at = out.poolSize();
      int seen = cls == EXTEND_NUM_LET ? 0 : cls; // LETTER and DIGIT bits of the classes met
      int charBits = c;
      char lower = c < 128 ? LOWER[c] : c;
      pool[at] = lower;
      long key1 = lower & 0xFF;
      long key2 = 0;
      byte last = cls;
      int end = i + 1;
      while (end < to) {
        char d = text[end];
        int k = end - start;
        if (d >= 'a' && d <= 'z') {
          // Most chars of a word: a lowercase ASCII letter needs no table and no lowering.
          pool[at + k] = d;
          if (k < 8) {
            key1 |= (long) d << (k << 3);
          } else if (k < 16) {
            key2 |= (long) d << ((k - 8) << 3);
          }
          seen |= LETTER;
          last = LETTER;
          end++;
          continue;
        }
        byte next = d < 256 ? LATIN1[d] : classOf(d);
        if (next == LETTER || next == DIGIT || next == EXTEND_NUM_LET) {
          // WB5, WB8, WB9, WB10, WB13a and WB13b: alphanumerics and "_" run together.
          seen |= next == EXTEND_NUM_LET ? 0 : next;
          last = next;
        } else if (next == MID_LETTER || next == MID_NUM || next == MID_NUM_LET) {
          // WB6/WB7 (letter mid letter) and WB11/WB12 (digit mid digit).
          if (end + 1 >= to) {
            break;
          }
          char e = text[end + 1];
          byte after = e < 256 ? LATIN1[e] : classOf(e);
          if (after == UNSUPPORTED) {
            return false;
          }
          boolean joinsLetters = last == LETTER && after == LETTER && next != MID_NUM;
          boolean joinsDigits = last == DIGIT && after == DIGIT && next != MID_LETTER;
          if (!joinsLetters && !joinsDigits) {
            break;
          }
          // The mid char now, the one after it on the next turn of the loop.
          last = MID_LETTER;
        } else if (next == UNSUPPORTED) {
          return false;
        } else {
          break;
        }
        charBits |= d;
        lower = d < 128 ? LOWER[d] : d;
        pool[at + k] = lower;
        if (k < 8) {
          key1 |= (long) (lower & 0xFF) << (k << 3);
        } else if (k < 16) {
          key2 |= (long) (lower & 0xFF) << ((k - 8) << 3);
        }
        end++;
      }
      if (end - start > MAX_WORD) {
        return false;
      }
      if ((seen & (LETTER | DIGIT)) != 0) {
        int first = out.size;
        tokenizer.plainWord(text, start, end, (seen & LETTER) == 0, charBits < 128, key1, key2,
            out);
        if (clauseBreak && out.size > first) {
          out.flags[first] |= TokenBuffer.CLAUSE_BREAK_BEFORE;
        }
        clauseBreak = false;
        gapStart = end;
      }
      i = end;
    }
    return true;
  }
}
