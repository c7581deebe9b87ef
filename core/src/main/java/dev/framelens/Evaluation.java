package dev.framelens;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores a detector against gold-labelled units: per-label precision, recall and F1, micro and
 * macro F1, the exact-match rate, and every unit the detector got wrong with the evidence it
 * used, so that a lexicon author sees why. Immutable and thread-safe. Reading gold files is the
 * caller's business (core has no JSON parser): the {@code framelens evaluate} command and the
 * {@code framelens-junit} test kit read the codebook's JSONL format.
 *
 * <pre>{@code
 * List<Evaluation.Unit> units = List.of(
 *     new Evaluation.Unit("u1", "The rebels claimed victory.", Set.of(Frame.VICTORY)),
 *     new Evaluation.Unit("u2", "The talks resumed on Monday.", Set.of()));
 * Evaluation e = Evaluation.run("my units", FrameDetector.withDefaultLexicon(), units);
 * e.macroF1();                          // 0.0 .. 1.0
 * e.labels().get(Frame.VICTORY).f1();   // one label
 * System.out.println(e.report(true));   // the table, then each wrong unit's sentences with
 *                                       // evidence, with their offsets, and the evidence
 * }</pre>
 */
public final class Evaluation {
  /**
   * A gold-labelled unit: a sentence or short passage and its frames.
   *
   * @param id the unit's id, for reports
   * @param text the text to analyse
   * @param gold the frames a person gave it, possibly none
   */
  public record Unit(String id, String text, Set<Frame> gold) {
    /**
     * Checks the fields and copies the frames.
     *
     * @param id the unit's id, for reports
     * @param text the text to analyse
     * @param gold the frames a person gave it, possibly none; copied
     * @throws NullPointerException if an argument or one of the frames is null
     */
    public Unit {
      requireNonNull(id, "id");
      requireNonNull(text, "text");
      gold = gold.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(gold));
    }
  }

  /**
   * Counts for one label. A label with no gold unit and no prediction ({@code tp = fp = fn =
   * 0}) is <em>undefined</em>: its precision, recall and F1 are 0/0, so they are {@code NaN},
   * and it is left out of {@link #macroF1()}, as the standard tools do (scikit-learn's
   * {@code zero_division}). A defined label's precision or recall that divides by zero is 0.
   *
   * @param frame the label
   * @param truePositives units that have it in the gold and in the prediction
   * @param falsePositives units predicted with it that do not have it in the gold
   * @param falseNegatives units that have it in the gold but were predicted without it
   */
  public record LabelScore(Frame frame, int truePositives, int falsePositives,
      int falseNegatives) {
    /**
     * Whether the label's scores are defined: it has a gold unit or a prediction.
     *
     * @return false when no unit has the label in the gold or in the prediction
     */
    public boolean defined() {
      return truePositives + falsePositives + falseNegatives > 0;
    }

    /**
     * Precision; 0 when nothing was predicted but something was missed, {@code NaN} when the
     * label is {@linkplain #defined() undefined}.
     *
     * @return the share of predictions that were right
     */
    public double precision() {
      int predicted = truePositives + falsePositives;
      return !defined() ? Double.NaN : predicted == 0 ? 0 : (double) truePositives / predicted;
    }

    /**
     * Recall; 0 when the gold has no such unit but some were predicted, {@code NaN} when the
     * label is {@linkplain #defined() undefined}.
     *
     * @return the share of gold units found
     */
    public double recall() {
      int actual = truePositives + falseNegatives;
      return !defined() ? Double.NaN : actual == 0 ? 0 : (double) truePositives / actual;
    }

    /**
     * F1, the harmonic mean of precision and recall.
     *
     * @return F1 in [0, 1], or {@code NaN} when the label is {@linkplain #defined() undefined}
     */
    public double f1() {
      if (!defined()) {
        return Double.NaN;
      }
      return 2.0 * truePositives / (2.0 * truePositives + falsePositives + falseNegatives);
    }
  }

  /**
   * A unit whose predicted labels differ from its gold labels.
   *
   * @param unit the unit
   * @param predicted the labels the detector gave
   * @param falsePositives labels predicted but not in the gold
   * @param falseNegatives gold labels not predicted
   * @param evidence the evidence the detector kept
   * @param suppressed the evidence a modifier or block cancelled
   * @param sentences where to look, in text order: the sentences that hold evidence, kept or
   *     suppressed; when none does, every sentence of a unit of at most three
   *     (one of them was expected to carry the missed label), else none
   */
  public record Error(Unit unit, Set<Frame> predicted, Set<Frame> falsePositives,
      Set<Frame> falseNegatives, List<Evidence> evidence, List<Evidence> suppressed,
      List<FrameAnalysis.Sentence> sentences) {
    /**
     * Checks the fields and copies the collections, so that an evaluation stays immutable.
     *
     * @param unit the unit
     * @param predicted the labels the detector gave
     * @param falsePositives labels predicted but not in the gold
     * @param falseNegatives gold labels not predicted
     * @param evidence the evidence the detector kept
     * @param suppressed the evidence a modifier or block cancelled
     * @param sentences the sentences a report shows
     * @throws NullPointerException if any argument is null
     */
    public Error {
      requireNonNull(unit, "unit");
      predicted = frames(predicted);
      falsePositives = frames(falsePositives);
      falseNegatives = frames(falseNegatives);
      evidence = List.copyOf(evidence);
      suppressed = List.copyOf(suppressed);
      sentences = List.copyOf(sentences);
    }
  }

  /**
   * The most sentences a unit without evidence may have for {@link Error#sentences()} to list
   * them all: a short passage, not a document.
   */
  private static final int PASSAGE_SENTENCES = 3;

  /** The sentences of {@code analysis} that hold evidence, as {@link Error#sentences()} says. */
  private static List<FrameAnalysis.Sentence> sentencesToShow(FrameAnalysis analysis) {
    List<FrameAnalysis.Sentence> all = analysis.sentences();
    List<FrameAnalysis.Sentence> shown = new ArrayList<>();
    List<Evidence> spans = new ArrayList<>(analysis.evidence());
    spans.addAll(analysis.suppressed());
    for (FrameAnalysis.Sentence sentence : all) {
      if (spans.stream().anyMatch(e -> e.start() < sentence.end() && e.end() > sentence.start())) {
        shown.add(sentence);
      }
    }
    if (shown.isEmpty() && all.size() <= PASSAGE_SENTENCES) {
      return List.copyOf(all);
    }
    return shown;
  }

  private static Set<Frame> frames(Set<Frame> frames) {
    return frames.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(frames));
  }

  private final String name;
  private final int units;
  private final int exactMatches;
  private final Map<Frame, LabelScore> labels;
  private final List<Error> errors;

  private Evaluation(String name, int units, int exactMatches, Map<Frame, LabelScore> labels,
      List<Error> errors) {
    this.name = name;
    this.units = units;
    this.exactMatches = exactMatches;
    this.labels = labels;
    this.errors = errors;
  }

  /**
   * Runs {@code detector} over {@code units} and scores it.
   *
   * @param name a name for the report, such as the gold file's
   * @param detector the detector to score
   * @param units the gold units, at least one
   * @return the scores
   * @throws IllegalArgumentException if {@code units} is empty: there is nothing to score (an
   *     empty gold file is a mistake, and must not pass a floor)
   */
  public static Evaluation run(String name, FrameDetector detector, List<Unit> units) {
    if (units.isEmpty()) {
      throw new IllegalArgumentException(name + ": no units to score");
    }
    int[] tp = new int[Frame.values().length];
    int[] fp = new int[tp.length];
    int[] fn = new int[tp.length];
    int exact = 0;
    List<Error> errors = new ArrayList<>();
    for (Unit unit : units) {
      FrameAnalysis analysis = detector.analyze(unit.text());
      Set<Frame> predicted = analysis.labels();
      Set<Frame> falsePositives = EnumSet.noneOf(Frame.class);
      Set<Frame> falseNegatives = EnumSet.noneOf(Frame.class);
      for (Frame f : Frame.values()) {
        boolean p = predicted.contains(f);
        boolean g = unit.gold().contains(f);
        if (p && g) {
          tp[f.ordinal()]++;
        } else if (p) {
          fp[f.ordinal()]++;
          falsePositives.add(f);
        } else if (g) {
          fn[f.ordinal()]++;
          falseNegatives.add(f);
        }
      }
      if (falsePositives.isEmpty() && falseNegatives.isEmpty()) {
        exact++;
      } else {
        errors.add(new Error(unit, predicted, falsePositives, falseNegatives,
            analysis.evidence(), analysis.suppressed(), sentencesToShow(analysis)));
      }
    }
    Map<Frame, LabelScore> scores = new EnumMap<>(Frame.class);
    for (Frame f : Frame.values()) {
      scores.put(f, new LabelScore(f, tp[f.ordinal()], fp[f.ordinal()], fn[f.ordinal()]));
    }
    return new Evaluation(name, units.size(), exact, Collections.unmodifiableMap(scores),
        List.copyOf(errors));
  }

  /**
   * The name given to {@link #run}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * How many units were scored.
   *
   * @return the number of units
   */
  public int units() {
    return units;
  }

  /**
   * Each label's counts and scores, in {@link Frame} order.
   *
   * @return the scores by label
   */
  public Map<Frame, LabelScore> labels() {
    return labels;
  }

  /**
   * The units whose labels were not exactly right, in input order.
   *
   * @return the wrong units
   */
  public List<Error> errors() {
    return errors;
  }

  /**
   * The mean of the F1 scores of the {@linkplain LabelScore#defined() defined} labels; an
   * undefined label is left out.
   *
   * @return macro-F1 in [0, 1], or {@code NaN} when no label is defined (no unit has a label in
   *     the gold or in the prediction)
   */
  public double macroF1() {
    return labels.values().stream().filter(LabelScore::defined).mapToDouble(LabelScore::f1)
        .average().orElse(Double.NaN);
  }

  /**
   * F1 over all label decisions pooled.
   *
   * @return micro-F1 in [0, 1], or {@code NaN} when no unit has a label in the gold or in the
   *     prediction
   */
  public double microF1() {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (LabelScore s : labels.values()) {
      tp += s.truePositives();
      fp += s.falsePositives();
      fn += s.falseNegatives();
    }
    return tp + fp + fn == 0 ? Double.NaN : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  /**
   * The share of units whose labels were all right.
   *
   * @return the exact-match rate in [0, 1]
   */
  public double exactMatchRate() {
    return (double) exactMatches / units;
  }

  /**
   * The lowest F1 of the {@linkplain LabelScore#defined() defined} labels.
   *
   * @return the worst defined label's F1, or {@code NaN} when no label is defined
   */
  public double minLabelF1() {
    return labels.values().stream().filter(LabelScore::defined).mapToDouble(LabelScore::f1)
        .min().orElse(Double.NaN);
  }

  /**
   * The score table, and the errors with their evidence when {@code withErrors}.
   *
   * @param withErrors whether to list the wrong units after the table
   * @return the report, several lines
   */
  public String report(boolean withErrors) {
    return report(withErrors ? Integer.MAX_VALUE : 0);
  }

  /**
   * The score table, then the first {@code errorsShown} wrong units with their evidence, and
   * how many more there are.
   *
   * @param errorsShown how many wrong units to list, 0 for none
   * @return the report, several lines
   * @throws IllegalArgumentException if {@code errorsShown} is negative
   */
  public String report(int errorsShown) {
    if (errorsShown < 0) {
      throw new IllegalArgumentException("errorsShown is negative: " + errorsShown);
    }
    StringBuilder s = new StringBuilder();
    s.append(name).append(": ").append(units).append(" units\n");
    s.append(String.format(Locale.ROOT, "  %-18s %9s %9s %9s %5s %5s %5s%n", "label",
        "precision", "recall", "F1", "tp", "fp", "fn"));
    List<String> undefined = new ArrayList<>();
    for (LabelScore l : labels.values()) {
      s.append(String.format(Locale.ROOT, "  %-18s %9s %9s %9s %5d %5d %5d%n",
          l.frame().id(), score(l.precision(), "-"), score(l.recall(), "-"),
          score(l.f1(), "undefined"), l.truePositives(), l.falsePositives(),
          l.falseNegatives()));
      if (!l.defined()) {
        undefined.add(l.frame().id());
      }
    }
    s.append(String.format(Locale.ROOT, "  macro-F1 %s   micro-F1 %s   exact match %.3f%n",
        score(macroF1(), "undefined"), score(microF1(), "undefined"), exactMatchRate()));
    if (!undefined.isEmpty()) {
      s.append("  undefined: ").append(String.join(", ", undefined))
          .append(" (no gold unit and no prediction; left out of macro-F1)\n");
    }
    for (Error e : errors.subList(0, Math.min(errorsShown, errors.size()))) {
      s.append("\n  ").append(e.unit().id()).append("  gold ").append(e.unit().gold())
          .append("  predicted ").append(e.predicted());
      if (!e.falsePositives().isEmpty()) {
        s.append("  FP ").append(e.falsePositives());
      }
      if (!e.falseNegatives().isEmpty()) {
        s.append("  FN ").append(e.falseNegatives());
      }
      if (e.sentences().isEmpty()) {
        s.append("\n    (no sentence has evidence; the text, ").append(e.unit().text().length())
            .append(" chars, is not shown)");
      }
      for (FrameAnalysis.Sentence sentence : e.sentences()) {
        s.append("\n    [").append(sentence.start()).append(',').append(sentence.end())
            .append(") ").append(sentence.text());
        for (Evidence ev : e.evidence()) {
          if (within(ev, sentence)) {
            s.append("\n      + ").append(ev);
          }
        }
        for (Evidence ev : e.suppressed()) {
          if (within(ev, sentence)) {
            s.append("\n      - ").append(ev);
          }
        }
      }
      s.append('\n');
    }
    if (errors.size() > errorsShown && errorsShown > 0) {
      s.append("\n  ... and ").append(errors.size() - errorsShown).append(" more wrong units\n");
    }
    return s.toString();
  }

  /** Whether {@code e} starts in {@code sentence} (where the report lists it). */
  private static boolean within(Evidence e, FrameAnalysis.Sentence sentence) {
    return e.start() >= sentence.start() && e.start() < sentence.end();
  }

  /** A score with three decimals, or {@code undefined} for {@code NaN}. */
  private static String score(double value, String undefined) {
    return Double.isNaN(value) ? undefined : String.format(Locale.ROOT, "%.3f", value);
  }
}
