package dev.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JSONL corpus several times larger than the heap is analysed in a child JVM whose heap is
 * capped at {@value #HEAP_MB} MB: it can only finish if records are streamed, not loaded, and
 * if the ordered window of records in flight stays bounded. Every record in comes out.
 */
class StreamingMemoryTest {
  private static final int HEAP_MB = 48;
  private static final long CORPUS_BYTES = 160L * 1024 * 1024;
  private static final String[] SENTENCES = {
      "The rebels claimed victory after the garrison of Ostrel surrendered on Friday.",
      "At least 40 villagers were killed and hundreds more fled across the river.",
      "The council met on Monday to discuss the price of grain and the new bridge.",
      "Five months of shelling failed to break the will of the defenders.",
      "The army lost the river crossings and half of its armour in two days.",
      "Reporters in the capital were told the talks would resume next week."};

  @Test
  void aCorpusManyTimesTheHeapIsStreamedInFlatMemory() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx" + HEAP_MB + "m", "-cp",
        System.getProperty("java.class.path"), "dev.framelens.cli.Main", "analyze",
        "--input-jsonl", "-", "--format", "jsonl", "--quiet", "--threads", "2").start();

    CompletableFuture<Long> written = CompletableFuture.supplyAsync(() -> {
      long records = 0;
      long bytes = 0;
      try (OutputStream in = child.getOutputStream()) {
        StringBuilder line = new StringBuilder();
        while (bytes < CORPUS_BYTES) {
          line.setLength(0);
          line.append("{\"id\": ").append(records).append(", \"outlet\": \"Ostrel Herald\", "
              + "\"text\": \"");
          for (int s = 0; s < 12; s++) {
            line.append(SENTENCES[(int) ((records + s) % SENTENCES.length)]).append(' ');
          }
          line.append("\"}\n");
          byte[] encoded = line.toString().getBytes(StandardCharsets.UTF_8);
          in.write(encoded);
          bytes += encoded.length;
          records++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return records;
    });
    CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> {
      long lines = 0;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(
          child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (lines == 0) {
            assertTrue(line.startsWith("{\"id\":0,\"labels\":["), line);
          }
          lines++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return lines;
    });
    CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });

    assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the analysis did not finish in time");
    assertEquals(0, child.exitValue(), () -> "the child failed: " + errors.join());
    assertEquals(written.get(), read.get(), "as many records out as in");
  }
}
