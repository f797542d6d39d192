package course.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A maintainer adds exercise 99_extra, with a library of its own (jsoup, as chapter 17 has one) and
 * a test resource: the runner asks Maven for its classpath once, finds it, and runs it.
 */
class NewExerciseTest {

  private static final String TITLES = "exercises/99_extra/src/main/java/course/extra/Titles.java";

  @Test
  void a_changed_pom_xml_makes_the_runner_ask_maven_for_the_classpaths_again() throws Exception {
    try (var copy = ScratchCourse.create()) {
      addExercise99(copy).assertStatus(0).assertShows("Asking Maven");
    }
  }

  @Test
  void a_new_exercise_is_found_and_run_and_passes_with_its_library_without_asking_maven_again()
      throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.solveAll();
      var finished = copy.everyNumber();
      addExercise99(copy).assertStatus(0);
      // 00 to 17 passed in earlier sessions (recorded after the new pom.xml, which every
      // fingerprint includes): 99 comes next.
      copy.recordPassed(finished);

      copy.verify()
          .assertShows("✗ 99_extra: 1 of 1 test fails.", "Not written yet: TODO: read the title");

      var titles = copy.file(TITLES);
      Files.writeString(
          titles,
          Files.readString(titles)
              .replace(
                  "throw new UnsupportedOperationException(\"TODO: read the title\")",
                  "return org.jsoup.Jsoup.parse(html).title()"));
      copy.verify().assertShows("✓ 99_extra passes: 1 test.").assertDoesNotShow("Asking Maven");
    }
  }

  /** Adds 99_extra to the copy, and runs ./verify.sh manifest, as a maintainer must. */
  private static CommandRun addExercise99(ScratchCourse copy)
      throws IOException, InterruptedException {
    var exercise = copy.file("exercises/99_extra");
    var pom =
        Files.readString(copy.file("exercises/03_threads/pom.xml"))
            .replace("exercise-03-threads", "exercise-99-extra")
            .replace("exercise 03: threads", "exercise 99: extra")
            .replace(
                "</project>",
                "  <dependencies><dependency><groupId>org.jsoup</groupId>"
                    + "<artifactId>jsoup</artifactId><version>1.16.1</version></dependency>"
                    + "</dependencies>\n</project>");
    write(exercise.resolve("pom.xml"), pom);
    write(
        copy.file(TITLES),
        """
        package course.extra;

        public final class Titles {
          public static String title(String html) {
            throw new UnsupportedOperationException("TODO: read the title");
          }
        }
        """);
    write(
        exercise.resolve("src/test/java/course/extra/TitlesTest.java"),
        """
        package course.extra;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import org.junit.jupiter.api.Test;

        class TitlesTest {
          @Test
          void reads_the_title() throws Exception {
            try (var page = TitlesTest.class.getResourceAsStream("/page.html")) {
              assertEquals("Hi", Titles.title(new String(page.readAllBytes())));
            }
          }
        }
        """);
    write(
        exercise.resolve("src/test/resources/page.html"),
        "<html><head><title>Hi</title></head></html>\n");
    write(exercise.resolve("HINT.md"), "- Jsoup.parse\n");
    copy.allowRunnerRebuild(); // the parent POM is part of the runner's build stamp
    var modules = copy.file("pom.xml");
    var module03 = "<module>exercises/03_threads</module>";
    write(
        modules,
        Files.readString(modules)
            .replace(module03, module03 + "<module>exercises/99_extra</module>"));
    return copy.verify("manifest");
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
