package dev.framelens.internal.text;

import java.util.Arrays;
import java.util.Collection;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.util.ArrayUtil;

/**
 * Splits a text into paragraphs, sentences and quotation spans, with char offsets, in one pass
 * over its chars.
 *
 * <ul>
 *   <li>A blank line ends a paragraph. A single line break ends a sentence unless the next line
 *       starts with a lowercase letter (hard-wrapped text), so that headlines stand alone.
 *   <li>A sentence ends after {@code . ! ? …} (and any closing quotes or brackets) when
 *       whitespace and then anything but a lowercase letter or continuing punctuation follows,
 *       except after an abbreviation of the lexicon ("Gen.", "Jan."), an initial ("J.") or a
 *       dotted acronym ("U.S.").
 *   <li>Quotations open and close with curly or straight double quotes and with single quotes;
 *       an apostrophe inside or at the end of a word ("don't", "Hamas’") is not a quote. A quote
 *       left open closes at the end of its paragraph, as in news copy where a quotation runs on
 *       into the next paragraph. A quotation of at most three words is a scare quote.
 *   <li>A sentence longer than {@value #MAX_SENTENCE_CHARS} chars is cut at the next whitespace,
 *       and hard at twice that length, so that memory per sentence stays bounded.
 * </ul>
 */
public final class Segmenter {
  /** Sentences are cut after this many chars (at whitespace). */
  public static final int MAX_SENTENCE_CHARS = 10_000;

  private final CharArraySet abbreviations;
  /** ASCII chars that play no part in segmentation once a sentence is open. */
  private static final boolean[] PLAIN = new boolean[128];

  static {
    for (char c = ' '; c < 127; c++) {
      PLAIN[c] = ".!?\"'".indexOf(c) < 0;
    }
    PLAIN['\t'] = true;
  }

  /** A segmenter that knows the given abbreviations (lowercase, without the final dot). */
  public Segmenter(Collection<String> abbreviations) {
    this.abbreviations = new CharArraySet(abbreviations, true);
  }

  /** Segments {@code text}. */
  public Segmentation segment(String text) {
    return segment(text, text.toCharArray());
  }

  /**
   * Segments {@code text}, whose chars {@code chars} holds from index 0 (it may be longer): the
   * engine copies each document into an array it reuses, which is faster to scan than the
   * string.
   */
  public Segmentation segment(String text, char[] chars) {
    if (chars.length < text.length()) {
      throw new IllegalArgumentException(
          "chars holds " + chars.length + " chars, text has " + text.length());
    }
    return new Pass(chars, text.length()).run();
  }

  /** The state of one segmentation pass. */
  private final class Pass {
    final char[] text;
    final int n;
    // Sized for sentences of 64 chars, shorter than most, so that they rarely grow.
    int[] sentStart;
    int[] sentEnd;
    int[] sentParagraph;
    boolean[] sentQuestion;
    int sentences;
    int[] quoteStart = new int[8];
    int[] quoteEnd = new int[8];
    boolean[] quoteShort = new boolean[8];
    int quotes;
    int paragraph;
    int open = -1; // start of the current sentence, -1 between sentences
    int doubleOpen = -1;
    int singleOpen = -1;
    int pendingBreak = -1;
    /** The end of the last run of terminators scanned, and where it ends a sentence, or -1. */
    int runEnd = -1;
    int runBreak = -1;

    Pass(char[] text, int n) {
      this.text = text;
      this.n = n;
      int capacity = Math.min(16 + n / 64, 1 << 16);
      sentStart = new int[capacity];
      sentEnd = new int[capacity];
      sentParagraph = new int[capacity];
      sentQuestion = new boolean[capacity];
    }

    Segmentation run() {
      for (int i = 0; i < n; i++) {
        if (open >= 0) {
          // Most chars inside a sentence need nothing: letters, digits, spaces and punctuation
          // that neither ends a sentence nor quotes. A tight loop skips them.
          int limit = Math.min(n, open + MAX_SENTENCE_CHARS);
          if (pendingBreak >= i) {
            limit = Math.min(limit, pendingBreak);
          }
          while (i < limit && text[i] < 128 && PLAIN[text[i]]) {
            i++;
          }
          if (i >= n) {
            break;
          }
        }
        if (i == pendingBreak) {
          closeSentence(i);
          pendingBreak = -1;
        }
        char c = text[i];
        if (open < 0 && !Character.isWhitespace(c)) {
          open = i;
        }
        if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
          i = lineBreak(i);
          continue;
        }
        trackQuote(c, i);
        if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
          terminator(c, i);
        }
        if (open >= 0 && i - open >= MAX_SENTENCE_CHARS
            && (Character.isWhitespace(c) || i - open >= 2 * MAX_SENTENCE_CHARS)
            && !Character.isHighSurrogate(c)) {
          closeSentence(i + 1);
        }
      }
      closeSentence(n);
      closeQuotes(n);
      return new Segmentation(sentences, Arrays.copyOf(sentStart, sentences),
          Arrays.copyOf(sentEnd, sentences), Arrays.copyOf(sentParagraph, sentences),
          Arrays.copyOf(sentQuestion, sentences), quotes, quoteStart, quoteEnd, quoteShort);
    }

    /** Handles a line break at {@code i}; returns the index of its last char. */
    private int lineBreak(int i) {
      int j = i + 1;
      if (text[i] == '\r' && j < n && text[j] == '\n') {
        j++;
      }
      int last = j - 1;
      boolean blank = false;
      while (j < n) {
        char d = text[j];
        if (d == '\n' || d == '\r' || d == '\u2028' || d == '\u2029') {
          blank = true;
        } else if (!Character.isWhitespace(d)) {
          break;
        }
        j++;
      }
      if (blank || text[i] == '\u2029') {
        closeSentence(i);
        closeQuotes(i);
        paragraph++;
        return j - 1;
      }
      // A line break is whitespace too: a sentence past its length limit is cut here, as at a
      // space, even when the next line goes on in lowercase (hard-wrapped text).
      if (open >= 0 && (j >= n || !Character.isLowerCase(Character.codePointAt(text, j, n))
          || i - open >= MAX_SENTENCE_CHARS)) {
        closeSentence(i);
      }
      return last;
    }

    private void terminator(char c, int i) {
      if (i >= runEnd) {
        int j = i + 1;
        while (j < n && isTerminator(text[j])) {
          j++;
        }
        runEnd = j;
        runBreak = breakAfter(j);
      }
      // Every terminator of a run ("?!", "...") sees the same chars after the run: they were
      // scanned once, for its first one (scanning them again for each made a run quadratic).
      int j = runBreak;
      if (j < 0) {
        return;
      }
      if (c == '.' && j == i + 1 && isAbbreviation(i)) {
        return;
      }
      pendingBreak = j;
    }

    /**
     * Where a sentence ends after a run of terminators that ends before {@code j}: after the
     * closing quotes or brackets that follow, if whitespace and then anything but a lowercase
     * letter or continuing punctuation come next; else -1.
     */
    private int breakAfter(int j) {
      while (j < n && isCloser(text[j])) {
        j++;
      }
      if (j >= n || !Character.isWhitespace(text[j])) {
        return -1;
      }
      int k = j;
      while (k < n && Character.isWhitespace(text[k])) {
        k++;
      }
      if (k < n) {
        int next = Character.codePointAt(text, k, n);
        if (Character.isLowerCase(next) || ",;:)]}".indexOf(next) >= 0) {
          return -1;
        }
      }
      return j;
    }

    /** Whether the word before the dot at {@code dot} is an abbreviation, initial or acronym. */
    private boolean isAbbreviation(int dot) {
      int k = dot - 1;
      while (k >= 0 && Character.isLetter(text[k])) {
        k--;
      }
      int wordStart = k + 1;
      int length = dot - wordStart;
      if (length == 0) {
        return false;
      }
      if (k >= 0 && text[k] == '.') {
        return true; // "U.S." and the like
      }
      if (length == 1 && Character.isUpperCase(text[wordStart])) {
        return true; // an initial
      }
      return abbreviations.contains(text, wordStart, dot - wordStart);
    }

    private void trackQuote(char c, int i) {
      switch (c) {
        case '\u201C', '\u201E' -> {
          if (doubleOpen < 0) {
            doubleOpen = i;
          }
        }
        case '\u201D' -> {
          if (doubleOpen >= 0) {
            addQuote(doubleOpen, i + 1, true);
            doubleOpen = -1;
          }
        }
        case '"' -> {
          if (doubleOpen >= 0) {
            addQuote(doubleOpen, i + 1, true);
            doubleOpen = -1;
          } else {
            doubleOpen = i;
          }
        }
        case '\u2018' -> {
          if (singleOpen < 0 && !letterOrDigitAt(i - 1)) {
            singleOpen = i;
          }
        }
        case '\u2019', '\'' -> {
          boolean before = letterOrDigitAt(i - 1);
          boolean after = letterOrDigitAt(i + 1);
          if (singleOpen >= 0 && !after) {
            addQuote(singleOpen, i + 1, true);
            singleOpen = -1;
          } else if (c == '\'' && !before && after && singleOpen < 0) {
            singleOpen = i;
          }
        }
        default -> { }
      }
    }

    private boolean letterOrDigitAt(int i) {
      return i >= 0 && i < n && Character.isLetterOrDigit(text[i]);
    }

    private void closeQuotes(int at) {
      int end = at;
      while (end > 0 && Character.isWhitespace(text[end - 1])) {
        end--;
      }
      if (doubleOpen >= 0) {
        addQuote(doubleOpen, Math.max(end, doubleOpen + 1), false);
      }
      if (singleOpen >= 0) {
        addQuote(singleOpen, Math.max(end, singleOpen + 1), false);
      }
      doubleOpen = -1;
      singleOpen = -1;
    }

    private void addQuote(int start, int end, boolean closed) {
      if (quotes == quoteStart.length) {
        quoteStart = ArrayUtil.grow(quoteStart);
        quoteEnd = ArrayUtil.grow(quoteEnd, quoteStart.length);
        quoteShort = Arrays.copyOf(quoteShort, quoteStart.length);
      }
      // Keep the list sorted by start: a single quote nested in a double closes first.
      int at = quotes;
      while (at > 0 && quoteStart[at - 1] > start) {
        at--;
      }
      System.arraycopy(quoteStart, at, quoteStart, at + 1, quotes - at);
      System.arraycopy(quoteEnd, at, quoteEnd, at + 1, quotes - at);
      System.arraycopy(quoteShort, at, quoteShort, at + 1, quotes - at);
      quoteStart[at] = start;
      quoteEnd[at] = end;
      quoteShort[at] = closed && wordCount(start + 1, end - 1) <= 3 && embedded(start, end);
      quotes++;
    }

    /**
     * A scare quote sits inside a sentence ("a 'victory' tour", "framed as a “political
     * victory.”"); a short quotation that opens the sentence or ends in a comma is speech
     * ("“We have won,” he said").
     */
    private boolean embedded(int start, int end) {
      int before = start - 1;
      while (before >= 0 && Character.isWhitespace(text[before])) {
        before--;
      }
      if (before < 0 || before < (open < 0 ? 0 : open) || !Character.isLetterOrDigit(
          text[before])) {
        return false;
      }
      int last = end - 2;
      while (last > start && Character.isWhitespace(text[last])) {
        last--;
      }
      return last > start && text[last] != ',';
    }

    private int wordCount(int from, int to) {
      int words = 0;
      boolean inWord = false;
      for (int i = from; i < to; i++) {
        boolean space = Character.isWhitespace(text[i]);
        if (!space && !inWord) {
          words++;
        }
        inWord = !space;
      }
      return words;
    }

    private void closeSentence(int at) {
      if (open < 0) {
        return;
      }
      int end = Math.min(at, n);
      while (end > open && Character.isWhitespace(text[end - 1])) {
        end--;
      }
      if (end > open) {
        if (sentences == sentStart.length) {
          sentStart = ArrayUtil.grow(sentStart);
          sentEnd = ArrayUtil.grow(sentEnd, sentStart.length);
          sentParagraph = ArrayUtil.grow(sentParagraph, sentStart.length);
          sentQuestion = Arrays.copyOf(sentQuestion, sentStart.length);
        }
        sentStart[sentences] = open;
        sentEnd[sentences] = end;
        sentParagraph[sentences] = paragraph;
        sentQuestion[sentences] = endsWithQuestionMark(open, end);
        sentences++;
      }
      open = -1;
    }

    private boolean endsWithQuestionMark(int start, int end) {
      int k = end - 1;
      while (k >= start && isCloser(text[k])) {
        k--;
      }
      return k >= start && text[k] == '?';
    }
  }

  private static boolean isTerminator(char c) {
    return c == '.' || c == '!' || c == '?' || c == '\u2026';
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == ')' || c == ']'
        || c == '\u00BB';
  }
}
