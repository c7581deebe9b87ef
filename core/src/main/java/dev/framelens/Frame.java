package dev.framelens;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The narrative frames FrameLens detects. Each constant carries the codebook id used in gold
 * files, lexicons and JSON output.
 *
 * <pre>{@code
 * Frame f = Frame.fromId("survival-as-win");   // Frame.SURVIVAL_AS_WIN
 * f.id();                                       // "survival-as-win"
 * }</pre>
 */
public enum Frame {
  /** An actor is framed as winning, having won or having achieved its goals in the contest. */
  VICTORY("victory"),
  /** An actor is framed as losing, defeated, failing its goals or suffering setbacks. */
  DEFEAT("defeat"),
  /** Survival, endurance or not being destroyed is presented as success. */
  SURVIVAL_AS_WIN("survival-as-win"),
  /** The human cost of the conflict is put in the foreground: tolls, massacres, displacement. */
  CASUALTY_EMPHASIS("casualty-emphasis");

  private static final Frame[] VALUES = values();
  private final String id;

  Frame(String id) {
    this.id = id;
  }

  /**
   * The codebook id, for example {@code "casualty-emphasis"}.
   *
   * @return the id used in gold files, lexicons and JSON output
   */
  public String id() {
    return id;
  }

  /**
   * The frame with the given codebook id.
   *
   * @param id a codebook id such as {@code "survival-as-win"}; case matters
   * @return the frame whose {@link #id()} equals {@code id}
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if no frame has that id; the message lists the valid ids
   */
  public static Frame fromId(String id) {
    if (id == null) {
      throw new NullPointerException("id");
    }
    for (Frame frame : VALUES) {
      if (frame.id.equals(id)) {
        return frame;
      }
    }
    throw new IllegalArgumentException(
        "unknown frame id '" + id + "' (expected one of " + validIds() + ")");
  }

  /** The valid ids, comma separated, for messages. */
  static String validIds() {
    return Arrays.stream(VALUES).map(Frame::id).collect(Collectors.joining(", "));
  }

  /** The codebook id, so that a set of frames prints as {@code [victory, defeat]}. */
  @Override
  public String toString() {
    return id;
  }
}
