// The learner-facing report of one exercise's test run. verify.sh runs it with the JDK's
// source launcher (java runner/Report.java ...): no build needed.
//
// Usage: java runner/Report.java <module-dir> [max-failures]
// Reads <module-dir>/target/surefire-reports/TEST-*.xml and prints, for each failing test,
// its name as a sentence and the first lines of its message. Exit status: 0 if every test
// passed, 1 if any failed, 2 if there was no report at all.

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

public class Report {

  record Failure(String test, String type, String message) {}

  public static void main(String[] args) throws Exception {
    var reports = Path.of(args[0], "target", "surefire-reports");
    int max = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    if (!Files.isDirectory(reports)) {
      System.exit(2);
    }
    var failures = new ArrayList<Failure>();
    int tests = 0;
    try (var files = Files.list(reports)) {
      for (var file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList()) {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        var cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
          tests++;
          var testcase = (Element) cases.item(i);
          for (var tag : List.of("failure", "error")) {
            var problems = testcase.getElementsByTagName(tag);
            if (problems.getLength() > 0) {
              var problem = (Element) problems.item(0);
              failures.add(new Failure(name(testcase), problem.getAttribute("type"),
                  problem.getAttribute("message")));
            }
          }
        }
      }
    }
    if (tests == 0) {
      System.exit(2);
    }
    System.out.printf("%d of %d tests failed.%n", failures.size(), tests);
    for (var failure : failures.subList(0, Math.min(max, failures.size()))) {
      System.out.println("  ✗ " + failure.test());
      for (var line : explain(failure).lines().limit(6).toList()) {
        System.out.println("      " + line);
      }
    }
    if (failures.size() > max) {
      System.out.printf("  … and %d more.%n", failures.size() - max);
    }
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  /** "course.threads.WordCountTest" + "runs_the_threads_at_the_same_time()" -> a sentence. */
  static String name(Element testcase) {
    var cls = testcase.getAttribute("classname");
    var simple = cls.substring(cls.lastIndexOf('.') + 1);
    var test = testcase.getAttribute("name").replaceAll("\\(.*\\)$", "").replace('_', ' ');
    return simple + ": " + test;
  }

  static String explain(Failure failure) {
    var message = failure.message() == null ? "" : failure.message().strip();
    if (failure.type().endsWith("UnsupportedOperationException") && message.startsWith("TODO")) {
      return "Not written yet: " + message;
    }
    // Drop JUnit's "==> expected: <..> but was: <..>" onto its own line: easier to read.
    message = message.replace(" ==> ", "\n");
    if (!failure.type().contains("AssertionFailedError") && !failure.type().contains("AssertionError")) {
      var simpleType = failure.type().substring(failure.type().lastIndexOf('.') + 1);
      message = simpleType + (message.isEmpty() ? "" : ": " + message);
    }
    return message.isEmpty() ? "(no message)" : message;
  }
}
