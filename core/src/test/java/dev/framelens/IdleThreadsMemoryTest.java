package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
    List<String> command = List.of(javaBinary(), "-Xmx1g", "-XX:+UseG1GC",
        "-XX:ActiveProcessorCount=2", "-cp", childClassPath(), IdleThreadsMain.class.getName());
    Path output = tmp.resolve("child.txt");
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    boolean finished = child.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    if (!finished) {
      fail("the child ran over 120 s: " + command + "\n" + printed);
    }
    assertEquals(0, child.exitValue(), () -> command + "\n" + printed);
    String line = printed.lines().filter(l -> l.startsWith("RETAINED ")).findFirst()
        .orElseThrow(() -> new AssertionError("no RETAINED line: " + printed));
    long retained = Long.parseLong(line.substring("RETAINED ".length()).strip());
    System.out.println(IdleThreadsMain.THREADS + " idle threads retain " + (retained >> 10)
        + " KiB");
    assertTrue(retained <= LIMIT, () -> IdleThreadsMain.THREADS + " idle threads retain "
        + (retained >> 20) + " MiB of FrameLens state, over the " + (LIMIT >> 20) + " MiB limit");
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse(
        Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** This JVM's class path and module path, as the child's class path (see HostileTextTest). */
  private static String childClassPath() {
    return Stream.of(System.getProperty("java.class.path"), System.getProperty("jdk.module.path"))
        .filter(p -> p != null && !p.isBlank())
        .flatMap(p -> Stream.of(p.split(File.pathSeparator)))
        .filter(p -> !p.isBlank())
        .distinct()
        .collect(Collectors.joining(File.pathSeparator));
  }
}
