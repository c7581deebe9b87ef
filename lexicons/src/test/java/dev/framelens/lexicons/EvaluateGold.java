package dev.framelens.lexicons;

import dev.framelens.FrameDetector;
import dev.framelens.Lexicon;
import dev.framelens.internal.eval.Evaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the evaluation of the default lexicon (or of {@code --lexicon FILE}) on gold files,
 * with every error and its evidence when {@code --errors} is given: the lexicon author's quick
 * loop, run from the test class path without Maven's overhead.
 *
 * <pre>
 * mvn -B -q test-compile -pl lexicons -am
 * java -cp "lexicons/target/test-classes:$(cat lexicons/target/test-classpath.txt)" \
 *     dev.framelens.lexicons.EvaluateGold --lexicon lexicons/rules/en-default.fl \
 *     --errors ../shared/corpus/dev.jsonl
 * </pre>
 *
 * <p>With {@code --lexicon} the rules are read straight from the files being edited.
 */
public final class EvaluateGold {
  private EvaluateGold() {}

  public static void main(String[] args) {
    boolean errors = false;
    Lexicon lexicon = null;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--errors" -> errors = true;
        case "--lexicon" -> lexicon = Lexicon.load(Path.of(args[++i]));
        default -> files.add(Path.of(args[i]));
      }
    }
    FrameDetector detector = lexicon == null ? FrameDetector.withDefaultLexicon()
        : FrameDetector.builder().lexicon(lexicon).build();
    for (Path file : files) {
      System.out.println(Evaluation.run(file.getFileName().toString(), detector,
          GoldCorpus.read(file)).report(errors));
    }
  }
}
