package dev.framelens.internal.engine;

import dev.framelens.internal.lexicon.CompiledLexicon;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The workspaces of one engine, lent to the calls that analyse a document and kept, a bounded
 * number of them, for the calls that come after.
 *
 * <h2>Design notes</h2>
 *
 * <p><b>Why not a thread-local.</b> A workspace holds caches of up to tens of MiB (the term
 * cache, the matcher's DFA, the document's chars). Kept per thread, they lived as long as the
 * threads: a web service whose pool of 200 threads each analysed one document held 200 of them
 * for every detector. Lent per call, the workspaces in use are as many as the calls running at
 * once, and the idle ones kept are at most {@link #maxIdle}: memory follows concurrency, not the
 * number of threads.
 *
 * <p><b>Invariants.</b> A workspace is used by one call at a time: {@link #borrow} hands out an
 * idle one or a new one, and {@link #giveBack} takes it back once the call is done with it (the
 * caller has released the document). A workspace given back when {@link #maxIdle} are already
 * kept is dropped, and its memory goes with it. The caches a workspace keeps are pure functions
 * of the lexicon, so which workspace a call gets never changes its result.
 *
 * <p><b>Cost.</b> One poll and one offer of a lock-free queue per document, and an atomic
 * counter; a new workspace (cold caches) only when more calls run at once than are kept. What
 * is a pure function of the lexicon is built once here and shared, so that a new workspace
 * costs its scratch arrays and not the lexicon's tables: the terms' atoms ({@link SharedTerms})
 * and the patterns' sequence indexes ({@link SequenceIndexes}).
 */
final class WorkspacePool {
  private final CompiledLexicon lexicon;
  /** The atoms of each term, shared by this pool's workspaces. */
  private final SharedTerms sharedTerms;
  /** Each pattern's sequences indexed for the context stage, built once and shared likewise. */
  private final SequenceIndexes sequenceIndexes;
  private final int maxIdle;
  private final ConcurrentLinkedQueue<Workspace> idle = new ConcurrentLinkedQueue<>();
  /** The number of workspaces in {@link #idle}, or about to be: it bounds them. */
  private final AtomicInteger idleCount = new AtomicInteger();

  WorkspacePool(CompiledLexicon lexicon, int maxIdle) {
    if (maxIdle < 1) {
      throw new IllegalArgumentException("maxIdle must be at least 1: " + maxIdle);
    }
    this.lexicon = lexicon;
    this.sharedTerms = new SharedTerms(lexicon);
    this.sequenceIndexes = new SequenceIndexes(lexicon.patterns);
    this.maxIdle = maxIdle;
  }

  /** The number of idle workspaces an engine keeps: one per processor the JVM may use. */
  static int defaultMaxIdle() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /** An idle workspace, or a new one. */
  Workspace borrow() {
    Workspace workspace = idle.poll();
    if (workspace == null) {
      return new Workspace(lexicon, sharedTerms, sequenceIndexes);
    }
    idleCount.decrementAndGet();
    return workspace;
  }

  /** Takes back a workspace the caller is done with; beyond {@link #maxIdle} it is dropped. */
  void giveBack(Workspace workspace) {
    if (idleCount.incrementAndGet() <= maxIdle) {
      idle.offer(workspace);
    } else {
      idleCount.decrementAndGet();
    }
  }

  /** The terms the workspaces share now (for tests). */
  int sharedTerms() {
    return sharedTerms.size();
  }

  /** The idle workspaces kept now (for tests). */
  int idle() {
    return idleCount.get();
  }
}
