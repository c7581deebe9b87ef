package dev.framelens.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A source for a JUnit 5 {@code @ParameterizedTest}: one test case per unit of a gold file,
 * named by the unit's id, with the {@link GoldUnit} as its argument.
 *
 * <pre>{@code
 * @ParameterizedTest(name = "{0}")
 * @GoldCorpusSource("src/test/resources/gold/units.jsonl")
 * void labelsMatchTheGold(GoldUnit unit) {
 *   assertThatFraming(unit).matchesGold();
 * }
 * }</pre>
 *
 * <p>With {@code name = "{0}"} the test case's name is the unit's id alone; JUnit's default
 * name shows it after the case's index. A file that cannot be read or has a bad line fails the
 * whole test with the file, line and column.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(GoldCorpusArgumentsProvider.class)
public @interface GoldCorpusSource {
  /**
   * The gold file (JSONL, the codebook's format): a path relative to the working directory
   * (the module's directory when Maven runs the tests), or {@code classpath:} and a resource
   * name ({@code classpath:gold/units.jsonl}).
   *
   * @return where the gold file is
   */
  String value();
}
