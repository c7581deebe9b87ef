package com.example.newsframes;

import dev.framelens.Evidence;
import dev.framelens.Frame;
import dev.framelens.FrameAnalysis;
import dev.framelens.FrameDetector;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Tags a story with the frames it uses, as an application would: one shared detector. */
public final class HeadlineTagger {
  private final FrameDetector detector = FrameDetector.withDefaultLexicon();

  /** The frames of a story, by id ("victory", "casualty-emphasis", ...). */
  public Set<String> tags(String story) {
    return detector.analyze(story).labels().stream().map(Frame::id)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  /** Why: the words behind each label. */
  public List<String> reasons(String story) {
    FrameAnalysis analysis = detector.analyze(story);
    return analysis.evidence().stream().map(HeadlineTagger::reason).toList();
  }

  private static String reason(Evidence e) {
    return e.frame().id() + ": \"" + e.text() + "\" (" + e.ruleId() + ")";
  }

  /** Prints the tags and reasons of the stories given as arguments. */
  public static void main(String[] args) {
    HeadlineTagger tagger = new HeadlineTagger();
    for (String story : args) {
      System.out.println(tagger.tags(story) + " " + tagger.reasons(story));
    }
  }
}
