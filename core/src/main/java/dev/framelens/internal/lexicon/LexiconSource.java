package dev.framelens.internal.lexicon;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a lexicon file's text comes from: a file, a class-path resource or a string. Resolves
 * {@code include} paths relative to itself and decodes strict UTF-8.
 */
public abstract class LexiconSource {
  private final String name;

  private LexiconSource(String name) {
    this.name = requireNonNull(name, "name");
  }

  /** A file on disk; {@code include} paths resolve against its directory. */
  public static LexiconSource file(Path path) {
    return new FileSource(requireNonNull(path, "path"));
  }

  /** A class-path resource (or any URL); {@code include} paths resolve against it. */
  public static LexiconSource url(URL url, String displayName) {
    return new UrlSource(requireNonNull(url, "url"), displayName);
  }

  /** Text given directly; it cannot include other files. */
  public static LexiconSource text(String name, String text) {
    return new TextSource(name, requireNonNull(text, "text"));
  }

  /** The name problems are reported under. */
  public final String name() {
    return name;
  }

  /** The raw bytes; a missing file gives an {@link UncheckedIOException} naming it. */
  abstract byte[] bytes();

  /** The source an {@code include} of {@code relative} refers to, or null if not possible. */
  abstract LexiconSource resolve(String relative);

  /** A key that is equal for two sources reading the same file, to detect include cycles. */
  abstract String identity();

  /**
   * Decodes strict UTF-8, dropping a leading byte order mark.
   *
   * @return the text, or null after reporting invalid UTF-8 with its byte offset
   */
  final String decode(byte[] bytes, Problems problems) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      problems.add(name, 0, 0, "invalid UTF-8 at byte offset " + in.position()
          + " (lexicon files must be UTF-8)", "", "");
      return null;
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  @Override
  public String toString() {
    return name;
  }

  /** The largest lexicon file read: 100 times the default lexicon, and far from the heap. */
  static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private static final class FileSource extends LexiconSource {
    private final Path path;

    FileSource(Path path) {
      super(path.toString());
      this.path = path;
    }

    @Override
    byte[] bytes() {
      try {
        // A device, a FIFO or /proc file named by an include would hang or never end.
        if (Files.exists(path) && !Files.isRegularFile(path)) {
          String message = "cannot read lexicon file " + path + ": not a regular file";
          throw new UncheckedIOException(message, new IOException(message));
        }
        if (Files.size(path) > MAX_FILE_BYTES) {
          String message = "cannot read lexicon file " + path + ": larger than "
              + MAX_FILE_BYTES / (1024 * 1024) + " MB (the limit)";
          throw new UncheckedIOException(message, new IOException(message));
        }
        return Files.readAllBytes(path);
      } catch (NoSuchFileException e) {
        throw new UncheckedIOException("lexicon file not found: " + path, e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read lexicon file " + path + ": " + e, e);
      }
    }

    @Override
    LexiconSource resolve(String relative) {
      Path parent = path.toAbsolutePath().getParent();
      try {
        return new FileSource(parent == null ? Path.of(relative) : parent.resolve(relative));
      } catch (InvalidPathException e) {
        // A NUL or another character the file system rejects: reported as an unreadable
        // include, on its line, like a missing file.
        return new InvalidPath(relative, e.getReason());
      }
    }

    @Override
    String identity() {
      return path.toAbsolutePath().normalize().toString();
    }
  }

  /** An include whose path the file system rejects; reading it fails with the reason. */
  private static final class InvalidPath extends LexiconSource {
    private final String reason;

    InvalidPath(String path, String reason) {
      super(path);
      this.reason = reason;
    }

    @Override
    byte[] bytes() {
      throw new UncheckedIOException("not a valid file path (" + reason + ")",
          new IOException(reason));
    }

    @Override
    LexiconSource resolve(String relative) {
      return null;
    }

    @Override
    String identity() {
      return "invalid:" + name();
    }
  }

  private static final class UrlSource extends LexiconSource {
    private final URL url;

    UrlSource(URL url, String displayName) {
      super(displayName);
      this.url = url;
    }

    @Override
    byte[] bytes() {
      try (InputStream in = url.openStream()) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read lexicon resource " + name() + ": " + e, e);
      }
    }

    @Override
    LexiconSource resolve(String relative) {
      try {
        URL target = new URL(url, relative);
        String display = name().contains("/")
            ? name().substring(0, name().lastIndexOf('/') + 1) + relative
            : relative;
        return new UrlSource(target, display);
      } catch (MalformedURLException e) {
        return null;
      }
    }

    @Override
    String identity() {
      return url.toExternalForm();
    }
  }

  private static final class TextSource extends LexiconSource {
    private final byte[] bytes;

    TextSource(String name, String text) {
      super(name);
      this.bytes = text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    byte[] bytes() {
      return bytes;
    }

    @Override
    LexiconSource resolve(String relative) {
      return null;
    }

    @Override
    String identity() {
      return "text:" + name();
    }
  }
}
