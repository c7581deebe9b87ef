package dev.framelens.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * Recognises English number phrases in a sentence's tokens and merges each into one
 * {@link TokenBuffer#NUMBER} token carrying low, best and high values.
 *
 * <ul>
 *   <li>Digits with thousands separators or a decimal point or comma: "46,000", "1.2", "1,5"
 *       (a decimal comma), "1.200.000"; a scale glued on: "2.7million", "3bn".
 *   <li>Scale words after digits or number words: "1.2 million", "two hundred thousand", "a
 *       dozen", "half a million", "twenty-five".
 *   <li>Ranges: "400 to 500", "3,000–5,000", "between 70,000 and 80,000".
 *   <li>Vague quantities as ranges: "dozens" 24–99, "hundreds" 200–999, "thousands" 2,000–9,999,
 *       "tens of thousands" 20,000–99,999, "hundreds of thousands", "millions", "several
 *       hundred" (3–9 hundred), "a few thousand" (2–5 thousand).
 * </ul>
 *
 * <p>Qualifiers such as "at least" or "more than" are not numbers: the lexicon's {@code
 * qualifier} patterns name them. This is grammar, not vocabulary, so it lives here rather than
 * in a lexicon file. One instance per thread; it allocates nothing.
 */
public final class NumberParser {
  private static final CharArrayMap<Long> WORDS = map(Map.ofEntries(
      Map.entry("one", 1L), Map.entry("two", 2L), Map.entry("three", 3L),
      Map.entry("four", 4L), Map.entry("five", 5L), Map.entry("six", 6L),
      Map.entry("seven", 7L), Map.entry("eight", 8L), Map.entry("nine", 9L),
      Map.entry("ten", 10L), Map.entry("eleven", 11L), Map.entry("twelve", 12L),
      Map.entry("thirteen", 13L), Map.entry("fourteen", 14L), Map.entry("fifteen", 15L),
      Map.entry("sixteen", 16L), Map.entry("seventeen", 17L), Map.entry("eighteen", 18L),
      Map.entry("nineteen", 19L), Map.entry("twenty", 20L), Map.entry("thirty", 30L),
      Map.entry("forty", 40L), Map.entry("fifty", 50L), Map.entry("sixty", 60L),
      Map.entry("seventy", 70L), Map.entry("eighty", 80L), Map.entry("ninety", 90L)));
  private static final CharArrayMap<Long> SCALES = map(Map.of(
      "dozen", 12L, "hundred", 100L, "thousand", 1_000L, "million", 1_000_000L,
      "billion", 1_000_000_000L));
  private static final CharArrayMap<Long> GLUED_SCALES = map(Map.of(
      "thousand", 1_000L, "k", 1_000L, "million", 1_000_000L, "m", 1_000_000L,
      "mn", 1_000_000L, "billion", 1_000_000_000L, "bn", 1_000_000_000L));
  /** Plural quantities: the low bound; the high bound is ten times it, less one. */
  private static final CharArrayMap<Long> VAGUE = map(Map.of(
      "dozens", 24L, "hundreds", 200L, "thousands", 2_000L, "millions", 2_000_000L,
      "billions", 2_000_000_000L));
  private static final double LARGEST = 1e15;
  /** Words after which four digits are a year. */
  private static final CharArrayMap<Long> TIME_WORDS = map(Map.ofEntries(
      Map.entry("in", 0L), Map.entry("since", 0L), Map.entry("by", 0L), Map.entry("from", 0L),
      Map.entry("until", 0L), Map.entry("till", 0L), Map.entry("during", 0L),
      Map.entry("before", 0L), Map.entry("after", 0L), Map.entry("of", 0L),
      Map.entry("through", 0L), Map.entry("early", 0L), Map.entry("late", 0L),
      Map.entry("mid", 0L), Map.entry("spring", 0L), Map.entry("summer", 0L),
      Map.entry("autumn", 0L), Map.entry("winter", 0L), Map.entry("january", 0L),
      Map.entry("february", 0L), Map.entry("march", 0L), Map.entry("april", 0L),
      Map.entry("may", 0L), Map.entry("june", 0L), Map.entry("july", 0L),
      Map.entry("august", 0L), Map.entry("september", 0L), Map.entry("october", 0L),
      Map.entry("november", 0L), Map.entry("december", 0L), Map.entry("jan", 0L),
      Map.entry("feb", 0L), Map.entry("mar", 0L), Map.entry("apr", 0L), Map.entry("jun", 0L),
      Map.entry("jul", 0L), Map.entry("aug", 0L), Map.entry("sep", 0L), Map.entry("sept", 0L),
      Map.entry("oct", 0L), Map.entry("nov", 0L), Map.entry("dec", 0L)));

  private long value;
  private long resultLow;
  private long resultBest;
  private long resultHigh;
  private boolean resultVague;

  private static CharArrayMap<Long> map(Map<String, Long> entries) {
    CharArrayMap<Long> map = new CharArrayMap<>(entries.size(), false);
    map.putAll(entries);
    return CharArrayMap.unmodifiableMap(map);
  }

  /** Merges every number phrase of {@code tokens} (a sentence of {@code text}) in place. */
  public void merge(TokenBuffer tokens, String text) {
    int write = 0;
    int i = 0;
    while (i < tokens.size) {
      int consumed = parseAt(tokens, text, i);
      if (consumed > 0) {
        tokens.move(i, write);
        tokens.end[write] = tokens.end[i + consumed - 1];
        tokens.flags[write] = TokenBuffer.NUMBER
            | (tokens.flags[i] & (TokenSink.CAPITALIZED | TokenBuffer.CLAUSE_BREAK_BEFORE))
            | (resultVague ? TokenBuffer.VAGUE : 0);
        tokens.low[write] = resultLow;
        tokens.best[write] = resultBest;
        tokens.high[write] = resultHigh;
        i += consumed;
      } else {
        tokens.move(i, write);
        i++;
      }
      write++;
    }
    tokens.size = write;
  }

  /**
   * Words that can begin a number phrase, as an open-addressing set of their term keys (first 8
   * chars packed, see {@link TokenBuffer#key1}) and lengths: a token not in it (most words)
   * begins none, which spares the grammar's table lookups for nearly every token. Keys of words
   * longer than 8 chars stand for every word with that beginning and length, which only lets
   * a few more words through to the grammar.
   */
  private static final long[] STARTER_KEYS = new long[512];
  private static final int[] STARTER_LENGTHS = new int[512];

  static {
    List<String> starters = new ArrayList<>(List.of("a", "an", "half", "tens", "hundreds",
        "several", "few", "between"));
    for (CharArrayMap<Long> map : List.of(WORDS, SCALES, VAGUE)) {
      for (Object key : map.keySet()) {
        starters.add(new String((char[]) key));
      }
    }
    if (starters.size() * 2 > STARTER_KEYS.length) {
      throw new IllegalStateException("too many number words for the starter set");
    }
    for (String word : starters) {
      long key = TokenBuffer.packKey(word.toCharArray(), 0, word.length(), 0);
      int slot = starterSlot(key, word.length());
      while (STARTER_LENGTHS[slot] != 0
          && (STARTER_KEYS[slot] != key || STARTER_LENGTHS[slot] != word.length())) {
        slot = (slot + 1) & (STARTER_KEYS.length - 1);
      }
      STARTER_KEYS[slot] = key;
      STARTER_LENGTHS[slot] = word.length();
    }
  }

  private static int starterSlot(long key, int length) {
    long h = (key ^ length) * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 55); // the top 9 bits: 512 slots
  }

  /** Whether token {@code i} may begin a number phrase. */
  private static boolean mayStart(TokenBuffer t, int i) {
    if ((t.flags[i] & TokenSink.NUMERIC) != 0) {
      return true;
    }
    long key = t.key1[i];
    int length = t.termLength[i];
    for (int slot = starterSlot(key, length); STARTER_LENGTHS[slot] != 0;
        slot = (slot + 1) & (STARTER_KEYS.length - 1)) {
      if (STARTER_KEYS[slot] == key && STARTER_LENGTHS[slot] == length) {
        return true;
      }
    }
    return false;
  }

  /** Tokens consumed by a number phrase at {@code i} (0 if none), result in the fields. */
  private int parseAt(TokenBuffer t, String text, int i) {
    if (!mayStart(t, i)) {
      return 0;
    }
    resultVague = false;
    int vague = vague(t, i);
    if (vague > 0) {
      return vague;
    }
    if (t.is(i, "between")) {
      int a = cardinal(t, i + 1);
      if (a > 0 && t.is(i + 1 + a, "and")) {
        long low = value;
        int b = cardinal(t, i + 2 + a);
        if (b > 0) {
          low = sharedScale(t, i + 1, a, low, i + 2 + a, b, value);
          if (value >= low) {
            range(low, value);
            return 2 + a + b;
          }
        }
      }
      return 0;
    }
    if (isYear(t, i)) {
      return 0;
    }
    int a = cardinal(t, i);
    if (a == 0) {
      return 0;
    }
    long first = value;
    int next = i + a;
    int rangeStart = -1;
    if (t.is(next, "to")) {
      rangeStart = next + 1;
    } else if (next < t.size && dashBetween(text, t.end[next - 1], t.start[next])) {
      rangeStart = next;
    }
    if (rangeStart >= 0) {
      int b = cardinal(t, rangeStart);
      if (b > 0) {
        long low = sharedScale(t, i, a, first, rangeStart, b, value);
        if (value > low) {
          range(low, value);
          return rangeStart + b - i;
        }
      }
    }
    resultLow = first;
    resultBest = first;
    resultHigh = first;
    return a;
  }

  /**
   * The low end of a range whose scale is written once, after the high end: "3 to 5 million" is
   * 3 to 5 million, not 3 to 5,000,000. A bare first number takes the scale words that end the
   * second one, unless that would put it above the second.
   */
  private static long sharedScale(TokenBuffer t, int firstAt, int firstLength, long first,
      int secondAt, int secondLength, long second) {
    if (lookup(SCALES, t, firstAt + firstLength - 1) != null) {
      return first;
    }
    double scale = 1;
    for (int k = secondAt + secondLength - 1; k > secondAt; k--) {
      Long s = lookup(SCALES, t, k);
      if (s == null) {
        break;
      }
      scale *= s;
    }
    return scale > 1 && first * scale <= second ? Math.round(first * scale) : first;
  }

  /**
   * "In 2023", "since 1995", "by March 2011": four plain digits from 1800 to 2100 after a word
   * that introduces a time are a year, not a count.
   */
  private static boolean isYear(TokenBuffer t, int i) {
    if ((t.flags[i] & TokenSink.NUMERIC) == 0 || t.termLength[i] != 4) {
      return false;
    }
    int value = 0;
    for (int k = 0; k < 4; k++) {
      char c = t.pool[t.termOffset[i] + k];
      if (c < '0' || c > '9') {
        return false;
      }
      value = value * 10 + (c - '0');
    }
    return value >= 1800 && value <= 2100 && i > 0
        && (lookup(TIME_WORDS, t, i - 1) != null);
  }

  private void range(long low, long high) {
    resultLow = low;
    resultBest = -1;
    resultHigh = high;
  }

  private static boolean dashBetween(String text, int from, int to) {
    boolean dash = false;
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c == '-' || c == '\u2013' || c == '\u2014') {
        dash = true;
      } else if (!Character.isWhitespace(c)) {
        return false;
      }
    }
    return dash;
  }

  /** "hundreds", "tens of thousands", "several hundred", "a few thousand". */
  private int vague(TokenBuffer t, int i) {
    if ((t.is(i, "tens") || t.is(i, "hundreds")) && t.is(i + 1, "of")) {
      Long scale = lookup(VAGUE, t, i + 2);
      if (scale != null && scale >= 2_000) {
        long unit = scale / 2; // "thousands" gives 1,000
        long factor = t.is(i, "tens") ? 10 : 100;
        resultLow = 2 * factor * unit;
        resultHigh = 10 * factor * unit - 1;
        resultBest = -1;
        resultVague = true;
        return 3;
      }
    }
    Long plural = lookup(VAGUE, t, i);
    if (plural != null) {
      resultLow = plural;
      resultHigh = plural == 24 ? 99 : plural * 5 - 1;
      resultBest = -1;
      resultVague = true;
      return 1;
    }
    int words = 0;
    long lowFactor = 0;
    long highFactor = 0;
    if (t.is(i, "several")) {
      words = 1;
      lowFactor = 3;
      highFactor = 9;
    } else if (t.is(i, "a") && t.is(i + 1, "few")) {
      words = 2;
      lowFactor = 2;
      highFactor = 5;
    } else if (t.is(i, "few")) {
      words = 1;
      lowFactor = 2;
      highFactor = 9;
    }
    if (words > 0) {
      Long scale = lookup(SCALES, t, i + words);
      if (scale != null) {
        // "several hundred thousand": every scale word that follows multiplies.
        long total = scale;
        int j = i + words + 1;
        for (Long more; (more = lookup(SCALES, t, j)) != null && (double) total * more
            * highFactor < LARGEST; j++) {
          total *= more;
        }
        resultLow = lowFactor * total;
        resultHigh = highFactor * total;
        resultBest = -1;
        resultVague = true;
        return j - i;
      }
    }
    return 0;
  }

  /** A cardinal number at {@code i}: its token count (0 if none), value in {@link #value}. */
  private int cardinal(TokenBuffer t, int i) {
    if (i >= t.size) {
      return 0;
    }
    double v;
    int j;
    if ((t.flags[i] & TokenSink.NUMERIC) != 0) {
      v = digits(t, i);
      if (Double.isNaN(v)) {
        return 0;
      }
      j = i + 1;
    } else if (t.is(i, "half") && (t.is(i + 1, "a") || t.is(i + 1, "an"))
        && lookup(SCALES, t, i + 2) != null) {
      v = lookup(SCALES, t, i + 2) / 2.0;
      j = i + 3;
    } else {
      return words(t, i);
    }
    for (Long scale; (scale = lookup(SCALES, t, j)) != null && v * scale < LARGEST; j++) {
      v *= scale;
    }
    value = Math.round(v);
    return j - i;
  }

  /** "seven", "twenty five", "two hundred and fifty thousand". */
  private int words(TokenBuffer t, int i) {
    if (t.is(i, "one") && t.is(i - 1, "no")) {
      return 0; // "no one"
    }
    long total = 0;
    long current = 0;
    boolean any = false;
    int j = i;
    if ((t.is(i, "a") || t.is(i, "an")) && lookup(SCALES, t, i + 1) != null) {
      // "a hundred and fifty", "a dozen": "a" is one, and the rest reads as after "one".
      current = 1;
      any = true;
      j++;
    }
    while (j < t.size) {
      Long word = lookup(WORDS, t, j);
      // A word may start the number, follow a round tens ("twenty five"), follow hundreds
      // ("two hundred fifty") or follow a larger scale ("fifty-two thousand three hundred").
      if (word != null && (!any || (current % 100 >= 20 && current % 10 == 0 && word < 10)
          || (current % 100 == 0 && current > 0) || (current == 0 && total > 0))) {
        current += word;
        any = true;
        j++;
        continue;
      }
      Long scale = lookup(SCALES, t, j);
      if (scale != null && any) {
        if (scale <= 100) {
          current *= scale;
        } else {
          total += current * scale;
          current = 0;
        }
        j++;
        continue;
      }
      if (any && t.is(j, "and") && lookup(WORDS, t, j + 1) != null
          && (total > 0 || current >= 100)) {
        j++;
        continue;
      }
      break;
    }
    if (!any) {
      return 0;
    }
    value = total + current;
    return j - i;
  }

  /** The value of a digits token ("46,000", "1,5", "2.7million"), or NaN. */
  private static double digits(TokenBuffer t, int i) {
    char[] pool = t.pool;
    int off = t.termOffset[i];
    int len = t.termLength[i];
    int letters = off;
    while (letters < off + len && !Character.isLetter(pool[letters])) {
      letters++;
    }
    double scale = 1;
    if (letters < off + len) {
      Long glued = GLUED_SCALES.get(pool, letters, off + len - letters);
      if (glued == null) {
        return Double.NaN;
      }
      scale = glued;
    }
    int end = letters;
    int commas = 0;
    int dots = 0;
    int lastSeparator = -1;
    int digitCount = 0;
    for (int k = off; k < end; k++) {
      char c = pool[k];
      if (c == ',') {
        commas++;
        lastSeparator = k;
      } else if (c == '.') {
        dots++;
        lastSeparator = k;
      } else if (c >= '0' && c <= '9') {
        digitCount++;
      } else {
        return Double.NaN;
      }
    }
    if (digitCount == 0 || digitCount > 15) {
      return Double.NaN;
    }
    // The decimal mark: the last separator when both kinds occur ("1,234.5", "1.234,5"); a
    // lone separator followed by exactly three digits is a thousands separator ("46,000"),
    // otherwise a decimal mark ("1,5", "1.2", "2.7million"); repeated ones are thousands.
    char decimal = 0;
    if (commas > 0 && dots > 0) {
      decimal = pool[lastSeparator];
    } else if (commas + dots == 1) {
      boolean thousands = end - lastSeparator - 1 == 3 && scale == 1;
      decimal = thousands ? 0 : pool[lastSeparator];
    }
    if (!groupsValid(pool, off, end, decimal, commas + dots > (decimal != 0 ? 1 : 0))) {
      return Double.NaN;
    }
    double whole = 0;
    double fraction = 0;
    double place = 0.1;
    boolean afterDecimal = false;
    for (int k = off; k < end; k++) {
      char c = pool[k];
      if (c == decimal) {
        afterDecimal = true;
      } else if (c >= '0' && c <= '9') {
        if (afterDecimal) {
          fraction += (c - '0') * place;
          place /= 10;
        } else {
          whole = whole * 10 + (c - '0');
        }
      }
    }
    double v = (whole + fraction) * scale;
    return v < LARGEST ? v : Double.NaN;
  }

  /**
   * Whether the groups between separators are well formed: with thousands separators the first
   * group has one to three digits and the others three; at most one decimal mark, last.
   */
  private static boolean groupsValid(char[] pool, int from, int to, char decimal,
      boolean grouped) {
    int groupStart = from;
    int group = 0;
    boolean inFraction = false;
    for (int k = from; k <= to; k++) {
      boolean separator = k < to && (pool[k] == ',' || pool[k] == '.');
      if (k < to && !separator) {
        continue;
      }
      int length = k - groupStart;
      if (length == 0) {
        return false;
      }
      if (!inFraction && grouped && (group == 0 ? length > 3 : length != 3)) {
        return false;
      }
      if (separator) {
        if (inFraction) {
          return false;
        }
        inFraction = pool[k] == decimal;
      }
      group++;
      groupStart = k + 1;
    }
    return true;
  }

  private static Long lookup(CharArrayMap<Long> map, TokenBuffer t, int i) {
    if (i < 0 || i >= t.size) {
      return null;
    }
    return map.get(t.pool, t.termOffset[i], t.termLength[i]);
  }
}
