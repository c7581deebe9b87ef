package dev.framelens.internal.engine;

import dev.framelens.internal.lexicon.CompiledLexicon;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The atoms of each distinct term, shared by all the workspaces of one engine: what is a pure
 * function of the lexicon is worked out once per engine, not once per workspace.
 *
 * <h2>Design notes</h2>
 *
 * <p><b>Two levels.</b> Each workspace's {@link TermAtoms} is the first level: an
 * open-addressing table probed by the term's packed chars for every token, which allocates
 * nothing and is not shared (its atom-set ids key the workspace's own automaton cache). This is
 * the second level, asked only when a workspace meets a term for the first time: a new
 * workspace, lent when more calls run at once than the engine keeps idle ones, finds the terms
 * others have resolved instead of stemming each again.
 *
 * <p><b>Invariants.</b> A term's atoms depend on the lexicon alone, so whichever thread resolves
 * a term first, every thread gets equal arrays; the arrays are never modified. The map is
 * emptied when it holds {@value #LIMIT} terms (a few more when threads add at the same moment),
 * which bounds its memory to about 16 MiB on any input.
 *
 * <p><b>Cost.</b> On a first-level miss, one string of the term and one lookup in a concurrent
 * map; the stemmer and the lexicon's tables only on a miss here too.
 */
final class SharedTerms {
  static final int LIMIT = 1 << 17;

  private final CompiledLexicon lexicon;
  private final ConcurrentHashMap<String, int[]> atomsByTerm = new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();

  SharedTerms(CompiledLexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** The atoms of {@code term[offset, offset + length)}, resolved once per engine. */
  int[] atomsOf(char[] term, int offset, int length, EnglishStemmer stemmer, char[] scratch) {
    String key = new String(term, offset, length);
    int[] known = atomsByTerm.get(key);
    if (known != null) {
      return known;
    }
    int[] atoms = lexicon.atomsOf(term, offset, length, stemmer, scratch);
    if (size.get() >= LIMIT) {
      atomsByTerm.clear();
      size.set(0);
    }
    int[] raced = atomsByTerm.putIfAbsent(key, atoms);
    if (raced != null) {
      return raced;
    }
    size.incrementAndGet();
    return atoms;
  }

  /** The number of terms held (for tests). */
  int size() {
    return atomsByTerm.size();
  }
}
