package dev.framelens.benchmarks;

import dev.framelens.internal.lexicon.CompiledLexicon;
import dev.framelens.internal.lexicon.CompiledLexicon.PatternInfo;
import dev.framelens.internal.match.PatternAutomaton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * What the alternatives of {@link ScoringLoopBenchmark} search for, derived from a compiled
 * lexicon (nothing is written by hand, so the alternatives follow the lexicon):
 *
 * <ul>
 *   <li><b>words</b>: every key of the lexicon's word dictionary, i.e. every literal of a
 *       pattern and every word of a set ({@code @actor}, {@code who} categories, speaker words);
 *   <li><b>stems</b>: every {@code word~} stem (Snowball English, as the engine computes it);
 *   <li><b>prefixes</b>: every {@code word*} prefix;
 *   <li><b>phrases</b>: every run of two or more consecutive literal words in the patterns'
 *       expanded atom sequences ("claimed victory", "lost the").
 * </ul>
 *
 * <p>An open-ended term (stem or prefix) matches a word that begins with it. A stem that the
 * stemmer ended in "i" for a final "y" ("victori" for victory) is searched as {@code victor}
 * followed by "y" or by "i" and more letters, so that the word itself is found too.
 *
 * <p>{@link #patternRegex} approximates one pattern as a {@link java.util.regex} the way a user
 * would write it: words as words, stems and prefixes as word prefixes, sets as alternations,
 * {@code NUMBER} as a number regex, {@code CAP} as a capitalised word, gaps as a bounded run of
 * words. It is built from the pattern's expanded sequences: wildcard runs become bounded gaps,
 * and the alternatives are factored into a tree (shared beginnings written once, alternatives
 * with the same continuation merged into one group), which is how a person writes
 * {@code (hold~ | held) (the)? (harbour | quay)}.
 */
final class LexiconTerms {
  /** Separator between two tokens of a phrase or pattern. */
  static final String SEP = "\\W+";
  /** A number as the engine's NUMBER atom reads it, approximately. */
  static final String NUMBER_REGEX = "(?:\\d[\\d,.]*(?:\\s*(?:million|billion|thousand|hundred"
      + "|bn|m|k)\\b)?|(?:a\\s+)?(?:dozens|hundreds|thousands|millions|tens\\s+of\\s+thousands"
      + "|hundreds\\s+of\\s+thousands|dozen|one|two|three|four|five|six|seven|eight|nine|ten"
      + "|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
      + "|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-]+(?:one|two|three|four|five"
      + "|six|seven|eight|nine|hundred|thousand|million))*\\b)";
  static final String CAP_REGEX = "(?-i:\\p{Lu})\\w*";

  final CompiledLexicon lexicon;
  final Set<String> words = new TreeSet<>();
  final Set<String> stems = new TreeSet<>();
  final Set<String> prefixes = new TreeSet<>();
  /** Each phrase as its words. */
  final Set<List<String>> phrases = new java.util.LinkedHashSet<>();

  /** Atom to the words, stems and prefixes that satisfy it. */
  private final Map<Integer, Members> members = new HashMap<>();

  private static final class Members {
    final List<String> words = new ArrayList<>();
    final List<String> stems = new ArrayList<>();
    final List<String> prefixes = new ArrayList<>();

    boolean isLiteralWord() {
      return words.size() == 1 && stems.isEmpty() && prefixes.isEmpty();
    }
  }

  LexiconTerms(CompiledLexicon lexicon) {
    this.lexicon = lexicon;
    invert(lexicon.wordAtoms, words, m -> m.words);
    invert(lexicon.stemAtoms, stems, m -> m.stems);
    invert(lexicon.prefixAtoms, prefixes, m -> m.prefixes);
    for (PatternInfo p : lexicon.patterns) {
      phrases.addAll(phrasesOf(p));
    }
  }

  /** The runs of two or more literal words in the expanded sequences of {@code p}. */
  Set<List<String>> phrasesOf(PatternInfo p) {
    Set<List<String>> out = new java.util.LinkedHashSet<>();
    for (int[] sequence : p.sequences) {
      int i = 0;
      while (i < sequence.length) {
        int j = i;
        while (j < sequence.length && isLiteralWord(sequence[j])) {
          j++;
        }
        if (j - i >= 2) {
          List<String> phrase = new ArrayList<>(j - i);
          for (int k = i; k < j; k++) {
            phrase.add(members.get(sequence[k]).words.get(0));
          }
          out.add(List.copyOf(phrase));
        }
        i = Math.max(j, i + 1);
      }
    }
    return out;
  }

  private void invert(CharArrayMap<int[]> dictionary, Set<String> all,
      java.util.function.Function<Members, List<String>> slot) {
    for (Map.Entry<Object, int[]> e : dictionary.entrySet()) {
      String term = new String((char[]) e.getKey());
      all.add(term);
      for (int atom : e.getValue()) {
        slot.apply(members.computeIfAbsent(atom, a -> new Members())).add(term);
      }
    }
  }

  private boolean isLiteralWord(int atom) {
    Members m = members.get(atom);
    return m != null && m.isLiteralWord();
  }

  /** The regex of an open-ended term: the stem or prefix followed by the rest of the word. */
  static String openRegex(String stem, boolean isStem) {
    if (isStem && stem.length() > 2 && stem.endsWith("i")) {
      return quote(stem.substring(0, stem.length() - 1)) + "(?:y\\b|i\\w*)";
    }
    return quote(stem) + "\\w*";
  }

  /**
   * The literal keywords an Aho-Corasick trie needs for a stem: the stem itself (open-ended)
   * and, for a stem ending in "i", the "y" form (a whole word). Value: open-ended.
   */
  static Map<String, Boolean> stemKeywords(String stem) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    if (stem.length() > 2 && stem.endsWith("i")) {
      out.put(stem.substring(0, stem.length() - 1) + "y", false);
    }
    out.put(stem, true);
    return out;
  }

  static String quote(String word) {
    StringBuilder out = new StringBuilder(word.length() + 4);
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      } else {
        out.append('\\').append(c);
      }
    }
    return out.toString();
  }

  /**
   * Every term as the branches of one alternation, longest first (so that "victors" is tried
   * before "victor"). Phrases are left out: each of their words is a term already, and a
   * keyword list of a lexicon is its words.
   */
  List<String> alternationBranches() {
    List<String> branches = new ArrayList<>();
    for (String w : words) {
      branches.add(quote(w));
    }
    for (String s : stems) {
      branches.add(openRegex(s, true));
    }
    for (String p : prefixes) {
      branches.add(openRegex(p, false));
    }
    branches.sort(Comparator.comparingInt(String::length).reversed()
        .thenComparing(Comparator.naturalOrder()));
    return branches;
  }

  /** All terms as one word-bounded alternation. */
  String alternationRegex() {
    return "\\b(?:" + String.join("|", alternationBranches()) + ")\\b";
  }

  // ---------------------------------------------------------------------------------------------
  // One regex per pattern

  /** An element of a pattern skeleton: an atom, or a gap of min..max words. */
  private record Element(int atom, int min, int max) {
    static final int GAP = -1;

    boolean isGap() {
      return atom == GAP;
    }
  }

  private static final class Node {
    final Map<Element, Node> children = new LinkedHashMap<>();
    boolean terminal;
  }

  /** The regex approximating pattern {@code p}. */
  String patternRegex(PatternInfo p) {
    // Group the expanded sequences by their non-wildcard atoms; wildcard runs become gaps.
    Map<List<Integer>, int[][]> skeletons = new LinkedHashMap<>();
    for (int[] sequence : p.sequences) {
      List<Integer> atoms = new ArrayList<>();
      List<Integer> gaps = new ArrayList<>();
      int run = 0;
      for (int atom : sequence) {
        if (atom == PatternAutomaton.ANY) {
          run++;
        } else {
          if (!atoms.isEmpty()) {
            gaps.add(run);
          }
          run = 0;
          atoms.add(atom);
        }
      }
      int[][] range = skeletons.get(atoms);
      if (range == null) {
        range = new int[2][gaps.size()];
        for (int g = 0; g < gaps.size(); g++) {
          range[0][g] = gaps.get(g);
          range[1][g] = gaps.get(g);
        }
        skeletons.put(atoms, range);
      } else {
        for (int g = 0; g < gaps.size(); g++) {
          range[0][g] = Math.min(range[0][g], gaps.get(g));
          range[1][g] = Math.max(range[1][g], gaps.get(g));
        }
      }
    }
    Node root = new Node();
    for (Map.Entry<List<Integer>, int[][]> e : skeletons.entrySet()) {
      Node node = root;
      List<Integer> atoms = e.getKey();
      for (int i = 0; i < atoms.size(); i++) {
        if (i > 0 && e.getValue()[1][i - 1] > 0) {
          node = node.children.computeIfAbsent(
              new Element(Element.GAP, e.getValue()[0][i - 1], e.getValue()[1][i - 1]),
              k -> new Node());
        }
        node = node.children.computeIfAbsent(new Element(atoms.get(i), 0, 0), k -> new Node());
      }
      node.terminal = true;
    }
    return "\\b" + render(root, true);
  }

  /** The regex of everything below {@code node}; empty when nothing follows. */
  private String render(Node node, boolean first) {
    // Children with the same continuation are merged: (a|b) continuation.
    Map<String, List<Element>> byTail = new LinkedHashMap<>();
    for (Map.Entry<Element, Node> c : node.children.entrySet()) {
      byTail.computeIfAbsent(render(c.getValue(), false), k -> new ArrayList<>())
          .add(c.getKey());
    }
    List<String> branches = new ArrayList<>();
    for (Map.Entry<String, List<Element>> e : byTail.entrySet()) {
      List<Element> heads = e.getValue();
      String head;
      if (heads.size() == 1) {
        head = element(heads.get(0), first);
      } else {
        List<String> parts = new ArrayList<>();
        boolean allAtoms = heads.stream().noneMatch(Element::isGap);
        for (Element h : heads) {
          parts.add(allAtoms ? atomRegex(h.atom()) : element(h, first));
        }
        head = allAtoms ? (first ? "" : SEP) + "(?:" + String.join("|", parts) + ")"
            : "(?:" + String.join("|", parts) + ")";
      }
      branches.add(head + e.getKey());
    }
    if (branches.isEmpty()) {
      return "";
    }
    if (node.terminal) {
      branches.add("");
    }
    if (branches.size() == 1) {
      return branches.get(0);
    }
    return "(?:" + String.join("|", branches) + ")";
  }

  private String element(Element e, boolean first) {
    if (e.isGap()) {
      return "(?:" + SEP + "\\w+){" + e.min() + "," + e.max() + "}";
    }
    return (first ? "" : SEP) + atomRegex(e.atom());
  }

  /** The regex of one atom, word-bounded at its end. */
  private String atomRegex(int atom) {
    if (atom == PatternAutomaton.NUMBER) {
      return NUMBER_REGEX;
    }
    if (atom == PatternAutomaton.CAPITALIZED) {
      return CAP_REGEX;
    }
    if (atom == PatternAutomaton.ANY) {
      return "\\w+";
    }
    Members m = members.get(atom);
    if (m == null) {
      return "(?!)"; // an atom nothing satisfies (an empty set)
    }
    List<String> parts = new ArrayList<>();
    List<String> closed = new ArrayList<>(m.words);
    closed.sort(Comparator.comparingInt(String::length).reversed());
    for (String w : closed) {
      parts.add(quote(w));
    }
    for (String s : m.stems) {
      parts.add(openRegex(s, true));
    }
    for (String s : m.prefixes) {
      parts.add(openRegex(s, false));
    }
    String body = parts.size() == 1 ? parts.get(0) : "(?:" + String.join("|", parts) + ")";
    return body + "\\b";
  }

  /** Compiles every pattern's regex, case-insensitive. */
  List<Pattern> patternRegexes() {
    List<Pattern> out = new ArrayList<>();
    for (PatternInfo p : lexicon.patterns) {
      out.add(Pattern.compile(patternRegex(p), Pattern.CASE_INSENSITIVE));
    }
    return out;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "%d patterns; %d words, %d stems, %d prefixes, %d phrases", lexicon.patterns.length,
        words.size(), stems.size(), prefixes.size(), phrases.size());
  }

  static String describeSizes(List<Pattern> patterns) {
    int[] lengths = patterns.stream().mapToInt(p -> p.pattern().length()).sorted().toArray();
    return String.format(java.util.Locale.ROOT, "%d regexes, %d chars in all (median %d, "
        + "longest %d)", lengths.length, Arrays.stream(lengths).sum(),
        lengths.length == 0 ? 0 : lengths[lengths.length / 2],
        lengths.length == 0 ? 0 : lengths[lengths.length - 1]);
  }
}
