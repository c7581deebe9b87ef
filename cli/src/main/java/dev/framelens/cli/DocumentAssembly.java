package dev.framelens.cli;

import dev.framelens.Evaluation;
import dev.framelens.Frame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds documents from the gold units of one file for {@code framelens evaluate --documents}.
 * Units whose {@code source} fields are equal make one document, in the order its first unit
 * appears in the file; its id is the source, its text the units' texts in id order
 * ({@link #ID_ORDER}) joined by a blank line ({@link #SEPARATOR}), so that each unit stays its
 * own paragraph and no sentence runs into another, and its gold labels are the union of the
 * units' labels. A unit without a source is a document on its own, under its own id.
 */
final class DocumentAssembly {
  /** What joins the texts of a document's units: a blank line, so each unit is a paragraph. */
  static final String SEPARATOR = "\n\n";

  /**
   * The order of unit ids in a document: runs of digits compare by their value ({@code u2}
   * before {@code u10}, {@code s-007} before {@code s-12}), other runs char by char; ids that
   * differ only in leading zeros ({@code 7}, {@code 07}) then compare as strings.
   */
  static final Comparator<String> ID_ORDER = DocumentAssembly::compareIds;

  /**
   * A document made of gold units.
   *
   * @param unit the document as {@link Evaluation} takes it: id, joined text, union of labels
   * @param unitIds the ids of its units, in the order their texts were joined
   * @param source the units' {@code source}, or null for a unit without one (the document's
   *     id is then the unit's)
   */
  record Document(Evaluation.Unit unit, List<String> unitIds, String source) {
    Document {
      unitIds = List.copyOf(unitIds);
    }
  }

  private DocumentAssembly() {}

  /** The documents the units make, in the order of their first unit in {@code units}. */
  static List<Document> assemble(List<GoldFile.GoldUnit> units) {
    Map<String, List<Evaluation.Unit>> bySource = new LinkedHashMap<>();
    List<Object> order = new ArrayList<>(); // a source (String) or a lone unit
    for (GoldFile.GoldUnit g : units) {
      if (g.source() == null) {
        order.add(g.unit());
      } else {
        bySource.computeIfAbsent(g.source(), s -> {
          order.add(s);
          return new ArrayList<>();
        }).add(g.unit());
      }
    }
    List<Document> documents = new ArrayList<>();
    for (Object o : order) {
      if (o instanceof Evaluation.Unit lone) {
        documents.add(new Document(lone, List.of(lone.id()), null));
        continue;
      }
      String source = (String) o;
      List<Evaluation.Unit> members = new ArrayList<>(bySource.get(source));
      members.sort(Comparator.comparing(Evaluation.Unit::id, ID_ORDER)); // stable
      StringBuilder text = new StringBuilder();
      Set<Frame> gold = EnumSet.noneOf(Frame.class);
      List<String> ids = new ArrayList<>();
      for (Evaluation.Unit u : members) {
        if (!ids.isEmpty()) {
          text.append(SEPARATOR);
        }
        text.append(u.text());
        gold.addAll(u.gold());
        ids.add(u.id());
      }
      documents.add(new Document(new Evaluation.Unit(source, text.toString(), gold), ids,
          source));
    }
    return documents;
  }

  private static int compareIds(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (isDigit(ca) && isDigit(cb)) {
        int ei = digitsEnd(a, i);
        int ej = digitsEnd(b, j);
        int si = skipZeros(a, i, ei);
        int sj = skipZeros(b, j, ej);
        int byLength = Integer.compare(ei - si, ej - sj);
        if (byLength != 0) {
          return byLength;
        }
        int byDigits = a.substring(si, ei).compareTo(b.substring(sj, ej));
        if (byDigits != 0) {
          return byDigits;
        }
        i = ei;
        j = ej;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    int byRest = Integer.compare(a.length() - i, b.length() - j);
    return byRest != 0 ? byRest : a.compareTo(b);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digitsEnd(String s, int from) {
    int k = from;
    while (k < s.length() && isDigit(s.charAt(k))) {
      k++;
    }
    return k;
  }

  private static int skipZeros(String s, int from, int end) {
    int k = from;
    while (k < end - 1 && s.charAt(k) == '0') {
      k++;
    }
    return k;
  }
}
