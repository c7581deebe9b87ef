package dev.framelens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.framelens.Lexicon;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import net.sf.extjwnl.data.POS;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code framelens suggest}: the WordNet words a word set or rule does not cover yet, per sense
 * of each of its words, with their counts in a corpus. See {@link Suggestions} for what is looked
 * up and {@link Probe} for how counts are made.
 */
@Command(
    name = "suggest",
    mixinStandardHelpOptions = true,
    description = {
        "Suggest words for a word set (@name) or a rule, block or modifier (its id): the "
            + "WordNet 3.1 words it does not cover yet, found from the words it names "
            + "(sets it names included). For each word, each of its senses is one line, "
            + "with the sense's gloss: its synonyms, the derivationally related forms of its "
            + "words (derived) and, for a verb, its troponyms (more specific ways of doing "
            + "it); for an adjective, the similar adjectives. Senses are mixed ('eliminate' "
            + "also means 'excrete'): take the words of the senses you mean.",
        "A candidate is covered, and left out, when the set or rule already matches it or "
            + "one of its inflections; --all shows them, marked. A phrase (wipe out) cannot "
            + "go into a set: write it in a rule's pattern, with the head word as a lemma "
            + "(wipe^ out).",
        "With --corpus, each candidate comes with its count: the tokens it matches with every "
            + "inflection (annihilate^: annihilates, annihilated...), tokenized as the "
            + "engine does; a JSONL file (.jsonl, .ndjson, .json) is read line by line, its "
            + "\"text\" field each a document, any other file is one plain-text document. "
            + "Candidates are then sorted by count.",
        "Exit code: 0 done; 2 unknown set or rule, unreadable corpus, lexicon errors or a "
            + "bad option."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  framelens suggest @destroy",
        "  framelens suggest @destroy --pos verb --corpus news.jsonl --min-count 3",
        "  framelens suggest --lexicon my-rules.fl held-firm --corpus articles.txt",
        "  framelens suggest --no-default-lexicon --lexicon my.fl @win --all",
        "  framelens suggest @destroy --senses 2 --format json",
        "",
        "A line of the text output:",
        "  [verb] eliminate#3 \"kill in large numbers\": annihilate (37), decimate (12),",
        "      wipe out (phrase, 9), annihilation (derived, 4)"})
final class SuggestCommand implements Callable<Integer> {
  /** The output formats of {@code suggest}. */
  enum Format { text, json }

  /** The parts of speech {@code --pos} takes. */
  enum Pos {
    verb(POS.VERB), noun(POS.NOUN), adj(POS.ADJECTIVE), adv(POS.ADVERB);

    final POS pos;

    Pos(POS pos) {
      this.pos = pos;
    }
  }

  private static final int WIDTH = 100;

  @ParentCommand
  FramelensCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SET-OR-ID", arity = "1",
      description = "A word set with its @ (@destroy), or the id of a rule, block or "
          + "modifier.")
  String owner;

  @Option(names = "--corpus", paramLabel = "FILE",
      description = "Count each candidate in this corpus (repeatable): JSONL with a \"text\" "
          + "field, or plain text.")
  List<Path> corpus = new ArrayList<>();

  @Option(names = "--pos", paramLabel = "POS",
      description = "Only senses of this part of speech: ${COMPLETION-CANDIDATES}.")
  Pos pos;

  @Option(names = "--min-count", paramLabel = "N",
      description = "With --corpus: leave out candidates counted fewer than N times.")
  Long minCount;

  @Option(names = "--senses", paramLabel = "N",
      description = "At most the N most frequent senses of each word in each part of speech "
          + "(default: all).")
  Integer maxSenses;

  @Option(names = "--all",
      description = "Also list the candidates already covered, marked 'covered'.")
  boolean all;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin
  DetectorOptions detectorOptions;

  /** What was counted. */
  record CorpusSummary(List<String> files, long documents, long chars) {}

  @Override
  public Integer call() {
    if (minCount != null && corpus.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--min-count needs --corpus FILE");
    }
    if (maxSenses != null && maxSenses < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--senses must be at least 1: " + maxSenses);
    }
    Inputs.checkReadable(corpus.stream().map(Path::toString).toList());
    Lexicon lexicon = detectorOptions.lexicon();
    if (!Suggestions.exists(lexicon, owner)) {
      throw new UserError(ExitCodes.USAGE, unknown(lexicon, owner));
    }
    Suggestions.Result result = new Suggestions(lexicon, WordNet.get())
        .find(owner, pos == null ? null : pos.pos, maxSenses == null ? Integer.MAX_VALUE
            : maxSenses);
    Map<String, Long> counts = null;
    CorpusSummary summary = null;
    if (!corpus.isEmpty()) {
      counts = new HashMap<>();
      summary = count(result.probe(), counts);
    }
    PrintStream out = parent.io.out();
    if (format == Format.json) {
      out.println(json(lexicon, result, counts, summary));
    } else {
      out.print(text(lexicon, result, counts, summary));
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** "unknown set ... (did you mean @destroy?)". */
  static String unknown(Lexicon lexicon, String owner) {
    var names = Suggestions.names(lexicon);
    String what = owner.startsWith("@") ? "unknown word set" : "no set, rule, block or "
        + "modifier named";
    String near = null;
    if (!owner.startsWith("@") && names.contains("@" + owner)) {
      near = "@" + owner;
    } else {
      int best = Integer.MAX_VALUE;
      int limit = Math.max(2, owner.length() / 3);
      for (String name : names) {
        int d = WordNet.distance(owner, name, limit);
        if (d <= limit && d < best) {
          best = d;
          near = name;
        }
      }
    }
    return what + " \"" + owner + "\" in lexicon " + lexicon.name() + " " + lexicon.version()
        + (near != null ? " (did you mean " + near + "?)" : owner.startsWith("@") ? ""
            : " (a set is named with its @)");
  }

  /** Counts every candidate pattern in the corpus files. */
  private CorpusSummary count(Probe probe, Map<String, Long> counts) {
    long documents = 0;
    long chars = 0;
    List<String> names = new ArrayList<>();
    for (Path file : corpus) {
      String name = file.toString();
      names.add(name);
      boolean jsonl = name.toLowerCase(Locale.ROOT).matches(".*\\.(jsonl|ndjson|json)");
      try (Inputs.Source source = jsonl ? Inputs.jsonl(name, parent.io.in(), false, null)
          : Inputs.files(List.of(name), parent.io.in())) {
        while (source.hasNext()) {
          InputRecord record = source.next();
          if (record.failed()) {
            throw new UserError(ExitCodes.USAGE, "cannot read corpus " + name + ": "
                + record.error());
          }
          probe.count(record.text(), counts);
          documents++;
          chars += record.text().length();
        }
      } catch (UncheckedIOException e) {
        throw new UserError(ExitCodes.USAGE, "cannot read corpus " + name + ": "
            + e.getMessage(), e);
      }
    }
    return new CorpusSummary(names, documents, chars);
  }

  /** The candidates to show: covered ones only with --all, none below --min-count. */
  private List<Suggestions.Candidate> shown(Suggestions.Sense sense, Map<String, Long> counts,
      int[] leftOut) {
    List<Suggestions.Candidate> list = new ArrayList<>();
    for (Suggestions.Candidate c : sense.candidates()) {
      if (c.covered() && !all) {
        leftOut[0]++;
      } else if (minCount != null && counts.getOrDefault(c.pattern(), 0L) < minCount) {
        leftOut[1]++;
      } else {
        list.add(c);
      }
    }
    return Suggestions.sorted(list, counts);
  }

  private String text(Lexicon lexicon, Suggestions.Result result, Map<String, Long> counts,
      CorpusSummary summary) {
    StringBuilder s = new StringBuilder();
    s.append(result.owner()).append(" in lexicon ").append(lexicon.name()).append(' ')
        .append(lexicon.version()).append(": ")
        .append(count(result.seeds().size(), "word")).append(" in WordNet 3.1");
    if (!result.nestedSets().isEmpty()) {
      s.append(" (with the words of ").append(String.join(", ", result.nestedSets()))
          .append(')');
    }
    if (pos != null) {
      s.append(", ").append(pos.name()).append(" senses only");
    }
    s.append('\n');
    if (summary != null) {
      s.append(String.format(Locale.ROOT, "counts: every inflection, in %s (%,d document%s, "
          + "%,d chars)%n", summary.files().size() == 1 ? summary.files().get(0)
          : summary.files().size() + " corpus files", summary.documents(),
          summary.documents() == 1 ? "" : "s", summary.chars()));
    }
    int[] leftOut = new int[2];
    int candidates = 0;
    int phrases = 0;
    int sensesShown = 0;
    Map<String, Boolean> listed = new HashMap<>();
    List<String> nothing = new ArrayList<>();
    for (Suggestions.Seed seed : result.seeds()) {
      int mark = s.length();
      s.append('\n').append(seed.lemma()).append("  (").append(from(seed.terms()))
          .append(")\n");
      int shownHere = 0;
      for (Suggestions.Sense sense : seed.senses()) {
        String head = "  [" + sense.pos() + "] " + sense.name() + " \""
            + shorten(sense.definition(), 60) + "\": ";
        if (sense.sameAs() != null) {
          if (listed.getOrDefault(sense.sameAs(), false)) {
            s.append(head).append("listed under ").append(sense.sameAs()).append('\n');
            shownHere++;
          }
          continue;
        }
        List<Suggestions.Candidate> list = shown(sense, counts, leftOut);
        listed.put(sense.name(), !list.isEmpty());
        if (list.isEmpty()) {
          continue;
        }
        shownHere++;
        sensesShown++;
        List<String> seen = new ArrayList<>();
        List<String> unseen = new ArrayList<>();
        for (Suggestions.Candidate c : list) {
          boolean counted = counts == null || counts.getOrDefault(c.pattern(), 0L) > 0;
          (counted ? seen : unseen).add(item(c, counts));
          candidates++;
          phrases += c.phrase() ? 1 : 0;
        }
        List<String> items = commas(seen);
        if (!unseen.isEmpty()) {
          if (!items.isEmpty()) {
            int last = items.size() - 1;
            items.set(last, items.get(last) + ";");
          }
          List<String> rest = commas(unseen);
          rest.set(0, "unseen: " + rest.get(0));
          items.addAll(rest);
        }
        wrap(s, head, items);
      }
      if (shownHere == 0) {
        s.setLength(mark);
        nothing.add(seed.lemma() + " (" + count(seed.senses().size(), "sense") + ")");
      }
    }
    s.append('\n');
    if (!nothing.isEmpty()) {
      wrap(s, "nothing to suggest for: ", commas(nothing));
    }
    if (!result.unknown().isEmpty()) {
      List<String> items = result.unknown().stream().map(t -> atom(t) + " ("
          + place(t) + ")").toList();
      wrap(s, "not in WordNet 3.1: ", commas(items));
    }
    if (phrases > 0) {
      s.append("phrases cannot go into a set (one word per item): write them in a rule's "
          + "pattern,\nthe head word as a lemma (wipe^ out)\n");
    }
    List<String> totals = new ArrayList<>();
    totals.add(count(candidates, "candidate") + " (" + count(phrases, "phrase") + ") in "
        + count(sensesShown, "sense") + " of " + count(result.seeds().size(), "word"));
    if (leftOut[0] > 0) {
      totals.add(leftOut[0] + " already covered left out (--all shows them)");
    }
    if (leftOut[1] > 0) {
      totals.add(leftOut[1] + " below --min-count " + minCount + " left out");
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < totals.size(); i++) {
      items.add(totals.get(i) + (i < totals.size() - 1 ? ";" : ""));
    }
    wrap(s, "", items);
    return s.toString();
  }

  private static String item(Suggestions.Candidate c, Map<String, Long> counts) {
    List<String> notes = new ArrayList<>();
    if (c.covered()) {
      notes.add("covered");
    }
    if (c.phrase()) {
      notes.add("phrase");
    }
    if (c.relation() != Suggestions.Relation.SYNONYM) {
      notes.add(c.relation().id);
    }
    Long n = counts == null ? null : counts.get(c.pattern());
    if (n != null) {
      notes.add(String.format(Locale.ROOT, "%,d", n));
    }
    return c.word() + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
  }

  /** The items, each but the last with a comma. */
  private static List<String> commas(List<String> items) {
    List<String> list = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      list.add(items.get(i) + (i < items.size() - 1 ? "," : ""));
    }
    return list;
  }

  /** Appends {@code head} and the items joined by spaces, wrapped at {@link #WIDTH}. */
  private static void wrap(StringBuilder s, String head, List<String> items) {
    StringBuilder line = new StringBuilder(head);
    boolean fresh = true;
    if (!items.isEmpty() && head.length() + items.get(0).length() > WIDTH) {
      s.append(head.stripTrailing()).append('\n');
      line = new StringBuilder("      ");
    }
    for (String item : items) {
      if (!fresh && line.length() + 1 + item.length() > WIDTH) {
        s.append(line).append('\n');
        line = new StringBuilder("      ");
        fresh = true;
      }
      if (!fresh) {
        line.append(' ');
      }
      line.append(item);
      fresh = false;
    }
    s.append(line).append('\n');
  }

  /** The gloss cut at a word boundary before {@code max} chars, with an ellipsis. */
  static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    String head = text.substring(0, cut > max / 2 ? cut : max - 1);
    while (head.endsWith(",") || head.endsWith(";") || head.endsWith(" ")) {
      head = head.substring(0, head.length() - 1);
    }
    return head + "…";
  }

  /** "rout, routed in @destroy, sets.fl:21": the terms a seed was found from, per owner. */
  private static String from(List<Lexicon.Term> terms) {
    Map<String, List<Lexicon.Term>> byOwner = new LinkedHashMap<>();
    terms.forEach(t -> byOwner.computeIfAbsent(t.owner(), k -> new ArrayList<>()).add(t));
    List<String> parts = new ArrayList<>();
    byOwner.forEach((owner, list) -> parts.add(String.join(", ", list.stream()
        .map(SuggestCommand::atom).distinct().toList()) + " in " + owner + ", "
        + place(list.get(0))));
    return String.join("; ", parts);
  }

  private static String atom(Lexicon.Term t) {
    return t.text() + switch (t.form()) {
      case WORD -> "";
      case STEM -> "~";
      case PREFIX -> "*";
      case LEMMA -> "^";
    };
  }

  /** "sets.fl:21": the file's name and the line. */
  private static String place(Lexicon.Term t) {
    String source = t.source();
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return source.substring(slash + 1) + ":" + t.line();
  }

  private String json(Lexicon lexicon, Suggestions.Result result, Map<String, Long> counts,
      CorpusSummary summary) {
    ObjectNode root = AnalysisJson.JSON.createObjectNode();
    root.put("owner", result.owner());
    root.putObject("lexicon").put("name", lexicon.name()).put("version", lexicon.version());
    root.put("wordnet", "3.1");
    root.put("pos", pos == null ? null : pos.name());
    if (summary == null) {
      root.putNull("corpus");
    } else {
      ObjectNode c = root.putObject("corpus");
      ArrayNode files = c.putArray("files");
      summary.files().forEach(files::add);
      c.put("documents", summary.documents());
      c.put("chars", summary.chars());
    }
    ArrayNode nested = root.putArray("nested_sets");
    result.nestedSets().forEach(nested::add);
    int[] leftOut = new int[2];
    int candidates = 0;
    int phrases = 0;
    ArrayNode seeds = root.putArray("seeds");
    for (Suggestions.Seed seed : result.seeds()) {
      ObjectNode sn = seeds.addObject();
      sn.put("lemma", seed.lemma());
      ArrayNode terms = sn.putArray("terms");
      seed.terms().forEach(t -> term(terms.addObject(), t));
      ArrayNode senses = sn.putArray("senses");
      for (Suggestions.Sense sense : seed.senses()) {
        ObjectNode node = senses.addObject();
        node.put("pos", sense.pos());
        node.put("sense", sense.number());
        node.put("name", sense.name());
        node.put("synset", sense.key());
        node.put("definition", sense.definition());
        node.put("same_as", sense.sameAs());
        ArrayNode list = node.putArray("candidates");
        if (sense.sameAs() != null) {
          continue;
        }
        for (Suggestions.Candidate c : shown(sense, counts, leftOut)) {
          candidates++;
          phrases += c.phrase() ? 1 : 0;
          ObjectNode cn = list.addObject();
          cn.put("word", c.word());
          cn.put("pos", c.pos());
          cn.put("relation", c.relation().id);
          cn.put("phrase", c.phrase());
          cn.put("covered", c.covered());
          cn.put("pattern", c.pattern());
          if (counts == null) {
            cn.putNull("count");
          } else {
            cn.put("count", counts.getOrDefault(c.pattern(), 0L));
          }
        }
      }
    }
    ArrayNode unknown = root.putArray("not_in_wordnet");
    result.unknown().forEach(t -> term(unknown.addObject(), t));
    ObjectNode totals = root.putObject("totals");
    totals.put("candidates", candidates);
    totals.put("phrases", phrases);
    totals.put("covered_left_out", leftOut[0]);
    totals.put("below_min_count", leftOut[1]);
    try {
      return AnalysisJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void term(ObjectNode node, Lexicon.Term t) {
    node.put("text", t.text());
    node.put("form", t.form().name().toLowerCase(Locale.ROOT));
    node.put("owner", t.owner());
    node.put("source", t.source());
    node.put("line", t.line());
    node.put("column", t.column());
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
