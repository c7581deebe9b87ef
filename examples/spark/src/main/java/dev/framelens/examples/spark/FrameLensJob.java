package dev.framelens.examples.spark;

import dev.framelens.spark.FrameLensSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * A complete Spark job: reads news (JSONL, or Parquet), adds FrameLens's columns, and writes
 * them as Parquet to {@code OUTPUT/frames}, with the number of documents per label in
 * {@code OUTPUT/label-counts} (Parquet, also printed).
 *
 * <pre>
 * spark-submit --class dev.framelens.examples.spark.FrameLensJob \
 *     [--files my-rules.fl] framelens-spark-example.jar \
 *     INPUT OUTPUT [--text COLUMN] [--id COLUMN] [--lexicon FILE]... [--sentences]
 * </pre>
 *
 * INPUT is read as Parquet when it ends in {@code .parquet} or is a folder of Parquet files,
 * else as JSONL ({@code {"id": ..., "text": ...}} a line). Without a master (run from Maven or
 * an IDE) the job runs in local mode on every core.
 */
public final class FrameLensJob {
  private FrameLensJob() {}

  /**
   * Runs the job.
   *
   * @param args INPUT OUTPUT and options, see the class comment
   */
  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("framelens-spark-example: " + e.getMessage());
      System.err.println("usage: FrameLensJob INPUT OUTPUT [--text COLUMN] [--id COLUMN] "
          + "[--lexicon FILE]... [--sentences]");
      System.exit(2);
      return;
    }
    SparkSession.Builder builder = SparkSession.builder().appName("FrameLens");
    if (!System.getProperties().containsKey("spark.master")) {
      builder.master("local[*]"); // spark-submit sets spark.master; Maven and IDEs do not
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN"); // the table, not Spark's progress, on the console
    try {
      run(spark, options).show(false);
    } finally {
      spark.stop();
    }
  }

  /**
   * Reads, analyses and writes; returns the label counts.
   *
   * @param spark the session
   * @param options what to read and write
   * @return the documents (or sentences) per label, most frequent first
   */
  public static Dataset<Row> run(SparkSession spark, Options options) {
    // Built on the driver, before anything is read: a lexicon error stops the job here.
    FrameLensSpark.Builder builder = FrameLensSpark.builder();
    options.lexicons.forEach(builder::addLexicon);
    FrameLensSpark lens = builder.build();

    Dataset<Row> news = isParquet(options.input)
        ? spark.read().parquet(options.input)
        : spark.read().json(options.input);
    String id = List.of(news.columns()).contains(options.idColumn) ? options.idColumn : null;
    Dataset<Row> framed;
    if (options.sentences) {
      framed = id == null ? lens.analyzeSentences(news, options.textColumn)
          : lens.analyzeSentences(news, options.textColumn, id);
    } else {
      framed = id == null ? lens.analyze(news, options.textColumn)
          : lens.analyze(news, options.textColumn, id);
    }
    // Analysed once, then written twice (the rows and their counts).
    framed = framed.persist();
    try {
      framed.write().mode(SaveMode.Overwrite).parquet(options.output + "/frames");
      Dataset<Row> counts = framed
          .select(functions.explode(functions.col("labels")).as("label"))
          .groupBy("label").count()
          .orderBy(functions.desc("count"), functions.asc("label"));
      counts.write().mode(SaveMode.Overwrite).parquet(options.output + "/label-counts");
      long errors = framed.filter(functions.col("error").isNotNull()).count();
      if (errors > 0) {
        System.err.printf(Locale.ROOT, "%d rows could not be analysed; see their error "
            + "column in %s/frames%n", errors, options.output);
      }
      return spark.read().parquet(options.output + "/label-counts");
    } finally {
      framed.unpersist();
    }
  }

  private static boolean isParquet(String input) {
    return input.endsWith(".parquet") || (!input.endsWith(".jsonl") && !input.endsWith(".json")
        && java.nio.file.Files.isDirectory(java.nio.file.Path.of(input)));
  }

  /** The job's arguments. */
  public static final class Options {
    final String input;
    final String output;
    final String textColumn;
    final String idColumn;
    final List<String> lexicons;
    final boolean sentences;

    private Options(String input, String output, String textColumn, String idColumn,
        List<String> lexicons, boolean sentences) {
      this.input = input;
      this.output = output;
      this.textColumn = textColumn;
      this.idColumn = idColumn;
      this.lexicons = List.copyOf(lexicons);
      this.sentences = sentences;
    }

    /**
     * Reads the command line.
     *
     * @param args INPUT OUTPUT [--text COLUMN] [--id COLUMN] [--lexicon FILE]... [--sentences]
     * @return the options
     * @throws IllegalArgumentException naming an unknown or incomplete argument
     */
    public static Options parse(String... args) {
      List<String> positional = new ArrayList<>();
      List<String> lexicons = new ArrayList<>();
      String text = "text";
      String id = "id";
      boolean sentences = false;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--text" -> text = value(args, ++i, arg);
          case "--id" -> id = value(args, ++i, arg);
          case "--lexicon" -> lexicons.add(value(args, ++i, arg));
          case "--sentences" -> sentences = true;
          default -> {
            if (arg.startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + arg);
            }
            positional.add(arg);
          }
        }
      }
      if (positional.size() != 2) {
        throw new IllegalArgumentException("need INPUT and OUTPUT, got " + positional);
      }
      return new Options(positional.get(0), positional.get(1), text, id, lexicons, sentences);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }
  }
}
