package dev.framelens.cli;

/**
 * Escaping for HTML text and attribute values. Everything FrameLens writes into a page that came
 * from a document, a lexicon or a file name goes through here, so that a document containing
 * {@code <script>} or {@code &} is shown as text and never parsed as markup.
 */
final class Html {
  private static final char REPLACEMENT = '\uFFFD';

  private Html() {}

  /** {@code s} escaped for use as element text or in a double- or single-quoted attribute. */
  static String escape(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    escape(out, s, 0, s.length(), false);
    return out.toString();
  }

  /**
   * {@code s} escaped for an attribute value; newlines and tabs become character references so
   * that a multi-line {@code title} stays on one line of the page's source.
   */
  static String attribute(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    escape(out, s, 0, s.length(), true);
    return out.toString();
  }

  /**
   * Appends {@code s[start, end)} escaped. Besides the five markup characters, control
   * characters other than tab, newline and carriage return, non-characters and unpaired
   * surrogates (which HTML cannot carry) become U+FFFD, one for one, so that the page shows
   * where they were.
   */
  static void escape(StringBuilder out, CharSequence s, int start, int end, boolean attribute) {
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        case '\r' -> out.append(attribute ? "&#13;" : "\r");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < end
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            if ((cp & 0xFFFE) == 0xFFFE) {
              out.append(REPLACEMENT);
            } else {
              out.append(c).append(s.charAt(i + 1));
            }
            i++;
          } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c)
              || (c >= 0xFDD0 && c <= 0xFDEF) || c == 0xFFFE || c == 0xFFFF) {
            out.append(REPLACEMENT);
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
