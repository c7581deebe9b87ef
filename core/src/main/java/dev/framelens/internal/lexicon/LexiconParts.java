package dev.framelens.internal.lexicon;

import java.util.ArrayList;
import java.util.List;

/**
 * The parsed files a lexicon is made of, in order: a base and the files that extend it. Kept so
 * that extending a lexicon compiles the new file together with the base, which lets it use and
 * extend the base's sets and disable its rules.
 */
public final class LexiconParts {
  private final List<List<Syntax.Statement>> parts;
  private final List<String> sources;

  private LexiconParts(List<List<Syntax.Statement>> parts, List<String> sources) {
    this.parts = List.copyOf(parts);
    this.sources = List.copyOf(sources);
  }

  /** Reads one lexicon file (and what it includes). */
  public static LexiconParts read(LexiconSource source) {
    return new LexiconParts(List.of(LexiconCompiler.read(source)), List.of(source.name()));
  }

  /** These parts followed by {@code other}'s. */
  public LexiconParts plus(LexiconParts other) {
    List<List<Syntax.Statement>> joined = new ArrayList<>(parts);
    joined.addAll(other.parts);
    List<String> names = new ArrayList<>(sources);
    names.addAll(other.sources);
    return new LexiconParts(joined, names);
  }

  public CompiledLexicon compile() {
    return LexiconCompiler.compile(parts);
  }

  /** The top-level files, in order. */
  public List<String> sources() {
    return sources;
  }
}
