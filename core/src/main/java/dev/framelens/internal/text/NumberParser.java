package dev.framelens.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;

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
 *       hundred" (3–9 hundred), "a few thousand" (2–5 thousand), "scores of" (40–199).
 *   <li>Halves: "half a million", "a half million", "two and a half million", "a million and a
 *       half".
 * </ul>
 *
 * <p>Numbers that label rather than count are left as ordinary tokens: a day next to a month
 * ("7 October", "March 3"), a clock time ("5 p.m."), an age ("a 12-year-old", "aged 40"), a
 * designator ("Resolution 242", "Route 60", "World War Two"), a number glued to a name by a
 * hyphen ("COVID-19", "F-16") and a span of years ("1939-45"); years after a word of time
 * ({@link #isYear}); ordinals and decades ("40th", "1990s") never are numbers. A number of a
 * unit ("12 days", "40 percent", "$50 million") is a number marked {@link TokenBuffer#MEASURE}:
 * a pattern's {@code NUMBER} matches it, but it counts no people.
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
  /** Month names: a day next to one is a date ("7 October", "March 3"). */
  private static final CharArraySet MONTHS = words("january", "february", "march", "april", "may",
      "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
      "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
  /** Words after a number that make it a clock time ("5 p.m."). */
  private static final CharArraySet CLOCK = words("a.m", "p.m", "am", "pm", "o'clock", "gmt", "utc",
      "noon", "midnight");
  /** Units of age: "12 years old", "a 12-year-old", "six-month-old". */
  private static final CharArraySet AGE_UNITS = words("year", "years", "month", "months", "week",
      "weeks", "day", "days");
  /** Words before a number that make it an age ("aged 40", "ages 5 to 12"). */
  private static final CharArraySet AGE_WORDS = words("aged", "age", "ages");
  /**
   * Words that name a thing by a number after them: "Resolution 242", "Article 5". Value 1: in
   * any case; value 0: only when capitalised, as a name is ("Unit 8200", "Hill 60"; but "in the
   * building 40 people were trapped" counts people).
   */
  private static final CharArrayMap<Long> DESIGNATORS = map(Map.ofEntries(
      Map.entry("resolution", 1L), Map.entry("resolutions", 1L), Map.entry("article", 1L),
      Map.entry("articles", 1L), Map.entry("chapter", 1L), Map.entry("section", 1L),
      Map.entry("paragraph", 1L), Map.entry("clause", 1L), Map.entry("amendment", 1L),
      Map.entry("protocol", 1L), Map.entry("route", 1L), Map.entry("highway", 1L),
      Map.entry("page", 1L), Map.entry("psalm", 1L), Map.entry("verse", 1L),
      Map.entry("unit", 0L), Map.entry("brigade", 0L), Map.entry("battalion", 0L),
      Map.entry("division", 0L), Map.entry("regiment", 0L), Map.entry("squadron", 0L),
      Map.entry("corps", 0L), Map.entry("army", 0L), Map.entry("flight", 0L),
      Map.entry("gate", 0L), Map.entry("hill", 0L), Map.entry("building", 0L),
      Map.entry("block", 0L), Map.entry("sector", 0L), Map.entry("zone", 0L),
      Map.entry("camp", 0L), Map.entry("checkpoint", 0L), Map.entry("platform", 0L),
      Map.entry("terminal", 0L), Map.entry("room", 0L), Map.entry("bus", 0L),
      Map.entry("tower", 0L), Map.entry("phase", 0L), Map.entry("stage", 0L),
      Map.entry("level", 0L), Map.entry("category", 0L), Map.entry("district", 0L),
      Map.entry("station", 0L), Map.entry("apollo", 0L), Map.entry("boeing", 0L),
      Map.entry("airbus", 0L), Map.entry("number", 1L), Map.entry("no", 0L)));
  /**
   * Units after a number that make it a measure, not a count of people: time, share, distance,
   * weight, money, repetitions ("12 days", "40 percent", "3 km", "50 million dollars").
   */
  private static final CharArraySet UNITS = words("second", "seconds", "minute", "minutes", "hour",
      "hours", "day", "days", "night", "nights", "week", "weeks", "month", "months", "year",
      "years", "decade", "decades", "century", "centuries", "percent", "pct", "km", "kilometre",
      "kilometres", "kilometer", "kilometers", "mile", "miles", "metre", "metres", "meter",
      "meters", "feet", "foot", "kg", "kilograms", "tons", "tonnes", "dollars", "euros", "pounds",
      "shekels", "roubles", "rubles", "times", "degrees");
  /** Words that may stand between a number and its unit: "eight long years", "3 full days". */
  private static final CharArraySet UNIT_ADJECTIVES = words("long", "short", "full", "whole",
      "straight", "consecutive", "more", "further", "additional", "bloody", "brutal", "hard",
      "harsh", "terrible", "horrific", "grueling", "gruelling", "painful", "difficult", "bitter");
  /** Words after which "scores" is a quantity ("scores of", "scores were killed"). */
  private static final CharArraySet AFTER_SCORES = words("of", "more", "were", "was", "are", "have",
      "had", "dead", "killed", "died", "wounded", "injured", "fled", "others");
  /**
   * Words after which four digits followed by a word are a year that qualifies a noun: "the
   * 2021 murders", "its 2019 election", "a 1994 report". A count of 1,800 or more written
   * without its comma after one of them ("the 2000 soldiers") is read as a year too: news
   * writes such counts with the comma.
   */
  private static final CharArraySet YEAR_DETERMINERS = words("the", "a", "its", "their", "his",
      "her", "our", "this", "that", "whose");
  /** Words after which four digits are a year. */
  private static final CharArraySet TIME_WORDS = union(MONTHS, words("in", "since", "by",
      "from", "until", "till", "during", "before", "after", "of", "through", "early", "late",
      "mid", "spring", "summer", "autumn", "winter"));

  private long value;
  /**
   * {@link #value} before rounding, for the low end of a range that takes its scale from the
   * high end: "1.5 to 2 million" is 1,500,000 to 2,000,000, not 2 (rounded) times a million.
   */
  private double unroundedValue;
  private long resultLow;
  private long resultBest;
  private long resultHigh;
  private boolean resultVague;
  private boolean resultMeasure;

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
            | (resultVague ? TokenBuffer.VAGUE : 0)
            | (resultMeasure ? TokenBuffer.MEASURE : 0);
        tokens.low[write] = resultLow;
        tokens.best[write] = resultBest;
        tokens.high[write] = resultHigh;
        i += consumed;
        write++;
      } else {
        // A phrase that labels rather than counts (-consumed tokens) stays ordinary tokens.
        for (int skip = Math.max(1, -consumed); skip > 0 && i < tokens.size; skip--) {
          tokens.move(i++, write++);
        }
      }
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
        "several", "few", "between", "scores"));
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

  private static final long KEY_A = 'a';
  private static final long KEY_AN = 'a' | 'n' << 8;

  /** Whether token {@code i} is "a" or "an". */
  private static boolean isArticle(TokenBuffer t, int i) {
    int length = t.termLength[i];
    return (length == 1 && t.key1[i] == KEY_A) || (length == 2 && t.key1[i] == KEY_AN);
  }

  /**
   * Tokens consumed by a number phrase at {@code i}, result in the fields; 0 if none starts
   * there; minus the number of tokens to leave as they are when the phrase labels rather than
   * counts ("7 October", "Route 60").
   */
  private int parseAt(TokenBuffer t, String text, int i) {
    if (!mayStart(t, i)) {
      return 0;
    }
    if (isArticle(t, i) && (i + 1 == t.size || !mayStart(t, i + 1))) {
      // "a" and "an" are a third of the starts and begin a number only before a number word
      // ("a few", "a dozen", "a hundred", "a half"), itself a start: one more probe, not the
      // grammar's lookups.
      return 0;
    }
    resultVague = false;
    resultMeasure = false;
    int n = phrase(t, text, i);
    if (n <= 0) {
      return n;
    }
    int label = label(t, text, i, n);
    if (label > 0) {
      return -label;
    }
    resultMeasure = measure(t, text, i, n);
    return n;
  }

  /** Tokens consumed by a number phrase at {@code i} (0 if none), result in the fields. */
  private int phrase(TokenBuffer t, String text, int i) {
    int vague = vague(t, i);
    if (vague > 0) {
      return vague;
    }
    if (t.is(i, "between")) {
      int a = cardinal(t, i + 1);
      if (a > 0 && t.is(i + 1 + a, "and")) {
        long low = value;
        double lowUnrounded = unroundedValue;
        int b = cardinal(t, i + 2 + a);
        if (b > 0) {
          low = sharedScale(t, i + 1, a, low, lowUnrounded, i + 2 + a, b, value);
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
    double firstUnrounded = unroundedValue;
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
        long low = sharedScale(t, i, a, first, firstUnrounded, rangeStart, b, value);
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
   * second one, unless that would put it above the second; a decimal one takes it before it is
   * rounded ({@code firstUnrounded}), so that "1.5 to 2 million" starts at 1,500,000.
   */
  private static long sharedScale(TokenBuffer t, int firstAt, int firstLength, long first,
      double firstUnrounded, int secondAt, int secondLength, long second) {
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
    return scale > 1 && firstUnrounded * scale <= second ? Math.round(firstUnrounded * scale)
        : first;
  }

  /**
   * "In 2023", "since 1995", "by March 2011": four plain digits from 1800 to 2100 after a word
   * that introduces a time are a year, not a count; so are they between a determiner and a
   * word ("the 2021 murders"), but not before another number ("the 1984-99 period", "the 1800
   * to 2000 soldiers": spans and ranges, read below).
   */
  private static boolean isYear(TokenBuffer t, int i) {
    if (i == 0 || !isFourDigitYear(t, i)) {
      return false;
    }
    if (in(TIME_WORDS, t, i - 1)) {
      return true;
    }
    int next = i + 1;
    return in(YEAR_DETERMINERS, t, i - 1) && next < t.size
        && (t.flags[next] & TokenSink.NUMERIC) == 0 && !t.is(next, "to") && !t.is(next, "and")
        && !t.is(next, "or");
  }

  /**
   * Whether the phrase of {@code n} tokens at {@code i} labels something rather than counts it:
   * the number of tokens to leave as ordinary tokens (the phrase, and a year that follows a
   * date), or 0 when it counts.
   */
  private int label(TokenBuffer t, String text, int i, int n) {
    int next = i + n;
    boolean digits = true;
    for (int k = i; k < next && digits; k++) {
      digits = (t.flags[k] & TokenSink.NUMERIC) != 0 || t.is(k, "to") || t.is(k, "and")
          || (k == i && t.is(k, "between"));
    }
    // "COVID-19", "F-16", "Su-25": a number glued to a name by a hyphen names a thing. (The
    // words of "twenty-five" are one phrase, which starts before the hyphen.)
    // The end of a span whose start was no number ("from 1939–1945", "won 3-0") is none either.
    int start = t.start[i];
    if ((t.flags[i] & TokenSink.NUMERIC) != 0 && start >= 2) {
      char dash = text.charAt(start - 1);
      char before = text.charAt(start - 2);
      if ((dash == '-' && Character.isLetterOrDigit(before))
          || ((dash == '\u2013' || dash == '\u2014') && Character.isDigit(before))) {
        return n;
      }
    }
    // "7 October", "March 3", "October 7-8": a day of a month; "October 7, 2023" takes its
    // year along.
    if (digits && resultLow >= 1 && resultHigh <= 31 && resultHigh >= 1) {
      if (isMonth(t, next)) {
        return n;
      }
      // "In May 12 soldiers were killed", "on 7 October 12 soldiers were killed" name a month,
      // then a count.
      if (isMonth(t, i - 1) && !t.is(i - 2, "in") && !isDay(t, i - 2)) {
        return n + (isFourDigitYear(t, next) ? 1 : 0);
      }
    }
    // "5 p.m.", "7 o'clock".
    if (in(CLOCK, t, next)) {
      return n;
    }
    // "a 12-year-old boy", "six months old", "aged 40", "ages 5 to 12".
    if ((in(AGE_UNITS, t, next) && t.is(next + 1, "old"))
        || in(AGE_WORDS, t, i - 1)) {
      return n;
    }
    // "Resolution 242", "Route 60", "Unit 8200"; "World War Two".
    Long designator = lookup(DESIGNATORS, t, i - 1);
    if (designator != null
        && (designator == 1L || (t.flags[i - 1] & TokenSink.CAPITALIZED) != 0)) {
      return n;
    }
    if (t.is(i - 1, "war") && t.is(i - 2, "world")) {
      return n;
    }
    // "1939-45", "1984–1999": a span of years.
    if (n == 1 && isFourDigitYear(t, i) && next < t.size
        && (t.flags[next] & TokenSink.NUMERIC) != 0
        && dashBetween(text, t.end[i], t.start[next])) {
      return 2;
    }
    if (isFourDigitYear(t, i) && !resultVague && resultBest < 0 && resultHigh <= 2100) {
      return n; // "1939–1945", read as one range
    }
    return 0;
  }

  /** Whether token {@code k} is a month's name, capitalised ("May", not "may"). */
  private static boolean isMonth(TokenBuffer t, int k) {
    return in(MONTHS, t, k) && (t.flags[k] & TokenSink.CAPITALIZED) != 0;
  }

  /** Whether token {@code k} is one or two plain digits. */
  private static boolean isDay(TokenBuffer t, int k) {
    if (k < 0 || k >= t.size || (t.flags[k] & TokenSink.NUMERIC) == 0 || t.termLength[k] > 2) {
      return false;
    }
    for (int c = 0; c < t.termLength[k]; c++) {
      char ch = t.pool[t.termOffset[k] + c];
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether token {@code k} is four plain digits from 1800 to 2100. */
  private static boolean isFourDigitYear(TokenBuffer t, int k) {
    if (k < 0 || k >= t.size || (t.flags[k] & TokenSink.NUMERIC) == 0 || t.termLength[k] != 4) {
      return false;
    }
    int value = 0;
    for (int c = 0; c < 4; c++) {
      char ch = t.pool[t.termOffset[k] + c];
      if (ch < '0' || ch > '9') {
        return false;
      }
      value = value * 10 + (ch - '0');
    }
    return value >= 1800 && value <= 2100;
  }

  /**
   * Whether the phrase of {@code n} tokens at {@code i} measures something other than people:
   * a unit follows it ("12 days", "40 percent", "30 per cent", "3 km"), a percent sign ("40%")
   * or a currency sign before it ("$50 million").
   */
  private static boolean measure(TokenBuffer t, String text, int i, int n) {
    int next = i + n;
    if (in(UNITS, t, next) || (t.is(next, "per") && t.is(next + 1, "cent"))
        || (in(UNIT_ADJECTIVES, t, next) && in(UNITS, t, next + 1))) {
      return true;
    }
    int end = t.end[next - 1];
    if (end < text.length() && text.charAt(end) == '%') {
      return true;
    }
    int start = t.start[i];
    if (start > 0) {
      char before = text.charAt(start - 1);
      return before == '$' || before == '\u20ac' || before == '\u00a3' || before == '\u00a5';
    }
    return false;
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
    if (t.is(i, "scores") && in(AFTER_SCORES, t, i + 1)) {
      // "scores of people", "scores were killed"; not "the test scores".
      resultLow = 40;
      resultHigh = 199;
      resultBest = -1;
      resultVague = true;
      return 1;
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
      v = lookup(SCALES, t, i + 2) / 2.0; // "half a million"
      j = i + 3;
    } else if (t.is(i, "half") && lookup(SCALES, t, i + 1) != null) {
      v = lookup(SCALES, t, i + 1) / 2.0; // "half million"
      j = i + 2;
    } else if ((t.is(i, "a") || t.is(i, "an")) && t.is(i + 1, "half")
        && lookup(SCALES, t, i + 2) != null) {
      v = lookup(SCALES, t, i + 2) / 2.0; // "a half million"
      j = i + 3;
    } else {
      int w = words(t, i);
      if (w == 0) {
        return 0;
      }
      v = value;
      j = i + w;
      if (lookup(SCALES, t, j - 1) != null) {
        return halfAfterScale(t, j, v, w);
      }
    }
    // "two and a half million": a half added before the scale.
    if (t.is(j, "and") && t.is(j + 1, "a") && t.is(j + 2, "half")
        && lookup(SCALES, t, j + 3) != null) {
      v += 0.5;
      j += 3;
    }
    boolean scaled = false;
    for (Long scale; (scale = lookup(SCALES, t, j)) != null && v * scale < LARGEST
        && (t.flags[j] & TokenBuffer.CLAUSE_BREAK_BEFORE) == 0; j++) {
      v *= scale;
      scaled = true;
    }
    if (scaled) {
      return halfAfterScale(t, j, v, j - i);
    }
    value = Math.round(v);
    unroundedValue = v;
    return j - i;
  }

  /**
   * A number of {@code length} tokens ending in a scale word at {@code j - 1}, with "and a
   * half" of that scale after it ("a million and a half"): sets {@link #value} and returns the
   * tokens consumed.
   */
  private int halfAfterScale(TokenBuffer t, int j, double v, int length) {
    Long scale = lookup(SCALES, t, j - 1);
    if (scale != null && scale >= 1_000 && t.is(j, "and") && t.is(j + 1, "a")
        && t.is(j + 2, "half")) {
      value = Math.round(v + scale / 2.0);
      unroundedValue = value;
      return length + 3;
    }
    value = Math.round(v);
    unroundedValue = value;
    return length;
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
      if (j > i && (t.flags[j] & TokenBuffer.CLAUSE_BREAK_BEFORE) != 0) {
        break; // "twenty thousand, three hundred": two numbers
      }
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

  private static CharArraySet words(String... words) {
    return CharArraySet.unmodifiableSet(new CharArraySet(List.of(words), false));
  }

  private static CharArraySet union(CharArraySet a, CharArraySet b) {
    CharArraySet both = new CharArraySet(a.size() + b.size(), false);
    both.addAll(a);
    both.addAll(b);
    return CharArraySet.unmodifiableSet(both);
  }

  /** Whether token {@code i} (which may lie outside the sentence) is one of {@code words}. */
  private static boolean in(CharArraySet words, TokenBuffer t, int i) {
    return i >= 0 && i < t.size && words.contains(t.pool, t.termOffset[i], t.termLength[i]);
  }

  private static Long lookup(CharArrayMap<Long> map, TokenBuffer t, int i) {
    if (i < 0 || i >= t.size) {
      return null;
    }
    return map.get(t.pool, t.termOffset[i], t.termLength[i]);
  }
}
