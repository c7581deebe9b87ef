package dev.framelens.spark;

import static dev.framelens.spark.SparkTestSupport.columns;
import static dev.framelens.spark.SparkTestSupport.expectedDocument;
import static dev.framelens.spark.SparkTestSupport.expectedSentences;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Dataset API on a local[2] session: columns, types, order, per sentence, bad rows. */
class DatasetColumnsTest {
  private static SparkSession spark;
  private static Dataset<Row> news;
  private static final FrameDetector DETECTOR = FrameDetector.withDefaultLexicon();
  private static FrameLensSpark lens;

  @BeforeAll
  static void start() {
    spark = SparkTestSupport.session("DatasetColumnsTest");
    // Several partitions, so that both task threads analyse rows.
    news = spark.read().json(SparkTestSupport.DOCUMENTS.toString()).repartition(4);
    lens = FrameLensSpark.withDefaultLexicon();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void everyDocumentsColumnsEqualWhatTheDetectorSays() {
    List<Row> rows = lens.analyze(news, "text").collectAsList();
    assertEquals(14, rows.size());
    for (Row row : rows) {
      String text = row.getAs("text");
      FrameAnalysis expected = DETECTOR.analyze(text);
      assertEquals(expectedDocument(expected), columns(row, FrameLensColumns.DOCUMENT_COLUMNS),
          () -> "document " + row.getAs("id"));
    }
    // The corpus exercises what it should: labels of every frame, quotes, figures, suppressions.
    List<Object> seen = new ArrayList<>();
    rows.forEach(r -> seen.addAll(r.getList(r.fieldIndex("labels"))));
    assertTrue(seen.containsAll(List.of("victory", "defeat", "survival-as-win",
        "casualty-emphasis")), "labels seen: " + seen);
    assertTrue(rows.stream().anyMatch(r -> !r.getList(r.fieldIndex("suppressed")).isEmpty()));
    assertTrue(rows.stream().anyMatch(r -> !r.getList(r.fieldIndex("casualties")).isEmpty()));
  }

  @Test
  void columnsHaveTheJsonlNamesAndTypesAfterTheInputs() {
    StructType schema = lens.analyze(news, "text").schema();
    assertEquals(List.of("desk", "id", "text", "labels", "scores", "evidence", "suppressed",
        "casualties", "error"), Arrays.asList(schema.fieldNames()));
    assertEquals(FrameLensColumns.LABELS_TYPE, schema.apply("labels").dataType());
    assertEquals(FrameLensColumns.SCORES_TYPE, schema.apply("scores").dataType());
    assertEquals(DataTypes.createArrayType(FrameLensColumns.EVIDENCE_TYPE),
        schema.apply("evidence").dataType());
    assertEquals(DataTypes.createArrayType(FrameLensColumns.EVIDENCE_TYPE),
        schema.apply("suppressed").dataType());
    assertEquals(DataTypes.createArrayType(FrameLensColumns.CASUALTY_TYPE),
        schema.apply("casualties").dataType());
    assertEquals(DataTypes.StringType, schema.apply("error").dataType());
    assertEquals(List.of("frame", "rule", "start", "end", "text", "polarity", "speaker",
            "sentence", "weight", "matched_frame", "modifiers", "by"),
        Arrays.asList(FrameLensColumns.EVIDENCE_TYPE.fieldNames()));
    assertEquals(List.of("low", "best", "high", "qualifier", "kind", "who", "start", "end",
            "text", "subset_of"),
        Arrays.asList(FrameLensColumns.CASUALTY_TYPE.fieldNames()));
  }

  @Test
  void withAnIdColumnTheOrderIsTheJsonlRecords() {
    Dataset<Row> out = lens.analyze(news, "text", "id");
    assertEquals(List.of("id", "labels", "scores", "evidence", "suppressed", "casualties",
        "error", "desk", "text"), Arrays.asList(out.columns()));
    Row first = out.filter("id = 'd01'").first();
    assertEquals(List.of("victory", "defeat"), first.getList(first.fieldIndex("labels")));
  }

  @Test
  void anInputColumnNamedLikeAFrameLensColumnIsKeptAsInputName() {
    Dataset<Row> input = news.selectExpr("id", "text", "desk AS labels");
    Dataset<Row> out = lens.analyze(input, "text", "id");
    assertEquals(List.of("id", "labels", "scores", "evidence", "suppressed", "casualties",
        "error", "text", "input_labels"), Arrays.asList(out.columns()));
    Row first = out.filter("id = 'd01'").first();
    assertEquals("north", first.getAs("input_labels"));
  }

  @Test
  void oneRowPerSentenceEqualsTheDetectorsSentences() {
    Dataset<Row> out = lens.analyzeSentences(news, "text", "id");
    assertEquals(List.of("id", "sentence", "start", "end", "text", "labels", "scores",
        "evidence", "suppressed", "casualties", "error", "desk"), Arrays.asList(out.columns()));
    Map<String, List<List<Object>>> actual = new TreeMap<>();
    for (Row row : out.collectAsList()) {
      actual.computeIfAbsent(row.getAs("id"), k -> new ArrayList<>())
          .add(columns(row, FrameLensColumns.SENTENCE_COLUMNS));
    }
    Map<String, List<List<Object>>> expected = new TreeMap<>();
    for (Row doc : news.collectAsList()) {
      List<List<Object>> sentences = expectedSentences(DETECTOR.analyze(doc.getAs("text")));
      if (!sentences.isEmpty()) { // an empty or blank document has no sentence, so no row
        expected.put(doc.getAs("id"), sentences);
      }
    }
    actual.values().forEach(list -> list.sort(
        (a, b) -> Integer.compare((Integer) a.get(0), (Integer) b.get(0))));
    assertEquals(expected, actual);
    assertEquals(2, actual.get("d03").size(), "d03 has two sentences");
  }

  @Test
  void nullAndNonStringTextsBecomeErrorRowsAndTheJobGoesOn() {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("id", DataTypes.StringType, false),
        DataTypes.createStructField("text", DataTypes.StringType, true)));
    Dataset<Row> input = spark.createDataFrame(List.of(
        RowFactory.create("ok", "The rebels claimed victory in the valley."),
        RowFactory.create("missing", null)), schema);
    Map<String, Row> byId = new TreeMap<>();
    lens.analyze(input, "text", "id").collectAsList().forEach(r -> byId.put(r.getAs("id"), r));
    assertNull(byId.get("ok").getAs("error"));
    assertEquals(List.of("victory"), byId.get("ok").getList(1));
    Row missing = byId.get("missing");
    assertEquals("text is null", missing.getAs("error"));
    for (String column : List.of("labels", "scores", "evidence", "suppressed", "casualties")) {
      assertTrue(missing.isNullAt(missing.fieldIndex(column)), column + " is null");
    }

    // A column of numbers: every row is an error row, none fails the job.
    Dataset<Row> numbers = spark.range(3).selectExpr("id", "CAST(id AS INT) AS text");
    List<Row> numbered = lens.analyze(numbers, "text", "id").collectAsList();
    assertEquals(3, numbered.size());
    for (Row row : numbered) {
      assertEquals("text is not a string but a Integer", row.getAs("error"));
      assertTrue(row.isNullAt(row.fieldIndex("labels")));
    }

    // Per sentence, a document that cannot be analysed is one row that says why.
    List<Row> sentenceRows = lens.analyzeSentences(input, "text", "id")
        .filter("id = 'missing'").collectAsList();
    assertEquals(1, sentenceRows.size());
    assertEquals("text is null", sentenceRows.get(0).getAs("error"));
    assertTrue(sentenceRows.get(0).isNullAt(sentenceRows.get(0).fieldIndex("sentence")));
  }

  @Test
  void anEmptyDocumentHasEmptyColumnsAndNoError() {
    Row empty = lens.analyze(news, "text", "id").filter("id = 'd11'").first();
    assertEquals(List.of(), empty.getList(empty.fieldIndex("labels")));
    assertEquals(List.of(), empty.getList(empty.fieldIndex("evidence")));
    assertNull(empty.getAs("error"));
  }

  @Test
  void eachRowIsAnalysedOnceHoweverManyColumnsAreRead() {
    // Six columns are fields of one struct: the optimizer must not inline the function into
    // each of them, which would analyse every document six times.
    String plan = lens.analyze(news, "text", "id").queryExecution().optimizedPlan().toString();
    assertEquals(1, plan.split("UDF\\(", -1).length - 1, plan);
  }

  @Test
  void aMissingColumnIsRefusedWithItsName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> lens.analyze(news, "body"));
    assertTrue(e.getMessage().startsWith("no text column body among the columns"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> lens.analyzeSentences(news, "text", "doc_id"));
    assertTrue(e.getMessage().startsWith("no id column doc_id among the columns"),
        e.getMessage());
  }
}
