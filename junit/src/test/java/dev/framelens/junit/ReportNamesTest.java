package dev.framelens.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Surefire's reports name each case of a parameterized test by its JUnit display name (a gold
 * unit by its id, {@code @ParameterizedTest(name = "{0}")}), not by the method and an index
 * ({@code everyUnitOfTheFileMatchesItsGold(GoldUnit)[3]}), which says nothing of which unit
 * failed. The build's surefire configuration is what decides; {@code .ci/run} also checks the
 * reports the build wrote.
 */
class ReportNamesTest {
  @Test
  void surefireReportsNameTestCasesByTheirDisplayNames() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File("../pom.xml"));
    String reporter = "/project/build/pluginManagement/plugins/plugin"
        + "[artifactId='maven-surefire-plugin']/configuration/statelessTestsetReporter";
    var xpath = XPathFactory.newInstance().newXPath();
    assertEquals("org.apache.maven.plugin.surefire.extensions.junit5.JUnit5Xml30StatelessReporter",
        xpath.evaluate(reporter + "/@implementation", pom));
    assertEquals("true", xpath.evaluate(reporter + "/usePhrasedTestCaseMethodName", pom));
  }
}
