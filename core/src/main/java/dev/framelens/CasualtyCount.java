package dev.framelens;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A casualty figure stated in the text, as data: a low, best and high estimate (in the manner of
 * the UCDP event data), the qualifier the text put on it, the kind of harm counted and who was
 * counted when the text names them.
 *
 * <pre>{@code
 * FrameAnalysis a = FrameDetector.withDefaultLexicon()
 *     .analyze("At least 46,000 people were killed, including 12,000 children.");
 * CasualtyCount c = a.casualtyCounts().get(0);
 * c.low();        // OptionalLong[46000]
 * c.qualifier();  // AT_LEAST
 * c.kind();       // KILLED
 * c.who();        // Optional[people]
 * a.casualtyCounts().get(1).subsetOf();   // OptionalInt[0]: the children are among the 46,000
 * }</pre>
 *
 * <p>Vague quantities get a range: "hundreds" is 200 to 999, "tens of thousands" is 20,000 to
 * 99,999, with no best estimate. Counts of troops, weapons, money or years are not casualty
 * figures: a figure is only reported where a casualty rule of the lexicon matched it.
 *
 * @param low lower bound, when the text gives one
 * @param best best estimate, when the text gives one
 * @param high upper bound, when the text gives one
 * @param qualifier how the text qualified the number
 * @param kind the kind of harm counted
 * @param who the people counted when named (a category of the lexicon such as {@code civilians}
 *     or {@code children}), else empty
 * @param start char offset of the figure's first char in the analysed text (including its
 *     qualifier)
 * @param end char offset one past the figure's last char
 * @param text the figure as written, equal to the source substring
 * @param sentenceIndex index of its sentence in {@link FrameAnalysis#sentences()}
 * @param subsetOf index in {@link FrameAnalysis#casualtyCounts()} of the figure this one is part
 *     of ("41,200 killed, including 16,700 children"), else empty
 * @param ruleId the lexicon rule that identified the figure
 */
public record CasualtyCount(
    OptionalLong low,
    OptionalLong best,
    OptionalLong high,
    Qualifier qualifier,
    Kind kind,
    Optional<String> who,
    int start,
    int end,
    String text,
    int sentenceIndex,
    OptionalInt subsetOf,
    String ruleId) {

  /** How the text qualifies a number. */
  public enum Qualifier {
    /** A plain number: low, best and high are equal. */
    EXACT,
    /** "at least N": low and best are N, no high. */
    AT_LEAST,
    /** "more than N", "over N": low is N; no best (the count is not N) and no high. */
    MORE_THAN,
    /** "up to N", "as many as N": best and high are N, no low. */
    AT_MOST,
    /** "about N", "some N", "an estimated N": best is N. */
    ABOUT,
    /** "nearly N", "almost N": best and high are N. */
    NEARLY,
    /** "400 to 500", "between 70,000 and 80,000": low and high. */
    RANGE,
    /** "hundreds", "tens of thousands": low and high from the order of magnitude. */
    VAGUE;

    /**
     * The id used in lexicon files and JSON output, such as {@code at-least}.
     *
     * @return the constant's name in lower case, with {@code -} for {@code _}
     */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The qualifier with the given id.
     *
     * @param id an id as {@link #id()} gives it, such as {@code more-than}
     * @return the qualifier whose {@link #id()} equals {@code id}
     * @throws NullPointerException if {@code id} is null
     * @throws IllegalArgumentException for an unknown id
     */
    public static Qualifier fromId(String id) {
      requireNonNull(id, "id");
      for (Qualifier q : values()) {
        if (q.id().equals(id)) {
          return q;
        }
      }
      throw new IllegalArgumentException("unknown qualifier '" + id + "'");
    }

    @Override
    public String toString() {
      return id();
    }
  }

  /**
   * The kind of harm a figure counts: the {@code kind} of the lexicon rule that matched it. A
   * figure found only as part of another ("including 12,000 children") takes that figure's kind.
   * The descriptions say what the default English lexicon counts under each.
   */
  public enum Kind {
    /** People killed: deaths, fatalities, a death toll, lives lost. */
    KILLED,
    /** People wounded, injured or maimed. */
    WOUNDED,
    /**
     * People killed or wounded, counted together: "300 killed or wounded", "dead and wounded",
     * a number of casualties. Its id is {@code killed-or-wounded}.
     */
    KILLED_OR_WOUNDED,
    /** People displaced: who fled or were driven out, expelled or evacuated; refugees. */
    DISPLACED,
    /** People left homeless or without shelter. */
    HOMELESS,
    /** People taken or held hostage, kidnapped or abducted. */
    HOSTAGE,
    /** People detained, arrested, imprisoned or jailed. */
    DETAINED,
    /** People missing, disappeared or unaccounted for. */
    MISSING,
    /** People starving, malnourished or in famine. */
    STARVED;

    /**
     * The id used in lexicon files and JSON output, such as {@code killed} or {@code
     * killed-or-wounded}.
     *
     * @return the constant's name in lower case, with {@code -} for {@code _}
     */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The kind with the given id.
     *
     * @param id an id as {@link #id()} gives it, such as {@code displaced}
     * @return the kind whose {@link #id()} equals {@code id}
     * @throws NullPointerException if {@code id} is null
     * @throws IllegalArgumentException for an unknown id
     */
    public static Kind fromId(String id) {
      requireNonNull(id, "id");
      for (Kind k : values()) {
        if (k.id().equals(id)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown casualty kind '" + id + "'");
    }

    @Override
    public String toString() {
      return id();
    }
  }

  /**
   * Validates the span and that low &lt;= best &lt;= high where present.
   *
   * @param low lower bound, when the text gives one
   * @param best best estimate, when the text gives one
   * @param high upper bound, when the text gives one
   * @param qualifier how the text qualified the number
   * @param kind the kind of harm counted
   * @param who the category of the people counted, when the text names them
   * @param start char offset of the figure's first char (including its qualifier)
   * @param end char offset one past the figure's last char
   * @param text the figure as written; its length must be {@code end - start}
   * @param sentenceIndex index of its sentence in {@link FrameAnalysis#sentences()}
   * @param subsetOf index in {@link FrameAnalysis#casualtyCounts()} of the figure this one is
   *     part of, else empty
   * @param ruleId the lexicon rule that identified the figure
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if {@code [start, end)} is not a span of non-negative
   *     offsets, {@code text} is not as long as the span, or the estimates present are not
   *     ordered low &lt;= best &lt;= high
   */
  public CasualtyCount {
    requireNonNull(low, "low");
    requireNonNull(best, "best");
    requireNonNull(high, "high");
    requireNonNull(qualifier, "qualifier");
    requireNonNull(kind, "kind");
    requireNonNull(who, "who");
    requireNonNull(text, "text");
    requireNonNull(subsetOf, "subsetOf");
    requireNonNull(ruleId, "ruleId");
    checkArgument(0 <= start && start <= end, "bad span [%s, %s)", start, end);
    checkArgument(text.length() == end - start, "text length %s != span length %s",
        text.length(), end - start);
    checkArgument(low.isEmpty() || best.isEmpty() || low.getAsLong() <= best.getAsLong(),
        "low %s > best %s", low, best);
    checkArgument(best.isEmpty() || high.isEmpty() || best.getAsLong() <= high.getAsLong(),
        "best %s > high %s", best, high);
    checkArgument(low.isEmpty() || high.isEmpty() || low.getAsLong() <= high.getAsLong(),
        "low %s > high %s", low, high);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    s.append(kind).append(' ').append(qualifier).append(" \"").append(text).append("\" [")
        .append(start).append(',').append(end).append(")");
    s.append(" low=").append(low.isPresent() ? Long.toString(low.getAsLong()) : "-");
    s.append(" best=").append(best.isPresent() ? Long.toString(best.getAsLong()) : "-");
    s.append(" high=").append(high.isPresent() ? Long.toString(high.getAsLong()) : "-");
    who.ifPresent(w -> s.append(" who=").append(w));
    subsetOf.ifPresent(i -> s.append(" subsetOf=").append(i));
    return s.toString();
  }
}
