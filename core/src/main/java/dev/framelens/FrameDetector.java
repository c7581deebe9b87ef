package dev.framelens;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.framelens.internal.engine.Engine;
import dev.framelens.internal.lexicon.CompiledLexicon;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a document and says which narrative frames it uses, with the evidence for each. The
 * detector is immutable and safe to share across threads: build one and call {@link #analyze}
 * from as many threads as you like.
 *
 * <pre>{@code
 * FrameDetector detector = FrameDetector.withDefaultLexicon();
 * FrameAnalysis a = detector.analyze(
 *     "The army failed to dislodge the militia, which claimed victory on Sunday.");
 * a.labels();                         // [victory, survival-as-win]
 * a.evidence().forEach(System.out::println);
 *
 * FrameDetector strict = FrameDetector.builder()
 *     .addLexicon(Path.of("my-rules.fl"))        // on top of the default lexicon
 *     .threshold(Frame.DEFEAT, 0.7)
 *     .build();
 * }</pre>
 */
public final class FrameDetector {
  private static volatile FrameDetector defaultDetector;

  private final Lexicon lexicon;
  private final Engine engine;
  private final double[] thresholds;

  private FrameDetector(Lexicon lexicon, double[] thresholds) {
    this.lexicon = lexicon;
    this.engine = new Engine(lexicon.compiled());
    this.thresholds = thresholds;
  }

  /**
   * A detector over the default English lexicon with its thresholds.
   *
   * @return the default detector, built on the first call and shared by all callers
   * @throws IllegalStateException if the {@code framelens-lexicons} artifact is not on the
   *     class path
   */
  public static FrameDetector withDefaultLexicon() {
    FrameDetector detector = defaultDetector;
    if (detector == null) {
      synchronized (FrameDetector.class) {
        detector = defaultDetector;
        if (detector == null) {
          detector = builder().build();
          defaultDetector = detector;
        }
      }
    }
    return detector;
  }

  /**
   * A builder, starting from the default English lexicon.
   *
   * @return a new builder; the default lexicon is only loaded when {@link Builder#build()} runs
   *     without a {@link Builder#lexicon(Lexicon) lexicon}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Analyses a document. Empty or blank text gives an empty analysis; any other string,
   * whatever its characters, is analysed without an exception.
   *
   * @param text the document
   * @return the frames, scores, evidence, sentences and casualty figures of {@code text}
   * @throws NullPointerException if {@code text} is null
   */
  public FrameAnalysis analyze(String text) {
    requireNonNull(text, "text");
    return new FrameAnalysis(engine.analyze(text), thresholds);
  }

  /**
   * Runs every {@code example:} and {@code counter:} line of this detector's lexicon and
   * returns one problem for each line that fails, as {@code framelens lint} reports them. The
   * sentence is analysed by the whole lexicon, so other rules, blocks and modifiers take part:
   *
   * <ul>
   *   <li>a rule passes an example when some kept evidence of it supports the frame it matched
   *       (not negated or turned into another frame; contested or weakened is fine);
   *   <li>a block passes an example when it cancels a match (suppressed evidence names it as
   *       its cause);
   *   <li>a modifier passes an example when it acted on some evidence, kept or suppressed;
   *   <li>a counter-example passes when that does not happen (a rule may still match there,
   *       and be cancelled or turned: "failed to achieve its goals" is no victory).
   * </ul>
   *
   * @return the failing lines in lexicon order, each with the file, the line and column of
   *     its sentence, a message naming the entry and the labels the sentence got, and the
   *     sentence as the offending text; empty when every line passes
   */
  public List<LexiconException.Problem> checkExamples() {
    List<LexiconException.Problem> problems = new ArrayList<>();
    for (CompiledLexicon.PatternInfo p : lexicon.compiled().patterns) {
      String kind = switch (p.kind) {
        case RULE -> "rule";
        case BLOCK -> "block";
        case MODIFIER -> "modifier";
        default -> null;
      };
      if (kind == null) {
        continue;
      }
      for (CompiledLexicon.ExampleLine line : p.examples) {
        FrameAnalysis a = analyze(line.text());
        String actedOn = actedOn(p, kind, a);
        if (line.counter() == (actedOn == null)) {
          continue;
        }
        String why = line.counter() ? actedOn : switch (kind) {
          case "rule" -> "no kept evidence of it";
          case "block" -> "it cancels no match";
          default -> "it acts on no match";
        };
        StringBuilder labels = new StringBuilder();
        a.labels().forEach(f -> labels.append(labels.length() == 0 ? "" : ", ").append(f.id()));
        problems.add(new LexiconException.Problem(line.source(), line.line(), line.column(),
            (line.counter() ? "counter-example of " : "example of ") + kind + " " + p.name
                + " fails: " + why + " (labels: " + (labels.length() == 0 ? "none" : labels)
                + ")", line.text(), line.lineText()));
      }
    }
    return List.copyOf(problems);
  }

  /** How entry {@code p} acted in {@code a}, as a counter-example's failure says it, or null. */
  private static String actedOn(CompiledLexicon.PatternInfo p, String kind, FrameAnalysis a) {
    switch (kind) {
      case "rule":
        for (Evidence e : a.evidence()) {
          if (e.ruleId().equals(p.name) && e.frame() == e.matchedFrame()) {
            return "it gives kept evidence for " + e.frame().id();
          }
        }
        return null;
      case "block":
        for (Evidence e : a.suppressed()) {
          if (!e.modifiers().isEmpty()
              && e.modifiers().get(e.modifiers().size() - 1).ruleId().equals(p.name)) {
            return "it cancels a match";
          }
        }
        return null;
      default:
        for (List<Evidence> list : List.of(a.evidence(), a.suppressed())) {
          for (Evidence e : list) {
            if (e.modifiers().stream().anyMatch(m -> m.ruleId().equals(p.name))) {
              return "it acts on a match";
            }
          }
        }
        return null;
    }
  }

  /**
   * The lexicon this detector runs.
   *
   * @return the lexicon, including the files added with {@link Builder#addLexicon(Path)}
   */
  public Lexicon lexicon() {
    return lexicon;
  }

  /**
   * The score at or above which {@code frame} becomes a label.
   *
   * @param frame the frame
   * @return the threshold set on the builder, else the lexicon's, in {@code (0, 1]}
   * @throws NullPointerException if {@code frame} is null
   */
  public double threshold(Frame frame) {
    return thresholds[requireNonNull(frame, "frame").ordinal()];
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("FrameDetector[").append(lexicon.name()).append(' ')
        .append(lexicon.version()).append(", thresholds {");
    for (Frame f : Frame.values()) {
      s.append(f.ordinal() == 0 ? "" : ", ").append(f.id()).append('=')
          .append(String.format(Locale.ROOT, "%.2f", thresholds[f.ordinal()]));
    }
    return s.append("}]").toString();
  }

  /**
   * Configures a {@link FrameDetector}: its lexicon, files added on top of it, and thresholds.
   * Not thread-safe; the detector it builds is.
   */
  public static final class Builder {
    private Lexicon lexicon;
    private final List<Path> extraFiles = new ArrayList<>();
    private final Double[] thresholds = new Double[Frame.values().length];

    private Builder() {}

    /**
     * Uses {@code lexicon} instead of the default English one.
     *
     * @param lexicon the lexicon to run; a later call replaces it
     * @return this builder
     * @throws NullPointerException if {@code lexicon} is null
     */
    public Builder lexicon(Lexicon lexicon) {
      this.lexicon = requireNonNull(lexicon, "lexicon");
      return this;
    }

    /**
     * Adds the rules of a lexicon file on top of the lexicon (the default one unless
     * {@link #lexicon} says otherwise). Read when {@link #build()} runs.
     *
     * @param file a lexicon file; files added on several calls apply in call order
     * @return this builder
     * @throws NullPointerException if {@code file} is null
     */
    public Builder addLexicon(Path file) {
      extraFiles.add(requireNonNull(file, "file"));
      return this;
    }

    /**
     * Sets the score at or above which {@code frame} becomes a label, instead of the
     * lexicon's.
     *
     * @param frame the frame
     * @param threshold the score at or above which {@code frame} becomes a label, in
     *     {@code (0, 1]}
     * @return this builder
     * @throws NullPointerException if {@code frame} is null
     * @throws IllegalArgumentException unless {@code 0 < threshold <= 1}
     */
    public Builder threshold(Frame frame, double threshold) {
      requireNonNull(frame, "frame");
      checkArgument(threshold > 0 && threshold <= 1,
          "threshold for %s must be in (0, 1]: %s", frame, threshold);
      thresholds[frame.ordinal()] = threshold;
      return this;
    }

    /**
     * Compiles the detector.
     *
     * @return a new detector; the builder can go on to build others
     * @throws IllegalStateException if no lexicon was given and the default one is absent
     * @throws java.io.UncheckedIOException if an added file cannot be read
     * @throws LexiconException listing every problem of a malformed added file
     */
    public FrameDetector build() {
      Lexicon base = lexicon != null ? lexicon : Lexicon.defaultEnglish();
      for (Path file : extraFiles) {
        base = base.extend(file);
      }
      double[] resolved = new double[thresholds.length];
      for (Frame f : Frame.values()) {
        Double given = thresholds[f.ordinal()];
        resolved[f.ordinal()] = given != null ? given : base.threshold(f);
      }
      return new FrameDetector(base, Arrays.copyOf(resolved, resolved.length));
    }
  }
}
