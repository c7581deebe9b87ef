package dev.framelens.benchmarks;

import dev.framelens.FrameDetector;
import dev.framelens.internal.engine.Engine;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.apache.lucene.document.Document;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The scoring loop over the whole corpus (about 8 MB, a mix of 300 B, 3 KB and 30 KB
 * documents): one operation is one pass over every document, so MB/s is ops/s times the
 * corpus size printed at setup. Every method runs over the same documents, so their ratios
 * compare like with like.
 *
 * <p>Besides FrameLens and its floors, the alternatives a user would write over the same
 * lexicon's terms ({@link LexiconTerms}, derived from the compiled default lexicon): one regex
 * alternation of every term, one regex per pattern, two Aho-Corasick tries of the terms (the
 * common org.ahocorasick and a double-array trie), and Lucene Monitor. Each is built once in its own {@link State}'s setup (so a method's fork builds only
 * what it measures) and reused by every invocation; only the matching is measured. Each counts
 * its matches and returns the count, so that the work cannot be optimised away.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 3) // C2 takes about 10 s to settle the engine on 2 cores
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ScoringLoopBenchmark {
  List<String> documents;
  /** The first documents of {@link #documents}, for the alternatives that are too slow for all. */
  List<String> sample;
  FrameDetector detector;
  Engine engine;
  StandardTokenizer tokenizer;
  TokenStream lowercased;
  CharTermAttribute term;

  /**
   * The documents one operation passes over: the corpus as a mix of document sizes (what
   * {@link #setUp} builds, for the report's MB/s).
   */
  static List<String> documents() {
    return BenchmarkCorpus.load().mixedDocuments();
  }

  /**
   * The input of the three slow alternatives (regexPerRule, regexAlternation, luceneMonitor):
   * the first of {@link #documents()} up to {@value #SLOW_SAMPLE_CHARS} chars (all of them when
   * the corpus is smaller). Over the whole 8 MB of varied text one pass of each takes 30 to 90
   * seconds, so that the three alone took most of an hour; their MB/s is worked out from this
   * sample's chars, so it compares with the others'. The documents are interleaved by size and
   * the sample spans several rounds of the shuffled texts, so it is the corpus in small.
   */
  static List<String> sampleDocuments() {
    return sample(documents());
  }

  static final int SLOW_SAMPLE_CHARS = 500_000;

  static List<String> sample(List<String> documents) {
    long chars = 0;
    int n = 0;
    while (n < documents.size() && chars < SLOW_SAMPLE_CHARS) {
      chars += documents.get(n++).length();
    }
    return List.copyOf(documents.subList(0, n));
  }

  @Setup
  public void setUp() {
    BenchmarkCorpus corpus = BenchmarkCorpus.load();
    documents = corpus.mixedDocuments();
    sample = sample(documents);
    System.out.println(BenchmarkCorpus.describe("ScoringLoopBenchmark", documents) + " from "
        + corpus.origin());
    detector = FrameDetector.withDefaultLexicon();
    engine = Internals.engine(detector);
    tokenizer = new StandardTokenizer();
    lowercased = new LowerCaseFilter(tokenizer);
    term = lowercased.addAttribute(CharTermAttribute.class);
  }

  /** The physical floor: touching every char once. */
  @Benchmark
  public long charScanFloor() {
    long spaces = 0;
    for (String doc : documents) {
      for (int i = 0; i < doc.length(); i++) {
        if (doc.charAt(i) == ' ') {
          spaces++;
        }
      }
    }
    return spaces;
  }

  /** The tokenizing floor: Lucene's StandardTokenizer and a lowercase filter alone. */
  @Benchmark
  public long tokenizerFloor() {
    long tokens = 0;
    try {
      for (String doc : documents) {
        tokenizer.setReader(new StringReader(doc));
        lowercased.reset();
        while (lowercased.incrementToken()) {
          tokens += term.length() > 0 ? 1 : 0;
        }
        lowercased.end();
        lowercased.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }

  /** FrameLens end to end with the default lexicon: labels, evidence, figures. */
  @Benchmark
  public void analyze(Blackhole blackhole) {
    Passes.analyze(detector, documents, blackhole);
  }

  /** The match pass alone: segmentation, tokens and the automaton, without context. */
  @Benchmark
  public long matchPass() {
    return Passes.matchPass(engine, documents);
  }

  // ---------------------------------------------------------------------------------------------
  // The alternatives a user would write over the same lexicon's terms

  /**
   * One {@code java.util.regex} per pattern of the lexicon (rules, blocks, modifiers and
   * structure patterns: every pattern the automaton holds), each approximating its pattern
   * (see {@link LexiconTerms#patternRegex}); every regex is run over every document. Reported
   * for scale only. Over {@link #sample} and with fewer iterations: one pass takes seconds.
   */
  @Benchmark
  @Warmup(iterations = 1, time = 3)
  @Measurement(iterations = 3, time = 3)
  public long regexPerRule(Alternatives.RegexPerRule regexes) {
    long matches = 0;
    Matcher[] matchers = regexes.matchers;
    for (String doc : sample) {
      for (Matcher m : matchers) {
        matches += Passes.count(m, doc);
      }
    }
    return matches;
  }

  /**
   * All the lexicon's terms (words, stems, prefixes) as one word-bounded, case-insensitive
   * alternation (longest branch first), counting its matches over every document of {@link
   * #sample}, with fewer iterations, as for {@link #regexPerRule}: one pass over the full corpus
   * takes about a minute.
   */
  @Benchmark
  @Warmup(iterations = 1, time = 3)
  @Measurement(iterations = 3, time = 3)
  public long regexAlternation(Alternatives.RegexAlternation regex) {
    long matches = 0;
    for (String doc : sample) {
      matches += Passes.count(regex.matcher, doc);
    }
    return matches;
  }

  /**
   * An org.ahocorasick trie of every term, ignoring case, keeping whole-word matches
   * (open-ended at the end for stems and prefixes).
   */
  @Benchmark
  public long ahoCorasick(Alternatives.AhoCorasick trie) {
    return trie.count(documents);
  }

  /**
   * The same keywords and whole-word check as {@link #ahoCorasick} in a double-array
   * Aho-Corasick trie (com.hankcs): the strong baseline, where {@link #ahoCorasick} is the
   * library a user finds first.
   */
  @Benchmark
  public long ahoCorasickDoubleArray(Alternatives.AhoCorasickDoubleArray trie) {
    return trie.count(documents);
  }

  /**
   * Lucene Monitor with every term as a TermQuery and every phrase as a PhraseQuery (stems as
   * TermQuery, prefixes as PrefixQuery) over a stemmed text field; each document is cut into
   * its paragraphs, and paragraphs are matched in batches of 64 per match call. Over {@link
   * #sample} with fewer iterations, as for {@link #regexPerRule}: one pass over the full corpus
   * takes half a minute.
   */
  @Benchmark
  @Warmup(iterations = 1, time = 3)
  @Measurement(iterations = 3, time = 3)
  public long luceneMonitor(Alternatives.LuceneMonitor monitor) {
    long matches = 0;
    Document[] batch = monitor.batch;
    int n = 0;
    for (String doc : sample) {
      int start = 0;
      while (start < doc.length()) {
        int end = doc.indexOf("\n\n", start);
        if (end < 0) {
          end = doc.length();
        }
        if (Alternatives.LuceneMonitor.hasText(doc, start, end)) {
          batch[n++] = monitor.document(doc.substring(start, end));
          if (n == batch.length) {
            matches += monitor.match(batch);
            n = 0;
          }
        }
        start = end + 2;
      }
    }
    if (n > 0) {
      matches += monitor.match(java.util.Arrays.copyOf(batch, n));
    }
    return matches;
  }
}
