package dev.framelens.cli;

import dev.framelens.FrameDetector;
import dev.framelens.Lexicon;
import dev.framelens.LexiconException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code framelens lint}: loads each lexicon file and reports every problem with its position,
 * the line, a caret and, for the common mistakes, a hint; then checks the file's lemma atoms
 * against WordNet ({@link LemmaCheck}) and runs its examples ({@link
 * dev.framelens.FrameDetector#checkExamples()}).
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
        "Check lexicon files. Each FILE is checked on its own, together with the files it "
            + "includes: as a standalone lexicon, or with --on-default as a file that extends "
            + "the default lexicon (and may use its sets and ids).",
        "The report goes to standard output: every error as file:line:column: message, the "
            + "line, a caret under the column and, for common mistakes, a 'hint:' line; then "
            + "'FILE: N errors', or 'FILE: ok (...)' for a clean file. A file that cannot be "
            + "read is one line 'FILE: cannot read: ...' and counts as an error.",
        "Lemma atoms (word^) of a file that loads are checked against WordNet 3.1 (loaded "
            + "only when the file has lemmas; the default lexicon's are not checked with "
            + "--on-default). An inflected form written as a lemma (stood^, fled^, children^: "
            + "write stand^, flee^, child^) is an error: the atom would match that one form "
            + "and miss the others. Warnings, shown as 'file:line:column: warning: ...' and "
            + "counted in the file's line, do not change the exit code: a word WordNet does "
            + "not know (a typo, with the nearest known lemma: eliminte^, did you mean "
            + "eliminate^?; or a new word or name, which still gets its regular forms), a "
            + "word that is also an irregular form of another (won^: win^?), and a "
            + "comparative (stronger^).",
        "The example: and counter: lines of a file that loads are run (on the default "
            + "lexicon too with --on-default; only the file's own are reported): each that "
            + "fails is an error at its sentence, 'file:line:column: example of rule ID fails: "
            + "... (labels: ...)'.",
        "Exit code: 0 when every file is clean or has warnings only, 2 when any has errors "
            + "or cannot be read."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  framelens lint my-lexicon.fl",
        "  framelens lint --on-default my-rules.fl more-rules.fl",
        "  framelens lint lexicons/rules/en-default.fl"})
final class LintCommand implements Callable<Integer> {
  /**
   * A hint for the problems whose {@code message: "offending text"} matches {@code when}.
   * {@code {text}} in the hint stands for the offending text; {@code standalone} is added when
   * the file is linted on its own, where the default lexicon's sets and ids are not available.
   */
  record Hint(Pattern when, String text, String standalone) {
    Hint(String when, String text) {
      this(Pattern.compile(when), text, "");
    }

    Hint(String when, String text, String standalone) {
      this(Pattern.compile(when), text, standalone);
    }
  }

  /** The hints, first match wins. Keep them short: the message says what is wrong. */
  static final List<Hint> HINTS = List.of(
      new Hint("^unknown set",
          "define it with 'set {text} = word word~ word*' (before or after its use), or "
              + "correct the name",
          "; a file meant to extend the default lexicon may use its sets (@actor, "
              + "@win-verb, ...): lint it with --on-default"),
      new Hint("^cannot extend an unknown set",
          "'+=' adds to a set defined earlier with '='; define it first or correct the name",
          "; to add words to a set of the default lexicon, lint with --on-default"),
      new Hint("^set already defined",
          "a set is defined once with '='; add words to it with 'set {text} += ...'"),
      new Hint("read as a number .*: \"\\d*\\.\\d+\"$",
          "a decimal in a pattern is usually an attribute value: an indented rule line whose "
              + "id is followed by a misspelt attribute (say 'wieght') is read as a "
              + "continuation of the pattern above; check the attribute names on this line"),
      new Hint("read as a number",
          "number phrases (two, a dozen, hundreds, 1,200) become one NUMBER token before "
              + "matching: write NUMBER where the figure stands, e.g. 'NUMBER (of)? people'"),
      new Hint("^no word in this literal: \":\"$",
          "this ':' was read as a word of the pattern above: an indented rule line whose id is "
              + "followed by a misspelt attribute continues the statement before it; check "
              + "the attribute names on this line"),
      new Hint("^'~' (must follow|applies to)",
          "'word~' matches the words with the same stem (retreat~: retreats, retreated): "
              + "write '~' right after one bare word, not after a quoted phrase, a group or a "
              + "space; for words that start with the same letters use 'word*'"),
      new Hint("^'\\*' (must follow|applies to)",
          "'word*' matches the words that start with these letters (humiliat*: humiliated, "
              + "humiliation): write '*' right after one bare word; for the forms of one "
              + "word, a stem 'word~' is usually safer"),
      new Hint("^a prefix needs at least",
          "a short prefix matches far too many words: write more letters, a stem "
              + "('victory~') or the words themselves"),
      new Hint("^unknown directive",
          "a statement starts with a keyword at the start of a line; a line that continues "
              + "the statement above (or an effect line 'FRAME -> EFFECT') must be indented"),
      new Hint("^rule outside a frame block",
          "put 'frame victory' (or defeat, survival-as-win, casualty-emphasis) above it in "
              + "this file: a frame line does not carry into or out of an included file, and "
              + "a misspelt one leaves the rules below it outside any frame"),
      new Hint("^unknown frame",
          "frame ids are victory, defeat, survival-as-win and casualty-emphasis; a misspelt "
              + "frame line also leaves the rules below it outside any frame, so fix it first"),
      new Hint("^modifier has no effect lines",
          "write the effects on indented lines right below the modifier, such as "
              + "'  * -> negate' or '  victory -> drop'; an unindented one is not read as one"),
      new Hint("^effect line",
          "an effect line 'FRAME -> EFFECT' goes indented directly below a modifier (after "
              + "its continuation lines); rules and blocks take no effects"),
      new Hint("^(examples|example:|counter:) must follow",
          "indent 'example:' and 'counter:' lines directly below the rule, block or modifier "
              + "they test"),
      new Hint("^unknown \\S+ attribute",
          "attributes go between the id and ':', each as 'name value' without spaces inside: "
              + "'immune negation,hedge', not 'immune negation, hedge'"),
      new Hint("^a pattern cannot (start|end) with a gap",
          "a gap '...{m,n}' or '_' must stand between words the pattern spells out, also "
              + "when the first or last element is optional"),
      new Hint("^a set (item must be one word|holds single words)",
          "a set holds single tokens: can't, cannot and hyphenated words are two, and "
              + "( | ? \" belong to patterns; write phrases in a rule's pattern instead"),
      new Hint("^duplicate id",
          "rules, blocks, modifiers and structure entries share one set of ids; rename it, "
              + "or write 'disable {text}' first to replace an entry of the lexicon you extend"),
      new Hint("^'(overrides|immune)' names no",
          "'overrides' names rules and 'immune' modifiers, comma-separated without spaces; "
              + "check the spelling",
          "; ids of the default lexicon need --on-default"),
      new Hint("^cannot disable an unknown",
          "'disable' must come after the definition of the id; check the spelling",
          "; to disable an entry of the default lexicon, lint with --on-default"),
      new Hint("^(weight|threshold) must be",
          "weights and thresholds are numbers above 0 and at most 1, such as 0.8"),
      new Hint("^scope",
          "write 'scope before|after|around N|clause|part|sentence' with N from 1 to 50, "
              + "such as 'scope before 3'"),
      new Hint("^a rule with 'kind' needs NUMBER",
          "every alternative and optional part of a 'kind' rule must hold NUMBER; put the "
              + "alternatives without a figure in a separate rule without 'kind'"),
      new Hint("^(counter-)?example of \\S+ \\S+ fails",
          "the sentence runs through the whole lexicon; to see its evidence and the modifiers "
              + "that acted, pipe it into 'framelens analyze --lexicon FILE -'",
          " with --no-default-lexicon, as the file stands alone"),
      new Hint("^cannot read included file",
          "an include path is relative to the folder of the file that holds the include"));

  @ParentCommand
  FramelensCommand parent;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Lexicon files to check.")
  List<Path> files;

  @Option(names = "--on-default",
      description = "Check each FILE as an extension of the bundled default lexicon, as "
          + "'analyze --lexicon FILE' loads it: it may use the default sets, add to them with "
          + "'+=' and disable default ids.")
  boolean onDefault;

  @Override
  public Integer call() {
    PrintStream out = parent.io.out();
    Lexicon base = onDefault ? Lexicon.defaultEnglish() : null;
    int failedFiles = 0;
    int errors = 0;
    int warnings = 0;
    for (Path file : files) {
      Counts found = lint(file, base, out);
      warnings += found.warnings();
      if (found.errors() > 0) {
        failedFiles++;
        errors += found.errors();
      }
    }
    if (files.size() > 1) {
      out.printf("%d files: %d clean, %d with errors (%s%s)%n", files.size(),
          files.size() - failedFiles, failedFiles, count(errors, "error"),
          warnings > 0 ? ", " + count(warnings, "warning") : "");
    }
    out.flush();
    return failedFiles == 0 ? ExitCodes.OK : ExitCodes.USAGE;
  }

  /** The errors and warnings found in one file. */
  record Counts(int errors, int warnings) {}

  /** Lints one file, prints its report and returns what it found (no errors when clean). */
  private Counts lint(Path file, Lexicon base, PrintStream out) {
    String name = file.toString();
    Optional<String> unreadable = unreadable(file);
    if (unreadable.isPresent()) {
      out.println(name + ": cannot read: " + unreadable.get());
      return new Counts(1, 0);
    }
    Lexicon lexicon;
    try {
      lexicon = base == null ? Lexicon.load(file) : base.extend(file);
    } catch (LexiconException e) {
      for (LexiconException.Problem problem : e.problems()) {
        out.println(problem.render());
        hint(problem, base != null).ifPresent(hint -> out.println("    hint: " + hint));
        out.println();
      }
      out.println(name + ": " + count(e.problems().size(), "error"));
      return new Counts(e.problems().size(), 0);
    } catch (UncheckedIOException e) {
      out.println(name + ": cannot read: " + e.getMessage());
      return new Counts(1, 0);
    }
    List<LemmaCheck.Finding> findings = LemmaCheck.check(ownLemmas(lexicon, base));
    int errors = 0;
    Lines lines = new Lines();
    for (LemmaCheck.Finding finding : findings) {
      if (finding.severity() == LemmaCheck.Severity.ERROR) {
        errors++;
      }
      out.println(finding.render(lines.line(finding.term().source(), finding.term().line())));
      out.println("    hint: " + finding.hint());
      out.println();
    }
    int warnings = findings.size() - errors;
    // The file's own examples and counter-examples, run on the lexicon as loaded.
    Set<String> baseSources = sources(base);
    for (LexiconException.Problem failed : FrameDetector.builder().lexicon(lexicon).build()
        .checkExamples()) {
      if (baseSources.contains(failed.source())) {
        continue;
      }
      errors++;
      out.println(failed.render());
      hint(failed, base != null).ifPresent(hint -> out.println("    hint: " + hint));
      out.println();
    }
    String warned = warnings > 0 ? count(warnings, "warning") : "";
    if (errors > 0) {
      out.println(name + ": " + count(errors, "error") + (warned.isEmpty() ? "" : ", " + warned));
    } else {
      out.println(name + ": ok (" + summary(lexicon, base) + (warned.isEmpty() ? ""
          : "; " + warned) + ")");
    }
    return new Counts(errors, warnings);
  }

  /**
   * The files the entries and terms of {@code base} are written in (none when null): lint
   * reports on the checked file's own, not on those.
   */
  private static Set<String> sources(Lexicon base) {
    Set<String> sources = new HashSet<>();
    if (base != null) {
      base.rules().forEach(r -> sources.add(r.source()));
      base.terms().forEach(t -> sources.add(t.source()));
    }
    return sources;
  }

  /** The lemma terms of the linted file and its includes, not the base lexicon's. */
  private static List<Lexicon.Term> ownLemmas(Lexicon lexicon, Lexicon base) {
    Set<String> baseSources = sources(base);
    return lexicon.terms().stream()
        .filter(t -> t.form() == Lexicon.Term.Form.LEMMA && !baseSources.contains(t.source()))
        .toList();
  }

  /** The lines of the files findings are in, read once each, for the caret display. */
  private static final class Lines {
    private final Map<String, List<String>> files = new HashMap<>();

    String line(String source, int line) {
      List<String> text = files.computeIfAbsent(source, s -> {
        try {
          String content = Files.readString(Path.of(s), StandardCharsets.UTF_8);
          content = content.startsWith("\uFEFF") ? content.substring(1) : content;
          return List.of(content.split("\r?\n", -1));
        } catch (IOException | UncheckedIOException | InvalidPathException e) {
          return List.of();
        }
      });
      return line >= 1 && line <= text.size() ? text.get(line - 1) : "";
    }
  }

  /** The hint for a problem, if the table has one. */
  static Optional<String> hint(LexiconException.Problem problem, boolean onDefault) {
    String key = problem.message() + ": \"" + problem.offendingText() + "\"";
    for (Hint hint : HINTS) {
      if (hint.when().matcher(key).find()) {
        return Optional.of(hint.text().replace("{text}", problem.offendingText())
            + (onDefault ? "" : hint.standalone()));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> unreadable(Path file) {
    if (!Files.exists(file)) {
      return Optional.of("no such file");
    }
    if (!Files.isRegularFile(file)) {
      return Optional.of("not a regular file");
    }
    if (!Files.isReadable(file)) {
      return Optional.of("permission denied");
    }
    return Optional.empty();
  }

  /** "3 rules, 1 block, 2 modifiers": the entries the file (and its includes) defines. */
  private static String summary(Lexicon lexicon, Lexicon base) {
    Set<String> baseSources = sources(base);
    int[] kinds = new int[Lexicon.Kind.values().length];
    for (Lexicon.Rule rule : lexicon.rules()) {
      if (!baseSources.contains(rule.source())) {
        kinds[rule.kind().ordinal()]++;
      }
    }
    return count(kinds[Lexicon.Kind.RULE.ordinal()], "rule") + ", "
        + count(kinds[Lexicon.Kind.BLOCK.ordinal()], "block") + ", "
        + count(kinds[Lexicon.Kind.MODIFIER.ordinal()], "modifier");
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
