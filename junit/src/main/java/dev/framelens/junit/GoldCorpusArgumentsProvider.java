package dev.framelens.junit;

import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;

/**
 * Turns a {@link GoldCorpusSource} into test cases; JUnit creates it, users write the
 * annotation.
 */
public final class GoldCorpusArgumentsProvider
    implements ArgumentsProvider, AnnotationConsumer<GoldCorpusSource> {
  private static final String CLASSPATH = "classpath:";

  private String location;

  /** Made by JUnit for each {@link GoldCorpusSource}. */
  public GoldCorpusArgumentsProvider() {}

  @Override
  public void accept(GoldCorpusSource source) {
    this.location = source.value();
  }

  @Override
  public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
    return units(location, context).stream()
        .map(unit -> Arguments.of(Named.of(unit.id(), unit)));
  }

  private static List<GoldUnit> units(String location, ExtensionContext context) {
    if (location.isBlank()) {
      throw new IllegalArgumentException("@GoldCorpusSource needs a gold file's path");
    }
    if (!location.startsWith(CLASSPATH)) {
      return GoldCorpus.read(Path.of(location));
    }
    String resource = location.substring(CLASSPATH.length());
    resource = resource.startsWith("/") ? resource.substring(1) : resource;
    URL url = context.getRequiredTestClass().getClassLoader().getResource(resource);
    if (url == null) {
      throw new UncheckedIOException("gold file not found on the class path: " + resource,
          new NoSuchFileException(resource));
    }
    return GoldCorpus.read(url, location);
  }
}
