package dev.framelens.spark;

import dev.framelens.CasualtyCount;
import dev.framelens.Evidence;
import dev.framelens.FrameAnalysis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What the Spark tests share: a small local[2] session (one per test class, stopped after it),
 * the test corpus, and the expected columns written out from the public {@link FrameAnalysis}
 * API, independently of the module's own conversion, as JSONL's writer lays them out.
 */
final class SparkTestSupport {
  /** Documents written for these tests (id, desk, text), two of them empty or blank. */
  static final Path DOCUMENTS = resource("documents.jsonl");
  /** A valid rule file: "kept the flag flying" as survival-as-win. */
  static final Path MY_RULES = resource("my-rules.fl");
  /** A rule file with an error on line 5, column 36: a set that does not exist. */
  static final Path BROKEN_RULES = resource("broken.fl");

  private SparkTestSupport() {}

  static SparkSession session(String name) {
    return SparkSession.builder()
        .master("local[2]")
        .appName(name)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }

  private static Path resource(String name) {
    return Path.of("src/test/resources/spark", name);
  }

  /** A Spark value as plain Java: rows and Scala sequences as lists, Scala maps as maps. */
  static Object plain(Object value) {
    if (value instanceof Row row) {
      List<Object> fields = new ArrayList<>();
      for (int i = 0; i < row.length(); i++) {
        fields.add(plain(row.get(i)));
      }
      return fields;
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      List<Object> items = new ArrayList<>();
      for (Object item : CollectionConverters.asJava(seq)) {
        items.add(plain(item));
      }
      return items;
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      Map<Object, Object> entries = new LinkedHashMap<>();
      CollectionConverters.asJava(map).forEach((k, v) -> entries.put(plain(k), plain(v)));
      return entries;
    }
    return value;
  }

  /** The named columns of {@code row}, plain. */
  static List<Object> columns(Row row, List<String> names) {
    List<Object> values = new ArrayList<>();
    for (String name : names) {
      values.add(plain(row.get(row.fieldIndex(name))));
    }
    return values;
  }

  /** labels, scores, evidence, suppressed, casualties, error of a document, from the API. */
  static List<Object> expectedDocument(FrameAnalysis a) {
    return Arrays.asList(labels(a.labels()), scores(a.scores()), evidence(a.evidence(), -1),
        evidence(a.suppressed(), -1), casualties(a.casualtyCounts(), -1), null);
  }

  /** The sentence columns of each sentence of a document, from the API. */
  static List<List<Object>> expectedSentences(FrameAnalysis a) {
    List<List<Object>> rows = new ArrayList<>();
    for (FrameAnalysis.Sentence s : a.sentences()) {
      rows.add(Arrays.asList(s.index(), s.start(), s.end(), s.text(), labels(s.labels()),
          scores(s.scores()), evidence(a.evidence(), s.index()),
          evidence(a.suppressed(), s.index()), casualties(a.casualtyCounts(), s.index()), null));
    }
    return rows;
  }

  static List<Object> labels(java.util.Set<dev.framelens.Frame> labels) {
    List<Object> ids = new ArrayList<>();
    labels.forEach(f -> ids.add(f.id()));
    return ids;
  }

  private static Map<Object, Object> scores(Map<dev.framelens.Frame, Double> scores) {
    Map<Object, Object> map = new LinkedHashMap<>();
    scores.forEach((f, s) -> map.put(f.id(), fourDecimals(s)));
    return map;
  }

  /** As the JSONL writer rounds scores and weights. */
  private static double fourDecimals(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  private static List<Object> evidence(List<Evidence> list, int sentence) {
    List<Object> out = new ArrayList<>();
    for (Evidence e : list) {
      if (sentence >= 0 && e.sentenceIndex() != sentence) {
        continue;
      }
      List<Object> modifiers = new ArrayList<>();
      for (Evidence.ModifierHit m : e.modifiers()) {
        modifiers.add(Arrays.asList(m.ruleId(), m.start(), m.end(), m.text(), m.effect()));
      }
      out.add(Arrays.asList(e.frame().id(), e.ruleId(), e.start(), e.end(), e.text(),
          e.polarity().id(), e.speaker().orElse(null), e.sentenceIndex(),
          fourDecimals(e.weight()),
          e.matchedFrame() == e.frame() ? null : e.matchedFrame().id(), modifiers,
          e.suppressed() && !e.modifiers().isEmpty()
              ? e.modifiers().get(e.modifiers().size() - 1).ruleId() : null));
    }
    return out;
  }

  private static List<Object> casualties(List<CasualtyCount> list, int sentence) {
    List<Object> out = new ArrayList<>();
    for (CasualtyCount c : list) {
      if (sentence >= 0 && c.sentenceIndex() != sentence) {
        continue;
      }
      out.add(Arrays.asList(
          c.low().isPresent() ? (Object) c.low().getAsLong() : null,
          c.best().isPresent() ? (Object) c.best().getAsLong() : null,
          c.high().isPresent() ? (Object) c.high().getAsLong() : null,
          c.qualifier().id(), c.kind().id(), c.who().orElse(null), c.start(), c.end(), c.text(),
          c.subsetOf().isPresent() ? (Object) c.subsetOf().getAsInt() : null));
    }
    return out;
  }
}
