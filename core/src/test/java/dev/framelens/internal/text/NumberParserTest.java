package dev.framelens.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Number phrases merged into one token with low, best and high values. */
class NumberParserTest {
  private final SentenceTokenizer tokenizer = new SentenceTokenizer();
  private final NumberParser parser = new NumberParser();

  /**
   * The tokens of {@code text} after merging, each as its source text; a number token as
   * {@code <text>=low/best/high} (-1 for none) with {@code ~} appended when vague and {@code #}
   * when it measures something other than people.
   */
  private List<String> merged(String text) {
    TokenBuffer tokens = new TokenBuffer();
    tokenizer.tokenize(text, 0, text.length(), tokens);
    parser.merge(tokens, text);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < tokens.size; i++) {
      String source = text.substring(tokens.start[i], tokens.end[i]);
      if ((tokens.flags[i] & TokenBuffer.NUMBER) != 0) {
        out.add("<" + source + ">=" + tokens.low[i] + "/" + tokens.best[i] + "/"
            + tokens.high[i] + ((tokens.flags[i] & TokenBuffer.VAGUE) != 0 ? "~" : "")
            + ((tokens.flags[i] & TokenBuffer.MEASURE) != 0 ? "#" : ""));
      } else {
        out.add(source);
      }
    }
    return out;
  }

  private void assertNumber(String phrase, long low, long best, long high, boolean vague) {
    assertEquals(List.of("<" + phrase + ">=" + low + "/" + best + "/" + high
        + (vague ? "~" : "")), merged(phrase));
  }

  private void assertExact(String phrase, long value) {
    assertNumber(phrase, value, value, value, false);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "46,000 | 46000",
      "1.2 million | 1200000",
      "2.7million | 2700000",
      "1,5 million | 1500000",
      "1.200.000 | 1200000",
      "1,234.5 | 1235",
      "3bn | 3000000000",
      "5k | 5000",
      "a dozen | 12",
      "a thousand | 1000",
      "twenty-five | 25",
      "ninety-nine | 99",
      "twenty-five thousand | 25000",
      "two hundred and fifty | 250",
      "one hundred and five | 105",
      "five hundred thousand | 500000",
      "half a million | 500000",
      "seven | 7",
  })
  void exactNumbers(String phrase, long value) {
    assertExact(phrase, value);
  }

  @Test
  void aHundredAndFifty() {
    assertExact("a hundred and fifty", 150);
  }

  @Test
  void wordsAfterALargeScale() {
    assertExact("fifty-two thousand three hundred", 52_300);
    assertExact("two thousand and five", 2_005);
    assertExact("one million two hundred thousand", 1_200_000);
  }

  @Test
  void decimalCommaVersusThousandsSeparator() {
    assertExact("1,5", 2); // 1.5, rounded: a lone comma before fewer than three digits
    assertExact("1,500", 1_500);
    assertExact("1,5 million", 1_500_000);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "tens of thousands | 20000 | 99999",
      "hundreds of thousands | 200000 | 999999",
      "tens of millions | 20000000 | 99999999",
      "hundreds | 200 | 999",
      "thousands | 2000 | 9999",
      "millions | 2000000 | 9999999",
      "dozens | 24 | 99",
      "several hundred | 300 | 900",
      "several dozen | 36 | 108",
      "a few thousand | 2000 | 5000",
      "few hundred | 200 | 900",
  })
  void vagueQuantities(String phrase, long low, long high) {
    assertNumber(phrase, low, -1, high, true);
  }

  @Test
  void vagueQuantitiesWithASecondScale() {
    assertNumber("several hundred thousand", 300_000, -1, 900_000, true);
    assertNumber("a few hundred thousand", 200_000, -1, 500_000, true);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "400 to 500 | 400 | 500",
      "3,000–5,000 | 3000 | 5000",
      "3,000 - 5,000 | 3000 | 5000",
      "400-500 | 400 | 500",
      "between 70,000 and 80,000 | 70000 | 80000",
      "2 million to 3 million | 2000000 | 3000000",
  })
  void ranges(String phrase, long low, long high) {
    assertNumber(phrase, low, -1, high, false);
  }

  @Test
  void aScaleAfterTheSecondNumberOfARangeAppliesToBoth() {
    assertNumber("3 to 5 million", 3_000_000, -1, 5_000_000, false);
    assertNumber("between 1 and 2 million", 1_000_000, -1, 2_000_000, false);
    assertNumber("two to three million", 2_000_000, -1, 3_000_000, false);
    // Not when the first number is too big to share it.
    assertNumber("200 to 5 million", 200, -1, 5_000_000, false);
  }

  @Test
  void aDecimalFirstNumberSharesTheScaleUnrounded() {
    // Was no range: 1.5 rounded to 2 took the scale, met the high end and the pair fell apart,
    // leaving "to" as a word before "2 million" (which the infinitive modifier then dropped).
    assertNumber("1.5 to 2 million", 1_500_000, -1, 2_000_000, false);
    assertNumber("between 2.5 and 3 million", 2_500_000, -1, 3_000_000, false);
    assertNumber("1.2 to 1.5 million", 1_200_000, -1, 1_500_000, false);
  }

  @Test
  void aDescendingPairIsNotARange() {
    assertEquals(List.of("<500>=500/500/500", "to", "<400>=400/400/400"), merged("500 to 400"));
  }

  @Test
  void betweenWithoutASecondNumberIsNotANumber() {
    assertEquals(List.of("between", "<70>=70/70/70", "and", "the", "river"),
        merged("between 70 and the river"));
  }

  @Test
  void qualifiersAreNotPartOfTheNumber() {
    assertEquals(List.of("more", "than", "<a thousand>=1000/1000/1000", "people"),
        merged("more than a thousand people"));
    assertEquals(List.of("at", "least", "<46,000>=46000/46000/46000"),
        merged("at least 46,000"));
  }

  @Test
  void noOneIsNotANumber() {
    assertEquals(List.of("no", "one", "came"), merged("no one came"));
    assertEquals(List.of("No", "one", "came"), merged("No one came"));
    assertEquals(List.of("<one>=1/1/1", "soldier"), merged("one soldier"));
  }

  @Test
  void digitsWithUnknownLettersAreNotNumbers() {
    assertEquals(List.of("47s", "and", "1990s"), merged("47s and 1990s"));
  }

  @Test
  void malformedGroupsAreNotNumbers() {
    assertEquals(List.of("12,34,567", "12.3.4"), merged("12,34,567 12.3.4"));
  }

  @Test
  void aScaleWordAloneIsNotANumber() {
    assertEquals(List.of("hundred", "thousand"), merged("hundred thousand"));
  }

  @Test
  void numbersInsideASentenceKeepTheirNeighbours() {
    assertEquals(List.of("At", "least", "<1,200>=1200/1200/1200", "people", "and",
        "<tens of thousands>=20000/-1/99999~", "of", "others", "fled"),
        merged("At least 1,200 people and tens of thousands of others fled"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "twenty-four thousand | 24000",
      "three hundred and twelve | 312",
      "a hundred and fifty thousand | 150000",
      "two and a half million | 2500000",
      "one and a half thousand | 1500",
      "2 and a half million | 2500000",
      "a million and a half | 1500000",
      "half million | 500000",
      "a half million | 500000",
      "half a dozen | 6",
      "two dozen | 24",
      "ninety-one | 91",
  })
  void spelledOutNumbers(String phrase, long value) {
    assertExact(phrase, value);
  }

  @Test
  void aCommaEndsANumberInWords() {
    assertEquals(List.of("<twenty thousand>=20000/20000/20000",
        "<three hundred and twelve>=312/312/312"),
        merged("twenty thousand, three hundred and twelve"));
  }

  @Test
  void anArticleCountsOnlyBeforeANumberWord() {
    // "a" and "an" skip the grammar unless the next word may begin a number (a fast path):
    // what follows them decides, whatever its case, and an article at the end stays a word.
    assertEquals(List.of("<a dozen>=12/12/12", "of", "them"), merged("a dozen of them"));
    assertEquals(List.of("<A Hundred>=100/100/100", "men"), merged("A Hundred men"));
    assertEquals(List.of("<a few thousand>=2000/-1/5000~", "fled"), merged("a few thousand fled"));
    assertEquals(List.of("a", "few", "were", "hurt"), merged("a few were hurt"));
    assertEquals(List.of("an", "army", "of", "<three hundred>=300/300/300"),
        merged("an army of three hundred"));
    assertEquals(List.of("a", "<12>=12/12/12#", "day", "war"), merged("a 12 day war"));
    assertEquals(List.of("they", "had", "a"), merged("they had a"));
    assertEquals(List.of("not", "an", "issue"), merged("not an issue"));
  }

  @Test
  void scoresIsAQuantityOnlyWhereItCounts() {
    assertEquals(List.of("<Scores>=40/-1/199~", "of", "people", "fled"),
        merged("Scores of people fled"));
    assertEquals(List.of("leaving", "<scores>=40/-1/199~", "dead"), merged("leaving scores dead"));
    assertEquals(List.of("the", "test", "scores", "rose"), merged("the test scores rose"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // dates
      "since March 3 | since March 3",
      "on 7 October | on 7 October",
      "on October 7, 2023 | on October 7 2023",
      "from 5 to 7 October | from 5 to 7 October",
      "between 5 and 7 October | between 5 and 7 October",
      "on May 12 | on May 12",
      // times
      "at 5 p.m. | at 5 p.m",
      "at 7 o'clock | at 7 o'clock",
      // ages
      "a 12-year-old boy | a 12 year old boy",
      "six months old | six months old",
      "aged 40 | aged 40",
      // designators and names
      "World War Two | World War Two",
      "Resolution 242 | Resolution 242",
      "resolution 242 | resolution 242",
      "Route 60 | Route 60",
      "Unit 8200 | Unit 8200",
      "COVID-19 | COVID 19",
      "two F-16 jets | <two>=2/2/2 F 16 jets",
      // spans of years, ordinals, decades
      "the 1984-99 period | the 1984 99 period",
      "from 1939–1945 | from 1939 1945",
      "the 40th day | the 40th day",
      "in the 1990s | in the 1990s",
      "the 3rd Brigade | the 3rd Brigade",
      // a year as a noun's modifier, after a determiner ("the 2021 murders" named no 2,021)
      "the 2021 murders of his wife | the 2021 murders of his wife",
      "its 2019 election | its 2019 election",
      "a 1994 report | a 1994 report",
  })
  void numbersThatLabelRatherThanCountAreNotNumbers(String text, String tokens) {
    assertEquals(List.of(tokens.split(" ")), merged(text));
  }

  @Test
  void aYearAfterADeterminerIsNoCountButCommasAndOtherWordsBeforeItMakeOne() {
    assertEquals(List.of("the", "<1,500>=1500/1500/1500", "soldiers"),
        merged("the 1,500 soldiers"));
    assertEquals(List.of("killed", "<2000>=2000/2000/2000", "people"),
        merged("killed 2000 people"));
    assertEquals(List.of("the", "<12,000>=12000/12000/12000", "dead"), merged("the 12,000 dead"));
  }

  @Test
  void aMonthThenACountIsACount() {
    assertEquals(List.of("In", "May", "<12>=12/12/12", "soldiers", "died"),
        merged("In May 12 soldiers died"));
    assertEquals(List.of("<40>=40/40/40", "may", "die"), merged("40 may die"));
    assertEquals(List.of("on", "7", "October", "<12>=12/12/12", "soldiers"),
        merged("on 7 October 12 soldiers"));
    assertEquals(List.of("in", "the", "building", "<40>=40/40/40", "people"),
        merged("in the building 40 people"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "12 days | <12>=12/12/12# days",
      "for three weeks | for <three>=3/3/3# weeks",
      "40 percent | <40>=40/40/40# percent",
      "30 per cent | <30>=30/30/30# per cent",
      "40% of them | <40>=40/40/40# of them",
      "3 km away | <3>=3/3/3# km away",
      "a 12-day war | a <12>=12/12/12# day war",
      "eight long years | <eight>=8/8/8# long years",
      "3 horrific years | <3>=3/3/3# horrific years",
      "40 people days later | <40>=40/40/40 people days later",
      "12 soldiers | <12>=12/12/12 soldiers",
  })
  void aNumberOfAUnitIsAMeasure(String text, String tokens) {
    assertEquals(List.of(tokens.split(" ")), merged(text));
  }

  @Test
  void aSumOfMoneyIsAMeasure() {
    assertEquals(List.of("<50 million>=50000000/50000000/50000000#", "in", "aid"),
        merged("$50 million in aid"));
  }
}
