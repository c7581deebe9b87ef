package dev.framelens.internal.lexicon;

import dev.framelens.CasualtyCount;
import dev.framelens.Frame;
import dev.framelens.internal.lexicon.Syntax.Condition;
import dev.framelens.internal.lexicon.Syntax.Effect;
import dev.framelens.internal.lexicon.Syntax.PatternKind;
import dev.framelens.internal.lexicon.Syntax.Scope;
import dev.framelens.internal.match.PatternAutomaton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArrayMap;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * A lexicon ready for the engine: the automaton over all patterns, the dictionaries that map a
 * token's word and stem to the atoms it satisfies, and a descriptor per pattern. Immutable.
 */
public final class CompiledLexicon {
  /** Descriptor of one pattern: what it is and what a match of it does. */
  public static final class PatternInfo {
    public final int id;
    public final PatternKind kind;
    public final String name;
    /** Bit per {@link Frame#ordinal()}: the frames a rule supports. */
    public final int frames;
    public final double weight;
    /** Per frame ordinal: the frame a negation turns it into, or -1 to drop it. */
    public final int[] negatedTo;
    public final CasualtyCount.Kind casualtyKind;
    public final CasualtyCount.Qualifier qualifier;
    /** Ids of the modifiers that do not act on this rule. */
    public final Set<Integer> immune;
    /** Ids of the rules whose overlapping matches this rule's matches replace. */
    public final Set<Integer> overrides;
    public final Scope scope;
    public final Set<Condition> conditions;
    /**
     * A modifier's {@code unless} sets, as atoms (sorted): it does not act in a sentence that
     * has a word of one of them. Empty for most.
     */
    public final int[] unlessAtoms;
    /** Per frame ordinal, then one more for {@code *}: the modifier's effect, or null. */
    public final Effect[] effects;
    /** Its {@code example:} and {@code counter:} lines, in file order. */
    public final List<ExampleLine> examples;
    public final String source;
    public final int line;
    /**
     * The atom sequences the pattern expanded into, to tell which tokens of a match the rule
     * asked for and which a gap or wildcard absorbed.
     */
    public final int[][] sequences;

    PatternInfo(int id, PatternKind kind, String name, int frames, double weight,
        int[] negatedTo, CasualtyCount.Kind casualtyKind, CasualtyCount.Qualifier qualifier,
        Set<Integer> immune, Set<Integer> overrides, Scope scope, Set<Condition> conditions,
        int[] unlessAtoms, Effect[] effects,
        List<ExampleLine> examples, String source, int line, int[][] sequences) {
      this.id = id;
      this.kind = kind;
      this.name = name;
      this.frames = frames;
      this.weight = weight;
      this.negatedTo = negatedTo;
      this.casualtyKind = casualtyKind;
      this.qualifier = qualifier;
      this.immune = immune;
      this.overrides = overrides;
      this.scope = scope;
      this.conditions = conditions;
      this.unlessAtoms = unlessAtoms;
      this.effects = effects;
      this.examples = examples;
      this.source = source;
      this.line = line;
      this.sequences = sequences;
    }

    /** The effect this modifier has on a match currently supporting {@code frame}, or null. */
    public Effect effectOn(Frame frame) {
      Effect specific = effects[frame.ordinal()];
      return specific != null ? specific : effects[Frame.values().length];
    }

    public boolean supports(Frame frame) {
      return (frames & (1 << frame.ordinal())) != 0;
    }
  }

  public final String name;
  public final String version;
  public final double[] thresholds;
  public final List<String> abbreviations;
  public final PatternAutomaton automaton;
  public final PatternInfo[] patterns;
  /** Atoms satisfied by a token because of its exact (normalised) word. */
  public final CharArrayMap<int[]> wordAtoms;
  /** Atoms satisfied by a token because of its stem. */
  public final CharArrayMap<int[]> stemAtoms;
  /** Atoms satisfied by a token because it starts with a prefix. */
  public final CharArrayMap<int[]> prefixAtoms;
  /** The longest prefix, to bound the lookups per new term. */
  public final int longestPrefix;
  /** The atom of each {@code who} category, to its name. */
  public final Map<Integer, String> whoCategories;
  /** The atom of the {@code speaker-words} set, or -1. */
  public final int speakerWordAtom;
  /** The atom of the {@code not-names} words, which {@code CAP} never matches; or -1. */
  public final int notNameAtom;
  /** The atom of each word set, by its name with the {@code @}. */
  public final Map<String, Integer> setAtoms;
  /** Every word, stem, prefix and lemma written in a set or a pattern, in reading order. */
  public final List<TermUse> terms;
  /**
   * The {@code contest-gate}: a document of at least this many paragraphs carries no frame
   * unless a word of {@link #contestGateAtoms} stands in it; 0 when there is no gate.
   */
  public final int contestGateParagraphs;
  /** The atoms of the gate's sets (sorted). */
  public final int[] contestGateAtoms;

  /**
   * An {@code example:} (or, when {@code counter}, a {@code counter:}) line: its sentence, and
   * where the sentence starts, with the whole line for a caret display.
   */
  public record ExampleLine(String text, boolean counter, String source, int line, int column,
      String lineText) {}

  /** A term as written in a set or a pattern: for the lexicon's authoring tools. */
  public record TermUse(String text, Syntax.ItemKind kind, String owner, String source,
      int line, int column) {}

  CompiledLexicon(String name, String version, double[] thresholds, List<String> abbreviations,
      PatternAutomaton automaton, PatternInfo[] patterns, CharArrayMap<int[]> wordAtoms,
      CharArrayMap<int[]> stemAtoms, CharArrayMap<int[]> prefixAtoms, int longestPrefix,
      Map<Integer, String> whoCategories, int speakerWordAtom, int notNameAtom,
      Map<String, Integer> setAtoms,
      List<TermUse> terms, int contestGateParagraphs, int[] contestGateAtoms) {
    this.name = name;
    this.version = version;
    this.thresholds = thresholds;
    this.abbreviations = abbreviations;
    this.automaton = automaton;
    this.patterns = patterns;
    this.wordAtoms = wordAtoms;
    this.stemAtoms = stemAtoms;
    this.prefixAtoms = prefixAtoms;
    this.longestPrefix = longestPrefix;
    this.whoCategories = whoCategories;
    this.speakerWordAtom = speakerWordAtom;
    this.notNameAtom = notNameAtom;
    this.setAtoms = setAtoms;
    this.terms = terms;
    this.contestGateParagraphs = contestGateParagraphs;
    this.contestGateAtoms = contestGateAtoms;
  }

  /**
   * The atoms a token with this normalised term satisfies through its word, its stem and its
   * prefixes (sorted, distinct; without {@code CAPITALIZED}). The engine caches the result per
   * distinct term, so this runs once per new word of the text.
   *
   * @param stemmer the caller's stemmer (not thread-safe, so one per thread)
   * @param scratch a buffer of at least {@code length + 8} chars the stemmer may work in
   */
  public int[] atomsOf(char[] term, int offset, int length, EnglishStemmer stemmer,
      char[] scratch) {
    int[] word = wordAtoms.get(term, offset, length);
    System.arraycopy(term, offset, scratch, 0, length);
    stemmer.setCurrent(scratch, length);
    stemmer.stem();
    int[] stem = stemAtoms.get(stemmer.getCurrentBuffer(), 0, stemmer.getCurrentBufferLength());
    int[] atoms = union(word == null ? NO_ATOMS : word, stem == null ? NO_ATOMS : stem);
    int longest = Math.min(length, longestPrefix);
    for (int k = LexiconCompiler.MIN_PREFIX; k <= longest; k++) {
      int[] prefix = prefixAtoms.get(term, offset, k);
      if (prefix != null) {
        atoms = union(atoms, prefix);
      }
    }
    return atoms;
  }

  private static final int[] NO_ATOMS = new int[0];

  /** The sorted union of two sorted atom arrays (one of them when the other is empty). */
  public static int[] union(int[] a, int[] b) {
    if (a.length == 0) {
      return b;
    }
    if (b.length == 0) {
      return a;
    }
    int[] out = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      int next;
      if (j >= b.length || (i < a.length && a[i] <= b[j])) {
        next = a[i++];
      } else {
        next = b[j++];
      }
      if (n == 0 || out[n - 1] != next) {
        out[n++] = next;
      }
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }
}
