package dev.framelens.internal.lexicon;

import dev.framelens.Frame;
import dev.framelens.internal.lexicon.CompiledLexicon.PatternInfo;
import dev.framelens.internal.lexicon.Syntax.Effect;
import dev.framelens.internal.lexicon.Syntax.Example;
import dev.framelens.internal.lexicon.Syntax.Item;
import dev.framelens.internal.lexicon.Syntax.NegatedTarget;
import dev.framelens.internal.lexicon.Syntax.PatternDef;
import dev.framelens.internal.lexicon.Syntax.PatternKind;
import dev.framelens.internal.lexicon.Syntax.Statement;
import dev.framelens.internal.match.PatternAutomaton;
import dev.framelens.internal.text.NumberParser;
import dev.framelens.internal.text.SentenceTokenizer;
import dev.framelens.internal.text.TokenBuffer;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.CharArrayMap;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Turns parsed lexicon statements into a {@link CompiledLexicon}: resolves includes and word
 * sets, normalises literals with the same tokenizer the text goes through, expands each pattern
 * into plain atom sequences and builds the automaton. Every problem is collected; one
 * {@link dev.framelens.LexiconException} lists them all.
 *
 * <p>Limits, each refused with a message naming it: a pattern may expand into at most
 * {@value #MAX_EXPANSIONS} sequences of at most {@value #MAX_SEQUENCE_LENGTH} tokens, all
 * patterns together into at most {@value #MAX_TOTAL_EXPANSIONS}, and the automaton may hold at
 * most {@value #MAX_STATES} states; word sets may hold at most {@value #MAX_SET_WORDS} words in
 * all; includes nest at most {@value #MAX_INCLUDE_DEPTH} deep and a lexicon reads at most
 * {@value #MAX_INCLUDED_FILES} included files; parentheses nest at most
 * {@value LexiconParser#MAX_NESTING} deep. With them every step of loading is bounded by the
 * size of the input: no recursion deeper than these limits, no work or memory that grows faster
 * than the text, whatever the text is.
 */
public final class LexiconCompiler {
  /** Most atom sequences one pattern may expand into. */
  public static final int MAX_EXPANSIONS = 4_096;
  /** Most tokens one expanded pattern may span. */
  public static final int MAX_SEQUENCE_LENGTH = 32;
  /** Most states of the compiled automaton. */
  public static final int MAX_STATES = 2_000_000;
  /** Shortest prefix a {@code word*} may have. */
  public static final int MIN_PREFIX = 3;
  /** Deepest include nesting. */
  public static final int MAX_INCLUDE_DEPTH = 16;
  /**
   * Most atom sequences all patterns of a lexicon may expand into together: nine times the
   * default English lexicon's 27,600. Each sequence is kept (the engine tells from it which
   * tokens a rule asked for), so without a bound thousands of rules of {@value #MAX_EXPANSIONS}
   * expansions each took gigabytes.
   */
  public static final int MAX_TOTAL_EXPANSIONS = 250_000;
  /**
   * Most words the word sets, {@code who} categories and {@code speaker-words} may hold
   * together, counting a set's words again in every set that names it. Naming a big set in many
   * sets copies it each time, so that a file of a few hundred kilobytes asked for a billion
   * entries.
   */
  public static final int MAX_SET_WORDS = 1_000_000;
  /** Most files one lexicon file may include, directly or not, counting repeats. */
  public static final int MAX_INCLUDED_FILES = 256;

  private final Problems problems = new Problems();
  /** Files included so far by the file being read, counting repeats. */
  private int included;
  private final SentenceTokenizer tokenizer = new SentenceTokenizer();
  private final EnglishStemmer stemmer = new EnglishStemmer();
  private final NumberParser numbers = new NumberParser();
  /** Reused by {@link #readAsNumber} rather than allocating a buffer for every literal. */
  private final TokenBuffer numberScratch = new TokenBuffer();

  private LexiconCompiler() {}

  /** The statements of a file and its includes, and the syntax problems found in them. */
  record Read(List<Statement> statements, Problems problems) {}

  /**
   * Reads a lexicon file and the files it includes. Syntax problems do not stop it: the
   * statements that could be read are compiled too, so that one exception lists every problem.
   *
   * @throws UncheckedIOException if the top file cannot be read (it names the file)
   */
  static Read read(LexiconSource source) {
    LexiconCompiler reader = new LexiconCompiler();
    List<Statement> out = new ArrayList<>();
    reader.readInto(source, out, new ArrayDeque<>(), null);
    return new Read(out, reader.problems);
  }

  /**
   * Compiles the statements of a base lexicon and of the files that extend it, in order.
   *
   * @param syntaxProblems problems found while reading them, reported with the others
   * @throws dev.framelens.LexiconException listing every problem
   */
  static CompiledLexicon compile(List<List<Statement>> parts, List<Problems> syntaxProblems) {
    LexiconCompiler compiler = new LexiconCompiler();
    for (Problems p : syntaxProblems) {
      compiler.problems.addAll(p);
    }
    CompiledLexicon result = compiler.compileParts(parts);
    compiler.problems.throwIfAny();
    return result;
  }

  /** The stem the lexicon uses for a normalised word, as the engine computes it. */
  public static String stem(EnglishStemmer stemmer, String word) {
    stemmer.setCurrent(word);
    stemmer.stem();
    return stemmer.getCurrent();
  }

  // ---------------------------------------------------------------------------------------------
  // Reading and includes

  private void readInto(LexiconSource source, List<Statement> out, Deque<String> stack,
      Syntax.Include via) {
    byte[] bytes;
    if (via == null) {
      bytes = source.bytes();
    } else {
      try {
        bytes = source.bytes();
      } catch (UncheckedIOException e) {
        problems.add(via.at(), "cannot read included file: " + e.getMessage(), via.path());
        return;
      }
    }
    String text = source.decode(bytes, problems);
    if (text == null) {
      return;
    }
    stack.push(source.identity());
    for (Statement s : LexiconParser.parse(source.name(), text, problems)) {
      if (s instanceof Syntax.Include include) {
        LexiconSource target = source.resolve(include.path());
        if (target == null) {
          problems.add(include.at(), "include is not possible in a lexicon given as text; load "
              + "it from a file", include.path());
        } else if (stack.contains(target.identity())) {
          problems.add(include.at(), "include cycle: the file includes itself through this line",
              include.path());
        } else if (stack.size() >= MAX_INCLUDE_DEPTH) {
          problems.add(include.at(), "includes nest deeper than " + MAX_INCLUDE_DEPTH,
              include.path());
        } else if (++included > MAX_INCLUDED_FILES) {
          // A file that includes another many times, which includes a third many times, and
          // so on: without this bound the reads multiply with each level.
          if (included == MAX_INCLUDED_FILES + 1) {
            problems.add(include.at(), "the lexicon includes more than " + MAX_INCLUDED_FILES
                + " files in all, counting repeats (the limit)", include.path());
          }
        } else {
          readInto(target, out, stack, include);
        }
      } else {
        out.add(s);
      }
    }
    stack.pop();
  }

  // ---------------------------------------------------------------------------------------------
  // Compilation

  /** A word set while it is being resolved. */
  private static final class SetEntry {
    final Position definedAt;
    final List<Item> items = new ArrayList<>();
    Set<String> words;
    Set<String> stems;
    Set<String> prefixes;
    int atom = -1;

    SetEntry(Position definedAt) {
      this.definedAt = definedAt;
    }
  }

  private final Map<String, SetEntry> sets = new LinkedHashMap<>();
  private final Map<String, Integer> wordAtom = new HashMap<>();
  private final Map<String, Integer> stemAtom = new HashMap<>();
  private final Map<String, Integer> prefixAtom = new HashMap<>();
  /** A lemma atom of a pattern: every form of the lemma is a word of the dictionary for it. */
  private final Map<String, Integer> lemmaAtom = new HashMap<>();
  private int nextAtom = PatternAutomaton.FIRST_FREE_ATOM;
  private final List<PatternKind> kinds = new ArrayList<>();
  /** The frames' negation targets as they stood where each pattern was defined. */
  private final Map<PatternDef, int[]> negationAtDefinition = new java.util.IdentityHashMap<>();
  /** Ids disabled somewhere: references to them from other rules are dropped, not errors. */
  private final Set<String> everDisabled = new HashSet<>();

  private CompiledLexicon compileParts(List<List<Statement>> parts) {
    String name = null;
    String version = null;
    double[] thresholds = new double[Frame.values().length];
    Arrays.fill(thresholds, 0.5);
    int[] frameNegation = new int[Frame.values().length];
    Arrays.fill(frameNegation, -1);
    Set<String> abbreviations = new TreeSet<>();
    List<Item> speakerWords = new ArrayList<>();
    List<Item> notNames = new ArrayList<>();
    Map<String, List<Item>> who = new LinkedHashMap<>();
    Map<String, Position> whoAt = new HashMap<>();
    Map<String, PatternDef> defs = new LinkedHashMap<>();
    Set<String> disabled = new HashSet<>();
    Syntax.ContestGate contestGate = null;

    for (List<Statement> part : parts) {
      for (Statement statement : part) {
        if (statement instanceof Syntax.Header h) {
          if (name == null) {
            name = h.name();
            version = h.version();
          }
        } else if (statement instanceof Syntax.Abbreviations a) {
          abbreviations.addAll(a.words());
        } else if (statement instanceof Syntax.WordList w) {
          noteTerms(w.directive(), w.items());
          (w.directive().equals("not-names") ? notNames : speakerWords).addAll(w.items());
        } else if (statement instanceof Syntax.Threshold t) {
          thresholds[t.frame().ordinal()] = t.value();
        } else if (statement instanceof Syntax.ContestGate g) {
          contestGate = g;
        } else if (statement instanceof Syntax.FrameDefault f) {
          if (f.negated().given()) {
            frameNegation[f.frame().ordinal()] =
                f.negated().frame() == null ? -1 : f.negated().frame().ordinal();
          }
        } else if (statement instanceof Syntax.SetDef d) {
          defineSet(d);
        } else if (statement instanceof Syntax.WhoDef w) {
          noteTerms("who " + w.category(), w.items());
          who.computeIfAbsent(w.category(), k -> new ArrayList<>()).addAll(w.items());
          whoAt.putIfAbsent(w.category(), w.at());
        } else if (statement instanceof Syntax.Disable d) {
          if (!defs.containsKey(d.id()) || disabled.contains(d.id())) {
            problems.add(d.at(), "cannot disable an unknown rule (no rule, block or modifier "
                + "with this id is defined above)", d.id());
          } else {
            disabled.add(d.id());
            everDisabled.add(d.id());
          }
        } else if (statement instanceof PatternDef p) {
          negationAtDefinition.put(p, frameNegation.clone());
          PatternDef previous = defs.get(p.id());
          if (previous != null && !disabled.contains(p.id())) {
            problems.add(p.at(), "duplicate id (first defined at " + previous.at() + ")",
                p.id());
          } else {
            defs.remove(p.id());
            disabled.remove(p.id());
            defs.put(p.id(), p);
          }
        } else {
          throw new AssertionError("includes are resolved on reading: " + statement);
        }
      }
    }
    resolveSets();

    // Sets, who categories and speaker words get atoms; their members index them.
    Map<Integer, String> whoCategories = new LinkedHashMap<>();
    List<SetEntry> memberSets = new ArrayList<>();
    for (SetEntry set : sets.values()) {
      set.atom = nextAtom++;
      memberSets.add(set);
    }
    for (Map.Entry<String, List<Item>> e : who.entrySet()) {
      SetEntry category = new SetEntry(whoAt.get(e.getKey()));
      category.items.addAll(e.getValue());
      resolve(category, "who " + e.getKey());
      category.atom = nextAtom++;
      memberSets.add(category);
      whoCategories.put(category.atom, e.getKey());
    }
    int speakerAtom = wordListAtom(speakerWords, "speaker-words", memberSets);
    int notNameAtom = wordListAtom(notNames, "not-names", memberSets);

    List<PatternDef> kept = new ArrayList<>();
    for (PatternDef p : defs.values()) {
      if (!disabled.contains(p.id())) {
        kept.add(p);
      }
    }
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < kept.size(); i++) {
      ids.put(kept.get(i).id(), i);
      kinds.add(kept.get(i).kind());
    }
    PatternAutomaton.Builder builder = PatternAutomaton.builder(MAX_STATES);
    builder.patternCount(kept.size());
    PatternInfo[] infos = new PatternInfo[kept.size()];
    boolean full = false;
    long totalSequences = 0;
    for (int i = 0; i < kept.size(); i++) {
      PatternDef def = kept.get(i);
      noteTerms(def.id(), def.pattern());
      List<int[]> sequences = expandChecked(def);
      if (sequences != null && totalSequences <= MAX_TOTAL_EXPANSIONS) {
        totalSequences += sequences.size();
        if (totalSequences > MAX_TOTAL_EXPANSIONS) {
          problems.add(def.at(), "the lexicon is too large: its patterns expand into more than "
              + MAX_TOTAL_EXPANSIONS + " sequences in all (the limit); use fewer optional "
              + "elements, narrower gaps or sets", def.id());
          full = true;
        }
      }
      if (totalSequences > MAX_TOTAL_EXPANSIONS) {
        sequences = null; // refused: the patterns after it are still checked, not kept
      }
      if (sequences != null && !full) {
        for (int[] sequence : sequences) {
          if (!builder.add(i, sequence)) {
            problems.add(def.at(), "the lexicon is too large: the automaton would exceed "
                + MAX_STATES + " states (the limit)", def.id());
            full = true;
            break;
          }
        }
      }
      infos[i] = describe(i, def, ids, negationAtDefinition.get(def),
          sequences == null ? new int[0][] : sequences.toArray(new int[0][]));
    }

    int gateParagraphs = contestGate == null ? 0 : contestGate.paragraphs();
    int[] gateAtoms = contestGate == null ? new int[0] : setAtoms(contestGate.sets());
    // The engine watches the 'unless' words of the paragraph's modifiers and of the contest
    // gate in one long per token.
    Set<Integer> watched = new HashSet<>();
    for (int atom : gateAtoms) {
      watched.add(atom);
    }
    for (PatternInfo info : infos) {
      if (info != null && info.kind == PatternKind.MODIFIER && info.scope != null
          && info.scope.extent() == Syntax.Extent.PARAGRAPH) {
        for (int atom : info.unlessAtoms) {
          if (watched.add(atom) && watched.size() == Long.SIZE + 1) {
            problems.add(kept.get(info.id).at(), "the modifiers of the paragraph name more than "
                + Long.SIZE + " sets in 'unless' together (the limit)", info.name);
          }
        }
      }
    }
    // A pattern's lemma is a set of its own, of the lemma's forms: the engine sees words only.
    for (Map.Entry<String, Integer> lemma : lemmaAtom.entrySet()) {
      SetEntry forms = new SetEntry(null);
      forms.words = WordForms.forms(lemma.getKey());
      forms.stems = Set.of();
      forms.prefixes = Set.of();
      forms.atom = lemma.getValue();
      memberSets.add(forms);
    }
    return new CompiledLexicon(
        name == null ? "unnamed" : name,
        version == null ? "0" : version,
        thresholds,
        List.copyOf(abbreviations),
        builder.build(),
        infos,
        dictionary(wordAtom, memberSets, s -> s.words),
        dictionary(stemAtom, memberSets, s -> s.stems),
        dictionary(prefixAtom, memberSets, s -> s.prefixes),
        longestPrefix(memberSets),
        Map.copyOf(whoCategories),
        speakerAtom,
        notNameAtom,
        setAtoms(),
        List.copyOf(terms),
        gateParagraphs,
        gateAtoms);
  }

  /** Every term written in a set or pattern, for {@link CompiledLexicon#terms}. */
  private final List<CompiledLexicon.TermUse> terms = new ArrayList<>();

  private void noteTerms(String owner, List<Item> items) {
    for (Item item : items) {
      if (item.kind() != Syntax.ItemKind.SET) {
        noteTerm(item.text(), item.kind(), owner, item.at());
      }
    }
  }

  private void noteTerm(String text, Syntax.ItemKind kind, String owner, Position at) {
    terms.add(new CompiledLexicon.TermUse(text, kind, owner, at.source(), at.line(),
        at.column()));
  }

  /** The words, stems, prefixes and lemmas a pattern spells out, in order. */
  private void noteTerms(String owner, PatternNode node) {
    if (node instanceof PatternNode.Literal l) {
      noteTerm(l.text(), Syntax.ItemKind.WORD, owner, l.at());
    } else if (node instanceof PatternNode.Stem t) {
      noteTerm(t.text(), Syntax.ItemKind.STEM, owner, t.at());
    } else if (node instanceof PatternNode.Prefix t) {
      noteTerm(t.text(), Syntax.ItemKind.PREFIX, owner, t.at());
    } else if (node instanceof PatternNode.Lemma t) {
      noteTerm(t.text(), Syntax.ItemKind.LEMMA, owner, t.at());
    } else if (node instanceof PatternNode.Sequence q) {
      q.items().forEach(n -> noteTerms(owner, n));
    } else if (node instanceof PatternNode.Alternatives a) {
      a.options().forEach(n -> noteTerms(owner, n));
    } else if (node instanceof PatternNode.Optional o) {
      noteTerms(owner, o.item());
    }
  }

  /** The atom of a word-list directive's words, indexed like a set's; -1 when it has none. */
  private int wordListAtom(List<Item> items, String directive, List<SetEntry> memberSets) {
    if (items.isEmpty()) {
      return -1;
    }
    SetEntry list = new SetEntry(items.get(0).at());
    list.items.addAll(items);
    resolve(list, directive);
    list.atom = nextAtom++;
    memberSets.add(list);
    return list.atom;
  }

  /**
   * The atoms of the named sets (an {@code unless} list), sorted and distinct; each unknown set
   * is a problem.
   */
  private int[] setAtoms(List<Syntax.SetName> names) {
    return names.stream().mapToInt(name -> {
      SetEntry set = sets.get(name.name());
      if (set == null) {
        problems.add(name.at(), "unknown set" + suggestion(name.name()), "@" + name.name());
        return -1;
      }
      return set.atom;
    }).filter(a -> a >= 0).sorted().distinct().toArray();
  }

  private Map<String, Integer> setAtoms() {
    Map<String, Integer> atoms = new HashMap<>();
    sets.forEach((name, set) -> atoms.put("@" + name, set.atom));
    return Map.copyOf(atoms);
  }

  private void defineSet(Syntax.SetDef d) {
    noteTerms("@" + d.name(), d.items());
    SetEntry existing = sets.get(d.name());
    if (d.extend()) {
      if (existing == null) {
        problems.add(d.at(), "cannot extend an unknown set (define it first with 'set @"
            + d.name() + " = ...')", "@" + d.name());
        return;
      }
      existing.items.addAll(d.items());
    } else if (existing != null) {
      problems.add(d.at(), "set already defined at " + existing.definedAt
          + " (use += to add words to it)", "@" + d.name());
    } else {
      SetEntry entry = new SetEntry(d.at());
      entry.items.addAll(d.items());
      sets.put(d.name(), entry);
    }
  }

  private void resolveSets() {
    for (Map.Entry<String, SetEntry> e : sets.entrySet()) {
      resolve(e.getValue(), "@" + e.getKey());
    }
  }

  /** Words counted against {@link #MAX_SET_WORDS} so far. */
  private long setWords;
  /** Whether {@link #MAX_SET_WORDS} has been passed: sets resolved after that stay empty. */
  private boolean setsTooLarge;

  /** A set being resolved: its words so far and the next of its items to read. */
  private static final class Pending {
    final SetEntry set;
    final String label;
    /** The {@code @name} item that named this set in the set below it on the stack. */
    final Item via;
    int next;
    final Set<String> words = new LinkedHashSet<>();
    final Set<String> stems = new LinkedHashSet<>();
    final Set<String> prefixes = new LinkedHashSet<>();

    Pending(SetEntry set, String label, Item via) {
      this.set = set;
      this.label = label;
      this.via = via;
    }
  }

  /**
   * Flattens a set's items into words and stems, following set references. Depth first with a
   * stack of its own rather than recursion: a chain of thousands of sets, each naming the
   * next, overflowed the thread's stack.
   */
  private void resolve(SetEntry root, String rootLabel) {
    if (root.words != null) {
      return;
    }
    Deque<Pending> stack = new ArrayDeque<>();
    Set<String> open = new HashSet<>();
    stack.push(new Pending(root, rootLabel, null));
    open.add(rootLabel);
    while (!stack.isEmpty()) {
      Pending p = stack.peek();
      if (p.next == p.set.items.size() || setsTooLarge) {
        stack.pop();
        open.remove(p.label);
        p.set.words = p.words;
        p.set.stems = p.stems;
        p.set.prefixes = p.prefixes;
        if (!stack.isEmpty()) {
          take(stack.peek(), p.set, p.via);
        }
        continue;
      }
      Item item = p.set.items.get(p.next++);
      switch (item.kind()) {
        case WORD -> {
          String term = singleTerm(item);
          if (term != null && count(1, item)) {
            p.words.add(term);
          }
        }
        case STEM -> {
          String term = singleTerm(item);
          if (term != null && count(1, item)) {
            p.stems.add(stem(stemmer, term));
          }
        }
        case LEMMA -> {
          String term = lemmaTerm(item.text(), item.at());
          if (term != null) {
            Set<String> forms = WordForms.forms(term);
            if (count(forms.size(), item)) {
              p.words.addAll(forms);
            }
          }
        }
        case PREFIX -> {
          String term = prefixTerm(item.text(), item.at());
          if (term != null && count(1, item)) {
            p.prefixes.add(term);
          }
        }
        case SET -> {
          SetEntry other = sets.get(item.text());
          if (other == null) {
            problems.add(item.at(), "unknown set" + suggestion(item.text()), "@" + item.text());
          } else if (open.contains("@" + item.text())) {
            problems.add(item.at(), "set " + p.label + " includes itself through @"
                + item.text(), "@" + item.text());
          } else if (other.words != null) {
            take(p, other, item);
          } else {
            stack.push(new Pending(other, "@" + item.text(), item));
            open.add("@" + item.text());
          }
        }
      }
    }
  }

  /** Adds the words of a resolved set to the set that names it through {@code via}. */
  private void take(Pending into, SetEntry other, Item via) {
    if (count((long) other.words.size() + other.stems.size() + other.prefixes.size(), via)) {
      into.words.addAll(other.words);
      into.stems.addAll(other.stems);
      into.prefixes.addAll(other.prefixes);
    }
  }

  /** Counts {@code n} words against {@link #MAX_SET_WORDS}; false once it is passed. */
  private boolean count(long n, Item at) {
    if (setsTooLarge) {
      return false;
    }
    setWords += n;
    if (setWords > MAX_SET_WORDS) {
      setsTooLarge = true;
      problems.add(at.at(), "the word sets are too large: more than " + MAX_SET_WORDS
          + " words in all, counting the words of a set again in each set that names it "
          + "(the limit)", at.kind() == Syntax.ItemKind.SET ? "@" + at.text() : at.text());
      return false;
    }
    return true;
  }

  /** A lemma's normalised form, or null after a problem. */
  private String lemmaTerm(String text, Position at) {
    List<String> terms = tokenizer.terms(text);
    if (terms.size() != 1) {
      problems.add(at, terms.isEmpty() ? "no word in this lemma" : "'^' applies to one word "
          + "(write the other words of a phrase as words or lemmas of their own)", text + "^");
      return null;
    }
    return terms.get(0);
  }

  /** A prefix's normalised form, or null after a problem. */
  private String prefixTerm(String text, Position at) {
    List<String> terms = tokenizer.terms(text);
    if (terms.size() != 1) {
      problems.add(at, "'*' applies to one word", text + "*");
      return null;
    }
    if (terms.get(0).length() < MIN_PREFIX) {
      problems.add(at, "a prefix needs at least " + MIN_PREFIX + " letters", text + "*");
      return null;
    }
    return terms.get(0);
  }

  private int longestPrefix(List<SetEntry> memberSets) {
    int longest = prefixAtom.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (SetEntry set : memberSets) {
      if (set.prefixes != null) {
        longest = Math.max(longest, set.prefixes.stream().mapToInt(String::length).max()
            .orElse(0));
      }
    }
    return longest;
  }

  private String singleTerm(Item item) {
    List<String> terms = tokenizer.terms(item.text());
    if (terms.size() != 1) {
      problems.add(item.at(), terms.isEmpty() ? "no word in this item"
          : "a set item must be one word (this is " + terms.size() + "; write phrases in a "
              + "pattern)", item.text());
      return null;
    }
    return terms.get(0);
  }

  /** Suggestions already computed, by unknown name. */
  private final Map<String, String> suggestions = new HashMap<>();
  /**
   * Cells of edit-distance tables left to compute for suggestions. Each unknown name is
   * compared with every set name, so a file of many sets and many unknown names would cost
   * their product; past this budget unknown sets are reported without a suggestion.
   */
  private long suggestionBudget = 50_000_000;

  private String suggestion(String unknown) {
    String cached = suggestions.get(unknown);
    if (cached != null) {
      return cached;
    }
    String best = null;
    int bestDistance = 3;
    for (String known : sets.keySet()) {
      if (--suggestionBudget < 0) {
        return "";
      }
      if (Math.abs(known.length() - unknown.length()) >= bestDistance) {
        continue;
      }
      suggestionBudget -= 5L * Math.min(known.length(), unknown.length());
      if (suggestionBudget < 0) {
        return "";
      }
      int d = editDistance(unknown, known, bestDistance);
      if (d < bestDistance) {
        bestDistance = d;
        best = known;
      }
    }
    String out = best == null ? "" : " (did you mean @" + best + "?)";
    suggestions.put(unknown, out);
    return out;
  }

  /**
   * The edit distance of {@code a} and {@code b} if it is below {@code bound}, else {@code bound}.
   * Only the cells within {@code bound - 1} of the diagonal can hold a smaller distance, so the
   * cost is linear in the length (names of thousands of characters were compared in full).
   */
  private static int editDistance(String a, String b, int bound) {
    if (Math.abs(a.length() - b.length()) >= bound) {
      return bound;
    }
    int band = bound - 1;
    int big = bound;
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = Math.min(j, big);
    }
    for (int i = 1; i <= a.length(); i++) {
      int from = Math.max(1, i - band);
      int to = Math.min(b.length(), i + band);
      current[0] = Math.min(i, big);
      if (from > 1) {
        current[from - 1] = big;
      }
      int rowMin = from == 1 ? current[0] : big;
      for (int j = from; j <= to; j++) {
        // Outside the band the previous row and this one hold big (set just above and below).
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(big, Math.min(Math.min(current[j - 1], previous[j]) + 1,
            previous[j - 1] + cost));
        rowMin = Math.min(rowMin, current[j]);
      }
      if (to < b.length()) {
        current[to + 1] = big;
      }
      if (rowMin >= big) {
        return big;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return Math.min(previous[b.length()], big);
  }

  // ---------------------------------------------------------------------------------------------
  // Patterns

  /** Thrown inside expansion when a limit is passed; the caller reports it once. */
  private static final class LimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LimitExceeded(String message) {
      super(message, null, false, false);
    }
  }

  /** The pattern's atom sequences, or null after reporting problems. */
  private List<int[]> expandChecked(PatternDef def) {
    List<int[]> sequences;
    long before = problems.size();
    try {
      sequences = expand(def.pattern());
    } catch (LimitExceeded e) {
      problems.add(def.at(), e.getMessage(), def.id());
      return null;
    }
    if (problems.size() > before) {
      return null;
    }
    Position patternAt = firstPosition(def.pattern());
    List<int[]> kept = new ArrayList<>();
    for (int[] s : sequences) {
      if (s.length == 0) {
        problems.add(patternAt, "the pattern can match no tokens at all (make an element "
            + "required)", def.id());
        return null;
      }
      if (s[0] == PatternAutomaton.ANY) {
        problems.add(patternAt, "a pattern cannot start with a gap or wildcard", def.id());
        return null;
      }
      if (s[s.length - 1] == PatternAutomaton.ANY) {
        problems.add(patternAt, "a pattern cannot end with a gap or wildcard", def.id());
        return null;
      }
      if (s.length > MAX_SEQUENCE_LENGTH) {
        problems.add(patternAt, "the pattern can span more than " + MAX_SEQUENCE_LENGTH
            + " tokens (the limit)", def.id());
        return null;
      }
      if (def.casualtyKind() != null
          && Arrays.stream(s).noneMatch(a -> a == PatternAutomaton.NUMBER)) {
        problems.add(def.at(), "a rule with 'kind' needs NUMBER in every alternative of its "
            + "pattern (the figure comes from it)", def.id());
        return null;
      }
      kept.add(s);
    }
    return kept;
  }

  private static Position firstPosition(PatternNode node) {
    if (node instanceof PatternNode.Literal l) {
      return l.at();
    } else if (node instanceof PatternNode.Stem s) {
      return s.at();
    } else if (node instanceof PatternNode.SetRef r) {
      return r.at();
    } else if (node instanceof PatternNode.Prefix p) {
      return p.at();
    } else if (node instanceof PatternNode.Lemma l) {
      return l.at();
    } else if (node instanceof PatternNode.Number n) {
      return n.at();
    } else if (node instanceof PatternNode.Capitalized c) {
      return c.at();
    } else if (node instanceof PatternNode.Any a) {
      return a.at();
    } else if (node instanceof PatternNode.Gap g) {
      return g.at();
    } else if (node instanceof PatternNode.Sequence s) {
      return firstPosition(s.items().get(0));
    } else if (node instanceof PatternNode.Alternatives a) {
      return firstPosition(a.options().get(0));
    } else {
      return firstPosition(((PatternNode.Optional) node).item());
    }
  }

  private List<int[]> expand(PatternNode node) {
    if (node instanceof PatternNode.Literal literal) {
      List<String> terms = tokenizer.terms(literal.text());
      if (terms.isEmpty()) {
        problems.add(literal.at(), "no word in this literal", literal.text());
        return List.of(new int[0]);
      }
      if (readAsNumber(literal.text())) {
        problems.add(literal.at(), "these words are read as a number in the text and can never "
            + "match as words; write NUMBER instead", literal.text());
        return List.of(new int[0]);
      }
      int[] atoms = new int[terms.size()];
      for (int i = 0; i < atoms.length; i++) {
        atoms[i] = wordAtom.computeIfAbsent(terms.get(i), t -> nextAtom++);
      }
      return List.of(atoms);
    }
    if (node instanceof PatternNode.Stem stem) {
      List<String> terms = tokenizer.terms(stem.text());
      if (terms.size() != 1) {
        problems.add(stem.at(), "'~' applies to one word", stem.text() + "~");
        return List.of(new int[0]);
      }
      String s = stem(stemmer, terms.get(0));
      return List.of(new int[] {stemAtom.computeIfAbsent(s, t -> nextAtom++)});
    }
    if (node instanceof PatternNode.Lemma lemma) {
      String term = lemmaTerm(lemma.text(), lemma.at());
      if (term == null) {
        return List.of(new int[0]);
      }
      return List.of(new int[] {lemmaAtom.computeIfAbsent(term, t -> nextAtom++)});
    }
    if (node instanceof PatternNode.Prefix prefix) {
      String term = prefixTerm(prefix.text(), prefix.at());
      if (term == null) {
        return List.of(new int[0]);
      }
      return List.of(new int[] {prefixAtom.computeIfAbsent(term, t -> nextAtom++)});
    }
    if (node instanceof PatternNode.SetRef ref) {
      SetEntry set = sets.get(ref.name());
      if (set == null) {
        problems.add(ref.at(), "unknown set" + suggestion(ref.name()), "@" + ref.name());
        return List.of(new int[0]);
      }
      return List.of(new int[] {set.atom});
    }
    if (node instanceof PatternNode.Number) {
      return List.of(new int[] {PatternAutomaton.NUMBER});
    }
    if (node instanceof PatternNode.Capitalized) {
      return List.of(new int[] {PatternAutomaton.CAPITALIZED});
    }
    if (node instanceof PatternNode.Any) {
      return List.of(new int[] {PatternAutomaton.ANY});
    }
    if (node instanceof PatternNode.Gap gap) {
      List<int[]> out = new ArrayList<>();
      for (int k = gap.min(); k <= gap.max(); k++) {
        int[] wildcards = new int[k];
        Arrays.fill(wildcards, PatternAutomaton.ANY);
        out.add(wildcards);
      }
      return out;
    }
    if (node instanceof PatternNode.Optional optional) {
      List<int[]> out = new ArrayList<>(expand(optional.item()));
      out.add(new int[0]);
      return out;
    }
    if (node instanceof PatternNode.Alternatives alternatives) {
      List<int[]> out = new ArrayList<>();
      for (PatternNode option : alternatives.options()) {
        out.addAll(expand(option));
        checkSize(out.size());
      }
      return out;
    }
    List<int[]> out = List.of(new int[0]);
    for (PatternNode item : ((PatternNode.Sequence) node).items()) {
      List<int[]> tails = expand(item);
      checkSize((long) out.size() * tails.size());
      List<int[]> joined = new ArrayList<>(out.size() * tails.size());
      for (int[] head : out) {
        for (int[] tail : tails) {
          if (head.length + tail.length > MAX_SEQUENCE_LENGTH * 2) {
            throw new LimitExceeded("the pattern can span more than " + MAX_SEQUENCE_LENGTH
                + " tokens (the limit)");
          }
          int[] both = Arrays.copyOf(head, head.length + tail.length);
          System.arraycopy(tail, 0, both, head.length, tail.length);
          joined.add(both);
        }
      }
      out = joined;
    }
    return out;
  }

  /** Whether the text's number recognition would turn (part of) {@code literal} into NUMBER. */
  private boolean readAsNumber(String literal) {
    TokenBuffer buffer = numberScratch;
    buffer.clear();
    tokenizer.tokenize(literal, 0, literal.length(), buffer);
    numbers.merge(buffer, literal);
    for (int i = 0; i < buffer.size; i++) {
      if ((buffer.flags[i] & TokenBuffer.NUMBER) != 0) {
        return true;
      }
    }
    return false;
  }

  private static void checkSize(long size) {
    if (size > MAX_EXPANSIONS) {
      throw new LimitExceeded("the pattern expands into more than " + MAX_EXPANSIONS
          + " alternatives (the limit); use fewer optional elements, narrower gaps or a set");
    }
  }

  private PatternInfo describe(int id, PatternDef def, Map<String, Integer> ids,
      int[] frameNegation, int[][] sequences) {
    int frames = 0;
    for (Frame f : def.frames()) {
      frames |= 1 << f.ordinal();
    }
    int[] negatedTo = new int[Frame.values().length];
    NegatedTarget ruleTarget = def.negated();
    for (Frame f : Frame.values()) {
      negatedTo[f.ordinal()] = ruleTarget.given()
          ? (ruleTarget.frame() == null ? -1 : ruleTarget.frame().ordinal())
          : frameNegation[f.ordinal()];
    }
    Set<Integer> immune = references(def, def.immune(), "immune", PatternKind.MODIFIER, ids);
    Set<Integer> overrides = references(def, def.overrides(), "overrides", PatternKind.RULE,
        ids);
    boolean paragraph = def.scope() != null
        && def.scope().extent() == Syntax.Extent.PARAGRAPH;
    if (paragraph && !def.conditions().isEmpty()) {
      problems.add(def.at(), "a modifier of the paragraph takes no 'if' conditions (they are "
          + "about one sentence's match)", def.id());
    }
    Effect[] effects = new Effect[Frame.values().length + 1];
    for (Effect e : def.effects()) {
      if (paragraph && e.kind() != Syntax.EffectKind.DROP && e.kind() != Syntax.EffectKind.MUTE
          && e.kind() != Syntax.EffectKind.WEAKEN) {
        problems.add(e.at(), "a modifier of the paragraph can only drop, mute or weaken (it acts "
            + "after the sentences' own modifiers)", e.describe());
      }
      int slot = e.frame() == null ? Frame.values().length : e.frame().ordinal();
      if (effects[slot] != null) {
        problems.add(e.at(), "a second effect for the same frame", e.frame() == null ? "*"
            : e.frame().id());
      }
      effects[slot] = e;
    }
    int[] unlessAtoms = setAtoms(def.unless());
    return new PatternInfo(id, def.kind(), def.id(), frames, def.weight(), negatedTo,
        def.casualtyKind(), def.qualifier(), immune, overrides, def.scope(),
        def.conditions(), unlessAtoms, effects,
        exampleLines(def), def.at().source(), def.at().line(), sequences);
  }

  /** The examples and counter-examples of {@code def}, in file order, at their sentences. */
  private static List<CompiledLexicon.ExampleLine> exampleLines(PatternDef def) {
    List<CompiledLexicon.ExampleLine> lines = new ArrayList<>();
    for (boolean counter : new boolean[] {false, true}) {
      for (Example e : counter ? def.counters() : def.examples()) {
        // e.at() is the column of "example:" or "counter:"; the sentence starts after it.
        String line = e.at().lineText();
        int start = e.at().column() - 1 + "example:".length();
        while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
          start++;
        }
        lines.add(new CompiledLexicon.ExampleLine(e.text(), counter, e.at().source(),
            e.at().line(), start + 1, line));
      }
    }
    lines.sort(Comparator.comparingInt(CompiledLexicon.ExampleLine::line));
    return List.copyOf(lines);
  }

  /** The ids named by an attribute, each of which must be a pattern of {@code kind}. */
  private Set<Integer> references(PatternDef def, List<String> names, String attribute,
      PatternKind kind, Map<String, Integer> ids) {
    Set<Integer> out = new HashSet<>();
    for (String name : names) {
      Integer target = ids.get(name);
      if (target == null && everDisabled.contains(name)) {
        continue; // disabled by an extension: nothing left to override or be immune to
      }
      if (target == null || kinds.get(target) != kind) {
        problems.add(def.at(), "'" + attribute + "' names no " + kind.keyword + " of this "
            + "lexicon", name);
      } else {
        out.add(target);
      }
    }
    return Set.copyOf(out);
  }

  /** Word (or stem) to the atoms it satisfies: its own literal atom and its sets' atoms. */
  private static CharArrayMap<int[]> dictionary(Map<String, Integer> literalAtoms,
      List<SetEntry> memberSets, java.util.function.Function<SetEntry, Set<String>> members) {
    Map<String, List<Integer>> atoms = new HashMap<>();
    literalAtoms.forEach((term, atom) -> atoms.computeIfAbsent(term, k -> new ArrayList<>())
        .add(atom));
    for (SetEntry set : memberSets) {
      Set<String> terms = members.apply(set);
      if (terms == null) {
        continue;
      }
      // Each set has its own atom and its terms are distinct: no atom is added twice to a
      // list (a contains() test here made a word in n sets cost n^2).
      for (String m : terms) {
        atoms.computeIfAbsent(m, k -> new ArrayList<>()).add(set.atom);
      }
    }
    CharArrayMap<int[]> map = new CharArrayMap<>(atoms.size(), false);
    atoms.forEach((term, list) -> map.put(term,
        list.stream().mapToInt(Integer::intValue).sorted().distinct().toArray()));
    return CharArrayMap.unmodifiableMap(map);
  }
}
