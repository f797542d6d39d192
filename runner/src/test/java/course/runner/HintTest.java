package course.runner;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@code ./verify.sh hint}: one tier of exercises/NN_topic/HINT.md at a time, remembered. */
class HintTest {

  @Test
  void hint_03_shows_the_first_tier_of_its_hint_only() throws Exception {
    try (var copy = ScratchCourse.create()) {
      var secondLine = Files.readAllLines(copy.exercise("03").hint()).get(1);
      copy.verify("hint", "03")
          .assertStatus(0)
          .assertShows(
              "Hint 1 of 3 for 03_threads: A nudge",
              secondLine.substring(0, Math.min(40, secondLine.length())))
          .assertDoesNotShow("Hint 2 of 3");
    }
  }

  @Test
  void hint_03_again_shows_the_next_tier_and_course_hints_txt_keeps_the_tier_reached()
      throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.verify("hint", "03").assertStatus(0);
      copy.verify("hint", "03")
          .assertStatus(0)
          .assertShows("Hint 2 of 3 for 03_threads: The concept and the API")
          .assertDoesNotShow("Hint 1 of 3");
      var hints = Files.readString(copy.file(".course/hints.txt"));
      if (!hints.lines().toList().contains("threads 2")) {
        throw new AssertionError(
            ".course/hints.txt: expected a line \"threads 2\" (the topic and the tier reached);"
                + " got:\n"
                + hints);
      }
    }
  }

  @Test
  void hint_04_all_shows_every_tier() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.verify("hint", "04", "--all")
          .assertStatus(0)
          .assertShows("Hint 1 of 3 for 04_", "Hint 3 of 3 for 04_");
    }
  }

  @Test
  void hint_99_says_there_is_no_such_exercise() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.verify("hint", "99").assertStatus(2).assertShows("There is no exercise 99");
    }
  }
}
