package dev.framelens;

import static java.util.Objects.requireNonNull;

import dev.framelens.internal.lexicon.CompiledLexicon;
import dev.framelens.internal.lexicon.CompiledLexicon.PatternInfo;
import dev.framelens.internal.lexicon.LexiconParts;
import dev.framelens.internal.lexicon.LexiconSource;
import dev.framelens.internal.text.SentenceTokenizer;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * A compiled set of framing rules: word sets, frame rules, blocks and context modifiers, read
 * from lexicon files (the format is described in {@code lexicons/README.md}). Immutable and
 * thread-safe; compile once and share.
 *
 * <pre>{@code
 * Lexicon base = Lexicon.defaultEnglish();
 * Lexicon mine = base.extend(Path.of("my-rules.fl"));    // may use and extend base's sets
 * FrameDetector detector = FrameDetector.builder().lexicon(mine).build();
 * mine.rules().forEach(r -> System.out.println(r.id() + " " + r.frames()));
 * }</pre>
 */
public final class Lexicon {
  /** Class-path location of the default English lexicon (module framelens-lexicons). */
  public static final String DEFAULT_RESOURCE = "META-INF/framelens/lexicons/en-default.fl";

  /**
   * The name the default lexicon's entries and problems carry: the file of the repository that
   * a contributor edits, which the build copies to {@link #DEFAULT_RESOURCE}.
   */
  private static final String DEFAULT_SOURCE = "lexicons/rules/en-default.fl";

  private static volatile Lexicon defaultEnglish;

  private final LexiconParts parts;
  private final CompiledLexicon compiled;
  private final List<Rule> rules;
  private final List<Term> terms;

  /** What kind of lexicon entry a {@link Rule} is. */
  public enum Kind {
    /** A frame rule: its matches are evidence for its frames. */
    RULE,
    /** A block: its matches cancel overlapping frame matches ("won the support of"). */
    BLOCK,
    /** A context modifier: drops, negates, contests, weakens or turns matches in its scope. */
    MODIFIER
  }

  /**
   * A rule, block or modifier of the lexicon, with its own examples: sentences it must act on
   * and counter-examples it must not.
   *
   * @param id the id, unique in the lexicon
   * @param kind rule, block or modifier
   * @param frames the frames a rule supports (empty for blocks and modifiers)
   * @param weight the rule's weight in {@code (0, 1]}
   * @param examples sentences on which it must act
   * @param counterExamples sentences on which it must not act
   * @param source the file it is defined in
   * @param line the line it is defined on
   */
  public record Rule(String id, Kind kind, Set<Frame> frames, double weight,
      List<String> examples, List<String> counterExamples, String source, int line) {
    /**
     * Copies the collections.
     *
     * @param id the id, unique in the lexicon
     * @param kind rule, block or modifier
     * @param frames the frames a rule supports; copied
     * @param weight the rule's weight
     * @param examples sentences on which it must act; copied
     * @param counterExamples sentences on which it must not act; copied
     * @param source the file it is defined in
     * @param line the line it is defined on
     * @throws NullPointerException if an object argument or an element of a collection is null
     */
    public Rule {
      requireNonNull(id, "id");
      requireNonNull(kind, "kind");
      frames = frames.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(frames));
      examples = List.copyOf(examples);
      counterExamples = List.copyOf(counterExamples);
      requireNonNull(source, "source");
    }

    @Override
    public String toString() {
      return kind.name().toLowerCase(Locale.ROOT) + " " + id + (frames.isEmpty() ? "" : " "
          + frames) + " (" + source + ":" + line + ")";
    }
  }

  private Lexicon(LexiconParts parts) {
    this.parts = parts;
    this.compiled = parts.compile();
    List<Rule> list = new ArrayList<>();
    for (PatternInfo p : compiled.patterns) {
      Kind kind = switch (p.kind) {
        case RULE -> Kind.RULE;
        case BLOCK -> Kind.BLOCK;
        case MODIFIER -> Kind.MODIFIER;
        default -> null;
      };
      if (kind == null) {
        continue;
      }
      Set<Frame> frames = EnumSet.noneOf(Frame.class);
      for (Frame f : Frame.values()) {
        if (p.supports(f)) {
          frames.add(f);
        }
      }
      list.add(new Rule(p.name, kind, frames, p.weight,
          p.examples.stream().filter(e -> !e.counter()).map(e -> e.text()).toList(),
          p.examples.stream().filter(e -> e.counter()).map(e -> e.text()).toList(), p.source,
          p.line));
    }
    this.rules = List.copyOf(list);
    this.terms = compiled.terms.stream().map(t -> new Term(t.text(), switch (t.kind()) {
      case STEM -> Term.Form.STEM;
      case PREFIX -> Term.Form.PREFIX;
      case LEMMA -> Term.Form.LEMMA;
      default -> Term.Form.WORD;
    }, t.owner(), t.source(), t.line(), t.column())).toList();
  }

  /**
   * The default English lexicon, from the {@code framelens-lexicons} artifact on the class or
   * module path. Loaded once and cached.
   *
   * @return the default English lexicon, the same instance on every call
   * @throws IllegalStateException if that artifact is not on the class path
   */
  public static Lexicon defaultEnglish() {
    Lexicon lexicon = defaultEnglish;
    if (lexicon == null) {
      synchronized (Lexicon.class) {
        lexicon = defaultEnglish;
        if (lexicon == null) {
          lexicon = new Lexicon(LexiconParts.read(LexiconSource.url(defaultResource(),
              DEFAULT_SOURCE)));
          defaultEnglish = lexicon;
        }
      }
    }
    return lexicon;
  }

  private static URL defaultResource() {
    ClassLoader own = Lexicon.class.getClassLoader();
    URL url = own == null ? null : own.getResource(DEFAULT_RESOURCE);
    if (url == null && Thread.currentThread().getContextClassLoader() != null) {
      url = Thread.currentThread().getContextClassLoader().getResource(DEFAULT_RESOURCE);
    }
    if (url == null) {
      throw new IllegalStateException("the default English lexicon (" + DEFAULT_RESOURCE
          + ") is not on the class path: add the dependency dev.framelens:framelens-lexicons");
    }
    return url;
  }

  /**
   * Loads a lexicon file and the files it includes.
   *
   * @param file the lexicon file; {@code include} paths resolve against its directory
   * @return the compiled lexicon
   * @throws NullPointerException if {@code file} is null
   * @throws java.io.UncheckedIOException if the file cannot be read; the message names it
   * @throws LexiconException listing every problem of a malformed lexicon
   */
  public static Lexicon load(Path file) {
    requireNonNull(file, "file");
    return new Lexicon(LexiconParts.read(LexiconSource.file(file)));
  }

  /**
   * Compiles a lexicon given as text, as a test or a JShell session writes one. It cannot use
   * {@code include}.
   *
   * @param sourceName the name problems are reported under
   * @param text the lexicon, in the lexicon file format
   * @return the compiled lexicon
   * @throws NullPointerException if {@code sourceName} or {@code text} is null
   * @throws LexiconException listing every problem
   */
  public static Lexicon parse(String sourceName, String text) {
    requireNonNull(sourceName, "sourceName");
    requireNonNull(text, "text");
    return new Lexicon(LexiconParts.read(LexiconSource.text(sourceName, text)));
  }

  /**
   * This lexicon with the rules of another file added on top. The file may use this lexicon's
   * sets, add words to them ({@code set @win += ...}) and {@code disable} its rules.
   *
   * @param file the lexicon file to add; {@code include} paths resolve against its directory
   * @return a new lexicon; this one is unchanged
   * @throws NullPointerException if {@code file} is null
   * @throws java.io.UncheckedIOException if the file cannot be read
   * @throws LexiconException listing every problem
   */
  public Lexicon extend(Path file) {
    requireNonNull(file, "file");
    return new Lexicon(parts.plus(LexiconParts.read(LexiconSource.file(file))));
  }

  /**
   * This lexicon with the rules of a text added on top, as {@link #extend(Path)} does.
   *
   * @param sourceName the name problems are reported under
   * @param text the added rules, in the lexicon file format; it cannot use {@code include}
   * @return a new lexicon; this one is unchanged
   * @throws NullPointerException if {@code sourceName} or {@code text} is null
   * @throws LexiconException listing every problem
   */
  public Lexicon extend(String sourceName, String text) {
    requireNonNull(sourceName, "sourceName");
    requireNonNull(text, "text");
    return new Lexicon(parts.plus(LexiconParts.read(LexiconSource.text(sourceName, text))));
  }

  /**
   * The name given by the first file's {@code lexicon} line.
   *
   * @return the name, or {@code "unnamed"} when no file has a {@code lexicon} line
   */
  public String name() {
    return compiled.name;
  }

  /**
   * The version given by the first file's {@code lexicon} line.
   *
   * @return the version, or {@code "0"} when no file has a {@code lexicon} line
   */
  public String version() {
    return compiled.version;
  }

  /**
   * The rules, blocks and modifiers, in definition order.
   *
   * @return the entries of all its files, without those a later file disabled; unmodifiable
   */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * A word, stem, prefix or lemma as written in the lexicon: in a word set, a {@code who}
   * category, the speaker words or a pattern. What authoring tools read: {@code framelens
   * lint} checks the lemmas against WordNet, {@code framelens suggest} looks up the words of a
   * set or rule.
   *
   * @param text the word as written, without its mark ({@code stand} for {@code stand^})
   * @param form how it matches the text
   * @param owner the set ({@code @destroy}), {@code who} category ({@code who children}),
   *     {@code speaker-words}, or the id of the rule, block or modifier whose pattern holds it
   * @param source the file it is written in
   * @param line its line, from 1
   * @param column its column, from 1
   */
  public record Term(String text, Form form, String owner, String source, int line,
      int column) {
    /**
     * Checks the arguments.
     *
     * @param text the word as written
     * @param form how it matches
     * @param owner where it is written
     * @param source the file
     * @param line its line
     * @param column its column
     * @throws NullPointerException if an object argument is null
     */
    public Term {
      requireNonNull(text, "text");
      requireNonNull(form, "form");
      requireNonNull(owner, "owner");
      requireNonNull(source, "source");
    }

    /** How a term matches a token of the text. */
    public enum Form {
      /** {@code word}: the word itself (a quoted or bare phrase is one term). */
      WORD,
      /** {@code word~}: the words with the same Snowball stem. */
      STEM,
      /** {@code word*}: the words that start with these letters. */
      PREFIX,
      /** {@code word^}: every inflection of the lemma (stand, stands, standing, stood). */
      LEMMA
    }

    @Override
    public String toString() {
      String mark = switch (form) {
        case WORD -> "";
        case STEM -> "~";
        case PREFIX -> "*";
        case LEMMA -> "^";
      };
      return text + mark + " in " + owner + " (" + source + ":" + line + ":" + column + ")";
    }
  }

  /**
   * Every word, stem, prefix and lemma written in the lexicon's sets and patterns, in reading
   * order (disabled rules left out).
   *
   * <pre>{@code
   * lexicon.terms().stream().filter(t -> t.form() == Lexicon.Term.Form.LEMMA)
   *     .forEach(System.out::println);   // stand in held-firm (my-rules.fl:4:10) ...
   * }</pre>
   *
   * @return the terms; unmodifiable
   */
  public List<Term> terms() {
    return terms;
  }

  /**
   * Whether a word of the text would satisfy the word set, or an element of the pattern of the
   * rule, block or modifier, named {@code owner}: as a word, a stem, a prefix, a lemma's form
   * or a member of a set the pattern names. For authoring: which synonyms a set lacks.
   *
   * <pre>{@code
   * lexicon.covers("@destroy", "obliterated");   // true if @destroy has obliterate^ or obliterat*
   * lexicon.covers("held-firm", "stood");        // true if its pattern has stand^
   * }</pre>
   *
   * @param owner a set name with its {@code @}, or the id of a rule, block or modifier
   * @param word one word, normalised as the text is (case and accents do not matter)
   * @return whether a token of that word satisfies one of the owner's elements
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if no set or entry has that name, or {@code word} is not
   *     one word
   */
  public boolean covers(String owner, String word) {
    requireNonNull(owner, "owner");
    requireNonNull(word, "word");
    int[] ownerAtoms = ownerAtoms(owner);
    List<String> normalised = new SentenceTokenizer().terms(word);
    if (normalised.size() != 1) {
      throw new IllegalArgumentException("not one word: \"" + word + "\" (" + normalised.size()
          + " tokens)");
    }
    char[] term = normalised.get(0).toCharArray();
    int[] atoms = compiled.atomsOf(term, 0, term.length, new EnglishStemmer(),
        new char[term.length + 8]);
    for (int atom : atoms) {
      if (Arrays.binarySearch(ownerAtoms, atom) >= 0) {
        return true;
      }
    }
    return false;
  }

  private int[] ownerAtoms(String owner) {
    Integer set = compiled.setAtoms.get(owner);
    if (set != null) {
      return new int[] {set};
    }
    for (PatternInfo p : compiled.patterns) {
      if (p.name.equals(owner)) {
        return Arrays.stream(p.sequences).flatMapToInt(Arrays::stream).distinct().sorted()
            .toArray();
      }
    }
    throw new IllegalArgumentException("no word set or rule, block or modifier named \""
        + owner + "\" in this lexicon (a set is named with its @)");
  }

  /**
   * The label threshold the lexicon sets for {@code frame} (0.5 unless it says otherwise).
   *
   * @param frame the frame
   * @return the threshold in {@code (0, 1]}; a later file's {@code threshold} line overrides an
   *     earlier one's
   * @throws NullPointerException if {@code frame} is null
   */
  public double threshold(Frame frame) {
    return compiled.thresholds[frame.ordinal()];
  }

  /**
   * The top-level files this lexicon was compiled from, base first.
   *
   * @return the names of the files (or resources, or the names given to texts), without the
   *     files they include
   */
  public List<String> sources() {
    return parts.sources();
  }

  CompiledLexicon compiled() {
    return compiled;
  }

  @Override
  public String toString() {
    long frameRules = rules.stream().filter(r -> r.kind() == Kind.RULE).count();
    long blocks = rules.stream().filter(r -> r.kind() == Kind.BLOCK).count();
    long modifiers = rules.stream().filter(r -> r.kind() == Kind.MODIFIER).count();
    return "Lexicon[" + name() + " " + version() + ": " + frameRules + " rules, " + blocks
        + " blocks, " + modifiers + " modifiers, from " + sources() + "]";
  }
}
