package course.runner;

import static org.junit.jupiter.api.Assertions.assertAll;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@code ./verify.sh}'s commands as a learner types them: an unknown one, {@code --help} on each,
 * and {@code bench}, which hands over to bench/run.sh. (HelpTest checks the help text itself.)
 */
class CommandsTest {

  @Test
  void an_unknown_command_gets_a_clear_message_and_exit_status_2() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.verify("frobnicate").assertStatus(2).assertShows("Unknown command: frobnicate");
    }
  }

  @Test
  void every_command_answers_help_with_its_synopsis() throws Exception {
    try (var copy = ScratchCourse.create()) {
      var checks = new ArrayList<Executable>();
      for (var command :
          List.of("check", "watch", "list", "hint", "reset", "bench", "selfcheck", "manifest")) {
        // check's synopsis is "./verify.sh [--recheck]": the command's name is not in it.
        var run = copy.verify(command, "--help");
        checks.add(
            () ->
                run.assertStatus(0)
                    .assertShows("./verify.sh", command.equals("check") ? "--recheck" : command));
      }
      assertAll(checks); // every command that fails, not only the first
    }
  }

  @Test
  void help_watch_tells_how_to_watch_by_polling() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.verify("help", "watch").assertStatus(0).assertShows("COURSE_WATCH=poll");
    }
  }

  @Test
  void bench_without_bench_run_sh_says_the_benchmarks_are_not_installed() throws Exception {
    try (var copy = ScratchCourse.create()) {
      Files.delete(copy.file("bench/run.sh")); // as in a course shipped without them
      copy.verify("bench", "--quick").assertStatus(2).assertShows("benchmarks are not installed");
    }
  }

  @Test
  void bench_passes_its_arguments_to_bench_run_sh() throws Exception {
    try (var copy = ScratchCourse.create()) {
      Files.writeString(copy.file("bench/run.sh"), "echo \"bench got: $*\"\n");
      copy.verify("bench", "--quick", "03").assertStatus(0).assertShows("bench got: --quick 03");
    }
  }
}
