package dev.framelens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Where the documents come from. A JSONL corpus is read one line at a time, so that a corpus of
 * any size is streamed in bounded memory; a line that cannot be used becomes an error record
 * carrying its line number instead of stopping the run.
 */
final class Inputs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Inputs() {}

  /** A source of records that also says how far it has read, for progress. */
  interface Source extends Iterator<InputRecord>, AutoCloseable {
    /** Bytes read so far. */
    long bytesRead();

    /** Total bytes, or -1 when unknown (standard input). */
    long totalBytes();

    @Override
    void close();
  }

  /**
   * Checks up front that every file argument can be read, so that a typo fails at once with
   * exit code 2 instead of after a long run.
   */
  static void checkReadable(List<String> files) {
    for (String name : files) {
      if (name.equals("-")) {
        continue;
      }
      Path path = Path.of(name);
      if (!Files.isRegularFile(path)) {
        throw new UserError(ExitCodes.USAGE, "cannot read " + name + ": "
            + (Files.exists(path) ? "not a regular file" : "no such file"));
      }
      if (!Files.isReadable(path)) {
        throw new UserError(ExitCodes.USAGE, "cannot read " + name + ": permission denied");
      }
    }
  }

  /** Each file (or {@code -} for standard input) is one document; its id is its name. */
  static Source files(List<String> names, InputStream stdin) {
    long total = 0;
    for (String name : names) {
      try {
        total += name.equals("-") ? 0 : Files.size(Path.of(name));
      } catch (IOException e) {
        throw new UserError(ExitCodes.USAGE, "cannot read " + name + ": " + e.getMessage(), e);
      }
    }
    long knownTotal = names.contains("-") ? -1 : total;
    return new Source() {
      private int next;
      private long read;

      @Override
      public boolean hasNext() {
        return next < names.size();
      }

      @Override
      public InputRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        String name = names.get(next++);
        try {
          byte[] bytes = name.equals("-") ? stdin.readAllBytes()
              : Files.readAllBytes(Path.of(name));
          read += bytes.length;
          return new InputRecord(0, TextNode.valueOf(name), decode(bytes), null, null, null);
        } catch (CharacterCodingException e) {
          return new InputRecord(0, TextNode.valueOf(name), null, null, null,
              "not valid UTF-8");
        } catch (IOException e) {
          return new InputRecord(0, TextNode.valueOf(name), null, null, null,
              "cannot read: " + e.getMessage());
        }
      }

      @Override
      public long bytesRead() {
        return read;
      }

      @Override
      public long totalBytes() {
        return knownTotal;
      }

      @Override
      public void close() {
        // Files are read whole and closed at once.
      }
    };
  }

  /**
   * A JSONL corpus, each line {@code {"id": ..., "text": ...}} with any other fields. For a gold
   * file, {@code labels} is required, and {@code source} (a file under {@code sourceDir}) may
   * stand for {@code text}.
   */
  static Source jsonl(String name, InputStream stdin, boolean gold, Path sourceDir) {
    InputStream raw;
    long total;
    try {
      if (name.equals("-")) {
        raw = stdin;
        total = -1;
      } else {
        Path path = Path.of(name);
        checkReadable(List.of(name));
        raw = Files.newInputStream(path);
        total = Files.size(path);
      }
    } catch (IOException e) {
      throw new UserError(ExitCodes.USAGE, "cannot read " + name + ": " + e.getMessage(), e);
    }
    CountingStream counting = new CountingStream(raw);
    BufferedReader reader = new BufferedReader(new InputStreamReader(counting,
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    return new Source() {
      private long lineNumber;
      private InputRecord pending;

      @Override
      public boolean hasNext() {
        while (pending == null) {
          String line;
          try {
            line = reader.readLine();
          } catch (IOException e) {
            throw new UncheckedIOException("reading " + name + " at line " + (lineNumber + 1),
                e);
          }
          if (line == null) {
            return false;
          }
          lineNumber++;
          if (!line.isBlank()) {
            pending = parse(line, lineNumber, gold, sourceDir);
          }
        }
        return true;
      }

      @Override
      public InputRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        InputRecord record = pending;
        pending = null;
        return record;
      }

      @Override
      public long bytesRead() {
        return counting.count;
      }

      @Override
      public long totalBytes() {
        return total;
      }

      @Override
      public void close() {
        try {
          reader.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private static InputRecord parse(String line, long number, boolean gold, Path sourceDir) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return error(number, null, "line " + number + ": not valid JSON: "
          + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      return error(number, null, "line " + number + ": not a JSON object");
    }
    JsonNode id = object.has("id") ? object.get("id") : LongNode.valueOf(number);
    JsonNode labels = null;
    if (gold) {
      labels = object.get("labels");
      if (labels == null || !labels.isArray()) {
        return error(number, id, "line " + number + ": a gold record needs a \"labels\" array");
      }
    }
    String text;
    JsonNode textNode = object.get("text");
    if (textNode != null && textNode.isTextual()) {
      text = textNode.asText();
    } else if (textNode != null) {
      return error(number, id, "line " + number + ": \"text\" is not a string");
    } else if (gold && object.hasNonNull("source") && sourceDir != null) {
      Path source = sourceDir.resolve(object.get("source").asText());
      try {
        text = decode(Files.readAllBytes(source));
      } catch (IOException e) {
        return error(number, id, "line " + number + ": cannot read source " + source);
      }
    } else {
      return error(number, id, "line " + number + ": no \"text\" field"
          + (gold && object.has("source") ? " (give --source-dir for \"source\")" : ""));
    }
    ObjectNode extra = object.deepCopy();
    extra.remove("id");
    extra.remove("text");
    return new InputRecord(number, id, text, extra, labels, null);
  }

  private static InputRecord error(long line, JsonNode id, String message) {
    return new InputRecord(line, id, null, null, null, message);
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    String text = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** Counts the bytes read, for the progress of a streamed corpus. */
  private static final class CountingStream extends FilterInputStream {
    volatile long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
