package dev.framelens;

import java.util.List;
import java.util.Random;

/**
 * Builds a document of {@link #BLOCKS} identical {@linkplain #block() blocks} (100 MiB of
 * chars), analyses it with {@link TestLexicon}, checks its spans and prints one summary line,
 * {@code OK chars=… sentences=… evidence=… suppressed=… figures=… ms=… maxHeapMiB=…}, or the
 * error and exits with status 1. {@link HostileTextTest} runs it in a child JVM with a small
 * fixed heap.
 *
 * <p>Each block is a paragraph of its own (it ends with a blank line), so that nothing carries
 * from one block to the next: the document's counts are the block's times {@link #BLOCKS}.
 */
public final class HugeDocumentMain {
  /** Chars per block: 64 KiB. */
  static final int BLOCK_CHARS = 1 << 16;
  /** Blocks per document: 1,600 blocks of 64 KiB make 100 MiB of chars. */
  static final int BLOCKS = 1_600;

  private HugeDocumentMain() {}

  public static void main(String[] args) {
    try {
      int blocks = args.length > 0 ? Integer.parseInt(args[0]) : BLOCKS;
      long t0 = System.nanoTime();
      String text = block().repeat(blocks); // one allocation, no builder to copy from
      FrameAnalysis a = TestLexicon.detector().analyze(text);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      PublicApiPropertiesTest.assertSpans(text, a);
      System.out.println(summary(a) + " ms=" + ms + " maxHeapMiB="
          + (Runtime.getRuntime().maxMemory() >> 20));
    } catch (Throwable e) {
      e.printStackTrace(System.out);
      System.out.flush();
      System.exit(1);
    }
  }

  /** The counts of an analysis, as the child prints them and the test expects them. */
  static String summary(FrameAnalysis a) {
    return "OK chars=" + a.text().length() + " sentences=" + a.sentences().size()
        + " evidence=" + a.evidence().size() + " suppressed=" + a.suppressed().size()
        + " figures=" + a.casualtyCounts().size();
  }

  /** Sentences for the bulk of a block: long, plain and matching nothing in the lexicon. */
  private static final List<String> FILLER = List.of(
      "The harbour authority published its timetable for the spring ferries, with an extra "
          + "crossing on Fridays and a later one on the last Sunday of each month.",
      "Residents of the lower town asked the council to repair the footbridge over the mill "
          + "stream before the autumn rains, and a survey team is expected next week.",
      "According to the almanac, the river froze over on eleven winters in the last century, "
          + "most of them in the decade after the railway reached the valley.",
      "A small museum in the old customs house shows maps, ledgers and a brass telescope "
          + "that the first harbour master bought from a travelling merchant.",
      "Bakers in the market square open at five, and by seven the queue for rye loaves "
          + "usually reaches the fountain, where pigeons wait for the crumbs.",
      "The regional orchestra will tour four towns in June, playing a programme of dances "
          + "and one new piece written by a teacher from the music school.",
      "Engineers replaced the signal cables along the coastal line overnight, and the first "
          + "trains of the morning ran about ten minutes behind their timetable.",
      "Volunteers counted birds on the salt marsh for the annual census and reported more "
          + "herons than last year, though fewer of the small wading birds.");

  /** Runs of hostile chars, each next to a word of the test lexicon. */
  private static final List<String> HOSTILE = List.of(
      "\u202Ewon\u202C", "\u2067the militia won\u2069", "w\u200Don", "\u200Bwon\u200B",
      "\uFEFFwon", "won\u0000killed", "\u0007\u001B[31mwon\u001B[0m", "\u0085won\u009C",
      "\uD800won", "won\uDC00", "\uDBFF\uDFFFwon", "\uD83D\uDE00 won \uD83D\uDC4D\u200D",
      "wo\u0301\u0302\u0303n", "vic\u00ADtory", "\u05D0\u05D1 won \u0627\u0644", "\uFFFD\uFFFF",
      "\u4E2D\u6587won", "\uD835\uDC30\uD835\uDC28\uD835\uDC27", "1,200\u200Ckilled",
      "\u2028not won\u2029");

  /**
   * One block: every test sentence once, hostile runs next to lexicon words, markup around a
   * test sentence, figures in an unclosed quotation, then filler sentences, padded with spaces
   * to {@link #BLOCK_CHARS} chars, the last two a blank line.
   */
  static String block() {
    Random random = new Random(20_261_121);
    StringBuilder b = new StringBuilder(BLOCK_CHARS);
    b.append(String.join(" ", TestLexicon.SENTENCES)).append('\n');
    for (String hostile : HOSTILE) {
      b.append(hostile).append(' ');
    }
    b.append("\n<div class=\"report\"><p>").append(TestLexicon.SENTENCES.get(0))
        .append("</p><!-- 1,200 killed --><script>if (x < 1) { won = \"victory\"; }</script>"
            + "<p>&ldquo;").append(TestLexicon.SENTENCES.get(4)).append("&rdquo;</p></div>\n");
    b.append("\u201CAt least 40 villagers were killed and 12 wounded, the official said ")
        .append(TestLexicon.NEUTRAL.get(1)).append('\n');
    int room = BLOCK_CHARS - 2;
    while (true) {
      String next = random.nextInt(6) == 0
          ? TestLexicon.NEUTRAL.get(random.nextInt(TestLexicon.NEUTRAL.size()))
          : FILLER.get(random.nextInt(FILLER.size()));
      if (b.length() + 1 + next.length() > room) {
        break;
      }
      b.append(' ').append(next);
    }
    while (b.length() < room) {
      b.append(' ');
    }
    return b.append("\n\n").toString();
  }
}
