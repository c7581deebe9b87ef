package dev.framelens.internal.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * A deliberately naive reference for the automaton: its own pattern tree, rendered to lexicon
 * syntax for the compiler, and a matcher that tries every pattern at every start position by
 * backtracking over the tree, deciding token matches from the token's text (equality, stem
 * equality, prefix, set membership), never from atoms.
 */
final class NaivePatterns {
  private NaivePatterns() {}

  /** A token of the text: a lowercase word, possibly written with a capital, or a number. */
  record Token(String word, boolean capitalized, boolean number) {
    static Token ofWord(String w) {
      return new Token(w, false, false);
    }

    static Token ofCapitalized(String w) {
      return new Token(w, true, false);
    }

    static Token ofNumber() {
      return new Token("#", false, true);
    }

    @Override
    public String toString() {
      if (number) {
        return "NUMBER";
      }
      return capitalized ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word;
    }
  }

  /** A pattern element. */
  sealed interface Pat {}

  record Word(String word) implements Pat {}

  record Phrase(List<String> words) implements Pat {}

  record Stem(String word) implements Pat {}

  record Prefix(String prefix) implements Pat {}

  record SetRef(int set) implements Pat {}

  record Num() implements Pat {}

  record Cap() implements Pat {}

  record Any() implements Pat {}

  record Gap(int min, int max) implements Pat {}

  record Seq(List<Pat> items) implements Pat {}

  record Alt(List<Pat> options) implements Pat {}

  record Opt(Pat item) implements Pat {}

  /** A set item: a word, a stem, a prefix or an earlier set. */
  record SetItem(String text, char kind) {
    String render() {
      return switch (kind) {
        case '~' -> text + "~";
        case '*' -> text + "*";
        case '@' -> "@s" + text;
        default -> text;
      };
    }
  }

  /** Sets {@code @s0..} (each may refer only to earlier ones) and rules {@code r0..}. */
  record Lex(List<List<SetItem>> sets, List<Pat> rules) {
    String render() {
      StringBuilder s = new StringBuilder("lexicon differential 1\n");
      for (int i = 0; i < sets.size(); i++) {
        s.append("set @s").append(i).append(" =").append(sets.get(i).stream()
            .map(item -> " " + item.render()).collect(Collectors.joining())).append('\n');
      }
      s.append("frame victory\n");
      for (int i = 0; i < rules.size(); i++) {
        s.append("rule r").append(i).append(" : ").append(NaivePatterns.render(rules.get(i)))
            .append('\n');
      }
      return s.toString();
    }
  }

  static String render(Pat p) {
    if (p instanceof Word w) {
      return w.word();
    } else if (p instanceof Phrase ph) {
      return "\"" + String.join(" ", ph.words()) + "\"";
    } else if (p instanceof Stem s) {
      return s.word() + "~";
    } else if (p instanceof Prefix pr) {
      return pr.prefix() + "*";
    } else if (p instanceof SetRef r) {
      return "@s" + r.set();
    } else if (p instanceof Num) {
      return "NUMBER";
    } else if (p instanceof Cap) {
      return "CAP";
    } else if (p instanceof Any) {
      return "_";
    } else if (p instanceof Gap g) {
      return "...{" + g.min() + "," + g.max() + "}";
    } else if (p instanceof Seq s) {
      return s.items().stream().map(NaivePatterns::render).collect(Collectors.joining(" "));
    } else if (p instanceof Alt a) {
      return "(" + a.options().stream().map(NaivePatterns::render)
          .collect(Collectors.joining(" | ")) + ")";
    } else {
      Pat inner = ((Opt) p).item();
      String r = render(inner);
      return (inner instanceof Seq ? "(" + r + ")" : r) + "?";
    }
  }

  /** How many plain sequences the compiler expands a pattern into. */
  static long expansions(Pat p) {
    if (p instanceof Gap g) {
      return g.max() - g.min() + 1;
    } else if (p instanceof Seq s) {
      long n = 1;
      for (Pat item : s.items()) {
        n *= expansions(item);
      }
      return n;
    } else if (p instanceof Alt a) {
      return a.options().stream().mapToLong(NaivePatterns::expansions).sum();
    } else if (p instanceof Opt o) {
      return expansions(o.item()) + 1;
    }
    return 1;
  }

  /** The longest span of a pattern, in tokens. */
  static int maxLength(Pat p) {
    if (p instanceof Phrase ph) {
      return ph.words().size();
    } else if (p instanceof Gap g) {
      return g.max();
    } else if (p instanceof Seq s) {
      return s.items().stream().mapToInt(NaivePatterns::maxLength).sum();
    } else if (p instanceof Alt a) {
      return a.options().stream().mapToInt(NaivePatterns::maxLength).max().orElse(0);
    } else if (p instanceof Opt o) {
      return maxLength(o.item());
    }
    return 1;
  }

  /** A match: rule index, first token, last token (inclusive). */
  record Match(int rule, int start, int end) implements Comparable<Match> {
    @Override
    public int compareTo(Match o) {
      int c = Integer.compare(end, o.end);
      if (c == 0) {
        c = Integer.compare(rule, o.rule);
      }
      return c != 0 ? c : Integer.compare(start, o.start);
    }
  }

  /** The naive matcher over one lexicon. */
  static final class Reference {
    private final Lex lex;
    private final EnglishStemmer stemmer = new EnglishStemmer();
    private final List<Set<String>> setWords = new ArrayList<>();
    private final List<Set<String>> setStems = new ArrayList<>();
    private final List<Set<String>> setPrefixes = new ArrayList<>();
    private final Map<String, String> stems = new HashMap<>();

    Reference(Lex lex) {
      this.lex = lex;
      for (List<SetItem> items : lex.sets()) {
        Set<String> words = new HashSet<>();
        Set<String> stemSet = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (SetItem item : items) {
          switch (item.kind()) {
            case '~' -> stemSet.add(stem(item.text()));
            case '*' -> prefixes.add(item.text());
            case '@' -> {
              int k = Integer.parseInt(item.text());
              words.addAll(setWords.get(k));
              stemSet.addAll(setStems.get(k));
              prefixes.addAll(setPrefixes.get(k));
            }
            default -> words.add(item.text());
          }
        }
        setWords.add(words);
        setStems.add(stemSet);
        setPrefixes.add(prefixes);
      }
    }

    String stem(String word) {
      return stems.computeIfAbsent(word, w -> {
        stemmer.setCurrent(w);
        stemmer.stem();
        return stemmer.getCurrent();
      });
    }

    /**
     * For each rule and each end token in {@code from..to-1}, the match with the latest start,
     * found by trying every rule at every start.
     */
    TreeSet<Match> matches(List<Token> tokens, int from, int to) {
      Map<List<Integer>, Integer> latest = new HashMap<>();
      for (int r = 0; r < lex.rules().size(); r++) {
        for (int s = from; s < to; s++) {
          for (int e : ends(lex.rules().get(r), s, tokens, to)) {
            if (e > s) {
              latest.merge(List.of(r, e - 1), s, Math::max);
            }
          }
        }
      }
      TreeSet<Match> out = new TreeSet<>();
      latest.forEach((key, start) -> out.add(new Match(key.get(0), start, key.get(1))));
      return out;
    }

    /** Every position (exclusive end) pattern {@code p} can reach from {@code at}. */
    private Set<Integer> ends(Pat p, int at, List<Token> tokens, int to) {
      Set<Integer> out = new HashSet<>();
      if (p instanceof Seq s) {
        Set<Integer> positions = Set.of(at);
        for (Pat item : s.items()) {
          Set<Integer> next = new HashSet<>();
          for (int pos : positions) {
            next.addAll(ends(item, pos, tokens, to));
          }
          positions = next;
        }
        out.addAll(positions);
      } else if (p instanceof Alt a) {
        for (Pat option : a.options()) {
          out.addAll(ends(option, at, tokens, to));
        }
      } else if (p instanceof Opt o) {
        out.add(at);
        out.addAll(ends(o.item(), at, tokens, to));
      } else if (p instanceof Gap g) {
        for (int k = g.min(); k <= g.max() && at + k <= to; k++) {
          out.add(at + k);
        }
      } else if (p instanceof Phrase ph) {
        int pos = at;
        for (String w : ph.words()) {
          if (pos >= to || !isWord(tokens.get(pos), w)) {
            return out;
          }
          pos++;
        }
        out.add(pos);
      } else if (at < to && accepts(p, tokens.get(at))) {
        out.add(at + 1);
      }
      return out;
    }

    private static boolean isWord(Token t, String w) {
      return !t.number() && t.word().equals(w);
    }

    private boolean accepts(Pat p, Token t) {
      if (p instanceof Any) {
        return true;
      }
      if (p instanceof Num) {
        return t.number();
      }
      if (t.number()) {
        return false;
      }
      if (p instanceof Word w) {
        return t.word().equals(w.word());
      } else if (p instanceof Stem s) {
        return stem(t.word()).equals(stem(s.word()));
      } else if (p instanceof Prefix pr) {
        return t.word().startsWith(pr.prefix());
      } else if (p instanceof Cap) {
        return t.capitalized();
      } else {
        int k = ((SetRef) p).set();
        return setWords.get(k).contains(t.word()) || setStems.get(k).contains(stem(t.word()))
            || setPrefixes.get(k).stream().anyMatch(t.word()::startsWith);
      }
    }
  }
}
