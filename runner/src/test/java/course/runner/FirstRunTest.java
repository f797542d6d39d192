package course.runner;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A learner's first {@code ./verify.sh}, on the stubs: the verdict is on 00 and short. */
class FirstRunTest {

  @Test
  void the_first_run_fails_on_00_with_the_failing_tests_message() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.verify()
          .assertStatus(1)
          .assertShows("✗ 00_welcome: 1 of 1 test fails.", "Not written yet: TODO");
    }
  }

  @Test
  void the_verdict_names_the_chapter_and_the_file_to_edit() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.verify()
          .assertShows(
              "Read:  book/00_welcome.md",
              "Edit:  exercises/00_welcome/src/main/java/course/welcome/Welcome.java");
    }
  }

  @Test
  void the_verdict_is_at_most_15_lines_without_maven_or_jvm_warnings_or_colour_in_a_pipe()
      throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.verify()
          .assertAtMostLines(15)
          .assertDoesNotShowMatch("(?i)warning|SLF4J|\\[(INFO|ERROR)\\]")
          .assertDoesNotShow("\u001b[");
    }
  }

  @Test
  void the_output_has_colour_on_a_terminal() throws Exception {
    assumeTrue(ScratchCourse.hasScript(), "needs script(1) from util-linux, for a terminal");
    try (var copy = ScratchCourse.create()) {
      copy.run(Map.of(), List.of("script", "-qec", "./verify.sh list", "/dev/null"))
          .assertStatus(0)
          .assertShows("\u001b[");
    }
  }
}
