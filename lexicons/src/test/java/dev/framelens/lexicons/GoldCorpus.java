package dev.framelens.lexicons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.framelens.Frame;
import dev.framelens.internal.eval.Evaluation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a gold file in the codebook's format (one JSON object a line with {@code id},
 * {@code text} and {@code labels}), for the golden sentences of this module. The corpora of
 * {@code ../shared} are scored by {@code framelens evaluate} in CI.
 */
final class GoldCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GoldCorpus() {}

  /** The units of a gold JSONL file. */
  static List<Evaluation.Unit> read(Path file) {
    List<Evaluation.Unit> units = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gold file " + file, e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": not JSON: " + e
            .getMessage(), e);
      }
      String id = require(node, "id", file, i).asText();
      String text = require(node, "text", file, i).asText();
      Set<Frame> labels = EnumSet.noneOf(Frame.class);
      for (JsonNode label : require(node, "labels", file, i)) {
        labels.add(Frame.fromId(label.asText()));
      }
      units.add(new Evaluation.Unit(id, text, labels));
    }
    return units;
  }

  private static JsonNode require(JsonNode node, String field, Path file, int line) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(file + ":" + (line + 1) + ": missing field '" + field
          + "'");
    }
    return value;
  }
}
