package course.runner;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * An exercise a learner broke: a folder or a file deleted, code that does not compile, a changed
 * signature. Each message names what is wrong and the command that puts it right.
 */
class BrokenExerciseTest {

  @Test
  void a_deleted_exercise_folder_is_named_with_the_command_that_brings_it_back() throws Exception {
    try (var copy = ScratchCourse.create()) {
      FileOperations.delete(copy.file("exercises/17_outro"));
      copy.verify("list")
          .assertStatus(2)
          .assertShows(
              "An exercise's folder is missing: exercises/17_outro",
              "git checkout HEAD -- exercises/17_outro")
          .assertDoesNotShow("[ERROR]");
    }
  }

  @Test
  void a_deleted_exercise_file_is_named_with_the_command_that_restores_it() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.passedEarlier("00", "01", "02");
      Files.delete(copy.wordCount03());
      copy.verify()
          .assertStatus(1)
          .assertShows(
              "a file of the exercise is missing",
              copy.exercise("03").relative(copy.wordCount03()),
              "./verify.sh reset 03");
    }
  }

  @Test
  void a_module_that_does_not_compile_shows_the_compilers_first_error_with_file_and_line()
      throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.passedEarlier("00", "01", "02");
      var file = copy.wordCount03();
      // The first line that opens a block gets a statement javac cannot parse.
      Files.writeString(file, Files.readString(file).replaceFirst("(?m)\\{$", "{ int broken = ;"));
      copy.verify()
          .assertStatus(1)
          .assertShows("03_threads does not compile")
          .assertShowsMatch("WordCount\\.java:[0-9]+: (error: )?illegal start of expression");
    }
  }

  @Test
  void a_changed_signature_compiles_the_tests_again_and_says_they_no_longer_compile()
      throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.passedEarlier("00", "01", "02");
      copy.verify().assertStatus(1).assertShows("✗ 03_threads"); // 03's tests built on its stub
      var file = copy.wordCount03();
      var stub = Files.readString(file);
      var renamed =
          stub.replace(
              "long count(String text, int nThreads)", "long total(String text, int nThreads)");
      if (renamed.equals(stub)) {
        throw new AssertionError("expected count(String text, int nThreads) in 03's stub " + file);
      }
      Files.writeString(file, renamed);
      copy.verify()
          .assertStatus(1)
          .assertShows(
              "the tests do not compile against your code",
              "Keep the class, method and parameter names");
    }
  }
}
