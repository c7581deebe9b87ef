/**
 * The FrameLens test kit: {@link dev.framelens.junit.FramingAssertions} for fluent assertions on
 * a text's frames and on a gold corpus, and {@link dev.framelens.junit.GoldCorpusSource} for
 * one JUnit test case per gold line.
 */
module dev.framelens.junit {
  requires transitive dev.framelens;
  requires transitive org.junit.jupiter.params;
  requires org.junit.jupiter.api;
  requires org.opentest4j;
  requires com.fasterxml.jackson.databind;

  exports dev.framelens.junit;
  // JUnit instantiates the gold-corpus arguments provider reflectively.
  opens dev.framelens.junit to org.junit.platform.commons;
}
