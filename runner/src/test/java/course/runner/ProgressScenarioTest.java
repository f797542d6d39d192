package course.runner;

import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A learner's progress as {@code ./verify.sh} keeps it, with 00 to 02 solved: the verdict moves on,
 * what passed is not run again, list and .course/progress.txt agree, and an edited test is never
 * done. (ProgressTest checks how it is stored.) The scenarios about what comes after a pass start
 * from 00 to 02 recorded as passed ({@link ScratchCourse#passedEarlier}); the four about passing
 * (the verdict on 03, not running again, recheck, a JVM of their own) pass them for real.
 */
class ProgressScenarioTest {

  private static final String TEST_01 =
      "exercises/01_sequential/src/test/java/course/sequential/WordCountTest.java";

  @Test
  void with_00_to_02_solved_the_verdict_is_on_03() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.solve("00", "01", "02");
      copy.verify()
          .assertStatus(1)
          .assertShows("✗ 03_threads", "3 exercises pass: 00_welcome to 02_processes")
          .assertAtMostLines(15);
    }
  }

  @Test
  void exercises_that_passed_and_did_not_change_are_not_run_again() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.passUpTo02();
      copy.verify().assertStatus(1).assertShows("✗ 03_threads").assertDoesNotShow("pass:");
    }
  }

  @Test
  void a_warm_run_neither_builds_the_runner_nor_asks_maven() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.passedEarlier("00", "01", "02");
      copy.verify().assertStatus(1); // the first check of this copy: 03's tests compiled
      copy.verify().assertDoesNotShow("Maven", "building");
    }
  }

  @Test
  void recheck_runs_the_exercises_that_passed_again() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.passUpTo02();
      copy.verify("--recheck").assertShows("3 exercises pass: 00_welcome to 02_processes");
    }
  }

  @Test
  void tests_in_a_jvm_of_their_own_give_the_same_verdicts() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.solve("00", "01", "02");
      var warm = copy.verify("--recheck");
      var forked = copy.verify(ScratchCourse.env("COURSE_FORK", "1"), "--recheck");
      if (!forked.output().equals(warm.output())) {
        forked.fail(
            "the output of ./verify.sh --recheck without COURSE_FORK:\n"
                + CommandRun.shown(warm.output()),
            "another output");
      }
      forked.assertStatus(warm.status());
    }
  }

  @Test
  void list_and_course_progress_txt_show_done_current_and_not_started() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.passedEarlier("00", "01", "02");
      copy.verify("list").assertShows("✓ 02_processes", "→ 03_threads");
      var progress = Files.readString(copy.file(".course/progress.txt"));
      for (var line :
          new String[] {"00_welcome *done", "03_threads *current", "04_globallock *not started"}) {
        if (!Pattern.compile("^" + line, Pattern.MULTILINE).matcher(progress).find()) {
          throw new AssertionError(
              ".course/progress.txt: expected a line /^" + line + "/; got:\n" + progress);
        }
      }
    }
  }

  @Test
  void list_says_that_a_finished_exercise_changed_since_it_passed() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.passedEarlier("00", "01", "02");
      var welcome = copy.exercise("00").mainSources().resolve("course/welcome/Welcome.java");
      Files.writeString(welcome, "\n// a harmless comment\n", StandardOpenOption.APPEND);
      copy.verify("list").assertShows("→ 00_welcome", "passed before; changed since");
    }
  }

  @Test
  void an_edited_test_is_never_done_and_the_message_gives_the_command_that_restores_it()
      throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.passedEarlier("00", "01", "02"); // 01 passed with the course's tests
      Files.writeString(copy.file(TEST_01), "\n// made easier\n", StandardOpenOption.APPEND);
      copy.verify()
          .assertStatus(1)
          .assertShows("its tests are not the course's", "./verify.sh reset 01 --tests")
          .assertAtMostLines(15);
    }
  }
}
