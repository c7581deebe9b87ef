package dev.framelens.internal.engine;

import dev.framelens.internal.lexicon.CompiledLexicon;
import dev.framelens.internal.text.Segmentation;
import dev.framelens.internal.text.Segmenter;

/**
 * The analysis pipeline over a compiled lexicon. Immutable and shared across threads; each call
 * borrows a {@link Workspace} of its own from the engine's {@link WorkspacePool}, so concurrent
 * calls never share mutable state, and idle threads hold none.
 */
public final class Engine {
  private final CompiledLexicon lexicon;
  private final Segmenter segmenter;
  private final WorkspacePool workspaces;

  public Engine(CompiledLexicon lexicon) {
    this.lexicon = lexicon;
    this.segmenter = new Segmenter(lexicon.abbreviations);
    this.workspaces = new WorkspacePool(lexicon, WorkspacePool.defaultMaxIdle());
  }

  /** The idle workspaces the engine keeps now: at most one per processor (for tests). */
  public int idleWorkspaces() {
    return workspaces.idle();
  }

  public CompiledLexicon lexicon() {
    return lexicon;
  }

  /** Analyses one document. */
  public EngineResult analyze(String text) {
    Workspace workspace = workspaces.borrow();
    try {
      analyzeDocument(workspace, text);
      return workspace.finish();
    } finally {
      workspace.release();
      workspaces.giveBack(workspace);
    }
  }

  /**
   * Everything {@link #analyze} does except building the public result objects; returns the
   * number of pieces of evidence. For benchmarks that measure the engine's own allocation.
   */
  public int analyzeWithoutResults(String text) {
    Workspace workspace = workspaces.borrow();
    try {
      return analyzeDocument(workspace, text).evidenceCount();
    } finally {
      workspace.release();
      workspaces.giveBack(workspace);
    }
  }

  /**
   * The match pass alone: segmentation, tokens and the automaton, without context, scores or
   * evidence. Returns the number of pattern matches. For benchmarks.
   */
  public long matchPass(String text) {
    Workspace workspace = workspaces.borrow();
    try {
      Segmentation seg = segmenter.segment(text, workspace.load(text));
      long matches = 0;
      for (int s = 0; s < seg.sentenceCount; s++) {
        matches += workspace.countMatches(text, seg.sentenceStart[s], seg.sentenceEnd[s]);
      }
      return matches;
    } finally {
      workspace.release();
      workspaces.giveBack(workspace);
    }
  }

  /** Analyses {@code text} into the workspace's document state, which the caller releases. */
  private DocumentState analyzeDocument(Workspace workspace, String text) {
    Segmentation seg = segmenter.segment(text, workspace.load(text));
    DocumentState document = workspace.document(text, seg);
    for (int s = 0; s < seg.sentenceCount; s++) {
      workspace.analyzeSentence(document, s);
    }
    return document;
  }
}
