// Analyses the bundled example article and prints labels, evidence and casualty figures.
// Run from the repository root (see README.md).
import dev.framelens.*;
import java.nio.file.*;

var text = Files.readString(Path.of("examples/ceasefire-report.txt"));
var analysis = FrameDetector.withDefaultLexicon().analyze(text);
System.out.println(analysis);
System.out.println();
for (var sentence : analysis.sentences()) {
  if (!sentence.labels().isEmpty()) {
    System.out.println(sentence);
  }
}
/exit
