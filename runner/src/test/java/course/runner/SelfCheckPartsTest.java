package course.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-check's pieces that need no Maven run: Surefire's reports, Maven's log, the set-up. */
class SelfCheckPartsTest {

  @TempDir Path folder;

  @Test
  void reads_passed_failed_errored_and_skipped_tests_from_surefires_xml() throws Exception {
    var reports = folder.resolve("module/target/surefire-reports");
    Files.createDirectories(reports);
    Files.writeString(
        reports.resolve("TEST-course.threads.WordCountTest.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="course.threads.WordCountTest" tests="4" failures="1" errors="1" skipped="1">
          <testcase name="counts words" classname="course.threads.WordCountTest" time="0.1"/>
          <testcase name="adds up" classname="course.threads.WordCountTest" time="0.1">
            <failure message="expected: &lt;8&gt; but was: &lt;7&gt;" type="AssertionFailedError"/>
          </testcase>
          <testcase name="returns" classname="course.threads.WordCountTest" time="0.1">
            <error message="boom" type="IllegalStateException">trace</error>
          </testcase>
          <testcase name="later" classname="course.threads.WordCountTest" time="0">
            <skipped/>
          </testcase>
        </testsuite>
        """);
    Files.writeString(reports.resolve("course.threads.WordCountTest.txt"), "not a report");

    var read = SurefireReports.of(folder.resolve("module"));

    assertEquals(4, read.tests(), "every <testcase> counts as a test");
    assertEquals(2, read.failed(), "a <failure> and an <error> both count as failed");
    assertEquals(1, read.skipped());
    assertFalse(read.allPassed());
    assertEquals("WordCountTest", read.cases().getFirst().className());
    assertEquals("counts words", read.cases().getFirst().name());
    assertEquals(
        "Tests run: 4, Failures: 1, Errors: 1, Skipped: 1",
        read.summary(),
        "the summary splits failures from errors, as Surefire's own line does");
  }

  @Test
  void a_module_without_reports_ran_no_test() {
    var read = SurefireReports.of(folder.resolve("never-built"));
    assertEquals(0, read.tests());
    assertFalse(read.allPassed(), "no test at all is not a pass");
  }

  @Test
  void prints_each_modules_surefire_summary_with_the_modules_name() throws Exception {
    var log = folder.resolve("maven.log");
    Files.writeString(
        log,
        """
        [INFO] Building solution 03: threads 1.0.0-SNAPSHOT                         [5/40]
        [INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 1.2 s -- in course.threads.WordCountTest
        [INFO] Tests run: 17, Failures: 0, Errors: 0, Skipped: 0
        [INFO] Building solution 04: globallock 1.0.0-SNAPSHOT                      [6/40]
        [ERROR] Tests run: 18, Failures: 2, Errors: 0, Skipped: 0
        """);

    assertEquals(
        List.of(
            "%-46s %s"
                .formatted(
                    "solution 03: threads", "Tests run: 17, Failures: 0, Errors: 0, Skipped: 0"),
            "%-46s %s"
                .formatted(
                    "solution 04: globallock",
                    "Tests run: 18, Failures: 2, Errors: 0, Skipped: 0")),
        Maven.surefireSummaries(log),
        "one line per module, its summary only (not each class's line)");
  }

  @Test
  void no_network_on_a_first_run_is_explained_as_such() throws Exception {
    Files.writeString(folder.resolve("pom.xml"), "<project/>");
    var log = folder.resolve(".course/maven-classpath.log");
    Files.createDirectories(log.getParent());
    Files.writeString(
        log, "[ERROR] Could not resolve dependencies for project course:exercise-03-threads\n");

    var message = new Maven(new Course(folder)).explainSetupFailure(log);

    assertTrue(message.contains("needs network access"), message);
    assertTrue(message.contains(".course/maven-classpath.log"), message);
  }

  @Test
  void names_every_exercise_folder_that_pom_xml_lists_but_that_is_gone() throws Exception {
    Files.writeString(
        folder.resolve("pom.xml"),
        """
        <modules>
          <module>exercises/00_welcome</module>
          <module>exercises/01_sequential</module>
          <module>solutions/01_sequential</module>
        </modules>
        """);
    Files.createDirectories(folder.resolve("exercises/00_welcome"));
    Files.writeString(folder.resolve("exercises/00_welcome/pom.xml"), "<project/>");

    var out = new ByteArrayOutputStream();
    int status =
        new Setup(
                new Course(folder),
                new Ansi(false),
                new PrintStream(out, true, StandardCharsets.UTF_8))
            .prepare();

    var said = out.toString(StandardCharsets.UTF_8);
    assertEquals(2, status, said);
    assertTrue(said.contains("An exercise's folder is missing: exercises/01_sequential"), said);
    assertTrue(said.contains("git checkout HEAD -- exercises/01_sequential"), said);
  }

  @Test
  void a_self_check_part_that_does_not_exist_is_refused_before_anything_runs() {
    var out = new ByteArrayOutputStream();
    int status =
        new SelfCheck(
                new Course(folder),
                new Ansi(false),
                new PrintStream(out, true, StandardCharsets.UTF_8))
            .run(List.of("8"));
    assertEquals(2, status);
    assertEquals(
        "There is no part 8 of the self-check: the parts are 1 to 7.",
        out.toString(StandardCharsets.UTF_8).strip());
  }
}
