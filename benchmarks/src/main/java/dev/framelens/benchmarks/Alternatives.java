package dev.framelens.benchmarks;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import dev.framelens.FrameDetector;
import dev.framelens.internal.lexicon.CompiledLexicon;
import dev.framelens.internal.lexicon.LexiconCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;
import org.ahocorasick.trie.handler.PayloadEmitHandler;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The alternatives of {@link ScoringLoopBenchmark}, each a JMH state built once per trial from
 * the compiled default lexicon, so that a benchmark method's fork builds only the one it
 * measures and every invocation reuses it.
 */
public final class Alternatives {
  private Alternatives() {}

  static CompiledLexicon defaultLexicon() {
    return Internals.engine(FrameDetector.withDefaultLexicon()).lexicon();
  }

  /** One compiled regex (and its reusable matcher) per pattern of the lexicon. */
  @State(Scope.Thread)
  public static class RegexPerRule {
    Matcher[] matchers;

    @Setup
    public void setUp() {
      LexiconTerms terms = new LexiconTerms(defaultLexicon());
      List<Pattern> patterns = terms.patternRegexes();
      matchers = patterns.stream().map(p -> p.matcher("")).toArray(Matcher[]::new);
      System.out.println("regexPerRule: " + terms + "; " + LexiconTerms.describeSizes(patterns));
    }
  }

  /** Every term (word, stem, prefix) as one alternation. */
  @State(Scope.Thread)
  public static class RegexAlternation {
    Matcher matcher;

    @Setup
    public void setUp() {
      LexiconTerms terms = new LexiconTerms(defaultLexicon());
      String regex = terms.alternationRegex();
      matcher = Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher("");
      System.out.println(String.format(Locale.ROOT,
          "regexAlternation: %s; %d branches, %,d chars", terms,
          terms.alternationBranches().size(), regex.length()));
    }
  }

  /**
   * The keywords both Aho-Corasick tries search for: every word, stem and prefix of the lexicon,
   * lowercased char by char as {@code org.ahocorasick}'s {@code ignoreCase()} does, each mapped to
   * whether it is open-ended (a stem or prefix, which need not end a word).
   */
  static Map<String, Boolean> ahoCorasickKeywords(LexiconTerms terms) {
    Map<String, Boolean> keywords = new LinkedHashMap<>();
    for (String w : terms.words) {
      keywords.merge(lowercase(w), false, Boolean::logicalOr);
    }
    for (String s : terms.stems) {
      LexiconTerms.stemKeywords(s).forEach((k, open) -> keywords.merge(lowercase(k), open,
          Boolean::logicalOr));
    }
    for (String p : terms.prefixes) {
      keywords.merge(lowercase(p), true, Boolean::logicalOr);
    }
    return keywords;
  }

  /** {@code s} with each char lowercased on its own, so that offsets stay those of {@code s}. */
  private static String lowercase(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }

  /**
   * Whether a keyword found at {@code [start, end)} of {@code text} counts: it starts a word and,
   * unless it is open-ended (a stem or prefix), ends one. The library's whole-word check, done
   * by the caller so that stems and prefixes can share the one trie.
   */
  static boolean wholeWord(String text, int start, int end, boolean open) {
    if (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
      return false;
    }
    return open || end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
  }

  /**
   * What both Aho-Corasick alternatives do with the keywords their trie reports: keep those that
   * pass {@link #wholeWord}, count them, and, for tests, list them. A subclass runs its trie over
   * the document in {@link #parse} and hands each keyword found to {@link #found}.
   */
  abstract static class WholeWordCounter {
    private String text;
    private long count;
    private List<String> found;

    /** Runs the trie over {@code doc}, calling {@link #found} for each keyword it reports. */
    abstract void parse(String doc);

    /** The matches over all of {@code documents}: one pass of a benchmark. */
    long count(List<String> documents) {
      long matches = 0;
      for (String doc : documents) {
        matches += count(doc);
      }
      return matches;
    }

    long count(String doc) {
      text = doc;
      count = 0;
      parse(doc);
      text = null;
      return count;
    }

    /** The matches that {@link #count} counts, as "start-end" (end exclusive), in text order. */
    List<String> matches(String doc) {
      found = new ArrayList<>();
      count(doc);
      List<String> matches = found;
      found = null;
      return matches;
    }

    /** A keyword at {@code [start, end)}; whether it counted. */
    final boolean found(int start, int end, boolean open) {
      if (!wholeWord(text, start, end, open)) {
        return false;
      }
      count++;
      if (found != null) {
        found.add(start + "-" + end);
      }
      return true;
    }
  }

  /**
   * An Aho-Corasick trie (org.ahocorasick) of every word, stem and prefix, ignoring case. A
   * match counts when it starts a word and, unless its keyword is open-ended (a stem or
   * prefix), ends one: the library's own whole-word check, done in the emit handler so that
   * stems and prefixes can share the one trie and no collection of emits is built. The library
   * looks each char up in a {@code HashMap<Character, State>}: a slow implementation, kept as
   * the one a user finds first.
   */
  @State(Scope.Thread)
  public static class AhoCorasick extends WholeWordCounter
      implements PayloadEmitHandler<Boolean> {
    PayloadTrie<Boolean> trie;

    @Setup
    public void setUp() {
      LexiconTerms terms = new LexiconTerms(defaultLexicon());
      Map<String, Boolean> keywords = ahoCorasickKeywords(terms);
      PayloadTrie.PayloadTrieBuilder<Boolean> builder = PayloadTrie.<Boolean>builder()
          .ignoreCase();
      keywords.forEach(builder::addKeyword);
      trie = builder.build();
      System.out.println(String.format(Locale.ROOT, "ahoCorasick: %s; %d keywords", terms,
          keywords.size()));
    }

    @Override
    void parse(String doc) {
      trie.parseText(doc, this);
    }

    @Override
    public boolean emit(PayloadEmit<Boolean> emit) {
      // The library's end is inclusive.
      return found(emit.getStart(), emit.getEnd() + 1, emit.getPayload());
    }
  }

  /**
   * The same keywords and the same whole-word check as {@link AhoCorasick}, in hankcs's
   * double-array Aho-Corasick trie ({@code com.hankcs.algorithm.AhoCorasickDoubleArrayTrie}): a
   * transition is two int-array reads instead of a hash lookup of a boxed char. The trie has no
   * ignore-case option, so its keywords are lowercased char by char (as {@code ignoreCase()}
   * does) and it reads each document through a view that lowercases each char as it is read, the
   * work {@code org.ahocorasick} does with {@code ignoreCase()}, without copying the document.
   */
  @State(Scope.Thread)
  public static class AhoCorasickDoubleArray extends WholeWordCounter
      implements AhoCorasickDoubleArrayTrie.IHit<Boolean> {
    AhoCorasickDoubleArrayTrie<Boolean> trie;

    @Setup
    public void setUp() {
      LexiconTerms terms = new LexiconTerms(defaultLexicon());
      Map<String, Boolean> keywords = new TreeMap<>(ahoCorasickKeywords(terms));
      trie = new AhoCorasickDoubleArrayTrie<>();
      trie.build(keywords);
      System.out.println(String.format(Locale.ROOT, "ahoCorasickDoubleArray: %s; %d keywords",
          terms, trie.size()));
    }

    @Override
    void parse(String doc) {
      trie.parseText(new Lowercased(doc), this);
    }

    @Override
    public void hit(int begin, int end, Boolean open) { // end is exclusive
      found(begin, end, open);
    }
  }

  /** A string read with each char lowercased, as {@code org.ahocorasick}'s ignore-case reads. */
  record Lowercased(String text) implements CharSequence {
    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      return Character.toLowerCase(text.charAt(index));
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Lowercased(text.substring(start, end));
    }

    @Override
    public String toString() {
      return lowercase(text);
    }
  }

  /**
   * Lucene Monitor over one text field analysed as Lucene users do (standard tokenizer,
   * lowercase, Snowball English stemmer: the stemmer FrameLens uses): every word as a
   * TermQuery (of its stem; words with one stem make one query), every phrase as a
   * PhraseQuery, every stem as a TermQuery and every prefix as a PrefixQuery. Matching counts
   * (paragraph, query) pairs.
   */
  @State(Scope.Thread)
  public static class LuceneMonitor {
    static final String FIELD = "text";
    static final int BATCH = 64;
    Monitor monitor;
    final Document[] batch = new Document[BATCH];

    @Setup
    public void setUp() throws IOException {
      LexiconTerms terms = new LexiconTerms(defaultLexicon());
      EnglishStemmer stemmer = new EnglishStemmer();
      Map<String, Query> queries = new LinkedHashMap<>();
      for (String w : terms.words) {
        String stem = LexiconCompiler.stem(stemmer, w);
        queries.putIfAbsent("t:" + stem, new TermQuery(new Term(FIELD, stem)));
      }
      for (String s : terms.stems) {
        queries.putIfAbsent("t:" + s, new TermQuery(new Term(FIELD, s)));
      }
      for (String p : terms.prefixes) {
        queries.putIfAbsent("p:" + p, new PrefixQuery(new Term(FIELD, p)));
      }
      for (List<String> phrase : terms.phrases) {
        List<String> stems = new ArrayList<>();
        for (String w : phrase) {
          stems.add(LexiconCompiler.stem(stemmer, w));
        }
        queries.putIfAbsent("q:" + String.join(" ", stems),
            new PhraseQuery(FIELD, stems.toArray(String[]::new)));
      }
      monitor = new Monitor(analyzer());
      List<MonitorQuery> list = new ArrayList<>();
      queries.forEach((id, q) -> list.add(new MonitorQuery(id, q)));
      monitor.register(list);
      System.out.println(String.format(Locale.ROOT, "luceneMonitor: %s; %d queries", terms,
          monitor.getQueryCount()));
    }

    static Analyzer analyzer() {
      return new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          StandardTokenizer tokenizer = new StandardTokenizer();
          TokenStream stream = new LowerCaseFilter(tokenizer);
          stream = new SnowballFilter(stream, new EnglishStemmer());
          return new TokenStreamComponents(tokenizer, stream);
        }
      };
    }

    Document document(String paragraph) {
      Document d = new Document();
      d.add(new TextField(FIELD, paragraph, Field.Store.NO));
      return d;
    }

    static boolean hasText(String doc, int start, int end) {
      for (int i = start; i < end; i++) {
        if (!Character.isWhitespace(doc.charAt(i))) {
          return true;
        }
      }
      return false;
    }

    long match(Document[] docs) {
      try {
        MultiMatchingQueries<QueryMatch> result = monitor.match(docs, QueryMatch.SIMPLE_MATCHER);
        long n = 0;
        for (int i = 0; i < docs.length; i++) {
          n += result.getMatchCount(i);
        }
        return n;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @TearDown
    public void tearDown() throws IOException {
      monitor.close();
    }
  }
}
