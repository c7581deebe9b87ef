package dev.framelens.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Two builds of FrameLens timed against each other in one JVM: each command jar in its own class
 * loader, alternating passes over the same documents, so that the machine's drift between JMH
 * runs (often more than the difference measured) hits both alike.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.framelens.benchmarks.PairedJars \
 *     old/framelens.jar new/framelens.jar --texts ../shared/corpus --texts ../shared/seeds
 * java -cp benchmarks/target/benchmarks.jar dev.framelens.benchmarks.PairedJars \
 *     new/framelens.jar new/framelens.jar=old-rules/en-default.fl --pairs 40
 * </pre>
 *
 * <p>A jar is given as {@code JAR} (its default lexicon) or {@code JAR=LEXICON.fl} (that lexicon
 * file, loaded by that build). Documents: each {@code .txt} file of a {@code --texts} directory,
 * and the {@code text} of each line of its {@code .jsonl} files, repeated to {@code --chars}. The
 * result is the median over the pairs of the second build's CPU time per pass divided by the
 * first's, with the extremes: above 1 the second is slower.
 */
public final class PairedJars {
  private static final ThreadMXBean THREAD_TIME = ManagementFactory.getThreadMXBean();

  private PairedJars() {}

  public static void main(String[] args) throws Exception {
    List<String> builds = new ArrayList<>();
    List<Path> textDirs = new ArrayList<>();
    int pairs = 40;
    int chars = 3_000_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--pairs" -> pairs = positive(args, ++i);
        case "--chars" -> chars = positive(args, ++i);
        case "--texts" -> textDirs.add(Path.of(value(args, ++i)));
        default -> builds.add(args[i]);
      }
    }
    if (builds.size() != 2) {
      throw new IllegalArgumentException(
          "give two builds (JAR or JAR=LEXICON.fl), not " + builds.size() + ": " + builds);
    }
    if (textDirs.isEmpty()) {
      textDirs.add(Path.of("../shared/corpus"));
      textDirs.add(Path.of("../shared/seeds"));
    }
    List<String> documents = repeat(readTexts(textDirs), chars);
    long total = documents.stream().mapToLong(String::length).sum();
    Build first = Build.load(builds.get(0));
    Build second = Build.load(builds.get(1));
    for (int w = 0; w < 3; w++) {
      first.pass(documents);
      second.pass(documents);
    }
    double[] ratios = new double[pairs];
    long[] firstTimes = new long[pairs];
    long[] secondTimes = new long[pairs];
    for (int p = 0; p < pairs; p++) {
      boolean firstFirst = p % 2 == 0; // alternate which build runs first in a pair
      long a = firstFirst ? first.pass(documents) : 0;
      long b = second.pass(documents);
      if (!firstFirst) {
        a = first.pass(documents);
      }
      firstTimes[p] = a;
      secondTimes[p] = b;
      ratios[p] = (double) b / a;
    }
    System.out.printf("%,d documents, %,d chars per pass, %d pairs%n", documents.size(), total,
        pairs);
    System.out.printf("first  %s: median %.3f s of CPU per pass%n", builds.get(0), median(firstTimes));
    System.out.printf("second %s: median %.3f s of CPU per pass%n", builds.get(1), median(secondTimes));
    double[] sorted = ratios.clone();
    Arrays.sort(sorted);
    System.out.printf("second / first, CPU time per pass: median %.3f (min %.3f, max %.3f)%n",
        median(ratios), sorted[0], sorted[sorted.length - 1]);
  }

  /** The median of {@code values}, the mean of the middle two for an even count. */
  static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] s = values.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  private static double median(long[] nanos) {
    return median(Arrays.stream(nanos).mapToDouble(n -> n / 1e9).toArray());
  }

  /** Documents from {@code .txt} files and the {@code text} fields of {@code .jsonl} files. */
  static List<String> readTexts(List<Path> dirs) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> documents = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("not a directory of texts: " + dir);
      }
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files = s.sorted().toList();
      }
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(".txt")) {
          documents.add(Files.readString(file));
        } else if (name.endsWith(".jsonl")) {
          documents.addAll(jsonlTexts(json, file));
        }
      }
    }
    if (documents.isEmpty()) {
      throw new IllegalArgumentException("no .txt or .jsonl texts in " + dirs);
    }
    return documents;
  }

  /**
   * The {@code text} of each line of a JSONL file. A file with no {@code text} on any line (a
   * document-level gold file, say) gives none, and says so; one that has it on some lines only
   * is an error naming the first line without it.
   */
  private static List<String> jsonlTexts(ObjectMapper json, Path file) throws IOException {
    List<String> texts = new ArrayList<>();
    int firstWithout = 0;
    try (BufferedReader in = Files.newBufferedReader(file)) {
      int lineNumber = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode text = json.readTree(line).get("text");
        if (text != null && text.isTextual()) {
          texts.add(text.asText());
        } else if (firstWithout == 0) {
          firstWithout = lineNumber;
        }
      }
    }
    if (texts.isEmpty()) {
      System.err.println("skipped " + file + ": no line has a \"text\" string");
    } else if (firstWithout > 0) {
      throw new IllegalArgumentException(
          file + ":" + firstWithout + ": no \"text\" string on this line");
    }
    return texts;
  }

  /** {@code documents} in order, repeated until they hold at least {@code chars} chars. */
  static List<String> repeat(List<String> documents, int chars) {
    List<String> out = new ArrayList<>();
    long total = 0;
    while (total < chars) {
      for (String d : documents) {
        out.add(d);
        total += d.length();
      }
    }
    return out;
  }

  private static int positive(String[] args, int i) {
    int n = Integer.parseInt(value(args, i));
    if (n <= 0) {
      throw new IllegalArgumentException(args[i - 1] + " must be positive: " + n);
    }
    return n;
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  /** One build: a detector from a command jar, called through its public API by reflection. */
  private record Build(Object detector, Method analyze) {
    static Build load(String spec) throws Exception {
      int eq = spec.indexOf('=');
      Path jar = Path.of(eq < 0 ? spec : spec.substring(0, eq));
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException("no such jar: " + jar);
      }
      URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      Class<?> detectorClass = Class.forName("dev.framelens.FrameDetector", true, loader);
      Object detector;
      if (eq < 0) {
        detector = detectorClass.getMethod("withDefaultLexicon").invoke(null);
      } else {
        Class<?> lexiconClass = Class.forName("dev.framelens.Lexicon", true, loader);
        Object lexicon = lexiconClass.getMethod("load", Path.class)
            .invoke(null, Path.of(spec.substring(eq + 1)));
        Object builder = detectorClass.getMethod("builder").invoke(null);
        builder = builder.getClass().getMethod("lexicon", lexiconClass).invoke(builder, lexicon);
        detector = builder.getClass().getMethod("build").invoke(builder);
      }
      return new Build(detector, detectorClass.getMethod("analyze", String.class));
    }

    /**
     * One pass over {@code documents}; the nanoseconds of CPU time this thread took. CPU time,
     * not wall time: on a shared machine the thread is descheduled for other work now and then,
     * and wall time charges those pauses to whichever build was running.
     */
    long pass(List<String> documents) throws Exception {
      System.gc();
      long sink = 0;
      long start = THREAD_TIME.getCurrentThreadCpuTime();
      for (String d : documents) {
        sink += analyze.invoke(detector, d).hashCode();
      }
      long took = THREAD_TIME.getCurrentThreadCpuTime() - start;
      if (sink == 42) {
        System.out.print(""); // keeps the results observable
      }
      return took;
    }
  }
}
