package dev.framelens.cli;

import dev.framelens.Lexicon;
import picocli.CommandLine;

/** {@code framelens --version}: the jar's version and the default lexicon's. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Version.class.getPackage().getImplementationVersion();
    Lexicon lexicon = Lexicon.defaultEnglish();
    return new String[] {
        "framelens " + (version == null ? "(development build)" : version),
        "default lexicon " + lexicon.name() + " " + lexicon.version(),
        "Java " + System.getProperty("java.version")};
  }
}
