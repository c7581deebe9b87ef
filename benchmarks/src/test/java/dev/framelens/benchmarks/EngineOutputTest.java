package dev.framelens.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The engine's whole output, digested, on fixed sets of documents: a refactoring of the engine
 * (its stages moved into classes of their own, say) must leave every label, score, piece of
 * evidence, modifier hit, speaker and casualty figure exactly as it was. Each set's digest is the
 * SHA-256 of a canonical rendering of {@code analyze()} for each of its documents, in order,
 * and is compared with the one recorded in {@code engine-output.properties}.
 *
 * <p>The sets: the benchmark's generated corpus (always), the authored gold corpora of the
 * lexicons module (always), and where {@code ../shared} is present each file of its gold corpora
 * and its seed articles (the benchmark's real text); a set whose files are absent is skipped
 * with a message (so is a file with no {@code text}: a document-level gold file).
 *
 * <p>When a change is meant to change the output (a lexicon edit, a fixed bug), record the new
 * digests with {@code mvn -pl benchmarks test -Dtest=EngineOutputTest
 * -Dframelens.engineOutput.record=true} and say in the commit what changed and why.
 */
class EngineOutputTest {
  private static final Path RECORDED = Path.of("src/test/resources/engine-output.properties");
  private static final boolean RECORD = Boolean.getBoolean("framelens.engineOutput.record");
  private static final FrameDetector DETECTOR = FrameDetector.withDefaultLexicon();

  @TestFactory
  Stream<DynamicTest> theOutputOfEachSetIsTheRecordedOne() throws IOException {
    Properties recorded = new Properties();
    if (Files.exists(RECORDED)) {
      try (var in = Files.newBufferedReader(RECORDED, StandardCharsets.UTF_8)) {
        recorded.load(in);
      }
    }
    Map<String, Path> sets = sets();
    Map<String, String> digests = new TreeMap<>();
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, Path> set : sets.entrySet()) {
      String name = set.getKey();
      tests.add(DynamicTest.dynamicTest(name, () -> {
        List<String> documents = documents(name, set.getValue());
        assumeTrue(documents != null,
            () -> name + ": " + set.getValue() + " is absent or has no texts");
        String digest = documents.size() + " " + digest(documents);
        digests.put(name, digest);
        if (RECORD) {
          record(name, digest);
          return;
        }
        assertEquals(recorded.getProperty(name), digest, () -> name + ": the engine's output "
            + "changed (documents, then SHA-256 of the output). If that is meant, record it: "
            + "see EngineOutputTest's Javadoc");
      }));
    }
    return tests.stream();
  }

  /** The sets, by name: a path to read, or none for the generated corpus. */
  private static Map<String, Path> sets() throws IOException {
    Map<String, Path> sets = new LinkedHashMap<>();
    sets.put("generated", null);
    // Every corpus written for the project, so that a new one is covered without editing this.
    try (Stream<Path> files = Files.list(Path.of("../lexicons/src/test/resources/authored"))) {
      files.filter(f -> f.toString().endsWith(".jsonl")).sorted().forEach(f ->
          sets.put(f.getFileName().toString().replace(".jsonl", ""), f));
    }
    Path corpus = Path.of("../../shared/corpus");
    if (Files.isDirectory(corpus)) {
      try (Stream<Path> files = Files.list(corpus)) {
        files.filter(f -> f.toString().endsWith(".jsonl")).sorted().forEach(f ->
            sets.put("shared-" + f.getFileName().toString().replace(".jsonl", ""), f));
      }
    } else {
      sets.put("shared-corpus", corpus);
    }
    sets.put("shared-seeds", Path.of("../../shared/seeds"));
    return sets;
  }

  /** The documents of a set, or null when its files are absent. */
  private static List<String> documents(String name, Path path) throws IOException {
    if (path == null) {
      return BenchmarkCorpus.load(300_000, Path.of("no-shared-here")).mixedDocuments();
    }
    if (!Files.exists(path)) {
      return null;
    }
    List<String> documents = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> files = Files.list(path)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
          documents.add(Files.readString(f));
        }
      }
      return documents;
    }
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonNode text = json.readTree(line).get("text");
        if (text != null && text.isTextual()) {
          documents.add(text.asText());
        }
      }
    }
    return documents.isEmpty() ? null : documents; // a document-level gold file has no texts
  }

  private static String digest(List<String> documents) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    StringBuilder out = new StringBuilder();
    for (String document : documents) {
      out.setLength(0);
      render(DETECTOR.analyze(document), out);
      out.append('\n');
      sha.update(out.toString().getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void render(FrameAnalysis analysis, StringBuilder out) throws Exception {
    out.append("labels=");
    render(analysis.labels().stream().sorted().toList(), out);
    out.append(" scores=");
    render(new TreeMap<>(analysis.scores()), out);
    out.append(" evidence=");
    render(analysis.evidence(), out);
    out.append(" suppressed=");
    render(analysis.suppressed(), out);
    out.append(" casualties=");
    render(analysis.casualtyCounts(), out);
    out.append(" sentences=");
    render(List.copyOf(analysis.sentences()), out);
  }

  /** A canonical rendering: every component of every record, recursively. */
  private static void render(Object value, StringBuilder out) throws Exception {
    if (value instanceof Record record) {
      out.append(record.getClass().getSimpleName()).append('(');
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        out.append(c.getName()).append('=');
        render(c.getAccessor().invoke(record), out);
        out.append(';');
      }
      out.append(')');
    } else if (value instanceof java.util.Set<?> set) {
      // A set's iteration order may differ from run to run (Set.of): rendered sorted.
      List<String> items = new ArrayList<>();
      for (Object item : set) {
        StringBuilder one = new StringBuilder();
        render(item, one);
        items.add(one.toString());
      }
      items.sort(null);
      out.append('{').append(String.join(",", items)).append('}');
    } else if (value instanceof Iterable<?> list) {
      out.append('[');
      for (Object item : list) {
        render(item, out);
        out.append(',');
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      for (Map.Entry<?, ?> e : map.entrySet()) {
        render(e.getKey(), out);
        out.append(':');
        render(e.getValue(), out);
        out.append(',');
      }
      out.append('}');
    } else if (value instanceof Optional<?> optional) {
      if (optional.isPresent()) {
        render(optional.get(), out);
      } else {
        out.append('-');
      }
    } else if (value instanceof OptionalLong optional) {
      out.append(optional.isPresent() ? Long.toString(optional.getAsLong()) : "-");
    } else if (value instanceof OptionalDouble optional) {
      out.append(optional.isPresent() ? Double.toString(optional.getAsDouble()) : "-");
    } else if (value instanceof String s) {
      out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    } else {
      out.append(value);
    }
  }

  private static synchronized void record(String name, String digest) throws IOException {
    Properties properties = new Properties();
    if (Files.exists(RECORDED)) {
      try (var in = Files.newBufferedReader(RECORDED, StandardCharsets.UTF_8)) {
        properties.load(in);
      }
    }
    properties.setProperty(name, digest);
    Map<String, String> sorted = new TreeMap<>();
    properties.forEach((k, v) -> sorted.put((String) k, (String) v));
    StringBuilder text = new StringBuilder("# Digests of the engine's output on fixed document "
        + "sets: see EngineOutputTest.\n# set = documents SHA-256\n");
    sorted.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
    Files.createDirectories(RECORDED.getParent());
    Files.writeString(RECORDED, text, StandardCharsets.UTF_8);
  }
}
