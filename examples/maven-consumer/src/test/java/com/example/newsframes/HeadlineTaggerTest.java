package com.example.newsframes;

import static dev.framelens.Frame.CASUALTY_EMPHASIS;
import static dev.framelens.Frame.DEFEAT;
import static dev.framelens.Frame.SURVIVAL_AS_WIN;
import static dev.framelens.Frame.VICTORY;
import static dev.framelens.junit.FramingAssertions.assertThatCorpus;
import static dev.framelens.junit.FramingAssertions.assertThatFraming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.framelens.junit.GoldCorpusSource;
import dev.framelens.junit.GoldUnit;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class HeadlineTaggerTest {
  private static final String STORY = "The army failed to dislodge the defenders, who claimed "
      + "victory on Sunday. At least 60 people were killed, among them 12 children.";

  @Test
  void tagsAStory() {
    assertEquals(Set.of("victory", "survival-as-win", "casualty-emphasis"),
        new HeadlineTagger().tags(STORY));
    assertFalse(new HeadlineTagger().reasons(STORY).isEmpty());
  }

  @Test
  void framesWithTheTestKit() {
    assertThatFraming(STORY)
        .hasLabels(VICTORY, SURVIVAL_AS_WIN, CASUALTY_EMPHASIS)
        .doesNotHaveLabel(DEFEAT)
        .hasEvidenceFor(VICTORY, "claimed victory");
  }

  @ParameterizedTest(name = "{0}")
  @GoldCorpusSource("src/test/resources/newsroom-gold.jsonl")
  void ourGoldSentences(GoldUnit unit) {
    assertThatFraming(unit).matchesGold();
  }

  @Test
  void ourGoldSentencesAsACorpus() {
    assertThatCorpus("src/test/resources/newsroom-gold.jsonl").hasMacroF1AtLeast(0.85);
  }

  @Test
  void runsWhereTheBuildSaysItRuns() {
    // -Pmodule-path: the code and FrameLens are named modules; otherwise all on the class path.
    boolean named = Boolean.getBoolean("consumer.expectNamedModule");
    assertEquals(named, HeadlineTagger.class.getModule().isNamed());
    assertEquals(named, dev.framelens.FrameDetector.class.getModule().isNamed());
  }
}
