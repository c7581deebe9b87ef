package dev.framelens.internal.engine;

import dev.framelens.internal.lexicon.CompiledLexicon;
import dev.framelens.internal.lexicon.LexiconCompiler;
import dev.framelens.internal.match.PatternAutomaton;
import org.apache.lucene.analysis.CharArrayMap;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Maps a token's normalised term to the atoms it satisfies: those of its exact word and those of
 * its stem. Stemming costs more than the rest of the token's processing, and news text repeats
 * its words, so each distinct term is resolved once per thread and cached. The cache is cleared
 * when it reaches {@value #CACHE_LIMIT} terms, which bounds its memory on any input. One
 * instance per thread.
 */
final class TermAtoms {
  static final int[] NONE = new int[0];
  private static final int[] CAPITALIZED = {PatternAutomaton.CAPITALIZED};
  private static final int CACHE_LIMIT = 100_000;

  private final CompiledLexicon lexicon;
  private final EnglishStemmer stemmer = new EnglishStemmer();
  private final CharArrayMap<int[]> cache = new CharArrayMap<>(1024, false);
  private final CharArrayMap<int[]> capitalizedCache = new CharArrayMap<>(256, false);
  private char[] scratch = new char[64];

  TermAtoms(CompiledLexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** The atoms of a term. */
  int[] of(char[] pool, int offset, int length) {
    int[] cached = cache.get(pool, offset, length);
    if (cached != null) {
      return cached;
    }
    int[] atoms = resolve(pool, offset, length);
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(new String(pool, offset, length), atoms);
    return atoms;
  }

  /** The atoms of a term written with a capital letter: its own and {@code CAPITALIZED}. */
  int[] ofCapitalized(char[] pool, int offset, int length) {
    int[] cached = capitalizedCache.get(pool, offset, length);
    if (cached != null) {
      return cached;
    }
    int[] atoms = union(of(pool, offset, length), CAPITALIZED);
    if (capitalizedCache.size() >= CACHE_LIMIT) {
      capitalizedCache.clear();
    }
    capitalizedCache.put(new String(pool, offset, length), atoms);
    return atoms;
  }

  private int[] resolve(char[] pool, int offset, int length) {
    int[] word = lexicon.wordAtoms.get(pool, offset, length);
    if (scratch.length < length + 8) {
      scratch = new char[length + 64];
    }
    System.arraycopy(pool, offset, scratch, 0, length);
    stemmer.setCurrent(scratch, length);
    stemmer.stem();
    int[] stem = lexicon.stemAtoms.get(stemmer.getCurrentBuffer(), 0,
        stemmer.getCurrentBufferLength());
    int[] atoms = union(word == null ? NONE : word, stem == null ? NONE : stem);
    int longest = Math.min(length, lexicon.longestPrefix);
    for (int k = LexiconCompiler.MIN_PREFIX; k <= longest; k++) {
      int[] prefix = lexicon.prefixAtoms.get(pool, offset, k);
      if (prefix != null) {
        atoms = union(atoms, prefix);
      }
    }
    return atoms;
  }

  /** The sorted union of two sorted atom arrays (one of them when the other is empty). */
  private static int[] union(int[] a, int[] b) {
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
