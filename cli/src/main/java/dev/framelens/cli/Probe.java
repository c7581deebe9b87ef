package dev.framelens.cli;

import dev.framelens.Evidence;
import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import dev.framelens.Lexicon;
import dev.framelens.LexiconException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A throwaway lexicon with one rule per pattern ({@code rule c17 : annihilate^}), through which
 * the commands ask the engine itself what a pattern matches, with the engine's own tokenizer
 * and lemma forms and nothing duplicated: which words a lemma atom matches ({@link #matches}),
 * and how often each pattern occurs in a corpus ({@link #count}).
 *
 * <p>Counting is exact for these rules: the lexicon has no blocks, modifiers or
 * {@code overrides}, so every match is one piece of evidence of its rule (none is suppressed;
 * suppressed evidence is counted all the same), and a one-word rule matches each occurrence of
 * each of its words once. A pattern the loader refuses (a number word such as "ten", which the
 * text reads as a {@code NUMBER}) is left out: {@link #usable} is false for it.
 */
final class Probe {
  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  private final Lexicon lexicon;
  private final FrameDetector detector;
  private final Map<String, Integer> ids = new LinkedHashMap<>();
  private final String[] patternOfRule;

  private Probe(List<String> patterns) {
    List<String> kept = new ArrayList<>(new LinkedHashSet<>(patterns));
    Lexicon compiled = null;
    // Each refused rule is dropped and the rest compiled again; a rule is one line, so a
    // problem's line names it. Two rounds suffice (a dropped rule cannot cause a problem).
    for (int round = 0; round < 4 && compiled == null; round++) {
      try {
        compiled = Lexicon.parse("probe.fl", text(kept));
      } catch (LexiconException e) {
        Set<Integer> bad = new HashSet<>();
        for (LexiconException.Problem p : e.problems()) {
          bad.add(p.line() - 2);
        }
        if (bad.stream().noneMatch(i -> i >= 0 && i < kept.size())) {
          throw e;
        }
        List<String> next = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
          if (!bad.contains(i)) {
            next.add(kept.get(i));
          }
        }
        kept.clear();
        kept.addAll(next);
      }
    }
    if (compiled == null) {
      compiled = Lexicon.parse("probe.fl", "frame victory\n");
      kept.clear();
    }
    for (int i = 0; i < kept.size(); i++) {
      ids.put(kept.get(i), i);
    }
    this.patternOfRule = kept.toArray(String[]::new);
    this.lexicon = compiled;
    this.detector = ids.isEmpty() ? null : FrameDetector.builder().lexicon(compiled).build();
  }

  /** A probe for these patterns (duplicates are compiled once). */
  static Probe of(List<String> patterns) {
    return new Probe(patterns);
  }

  private static String text(List<String> patterns) {
    StringBuilder s = new StringBuilder("frame victory\n");
    for (int i = 0; i < patterns.size(); i++) {
      s.append("rule c").append(i).append(" : ").append(patterns.get(i)).append('\n');
    }
    return s.toString();
  }

  /**
   * The pattern for a word or a WordNet phrase, counting every inflection: a word of letters
   * becomes a lemma atom ({@code annihilate^}); in a phrase, the head word does (the first of
   * a verb, {@code wipe^ out}; the last of a noun, {@code mass murder^}; none of an adjective
   * or adverb). A word with other characters is quoted and matches as written.
   */
  static String pattern(String lemma, String pos) {
    String[] words = lemma.toLowerCase(Locale.ROOT).trim().split("[\\s_]+");
    int head = switch (pos) {
      case "verb" -> 0;
      case "noun" -> words.length - 1;
      default -> -1;
    };
    if (words.length == 1) {
      head = 0;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (i > 0) {
        s.append(' ');
      }
      if (WORD.matcher(w).matches()) {
        s.append(w).append(i == head ? "^" : "");
      } else {
        s.append('"').append(w.replace("\"", "")).append('"');
      }
    }
    return s.toString();
  }

  /** Whether the loader accepted the pattern. */
  boolean usable(String pattern) {
    return ids.containsKey(pattern);
  }

  /**
   * Whether a token of {@code word} is matched by the pattern (one word; a form of a lemma
   * atom, say). False for a word that is not one token, or a pattern that was refused.
   */
  boolean matches(String pattern, String word) {
    Integer id = ids.get(pattern);
    if (id == null) {
      return false;
    }
    try {
      return lexicon.covers("c" + id, word);
    } catch (IllegalArgumentException notOneWord) {
      return false;
    }
  }

  /** The words of {@code candidates} that the one-word {@code pattern} matches. */
  List<String> matching(String pattern, Iterable<String> candidates) {
    List<String> found = new ArrayList<>();
    for (String word : candidates) {
      if (matches(pattern, word)) {
        found.add(word);
      }
    }
    return found;
  }

  /** Adds the matches of each pattern in {@code text} to {@code counts}, by pattern. */
  void count(String text, Map<String, Long> counts) {
    if (detector == null) {
      return;
    }
    FrameAnalysis analysis = detector.analyze(text);
    for (List<Evidence> list : List.of(analysis.evidence(), analysis.suppressed())) {
      for (Evidence e : list) {
        int id = Integer.parseInt(e.ruleId().substring(1));
        counts.merge(patternOfRule[id], 1L, Long::sum);
      }
    }
  }
}
