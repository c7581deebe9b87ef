package dev.framelens.internal.lexicon;

import dev.framelens.CasualtyCount;
import dev.framelens.Frame;
import dev.framelens.internal.lexicon.Syntax.Condition;
import dev.framelens.internal.lexicon.Syntax.Direction;
import dev.framelens.internal.lexicon.Syntax.Effect;
import dev.framelens.internal.lexicon.Syntax.EffectKind;
import dev.framelens.internal.lexicon.Syntax.Example;
import dev.framelens.internal.lexicon.Syntax.Extent;
import dev.framelens.internal.lexicon.Syntax.Item;
import dev.framelens.internal.lexicon.Syntax.ItemKind;
import dev.framelens.internal.lexicon.Syntax.NegatedTarget;
import dev.framelens.internal.lexicon.Syntax.PatternDef;
import dev.framelens.internal.lexicon.Syntax.PatternKind;
import dev.framelens.internal.lexicon.Syntax.Scope;
import dev.framelens.internal.lexicon.Syntax.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the text of one lexicon file into {@link Statement}s. Line oriented: a directive keyword
 * starts a statement; indented {@code example:}, {@code counter:} and {@code frame -> effect}
 * lines attach to the statement above; any other indented line continues it. Every problem is
 * reported with its line and column and parsing goes on, so that one pass finds them all.
 */
final class LexiconParser {
  /** The widest gap a pattern may ask for, in tokens. */
  static final int MAX_GAP = 10;
  /**
   * The deepest parentheses may nest in a pattern. A pattern spans at most
   * {@link LexiconCompiler#MAX_SEQUENCE_LENGTH} (32) tokens and a group that is not redundant
   * holds at least one of them, so no pattern that can compile needs more; the limit keeps the
   * recursive descent (three calls per level) far from the end of any thread's stack.
   */
  static final int MAX_NESTING = 32;

  private static final Set<String> KEYWORDS = Set.of(
      "lexicon", "include", "abbreviations", "speaker-words", "not-names", "threshold",
      "contest-gate", "frame", "set", "who",
      "disable", "rule", "block", "modifier", "boundary", "attribution", "qualifier", "subset");
  private static final String UNKNOWN_DIRECTIVE = "unknown directive (expected one of "
      + String.join(", ", KEYWORDS.stream().sorted().toList()) + ")";
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final Set<String> HEADER_WORDS = Set.of(
      "weight", "frames", "negated", "kind", "immune", "overrides", "scope", "if", "unless",
      "means");
  private static final Pattern SET_NAME = Pattern.compile("@[a-z0-9][a-z0-9_-]*");

  private final String source;
  private final Problems problems;
  private final List<Statement> statements = new ArrayList<>();
  private Frame currentFrame;

  private LexiconParser(String source, Problems problems) {
    this.source = source;
    this.problems = problems;
  }

  /** Parses {@code text}, reporting problems into {@code problems}. */
  static List<Statement> parse(String source, String text, Problems problems) {
    LexiconParser parser = new LexiconParser(source, problems);
    for (Logical logical : parser.group(text)) {
      parser.parseStatement(logical);
    }
    return parser.statements;
  }

  // ---------------------------------------------------------------------------------------------
  // Physical lines to logical statements

  /** A statement's text, possibly spread over continuation lines, with a position per char. */
  private final class Logical {
    final StringBuilder text = new StringBuilder();
    final List<int[]> segments = new ArrayList<>(); // {textIndex, line, column}
    final List<String> lineTexts = new ArrayList<>();
    final List<Example> examples = new ArrayList<>();
    final List<Example> counters = new ArrayList<>();
    final List<Position> effectLines = new ArrayList<>();
    final List<String> effectTexts = new ArrayList<>();
    // Kept as the text grows, for isOpen(): rescanning the whole statement for each of its
    // continuation lines made a statement of n lines cost n^2.
    private int depth;
    private boolean quoted;
    private char last = ' ';

    void append(String content, int line, int column, String lineText) {
      if (text.length() > 0) {
        text.append(' ');
      }
      segments.add(new int[] {text.length(), line, column});
      lineTexts.add(lineText);
      text.append(content);
      for (int i = 0; i < content.length(); i++) {
        char c = content.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (!quoted && c == '(') {
          depth++;
        } else if (!quoted && c == ')') {
          depth--;
        }
        if (!Character.isWhitespace(c)) {
          last = c;
        }
      }
    }

    /** Whether the statement has an unclosed parenthesis or ends with "|". */
    boolean isOpen() {
      return depth > 0 || last == '|';
    }

    Position at(int index) {
      // The last segment starting at or before index (a binary search: a pattern asks for the
      // position of each of its elements, and a statement may span many lines).
      int lo = 0;
      int hi = segments.size() - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (segments.get(mid)[0] <= index) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      int[] seg = segments.get(lo);
      return new Position(source, seg[1], seg[2] + Math.max(0, index - seg[0]),
          lineTexts.get(lo));
    }
  }

  private List<Logical> group(String text) {
    List<Logical> out = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    Logical current = null;
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      int lineNo = i + 1;
      int first = 0;
      while (first < raw.length() && Character.isWhitespace(raw.charAt(first))) {
        first++;
      }
      if (first == raw.length()) {
        continue;
      }
      String content = raw.substring(first);
      Position here = new Position(source, lineNo, first + 1, raw);
      if (content.startsWith("example:") || content.startsWith("counter:")) {
        boolean example = content.startsWith("example:");
        String sentence = content.substring(8).strip();
        if (current == null) {
          problems.add(here, (example ? "example:" : "counter:")
              + " must follow a rule, block or modifier", content);
        } else if (sentence.isEmpty()) {
          problems.add(here, "empty " + (example ? "example" : "counter-example"), content);
        } else {
          (example ? current.examples : current.counters).add(new Example(here, sentence));
        }
        continue;
      }
      content = stripComment(content);
      if (content.isEmpty()) {
        continue;
      }
      String keyword = firstWord(content);
      // An indented line that starts with a keyword but does not have that directive's shape
      // continues the statement above: "who", "set" or "block" are English words too, and a
      // statement left open (an unclosed "(" or a trailing "|") always continues.
      boolean continues = first > 0 && current != null
          && (current.isOpen() || !hasDirectiveShape(keyword, content));
      if (KEYWORDS.contains(keyword) && !continues) {
        current = new Logical();
        current.append(content, lineNo, first + 1, raw);
        out.add(current);
      } else if (first > 0 && content.contains("->")) {
        if (current == null) {
          problems.add(here, "effect line must follow a modifier", content);
        } else {
          current.effectLines.add(here);
          current.effectTexts.add(content);
        }
      } else if (first > 0 && current != null) {
        current.append(content, lineNo, first + 1, raw);
      } else {
        problems.add(here, UNKNOWN_DIRECTIVE, keyword);
      }
    }
    return out;
  }

  /** Whether a line starting with {@code keyword} looks like that directive. */
  private static boolean hasDirectiveShape(String keyword, String content) {
    String[] w = content.split("\\s+");
    return switch (keyword) {
      case "set" -> w.length >= 3 && w[1].startsWith("@") && (w[2].equals("=")
          || w[2].equals("+="));
      case "who" -> w.length >= 3 && w[2].equals("=");
      case "frame" -> w.length >= 2 && Arrays.stream(Frame.values())
          .anyMatch(f -> f.id().equals(w[1]));
      case "rule", "block", "modifier", "boundary", "attribution", "qualifier", "subset" -> {
        String id = w.length >= 2 && w[1].endsWith(":") ? w[1].substring(0, w[1].length() - 1)
            : w.length >= 2 ? w[1] : "";
        // "rule <id> ... :" on one line (a misspelt attribute then gets its own error), or
        // "rule <id>" followed by an attribute, with the ':' on the next line.
        yield ID.matcher(id).matches() && (content.indexOf(':') > 0 || w.length == 2
            || HEADER_WORDS.contains(w[2]));
      }
      default -> true;
    };
  }

  private static String stripComment(String content) {
    boolean quoted = false;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '#' && !quoted) {
        return content.substring(0, i).strip();
      }
    }
    return content.strip();
  }

  private static String firstWord(String content) {
    int end = 0;
    while (end < content.length() && !Character.isWhitespace(content.charAt(end))) {
      end++;
    }
    return content.substring(0, end);
  }

  // ---------------------------------------------------------------------------------------------
  // Statements

  /** A whitespace-separated word of a statement and its index in the logical text. */
  private record Word(String text, int index) {}

  private static List<Word> words(CharSequence text, int from, int to) {
    List<Word> out = new ArrayList<>();
    int i = from;
    while (i < to) {
      while (i < to && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < to && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(new Word(text.subSequence(start, i).toString(), start));
      }
    }
    return out;
  }

  private void parseStatement(Logical logical) {
    String text = logical.text.toString();
    List<Word> all = words(text, 0, text.length());
    String keyword = all.get(0).text();
    Position at = logical.at(0);
    boolean patternKind = switch (keyword) {
      case "rule", "block", "modifier", "boundary", "attribution", "qualifier", "subset" -> true;
      default -> false;
    };
    if (!patternKind) {
      if (!logical.examples.isEmpty() || !logical.counters.isEmpty()) {
        Example first = !logical.examples.isEmpty() ? logical.examples.get(0)
            : logical.counters.get(0);
        problems.add(first.at(), "examples must follow a rule, block or modifier", first.text());
      }
      if (!logical.effectLines.isEmpty()) {
        problems.add(logical.effectLines.get(0), "effect line must follow a modifier",
            logical.effectTexts.get(0));
      }
    }
    switch (keyword) {
      case "lexicon" -> {
        if (expectArgs(all, 2, logical, "lexicon <name> <version>")) {
          statements.add(new Syntax.Header(at, all.get(1).text(), all.get(2).text()));
        }
      }
      case "include" -> {
        if (expectArgs(all, 1, logical, "include <relative path>")) {
          statements.add(new Syntax.Include(at, all.get(1).text()));
        }
      }
      case "abbreviations" -> {
        if (all.size() < 2) {
          problems.add(at, "abbreviations needs at least one word", text);
        } else {
          List<String> list = new ArrayList<>();
          for (Word w : all.subList(1, all.size())) {
            list.add(w.text().toLowerCase(Locale.ROOT));
          }
          statements.add(new Syntax.Abbreviations(at, list));
        }
      }
      case "speaker-words", "not-names" -> {
        List<Item> items = items(all.subList(1, all.size()), logical);
        if (items.isEmpty()) {
          problems.add(at, keyword + " needs at least one word", text);
        } else {
          statements.add(new Syntax.WordList(at, keyword, items));
        }
      }
      case "threshold" -> parseThreshold(all, logical);
      case "contest-gate" -> parseContestGate(all, logical);
      case "frame" -> parseFrame(all, logical);
      case "set" -> parseSet(all, logical);
      case "who" -> parseWho(all, logical);
      case "disable" -> {
        if (expectArgs(all, 1, logical, "disable <rule id>")) {
          statements.add(new Syntax.Disable(logical.at(all.get(1).index()), all.get(1).text()));
        }
      }
      default -> parsePatternDef(keyword, text, logical);
    }
  }

  private boolean expectArgs(List<Word> all, int n, Logical logical, String usage) {
    if (all.size() - 1 != n) {
      int column = all.size() > n + 1 ? all.get(n + 1).index() : logical.text.length();
      problems.add(logical.at(column), "expected '" + usage + "'", logical.text.toString());
      return false;
    }
    return true;
  }

  private Frame frame(Word w, Logical logical) {
    for (Frame f : Frame.values()) {
      if (f.id().equals(w.text())) {
        return f;
      }
    }
    problems.add(logical.at(w.index()), "unknown frame (expected one of " + ids(Frame.values())
        + ")", w.text());
    return null;
  }

  private void parseThreshold(List<Word> all, Logical logical) {
    if (!expectArgs(all, 2, logical, "threshold <frame> <value in (0, 1]>")) {
      return;
    }
    Frame frame = frame(all.get(1), logical);
    Double value = number(all.get(2), logical, "threshold", false);
    if (frame != null && value != null) {
      statements.add(new Syntax.Threshold(logical.at(0), frame, value));
    }
  }

  private void parseContestGate(List<Word> all, Logical logical) {
    String usage = "contest-gate paragraphs <N> unless @set[,@set]' or 'contest-gate off";
    if (all.size() == 2 && all.get(1).text().equals("off")) {
      statements.add(new Syntax.ContestGate(logical.at(0), 0, List.of()));
      return;
    }
    if (!expectArgs(all, 4, logical, usage)) {
      return;
    }
    if (!all.get(1).text().equals("paragraphs")) {
      problems.add(logical.at(all.get(1).index()), "expected 'paragraphs'", all.get(1).text());
      return;
    }
    Word count = all.get(2);
    int paragraphs;
    try {
      paragraphs = Integer.parseInt(count.text());
    } catch (NumberFormatException e) {
      paragraphs = -1;
    }
    if (paragraphs < 1 || paragraphs > 1000) {
      problems.add(logical.at(count.index()), "the number of paragraphs must be a whole number "
          + "from 1 to 1000", count.text());
      return;
    }
    if (!all.get(3).text().equals("unless")) {
      problems.add(logical.at(all.get(3).index()), "expected 'unless'", all.get(3).text());
      return;
    }
    List<Syntax.SetName> sets = new ArrayList<>();
    if (unlessSets(all.get(4), logical, sets)) {
      statements.add(new Syntax.ContestGate(logical.at(0), paragraphs, sets));
    }
  }

  /**
   * Adds the sets an {@code unless} value names ({@code @a,@b}) to {@code out}; false, with a
   * problem for each bad name, when one is not a set name.
   */
  private boolean unlessSets(Word value, Logical logical, List<Syntax.SetName> out) {
    boolean ok = true;
    int offset = 0;
    for (String name : value.text().split(",", -1)) {
      Position at = logical.at(value.index() + offset);
      offset += name.length() + 1;
      if (!SET_NAME.matcher(name).matches()) {
        problems.add(at, "'unless' names word sets, such as 'unless @contest' or "
            + "'unless @army,@state'", name);
        ok = false;
      } else {
        out.add(new Syntax.SetName(at, name.substring(1)));
      }
    }
    return ok;
  }

  /** A number in (0, 1] (or [0, 1] when {@code zeroAllowed}), or null after a problem. */
  private Double number(Word w, Logical logical, String what, boolean zeroAllowed) {
    double value;
    try {
      value = Double.parseDouble(w.text());
    } catch (NumberFormatException e) {
      problems.add(logical.at(w.index()), what + " must be a number", w.text());
      return null;
    }
    if (!(value <= 1.0 && (zeroAllowed ? value >= 0.0 : value > 0.0))) {
      problems.add(logical.at(w.index()), what + " must be in " + (zeroAllowed ? "[0, 1]"
          : "(0, 1]"), w.text());
      return null;
    }
    return value;
  }

  private void parseFrame(List<Word> all, Logical logical) {
    if (all.size() != 2 && all.size() != 4) {
      problems.add(logical.at(0), "expected 'frame <frame> [negated <frame>|none]'",
          logical.text.toString());
      currentFrame = null;
      return;
    }
    Frame frame = frame(all.get(1), logical);
    currentFrame = frame;
    NegatedTarget negated = NegatedTarget.UNSPECIFIED;
    if (all.size() == 4) {
      if (!all.get(2).text().equals("negated")) {
        problems.add(logical.at(all.get(2).index()), "expected 'negated'", all.get(2).text());
        return;
      }
      negated = negatedTarget(all.get(3), logical);
    }
    if (frame != null && negated != null) {
      statements.add(new Syntax.FrameDefault(logical.at(0), frame, negated));
    }
  }

  private NegatedTarget negatedTarget(Word w, Logical logical) {
    if (w.text().equals("none")) {
      return NegatedTarget.NONE;
    }
    Frame target = frame(w, logical);
    return target == null ? null : NegatedTarget.of(target);
  }

  private void parseSet(List<Word> all, Logical logical) {
    if (all.size() < 3 || !(all.get(2).text().equals("=") || all.get(2).text().equals("+="))) {
      problems.add(logical.at(all.size() > 1 ? all.get(1).index() : 0),
          "expected 'set @name = words...' or 'set @name += words...'", logical.text.toString());
      return;
    }
    Word name = all.get(1);
    if (!SET_NAME.matcher(name.text()).matches()) {
      problems.add(logical.at(name.index()),
          "bad set name (use @ and lowercase letters, digits, '-' or '_')", name.text());
      return;
    }
    List<Item> items = items(all.subList(3, all.size()), logical);
    if (items.isEmpty()) {
      // Only when nothing follows '=': words that were written but refused have each been
      // reported already, and "has no words" would then contradict what the author sees.
      if (all.size() == 3) {
        problems.add(logical.at(all.get(2).index()), "set " + name.text() + " has no words",
            logical.text.toString());
      }
      return;
    }
    statements.add(new Syntax.SetDef(logical.at(name.index()), name.text().substring(1),
        all.get(2).text().equals("+="), items));
  }

  private void parseWho(List<Word> all, Logical logical) {
    if (all.size() < 4 || !all.get(2).text().equals("=")) {
      problems.add(logical.at(0), "expected 'who <category> = words...'",
          logical.text.toString());
      return;
    }
    Word category = all.get(1);
    if (!ID.matcher(category.text()).matches()) {
      problems.add(logical.at(category.index()), "bad category name", category.text());
      return;
    }
    List<Item> items = items(all.subList(3, all.size()), logical);
    if (!items.isEmpty()) {
      statements.add(new Syntax.WhoDef(logical.at(category.index()), category.text(), items));
    }
  }

  private List<Item> items(List<Word> words, Logical logical) {
    List<Item> items = new ArrayList<>();
    for (Word w : words) {
      Position at = logical.at(w.index());
      String t = w.text();
      if (t.startsWith("@")) {
        if (SET_NAME.matcher(t).matches()) {
          items.add(new Item(at, t.substring(1), ItemKind.SET));
        } else {
          problems.add(at, "bad set name", t);
        }
      } else if (t.endsWith("~") || t.endsWith("*") || t.endsWith("^")) {
        char mark = t.charAt(t.length() - 1);
        if (t.length() == 1) {
          problems.add(at, "'" + mark + "' must follow a word", t);
        } else {
          items.add(new Item(at, t.substring(0, t.length() - 1),
              mark == '~' ? ItemKind.STEM : mark == '*' ? ItemKind.PREFIX : ItemKind.LEMMA));
        }
      } else if (t.indexOf('(') >= 0 || t.indexOf(')') >= 0 || t.indexOf('|') >= 0
          || t.indexOf('"') >= 0 || t.indexOf('?') >= 0) {
        problems.add(at, "a set holds single words, not patterns", t);
      } else {
        items.add(new Item(at, t, ItemKind.WORD));
      }
    }
    return items;
  }

  // ---------------------------------------------------------------------------------------------
  // rule, block, modifier, boundary, attribution, qualifier, subset

  private void parsePatternDef(String keyword, String text, Logical logical) {
    PatternKind kind = switch (keyword) {
      case "rule" -> PatternKind.RULE;
      case "block" -> PatternKind.BLOCK;
      case "modifier" -> PatternKind.MODIFIER;
      case "boundary" -> PatternKind.BOUNDARY;
      case "attribution" -> PatternKind.ATTRIBUTION;
      case "qualifier" -> PatternKind.QUALIFIER;
      default -> PatternKind.SUBSET;
    };
    int colon = text.indexOf(':');
    if (colon < 0) {
      problems.add(logical.at(text.length()), "expected ':' and a pattern after the "
          + keyword + " header", text);
      return;
    }
    List<Word> head = words(text, 0, colon);
    if (head.size() < 2) {
      problems.add(logical.at(colon), keyword + " needs an id before ':'", text);
      return;
    }
    Word idWord = head.get(1);
    String id = idWord.text();
    if (!ID.matcher(id).matches()) {
      problems.add(logical.at(idWord.index()),
          "bad id (use lowercase letters, digits, '.', '-' or '_', starting with a letter or "
              + "digit)", id);
      return;
    }
    Header h = new Header();
    boolean headerOk = parseHeader(kind, head.subList(2, head.size()), logical, h);

    PatternNode pattern = new PatternParser(logical, colon + 1, text.length()).parse();

    if (!kind.takesExamples() && (!logical.examples.isEmpty() || !logical.counters.isEmpty())) {
      Example first = !logical.examples.isEmpty() ? logical.examples.get(0)
          : logical.counters.get(0);
      problems.add(first.at(), "examples must follow a rule, block or modifier, not a "
          + keyword, first.text());
    }
    List<Effect> effects = new ArrayList<>();
    for (int i = 0; i < logical.effectLines.size(); i++) {
      if (kind != PatternKind.MODIFIER) {
        problems.add(logical.effectLines.get(i), "effect lines belong to a modifier, not a "
            + keyword, logical.effectTexts.get(i));
        continue;
      }
      Effect effect = parseEffect(logical.effectLines.get(i), logical.effectTexts.get(i));
      if (effect != null) {
        effects.add(effect);
      }
    }
    if (kind == PatternKind.MODIFIER && logical.effectLines.isEmpty()) {
      problems.add(logical.at(idWord.index()), "modifier has no effect lines (add one such as "
          + "'  victory -> drop' below it)", id);
      return;
    }
    if (kind == PatternKind.RULE && h.frames == null) {
      if (currentFrame == null) {
        problems.add(logical.at(idWord.index()), "rule outside a frame block (put it under "
            + "'frame <id>' or give it 'frames <id>,<id>')", id);
        return;
      }
      h.frames = EnumSet.of(currentFrame);
    }
    if (pattern == null) {
      return;
    }
    // A header with a bad value has been reported; the statement is still compiled (with the
    // defaults for what was bad) so that the problems of its pattern are reported too.
    statements.add(new PatternDef(logical.at(idWord.index()), kind, id,
        h.frames == null ? Set.of() : Set.copyOf(h.frames), h.weight, h.negated, h.casualtyKind,
        h.qualifier, List.copyOf(h.immune), List.copyOf(h.overrides), h.scope, Set.copyOf(h.conditions),
        List.copyOf(h.unless), pattern,
        List.copyOf(logical.examples), List.copyOf(logical.counters), List.copyOf(effects)));
  }

  /** The attributes between a pattern definition's id and its ':'. */
  private static final class Header {
    Set<Frame> frames;
    double weight = 1.0;
    NegatedTarget negated = NegatedTarget.UNSPECIFIED;
    CasualtyCount.Kind casualtyKind;
    CasualtyCount.Qualifier qualifier;
    List<String> immune = new ArrayList<>();
    List<String> overrides = new ArrayList<>();
    Scope scope;
    Set<Condition> conditions = EnumSet.noneOf(Condition.class);
    List<Syntax.SetName> unless = new ArrayList<>();
  }

  private boolean parseHeader(PatternKind kind, List<Word> attrs, Logical logical, Header h) {
    boolean ok = true;
    int i = 0;
    while (i < attrs.size()) {
      Word key = attrs.get(i);
      Word value = i + 1 < attrs.size() ? attrs.get(i + 1) : null;
      String expected = switch (kind) {
        case RULE -> "weight, frames, negated, kind, immune or overrides";
        case MODIFIER -> "scope, if or unless";
        case BLOCK -> "frames";
        case QUALIFIER -> "means";
        default -> "nothing";
      };
      boolean known = switch (kind) {
        case RULE -> Set.of("weight", "frames", "negated", "kind", "immune", "overrides")
            .contains(key.text());
        case MODIFIER -> Set.of("scope", "if", "unless").contains(key.text());
        case BLOCK -> key.text().equals("frames");
        case QUALIFIER -> key.text().equals("means");
        default -> false;
      };
      if (!known) {
        problems.add(logical.at(key.index()), "unknown " + kind.keyword + " attribute (expected "
            + expected + " before ':')", key.text());
        return false;
      }
      if (value == null) {
        problems.add(logical.at(key.index()), "attribute '" + key.text() + "' needs a value",
            key.text());
        return false;
      }
      i += 2;
      switch (key.text()) {
        case "weight" -> {
          Double w = number(value, logical, "weight", false);
          if (w == null) {
            ok = false;
          } else {
            h.weight = w;
          }
        }
        case "frames" -> {
          h.frames = EnumSet.noneOf(Frame.class);
          int offset = 0;
          for (String part : value.text().split("[,+]", -1)) {
            Frame f = frame(new Word(part, value.index() + offset), logical);
            offset += part.length() + 1;
            if (f == null) {
              ok = false;
            } else {
              h.frames.add(f);
            }
          }
        }
        case "negated" -> {
          NegatedTarget t = negatedTarget(value, logical);
          if (t == null) {
            ok = false;
          } else {
            h.negated = t;
          }
        }
        case "kind" -> {
          try {
            h.casualtyKind = CasualtyCount.Kind.fromId(value.text());
          } catch (IllegalArgumentException e) {
            problems.add(logical.at(value.index()), "unknown casualty kind (expected one of "
                + ids(CasualtyCount.Kind.values()) + ")", value.text());
            ok = false;
          }
        }
        case "immune" -> h.immune.addAll(List.of(value.text().split(",")));
        case "overrides" -> h.overrides.addAll(List.of(value.text().split(",")));
        case "means" -> {
          try {
            h.qualifier = CasualtyCount.Qualifier.fromId(value.text());
          } catch (IllegalArgumentException e) {
            problems.add(logical.at(value.index()), "unknown qualifier (expected one of "
                + ids(CasualtyCount.Qualifier.values()) + ")", value.text());
            ok = false;
          }
        }
        case "scope" -> {
          Word extentWord = i < attrs.size() ? attrs.get(i) : null;
          i++;
          boolean outside = i < attrs.size() && attrs.get(i).text().equals("outside");
          if (outside) {
            i++;
          }
          Scope scope = scope(value, extentWord, outside, logical);
          if (scope == null) {
            ok = false;
          } else {
            h.scope = scope;
          }
        }
        case "if" -> {
          Condition c = null;
          for (Condition candidate : Condition.values()) {
            if (candidate.id.equals(value.text())) {
              c = candidate;
            }
          }
          if (c == null) {
            problems.add(logical.at(value.index()), "unknown condition (expected question, "
                + "quoted, unquoted or scare-quoted)", value.text());
            ok = false;
          } else {
            h.conditions.add(c);
          }
        }
        case "unless" -> ok &= unlessSets(value, logical, h.unless);
        default -> throw new AssertionError(key.text());
      }
    }
    if (kind == PatternKind.MODIFIER && h.scope == null && ok) {
      problems.add(logical.at(attrs.isEmpty() ? 0 : attrs.get(0).index()),
          "modifier needs a scope, such as 'scope before 3' or 'scope around clause'",
          logical.text.toString());
      return false;
    }
    if (kind == PatternKind.QUALIFIER && h.qualifier == null && ok) {
      problems.add(logical.at(0), "qualifier needs 'means <qualifier>', such as "
          + "'means at-least'", logical.text.toString());
      return false;
    }
    return ok;
  }

  private static String ids(Enum<?>[] values) {
    List<String> out = new ArrayList<>();
    for (Enum<?> v : values) {
      out.add(v.toString());
    }
    return String.join(", ", out);
  }

  private Scope scope(Word direction, Word extent, boolean outside, Logical logical) {
    Direction d = switch (direction.text()) {
      case "before" -> Direction.BEFORE;
      case "after" -> Direction.AFTER;
      case "around" -> Direction.AROUND;
      default -> null;
    };
    if (d == null) {
      problems.add(logical.at(direction.index()), "scope direction must be before, after or "
          + "around", direction.text());
      return null;
    }
    if (extent == null) {
      problems.add(logical.at(direction.index()), "scope needs an extent: a number of tokens, "
          + "clause, part, sentence or paragraph", direction.text());
      return null;
    }
    switch (extent.text()) {
      case "clause":
        return new Scope(d, Extent.CLAUSE, 0, outside);
      case "part":
        return new Scope(d, Extent.PART, 0, outside);
      case "sentence":
        return new Scope(d, Extent.SENTENCE, 0, outside);
      case "paragraph":
        if (d != Direction.AROUND || outside) {
          problems.add(logical.at(direction.index()), "a paragraph scope reaches the whole "
              + "paragraph: write 'scope around paragraph'", direction.text());
          return null;
        }
        return new Scope(d, Extent.PARAGRAPH, 0, false);
      default:
        try {
          int n = Integer.parseInt(extent.text());
          if (n < 1 || n > 50) {
            problems.add(logical.at(extent.index()), "scope must be 1 to 50 tokens",
                extent.text());
            return null;
          }
          return new Scope(d, Extent.TOKENS, n, outside);
        } catch (NumberFormatException e) {
          problems.add(logical.at(extent.index()), "scope extent must be a number of tokens, "
              + "clause, part, sentence or paragraph", extent.text());
          return null;
        }
    }
  }

  private Effect parseEffect(Position at, String text) {
    int arrow = text.indexOf("->");
    String left = text.substring(0, arrow).strip();
    String right = text.substring(arrow + 2).strip();
    int rightColumn = at.column() + arrow + 2 + (text.length() - arrow - 2
        - text.substring(arrow + 2).stripLeading().length());
    Frame frame = null;
    if (!left.equals("*")) {
      try {
        frame = Frame.fromId(left);
      } catch (IllegalArgumentException e) {
        problems.add(at, "unknown frame before '->' (expected * or one of victory, defeat, "
            + "survival-as-win, casualty-emphasis)", left);
        return null;
      }
    }
    Position rightAt = at.atColumn(rightColumn);
    String[] parts = right.split("\\s+");
    switch (parts[0]) {
      case "drop":
      case "negate":
      case "contest":
      case "keep":
      case "mute":
        if (parts.length != 1) {
          problems.add(rightAt, "unexpected text after '" + parts[0] + "'", right);
          return null;
        }
        EffectKind kind = switch (parts[0]) {
          case "drop" -> EffectKind.DROP;
          case "negate" -> EffectKind.NEGATE;
          case "contest" -> EffectKind.CONTEST;
          case "mute" -> EffectKind.MUTE;
          default -> EffectKind.KEEP;
        };
        return new Effect(at, frame, kind, null, 1.0);
      case "weaken":
        if (parts.length != 2) {
          problems.add(rightAt, "expected 'weaken <factor in (0, 1)>'", right);
          return null;
        }
        // The problem's column is that of the factor, the offending text, not of "weaken".
        Position factorAt = at.atColumn(rightColumn + right.indexOf(parts[1], parts[0].length()));
        try {
          double factor = Double.parseDouble(parts[1]);
          if (!(factor > 0 && factor < 1)) {
            problems.add(factorAt, "weaken factor must be in (0, 1)", parts[1]);
            return null;
          }
          return new Effect(at, frame, EffectKind.WEAKEN, null, factor);
        } catch (NumberFormatException e) {
          problems.add(factorAt, "weaken factor must be a number", parts[1]);
          return null;
        }
      default:
        try {
          if (parts.length != 1) {
            throw new IllegalArgumentException();
          }
          return new Effect(at, frame, EffectKind.TURN, Frame.fromId(parts[0]), 1.0);
        } catch (IllegalArgumentException e) {
          problems.add(rightAt, "unknown effect (expected drop, mute, negate, contest, keep, "
              + "weaken <factor> or a frame id)", right);
          return null;
        }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Patterns

  /**
   * Recursive descent over a pattern: alternatives of sequences of items, each item a word,
   * {@code word~}, {@code word*}, {@code word^}, {@code @set}, {@code NUMBER}, {@code CAP}, {@code _},
   * {@code "a phrase"},
   * {@code ...{m,n}} or a parenthesised group, optionally followed by {@code ?}. Groups nest at
   * most {@link #MAX_NESTING} deep, so the recursion is bounded.
   */
  private final class PatternParser {
    private final Logical logical;
    private final String text;
    private final int end;
    private int pos;
    private boolean failed;
    /** How many parentheses are open at {@link #pos}. */
    private int depth;

    PatternParser(Logical logical, int from, int to) {
      this.logical = logical;
      this.text = logical.text.toString();
      this.pos = from;
      this.end = to;
    }

    /** The pattern, or null after reporting problems. */
    PatternNode parse() {
      skipSpace();
      if (pos >= end) {
        problems.add(logical.at(end), "empty pattern after ':'", text);
        return null;
      }
      PatternNode node = alternatives();
      skipSpace();
      if (pos < end && !failed) {
        error(pos, text.charAt(pos) == ')' ? "unbalanced ')'" : "unexpected text",
            String.valueOf(text.charAt(pos)));
      }
      return failed ? null : node;
    }

    private void error(int index, String message, String offending) {
      if (!failed) {
        problems.add(logical.at(index), message, offending);
      }
      failed = true;
    }

    private void skipSpace() {
      while (pos < end && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private PatternNode alternatives() {
      List<PatternNode> options = new ArrayList<>();
      int start = pos;
      options.add(sequence(start));
      skipSpace();
      while (pos < end && text.charAt(pos) == '|' && !failed) {
        int bar = pos;
        pos++;
        options.add(sequence(bar));
        skipSpace();
      }
      return options.size() == 1 ? options.get(0) : new PatternNode.Alternatives(options);
    }

    private PatternNode sequence(int startForErrors) {
      List<PatternNode> items = new ArrayList<>();
      while (!failed) {
        skipSpace();
        if (pos >= end || text.charAt(pos) == '|' || text.charAt(pos) == ')') {
          break;
        }
        PatternNode item = item();
        if (item == null) {
          break;
        }
        skipSpace();
        if (pos < end && text.charAt(pos) == '?') {
          pos++;
          item = new PatternNode.Optional(item);
        }
        items.add(item);
      }
      if (items.isEmpty() && !failed) {
        error(startForErrors, "empty alternative", pos < end
            ? String.valueOf(text.charAt(Math.min(pos, end - 1))) : "|");
      }
      return items.size() == 1 ? items.get(0) : new PatternNode.Sequence(items);
    }

    private PatternNode item() {
      char c = text.charAt(pos);
      int start = pos;
      Position at = logical.at(start);
      if (c == '(') {
        if (depth == MAX_NESTING) {
          error(start, "parentheses nest deeper than " + MAX_NESTING + " (the limit)", "(");
          return null;
        }
        pos++;
        depth++;
        PatternNode inner = alternatives();
        depth--;
        skipSpace();
        if (pos >= end || text.charAt(pos) != ')') {
          error(start, "missing ')' for this '('", "(");
          return null;
        }
        pos++;
        return inner;
      }
      if (c == '?') {
        error(start, "'?' must follow an element", "?");
        return null;
      }
      if (c == '"') {
        int close = text.indexOf('"', pos + 1);
        if (close < 0 || close >= end) {
          error(start, "missing closing '\"'", text.substring(start, end));
          return null;
        }
        String phrase = text.substring(pos + 1, close).strip();
        pos = close + 1;
        if (phrase.isEmpty()) {
          error(start, "empty quoted phrase", "\"\"");
          return null;
        }
        return new PatternNode.Literal(phrase, at);
      }
      if (text.startsWith("...", pos)) {
        return gap(start, at);
      }
      while (pos < end && !Character.isWhitespace(text.charAt(pos))
          && "()|?\"".indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
      String word = text.substring(start, pos);
      if (word.startsWith("@")) {
        if (!SET_NAME.matcher(word).matches()) {
          error(start, "bad set name (use @ and lowercase letters, digits, '-' or '_')", word);
          return null;
        }
        return new PatternNode.SetRef(word.substring(1), at);
      }
      if (word.equals("NUMBER")) {
        return new PatternNode.Number(at);
      }
      if (word.equals("CAP")) {
        return new PatternNode.Capitalized(at);
      }
      if (word.equals("_")) {
        return new PatternNode.Any(at);
      }
      if (word.endsWith("~") || word.endsWith("*") || word.endsWith("^")) {
        char mark = word.charAt(word.length() - 1);
        if (word.length() == 1) {
          error(start, "'" + mark + "' must follow a word", word);
          return null;
        }
        String body = word.substring(0, word.length() - 1);
        return switch (mark) {
          case '~' -> new PatternNode.Stem(body, at);
          case '*' -> new PatternNode.Prefix(body, at);
          default -> new PatternNode.Lemma(body, at);
        };
      }
      return new PatternNode.Literal(word, at);
    }

    private PatternNode gap(int start, Position at) {
      pos += 3;
      int close = text.indexOf('}', pos);
      if (pos >= end || text.charAt(pos) != '{' || close < 0 || close >= end) {
        error(start, "a gap needs bounds, such as ...{0,3}", "...");
        return null;
      }
      String body = text.substring(pos + 1, close);
      pos = close + 1;
      String[] parts = body.split(",", -1);
      try {
        if (parts.length != 2) {
          throw new NumberFormatException();
        }
        int min = Integer.parseInt(parts[0].strip());
        int max = Integer.parseInt(parts[1].strip());
        if (min < 0 || max < min || max > MAX_GAP) {
          error(start, "gap bounds must satisfy 0 <= min <= max <= " + MAX_GAP,
              text.substring(start, pos));
          return null;
        }
        return new PatternNode.Gap(min, max, at);
      } catch (NumberFormatException e) {
        error(start, "a gap needs two numbers, such as ...{0,3}", text.substring(start, pos));
        return null;
      }
    }
  }
}
