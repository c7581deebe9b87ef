package dev.framelens.spark;

import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The names and Spark types of the columns FrameLens adds, which are the fields of the
 * {@code framelens analyze --format jsonl} output, name for name, so that code reading one reads
 * the other:
 *
 * <table>
 *   <caption>JSONL field and column</caption>
 *   <tr><th>JSONL field</th><th>column</th><th>Spark type</th></tr>
 *   <tr><td>{@code labels}</td><td>{@value #LABELS}</td><td>{@code array<string>}, frame ids
 *       in frame order</td></tr>
 *   <tr><td>{@code scores}</td><td>{@value #SCORES}</td><td>{@code map<string,double>}, every
 *       frame, rounded to 4 decimals as in JSONL</td></tr>
 *   <tr><td>{@code evidence}</td><td>{@value #EVIDENCE}</td><td>{@code array<}{@link
 *       #EVIDENCE_TYPE}{@code >}</td></tr>
 *   <tr><td>{@code suppressed}</td><td>{@value #SUPPRESSED}</td><td>the same, with {@code by}
 *       set</td></tr>
 *   <tr><td>{@code casualties}</td><td>{@value #CASUALTIES}</td><td>{@code array<}{@link
 *       #CASUALTY_TYPE}{@code >}</td></tr>
 *   <tr><td>{@code error}</td><td>{@value #ERROR}</td><td>{@code string}, null unless the row
 *       could not be analysed; then the columns above are null</td></tr>
 *   <tr><td>{@code id} and the other input fields</td><td>the input's columns, kept (one that
 *       has the name of a FrameLens column is renamed {@code input_<name>}, as JSONL does)</td>
 *       <td>as in the input</td></tr>
 *   <tr><td>{@code sentence}, {@code start}, {@code end}, {@code text} (with
 *       {@code --sentences})</td><td>{@value #SENTENCE}, {@value #START}, {@value #END},
 *       {@value #TEXT} (with {@link FrameLensSpark#analyzeSentences})</td><td>{@code int},
 *       {@code int}, {@code int}, {@code string}</td></tr>
 * </table>
 *
 * <p>Where JSON leaves a field out or writes {@code null} (a {@code speaker} nobody is quoted
 * as, {@code matched_frame} when it is the frame, {@code by} of kept evidence, a casualty bound
 * the text does not give, {@code subset_of} of a whole), the column holds null. JSON has one
 * number type; offsets and indices are {@code int} here and casualty bounds {@code bigint}.
 *
 * <pre>{@code
 * Dataset<Row> out = FrameLensSpark.withDefaultLexicon().analyze(news, "text");
 * out.select(explode(col(FrameLensColumns.EVIDENCE)).as("e"))
 *    .select("e.frame", "e.rule", "e.text");
 * }</pre>
 */
public final class FrameLensColumns {
  /** The frames whose score reaches their threshold. */
  public static final String LABELS = "labels";
  /** Every frame's score. */
  public static final String SCORES = "scores";
  /** The evidence that counts towards the scores. */
  public static final String EVIDENCE = "evidence";
  /** The matches a modifier or block cancelled: why a label is absent. */
  public static final String SUPPRESSED = "suppressed";
  /** The casualty figures. */
  public static final String CASUALTIES = "casualties";
  /** Why a row could not be analysed (a null or non-string text), else null. */
  public static final String ERROR = "error";
  /** Per sentence: the sentence's index in its document. */
  public static final String SENTENCE = "sentence";
  /** Per sentence: the char offset of its first char in the document. */
  public static final String START = "start";
  /** Per sentence: the char offset one past its last char. */
  public static final String END = "end";
  /** Per sentence: the sentence's text. */
  public static final String TEXT = "text";

  /**
   * A modifier or block that acted on a piece of evidence: {@code rule}, {@code start},
   * {@code end}, {@code text}, {@code effect}, as in JSONL's {@code modifiers}.
   */
  public static final StructType MODIFIER_TYPE = struct(
      field("rule", DataTypes.StringType),
      field("start", DataTypes.IntegerType),
      field("end", DataTypes.IntegerType),
      field("text", DataTypes.StringType),
      field("effect", DataTypes.StringType));

  /**
   * A piece of evidence: {@code frame}, {@code rule}, {@code start}, {@code end}, {@code text},
   * {@code polarity} ({@code asserted}, {@code negated} or {@code contested}), {@code speaker},
   * then as in JSONL {@code sentence}, {@code weight}, {@code matched_frame} (the frame the rule
   * matched when a modifier turned it, else null), {@code modifiers} and {@code by} (the entry
   * that cancelled a suppressed match, else null).
   */
  public static final StructType EVIDENCE_TYPE = struct(
      field("frame", DataTypes.StringType),
      field("rule", DataTypes.StringType),
      field("start", DataTypes.IntegerType),
      field("end", DataTypes.IntegerType),
      field("text", DataTypes.StringType),
      field("polarity", DataTypes.StringType),
      field("speaker", DataTypes.StringType),
      field("sentence", DataTypes.IntegerType),
      field("weight", DataTypes.DoubleType),
      field("matched_frame", DataTypes.StringType),
      field("modifiers", DataTypes.createArrayType(MODIFIER_TYPE)),
      field("by", DataTypes.StringType));

  /**
   * A casualty figure: {@code low}, {@code best}, {@code high} (null when the text gives none),
   * {@code qualifier}, {@code kind}, {@code who}, {@code start}, {@code end}, {@code text}, then
   * as in JSONL {@code subset_of} (the index in {@code casualties} of the figure this one is part
   * of, else null).
   */
  public static final StructType CASUALTY_TYPE = struct(
      field("low", DataTypes.LongType),
      field("best", DataTypes.LongType),
      field("high", DataTypes.LongType),
      field("qualifier", DataTypes.StringType),
      field("kind", DataTypes.StringType),
      field("who", DataTypes.StringType),
      field("start", DataTypes.IntegerType),
      field("end", DataTypes.IntegerType),
      field("text", DataTypes.StringType),
      field("subset_of", DataTypes.IntegerType));

  /** {@code array<string>}: the type of {@value #LABELS} and of {@code framelens_labels}. */
  public static final ArrayType LABELS_TYPE = DataTypes.createArrayType(DataTypes.StringType);
  /** {@code map<string,double>}: the type of {@value #SCORES}. */
  public static final MapType SCORES_TYPE =
      DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType);

  /**
   * A document's columns as one struct, the type {@code framelens_analyze(text)} returns:
   * {@value #LABELS}, {@value #SCORES}, {@value #EVIDENCE}, {@value #SUPPRESSED},
   * {@value #CASUALTIES}, {@value #ERROR}.
   */
  public static final StructType ANALYSIS_TYPE = struct(
      field(LABELS, LABELS_TYPE),
      field(SCORES, SCORES_TYPE),
      field(EVIDENCE, DataTypes.createArrayType(EVIDENCE_TYPE)),
      field(SUPPRESSED, DataTypes.createArrayType(EVIDENCE_TYPE)),
      field(CASUALTIES, DataTypes.createArrayType(CASUALTY_TYPE)),
      field(ERROR, DataTypes.StringType));

  /**
   * A sentence's columns as one struct: {@value #SENTENCE}, {@value #START}, {@value #END},
   * {@value #TEXT}, then those of {@link #ANALYSIS_TYPE}. {@code framelens_sentences(text)}
   * returns an array of them.
   */
  public static final StructType SENTENCE_TYPE = struct(
      field(SENTENCE, DataTypes.IntegerType),
      field(START, DataTypes.IntegerType),
      field(END, DataTypes.IntegerType),
      field(TEXT, DataTypes.StringType),
      field(LABELS, LABELS_TYPE),
      field(SCORES, SCORES_TYPE),
      field(EVIDENCE, DataTypes.createArrayType(EVIDENCE_TYPE)),
      field(SUPPRESSED, DataTypes.createArrayType(EVIDENCE_TYPE)),
      field(CASUALTIES, DataTypes.createArrayType(CASUALTY_TYPE)),
      field(ERROR, DataTypes.StringType));

  /** The names of the columns one row per document adds, in order. */
  public static final List<String> DOCUMENT_COLUMNS = List.of(ANALYSIS_TYPE.fieldNames());
  /** The names of the columns one row per sentence adds, in order. */
  public static final List<String> SENTENCE_COLUMNS = List.of(SENTENCE_TYPE.fieldNames());

  private FrameLensColumns() {}

  private static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }

  private static StructType struct(StructField... fields) {
    return DataTypes.createStructType(fields);
  }
}
