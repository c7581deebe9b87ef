package dev.framelens.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.framelens.Frame;
import dev.framelens.FrameDetector;
import dev.framelens.spark.internal.DetectorSpec;
import dev.framelens.spark.internal.Detectors;
import dev.framelens.spark.internal.FrameLensFunctions;
import dev.framelens.spark.internal.LexiconFiles;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;

/**
 * FrameLens on Spark: adds the frame columns of {@link FrameLensColumns} to a
 * {@code Dataset<Row>}, per document or per sentence, and registers FrameLens's SQL functions
 * on a session. Immutable and thread-safe.
 *
 * <pre>{@code
 * SparkSession spark = SparkSession.builder().getOrCreate();
 * Dataset<Row> news = spark.read().json("news.jsonl");            // id, text, ...
 *
 * FrameLensSpark lens = FrameLensSpark.builder()
 *     .addLexicon("my-rules.fl")     // shipped with spark-submit --files, or a shared path
 *     .threshold(Frame.DEFEAT, 0.7)
 *     .build();                      // reads and compiles the lexicon here, on the driver
 *
 * Dataset<Row> framed = lens.analyze(news, "text", "id");          // one row per document
 * Dataset<Row> sentences = lens.analyzeSentences(news, "text", "id"); // one row per sentence
 *
 * lens.registerFunctions(spark);
 * spark.sql("SELECT label, count(*) FROM news "
 *     + "LATERAL VIEW explode(framelens_labels(text)) t AS label GROUP BY label");
 * }</pre>
 *
 * <p><b>Where the work happens.</b> {@link Builder#build()} reads every added lexicon file on
 * the driver and compiles the detector there, so a lexicon with an error fails the job before
 * any task runs, with the lexicon's own {@link dev.framelens.LexiconException} (file, line and
 * column of each problem). The files' text then travels inside the job: each executor JVM
 * compiles the detector once, on the first row of the first task that needs it, and every task
 * of that JVM shares it (a {@link FrameDetector} is thread-safe).
 *
 * <p><b>Bad rows.</b> A null text, or a value of another type than string, gives null
 * FrameLens columns and a message in {@value FrameLensColumns#ERROR}; a row's content never
 * fails the job.
 */
public final class FrameLensSpark implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The SQL function that returns a text's labels, {@code array<string>}. */
  public static final String LABELS_FUNCTION = "framelens_labels";
  /** The SQL function that returns a text's analysis as one struct. */
  public static final String ANALYZE_FUNCTION = "framelens_analyze";
  /** The SQL function that returns one struct per sentence of a text. */
  public static final String SENTENCES_FUNCTION = "framelens_sentences";

  /** What the detector is built from: the lexicon files' text and the thresholds. */
  private final DetectorSpec spec;

  private FrameLensSpark(DetectorSpec spec) {
    this.spec = spec;
  }

  /**
   * FrameLens with the default English lexicon and its thresholds.
   *
   * @return a new instance; its detector is compiled here once per JVM
   * @throws IllegalStateException if {@code framelens-lexicons} is not on the class path
   */
  public static FrameLensSpark withDefaultLexicon() {
    return builder().build();
  }

  /**
   * A builder, starting from the default English lexicon.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adds the document columns {@link FrameLensColumns#DOCUMENT_COLUMNS} ({@code labels},
   * {@code scores}, {@code evidence}, {@code suppressed}, {@code casualties}, {@code error})
   * after the input's columns: one output row per input row.
   *
   * @param input the documents
   * @param textColumn the name of the column holding each document's text
   * @return the input's columns (one named like a FrameLens column is renamed
   *     {@code input_<name>}), then FrameLens's; lazy, as every Dataset transformation
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code input} has no column {@code textColumn}
   */
  public Dataset<Row> analyze(Dataset<Row> input, String textColumn) {
    return documents(input, textColumn, null);
  }

  /**
   * As {@link #analyze(Dataset, String)}, with the columns in the order of a JSONL record: the
   * id column first, then FrameLens's columns, then the input's other columns.
   *
   * @param input the documents
   * @param textColumn the name of the column holding each document's text
   * @param idColumn the name of the column that identifies each document
   * @return the id column, FrameLens's columns, the input's other columns
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code input} lacks one of the columns
   */
  public Dataset<Row> analyze(Dataset<Row> input, String textColumn, String idColumn) {
    return documents(input, textColumn, requireNonNull(idColumn, "idColumn"));
  }

  /**
   * One row per sentence, as {@code framelens analyze --sentences --format jsonl}: the input's
   * columns except the text, then {@link FrameLensColumns#SENTENCE_COLUMNS} ({@code sentence},
   * {@code start}, {@code end}, {@code text} of the sentence, its {@code labels} and
   * {@code scores}, the {@code evidence}, {@code suppressed} and {@code casualties} in it,
   * {@code error}). A document without sentences (empty or blank) gives no row; one that cannot
   * be analysed gives one row whose only non-null FrameLens column is {@code error}.
   *
   * @param input the documents
   * @param textColumn the name of the column holding each document's text
   * @return the input's other columns, then the sentence's
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code input} has no column {@code textColumn}
   */
  public Dataset<Row> analyzeSentences(Dataset<Row> input, String textColumn) {
    return sentences(input, textColumn, null);
  }

  /**
   * As {@link #analyzeSentences(Dataset, String)}, with the id column first.
   *
   * @param input the documents
   * @param textColumn the name of the column holding each document's text
   * @param idColumn the name of the column that identifies each document
   * @return the id column, the sentence's columns, the input's other columns
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code input} lacks one of the columns
   */
  public Dataset<Row> analyzeSentences(Dataset<Row> input, String textColumn, String idColumn) {
    return sentences(input, textColumn, requireNonNull(idColumn, "idColumn"));
  }

  /**
   * Registers FrameLens's SQL functions on {@code session}, each running this instance's
   * detector:
   *
   * <ul>
   *   <li>{@value #LABELS_FUNCTION}{@code (text)}: {@code array<string>}, null for a null or
   *       non-string text;
   *   <li>{@value #ANALYZE_FUNCTION}{@code (text)}: {@link FrameLensColumns#ANALYSIS_TYPE}, a
   *       struct of the document columns with the {@code error};
   *   <li>{@value #SENTENCES_FUNCTION}{@code (text)}: an array of
   *       {@link FrameLensColumns#SENTENCE_TYPE}, for {@code LATERAL VIEW inline(...)}.
   * </ul>
   *
   * <pre>{@code
   * SELECT label, count(*) AS documents FROM news
   * LATERAL VIEW explode(framelens_labels(text)) t AS label GROUP BY label
   * }</pre>
   *
   * @param session the session; registering again replaces the functions
   * @throws NullPointerException if {@code session} is null
   */
  public void registerFunctions(SparkSession session) {
    requireNonNull(session, "session");
    session.udf().register(LABELS_FUNCTION, FrameLensFunctions.labels(spec),
        FrameLensColumns.LABELS_TYPE);
    session.udf().register(ANALYZE_FUNCTION, FrameLensFunctions.analyze(spec),
        FrameLensColumns.ANALYSIS_TYPE);
    session.udf().register(SENTENCES_FUNCTION, FrameLensFunctions.sentences(spec),
        functionsArrayOf(FrameLensColumns.SENTENCE_TYPE));
  }

  /**
   * The document columns as one struct column ({@link FrameLensColumns#ANALYSIS_TYPE}), for a
   * {@code select} or {@code withColumn} of your own.
   *
   * @param text the text column
   * @return a column of the analysis structs
   * @throws NullPointerException if {@code text} is null
   */
  public Column analysisOf(Column text) {
    return analyzeFunction().apply(requireNonNull(text, "text"));
  }

  /**
   * The labels as a column of {@code array<string>} (null for a null or non-string text).
   *
   * @param text the text column
   * @return a column of the labels
   * @throws NullPointerException if {@code text} is null
   */
  public Column labelsOf(Column text) {
    return functions.udf(FrameLensFunctions.labels(spec), FrameLensColumns.LABELS_TYPE)
        .apply(requireNonNull(text, "text"));
  }

  /**
   * The detector this instance runs, compiled once in this JVM.
   *
   * @return the detector; the same instance the executors of a local session use
   */
  public FrameDetector detector() {
    return Detectors.get(spec);
  }

  @Override
  public String toString() {
    return "FrameLensSpark[" + spec + "]";
  }

  private UserDefinedFunction analyzeFunction() {
    return functions.udf(FrameLensFunctions.analyze(spec), FrameLensColumns.ANALYSIS_TYPE);
  }

  private Dataset<Row> documents(Dataset<Row> input, String textColumn, String idColumn) {
    requireNonNull(input, "input");
    requireNonNull(textColumn, "textColumn");
    Set<String> names = columnNames(input, textColumn, idColumn);
    String result = unusedName(names, "__framelens");
    Dataset<Row> analysed = input.select(functions.col("*"),
        analyzeFunction().apply(input.col(quoted(textColumn))).as(result));
    List<Column> out = new ArrayList<>();
    if (idColumn != null) {
      out.add(renamed(analysed, idColumn, FrameLensColumns.DOCUMENT_COLUMNS));
    }
    for (String name : FrameLensColumns.DOCUMENT_COLUMNS) {
      out.add(analysed.col(quoted(result) + "." + quoted(name)).as(name));
    }
    for (String name : input.columns()) {
      if (!name.equals(idColumn)) {
        out.add(renamed(analysed, name, FrameLensColumns.DOCUMENT_COLUMNS));
      }
    }
    if (idColumn == null) {
      // The input's columns first, FrameLens's after them.
      List<Column> inputFirst = new ArrayList<>(out.subList(
          FrameLensColumns.DOCUMENT_COLUMNS.size(), out.size()));
      inputFirst.addAll(out.subList(0, FrameLensColumns.DOCUMENT_COLUMNS.size()));
      out = inputFirst;
    }
    return analysed.select(out.toArray(Column[]::new));
  }

  private Dataset<Row> sentences(Dataset<Row> input, String textColumn, String idColumn) {
    requireNonNull(input, "input");
    requireNonNull(textColumn, "textColumn");
    columnNames(input, textColumn, idColumn);
    checkArgument(!textColumn.equals(idColumn),
        "the id column must not be the text column: %s", textColumn);
    List<Column> kept = new ArrayList<>();
    Column id = null;
    for (String name : input.columns()) {
      if (name.equals(textColumn)) {
        continue; // replaced by the sentence's text, as in JSONL
      }
      Column column = renamed(input, name, FrameLensColumns.SENTENCE_COLUMNS);
      if (name.equals(idColumn)) {
        id = column;
      } else {
        kept.add(column);
      }
    }
    Column sentenceRows = functions.inline(
        functions.udf(FrameLensFunctions.sentences(spec),
            functionsArrayOf(FrameLensColumns.SENTENCE_TYPE))
            .apply(input.col(quoted(textColumn))));
    List<Column> select = new ArrayList<>();
    if (id != null) {
      select.add(id);
    }
    select.addAll(kept);
    select.add(sentenceRows);
    Dataset<Row> exploded = input.select(select.toArray(Column[]::new));
    if (id == null) {
      return exploded;
    }
    // The JSONL record's order: id, the sentence's columns, the input's other fields.
    List<Column> ordered = new ArrayList<>();
    ordered.add(exploded.col(quoted(exploded.columns()[0])));
    for (String name : FrameLensColumns.SENTENCE_COLUMNS) {
      ordered.add(exploded.col(quoted(name)));
    }
    for (int i = 1; i <= kept.size(); i++) {
      ordered.add(exploded.col(quoted(exploded.columns()[i])));
    }
    return exploded.select(ordered.toArray(Column[]::new));
  }

  private static org.apache.spark.sql.types.ArrayType functionsArrayOf(
      org.apache.spark.sql.types.StructType type) {
    return org.apache.spark.sql.types.DataTypes.createArrayType(type);
  }

  /** The input's column names, after checking that the named ones exist. */
  private static Set<String> columnNames(Dataset<Row> input, String textColumn,
      String idColumn) {
    Set<String> names = new HashSet<>(Arrays.asList(input.columns()));
    checkArgument(names.contains(textColumn), "no text column %s among the columns %s",
        textColumn, names);
    checkArgument(idColumn == null || names.contains(idColumn),
        "no id column %s among the columns %s", idColumn, names);
    return names;
  }

  /** An input column, renamed {@code input_<name>} when FrameLens adds one of that name. */
  private static Column renamed(Dataset<Row> data, String name, List<String> added) {
    Column column = data.col(quoted(name));
    return added.contains(name) ? column.as("input_" + name) : column.as(name);
  }

  private static String unusedName(Set<String> names, String base) {
    String name = base;
    for (int i = 2; names.contains(name); i++) {
      name = base + i;
    }
    return name;
  }

  /** A column name as {@link Dataset#col} reads it literally, dots and all. */
  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /**
   * Configures a {@link FrameLensSpark}: its lexicon files and thresholds. Not thread-safe; the
   * instance it builds is.
   */
  public static final class Builder {
    private boolean defaultLexicon = true;
    private final List<String> lexiconPaths = new ArrayList<>();
    private final double[] thresholds = new double[Frame.values().length];

    private Builder() {
      Arrays.fill(thresholds, Double.NaN);
    }

    /**
     * Adds the rules of a lexicon file on top of the lexicon, as
     * {@link FrameDetector.Builder#addLexicon} does. The file is read on the driver, when
     * {@link #build()} runs: a path with a Hadoop scheme ({@code hdfs://}, {@code s3a://}) is
     * read through Hadoop with the active session's configuration; a plain path from the
     * driver's file system, or else by its file name among the files shipped with the job
     * ({@code spark-submit --files}, {@code SparkContext.addFile}). Executors need no access to
     * it. It cannot {@code include} other files: add each with a call of its own.
     *
     * @param path the lexicon file; files added on several calls apply in call order
     * @return this builder
     * @throws NullPointerException if {@code path} is null
     * @throws IllegalArgumentException if {@code path} is empty
     */
    public Builder addLexicon(String path) {
      requireNonNull(path, "path");
      checkArgument(!path.isBlank(), "lexicon path is blank: \"%s\"", path);
      lexiconPaths.add(path);
      return this;
    }

    /**
     * Starts from no lexicon instead of the default English one, as the command's
     * {@code --no-default-lexicon}: the added files are the whole lexicon.
     *
     * @return this builder
     */
    public Builder noDefaultLexicon() {
      defaultLexicon = false;
      return this;
    }

    /**
     * Sets the score at or above which {@code frame} becomes a label, instead of the
     * lexicon's.
     *
     * @param frame the frame
     * @param threshold in {@code (0, 1]}
     * @return this builder
     * @throws NullPointerException if {@code frame} is null
     * @throws IllegalArgumentException unless {@code 0 < threshold <= 1}
     */
    public Builder threshold(Frame frame, double threshold) {
      // FrameDetector.Builder judges thresholds (the one place that does), here at once.
      FrameDetector.builder().threshold(frame, threshold);
      thresholds[frame.ordinal()] = threshold;
      return this;
    }

    /**
     * Reads the lexicon files and compiles the detector, here on the driver, so that a
     * problem stops the job before any task runs.
     *
     * @return a new instance
     * @throws java.io.UncheckedIOException naming a lexicon file that cannot be found or read
     * @throws dev.framelens.LexiconException with the lexicon's own message (the file, line and
     *     column of every problem) if a file does not compile
     * @throws IllegalStateException if no lexicon file is added after
     *     {@link #noDefaultLexicon()}, or the default lexicon is not on the class path
     */
    public FrameLensSpark build() {
      if (!defaultLexicon && lexiconPaths.isEmpty()) {
        throw new IllegalStateException("noDefaultLexicon() needs at least one addLexicon(path)");
      }
      List<DetectorSpec.LexiconText> texts = new ArrayList<>();
      for (String path : lexiconPaths) {
        texts.add(LexiconFiles.read(path));
      }
      DetectorSpec spec = new DetectorSpec(defaultLexicon, texts, thresholds);
      Detectors.get(spec); // compiles now, on the driver: a LexiconException fails fast
      return new FrameLensSpark(spec);
    }
  }
}
