package dev.framelens.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a colour looks like to a reader with a colour-vision deficiency, and how far apart two
 * colours look: enough to check that the page's palette does not rely on a pair that merges.
 *
 * <p>Dichromacy is simulated with the matrices of Machado, Oliveira and Fernandes, "A
 * Physiologically-based Model for Simulation of Color Vision Deficiency" (IEEE TVCG 2009), at
 * severity 1.0, applied to linear sRGB; distance is CIE76 ΔE in CIELAB (D65).
 */
final class ColourVision {
  /** The Okabe–Ito palette, as published (black left out): name to {@code #RRGGBB}. */
  static final Map<String, String> OKABE_ITO = Map.of(
      "orange", "#E69F00", "sky blue", "#56B4E9", "bluish green", "#009E73",
      "yellow", "#F0E442", "blue", "#0072B2", "vermillion", "#D55E00",
      "reddish purple", "#CC79A7");

  /** A kind of colour vision, with the matrix that simulates it. */
  enum Vision {
    NORMAL(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}),
    PROTANOPIA(new double[][] {{0.152286, 1.052583, -0.204868},
        {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}),
    DEUTERANOPIA(new double[][] {{0.367322, 0.860646, -0.227968},
        {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}),
    TRITANOPIA(new double[][] {{1.255528, -0.076749, -0.178779},
        {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}});

    private final double[][] matrix;

    Vision(double[][] matrix) {
      this.matrix = matrix;
    }

    /** {@code hex} as this vision sees it, in CIELAB. */
    double[] lab(String hex) {
      double[] linear = linear(rgb(hex));
      double[] seen = new double[3];
      for (int i = 0; i < 3; i++) {
        double v = 0;
        for (int j = 0; j < 3; j++) {
          v += matrix[i][j] * linear[j];
        }
        seen[i] = Math.max(0, Math.min(1, v));
      }
      return ColourVision.lab(seen);
    }
  }

  private ColourVision() {}

  /** CIE76 ΔE between {@code a} and {@code b} as {@code vision} sees them. */
  static double distance(Vision vision, String a, String b) {
    double[] x = vision.lab(a);
    double[] y = vision.lab(b);
    return Math.sqrt(sq(x[0] - y[0]) + sq(x[1] - y[1]) + sq(x[2] - y[2]));
  }

  /** The channels of {@code #rrggbb} or {@code #rgb}, 0 to 255. */
  static int[] rgb(String hex) {
    String h = hex.substring(1);
    if (h.length() == 3) {
      h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
    }
    int v = Integer.parseInt(h, 16);
    return new int[] {v >> 16 & 0xFF, v >> 8 & 0xFF, v & 0xFF};
  }

  /** {@code hex} mixed with white: {@code share} of it, the rest white, as {@code #rrggbb}. */
  static String mixWithWhite(String hex, double share) {
    StringBuilder s = new StringBuilder("#");
    for (int c : rgb(hex)) {
      s.append(String.format(Locale.ROOT, "%02x", Math.round(255 * (1 - share) + c * share)));
    }
    return s.toString();
  }

  /** The pairs of {@code colours}, each once. */
  static List<List<String>> pairs(List<String> colours) {
    List<List<String>> pairs = new ArrayList<>();
    for (int i = 0; i < colours.size(); i++) {
      for (int j = i + 1; j < colours.size(); j++) {
        pairs.add(List.of(colours.get(i), colours.get(j)));
      }
    }
    return pairs;
  }

  private static double[] linear(int[] rgb) {
    double[] linear = new double[3];
    for (int i = 0; i < 3; i++) {
      double c = rgb[i] / 255.0;
      linear[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
    return linear;
  }

  private static double[] lab(double[] linear) {
    double x = (0.4124 * linear[0] + 0.3576 * linear[1] + 0.1805 * linear[2]) / 0.95047;
    double y = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    double z = (0.0193 * linear[0] + 0.1192 * linear[1] + 0.9505 * linear[2]) / 1.08883;
    double fx = f(x);
    double fy = f(y);
    double fz = f(z);
    return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
  }

  private static double f(double t) {
    return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
  }

  private static double sq(double v) {
    return v * v;
  }
}
