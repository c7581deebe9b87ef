package dev.framelens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.framelens.Evaluation;
import dev.framelens.Evidence;
import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import dev.framelens.Lexicon;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The record of every lexicon entry on gold units, for {@code framelens evaluate --rules}: what
 * each rule, block and modifier did on each unit, judged by the unit's gold labels, so that an
 * entry is kept or cut by its record over all the corpora given together. Built only from the
 * public API: the evidence and suppressed evidence of each unit's analysis, and
 * {@link Lexicon#rules()}.
 *
 * <p>The definitions (also in {@link #LEGEND}, printed at the top of the text report):
 *
 * <ul>
 *   <li>A <b>rule</b> gets one line per frame it gave kept evidence for (its own frame, or the
 *       frame a modifier negated or turned it into). {@code units}: units where it gave kept
 *       evidence for that frame; {@code right}: those whose gold has the frame; {@code wrong}:
 *       those whose gold lacks it; {@code precision}: right / units; {@code suppressed}: units
 *       where a match of the rule for that frame was cancelled.
 *   <li>A <b>block or modifier</b> acts on a unit when it is named in the modifiers of a piece
 *       of evidence there, kept or suppressed. Each such action is judged against the unit's
 *       gold: the last entry on suppressed evidence cancelled it (a block, a drop, or a
 *       negation into {@code none}) and is right when the cancelled frame is not in gold; on
 *       kept evidence whose frame differs from the frame the rule matched, a negate or a turn
 *       is right when the frame it produced is in gold and the matched frame is not; a weaken
 *       is right when the weakened frame is not in gold; anything else on kept evidence
 *       (contest, keep, a negation undone by a second one) is right when the evidence's final
 *       frame is in gold; an entry that acted on suppressed evidence before the entry that
 *       cancelled it is not judged. On one unit, an entry is wrong when any of its judged
 *       actions there is wrong, right when it has judged actions and all are right, and
 *       unjudged otherwise; its precision is right / (right + wrong).
 *   <li><b>Never acted</b>: entries named on no evidence of any unit. A rule match dropped by
 *       another rule's {@code overrides} leaves no evidence, so a rule that is only ever
 *       overridden is listed here.
 *   <li><b>One unit</b>: entries that acted (a rule: kept or suppressed evidence) on exactly one
 *       unit of all the files.
 *   <li><b>Missed</b>: for each label, the units whose gold has it and whose prediction does
 *       not. <i>Untouched</i> when no evidence, kept or suppressed, has the label as its frame
 *       or matched frame: no rule knows the concept. Otherwise <i>touched</i>, with the causes:
 *       a match for the label was cancelled (by which block or modifier), turned into another
 *       frame (by which modifiers), or kept but too weak to reach the threshold.
 * </ul>
 */
final class RuleReport {
  /** The legend printed at the top of the text report: one paragraph, what each column means. */
  static final String LEGEND = "How to read this report: each gold unit is analysed on its "
      + "own and its gold labels judge what every lexicon entry did there. RULES, one line per "
      + "rule and frame it gave: units = units where it gave kept evidence for that frame "
      + "(its own, or the frame a modifier negated or turned it into); right = those whose gold "
      + "has the frame; wrong = those whose gold lacks it; prec = right / units; supp = units "
      + "where a match of it for that frame was cancelled (a rule whose matches were all "
      + "cancelled has a line with 0 units); where = file:line of its definition; "
      + "worst first: most wrong, then lowest precision. BLOCKS AND MODIFIERS: units = units "
      + "where it acted (it is named on evidence there, kept or cancelled); each action is "
      + "judged against gold: the entry that cancelled a match (block, drop, negation into "
      + "none) is right when the cancelled frame is not in gold; a negate or turn that changed "
      + "the frame is right when the frame it produced is in gold and the matched frame is not; "
      + "a weaken is right when the weakened frame is not in gold; any other action on kept "
      + "evidence (contest, keep, a negation undone by another) is right when the final frame "
      + "is in gold; an action on a match that a later entry cancelled is not judged. On a unit "
      + "the entry is wrong if any of its judged actions there is wrong, right if all are; unj = "
      + "units where none was judged; prec = right / (right + wrong); effects = units per effect "
      + "(effect=units). NEVER "
      + "ACTED: entries named on no evidence, kept or cancelled, of any unit (a match removed "
      + "by 'overrides' leaves none). ONE UNIT: entries named on evidence, kept or cancelled, "
      + "of exactly one unit. MISSED: units whose gold label was not "
      + "predicted; untouched = no evidence, kept or cancelled, for or matched as the label (a "
      + "concept the lexicon lacks); touched = a match was cancelled, turned into another frame "
      + "or too weak for the threshold, with the rule and the entry that acted.";

  /** How many chars of a unit's text the text report shows. */
  static final int TEXT_CHARS = 100;

  /** The directory whose files the default lexicon's entries name (see Lexicon). */
  private static final String DEFAULT_DIR = "lexicons/rules/";

  /**
   * A gold unit with its analysis.
   *
   * @param file the gold file's name in the reports
   * @param unit the unit
   * @param analysis what the detector made of its text
   */
  record Analysed(String file, Evaluation.Unit unit, FrameAnalysis analysis) {}

  /** The judgement of an entry's actions on one unit. */
  enum Verdict { UNJUDGED, RIGHT, WRONG }

  /**
   * One rule's record for one frame.
   *
   * @param entry the rule
   * @param frame the frame its evidence gave (for suppressed evidence, the frame it matched)
   * @param units units where it gave kept evidence for {@code frame}
   * @param right those whose gold has {@code frame}
   * @param suppressed units where a match of it for {@code frame} was cancelled
   */
  record RuleLine(Lexicon.Rule entry, Frame frame, int units, int right, int suppressed) {
    int wrong() {
      return units - right;
    }

    /** right / units, or NaN when it gave no kept evidence for the frame. */
    double precision() {
      return units == 0 ? Double.NaN : (double) right / units;
    }
  }

  /**
   * A block's or modifier's record.
   *
   * @param entry the block or modifier
   * @param units units where it acted
   * @param right units where its judged actions were all right
   * @param wrong units where one of its judged actions was wrong
   * @param effects per effect (as the evidence names it: {@code drop}, {@code negate},
   *     {@code weaken 0.5}, {@code -> defeat}, {@code block} ...), the units where it had it
   */
  record ActorLine(Lexicon.Rule entry, int units, int right, int wrong,
      Map<String, Integer> effects) {
    int unjudged() {
      return units - right - wrong;
    }

    /** right / (right + wrong), or NaN when no action was judged. */
    double precision() {
      return right + wrong == 0 ? Double.NaN : (double) right / (right + wrong);
    }
  }

  /**
   * An entry that acted on exactly one unit.
   *
   * @param entry the entry
   * @param unit the unit
   */
  record OneUnit(Lexicon.Rule entry, Analysed unit) {}

  /**
   * Why a rule's match did not give a missed label.
   *
   * @param how {@code cancelled}, {@code turned} or {@code too weak}
   * @param rule the rule that matched
   * @param by the block or modifier that cancelled it, or the modifiers that turned it (comma
   *     separated); null when too weak
   * @param detail the cancelling effect, the frame it was turned into, or the weight
   */
  record Cause(String how, String rule, String by, String detail) {
    @Override
    public String toString() {
      return switch (how) {
        case "cancelled" -> "cancelled: " + rule + " by " + by + " (" + detail + ")";
        case "turned" -> "turned: " + rule + " into " + detail + " by " + by;
        default -> "too weak: " + rule + " " + detail;
      };
    }
  }

  /**
   * A unit whose gold label was not predicted.
   *
   * @param label the label
   * @param unit the unit
   * @param causes why the matches for the label did not give it; empty when untouched
   * @param score the unit's score for the label
   * @param threshold the label's threshold
   */
  record Missed(Frame label, Analysed unit, List<Cause> causes, double score,
      double threshold) {
    boolean untouched() {
      return causes.isEmpty();
    }
  }

  private final List<String> files;
  private final int unitCount;
  private final Lexicon lexicon;
  private final List<RuleLine> rules;
  private final List<ActorLine> actors;
  private final List<Lexicon.Rule> neverActed;
  private final List<OneUnit> oneUnit;
  private final Map<Frame, List<Missed>> missed;

  private RuleReport(List<String> files, int unitCount, Lexicon lexicon, List<RuleLine> rules,
      List<ActorLine> actors, List<Lexicon.Rule> neverActed, List<OneUnit> oneUnit,
      Map<Frame, List<Missed>> missed) {
    this.files = files;
    this.unitCount = unitCount;
    this.lexicon = lexicon;
    this.rules = rules;
    this.actors = actors;
    this.neverActed = neverActed;
    this.oneUnit = oneUnit;
    this.missed = missed;
  }

  /** Tallies for one rule and frame. */
  private static final class RuleTally {
    final Set<Integer> kept = new TreeSet<>();
    final Set<Integer> right = new TreeSet<>();
    final Set<Integer> suppressed = new TreeSet<>();
  }

  /** Tallies for one block or modifier. */
  private static final class ActorTally {
    final Map<Integer, Verdict> verdicts = new TreeMap<>();
    final Map<String, Set<Integer>> effects = new TreeMap<>();

    void act(int unit, String effect, Verdict verdict) {
      verdicts.merge(unit, verdict, (a, b) -> a.compareTo(b) >= 0 ? a : b);
      effects.computeIfAbsent(effect, e -> new TreeSet<>()).add(unit);
    }
  }

  /**
   * The report on {@code units}, analysed by {@code detector}.
   *
   * @param detector the detector that analysed them: its lexicon lists the entries, its
   *     thresholds tell a weak match
   * @param files the names of the gold files the units come from, for the heading
   * @param units the analysed units
   */
  static RuleReport of(FrameDetector detector, List<String> files, List<Analysed> units) {
    Lexicon lexicon = detector.lexicon();
    Map<String, Lexicon.Rule> entries = new LinkedHashMap<>();
    lexicon.rules().forEach(r -> entries.put(r.id(), r));
    Map<String, Map<Frame, RuleTally>> ruleTallies = new LinkedHashMap<>();
    Map<String, ActorTally> actorTallies = new LinkedHashMap<>();
    Map<String, Set<Integer>> acted = new LinkedHashMap<>();
    Map<Frame, List<Missed>> missed = new EnumMap<>(Frame.class);
    for (Frame f : Frame.values()) {
      missed.put(f, new ArrayList<>());
    }
    for (int i = 0; i < units.size(); i++) {
      Analysed a = units.get(i);
      Set<Frame> gold = a.unit().gold();
      for (Evidence e : a.analysis().evidence()) {
        RuleTally t = ruleTallies.computeIfAbsent(e.ruleId(), k -> new EnumMap<>(Frame.class))
            .computeIfAbsent(e.frame(), k -> new RuleTally());
        t.kept.add(i);
        if (gold.contains(e.frame())) {
          t.right.add(i);
        }
        acted.computeIfAbsent(e.ruleId(), k -> new TreeSet<>()).add(i);
        for (Evidence.ModifierHit hit : e.modifiers()) {
          actorTallies.computeIfAbsent(hit.ruleId(), k -> new ActorTally())
              .act(i, hit.effect(), keptVerdict(e, hit.effect(), gold));
          acted.computeIfAbsent(hit.ruleId(), k -> new TreeSet<>()).add(i);
        }
      }
      for (Evidence e : a.analysis().suppressed()) {
        ruleTallies.computeIfAbsent(e.ruleId(), k -> new EnumMap<>(Frame.class))
            .computeIfAbsent(e.frame(), k -> new RuleTally()).suppressed.add(i);
        acted.computeIfAbsent(e.ruleId(), k -> new TreeSet<>()).add(i);
        List<Evidence.ModifierHit> hits = e.modifiers();
        for (int h = 0; h < hits.size(); h++) {
          Evidence.ModifierHit hit = hits.get(h);
          Verdict verdict = h < hits.size() - 1 ? Verdict.UNJUDGED
              : gold.contains(e.frame()) ? Verdict.WRONG : Verdict.RIGHT;
          actorTallies.computeIfAbsent(hit.ruleId(), k -> new ActorTally())
              .act(i, hit.effect(), verdict);
          acted.computeIfAbsent(hit.ruleId(), k -> new TreeSet<>()).add(i);
        }
      }
      for (Frame label : gold) {
        if (!a.analysis().labels().contains(label)) {
          missed.get(label).add(new Missed(label, a, causes(a.analysis(), label),
              a.analysis().score(label), detector.threshold(label)));
        }
      }
    }

    List<RuleLine> ruleLines = new ArrayList<>();
    ruleTallies.forEach((id, byFrame) -> byFrame.forEach((frame, t) -> ruleLines.add(
        new RuleLine(entry(entries, id, Lexicon.Kind.RULE), frame, t.kept.size(),
            t.right.size(), t.suppressed.size()))));
    ruleLines.sort(Comparator.comparingInt((RuleLine l) -> l.units() == 0 ? 1 : 0)
        .thenComparing(Comparator.comparingInt(RuleLine::wrong).reversed())
        .thenComparingDouble(RuleLine::precision)
        .thenComparing(Comparator.comparingInt(RuleLine::suppressed).reversed())
        .thenComparing(l -> l.entry().id())
        .thenComparing(RuleLine::frame));

    List<ActorLine> actorLines = new ArrayList<>();
    actorTallies.forEach((id, t) -> {
      int right = 0;
      int wrong = 0;
      for (Verdict v : t.verdicts.values()) {
        right += v == Verdict.RIGHT ? 1 : 0;
        wrong += v == Verdict.WRONG ? 1 : 0;
      }
      Map<String, Integer> effects = new LinkedHashMap<>();
      t.effects.entrySet().stream()
          .sorted(Comparator.comparingInt((Map.Entry<String, Set<Integer>> e) ->
              -e.getValue().size()).thenComparing(Map.Entry::getKey))
          .forEach(e -> effects.put(e.getKey(), e.getValue().size()));
      actorLines.add(new ActorLine(entry(entries, id, t.effects.containsKey("block")
          ? Lexicon.Kind.BLOCK : Lexicon.Kind.MODIFIER), t.verdicts.size(), right, wrong,
          Collections.unmodifiableMap(effects)));
    });
    actorLines.sort(Comparator.comparingInt(ActorLine::wrong).reversed()
        .thenComparingDouble(l -> Double.isNaN(l.precision()) ? 2 : l.precision())
        .thenComparing(Comparator.comparingInt(ActorLine::units).reversed())
        .thenComparing(l -> l.entry().id()));

    List<Lexicon.Rule> never = entries.values().stream()
        .filter(r -> !acted.containsKey(r.id()))
        .sorted(Comparator.comparing(Lexicon.Rule::kind).thenComparing(Lexicon.Rule::source)
            .thenComparingInt(Lexicon.Rule::line))
        .toList();

    List<OneUnit> one = new ArrayList<>();
    acted.forEach((id, set) -> {
      if (set.size() == 1) {
        Lexicon.Kind kind = ruleTallies.containsKey(id) ? Lexicon.Kind.RULE
            : actorTallies.get(id).effects.containsKey("block") ? Lexicon.Kind.BLOCK
            : Lexicon.Kind.MODIFIER;
        one.add(new OneUnit(entry(entries, id, kind), units.get(set.iterator().next())));
      }
    });
    one.sort(Comparator.comparing((OneUnit o) -> o.entry().kind())
        .thenComparing(o -> o.entry().id()));

    Map<Frame, List<Missed>> missedLists = new EnumMap<>(Frame.class);
    missed.forEach((f, list) -> missedLists.put(f, List.copyOf(list)));
    return new RuleReport(List.copyOf(files), units.size(), lexicon, List.copyOf(ruleLines),
        List.copyOf(actorLines), never, List.copyOf(one),
        Collections.unmodifiableMap(missedLists));
  }

  /** How a modifier's action on kept evidence compares with gold (see the class comment). */
  static Verdict keptVerdict(Evidence e, String effect, Set<Frame> gold) {
    boolean inGold = gold.contains(e.frame());
    if (effect.startsWith("weaken")) {
      return inGold ? Verdict.WRONG : Verdict.RIGHT;
    }
    boolean changes = effect.equals("negate") || effect.startsWith("->");
    if (changes && e.frame() != e.matchedFrame()) {
      return inGold && !gold.contains(e.matchedFrame()) ? Verdict.RIGHT : Verdict.WRONG;
    }
    return inGold ? Verdict.RIGHT : Verdict.WRONG;
  }

  private static List<Cause> causes(FrameAnalysis analysis, Frame label) {
    Set<Cause> causes = new LinkedHashSet<>();
    for (Evidence e : analysis.suppressed()) {
      if (e.frame() == label || e.matchedFrame() == label) {
        Evidence.ModifierHit cause = e.modifiers().isEmpty() ? null
            : e.modifiers().get(e.modifiers().size() - 1);
        causes.add(new Cause("cancelled", e.ruleId(), cause == null ? "?" : cause.ruleId(),
            cause == null ? "?" : cause.effect()));
      }
    }
    for (Evidence e : analysis.evidence()) {
      if (e.matchedFrame() == label && e.frame() != label) {
        String by = e.modifiers().stream()
            .filter(h -> h.effect().equals("negate") || h.effect().startsWith("->"))
            .map(Evidence.ModifierHit::ruleId).distinct().collect(Collectors.joining(","));
        causes.add(new Cause("turned", e.ruleId(), by, e.frame().id()));
      } else if (e.frame() == label) {
        causes.add(new Cause("too weak", e.ruleId(), null,
            String.format(Locale.ROOT, "%.2f", e.weight())));
      }
    }
    return List.copyOf(causes);
  }

  private static Lexicon.Rule entry(Map<String, Lexicon.Rule> entries, String id,
      Lexicon.Kind kind) {
    Lexicon.Rule known = entries.get(id);
    return known != null ? known
        : new Lexicon.Rule(id, kind, Set.of(), 1, List.of(), List.of(), "?", 0);
  }

  List<RuleLine> rules() {
    return rules;
  }

  List<ActorLine> blocksAndModifiers() {
    return actors;
  }

  List<Lexicon.Rule> neverActed() {
    return neverActed;
  }

  List<OneUnit> oneUnit() {
    return oneUnit;
  }

  Map<Frame, List<Missed>> missed() {
    return missed;
  }

  // ---------------------------------------------------------------------------------------
  // Text

  /** The report for a terminal: heading, legend, then the sections. */
  String text() {
    StringBuilder s = new StringBuilder();
    long ruleCount = count(Lexicon.Kind.RULE);
    long blockCount = count(Lexicon.Kind.BLOCK);
    long modifierCount = count(Lexicon.Kind.MODIFIER);
    s.append(String.format(Locale.ROOT, "Rule report: %d units in %d gold %s: %s%n",
        unitCount, files.size(), files.size() == 1 ? "file" : "files",
        String.join(", ", files)));
    s.append("Lexicon ").append(lexicon.name()).append(' ').append(lexicon.version())
        .append(": ").append(plural(ruleCount, "rule")).append(", ")
        .append(plural(blockCount, "block")).append(", ")
        .append(plural(modifierCount, "modifier")).append("\n\n");
    wrap(s, LEGEND, 96);

    long rulesActed = rules.stream().map(l -> l.entry().id()).distinct().count();
    s.append(String.format(Locale.ROOT, "%nRules, worst first (%d of %d acted)%n", rulesActed,
        ruleCount));
    TextTable t = new TextTable("  ", "llrrrrrl");
    t.row("rule", "frame", "units", "right", "wrong", "prec", "supp", "where");
    for (RuleLine l : rules) {
      t.row(l.entry().id(), l.frame().id(), num(l.units()), num(l.right()), num(l.wrong()),
          ratio(l.precision()), num(l.suppressed()), where(l.entry()));
    }
    t.appendTo(s);

    s.append(String.format(Locale.ROOT,
        "%nBlocks and modifiers, worst first (%d of %d acted)%n", actors.size(),
        blockCount + modifierCount));
    t = new TextTable("  ", "llrrrrrll");
    t.row("entry", "kind", "units", "right", "wrong", "unj", "prec", "where", "effects");
    for (ActorLine l : actors) {
      t.row(l.entry().id(), kind(l.entry()), num(l.units()), num(l.right()), num(l.wrong()),
          num(l.unjudged()), ratio(l.precision()), where(l.entry()),
          l.effects().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(", ")));
    }
    t.appendTo(s);

    s.append(String.format(Locale.ROOT, "%nNever acted (%d: %s)%n", neverActed.size(),
        kinds(neverActed)));
    TextTable nevers = new TextTable("  ", "lll");
    nevers.row("kind", "entry", "where");
    neverActed.forEach(r -> nevers.row(kind(r), r.id(), where(r)));
    if (!neverActed.isEmpty()) {
      nevers.appendTo(s);
    }

    s.append(String.format(Locale.ROOT, "%nActing on exactly one unit (%d: %s)%n",
        oneUnit.size(), kinds(oneUnit.stream().map(OneUnit::entry).toList())));
    TextTable ones = new TextTable("  ", "llll");
    ones.row("kind", "entry", "where", "unit");
    oneUnit.forEach(o -> ones.row(kind(o.entry()), o.entry().id(), where(o.entry()),
        unitName(o.unit())));
    if (!oneUnit.isEmpty()) {
      ones.appendTo(s);
    }

    s.append("\nMissed labels (gold has the label, the prediction does not)\n");
    for (Map.Entry<Frame, List<Missed>> e : missed.entrySet()) {
      List<Missed> untouched = e.getValue().stream().filter(Missed::untouched).toList();
      List<Missed> touched = e.getValue().stream().filter(m -> !m.untouched()).toList();
      if (e.getValue().isEmpty()) {
        s.append("  ").append(e.getKey().id()).append(": 0 missed\n");
        continue;
      }
      s.append(String.format(Locale.ROOT,
          "  %s: %d missed, %d untouched by any rule (a new concept), %d touched%n",
          e.getKey().id(), e.getValue().size(), untouched.size(), touched.size()));
      if (!untouched.isEmpty()) {
        s.append("    untouched\n");
        for (Missed m : untouched) {
          s.append("      ").append(unitName(m.unit())).append("  ")
              .append(snippet(m.unit().unit().text())).append('\n');
        }
      }
      if (!touched.isEmpty()) {
        s.append("    touched\n");
        for (Missed m : touched) {
          s.append("      ").append(unitName(m.unit())).append("  ")
              .append(m.causes().stream().map(Cause::toString)
                  .collect(Collectors.joining("; ")));
          if (m.causes().stream().anyMatch(c -> c.how().equals("too weak"))) {
            s.append(String.format(Locale.ROOT, " (score %.2f < %.2f)", m.score(),
                m.threshold()));
          }
          s.append("\n        ").append(snippet(m.unit().unit().text())).append('\n');
        }
      }
    }
    return s.toString();
  }

  private long count(Lexicon.Kind kind) {
    return lexicon.rules().stream().filter(r -> r.kind() == kind).count();
  }

  private static String kinds(List<Lexicon.Rule> list) {
    Map<Lexicon.Kind, Long> byKind = list.stream().collect(Collectors.groupingBy(
        Lexicon.Rule::kind, () -> new EnumMap<>(Lexicon.Kind.class), Collectors.counting()));
    return plural(byKind.getOrDefault(Lexicon.Kind.RULE, 0L), "rule") + ", "
        + plural(byKind.getOrDefault(Lexicon.Kind.BLOCK, 0L), "block") + ", "
        + plural(byKind.getOrDefault(Lexicon.Kind.MODIFIER, 0L), "modifier");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private String unitName(Analysed a) {
    return files.size() > 1 ? a.unit().id() + " (" + a.file() + ")" : a.unit().id();
  }

  /** The text on one line, cut to {@link #TEXT_CHARS} chars with an ellipsis. */
  static String snippet(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= TEXT_CHARS ? flat
        : flat.substring(0, TEXT_CHARS - 1).stripTrailing() + "…";
  }

  /** Where an entry is defined; files of the default lexicon relative to its directory. */
  static String where(Lexicon.Rule r) {
    String source = r.source().startsWith(DEFAULT_DIR)
        ? r.source().substring(DEFAULT_DIR.length()) : r.source();
    return source + ":" + r.line();
  }

  private static String kind(Lexicon.Rule r) {
    return r.kind().name().toLowerCase(Locale.ROOT);
  }

  private static String num(int n) {
    return Integer.toString(n);
  }

  private static String ratio(double r) {
    return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.3f", r);
  }

  private static void wrap(StringBuilder s, String paragraph, int width) {
    int lineStart = s.length();
    for (String word : paragraph.split(" ")) {
      if (s.length() > lineStart && s.length() - lineStart + 1 + word.length() > width) {
        s.append('\n');
        lineStart = s.length();
      } else if (s.length() > lineStart) {
        s.append(' ');
      }
      s.append(word);
    }
    s.append('\n');
  }

  // ---------------------------------------------------------------------------------------
  // JSON

  /** The report as a JSON object (the same content as {@link #text()}, with full sources). */
  ObjectNode json() {
    ObjectNode root = AnalysisJson.JSON.createObjectNode();
    ArrayNode fileList = root.putArray("files");
    files.forEach(fileList::add);
    root.put("units", unitCount);
    ArrayNode ruleList = root.putArray("rules");
    for (RuleLine l : rules) {
      ObjectNode node = ruleList.addObject();
      entryFields(node, l.entry());
      node.put("frame", l.frame().id());
      node.put("units", l.units());
      node.put("right", l.right());
      node.put("wrong", l.wrong());
      AnalysisJson.putRatio(node, "precision", l.precision());
      node.put("suppressed", l.suppressed());
    }
    ArrayNode actorList = root.putArray("blocks_and_modifiers");
    for (ActorLine l : actors) {
      ObjectNode node = actorList.addObject();
      entryFields(node, l.entry());
      node.put("units", l.units());
      node.put("right", l.right());
      node.put("wrong", l.wrong());
      node.put("unjudged", l.unjudged());
      AnalysisJson.putRatio(node, "precision", l.precision());
      ObjectNode effects = node.putObject("effects");
      l.effects().forEach(effects::put);
    }
    ArrayNode never = root.putArray("never_acted");
    neverActed.forEach(r -> entryFields(never.addObject(), r));
    ArrayNode ones = root.putArray("one_unit");
    for (OneUnit o : oneUnit) {
      ObjectNode node = ones.addObject();
      entryFields(node, o.entry());
      node.put("file", o.unit().file());
      node.put("unit", o.unit().unit().id());
    }
    ObjectNode missedNode = root.putObject("missed");
    missed.forEach((frame, list) -> {
      ObjectNode node = missedNode.putObject(frame.id());
      node.put("missed", list.size());
      ArrayNode untouched = node.putArray("untouched");
      ArrayNode touched = node.putArray("touched");
      for (Missed m : list) {
        ObjectNode unit = (m.untouched() ? untouched : touched).addObject();
        unit.put("file", m.unit().file());
        unit.put("id", m.unit().unit().id());
        unit.put("text", m.unit().unit().text());
        if (!m.untouched()) {
          unit.put("score", AnalysisJson.round(m.score()));
          unit.put("threshold", m.threshold());
          ArrayNode causes = unit.putArray("causes");
          for (Cause c : m.causes()) {
            causes.addObject().put("how", c.how()).put("rule", c.rule()).put("by", c.by())
                .put("detail", c.detail());
          }
        }
      }
    });
    return root;
  }

  private static void entryFields(ObjectNode node, Lexicon.Rule r) {
    node.put("id", r.id());
    node.put("kind", kind(r));
    node.put("source", r.source());
    node.put("line", r.line());
  }

}
