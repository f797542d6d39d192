package course.runner;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./verify.sh watch} as a learner runs it, 00 to 02 passed and 03 on screen: a save that
 * solves 03, by file events and by polling; and keys on a terminal. (WatchTest drives the Watch
 * class in process.)
 */
class WatchScenarioTest {

  /** Generous: a check of 03 on a busy 2-core machine. */
  private static final Duration VERDICT_WITHIN = Duration.ofMinutes(3);

  @ParameterizedTest(name = "watching by {0}")
  @ValueSource(strings = {"events", "poll"})
  void watch_sees_a_save_says_03_passes_and_asks_before_moving_on_to_the_next(String mode)
      throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.passedEarlier("00", "01", "02");
      var env = new HashMap<String, String>();
      if (mode.equals("poll")) {
        env.put("COURSE_WATCH", "poll");
      }
      try (var watch = copy.start(env, List.of("./verify.sh", "watch"), true)) {
        watch.awaitOutput("Watching your files", VERDICT_WITHIN);

        var solution =
            copy.exercise("03").solutionSources().resolve("course/threads/WordCount.java");
        Files.copy(solution, copy.wordCount03(), StandardCopyOption.REPLACE_EXISTING);
        watch.awaitOutput(
            "\"03_threads passes\" and \"Press Enter to move on to 04_globallock\"",
            output ->
                output.contains("03_threads passes")
                    && output.contains("Press Enter to move on to 04_globallock"),
            VERDICT_WITHIN);

        // It waits for Enter before it moves on: no verdict on 04 yet; after Enter, there is one.
        Thread.sleep(300);
        if (watch.output().contains("✗ 04_globallock")) {
          watch.fail("no verdict on 04 before Enter", "one");
        }
        watch.type("\n");
        watch.awaitOutput("✗ 04_globallock", VERDICT_WITHIN);

        watch.type("q\n");
        watch.waitFor(Duration.ofSeconds(30)).assertStatus(0);
      }
    }
  }

  @Test
  void watch_on_a_terminal_acts_on_keys_without_enter_h_shows_the_hint_q_quits() throws Exception {
    assumeTrue(ScratchCourse.hasScript(), "needs script(1) from util-linux, for a terminal");
    try (var copy = ScratchCourse.create()) {
      copy.passedEarlier("00", "01", "02");
      var terminal = List.of("script", "-qec", "./verify.sh watch", "/dev/null");
      try (var watch = copy.start(new HashMap<>(), terminal, true)) {
        // Keys go in once the first verdict is on screen (a key pressed while a check runs waits).
        watch.awaitOutput("Watching your files", VERDICT_WITHIN);
        int before = watch.output().length();
        watch.type("h");
        watch.awaitOutput(
            "the hint for 03_threads after h (\"for 03_threads: \")",
            output -> output.indexOf("for 03_threads: ", before) >= 0,
            Duration.ofSeconds(60));
        watch.type("q");
        watch.waitFor(Duration.ofSeconds(120)).assertStatus(0).assertDoesNotShow("unbound");
      }
    }
  }
}
