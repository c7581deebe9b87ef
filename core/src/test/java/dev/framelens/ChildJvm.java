package dev.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs a test's main class in a child JVM (for a heap bound, a processor count), with this JVM's
 * classes, and returns what it printed; fails the test when it runs over 120 s or exits non-zero.
 */
final class ChildJvm {
  private ChildJvm() {}

  /** Runs {@code main} with {@code jvmOptions}; what it printed, stdout and stderr together. */
  static String run(Path tmp, List<String> jvmOptions, Class<?> main) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath(), main.getName()));
    Path output = Files.createTempFile(tmp, "child", ".txt");
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
    return printed;
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse(
        Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * The class path of this JVM for the child: surefire puts the test classes and their
   * dependencies on the class path and, since core is a module, the main classes and their
   * dependencies on the module path; the child takes both on its class path. (A manifest-only
   * jar, which surefire uses on the class path otherwise, works too: java reads its manifest.)
   */
  private static String classPath() {
    return Stream.of(System.getProperty("java.class.path"),
            System.getProperty("jdk.module.path"))
        .filter(p -> p != null && !p.isBlank())
        .flatMap(p -> Stream.of(p.split(File.pathSeparator)))
        .filter(p -> !p.isBlank())
        .distinct()
        .collect(Collectors.joining(File.pathSeparator));
  }
}
