package dev.framelens.examples.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framelens.FrameDetector;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example job end to end on the repository's example corpus, in local[2]. */
class FrameLensJobTest {
  private static final String CORPUS = "../corpus.jsonl";
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("FrameLensJobTest")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void writesFramesAndLabelCountsFromJsonlAndThenFromItsOwnParquet(@TempDir Path out) {
    Map<String, Long> counts = new TreeMap<>();
    FrameLensJob.run(spark, FrameLensJob.Options.parse(CORPUS, out.resolve("a").toString()))
        .collectAsList().forEach(r -> counts.put(r.getString(0), r.getLong(1)));

    Map<String, Long> expected = new TreeMap<>();
    long documents = 0;
    for (Row doc : spark.read().json(CORPUS).collectAsList()) {
      documents++;
      FrameDetector.withDefaultLexicon().analyze(doc.getAs("text")).labels()
          .forEach(f -> expected.merge(f.id(), 1L, Long::sum));
    }
    assertEquals(expected, counts);
    assertEquals(documents, spark.read().parquet(out.resolve("a/frames").toString()).count());

    // The Parquet it wrote is an input too (its text column is kept).
    Map<String, Long> again = new TreeMap<>();
    FrameLensJob.run(spark, FrameLensJob.Options.parse(out.resolve("a/frames").toString(),
            out.resolve("b").toString(), "--lexicon", "../my-rules.fl"))
        .collectAsList().forEach(r -> again.put(r.getString(0), r.getLong(1)));
    assertTrue(again.keySet().containsAll(expected.keySet()), again.toString());
  }

  @Test
  void badArgumentsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FrameLensJob.Options.parse("in.jsonl", "out", "--lexcon", "x.fl"));
    assertEquals("unknown option --lexcon", e.getMessage());
  }
}
