package dev.framelens.cli;

import dev.framelens.Lexicon;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerTarget;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;

/**
 * What {@code framelens suggest} finds: for the words a word set or rule names (its seeds),
 * each WordNet sense with the words of that sense the set or rule does not cover yet.
 *
 * <p>Seeds are the owner's terms ({@link Lexicon#terms()}), and the terms of every set it names:
 * a set is taken as named when the owner covers each of its words ({@link Lexicon#covers}), which
 * is what naming it does (a set whose words the owner lists one by one is taken too, and rightly:
 * they are its words). A word is looked up as written and, when it is an inflection, as its
 * base forms (routed: rout, route). A stem or prefix is looked up as written (eliminate~:
 * eliminate); a prefix that is no word (humiliat*) has no entry.
 *
 * <p>Candidates of a sense: its synonyms (the other words of the synset), the derivationally
 * related forms of its words (annihilate: annihilation), the troponyms of a verb (more specific
 * ways of doing it: kill, massacre) and the similar adjectives of an adjective. A candidate is
 * covered when the owner covers its lemma or any inflection of it (the forms the engine makes for
 * a lemma atom); a phrase (wipe out) never fits in a set, and is covered only when the owner
 * names it as a phrase.
 */
final class Suggestions {
  /** Words a rule's pattern holds that are no seeds: nobody wants synonyms of "the". */
  static final Set<String> FUNCTION_WORDS = Set.of(("a an the this that these those its it "
      + "their his her our your my we they he she you i me him them us who whom whose which "
      + "what when where why how while of to in on at by for from with without into onto over "
      + "under up down out off as about after before against between during through since "
      + "until upon within than then so such very just only also too not no nor never and or "
      + "but if is are was were be been being am has have had having do does did done can "
      + "could will would shall should may might must all any some each every both either "
      + "neither other another more most much many few own same s t").split(" "));

  /** The relations a candidate can have to its sense, in the order output lists them. */
  enum Relation {
    SYNONYM("synonym"),
    SIMILAR("similar"),
    TROPONYM("troponym"),
    DERIVED("derived");

    final String id;

    Relation(String id) {
      this.id = id;
    }
  }

  /**
   * A word (or phrase) to suggest.
   *
   * @param word as WordNet writes it, words separated by spaces
   * @param pos its part of speech (verb, noun, adj, adv)
   * @param relation how it relates to the sense
   * @param phrase more than one token: it belongs in a pattern, not a set
   * @param covered the owner already matches it (or an inflection of it)
   * @param pattern how to write it so that every inflection counts ({@code annihilate^},
   *     {@code wipe^ out})
   */
  record Candidate(String word, String pos, Relation relation, boolean phrase, boolean covered,
      String pattern) {}

  /**
   * One sense of a seed: a WordNet synset.
   *
   * @param pos the synset's part of speech
   * @param seed the seed lemma
   * @param number the sense number of the seed in that part of speech (1 is the most frequent)
   * @param key the synset's part of speech and offset, {@code v00471632}
   * @param definition the gloss without its examples
   * @param sameAs the {@code seed#number} under which this synset was already listed, or null
   * @param candidates its candidates, covered ones included
   */
  record Sense(String pos, String seed, int number, String key, String definition,
      String sameAs, List<Candidate> candidates) {
    String name() {
      return seed + "#" + number;
    }
  }

  /**
   * A word of the owner that WordNet knows.
   *
   * @param lemma the WordNet lemma
   * @param terms the owner's terms it was found from (routed and routing for rout)
   * @param senses its senses, per part of speech, in WordNet's order
   */
  record Seed(String lemma, List<Lexicon.Term> terms, List<Sense> senses) {}

  /**
   * Everything found for one owner.
   *
   * @param owner the set ({@code @destroy}) or id
   * @param seeds the owner's words WordNet knows, in the lexicon's order
   * @param unknown the owner's terms WordNet does not know, function words left out
   * @param nestedSets the sets whose words were taken as the owner's
   * @param probe the compiled patterns of every candidate, for counting them in a corpus
   */
  record Result(String owner, List<Seed> seeds, List<Lexicon.Term> unknown,
      List<String> nestedSets, Probe probe) {}

  private final Lexicon lexicon;
  private final WordNet wordNet;

  Suggestions(Lexicon lexicon, WordNet wordNet) {
    this.lexicon = lexicon;
    this.wordNet = wordNet;
  }

  /** Whether {@code owner} names a set, rule, block or modifier of the lexicon. */
  static boolean exists(Lexicon lexicon, String owner) {
    try {
      lexicon.covers(owner, "x");
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The names {@code suggest} accepts: sets (with their @) and ids, for "did you mean". */
  static Set<String> names(Lexicon lexicon) {
    Set<String> names = new TreeSet<>();
    lexicon.terms().forEach(t -> {
      if (t.owner().startsWith("@")) {
        names.add(t.owner());
      }
    });
    lexicon.rules().forEach(r -> names.add(r.id()));
    return names;
  }

  /**
   * Finds the senses and candidates of {@code owner}'s words.
   *
   * @param pos only senses of this part of speech, or null for all
   * @param maxSenses at most this many senses of each seed in each part of speech
   */
  Result find(String owner, POS pos, int maxSenses) {
    List<String> nested = new ArrayList<>();
    List<Lexicon.Term> terms = seedTerms(owner, nested);
    Map<String, List<Lexicon.Term>> lemmas = new LinkedHashMap<>();
    List<Lexicon.Term> unknown = new ArrayList<>();
    for (Lexicon.Term term : terms) {
      String word = term.text().toLowerCase(Locale.ROOT).replace('_', ' ').trim();
      if (FUNCTION_WORDS.contains(word) || word.isEmpty() || !word.chars().anyMatch(
          Character::isLetter)) {
        continue;
      }
      Set<String> found = lookUp(word);
      if (found.isEmpty()) {
        unknown.add(term);
      }
      for (String lemma : found) {
        lemmas.computeIfAbsent(lemma, l -> new ArrayList<>()).add(term);
      }
    }
    // Every sense first, then the candidates of all of them at once: one probe compiles
    // the patterns of every candidate, to find the forms the engine makes.
    Map<String, String> firstListing = new HashMap<>();
    List<Seed> seeds = new ArrayList<>();
    Map<Sense, Synset> synsets = new LinkedHashMap<>();
    for (Map.Entry<String, List<Lexicon.Term>> e : lemmas.entrySet()) {
      String lemma = e.getKey();
      List<Sense> senses = new ArrayList<>();
      for (POS p : WordNet.PARTS_OF_SPEECH) {
        if (pos != null && p != pos) {
          continue;
        }
        List<Synset> found = wordNet.senses(p, lemma);
        for (int i = 0; i < found.size() && i < maxSenses; i++) {
          Synset synset = found.get(i);
          String key = p.getKey() + String.format(Locale.ROOT, "%08d", synset.getOffset());
          String name = lemma + "#" + (i + 1);
          String sameAs = firstListing.putIfAbsent(key, name);
          Sense sense = new Sense(WordNet.label(p), lemma, i + 1, key,
              definition(synset.getGloss()), sameAs, List.of());
          senses.add(sense);
          if (sameAs == null) {
            synsets.put(sense, synset);
          }
        }
      }
      if (!senses.isEmpty()) {
        seeds.add(new Seed(lemma, List.copyOf(e.getValue()), senses));
      }
    }
    Map<Sense, List<Candidate>> raw = new HashMap<>();
    Set<String> patterns = new LinkedHashSet<>();
    synsets.forEach((sense, synset) -> {
      List<Candidate> list = candidates(sense.seed(), synset);
      raw.put(sense, list);
      list.forEach(c -> patterns.add(c.pattern()));
    });
    Probe probe = Probe.of(List.copyOf(patterns));
    Set<String> phraseTerms = new HashSet<>();
    terms.forEach(t -> phraseTerms.add(t.text().toLowerCase(Locale.ROOT).replace('-', ' ')));
    Map<String, Boolean> coveredCache = new HashMap<>();
    List<Seed> done = new ArrayList<>();
    for (Seed seed : seeds) {
      List<Sense> senses = new ArrayList<>();
      for (Sense sense : seed.senses()) {
        List<Candidate> list = raw.getOrDefault(sense, List.of()).stream()
            .map(c -> {
              boolean covered = coveredCache.computeIfAbsent(c.word().toLowerCase(Locale.ROOT),
                  w -> covered(owner, c, probe, phraseTerms));
              return new Candidate(c.word(), c.pos(), c.relation(), c.phrase(), covered,
                  c.pattern());
            }).toList();
        senses.add(new Sense(sense.pos(), sense.seed(), sense.number(), sense.key(),
            sense.definition(), sense.sameAs(), list));
      }
      done.add(new Seed(seed.lemma(), seed.terms(), senses));
    }
    return new Result(owner, done, unknown, nested, probe);
  }

  /** The owner's terms, then those of the sets it names, each term once. */
  private List<Lexicon.Term> seedTerms(String owner, List<String> nested) {
    Map<String, List<Lexicon.Term>> bySet = new LinkedHashMap<>();
    List<Lexicon.Term> own = new ArrayList<>();
    for (Lexicon.Term t : lexicon.terms()) {
      if (t.owner().equals(owner)) {
        own.add(t);
      } else if (t.owner().startsWith("@")) {
        bySet.computeIfAbsent(t.owner(), s -> new ArrayList<>()).add(t);
      }
    }
    List<Lexicon.Term> all = new ArrayList<>(own);
    bySet.forEach((set, terms) -> {
      boolean named = true;
      for (Lexicon.Term t : terms) {
        try {
          if (!lexicon.covers(owner, t.text())) {
            named = false;
            break;
          }
        } catch (IllegalArgumentException notOneWord) {
          // A phrase is not a set item; nothing to decide by.
        }
      }
      if (named) {
        nested.add(set);
        all.addAll(terms);
      }
    });
    return all;
  }

  /** The lemmas WordNet has for a word: itself where it is one, and its base forms. */
  private Set<String> lookUp(String word) {
    Set<String> found = new LinkedHashSet<>();
    for (POS p : WordNet.PARTS_OF_SPEECH) {
      if (wordNet.entry(p, word) != null) {
        found.add(word);
      }
    }
    for (POS p : WordNet.PARTS_OF_SPEECH) {
      if (!word.contains(" ")) {
        found.addAll(wordNet.baseForms(p, word));
      }
    }
    return found;
  }

  /** The gloss without its examples ("kill in large numbers"). */
  static String definition(String gloss) {
    String g = gloss == null ? "" : gloss.trim();
    int quote = g.indexOf('"');
    if (quote >= 0) {
      g = g.substring(0, quote);
    }
    g = g.trim();
    while (g.endsWith(";") || g.endsWith(":")) {
      g = g.substring(0, g.length() - 1).trim();
    }
    return g;
  }

  /** The candidates of one synset, each word once (its first relation), without the seed. */
  private List<Candidate> candidates(String seed, Synset synset) {
    Map<String, Candidate> found = new LinkedHashMap<>();
    String pos = WordNet.label(synset.getPOS());
    for (Word w : synset.getWords()) {
      put(found, seed, w.getLemma(), pos, Relation.SYNONYM);
    }
    try {
      if (synset.getPOS() == POS.ADJECTIVE) {
        for (Pointer p : synset.getPointers(PointerType.SIMILAR_TO)) {
          for (Word w : p.getTargetSynset().getWords()) {
            put(found, seed, w.getLemma(), pos, Relation.SIMILAR);
          }
        }
      }
      if (synset.getPOS() == POS.VERB) {
        for (Pointer p : synset.getPointers(PointerType.HYPONYM)) {
          for (Word w : p.getTargetSynset().getWords()) {
            put(found, seed, w.getLemma(), pos, Relation.TROPONYM);
          }
        }
      }
      for (Word w : synset.getWords()) {
        for (Pointer p : w.getPointers(PointerType.DERIVATION)) {
          PointerTarget target = p.getTarget();
          if (target instanceof Word derived) {
            put(found, seed, derived.getLemma(), WordNet.label(derived.getPOS()),
                Relation.DERIVED);
          }
        }
      }
    } catch (JWNLException e) {
      throw new IllegalStateException("WordNet lookup failed: " + e.getMessage(), e);
    }
    return List.copyOf(found.values());
  }

  private static void put(Map<String, Candidate> found, String seed, String lemma, String pos,
      Relation relation) {
    String word = lemma.replace('_', ' ').trim();
    String key = word.toLowerCase(Locale.ROOT);
    if (key.equals(seed) || found.containsKey(key)) {
      return;
    }
    boolean phrase = word.contains(" ") || word.contains("-");
    found.put(key, new Candidate(word, pos, relation, phrase, false, Probe.pattern(word, pos)));
  }

  /** Whether the owner matches the candidate, or any inflection of it. */
  private boolean covered(String owner, Candidate c, Probe probe, Set<String> phraseTerms) {
    String word = c.word().toLowerCase(Locale.ROOT);
    if (c.phrase()) {
      return phraseTerms.contains(word.replace('-', ' '));
    }
    List<String> forms = new ArrayList<>();
    forms.add(word);
    if (probe.usable(c.pattern()) && c.pattern().endsWith("^")) {
      forms.addAll(probe.matching(c.pattern(), wordNet.possibleForms(word)));
    }
    for (String form : forms) {
      try {
        if (lexicon.covers(owner, form)) {
          return true;
        }
      } catch (IllegalArgumentException notOneWord) {
        return false;
      }
    }
    return false;
  }

  /** Sorts candidates: by count when counts are given, then relation, then WordNet's order. */
  static List<Candidate> sorted(List<Candidate> list, Map<String, Long> counts) {
    List<Candidate> sorted = new ArrayList<>(list);
    Comparator<Candidate> byRelation = Comparator.comparing(Candidate::relation);
    if (counts != null) {
      sorted.sort(Comparator.<Candidate>comparingLong(
          c -> -counts.getOrDefault(c.pattern(), 0L)).thenComparing(byRelation));
    } else {
      sorted.sort(byRelation);
    }
    return sorted;
  }
}
