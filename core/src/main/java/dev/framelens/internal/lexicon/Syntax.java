package dev.framelens.internal.lexicon;

import dev.framelens.CasualtyCount;
import dev.framelens.Frame;
import java.util.List;
import java.util.Set;

/** The parsed form of a lexicon file, before sets and literals are resolved. */
public final class Syntax {
  private Syntax() {}

  /** One directive of a lexicon file. */
  sealed interface Statement
      permits Header, Include, Abbreviations, WordList, Threshold, ContestGate, FrameDefault,
          SetDef, WhoDef, Disable, PatternDef {
    Position at();
  }

  record Header(Position at, String name, String version) implements Statement {}

  record Include(Position at, String path) implements Statement {}

  record Abbreviations(Position at, List<String> words) implements Statement {}

  /**
   * A directive that lists words with set items: {@code speaker-words} (words that may stand
   * in a speaker's description) or {@code not-names} (words that are not names even when
   * capitalised, as a sentence's first word is: {@code CAP} does not match them).
   */
  record WordList(Position at, String directive, List<Item> items) implements Statement {}

  record Threshold(Position at, Frame frame, double value) implements Statement {}

  /**
   * {@code contest-gate paragraphs N unless @set[,@set]}: a document of at least N paragraphs
   * in which no word of the sets stands carries no frame; {@code contest-gate off} (N = 0)
   * turns an earlier gate off. The last one read holds.
   */
  record ContestGate(Position at, int paragraphs, List<SetName> sets) implements Statement {}

  /** {@code frame F [negated G|none]}: opens a block of rules and sets F's negation target. */
  record FrameDefault(Position at, Frame frame, NegatedTarget negated) implements Statement {}

  record SetDef(Position at, String name, boolean extend, List<Item> items) implements Statement {}

  record WhoDef(Position at, String category, List<Item> items) implements Statement {}

  record Disable(Position at, String id) implements Statement {}

  /** What a negation turns a frame into: nothing said, dropped, or another frame. */
  record NegatedTarget(boolean given, Frame frame) {
    static final NegatedTarget UNSPECIFIED = new NegatedTarget(false, null);
    static final NegatedTarget NONE = new NegatedTarget(true, null);

    static NegatedTarget of(Frame frame) {
      return new NegatedTarget(true, frame);
    }
  }

  public enum PatternKind {
    RULE("rule"), BLOCK("block"), MODIFIER("modifier"), BOUNDARY("boundary"),
    ATTRIBUTION("attribution"), QUALIFIER("qualifier"), SUBSET("subset");

    final String keyword;

    PatternKind(String keyword) {
      this.keyword = keyword;
    }

    public boolean takesExamples() {
      return this == RULE || this == BLOCK || this == MODIFIER;
    }
  }

  public enum Direction { BEFORE, AFTER, AROUND }

  /**
   * How far a modifier reaches: a number of tokens; the clause (ended by punctuation, boundary
   * words and quotation edges); the part (ended by boundary words only, so it spans commas);
   * the whole sentence; or the whole paragraph (a modifier of the paragraph acts after the
   * sentences' own modifiers, on every match of the paragraph still kept).
   */
  public enum Extent { TOKENS, CLAUSE, PART, SENTENCE, PARAGRAPH }

  public enum Condition {
    QUESTION("question"), QUOTED("quoted"), UNQUOTED("unquoted"), SCARE_QUOTED("scare-quoted");

    final String id;

    Condition(String id) {
      this.id = id;
    }
  }

  /**
   * Where a modifier's trigger must be relative to a match. Unless {@code outside}, a trigger on
   * the tokens a gap of the match absorbed counts too ("goals have not been achieved").
   */
  public record Scope(Direction direction, Extent extent, int tokens, boolean outside) {}

  /**
   * What a modifier does to a match. {@code MUTE} cancels it as evidence, like {@code DROP}, but
   * keeps what it reads: a figure rule's casualty figure is still extracted.
   */
  public enum EffectKind { DROP, NEGATE, CONTEST, WEAKEN, TURN, KEEP, MUTE }

  /** {@code frame -> effect} under a modifier; {@code frame} null stands for {@code *}. */
  public record Effect(Position at, Frame frame, EffectKind kind, Frame target, double factor) {
    public String describe() {
      return switch (kind) {
        case DROP -> "drop";
        case NEGATE -> "negate";
        case CONTEST -> "contest";
        case WEAKEN -> "weaken " + factor;
        case TURN -> "-> " + target.id();
        case KEEP -> "keep";
        case MUTE -> "mute";
      };
    }
  }

  record Example(Position at, String text) {}

  /** A set named by a modifier's {@code unless}, where it is written. */
  record SetName(Position at, String name) {}

  /**
   * A word set item: a word, a stem ({@code word~}), a prefix ({@code word*}), a lemma
   * ({@code word^}) or another set ({@code @name}).
   */
  record Item(Position at, String text, ItemKind kind) {}

  public enum ItemKind { WORD, STEM, PREFIX, LEMMA, SET }

  /**
   * A rule, block, modifier, boundary, attribution, qualifier or subset marker: an id, its
   * attributes and a token pattern.
   */
  record PatternDef(
      Position at,
      PatternKind kind,
      String id,
      Set<Frame> frames,
      double weight,
      NegatedTarget negated,
      CasualtyCount.Kind casualtyKind,
      CasualtyCount.Qualifier qualifier,
      List<String> immune,
      List<String> overrides,
      Scope scope,
      Set<Condition> conditions,
      List<SetName> unless,
      PatternNode pattern,
      List<Example> examples,
      List<Example> counters,
      List<Effect> effects)
      implements Statement {}
}
