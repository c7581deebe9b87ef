package dev.framelens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.Frame;
import dev.framelens.LexiconException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom lexicons: by path, shipped with the job, broken ones failing on the driver. */
class LexiconShippingTest {
  private static final String FLAG =
      "The small republic kept the flag flying through the blockade.";
  private static SparkSession spark;
  private static Dataset<Row> texts;
  /** Where the file shipped with the job comes from; it lives as long as the session. */
  @TempDir
  static Path shippedFrom;

  @BeforeAll
  static void start() {
    spark = SparkTestSupport.session("LexiconShippingTest");
    texts = spark.createDataset(List.of(FLAG, "The council met to discuss grain prices."),
        Encoders.STRING()).toDF("text").repartition(2);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static List<Object> labelsOf(FrameLensSpark lens, String text) {
    Row row = lens.analyze(texts, "text").filter(texts.col("text").equalTo(text)).first();
    return List.copyOf(row.getList(row.fieldIndex("labels")));
  }

  @Test
  void aLexiconFileByPathAddsItsRules() {
    FrameLensSpark lens = FrameLensSpark.builder()
        .addLexicon(SparkTestSupport.MY_RULES.toString()).build();
    assertEquals(List.of("survival-as-win"), labelsOf(lens, FLAG));
    assertEquals(List.of(), labelsOf(FrameLensSpark.withDefaultLexicon(), FLAG),
        "the default lexicon alone does not know the rule");
    Row row = lens.analyze(texts, "text").filter(texts.col("text").equalTo(FLAG)).first();
    Row evidence = row.<Row>getList(row.fieldIndex("evidence")).get(0);
    assertEquals("kept-flag-flying", evidence.getAs("rule"));
    assertEquals("kept the flag flying", evidence.getAs("text"));
  }

  @Test
  void aLexiconShippedWithTheJobIsFoundByItsFileName() throws IOException {
    Path shipped = shippedFrom.resolve("shipped-rules.fl");
    Files.copy(SparkTestSupport.MY_RULES, shipped);
    spark.sparkContext().addFile(shipped.toString()); // as spark-submit --files does
    // Not in the working directory: only SparkFiles can find it by that name.
    assertFalse(Files.exists(Path.of("shipped-rules.fl")));
    FrameLensSpark lens = FrameLensSpark.builder().addLexicon("shipped-rules.fl").build();
    assertEquals(List.of("survival-as-win"), labelsOf(lens, FLAG));
  }

  @Test
  void thresholdsApply() {
    FrameLensSpark strict = FrameLensSpark.builder()
        .addLexicon(SparkTestSupport.MY_RULES.toString())
        .threshold(Frame.SURVIVAL_AS_WIN, 0.95)
        .build();
    assertEquals(List.of(), labelsOf(strict, FLAG), "a 0.9 rule is below a 0.95 threshold");
  }

  @Test
  void aBrokenLexiconFailsOnTheDriverWithItsOwnMessage() {
    String path = SparkTestSupport.BROKEN_RULES.toString();
    FrameLensSpark.Builder builder = FrameLensSpark.builder().addLexicon(path);
    // build() runs on the driver before any Dataset is made: no task can meet the error.
    LexiconException e = assertThrows(LexiconException.class, builder::build);
    assertEquals(1, e.problems().size(), e.getMessage());
    LexiconException.Problem problem = e.problems().get(0);
    assertEquals(path, problem.source());
    assertEquals(5, problem.line());
    assertTrue(problem.column() > 0, problem.toString());
    assertTrue(e.getMessage().contains(path + ":5:" + problem.column() + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
  }

  @Test
  void aMissingLexiconFileIsNamedWithWhereItWasLookedFor() {
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> FrameLensSpark.builder().addLexicon("no-such-rules.fl").build());
    assertTrue(e.getMessage().startsWith("lexicon file no-such-rules.fl not found; looked at "),
        e.getMessage());
    assertTrue(e.getMessage().contains("(SparkFiles)"), e.getMessage());
    assertFalse(e.getMessage().contains("null"), e.getMessage());
  }

  @Test
  void argumentsAreChecked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FrameLensSpark.builder().threshold(Frame.DEFEAT, 1.5));
    assertEquals("threshold for defeat must be in (0, 1]: 1.5", e.getMessage());
    IllegalStateException none = assertThrows(IllegalStateException.class,
        () -> FrameLensSpark.builder().noDefaultLexicon().build());
    assertEquals("noDefaultLexicon() needs at least one addLexicon(path)", none.getMessage());
  }
}
