package dev.framelens.junit;

import static dev.framelens.junit.FramingAssertions.assertThatCorpus;
import static dev.framelens.junit.FramingAssertions.assertThatFraming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.framelens.Frame;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/** Gold files: reading them, one test case per unit, and whole-corpus scores. */
class GoldCorpusTest {
  private static final dev.framelens.FrameDetector KIT = KitLexicon.DETECTOR;
  static final String UNITS = "src/test/resources/gold/units.jsonl";

  @ParameterizedTest(name = "{0}")
  @GoldCorpusSource(UNITS)
  void everyUnitOfTheFileMatchesItsGold(GoldUnit unit) {
    assertThatFraming(unit).usingDetector(KIT).matchesGold();
  }

  @ParameterizedTest(name = "{0}")
  @GoldCorpusSource("classpath:gold/units.jsonl")
  void aClassPathResourceWorksToo(GoldUnit unit) {
    assertTrue(unit.id().startsWith("kit-"), unit.id());
  }

  @Test
  void theUnitsAreReadWithTheirLabelsAndLocation() {
    List<GoldUnit> units = GoldCorpus.read(Path.of(UNITS));
    assertEquals(5, units.size());
    assertEquals("kit-001", units.get(0).id());
    assertEquals(Set.of(Frame.VICTORY), units.get(0).labels());
    assertEquals(Set.of(), units.get(4).labels());
    assertEquals(UNITS + ":1", units.get(0).location().replace('\\', '/'));
  }

  @Test
  void eachUnitIsATestCaseNamedByItsId() {
    Events events = EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(Cases.class, "matches", GoldUnit.class.getName()))
        .execute().testEvents();
    assertEquals(2, events.started().count());
    assertEquals(1, events.succeeded().count());
    assertEquals(List.of("wrong-001", "wrong-002"), events.started().stream()
        .map(e -> e.getTestDescriptor().getDisplayName()).toList());
    Throwable failure = events.failed().stream().findFirst().orElseThrow()
        .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
        .getThrowable().orElseThrow();
    assertTrue(failure.getMessage().startsWith("gold unit wrong-002 (src/test/resources/gold/"
        + "one-wrong.jsonl:2): expected labels [defeat], missing [defeat]"),
        failure.getMessage());
  }

  /** Run by the test above through JUnit's engine test kit, not by Maven directly. */
  static class Cases {
    @ParameterizedTest(name = "{0}")
    @GoldCorpusSource("src/test/resources/gold/one-wrong.jsonl")
    void matches(GoldUnit unit) {
      assertThatFraming(unit).usingDetector(KIT).matchesGold();
    }
  }

  @Test
  void aSourceThatCannotBeReadFailsTheTestWithWhy() {
    assertEquals("gold file not found on the class path: no/such/gold.jsonl",
        containerFailure("missingResource").getMessage());
    assertEquals("@GoldCorpusSource needs a gold file's path",
        containerFailure("blankPath").getMessage());
    assertTrue(containerFailure("badFile").getMessage()
        .startsWith("src/test/resources/gold/bad-json.jsonl:2:"));
  }

  /** What failed the parameterized test {@code method} of {@link BadSources}. */
  private static Throwable containerFailure(String method) {
    Events events = EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(BadSources.class, method, GoldUnit.class.getName()))
        .execute().containerEvents();
    return events.failed().stream().findFirst().orElseThrow()
        .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
        .getThrowable().orElseThrow();
  }

  /** Run through JUnit's engine test kit: each source fails before any case runs. */
  static class BadSources {
    @ParameterizedTest
    @GoldCorpusSource("classpath:no/such/gold.jsonl")
    void missingResource(GoldUnit unit) {}

    @ParameterizedTest
    @GoldCorpusSource(" ")
    void blankPath(GoldUnit unit) {}

    @ParameterizedTest
    @GoldCorpusSource("src/test/resources/gold/bad-json.jsonl")
    void badFile(GoldUnit unit) {}
  }

  @Test
  void aBadLineNamesTheFileLineAndColumn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GoldCorpus.read(Path.of("src/test/resources/gold/bad-json.jsonl")));
    assertTrue(e.getMessage().startsWith("src/test/resources/gold/bad-json.jsonl:2:"),
        e.getMessage());
    assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
  }

  @Test
  void missingFieldsAndUnknownLabelsAreNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gold.jsonl");
    Files.writeString(file, "{\"id\": \"a\", \"labels\": []}\n");
    assertEquals(file + ":1:1: needs a string field \"text\"", assertThrows(
        IllegalArgumentException.class, () -> GoldCorpus.read(file)).getMessage());
    Files.writeString(file, "{\"id\": \"a\", \"text\": \"x\", \"labels\": [\"win\"]}\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> GoldCorpus.read(file))
        .getMessage().startsWith(file + ":1:1: unit 'a': unknown frame id 'win'"));
    Files.writeString(file, "{\"id\": \"a\", \"text\": \"x\", \"labels\": []}\n\n"
        + "{\"id\": \"a\", \"text\": \"y\", \"labels\": []}\n");
    assertEquals(file + ":3:1: id 'a' is already used on line 1", assertThrows(
        IllegalArgumentException.class, () -> GoldCorpus.read(file)).getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> GoldCorpus.read(Path.of("no/such/gold.jsonl")));
    assertTrue(e.getMessage().startsWith("gold file not found: "), e.getMessage());
    assertTrue(e.getMessage().endsWith("gold.jsonl"), e.getMessage());
  }

  @Test
  void aCorpusAboveTheFloorPasses() {
    assertThatCorpus(UNITS).usingDetector(KIT).hasMacroF1AtLeast(1.0).hasEveryLabelF1AtLeast(1.0)
        .hasExactMatchRateAtLeast(1.0);
  }

  @Test
  void aCorpusBelowTheFloorPrintsThePerLabelTable() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> assertThatCorpus("src/test/resources/gold/one-wrong.jsonl")
            .usingDetector(KIT).hasMacroF1AtLeast(0.85));
    String message = e.getMessage();
    assertTrue(message.startsWith("macro-F1 0.500 is below 0.850\n"), message);
    assertTrue(message.contains("label              precision    recall        F1"), message);
    assertTrue(message.contains("defeat                 0.000     0.000     0.000     0     0"
        + "     1"), message);
    assertTrue(message.contains("wrong-002  gold [defeat]  predicted []"), message);
    AssertionFailedError label = assertThrows(AssertionFailedError.class,
        () -> assertThatCorpus("src/test/resources/gold/one-wrong.jsonl")
            .usingDetector(KIT).hasLabelF1AtLeast(Frame.DEFEAT, 0.5));
    assertTrue(label.getMessage().startsWith("defeat F1 0.000 is below 0.500"),
        label.getMessage());
  }

  /** An empty gold file used to pass every floor with scores of 1.000. */
  @Test
  void anEmptyGoldFileFailsTheAssertionNamingTheFile(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> assertThatCorpus(empty).usingDetector(KIT).hasMacroF1AtLeast(0.9));
    assertEquals(empty + ": no gold units (the file is empty): there is nothing to score",
        e.getMessage());
    assertThrows(AssertionFailedError.class,
        () -> assertThatCorpus(empty).usingDetector(KIT).hasExactMatchRateAtLeast(0.0));
  }

  /**
   * In one-wrong.jsonl no unit has survival-as-win or casualty-emphasis, in the gold or the
   * prediction: their F1 is undefined, and a floor on them fails saying so.
   */
  @Test
  void aFloorOnAnUndefinedLabelFailsWithTheReason() {
    String oneWrong = "src/test/resources/gold/one-wrong.jsonl";
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> assertThatCorpus(oneWrong).usingDetector(KIT)
            .hasLabelF1AtLeast(Frame.SURVIVAL_AS_WIN, 0.5));
    assertTrue(e.getMessage().startsWith("survival-as-win F1 is undefined (no gold unit and no "
        + "prediction), so it cannot be at least 0.500\n"), e.getMessage());
    assertTrue(e.getMessage().contains("undefined: survival-as-win, casualty-emphasis"),
        e.getMessage());
    assertThatCorpus(oneWrong).usingDetector(KIT).hasLabelF1AtLeast(Frame.VICTORY, 1.0);
    AssertionFailedError every = assertThrows(AssertionFailedError.class,
        () -> assertThatCorpus(oneWrong).usingDetector(KIT).hasEveryLabelF1AtLeast(0.0));
    assertTrue(every.getMessage().startsWith("survival-as-win F1 is undefined"),
        every.getMessage());
  }

  @Test
  void aGoldFileInsideAJarIsRead(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("gold.jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new java.util.jar.JarEntry("gold/units.jsonl"));
      out.write(Files.readAllBytes(Path.of(UNITS)));
      out.closeEntry();
    }
    java.net.URL url = new java.net.URL("jar:" + jar.toUri() + "!/gold/units.jsonl");
    List<GoldUnit> units = GoldCorpus.read(url, "classpath:gold/units.jsonl");
    assertEquals(5, units.size());
    assertEquals("classpath:gold/units.jsonl:3", units.get(2).location());
  }
}
