package dev.framelens.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The text the benchmarks run on, assembled deterministically in memory: the seed articles of
 * {@code ../shared/seeds} repeated when that directory is there (or {@code -Dframelens.seeds}
 * names another), otherwise news-like text generated from a fixed seed. Documents are cut at
 * sentence ends to the requested sizes.
 *
 * <p>{@code -Dframelens.benchmark.chars=N} changes the corpus size (default 8,000,000), for a
 * smoke run.
 */
public final class BenchmarkCorpus {
  /** The default corpus size, about 8 MB of text. */
  public static final int DEFAULT_CHARS = 8_000_000;
  /** The system property that changes the corpus size. */
  public static final String CHARS_PROPERTY = "framelens.benchmark.chars";
  /** The system property that names the directory of seed articles. */
  public static final String SEEDS_PROPERTY = "framelens.seeds";

  private final String text;
  private final String origin;

  private BenchmarkCorpus(String text, String origin) {
    this.text = text;
    this.origin = origin;
  }

  /** The corpus size {@code -Dframelens.benchmark.chars} asks for, 8,000,000 by default. */
  public static int configuredChars() {
    return Integer.getInteger(CHARS_PROPERTY, DEFAULT_CHARS);
  }

  /** The corpus of the configured size. */
  public static BenchmarkCorpus load() {
    return load(configuredChars());
  }

  /**
   * The corpus cut to about {@code chars} chars (at a sentence end). The same text for the
   * same size: a smaller corpus is the beginning of a larger one.
   */
  public static BenchmarkCorpus load(int chars) {
    return load(chars, Path.of(System.getProperty(SEEDS_PROPERTY, "../shared/seeds")));
  }

  /** The corpus of {@code chars} chars from the seed articles in {@code seeds}, if any. */
  static BenchmarkCorpus load(int chars, Path seeds) {
    String unit = Files.isDirectory(seeds) ? readSeeds(seeds) : "";
    String origin = "seed articles of " + seeds;
    if (unit.isBlank()) {
      unit = generated(200_000);
      origin = "generated news-like text (no seed articles in " + seeds + ")";
    }
    StringBuilder text = new StringBuilder(chars + unit.length());
    while (text.length() < chars) {
      text.append(unit).append("\n\n");
    }
    return new BenchmarkCorpus(text.substring(0, cutAtSentence(text, chars)), origin);
  }

  /** The whole corpus as one string. */
  public String text() {
    return text;
  }

  /** Where the text came from, for the report. */
  public String origin() {
    return origin;
  }

  /** The corpus cut into documents of about {@code size} chars, at sentence ends. */
  public List<String> documents(int size) {
    List<String> docs = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = cutAtSentence(text, Math.min(text.length(), start + size));
      if (end <= start) {
        end = Math.min(text.length(), start + size);
      }
      String doc = text.substring(start, end).strip();
      if (!doc.isEmpty()) {
        docs.add(doc);
      }
      start = end;
    }
    return docs;
  }

  /**
   * The corpus cut into {@code count} consecutive parts of (nearly) equal size, each cut at a
   * sentence end, so that each part's {@link #mixedDocuments} has the same mix of sizes.
   */
  public List<BenchmarkCorpus> slices(int count) {
    List<BenchmarkCorpus> slices = new ArrayList<>(count);
    int start = 0;
    for (int i = 1; i <= count; i++) {
      int end = i == count ? text.length()
          : Math.max(start, cutAtSentence(text, (int) ((long) text.length() * i / count)));
      slices.add(new BenchmarkCorpus(text.substring(start, end), origin));
      start = end;
    }
    return slices;
  }

  /**
   * The mix of document sizes the scoring loop runs on: 300 B, 3 KB and 30 KB documents, each
   * size carrying a third of the text, interleaved.
   */
  public List<String> mixedDocuments() {
    int third = text.length() / 3;
    BenchmarkCorpus small = new BenchmarkCorpus(text.substring(0, cutAtSentence(text, third)),
        origin);
    BenchmarkCorpus medium = new BenchmarkCorpus(text.substring(small.text.length(),
        cutAtSentence(text, 2 * third)), origin);
    BenchmarkCorpus large = new BenchmarkCorpus(text.substring(small.text.length()
        + medium.text.length()), origin);
    List<String> a = small.documents(300);
    List<String> b = medium.documents(3_000);
    List<String> c = large.documents(30_000);
    List<String> mixed = new ArrayList<>(a.size() + b.size() + c.size());
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.size() || j < b.size() || k < c.size()) {
      for (int n = 0; n < 100 && i < a.size(); n++) {
        mixed.add(a.get(i++));
      }
      for (int n = 0; n < 10 && j < b.size(); n++) {
        mixed.add(b.get(j++));
      }
      if (k < c.size()) {
        mixed.add(c.get(k++));
      }
    }
    return mixed;
  }

  /** One line describing the corpus, so that MB/s can be derived from ops/s. */
  public static String describe(String benchmark, List<String> documents) {
    long chars = documents.stream().mapToLong(String::length).sum();
    long bytes = documents.stream().mapToLong(d -> d.getBytes(StandardCharsets.UTF_8).length)
        .sum();
    return String.format(Locale.ROOT, "%s corpus: %,d chars (%,d UTF-8 bytes) in %,d documents",
        benchmark, chars, bytes, documents.size());
  }

  private static String readSeeds(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      StringBuilder all = new StringBuilder();
      for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        all.append(Files.readString(file, StandardCharsets.UTF_8).strip()).append("\n\n");
      }
      return all.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the seed articles in " + dir, e);
    }
  }

  /** The end of the sentence at or after {@code at} (or the text's end). */
  private static int cutAtSentence(CharSequence text, int at) {
    for (int i = Math.max(0, at); i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if ((c == '.' || c == '\n') && Character.isWhitespace(text.charAt(i + 1))) {
        return i + 1;
      }
    }
    return text.length();
  }

  // ---------------------------------------------------------------------------------------------
  // Generated text, when no seed articles are at hand

  private static final String[] ACTORS = {"the army", "the rebels", "the government",
      "the militia", "the coalition", "the insurgents", "the garrison", "the regime",
      "the guerrillas", "the defence ministry", "the opposition", "the movement"};
  private static final String[] PLACES = {"Arnholt", "Ostrel", "the valley", "the port",
      "the northern province", "the capital", "Karsk", "the river crossing", "Velmora",
      "the border towns"};
  private static final String[] CLAUSES = {
      "%s claimed victory after %s withdrew from %s",
      "%s said it had captured %s after two weeks of fighting",
      "at least %d civilians were killed in %s, according to the local health office",
      "%s failed to dislodge %s from %s",
      "more than %d people have fled their homes in %s",
      "%s insisted that it was still standing despite heavy losses",
      "officials in %s met on Monday to discuss the price of grain and fuel",
      "%s lost control of %s and retreated towards the hills",
      "%s held talks with mediators in %s about a ceasefire",
      "reporters were told that %s would resume negotiations next week",
      "hundreds of families were left homeless when shells hit %s",
      "%s described the agreement as a political victory for the country",
      "the council of %s approved a new budget for schools and roads",
      "%s has not been able to defeat %s after months of war",
      "the spokesman for %s told reporters that the offensive had achieved its goals"};

  static String generated(int chars) {
    Random random = new Random(42);
    StringBuilder text = new StringBuilder(chars + 200);
    int sentences = 0;
    while (text.length() < chars) {
      String template = CLAUSES[random.nextInt(CLAUSES.length)];
      Object[] args = new Object[4];
      int argument = 0;
      for (int i = template.indexOf('%'); i >= 0; i = template.indexOf('%', i + 1)) {
        char kind = template.charAt(i + 1);
        args[argument++] = kind == 'd' ? (Object) (10 + random.nextInt(5_000))
            : (random.nextBoolean() ? ACTORS[random.nextInt(ACTORS.length)]
                : PLACES[random.nextInt(PLACES.length)]);
      }
      String sentence = String.format(Locale.ROOT, template, args);
      text.append(Character.toUpperCase(sentence.charAt(0))).append(sentence, 1,
          sentence.length()).append(". ");
      if (++sentences % 6 == 0) {
        text.append("\n\n");
      }
    }
    return text.toString();
  }
}
