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
import java.util.Optional;
import java.util.Set;

/**
 * Reads the gold files of {@code ../shared/corpus} (format in the codebook: one JSON object a
 * line with {@code id}, {@code text} or {@code source}, and {@code labels}). The real texts are
 * read from there at evaluation time only; nothing of them is copied into the project.
 */
final class GoldCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GoldCorpus() {}

  /**
   * The shared directory, if the build was given one that exists; otherwise says on the console
   * that the evaluation is skipped, so that a skip is never silent.
   */
  static Optional<Path> sharedDirectory() {
    String configured = System.getProperty("framelens.shared", "");
    Path dir = configured.isBlank() ? null : Path.of(configured).toAbsolutePath().normalize();
    if (dir == null || !Files.isDirectory(dir.resolve("corpus"))) {
      System.out.println("[framelens] gold-corpus evaluation SKIPPED: no corpus directory at "
          + (dir == null ? "(framelens.shared not set)" : dir.resolve("corpus")));
      return Optional.empty();
    }
    return Optional.of(dir);
  }

  /** The units of a gold JSONL file; a document-level line reads its text from seeds/. */
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
      String text;
      if (node.hasNonNull("text")) {
        text = node.get("text").asText();
      } else {
        Path source = file.getParent().resolveSibling("seeds").resolve(
            require(node, "source", file, i).asText());
        try {
          text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(file + ":" + (i + 1) + ": cannot read " + source, e);
        }
      }
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
