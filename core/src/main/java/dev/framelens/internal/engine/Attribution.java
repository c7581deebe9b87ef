package dev.framelens.internal.engine;

import dev.framelens.internal.lexicon.CompiledLexicon;
import dev.framelens.internal.text.Segmentation;
import dev.framelens.internal.text.TokenBuffer;
import dev.framelens.internal.text.TokenSink;
import java.util.Arrays;

/**
 * The attribution stage: who said a quotation.
 *
 * <h2>Design notes</h2>
 *
 * <p><b>What it does.</b> Window by window, each match of an attribution pattern (a speech
 * verb: "said", "told") outside a real quotation is noted with the speaker written next to it:
 * a pronoun right before the verb, else the name-like words before it (capitalised, or
 * {@code speaker-words} such as "minister", with a determiner: "the minister"), else those after
 * it ("said Colonel Ivo"). When the document is finished, a quotation's speaker is the nearest
 * speech verb outside it in the sentences it spans, else the first in the next sentence, else
 * the last in the previous one, both in its paragraph; a pronoun resolves to the nearest named
 * speaker before it in its paragraph, and otherwise the speaker is unknown.
 *
 * <p><b>Invariants.</b> Speech verbs are kept in document order (sentences are analysed in
 * order, and a window's attribution matches in token order), which the binary searches by
 * sentence rely on. A speaker never comes from another paragraph, and never is a bare pronoun.
 *
 * <p><b>Cost.</b> A few tokens looked at per speech verb; per quotation with evidence, a binary
 * search and a walk over the speech verbs of at most three sentences (and, for a pronoun, back
 * through its paragraph). Speaker strings are cut from the text only for quotations that carry
 * evidence, once per quotation.
 */
final class Attribution {
  /** Lists longer than this are not kept from one document to the next. */
  private static final int RETAINED = 1 << 16;

  private final int speakerWordAtom;
  /** The speech verbs in use are the first {@link #count}; the rest wait to be reused. */
  private SpeechVerb[] verbs = new SpeechVerb[16];
  private int count;

  private String text;
  private Segmentation seg;

  Attribution(CompiledLexicon lexicon) {
    this.speakerWordAtom = lexicon.speakerWordAtom;
  }

  /** Starts a document. */
  void reset(String text, Segmentation seg) {
    this.text = text;
    this.seg = seg;
    count = 0;
  }

  /** Lets go of the document. */
  void release() {
    text = null;
    seg = null;
    count = 0;
    if (verbs.length > RETAINED) {
      verbs = new SpeechVerb[16];
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Speech verbs, window by window

  /**
   * Notes attribution match {@code m} of the window {@code from..to-1} of sentence {@code
   * sentence}, with the speaker written next to it.
   */
  void read(int m, WindowMatches matches, SentenceTokens sentenceTokens, ContextMarks marks,
      int sentence, int from, int to) {
    TokenBuffer tokens = sentenceTokens.buffer;
    int[] quote = marks.quote;
    int ts = matches.start[m];
    int te = matches.end[m];
    if (quote[ts] >= 0 && !seg.quoteIsShort[quote[ts]]) {
      return; // a speech verb inside a quotation does not attribute it
    }
    int speakerStart = -1; // the speaker's span, cut from the text only if a quote needs it
    int speakerEnd = -1;
    boolean pronoun = false;
    int k = ts - 1;
    if (k >= from && sameClauseOutside(marks, k, ts) && isPronoun(tokens, k)) {
      speakerStart = tokens.start[k];
      speakerEnd = tokens.end[k];
      pronoun = true;
    } else {
      int first = ts;
      // An appositive name stands behind a comma ("Its spokeswoman, Lena Mards, said"): the
      // first name-like word before the verb may be in the previous clause; the name then
      // ends where its own clause does.
      int anchor = k >= from && nameLike(sentenceTokens, k) && outsideQuote(marks, k) ? k : ts;
      while (k >= from && sameClauseOutside(marks, k, anchor) && nameLike(sentenceTokens, k)) {
        first = k;
        k--;
      }
      if (first < ts) {
        if (k >= from && sameClauseOutside(marks, k, anchor) && isDeterminer(tokens, k)) {
          first = k;
        }
        speakerStart = tokens.start[first];
        speakerEnd = tokens.end[ts - 1];
      }
    }
    if (speakerStart < 0) {
      int last = te;
      k = te + 1;
      if (k < to && sameClauseOutside(marks, k, te) && isDeterminer(tokens, k)) {
        k++;
      }
      while (k < to && sameClauseOutside(marks, k, te) && nameLike(sentenceTokens, k)) {
        last = k;
        k++;
      }
      if (last > te) {
        speakerStart = tokens.start[te + 1];
        speakerEnd = tokens.end[last];
      }
    }
    add(sentence, tokens.start[ts], tokens.end[te], speakerStart, speakerEnd, pronoun);
  }

  private void add(int sentence, int triggerStart, int triggerEnd, int speakerStart,
      int speakerEnd, boolean pronoun) {
    if (count == verbs.length) {
      verbs = Arrays.copyOf(verbs, count * 2);
    }
    SpeechVerb verb = verbs[count];
    if (verb == null) {
      verb = verbs[count] = new SpeechVerb();
    }
    count++;
    verb.set(sentence, triggerStart, triggerEnd, speakerStart, speakerEnd, pronoun);
  }

  private boolean sameClauseOutside(ContextMarks marks, int k, int anchor) {
    return marks.clause[k] == marks.clause[anchor] && outsideQuote(marks, k);
  }

  private boolean outsideQuote(ContextMarks marks, int k) {
    return marks.quote[k] < 0 || seg.quoteIsShort[marks.quote[k]];
  }

  private boolean nameLike(SentenceTokens tokens, int k) {
    int flags = tokens.buffer.flags[k];
    if ((flags & TokenBuffer.NUMBER) != 0) {
      return false;
    }
    return (flags & TokenSink.CAPITALIZED) != 0
        || (speakerWordAtom >= 0 && tokens.satisfies(k, speakerWordAtom));
  }

  // Closed grammatical classes of English, not vocabulary: pronouns that can be resolved to an
  // earlier speaker, and the determiners that may open a speaker's description.
  private static boolean isPronoun(TokenBuffer tokens, int k) {
    return tokens.is(k, "he") || tokens.is(k, "she") || tokens.is(k, "they")
        || tokens.is(k, "we") || tokens.is(k, "i");
  }

  private static boolean isDeterminer(TokenBuffer tokens, int k) {
    return tokens.is(k, "the") || tokens.is(k, "a") || tokens.is(k, "an");
  }

  // ---------------------------------------------------------------------------------------------
  // Speakers of quotations, when the document is finished

  /**
   * The speaker of quotation {@code q}: the nearest speech verb outside it in the sentences it
   * spans, else the first in the next sentence, else the last in the previous one (both in the
   * same paragraph). A pronoun ("he said") resolves to the nearest named speaker before it in
   * its paragraph; with none there the speaker is unknown (null), never the pronoun itself: a
   * name in another paragraph is most often someone else, and "he" tells a reader nothing.
   */
  String speakerOfQuote(int q) {
    int qs = seg.quoteStart[q];
    int qe = seg.quoteEnd[q];
    int first = sentenceAt(qs);
    int last = sentenceAt(Math.max(qs, qe - 1));
    int best = -1;
    int bestDistance = Integer.MAX_VALUE;
    for (int i = firstVerbOf(first); i < count && verbs[i].sentence <= last; i++) {
      SpeechVerb a = verbs[i];
      if (a.triggerStart >= qs && a.triggerEnd <= qe) {
        continue;
      }
      int distance = a.triggerStart >= qe ? a.triggerStart - qe : qs - a.triggerEnd;
      if (distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    if (best < 0 && last + 1 < seg.sentenceCount
        && seg.sentenceParagraph[last + 1] == seg.sentenceParagraph[last]) {
      int i = firstVerbOf(last + 1);
      if (i < count && verbs[i].sentence == last + 1) {
        best = i;
      }
    }
    if (best < 0 && first > 0
        && seg.sentenceParagraph[first - 1] == seg.sentenceParagraph[first]) {
      int i = firstVerbOf(first) - 1;
      if (i >= 0 && verbs[i].sentence == first - 1) {
        best = i;
      }
    }
    if (best < 0 || !verbs[best].hasSpeaker()) {
      return null;
    }
    SpeechVerb found = verbs[best];
    if (!found.pronoun) {
      return found.speaker(text);
    }
    int paragraph = seg.sentenceParagraph[found.sentence];
    for (int i = best - 1; i >= 0; i--) {
      SpeechVerb earlier = verbs[i];
      if (seg.sentenceParagraph[earlier.sentence] != paragraph) {
        break;
      }
      if (earlier.hasSpeaker() && !earlier.pronoun) {
        return earlier.speaker(text);
      }
    }
    return null;
  }

  /** Index of the first speech verb in sentence {@code s} or later. */
  private int firstVerbOf(int s) {
    int lo = 0;
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (verbs[mid].sentence < s) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The sentence holding char {@code offset} (or the last one starting before it). */
  private int sentenceAt(int offset) {
    int lo = 0;
    int hi = seg.sentenceCount - 1;
    int found = 0;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (seg.sentenceStart[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
