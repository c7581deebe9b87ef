package dev.framelens.cli;

import dev.framelens.Lexicon;
import dev.framelens.LexiconException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.extjwnl.data.POS;

/**
 * {@code lint}'s check of lemma atoms ({@code word^}) against WordNet 3.1. A lemma atom makes
 * the inflections of the word it names, so it must name the base form:
 *
 * <ul>
 *   <li><b>error</b>: an inflected form written as a lemma ({@code stood^}, {@code fled^},
 *       {@code children^}, {@code killed^}): WordNet knows the word only as a form of another
 *       (stand, flee, child, kill). The atom then matches that one form and misses the others,
 *       which is never what the author meant.
 *   <li><b>warning</b>: a word WordNet does not know at all ({@code eliminte^}: did you mean
 *       {@code eliminate^}?). It may be a typo, or a new word or a name ({@code jihadi^}), which
 *       is legitimate and still gets its regular forms.
 *   <li><b>warning</b>: a word WordNet knows, that is also an irregular form of another
 *       ({@code won^}: the Korean currency, and a form of {@code win^}; {@code lost^},
 *       {@code found^}, {@code left^}). Either may be meant.
 *   <li><b>warning</b>: a comparative or superlative ({@code stronger^}): a lemma atom makes no
 *       comparatives, so it matches the word as written, like the plain word.
 *   <li><b>warning</b>: a known word one of whose made forms is another word ({@code unit^}
 *       makes "united" and "uniting", forms of "unite"): the part of speech is not known, so a
 *       noun gets verb forms too, and where one of them is a word of its own the atom matches
 *       it ("United routed at home" read as a unit routed). Write the forms meant as words.
 * </ul>
 */
final class LemmaCheck {
  /** How serious a finding is: errors fail the lint (exit 2), warnings do not. */
  enum Severity {
    ERROR,
    WARNING
  }

  /** One lemma atom the check reports, with what to say about it. */
  record Finding(Lexicon.Term term, Severity severity, String message, String hint) {
    /** The finding as the loader's problems are shown: position, message, line and caret. */
    String render(String lineText) {
      String prefix = severity == Severity.WARNING ? "warning: " : "";
      return new LexiconException.Problem(term.source(), term.line(), term.column(),
          prefix + message, term.text() + "^", lineText).render();
    }
  }

  private enum Kind {
    KNOWN,
    INFLECTED,
    UNKNOWN,
    ALSO_IRREGULAR,
    COMPARATIVE
  }

  /** What WordNet says about one word; {@code related} are the lemmas the message names. */
  private record Verdict(Kind kind, List<String> related, Set<POS> known) {}

  private LemmaCheck() {}

  /** Checks the lemma terms (already filtered to {@code Form.LEMMA}), in the given order. */
  static List<Finding> check(List<Lexicon.Term> lemmas) {
    if (lemmas.isEmpty()) {
      return List.of();
    }
    WordNet wordNet = WordNet.get();
    Map<String, Verdict> verdicts = new HashMap<>();
    for (Lexicon.Term term : lemmas) {
      verdicts.computeIfAbsent(normal(term.text()), w -> verdict(w, wordNet));
    }
    // One probe for every lemma the messages show the forms of, and for every known lemma,
    // whose forms are checked for other words: the engine's own forms.
    Set<String> shown = new LinkedHashSet<>();
    verdicts.forEach((word, v) -> {
      shown.add(word);
      if (v.kind() != Kind.KNOWN) {
        shown.addAll(v.related());
      }
    });
    List<String> patterns = shown.stream().map(w -> w + "^").toList();
    Probe probe = Probe.of(patterns);
    Map<String, List<String>> forms = new HashMap<>();
    Map<String, OtherWords> others = new HashMap<>();
    for (String w : shown) {
      List<String> made = probe.matching(w + "^", wordNet.possibleForms(w));
      List<String> attested = wordNet.attested(w, made);
      forms.put(w, attested);
      Verdict v = verdicts.get(w);
      if (v != null && v.kind() == Kind.KNOWN) {
        OtherWords o = otherWords(w, made, attested, wordNet);
        if (o != null) {
          others.put(w, o);
        }
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (Lexicon.Term term : lemmas) {
      String word = normal(term.text());
      Verdict v = verdicts.get(word);
      Finding f = finding(term, word, v, forms);
      if (f == null && others.containsKey(word)) {
        f = otherWordsFinding(term, word, others.get(word), forms.get(word));
      }
      if (f != null) {
        findings.add(f);
      }
    }
    return findings;
  }

  /** Forms a known lemma makes that are words of their own, with the lemmas they belong to. */
  private record OtherWords(List<String> forms, Set<String> bases) {}

  /**
   * The forms of {@code word} that WordNet's parts of speech for it do not explain (a noun's
   * "-ed" form) and that WordNet knows as words or forms of other words; null if none.
   */
  private static OtherWords otherWords(String word, List<String> made, List<String> attested,
      WordNet wordNet) {
    List<String> collide = new ArrayList<>();
    Set<String> bases = new LinkedHashSet<>();
    for (String form : made) {
      if (attested.contains(form)) {
        continue;
      }
      Set<String> of = new LinkedHashSet<>();
      for (POS pos : WordNet.PARTS_OF_SPEECH) {
        of.addAll(wordNet.baseForms(pos, form));
      }
      if (!wordNet.partsOfSpeech(form).isEmpty()) {
        of.add(form);
      }
      if (of.isEmpty() || of.contains(word)) {
        continue;
      }
      collide.add(form);
      bases.addAll(of);
    }
    bases.removeAll(collide);
    return collide.isEmpty() ? null : new OtherWords(List.copyOf(collide), bases);
  }

  private static Finding otherWordsFinding(Lexicon.Term term, String word, OtherWords o,
      List<String> attested) {
    String quoted = String.join(", ", o.forms().stream().map(f -> "\"" + f + "\"").toList());
    String whose = o.bases().isEmpty() ? "WordNet 3.1 has " + (o.forms().size() == 1
        ? "it as a word" : "them as words") : "WordNet 3.1: " + (o.forms().size() == 1 ? "a form" : "forms")
        + " of " + atoms(List.copyOf(o.bases()));
    return new Finding(term, Severity.WARNING,
        word + "^ also matches " + quoted + ": " + (o.forms().size() == 1 ? "a word" : "words")
            + " of " + (o.forms().size() == 1 ? "its" : "their") + " own (" + whose + ")",
        "a lemma atom makes the noun and the verb forms alike; where one is another word, "
            + "write the forms you mean as plain words (" + String.join(" ", attested) + ")");
  }

  private static String normal(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private static Verdict verdict(String word, WordNet wordNet) {
    Set<POS> known = wordNet.partsOfSpeech(word);
    if (!known.isEmpty()) {
      Set<String> irregular = new LinkedHashSet<>();
      irregular.addAll(wordNet.irregularBases(POS.VERB, word));
      irregular.addAll(wordNet.irregularBases(POS.NOUN, word));
      return irregular.isEmpty() ? new Verdict(Kind.KNOWN, List.of(), known)
          : new Verdict(Kind.ALSO_IRREGULAR, List.copyOf(irregular), known);
    }
    Set<String> bases = new LinkedHashSet<>();
    bases.addAll(wordNet.baseForms(POS.VERB, word));
    bases.addAll(wordNet.baseForms(POS.NOUN, word));
    if (!bases.isEmpty()) {
      return new Verdict(Kind.INFLECTED, List.copyOf(bases), known);
    }
    Set<String> comparatives = new LinkedHashSet<>();
    comparatives.addAll(wordNet.baseForms(POS.ADJECTIVE, word));
    comparatives.addAll(wordNet.baseForms(POS.ADVERB, word));
    if (!comparatives.isEmpty()) {
      return new Verdict(Kind.COMPARATIVE, List.copyOf(comparatives), known);
    }
    return new Verdict(Kind.UNKNOWN, wordNet.nearest(word).map(List::of).orElse(List.of()),
        known);
  }

  private static Finding finding(Lexicon.Term term, String word, Verdict v,
      Map<String, List<String>> forms) {
    String atom = term.text() + "^";
    return switch (v.kind()) {
      case KNOWN -> null;
      case INFLECTED -> new Finding(term, Severity.ERROR,
          "an inflected form written as a lemma (write " + atoms(v.related()) + ")",
          "a lemma atom names the base form and matches its inflections: "
              + v.related().stream().map(b -> b + "^ matches " + list(forms.get(b)))
                  .reduce((a, b) -> a + "; " + b).orElse(""));
      case UNKNOWN -> new Finding(term, Severity.WARNING,
          "lemma not in WordNet 3.1" + (v.related().isEmpty() ? ""
              : " (did you mean " + v.related().get(0) + "^?)"),
          (v.related().isEmpty() ? "" : "if " + word + " is no typo but a new word or a "
              + "name, keep it: ") + atom + " still matches " + list(forms.get(word))
              + " (the regular forms)"
              + (v.related().isEmpty() ? "; check the spelling" : ""));
      case ALSO_IRREGULAR -> new Finding(term, Severity.WARNING,
          "also a form of " + atoms(v.related()) + " (WordNet 3.1 has \"" + word + "\" as "
              + parts(v.known()) + ")",
          atom + " matches " + list(forms.get(word)) + ", not the forms of "
              + String.join(" or ", v.related()) + "; for those write "
              + v.related().stream().map(b -> b + "^ (" + list(forms.get(b)) + ")")
                  .reduce((a, b) -> a + " or " + b).orElse("")
              + ", or the plain word " + word + " for this form alone");
      case COMPARATIVE -> new Finding(term, Severity.WARNING,
          "a comparative or superlative written as a lemma (of " + String.join(", ",
              v.related()) + ")",
          "a lemma atom makes no comparatives: " + v.related().get(0) + "^ does not match "
              + word + ", and " + atom + " matches " + word
              + " as the plain word does; write " + word);
    };
  }

  private static String atoms(List<String> lemmas) {
    return String.join(" or ", lemmas.stream().map(l -> l + "^").toList());
  }

  private static String parts(Set<POS> known) {
    List<String> names = known.stream().map(p -> switch (p) {
      case VERB -> "a verb";
      case NOUN -> "a noun";
      case ADJECTIVE -> "an adjective";
      case ADVERB -> "an adverb";
    }).toList();
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and "
        + names.get(names.size() - 1);
  }

  private static String list(List<String> forms) {
    if (forms == null || forms.isEmpty()) {
      return "(no form)";
    }
    return String.join(", ", forms);
  }
}
