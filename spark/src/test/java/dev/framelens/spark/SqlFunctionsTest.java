package dev.framelens.spark;

import static dev.framelens.spark.SparkTestSupport.expectedDocument;
import static dev.framelens.spark.SparkTestSupport.expectedSentences;
import static dev.framelens.spark.SparkTestSupport.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** framelens_labels, framelens_analyze and framelens_sentences in SQL, on a local[2] session. */
class SqlFunctionsTest {
  private static SparkSession spark;
  private static final FrameDetector DETECTOR = FrameDetector.withDefaultLexicon();

  @BeforeAll
  static void start() {
    spark = SparkTestSupport.session("SqlFunctionsTest");
    spark.read().json(SparkTestSupport.DOCUMENTS.toString()).repartition(3)
        .createOrReplaceTempView("news");
    FrameLensSpark.withDefaultLexicon().registerFunctions(spark);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void labelCountsWithLateralViewExplode() {
    Map<String, Long> counts = new TreeMap<>();
    spark.sql("SELECT label, count(*) AS documents FROM news "
            + "LATERAL VIEW explode(framelens_labels(text)) t AS label GROUP BY label")
        .collectAsList().forEach(r -> counts.put(r.getString(0), r.getLong(1)));
    Map<String, Long> expected = new TreeMap<>();
    for (Row doc : spark.table("news").collectAsList()) {
      DETECTOR.analyze(doc.getAs("text")).labels()
          .forEach(f -> expected.merge(f.id(), 1L, Long::sum));
    }
    assertEquals(expected, counts);
    assertEquals(4, counts.size(), "every frame appears in the test corpus: " + counts);
  }

  @Test
  void analyzeReturnsTheDocumentStruct() {
    for (Row row : spark.sql("SELECT text, framelens_analyze(text) AS a FROM news")
        .collectAsList()) {
      FrameAnalysis expected = DETECTOR.analyze(row.getString(0));
      assertEquals(expectedDocument(expected), plain(row.getStruct(1)), row.getString(0));
    }
    Row fields = spark.sql("SELECT a.labels, a.error FROM (SELECT framelens_analyze("
        + "'The rebels claimed victory in the valley.') AS a)").first();
    assertEquals(List.of("victory"), fields.getList(0));
    assertNull(fields.get(1));
  }

  @Test
  void sentencesWithLateralViewInline() {
    Map<String, List<Object>> actual = new TreeMap<>();
    spark.sql("SELECT id, s.* FROM news LATERAL VIEW inline(framelens_sentences(text)) s")
        .collectAsList().forEach(r -> actual.put(r.getString(0) + "#" + r.getInt(1),
            new ArrayList<>(((List<?>) plain(r)).subList(1, r.length()))));
    Map<String, List<Object>> expected = new TreeMap<>();
    for (Row doc : spark.table("news").collectAsList()) {
      for (List<Object> s : expectedSentences(DETECTOR.analyze(doc.getAs("text")))) {
        expected.put(doc.getAs("id") + "#" + s.get(0), s);
      }
    }
    assertEquals(expected, actual);
  }

  @Test
  void badTextsGiveNullLabelsAndAnErrorInTheStruct() {
    Row row = spark.sql("SELECT framelens_labels(CAST(NULL AS STRING)), "
        + "framelens_analyze(CAST(NULL AS STRING)).error, framelens_analyze(42).error, "
        + "framelens_analyze(42).labels").first();
    assertNull(row.get(0));
    assertEquals("text is null", row.getString(1));
    assertEquals("text is not a string but a Integer", row.getString(2));
    assertNull(row.get(3));
  }
}
