package dev.framelens.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Where the documents come from. A JSONL corpus is read one line at a time, so that a corpus of
 * any size is streamed in bounded memory; a line that cannot be used becomes an error record
 * carrying its line number instead of stopping the run. Text is decoded strictly: bytes that
 * are not valid in the encoding make an error record that gives their byte offset.
 */
final class Inputs {
  /**
   * The longest text read by default, in chars: 100 MiB, the largest document the library is
   * tested with (core/README.md, Limits).
   */
  static final int MAX_CHARS = 100 * 1024 * 1024;

  /** The largest array a JVM allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

  private Inputs() {}

  /**
   * How text is read.
   *
   * @param encoding the encoding of files and corpus lines
   * @param maxChars the longest text, and the longest string of a corpus line, in chars: a
   *     longer one makes an error record
   */
  record Reading(Charset encoding, int maxChars, boolean hasEncodingOption,
      boolean hasMaxCharsOption) {
    /** UTF-8 up to {@link #MAX_CHARS}, for a command with neither option. */
    static final Reading DEFAULT = new Reading(StandardCharsets.UTF_8, MAX_CHARS, false, false);

    /** What a message about text that cannot be decoded suggests, if the command can. */
    String encodingHint() {
      return hasEncodingOption ? "give --encoding if the file is in another encoding" : "";
    }

    /** How a message names the limit of length. */
    String limit() {
      return hasMaxCharsOption ? "the limit (--max-chars)" : "the limit";
    }
  }

  /** A source of records that also says how far it has read, for progress. */
  interface Source extends java.util.Iterator<InputRecord>, AutoCloseable {
    /** Bytes read so far. */
    long bytesRead();

    /** Total bytes, or -1 when unknown (standard input). */
    long totalBytes();

    /** What was read last: a file's name, or a corpus's name and line. */
    String where();

    @Override
    void close();
  }

  /**
   * Checks up front that every file argument can be read, so that a typo fails at once with
   * exit code 2 instead of after a long run.
   */
  static void checkReadable(List<String> files) {
    for (String name : files) {
      String problem = problem(name);
      if (problem != null) {
        throw new UserError(ExitCodes.USAGE, "cannot read " + name + ": " + problem);
      }
    }
  }

  /**
   * Checks that at least one file argument can be read: the others become error records (see
   * {@link #files}), but a run with nothing to read is a usage error naming every file.
   */
  static void checkAnyReadable(List<String> files) {
    List<String> problems = new ArrayList<>();
    for (String name : files) {
      String problem = problem(name);
      if (problem == null) {
        return;
      }
      problems.add(name + ": " + problem);
    }
    throw new UserError(ExitCodes.USAGE, "cannot read " + String.join("; ", problems));
  }

  /** Why the file {@code name} cannot be read, or null when it can ({@code -} always can). */
  private static String problem(String name) {
    if (name.equals("-")) {
      return null;
    }
    Path path = Path.of(name);
    if (!Files.isRegularFile(path)) {
      return Files.exists(path) ? "not a regular file" : "no such file";
    }
    return Files.isReadable(path) ? null : "permission denied";
  }

  /** Each file (or {@code -} for standard input) as one UTF-8 document. */
  static Source files(List<String> names, InputStream stdin) {
    return files(names, stdin, Reading.DEFAULT);
  }

  /**
   * Each file (or {@code -} for standard input) is one document; its id is its name. A file
   * that cannot be read, is not valid in the encoding or is longer than the limit is an error
   * record.
   */
  static Source files(List<String> names, InputStream stdin, Reading reading) {
    long total = 0;
    for (String name : names) {
      if (!name.equals("-") && problem(name) == null) {
        try {
          total += Files.size(Path.of(name));
        } catch (IOException e) {
          // Then it is an error record when its turn comes.
        }
      }
    }
    long knownTotal = names.contains("-") ? -1 : total;
    double maxBytesPerChar = maxBytesPerChar(reading.encoding());
    return new Source() {
      private int next;
      private long read;

      @Override
      public String where() {
        return next == 0 ? null : names.get(next - 1);
      }

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
        TextNode id = TextNode.valueOf(name);
        String problem = problem(name);
        if (problem != null) {
          return error(0, id, "cannot read: " + problem);
        }
        // Fewer bytes than this cannot hold more than maxChars chars, more can.
        long limit = (long) Math.ceil(reading.maxChars() * maxBytesPerChar);
        try {
          byte[] bytes;
          if (name.equals("-")) {
            bytes = stdin.readNBytes((int) Math.min(MAX_ARRAY, limit + 1));
          } else {
            long size = Files.size(Path.of(name));
            if (size > limit) {
              read += size;
              return error(0, id, String.format(Locale.ROOT, "%,d bytes, more than %,d chars, "
                  + "%s", size, reading.maxChars(), reading.limit()));
            }
            bytes = Files.readAllBytes(Path.of(name));
          }
          read += bytes.length;
          String text = decode(bytes, bytes.length, reading.encoding());
          if (text.length() > reading.maxChars() || bytes.length > limit) {
            return error(0, id, String.format(Locale.ROOT, "%s chars, more than %,d, %s",
                bytes.length > limit ? "at least " + reading.maxChars()
                : String.format(Locale.ROOT, "%,d", text.length()), reading.maxChars(),
                reading.limit()));
          }
          return new InputRecord(0, id, stripBom(text), null, null, null);
        } catch (Undecodable e) {
          return error(0, id, "not valid " + reading.encoding().name() + " at byte offset "
              + e.offset + (reading.hasEncodingOption() ? " (" + reading.encodingHint() + ")"
                  : ""));
        } catch (IOException e) {
          return error(0, id, "cannot read: " + e.getMessage());
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

  /** A UTF-8 JSONL corpus (see {@link #jsonl(String, InputStream, boolean, Path, Reading)}). */
  static Source jsonl(String name, InputStream stdin, boolean gold, Path sourceDir) {
    return jsonl(name, stdin, gold, sourceDir, Reading.DEFAULT);
  }

  /**
   * A JSONL corpus, each line {@code {"id": ..., "text": ...}} with any other fields. For a gold
   * file, {@code labels} is required, and {@code source} (a file under {@code sourceDir}) may
   * stand for {@code text}. Lines are split at the byte {@code \n}, so the encoding must be one
   * in which ASCII is one byte a char (UTF-8, ISO-8859-1, windows-1252, ...).
   */
  static Source jsonl(String name, InputStream stdin, boolean gold, Path sourceDir,
      Reading reading) {
    if (!asciiCompatible(reading.encoding())) {
      throw new UserError(ExitCodes.USAGE, "a JSONL corpus cannot be read as "
          + reading.encoding().name() + ": lines are split at the byte \\n, so the encoding "
          + "must write ASCII in one byte a char (UTF-8, ISO-8859-1, windows-1252, ...)");
    }
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
    LineReader lines = new LineReader(raw);
    ObjectMapper json = new ObjectMapper(JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(reading.maxChars()).build())
        .build())
        // "{...}," is no JSONL line: what follows the object is an error, not ignored.
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    return new Source() {
      private volatile long lineNumber;
      private InputRecord pending;

      @Override
      public String where() {
        return String.format(Locale.ROOT, "%s (read up to line %,d)", name, lineNumber);
      }

      @Override
      public boolean hasNext() {
        while (pending == null) {
          boolean more;
          try {
            more = lines.next();
          } catch (IOException e) {
            throw new UncheckedIOException("reading " + name + " at line " + (lineNumber + 1),
                e);
          }
          if (!more) {
            return false;
          }
          lineNumber++;
          pending = line(json, lines, lineNumber, gold, sourceDir, reading);
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
        return lines.count;
      }

      @Override
      public long totalBytes() {
        return total;
      }

      @Override
      public void close() {
        try {
          raw.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /** The record of the line {@code lines} holds, or null when it is blank. */
  private static InputRecord line(ObjectMapper json, LineReader lines, long number,
      boolean gold, Path sourceDir, Reading reading) {
    if (lines.tooLong) {
      return error(number, null, String.format(Locale.ROOT, "line %d: %,d bytes, longer than "
          + "a line can be (%,d)", number, lines.lineBytes, MAX_ARRAY));
    }
    String line;
    try {
      line = decode(lines.buffer, lines.length, reading.encoding());
    } catch (Undecodable e) {
      return error(number, null, "line " + number + ": not valid " + reading.encoding().name()
          + " at byte offset " + e.offset + " of the line (byte offset "
          + (lines.start + e.offset) + " of the file"
          + (reading.hasEncodingOption() ? "; " + reading.encodingHint() : "") + ")");
    }
    if (number == 1) {
      line = stripBom(line);
    }
    return line.isBlank() ? null : parse(json, line, number, gold, sourceDir, reading);
  }

  private static InputRecord parse(ObjectMapper json, String line, long number, boolean gold,
      Path sourceDir, Reading reading) {
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (StreamConstraintsException e) {
      return error(number, idOf(json, line), String.format(Locale.ROOT, "line %d: a string "
          + "longer than %,d chars, %s", number, reading.maxChars(), reading.limit()));
    } catch (JsonProcessingException e) {
      // Jackson's own message may end with where it started ("(start marker at [Source:
      // REDACTED ...; line: 1, column: 1])"): the column is given up front instead.
      String message = e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:.*",
          "");
      return error(number, null, "line " + number + ": not valid JSON"
          + (e.getLocation() != null && e.getLocation().getColumnNr() > 0
              ? " at column " + e.getLocation().getColumnNr() : "") + ": " + message);
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
        byte[] bytes = Files.readAllBytes(source);
        text = stripBom(decode(bytes, bytes.length, StandardCharsets.UTF_8));
      } catch (IOException | Undecodable e) {
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

  /**
   * The {@code id} of a line with a string over the limit: the line is read again as a stream
   * of tokens, which skips strings without keeping them. Null when it has none.
   */
  private static JsonNode idOf(ObjectMapper json, String line) {
    try (JsonParser parser = json.getFactory().createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("id")) {
          return json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .readTree(parser);
        }
        parser.skipChildren();
      }
    } catch (IOException e) {
      // The id is over the limit itself, or the line ends early: no id.
    }
    return null;
  }

  private static InputRecord error(long line, JsonNode id, String message) {
    return new InputRecord(line, id, null, null, null, message);
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** What {@link #looksLike} says of a file of text that is neither JSON nor binary. */
  static final String PLAIN_TEXT = "plain text";

  /**
   * What the file {@code name} looks like, from its first 64 KiB: binary data, text in another
   * encoding, a JSON array, JSON over several lines or plain text; null for standard input or a
   * file that cannot be read.
   */
  static String looksLike(String name, Charset encoding) {
    if (name.equals("-")) {
      return null;
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(Path.of(name))) {
      head = in.readNBytes(1 << 16);
    } catch (IOException e) {
      return null;
    }
    int controls = 0;
    for (byte b : head) {
      if (b == 0) {
        return "binary data";
      }
      if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
        controls++;
      }
    }
    if (controls > head.length / 100) {
      return "binary data";
    }
    CharBuffer text = CharBuffer.allocate(head.length + 4);
    // Not the end of input: a char cut at the end of the 64 KiB is no error.
    if (encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(head), text, false).isError()) {
      return "text in another encoding than " + encoding.name() + " (give --encoding)";
    }
    String start = text.flip().toString().stripLeading();
    if (start.startsWith("\uFEFF")) {
      start = start.substring(1).stripLeading();
    }
    return start.startsWith("[") ? "a JSON array"
        : start.startsWith("{") ? "JSON spread over several lines" : PLAIN_TEXT;
  }

  /** Bytes that are not valid in an encoding, at {@code offset}. */
  static final class Undecodable extends Exception {
    private static final long serialVersionUID = 1L;
    final long offset;

    Undecodable(long offset) {
      super("invalid input at byte offset " + offset, null, false, false);
      this.offset = offset;
    }
  }

  /** {@code bytes[0, length)} decoded strictly: invalid input throws with its offset. */
  static String decode(byte[] bytes, int length, Charset encoding) throws Undecodable {
    CharsetDecoder decoder = encoding.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer out = CharBuffer.allocate((int) Math.min(MAX_ARRAY,
        (long) Math.ceil(length * (double) decoder.maxCharsPerByte()) + 4));
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError() && !result.isOverflow()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new Undecodable(in.position());
    }
    if (result.isOverflow()) {
      throw new IllegalStateException("decoding " + encoding + " overflowed its buffer");
    }
    return out.flip().toString();
  }

  /** The most bytes one char takes in {@code encoding}. */
  private static double maxBytesPerChar(Charset encoding) {
    try {
      return encoding.newEncoder().maxBytesPerChar();
    } catch (UnsupportedOperationException e) {
      return 4;
    }
  }

  private static boolean asciiCompatible(Charset encoding) {
    byte[] ascii = "\n{\"id\": 1}\r".getBytes(StandardCharsets.US_ASCII);
    try {
      return encoding.canEncode()
          && Arrays.equals(ascii, "\n{\"id\": 1}\r".getBytes(encoding))
          && decode(ascii, ascii.length, encoding).equals("\n{\"id\": 1}\r");
    } catch (Undecodable e) {
      return false;
    }
  }

  /**
   * Reads lines of bytes, split at {@code \n}, a {@code \r} before it dropped; counts the bytes
   * read, for progress and byte offsets.
   */
  private static final class LineReader {
    private static final int KEPT = 1 << 20;
    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkStart;
    private int chunkEnd;
    byte[] buffer = new byte[8192];
    int length;
    /** The offset of the current line in the stream. */
    long start;
    /** Bytes read so far. */
    volatile long count;
    /** Whether the current line is longer than an array can hold; its bytes are not kept. */
    boolean tooLong;
    long lineBytes;

    LineReader(InputStream in) {
      this.in = in;
    }

    /** Reads the next line; false at the end of the stream. */
    boolean next() throws IOException {
      start = count;
      length = 0;
      lineBytes = 0;
      tooLong = false;
      if (buffer.length > KEPT) {
        buffer = new byte[8192];
      }
      boolean any = false;
      while (true) {
        if (chunkStart == chunkEnd) {
          int n = in.read(chunk);
          if (n < 0) {
            break;
          }
          chunkStart = 0;
          chunkEnd = n;
          continue;
        }
        any = true;
        int end = chunkStart;
        while (end < chunkEnd && chunk[end] != '\n') {
          end++;
        }
        append(chunkStart, end);
        boolean newline = end < chunkEnd;
        count += end - chunkStart + (newline ? 1 : 0);
        chunkStart = newline ? end + 1 : end;
        if (newline) {
          break;
        }
      }
      if (length > 0 && buffer[length - 1] == '\r') {
        length--;
      }
      return any;
    }

    private void append(int from, int to) {
      int n = to - from;
      lineBytes += n;
      if (tooLong || n == 0) {
        return;
      }
      if ((long) length + n > MAX_ARRAY) {
        tooLong = true;
        return;
      }
      if (length + n > buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(MAX_ARRAY,
            Math.max(length + n, 2L * buffer.length)));
      }
      System.arraycopy(chunk, from, buffer, length, n);
      length += n;
    }
  }
}
