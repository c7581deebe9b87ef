package dev.framelens.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The text the benchmarks run on, assembled deterministically in memory. Where the shared folder
 * is there ({@code ../shared} from the working directory, or {@code -Dframelens.shared=DIR}), it
 * is every text of it: the {@code text} of every line of every {@code .jsonl} file of its
 * {@code corpus} folder (lines and files without one, such as a document-level gold file, are
 * skipped) and every {@code .txt} file of its {@code seeds} folder, shuffled with a fixed seed
 * and joined as documents separated by blank lines, that whole repeated to the size asked.
 * Otherwise it is news-like text generated from a fixed seed. A smaller corpus is the beginning
 * of a larger one. Documents are cut at sentence ends to the requested sizes.
 *
 * <p>{@code -Dframelens.benchmark.chars=N} changes the corpus size (default 8,000,000), for a
 * smoke run.
 */
public final class BenchmarkCorpus {
  /** The default corpus size, about 8 MB of text. */
  public static final int DEFAULT_CHARS = 8_000_000;
  /** The system property that changes the corpus size. */
  public static final String CHARS_PROPERTY = "framelens.benchmark.chars";
  /** The system property that names the shared folder (with {@code corpus/} and {@code seeds/}). */
  public static final String SHARED_PROPERTY = "framelens.shared";
  /** The shared folder when {@link #SHARED_PROPERTY} is not given, from the working directory. */
  public static final String DEFAULT_SHARED = "../shared";
  /** The property that named the seed articles' folder before; refused with a hint. */
  static final String OLD_SEEDS_PROPERTY = "framelens.seeds";
  /** The seed of the shuffle of the shared texts. */
  static final long SHUFFLE_SEED = 13;
  /** How {@link #distinctWords} cuts words, for the report. */
  static final String WORDS = "maximal runs of letters and digits, lowercased";

  private final String text;
  private final String source;
  private final int sourceTexts;
  private int distinctWords = -1;

  private BenchmarkCorpus(String text, String source, int sourceTexts) {
    this.text = text;
    this.source = source;
    this.sourceTexts = sourceTexts;
  }

  /** The corpus size {@code -Dframelens.benchmark.chars} asks for, 8,000,000 by default. */
  public static int configuredChars() {
    return Integer.getInteger(CHARS_PROPERTY, DEFAULT_CHARS);
  }

  /**
   * The shared folder {@code -Dframelens.shared} names, {@code ../shared} by default.
   *
   * @throws IllegalStateException when the old {@code -Dframelens.seeds} is given, which would
   *     otherwise be silently ignored
   */
  public static Path sharedDirectory() {
    String seeds = System.getProperty(OLD_SEEDS_PROPERTY);
    if (seeds != null) {
      throw new IllegalStateException("-D" + OLD_SEEDS_PROPERTY + "=" + seeds + " is no longer "
          + "read: the corpus is every text of a shared folder's corpus/ and seeds/ folders; "
          + "name that folder with -D" + SHARED_PROPERTY + "=DIR (default " + DEFAULT_SHARED
          + ")");
    }
    return Path.of(System.getProperty(SHARED_PROPERTY, DEFAULT_SHARED));
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
    return load(chars, sharedDirectory());
  }

  /**
   * The corpus of {@code chars} chars from the texts of the shared folder {@code shared}, or
   * generated text when it has none (or is absent).
   *
   * @throws UncheckedIOException when a file of the shared folder cannot be read
   * @throws IllegalArgumentException when a line of a {@code .jsonl} file is not JSON
   */
  static BenchmarkCorpus load(int chars, Path shared) {
    SharedTexts texts = SharedTexts.read(shared);
    String unit;
    String source;
    if (texts.texts().isEmpty()) {
      unit = generated(200_000);
      Path dir = shared.toAbsolutePath().normalize();
      source = "generated news-like text (no texts in " + dir.resolve("corpus") + " or "
          + dir.resolve("seeds") + ")";
    } else {
      List<String> shuffled = new ArrayList<>(texts.texts());
      Collections.shuffle(shuffled, new Random(SHUFFLE_SEED));
      unit = String.join("\n\n", shuffled);
      source = String.format(Locale.ROOT, "%s, shuffled (seed %d) and repeated (%,d chars per "
          + "round)", texts.describe(), SHUFFLE_SEED, unit.length());
    }
    StringBuilder text = new StringBuilder(chars + unit.length());
    while (text.length() < chars) {
      text.append(unit).append("\n\n");
    }
    return new BenchmarkCorpus(text.substring(0, cutAtSentence(text, chars)), source,
        texts.texts().size());
  }

  /**
   * The texts of a shared folder: the {@code text} strings of {@code corpus/*.jsonl} and the
   * {@code seeds/*.txt} files, each stripped, in file order (files sorted by name).
   *
   * @param shared the shared folder
   * @param texts the texts
   * @param jsonlFiles the {@code .jsonl} files that gave at least one text
   * @param txtFiles the {@code .txt} files that gave a text
   */
  record SharedTexts(Path shared, List<String> texts, int jsonlFiles, int txtFiles) {
    static SharedTexts read(Path shared) {
      List<String> texts = new ArrayList<>();
      int jsonlFiles = 0;
      int txtFiles = 0;
      ObjectMapper json = new ObjectMapper();
      for (Path file : files(shared.resolve("corpus"), ".jsonl")) {
        int before = texts.size();
        texts.addAll(jsonlTexts(json, file));
        jsonlFiles += texts.size() > before ? 1 : 0;
      }
      for (Path file : files(shared.resolve("seeds"), ".txt")) {
        String text = readText(file).strip();
        if (!text.isEmpty()) {
          texts.add(text);
          txtFiles++;
        }
      }
      return new SharedTexts(shared, List.copyOf(texts), jsonlFiles, txtFiles);
    }

    String describe() {
      return String.format(Locale.ROOT, "%,d texts of %s (%d .jsonl files of corpus/, %d .txt "
          + "files of seeds/)", texts.size(), shared.toAbsolutePath().normalize(), jsonlFiles,
          txtFiles);
    }

    /** The files of {@code dir} whose name ends with {@code suffix}, sorted; none if no dir. */
    private static List<Path> files(Path dir, String suffix) {
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      try (Stream<Path> files = Files.list(dir)) {
        return files.filter(p -> p.getFileName().toString().endsWith(suffix)
            && Files.isRegularFile(p)).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the benchmark texts in " + dir, e);
      }
    }

    private static String readText(Path file) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the benchmark text " + file
            + " (as UTF-8)", e);
      }
    }

    /** The non-blank {@code text} string of each line that has one; other lines are skipped. */
    private static List<String> jsonlTexts(ObjectMapper json, Path file) {
      List<String> texts = new ArrayList<>();
      int lineNumber = 0;
      for (String line : readText(file).lines().toList()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = json.readTree(line);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(file + ":" + lineNumber + ": not a JSON line ("
              + e.getOriginalMessage() + ")", e);
        }
        JsonNode text = node == null ? null : node.get("text");
        if (text != null && text.isTextual() && !text.asText().isBlank()) {
          texts.add(text.asText().strip());
        }
      }
      return texts;
    }
  }

  /** The whole corpus as one string. */
  public String text() {
    return text;
  }

  /**
   * Where the text came from, how many source texts and how many distinct words it has, for the
   * report. The count of distinct words is made on first call.
   */
  public String origin() {
    return String.format(Locale.ROOT, "%s; %,d distinct words (%s)", source, distinctWords(),
        WORDS);
  }

  /** The number of texts of the shared folder the corpus is made of; 0 for generated text. */
  public int sourceTexts() {
    return sourceTexts;
  }

  /** The number of distinct words of the corpus's text: see {@link #distinctWords(CharSequence)}. */
  public int distinctWords() {
    if (distinctWords < 0) {
      distinctWords = distinctWords(text);
    }
    return distinctWords;
  }

  /**
   * The number of distinct words of {@code text}, a word being a maximal run of letters and
   * digits ({@link Character#isLetterOrDigit(int)}) lowercased with
   * {@link Character#toLowerCase(int)}: "Hasn't" is the two words "hasn" and "t", "2,000" the
   * two words "2" and "000". Cruder than the engine's tokenizer, and the same for every corpus.
   */
  static int distinctWords(CharSequence text) {
    Set<String> words = new HashSet<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= text.length(); ) {
      int c = i < text.length() ? Character.codePointAt(text, i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        word.appendCodePoint(Character.toLowerCase(c));
      } else if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
      i += Character.charCount(c);
    }
    return words.size();
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
      slices.add(new BenchmarkCorpus(text.substring(start, end), source, sourceTexts));
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
        source, sourceTexts);
    BenchmarkCorpus medium = new BenchmarkCorpus(text.substring(small.text.length(),
        cutAtSentence(text, 2 * third)), source, sourceTexts);
    BenchmarkCorpus large = new BenchmarkCorpus(text.substring(small.text.length()
        + medium.text.length()), source, sourceTexts);
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
  // Generated text, when no shared texts are at hand

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
