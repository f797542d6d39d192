package course.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code ./verify.sh reset}: puts an exercise back as the course ships it, and keeps the work. */
class ResetTest {

  private static final String TEST_01 =
      "exercises/01_sequential/src/test/java/course/sequential/WordCountTest.java";

  @Test
  void reset_01_tests_restores_the_tests_and_saves_the_edited_copy_aside() throws Exception {
    try (var copy = ScratchCourse.create()) {
      var test = copy.file(TEST_01);
      Files.writeString(test, "\n// made easier\n", StandardOpenOption.APPEND);
      var run = copy.verify("reset", "01", "--tests").assertStatus(0);
      var saved = saved(copy, "WordCountTest.java");
      assertTrue(
          saved.stream().anyMatch(file -> read(file).contains("made easier")),
          "expected the edited WordCountTest.java in .course/saved; got "
              + saved
              + ". "
              + run.describe());
      assertFalse(
          read(test).contains("made easier"), "expected the course's test back in " + TEST_01);
    }
  }

  @Test
  void reset_03_restores_the_stub_even_over_a_commit_and_saves_the_learners_file_first()
      throws Exception {
    try (var copy = ScratchCourse.create()) {
      var file = copy.wordCount03();
      var stub = read(file);
      Files.writeString(file, "\n// my work in progress\n", StandardOpenOption.APPEND);
      copy.commitAll("my work");
      var run = copy.verify("reset", "03").assertStatus(0);
      assertEquals(
          stub, read(file), "expected 03's stub back in WordCount.java. " + run.describe());
      var saved = saved(copy, "WordCount.java");
      assertTrue(
          saved.stream().anyMatch(f -> read(f).contains("my work in progress")),
          "expected the learner's WordCount.java in .course/saved; got "
              + saved
              + ". "
              + run.describe());
    }
  }

  @Test
  void reset_all_restores_every_exercise_and_saves_the_solved_ones_aside() throws Exception {
    try (var copy = ScratchCourse.create()) {
      solvedAndStarted(copy);
      var run = copy.verify("reset", "--all").assertStatus(0);
      copy.verify("manifest", "--check").assertStatus(0); // every stub and test as shipped
      var saved = saved(copy, "WordCount.java");
      assertTrue(
          saved.size() >= 3,
          "expected 01's, 02's and 03's WordCount.java in .course/saved; got "
              + saved
              + ". "
              + run.describe());
    }
  }

  @Test
  void reset_all_says_once_where_the_files_went_and_how_to_get_them_back() throws Exception {
    try (var copy = ScratchCourse.create()) {
      solvedAndStarted(copy);
      var run = copy.verify("reset", "--all").assertStatus(0);
      long said = run.output().lines().filter(line -> line.contains("saved in")).count();
      if (said != 1) {
        run.fail("one line with \"saved in\"", said + " lines");
      }
      run.assertShows("To get them back: cp -r .course/saved/");
    }
  }

  /** 00 to 02 solved, 03 begun. */
  private static void solvedAndStarted(ScratchCourse copy) throws IOException {
    copy.solve("00", "01", "02");
    Files.writeString(copy.wordCount03(), "\n// begun\n", StandardOpenOption.APPEND);
  }

  /** The files named {@code name} that reset saved in .course/saved. */
  private static List<Path> saved(ScratchCourse copy, String name) throws IOException {
    var folder = copy.file(".course/saved");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(file -> file.getFileName().toString().equals(name)).toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
