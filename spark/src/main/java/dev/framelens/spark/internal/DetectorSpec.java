package dev.framelens.spark.internal;

import static java.util.Objects.requireNonNull;

import dev.framelens.Frame;
import dev.framelens.FrameDetector;
import dev.framelens.Lexicon;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * What a detector is made of, in a form that travels from the driver to the executors inside
 * each task's closure: whether it starts from the default lexicon, the text of every added
 * lexicon file (read once, on the driver) and the thresholds. The texts travel rather than the
 * paths, so that an executor compiles exactly what the driver checked, whatever its own file
 * system holds.
 *
 * <p>Immutable. Two specs with the same {@link #fingerprint()} build the same detector, which is
 * what {@link Detectors} keys its per-JVM cache on.
 */
public final class DetectorSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One added lexicon file: the name problems are reported under, and its text. */
  public record LexiconText(String name, String text) implements Serializable {
    /**
     * Checks the components.
     *
     * @param name the file's path as the user gave it
     * @param text its contents
     */
    public LexiconText {
      requireNonNull(name, "name");
      requireNonNull(text, "text");
    }
  }

  private final boolean defaultLexicon;
  private final List<LexiconText> lexicons;
  /** Per frame ordinal; NaN for "the lexicon's own threshold". */
  private final double[] thresholds;
  private final String fingerprint;

  /**
   * A spec.
   *
   * @param defaultLexicon whether the added files go on top of the default English lexicon
   * @param lexicons the added files, applied in this order
   * @param thresholds one per {@link Frame} ordinal, NaN for the lexicon's own
   */
  public DetectorSpec(boolean defaultLexicon, List<LexiconText> lexicons, double[] thresholds) {
    this.defaultLexicon = defaultLexicon;
    this.lexicons = List.copyOf(lexicons);
    this.thresholds = thresholds.clone();
    this.fingerprint = fingerprintOf(defaultLexicon, this.lexicons, this.thresholds);
  }

  /** A digest of everything the detector is built from. */
  public String fingerprint() {
    return fingerprint;
  }

  /** The added lexicon files' names, in order. */
  public List<String> lexiconNames() {
    return lexicons.stream().map(LexiconText::name).toList();
  }

  /** Whether the detector starts from the default English lexicon. */
  public boolean defaultLexicon() {
    return defaultLexicon;
  }

  /** The threshold set for {@code frame}, or NaN for the lexicon's own. */
  public double threshold(Frame frame) {
    return thresholds[frame.ordinal()];
  }

  /**
   * Compiles the detector. Slow (the lexicon's automaton is built): callers go through
   * {@link Detectors#get}, which does it once per JVM.
   *
   * @throws dev.framelens.LexiconException with the lexicon's own message, naming the file,
   *     line and column of each problem
   */
  public FrameDetector build() {
    Lexicon lexicon = null;
    if (defaultLexicon) {
      lexicon = Lexicon.defaultEnglish();
    }
    for (LexiconText file : lexicons) {
      lexicon = lexicon == null ? Lexicon.parse(file.name(), file.text())
          : lexicon.extend(file.name(), file.text());
    }
    FrameDetector.Builder builder = FrameDetector.builder();
    if (lexicon != null) {
      builder.lexicon(lexicon);
    }
    for (Frame frame : Frame.values()) {
      double threshold = thresholds[frame.ordinal()];
      if (!Double.isNaN(threshold)) {
        builder.threshold(frame, threshold);
      }
    }
    return builder.build();
  }

  private static String fingerprintOf(boolean defaultLexicon, List<LexiconText> lexicons,
      double[] thresholds) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((byte) (defaultLexicon ? 1 : 0));
      for (LexiconText file : lexicons) {
        // Lengths first, so that no two different lists of (name, text) give the same bytes.
        byte[] name = file.name().getBytes(StandardCharsets.UTF_8);
        byte[] text = file.text().getBytes(StandardCharsets.UTF_8);
        digest.update((name.length + ":" + text.length + ":").getBytes(StandardCharsets.UTF_8));
        digest.update(name);
        digest.update(text);
      }
      digest.update(Arrays.toString(thresholds).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java 17 runtime has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DetectorSpec spec && spec.fingerprint.equals(fingerprint);
  }

  @Override
  public int hashCode() {
    return fingerprint.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(defaultLexicon ? "default lexicon" : "no default lexicon");
    for (LexiconText file : lexicons) {
      s.append(" + ").append(file.name());
    }
    for (Frame frame : Frame.values()) {
      if (!Double.isNaN(thresholds[frame.ordinal()])) {
        s.append(", ").append(frame.id()).append(" >= ").append(thresholds[frame.ordinal()]);
      }
    }
    return s.toString();
  }
}
