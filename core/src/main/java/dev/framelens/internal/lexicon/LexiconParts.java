package dev.framelens.internal.lexicon;

import dev.framelens.LexiconException;
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
  /** Per file read, the syntax problems found in it (and its includes). */
  private final List<Problems> syntaxProblems;

  private LexiconParts(List<List<Syntax.Statement>> parts, List<String> sources,
      List<Problems> syntaxProblems) {
    this.parts = List.copyOf(parts);
    this.sources = List.copyOf(sources);
    this.syntaxProblems = List.copyOf(syntaxProblems);
  }

  /**
   * Reads one lexicon file (and what it includes). Its syntax problems are kept and reported
   * by {@link #compile()} together with the problems compiling finds.
   */
  public static LexiconParts read(LexiconSource source) {
    LexiconCompiler.Read read = LexiconCompiler.read(source);
    return new LexiconParts(List.of(read.statements()), List.of(source.name()),
        List.of(read.problems()));
  }

  /** These parts followed by {@code other}'s. */
  public LexiconParts plus(LexiconParts other) {
    List<List<Syntax.Statement>> joined = new ArrayList<>(parts);
    joined.addAll(other.parts);
    List<String> names = new ArrayList<>(sources);
    names.addAll(other.sources);
    List<Problems> problems = new ArrayList<>(syntaxProblems);
    problems.addAll(other.syntaxProblems);
    return new LexiconParts(joined, names, problems);
  }

  /**
   * Compiles the parts.
   *
   * @throws LexiconException listing every syntax and compilation problem, in file and line
   *     order
   */
  public CompiledLexicon compile() {
    return LexiconCompiler.compile(parts, syntaxProblems);
  }

  /** The top-level files, in order. */
  public List<String> sources() {
    return sources;
  }
}
