package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory that follows concurrency, not the number of threads: 200 threads that each analysed a
 * document with one detector and went idle hold at most 64 MiB of FrameLens state. Run in a child
 * JVM with two processors (so that the engine keeps at most two idle workspaces) and a heap big
 * enough for a workspace per thread, which is what the thread-local of earlier versions kept:
 * 136 MiB in all here (and this test failed), against under 4 MiB with the workspaces pooled.
 */
class IdleThreadsMemoryTest {
  private static final long LIMIT = 64L << 20;

  @Test
  void twoHundredIdleThreadsHoldAtMost64MiB(@TempDir Path tmp) throws Exception {
    String printed = ChildJvm.run(tmp, List.of("-Xmx1g", "-XX:+UseG1GC",
        "-XX:ActiveProcessorCount=2"), IdleThreadsMain.class);
    String line = printed.lines().filter(l -> l.startsWith("RETAINED ")).findFirst()
        .orElseThrow(() -> new AssertionError("no RETAINED line: " + printed));
    long retained = Long.parseLong(line.substring("RETAINED ".length()).strip());
    System.out.println(IdleThreadsMain.THREADS + " idle threads retain " + (retained >> 10)
        + " KiB");
    assertTrue(retained <= LIMIT, () -> IdleThreadsMain.THREADS + " idle threads retain "
        + (retained >> 20) + " MiB of FrameLens state, over the " + (LIMIT >> 20) + " MiB limit");
  }
}
