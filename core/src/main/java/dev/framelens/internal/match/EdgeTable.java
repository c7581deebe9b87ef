package dev.framelens.internal.match;

import java.util.Arrays;

/**
 * The edges of an automaton under construction: a map from (state, atom) to the target state,
 * held in two primitive arrays.
 *
 * <h2>Design notes</h2>
 *
 * <p><b>Why not a {@code HashMap<Long, Integer>}.</b> The default lexicon's expanded sequences
 * make a trie of a few hundred thousand edges before minimisation. Boxed, each edge cost a map
 * node, a {@code Long} and an {@code Integer} (about 70 bytes with the table), every probe boxed
 * a new {@code Long}, and {@code Long.hashCode}, which is {@code state ^ atom}, put many
 * edges in one bucket, where the map turned them into tree nodes. Loading the default lexicon
 * needed a 48 MiB heap, most of it this map. Here an edge costs 12 bytes over a table at most
 * three quarters full, and a probe allocates nothing.
 *
 * <p><b>Invariants.</b> A key is {@code state << 32 | atom} with {@code state >= 0}, so no key
 * equals {@link #EMPTY} ({@code -1}), which marks a free slot. Keys are never removed. The table
 * doubles when it would be more than three quarters full, so a probe ends at a free slot.
 *
 * <p><b>Cost.</b> A lookup or insert is one hash (a 64-bit mix) and a run of adjacent slots:
 * with linear probing at most three quarters full, about 2.5 slots on average for a key that is
 * there and 8.5 for one that is not, mostly in one cache line. Not thread-safe: an automaton is
 * built by one thread.
 */
final class EdgeTable {
  private static final long EMPTY = -1L;

  private long[] keys;
  private int[] targets;
  private int size;

  EdgeTable(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 4 / 3)) << 1;
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    targets = new int[capacity];
  }

  static long key(int state, int atom) {
    return ((long) state << 32) | (atom & 0xFFFFFFFFL);
  }

  static int state(long key) {
    return (int) (key >>> 32);
  }

  static int atom(long key) {
    return (int) key;
  }

  /** The target of {@code key}, or -1 if the table has no such edge. */
  int get(long key) {
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      long k = keys[slot];
      if (k == key) {
        return targets[slot];
      }
      if (k == EMPTY) {
        return -1;
      }
    }
  }

  /** Sets the target of {@code key}, adding the edge if it is new. */
  void put(long key, int target) {
    if (key == EMPTY) {
      throw new IllegalArgumentException("not an edge key: " + key);
    }
    if (4 * (size + 1) > 3 * keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      long k = keys[slot];
      if (k == key) {
        targets[slot] = target;
        return;
      }
      if (k == EMPTY) {
        keys[slot] = key;
        targets[slot] = target;
        size++;
        return;
      }
    }
  }

  int size() {
    return size;
  }

  /** Calls {@code visitor} once for every edge, in no particular order. */
  void forEach(EdgeVisitor visitor) {
    for (int slot = 0; slot < keys.length; slot++) {
      if (keys[slot] != EMPTY) {
        visitor.edge(keys[slot], targets[slot]);
      }
    }
  }

  /** Receives one edge of {@link #forEach}. */
  @FunctionalInterface
  interface EdgeVisitor {
    void edge(long key, int target);
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldTargets = targets;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    targets = new int[oldKeys.length * 2];
    size = 0;
    for (int slot = 0; slot < oldKeys.length; slot++) {
      if (oldKeys[slot] != EMPTY) {
        put(oldKeys[slot], oldTargets[slot]);
      }
    }
  }

  /** Stafford's 64-bit mix (variant 13, as in SplitMix64): every key bit reaches the slot. */
  private static int slot(long key, int mask) {
    long z = key;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return (int) (z ^ (z >>> 31)) & mask;
  }
}
