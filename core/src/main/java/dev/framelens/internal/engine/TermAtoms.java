package dev.framelens.internal.engine;

import dev.framelens.internal.lexicon.CompiledLexicon;
import dev.framelens.internal.match.PatternAutomaton;
import dev.framelens.internal.text.TokenBuffer;
import dev.framelens.internal.text.TokenSink;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Maps a token's normalised term to the atoms it satisfies: those of its exact word, its stem
 * and its prefixes, with and without {@code CAPITALIZED}, and to the mask of those atoms that
 * the {@link dev.framelens.internal.match.Matcher} tests states against.
 *
 * <p><b>Why a cache of its own.</b> Stemming costs more than the rest of a token's processing,
 * and news text repeats its words, so each distinct term is resolved once per thread. The lookup
 * runs for every token, so it is an open-addressing table keyed by the term's chars packed
 * into two longs, which the tokenizer computes as it writes the term (see {@link
 * TokenBuffer#key1}): for a term of at most 16 Latin-1 chars a probe compares two longs and a
 * length, and only a longer or wider term compares chars in the key pool. A slot's keys, length
 * and atom mask share one cache line. Nothing is allocated on a hit.
 * (Lucene's {@code CharArrayMap} hashed and compared through more indirection and cost twice as
 * much per token.)
 *
 * <p><b>Bound.</b> The table is emptied, between sentences, once it holds {@value
 * #CACHE_LIMIT} terms, which bounds its memory on any input; a term longer than {@value
 * #LONGEST_CACHED} chars is resolved without being cached. One instance per thread.
 */
final class TermAtoms {
  static final int[] NONE = new int[0];
  private static final int[] CAPITALIZED = {PatternAutomaton.CAPITALIZED};
  static final int CACHE_LIMIT = 100_000;
  /** Terms longer than this are resolved each time: they are rare and would bloat the pool. */
  private static final int LONGEST_CACHED = 32;

  private final CompiledLexicon lexicon;
  /** The engine's second level, asked when a term is new to this table (see SharedTerms). */
  private final SharedTerms shared;
  private final EnglishStemmer stemmer = new EnglishStemmer();
  private char[] scratch = new char[64];

  /**
   * The open-addressing table, {@value #SLOT_LONGS} longs per slot so that a probe reads one
   * cache line: the two keys, then {@code (entry + 1) << 32 | exact << 16 | length} (0 for an
   * empty slot), then the mask of the entry's atoms.
   */
  private long[] table = new long[4096 * SLOT_LONGS];
  private static final int SLOT_LONGS = 4;
  private int[] entryOffset = new int[2048];
  private int[][] entryAtoms = new int[2048][];
  private int[][] entryCapitalized = new int[2048][];
  private int[] entrySetId = new int[2048];
  private int[] entryCapitalizedSetId = new int[2048];
  private long[] entryCapitalizedMask = new long[2048];
  private char[] keys = new char[16 * 1024];
  private int keysSize;
  private int entries;

  /**
   * Ids of the distinct atom sets, which the matcher keys its transitions by: terms with the
   * same atoms (all the words of a set) share one id and one array. Ids are valid until the
   * cache is emptied ({@link #startSentence}); {@link #NONE_SET} and {@link #NUMBER_SET} are
   * fixed.
   */
  private final Map<AtomSet, Integer> setIds = new HashMap<>();
  private final List<int[]> sets = new ArrayList<>();
  static final int NONE_SET = 0;
  static final int NUMBER_SET = 1;
  static final int[] NUMBER_ATOMS = {PatternAutomaton.NUMBER};

  // The result of the last lookup, read through atoms(), mask() and setId().
  private int[] lastAtoms;
  private long lastMask;
  private int lastSetId;

  TermAtoms(CompiledLexicon lexicon, SharedTerms shared) {
    this.lexicon = lexicon;
    this.shared = shared;
    registerFixedSets();
  }

  private void registerFixedSets() {
    setIds.clear();
    sets.clear();
    setIds.put(new AtomSet(NONE), NONE_SET);
    sets.add(NONE);
    setIds.put(new AtomSet(NUMBER_ATOMS), NUMBER_SET);
    sets.add(NUMBER_ATOMS);
  }

  /**
   * Called before each sentence's lookups: empties the cache when it has reached {@value
   * #CACHE_LIMIT} terms, which bounds its memory on any input (it may pass the limit by one
   * sentence's terms). Returns true when it did: atom set ids are then reassigned, and the
   * matcher's cache, keyed by them, must be emptied too.
   */
  boolean startSentence() {
    if (entries < CACHE_LIMIT) {
      return false;
    }
    registerFixedSets();
    Arrays.fill(table, 0);
    Arrays.fill(entryCapitalized, 0, entries, null);
    entries = 0;
    keysSize = 0;
    return true;
  }

  /**
   * Looks up the term of token {@code i}, as written with a capital letter or not, by the keys
   * the tokenizer packed; the result is read with {@link #atoms()} and {@link #mask()}.
   */
  void lookup(TokenBuffer tokens, int i) {
    // Small enough for the JIT to inline into the token loop (a hot method over 325 bytes of
    // bytecode is not): the rare paths are methods of their own.
    int length = tokens.termLength[i];
    int flags = tokens.flags[i];
    if (length > LONGEST_CACHED) {
      lookupUncached(tokens, i, (flags & TokenSink.CAPITALIZED) != 0);
      return;
    }
    int at = find(tokens.pool, tokens.termOffset[i], length, tokens.key1[i], tokens.key2[i],
        (flags & TokenBuffer.EXACT_KEY) != 0);
    if (at < 0) {
      at = insert(tokens.pool, tokens.termOffset[i], length, tokens.key1[i], tokens.key2[i],
          (flags & TokenBuffer.EXACT_KEY) != 0);
    }
    int entry = (int) (table[at + 2] >>> 32) - 1;
    if ((flags & TokenSink.CAPITALIZED) == 0) {
      lastAtoms = entryAtoms[entry];
      lastMask = table[at + 3];
      lastSetId = entrySetId[entry];
      return;
    }
    if (entryCapitalized[entry] == null) {
      resolveCapitalized(entry);
    }
    lastAtoms = entryCapitalized[entry];
    lastMask = entryCapitalizedMask[entry];
    lastSetId = entryCapitalizedSetId[entry];
  }

  /** A term too long for the cache, resolved each time. */
  private void lookupUncached(TokenBuffer tokens, int i, boolean capitalized) {
    int[] atoms = resolve(tokens.pool, tokens.termOffset[i], tokens.termLength[i]);
    lastSetId = setId(capitalized && !notAName(atoms)
        ? CompiledLexicon.union(atoms, CAPITALIZED) : atoms);
    lastAtoms = sets.get(lastSetId);
    lastMask = PatternAutomaton.maskOf(lastAtoms);
  }

  /** The atoms of a cached term written with a capital letter, once per term. */
  private void resolveCapitalized(int entry) {
    int id = setId(notAName(entryAtoms[entry]) ? entryAtoms[entry]
        : CompiledLexicon.union(entryAtoms[entry], CAPITALIZED));
    entryCapitalized[entry] = sets.get(id);
    entryCapitalizedSetId[entry] = id;
    entryCapitalizedMask[entry] = PatternAutomaton.maskOf(entryCapitalized[entry]);
  }

  /**
   * Whether a term is one of the lexicon's {@code not-names} ("The", "It" opening a sentence):
   * written with a capital, it still does not satisfy {@code CAP}. Asked once per distinct term.
   */
  private boolean notAName(int[] atoms) {
    return lexicon.notNameAtom >= 0 && Arrays.binarySearch(atoms, lexicon.notNameAtom) >= 0;
  }

  /** The id of the last term's atom set (see {@link #startSentence}). */
  int setId() {
    return lastSetId;
  }

  /** The atoms of the last term looked up (shared: never to be modified). */
  int[] atoms() {
    return lastAtoms;
  }

  /** The mask of {@link #atoms()}. */
  long mask() {
    return lastMask;
  }

  private static int hash(long key1, long key2, int length) {
    long h = key1 ^ (key2 * 0x9E3779B97F4A7C15L) ^ length;
    h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL; // MurmurHash3's finalizer: every bit counts
    return (int) (h ^ (h >>> 33));
  }

  /** The index in {@link #table} of the term's slot, or -1. */
  private int find(char[] pool, int offset, int length, long key1, long key2, boolean exact) {
    int mask = table.length / SLOT_LONGS - 1;
    for (int slot = hash(key1, key2, length) & mask; ; slot = (slot + 1) & mask) {
      int at = slot * SLOT_LONGS;
      long meta = table[at + 2];
      if (meta == 0) {
        return -1;
      }
      if (table[at] == key1 && table[at + 1] == key2 && (int) (meta & 0xFFFF) == length
          && ((exact && (meta & EXACT) != 0)
              || sameChars(pool, offset, entryOffset[(int) (meta >>> 32) - 1], length))) {
        return at;
      }
    }
  }

  private static final long EXACT = 1L << 16;

  private boolean sameChars(char[] pool, int offset, int keyOffset, int length) {
    for (int i = 0; i < length; i++) {
      if (pool[offset + i] != keys[keyOffset + i]) {
        return false;
      }
    }
    return true;
  }

  /** Resolves and adds a term; returns the index of its slot. */
  private int insert(char[] pool, int offset, int length, long key1, long key2,
      boolean exact) {
    if (entries == entryAtoms.length) {
      int capacity = entries * 2;
      entryOffset = Arrays.copyOf(entryOffset, capacity);
      entryAtoms = Arrays.copyOf(entryAtoms, capacity);
      entryCapitalized = Arrays.copyOf(entryCapitalized, capacity);
      entrySetId = Arrays.copyOf(entrySetId, capacity);
      entryCapitalizedSetId = Arrays.copyOf(entryCapitalizedSetId, capacity);
      entryCapitalizedMask = Arrays.copyOf(entryCapitalizedMask, capacity);
    }
    if (keysSize + length > keys.length) {
      keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keysSize + length));
    }
    System.arraycopy(pool, offset, keys, keysSize, length);
    int entry = entries++;
    entryOffset[entry] = keysSize;
    if (scratch.length < length + 8) {
      scratch = new char[length + 64];
    }
    entrySetId[entry] = setId(shared.atomsOf(pool, offset, length, stemmer, scratch));
    entryAtoms[entry] = sets.get(entrySetId[entry]);
    entryCapitalized[entry] = null;
    keysSize += length;
    if (entries * 2 > table.length / SLOT_LONGS) {
      long[] old = table;
      table = new long[old.length * 2];
      for (int at = 0; at < old.length; at += SLOT_LONGS) {
        if (old[at + 2] != 0) {
          place(old[at], old[at + 1], old[at + 2], old[at + 3]);
        }
      }
    }
    long meta = (long) (entry + 1) << 32 | (exact ? EXACT : 0) | length;
    return place(key1, key2, meta, PatternAutomaton.maskOf(entryAtoms[entry]));
  }

  private int place(long key1, long key2, long meta, long atomMask) {
    int mask = table.length / SLOT_LONGS - 1;
    int slot = hash(key1, key2, (int) (meta & 0xFFFF)) & mask;
    while (table[slot * SLOT_LONGS + 2] != 0) {
      slot = (slot + 1) & mask;
    }
    int at = slot * SLOT_LONGS;
    table[at] = key1;
    table[at + 1] = key2;
    table[at + 2] = meta;
    table[at + 3] = atomMask;
    return at;
  }

  private int[] resolve(char[] pool, int offset, int length) {
    if (scratch.length < length + 8) {
      scratch = new char[length + 64];
    }
    return lexicon.atomsOf(pool, offset, length, stemmer, scratch);
  }

  /** The id of an atom set, registered if new. */
  private int setId(int[] atoms) {
    return setIds.computeIfAbsent(new AtomSet(atoms), key -> {
      sets.add(atoms);
      return sets.size() - 1;
    });
  }

  /** An atom array as a map key. */
  private record AtomSet(int[] atoms) {
    @Override
    public boolean equals(Object o) {
      return o instanceof AtomSet other && Arrays.equals(atoms, other.atoms);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(atoms);
    }

    @Override
    public String toString() {
      return Arrays.toString(atoms);
    }
  }
}
