package dev.framelens.junit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.framelens.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads gold files: one JSON object a line with {@code id}, {@code text} and {@code labels} (a
 * list of frame ids, {@code []} for none); other fields are ignored and blank lines skipped.
 * A malformed file is an {@link IllegalArgumentException} naming the file, line and column.
 *
 * <pre>{@code
 * List<GoldUnit> units = GoldCorpus.read(Path.of("src/test/resources/gold/units.jsonl"));
 * }</pre>
 */
public final class GoldCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GoldCorpus() {}

  /**
   * The units of a gold file, in file order.
   *
   * @param file a UTF-8 JSONL file
   * @return its units
   * @throws IllegalArgumentException if a line is not a gold unit, with file, line and column,
   *     or if two units share an id
   * @throws UncheckedIOException if the file cannot be read, naming it
   */
  public static List<GoldUnit> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("gold file not found: " + file.toAbsolutePath(), e);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gold file " + file.toAbsolutePath() + ": " + e,
          e);
    }
    return parse(file.toString(), lines);
  }

  /** The units of a gold file read from {@code url} (a class-path resource, perhaps in a jar). */
  static List<GoldUnit> read(URL url, String name) {
    try (InputStream in = url.openStream()) {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(in.readAllBytes())).toString();
      return parse(name, text.lines().toList());
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(name + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gold file " + url + ": " + e, e);
    }
  }

  private static List<GoldUnit> parse(String file, List<String> lines) {
    List<GoldUnit> units = new ArrayList<>();
    Map<String, Integer> lineOfId = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int lineNumber = i + 1;
      GoldUnit unit = parse(file, lineNumber, line);
      Integer earlier = lineOfId.putIfAbsent(unit.id(), lineNumber);
      if (earlier != null) {
        throw new IllegalArgumentException(String.format("%s:%d:1: id '%s' is already used on "
            + "line %d", file, lineNumber, unit.id(), earlier));
      }
      units.add(unit);
    }
    return List.copyOf(units);
  }

  private static GoldUnit parse(String file, int lineNumber, String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int column = at == null ? 1 : Math.max(1, at.getColumnNr());
      throw new IllegalArgumentException(String.format("%s:%d:%d: not JSON: %s", file,
          lineNumber, column, e.getOriginalMessage()), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(String.format("%s:%d:1: expected a JSON object with "
          + "id, text and labels", file, lineNumber));
    }
    String id = textField(node, "id", file, lineNumber);
    String text = textField(node, "text", file, lineNumber);
    JsonNode labels = node.get("labels");
    if (labels == null || !labels.isArray()) {
      throw new IllegalArgumentException(String.format("%s:%d:1: unit '%s' needs \"labels\", a "
          + "list of frame ids ([] for none)", file, lineNumber, id));
    }
    Set<Frame> frames = EnumSet.noneOf(Frame.class);
    for (JsonNode label : labels) {
      try {
        frames.add(Frame.fromId(label.asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(String.format("%s:%d:1: unit '%s': %s", file,
            lineNumber, id, e.getMessage()), e);
      }
    }
    return new GoldUnit(id, text, frames, file + ":" + lineNumber);
  }

  private static String textField(JsonNode node, String field, String file, int lineNumber) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(String.format("%s:%d:1: needs a string field \"%s\"",
          file, lineNumber, field));
    }
    return value.asText();
  }
}
