package dev.framelens.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Collection;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a command writes its results: standard output, or a file. A file is written to a
 * temporary file in its folder and moved into place by {@link #commit}, so that a run that fails
 * leaves the file as it was (or absent), never emptied or half-written; and it is refused when
 * it is one of the command's inputs, which it would replace.
 */
final class OutputFile implements AutoCloseable {
  private final Path target;
  private final Path temporary;
  private final PrintStream stream;
  private boolean done;

  private OutputFile(Path target, Path temporary, PrintStream stream) {
    this.target = target;
    this.temporary = temporary;
    this.stream = stream;
  }

  /** Standard output: {@link #commit} flushes it. */
  static OutputFile of(PrintStream out) {
    return new OutputFile(null, null, out);
  }

  /**
   * The file {@code name}, which must not be any of {@code inputs} (paths; {@code -} for
   * standard input is none), compared by the file they name (links and other spellings of a
   * path count).
   */
  static OutputFile create(String name, Collection<String> inputs) {
    Path target;
    try {
      target = Path.of(name);
    } catch (InvalidPathException e) {
      throw new UserError(ExitCodes.USAGE, "cannot write " + name + ": " + e.getReason(), e);
    }
    for (String input : inputs) {
      if (!input.equals("-") && sameFile(target, input)) {
        throw new UserError(ExitCodes.USAGE, "the output " + name + " is an input (" + input
            + "): writing it would destroy it; give another file");
      }
    }
    if (Files.isDirectory(target)) {
      throw new UserError(ExitCodes.USAGE, "cannot write " + name + ": it is a directory");
    }
    try {
      // Through a link to the file it names, which keeps the link.
      Path real = Files.isSymbolicLink(target) && Files.exists(target) ? target.toRealPath()
          : target.toAbsolutePath();
      Path temporary = real.resolveSibling("." + real.getFileName() + "."
          + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      Files.createFile(temporary);
      temporary.toFile().deleteOnExit();
      if (Files.exists(real)) {
        copyPermissions(real, temporary);
      }
      OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
      return new OutputFile(real, temporary, new PrintStream(out, false,
          StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UserError(ExitCodes.USAGE, "cannot write " + name + ": " + reason(e), e);
    }
  }

  private static boolean sameFile(Path output, String input) {
    try {
      Path in = Path.of(input);
      return Files.exists(output) && Files.exists(in)
          && (output.toRealPath().equals(in.toRealPath()) || Files.isSameFile(output, in));
    } catch (IOException | InvalidPathException e) {
      return false;
    }
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (view != null) {
      Files.setPosixFilePermissions(to, view.readAttributes().permissions());
    }
  }

  /** The stream to write the results to. */
  PrintStream stream() {
    return stream;
  }

  /** The results are complete: the file takes the place of the old one. */
  void commit() {
    stream.flush();
    if (target == null) {
      return;
    }
    stream.close();
    if (stream.checkError()) {
      throw new UserError(ExitCodes.USAGE, "cannot write " + target + ": an I/O error (is the "
          + "disk full?); the file is left as it was");
    }
    try {
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } catch (IOException e) {
      throw new UserError(ExitCodes.USAGE, "cannot write " + target + ": " + reason(e), e);
    }
  }

  /** Without {@link #commit}: the temporary file is deleted, the old file left as it was. */
  @Override
  public void close() {
    if (target == null || done) {
      return;
    }
    stream.close();
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      // deleteOnExit tries again.
    }
    done = true;
  }

  /** Why {@code e} happened, in a few words. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }
}
