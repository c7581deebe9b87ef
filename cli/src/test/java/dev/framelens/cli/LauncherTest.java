package dev.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./framelens} launcher script, run by bash in a copy of the repository's root with
 * stand-ins for {@code mvn} and {@code java} on the path: what it prints while it builds.
 */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("..", "framelens");

  @TempDir
  Path root;

  private Path bin;

  @BeforeEach
  void copyTheLauncher() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    Files.copy(LAUNCHER, root.resolve("framelens"));
    bin = Files.createDirectory(root.resolve("bin"));
    script("java", "echo \"java $*\"");
  }

  private void script(String name, String body) throws IOException {
    Path file = Files.writeString(bin.resolve(name), "#!/bin/bash\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  record Launch(int code, String out, String err) {}

  private Launch launch(String... args) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("/bin/bash", root.resolve("framelens").toString());
    builder.command().addAll(java.util.List.of(args));
    builder.environment().put("PATH", bin + ":/usr/bin:/bin");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(1, TimeUnit.MINUTES));
    return new Launch(process.exitValue(), out, err);
  }

  @Test
  void theBuildPrintsNoEscapeCodes() throws Exception {
    // Maven 3.8 with -q -B still writes ESC[0m to both of its streams.
    script("mvn", "printf '\\033[0m'; printf '\\033[0m' >&2; mkdir -p cli/target; "
        + "touch cli/target/framelens.jar");
    Launch launch = launch("--version");
    assertEquals(0, launch.code(), launch::toString);
    assertTrue(launch.err().contains("framelens: building "), launch::toString);
    assertFalse(launch.err().contains("\u001b"), "an escape code on standard error: " + launch);
    assertTrue(launch.out().startsWith("java -Dframelens.stderr.tty=false -jar "),
        launch::toString);
    assertTrue(launch.out().endsWith("framelens.jar --version\n"), launch::toString);
  }

  @Test
  void aFailedBuildShowsMavensMessagesWithoutEscapeCodesAndExits2() throws Exception {
    script("mvn", "printf '\\033[0m\\033[1;31m[ERROR]\\033[m COMPILATION ERROR\\n'; exit 1");
    Launch launch = launch("--version");
    assertEquals(2, launch.code(), launch::toString);
    assertTrue(launch.err().contains("[ERROR] COMPILATION ERROR\n"), launch::toString);
    assertTrue(launch.err().contains("framelens: the build failed"), launch::toString);
    assertFalse(launch.err().contains("\u001b"), launch::toString);
    assertEquals("", launch.out());
  }
}
