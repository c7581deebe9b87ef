package dev.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents too big for the heap, in a child JVM with a small one: out of memory is a message
 * naming the input and what to do, with exit code 4; the page of {@code explain} is streamed,
 * so that it is written in a heap much smaller than the page. And a small heap is enough to load
 * the default lexicon at all.
 */
class BigInputTest {
  private static final String SENTENCES = "The rebels claimed victory after the army failed "
      + "to retake the port. At least 40 villagers were killed and hundreds fled. The council "
      + "met on Monday to discuss the price of grain. ";

  @TempDir
  Path dir;

  record Child(int code, String err) {}

  private static Child run(int heapMb, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heapMb + "m", "-cp", System.getProperty("java.class.path"),
        "dev.framelens.cli.Main"));
    command.addAll(List.of(args));
    Process child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child did not finish in time");
    return new Child(child.exitValue(), err);
  }

  private Path document(String name, int chars) throws IOException {
    StringBuilder text = new StringBuilder(chars + SENTENCES.length());
    while (text.length() < chars) {
      text.append(SENTENCES);
    }
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void outOfMemoryNamesTheInputAndWhatToDoWithExitCode4() throws Exception {
    Path big = document("big.txt", 40_000_000);
    Child child = run(64, "analyze", "--quiet", "--threads", "1", big.toString());
    assertEquals(4, child.code(), child::toString);
    assertTrue(child.err().startsWith("framelens analyze: out of memory while analysing "
        + big), child::toString);
    assertTrue(child.err().contains("FRAMELENS_JAVA_OPTS=-Xmx"), child::toString);
    assertTrue(child.err().contains("--max-chars"), child::toString);
    assertFalse(child.err().contains("\tat "), "no stack trace: " + child);
  }

  /**
   * Compiling the default lexicon expands its patterns into a trie of about 200,000 states
   * before minimising it. With that trie in a {@code HashMap<Long, Integer>} and a record per
   * state in the minimisation, loading needed 44 to 48 MiB and this failed; a lexicon change
   * that makes loading cost more fails it too.
   */
  @Test
  void theDefaultLexiconLoadsInA32MiBHeap() throws Exception {
    Path doc = document("small.txt", 600);
    Child child = run(32, "analyze", "--quiet", "--threads", "1", doc.toString());
    assertEquals(0, child.code(), child::toString);
  }

  @Test
  void theExplainPageIsStreamedInAHeapSmallerThanThePage() throws Exception {
    Path doc = document("doc.txt", 2_000_000);
    Path html = dir.resolve("doc.html");
    Child child = run(160, "explain", "--quiet", "--force", doc.toString(), "--html",
        html.toString());
    assertEquals(0, child.code(), child::toString);
    long page = Files.size(html);
    assertTrue(page > 160L * 1024 * 1024 / 4, "a page of " + page + " bytes");
    assertTrue(page < 40L * Files.size(doc), "a page of " + page + " bytes");
    assertTrue(Files.readString(html).endsWith("</html>\n"));
  }
}
