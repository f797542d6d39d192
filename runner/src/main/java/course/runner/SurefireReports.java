package course.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * What Maven Surefire reported for one module: its {@code target/surefire-reports/TEST-*.xml}
 * files, read with the JDK's XML parser.
 */
public record SurefireReports(List<TestCase> cases) {

  /**
   * One {@code <testcase>}: its class's simple name, its name, and how it ended ({@code failed}: a
   * failure or an error; {@code errored}: an error).
   */
  public record TestCase(
      String className, String name, boolean failed, boolean errored, boolean skipped) {}

  /** The reports of {@code module} (a folder with a pom.xml); none when it did not run tests. */
  public static SurefireReports of(Path module) {
    var folder = module.resolve("target/surefire-reports");
    if (!Files.isDirectory(folder)) {
      return new SurefireReports(List.of());
    }
    try (Stream<Path> files = Files.list(folder)) {
      var cases = new ArrayList<TestCase>();
      for (var file : files.filter(SurefireReports::isReport).sorted().toList()) {
        cases.addAll(read(file));
      }
      return new SurefireReports(List.copyOf(cases));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code module}'s reports, so that a module that no longer runs shows none. */
  public static void clear(Path module) {
    FileOperations.delete(module.resolve("target/surefire-reports"));
  }

  public int tests() {
    return cases.size();
  }

  /** Failures and errors, as Surefire counts them together in "Tests run: …". */
  public int failed() {
    return (int) cases.stream().filter(TestCase::failed).count();
  }

  public int skipped() {
    return (int) cases.stream().filter(TestCase::skipped).count();
  }

  /**
   * The module's counts in Surefire's own words, "Tests run: 12, Failures: 1, Errors: 0, Skipped:
   * 0", for a build whose log mixes modules (Maven's -T): the reports say which module is which.
   */
  public String summary() {
    long errors = cases.stream().filter(TestCase::errored).count();
    return "Tests run: %d, Failures: %d, Errors: %d, Skipped: %d"
        .formatted(tests(), failed() - errors, errors, skipped());
  }

  /** Every test ran and passed, and there was at least one. */
  public boolean allPassed() {
    return tests() > 0 && failed() == 0 && skipped() == 0;
  }

  private static boolean isReport(Path file) {
    var name = file.getFileName().toString();
    return name.startsWith("TEST-") && name.endsWith(".xml");
  }

  private static List<TestCase> read(Path file) {
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      var document = factory.newDocumentBuilder().parse(file.toFile());
      var nodes = document.getElementsByTagName("testcase");
      var cases = new ArrayList<TestCase>();
      for (int i = 0; i < nodes.getLength(); i++) {
        var testcase = (Element) nodes.item(i);
        var className = testcase.getAttribute("classname");
        cases.add(
            new TestCase(
                className.substring(className.lastIndexOf('.') + 1),
                testcase.getAttribute("name"),
                has(testcase, "failure") || has(testcase, "error"),
                has(testcase, "error"),
                has(testcase, "skipped")));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("Surefire's report " + file + " is not valid XML", e);
    }
  }

  private static boolean has(Element testcase, String child) {
    return testcase.getElementsByTagName(child).getLength() > 0;
  }
}
