package dev.framelens.internal.engine;

import dev.framelens.internal.lexicon.CompiledLexicon;
import dev.framelens.internal.text.Segmentation;
import dev.framelens.internal.text.Segmenter;

/**
 * The analysis pipeline over a compiled lexicon. Immutable and shared across threads; each
 * thread gets its own {@link Workspace}, so concurrent calls never share mutable state.
 */
public final class Engine {
  private final CompiledLexicon lexicon;
  private final Segmenter segmenter;
  private final ThreadLocal<Workspace> workspaces;

  public Engine(CompiledLexicon lexicon) {
    this.lexicon = lexicon;
    this.segmenter = new Segmenter(lexicon.abbreviations);
    this.workspaces = ThreadLocal.withInitial(() -> new Workspace(lexicon));
  }

  public CompiledLexicon lexicon() {
    return lexicon;
  }

  /** Analyses one document. */
  public EngineResult analyze(String text) {
    Segmentation seg = segmenter.segment(text);
    DocumentState document = new DocumentState(text, seg);
    Workspace workspace = workspaces.get();
    for (int s = 0; s < seg.sentenceCount; s++) {
      workspace.analyzeSentence(document, s);
    }
    return document.finish();
  }
}
