package course.forkjoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.support.WorkProbe;
import course.support.testing.Deadline;
import course.support.testing.NoLeftovers;
import course.support.testing.Rendezvous;
import course.support.testing.Texts;
import course.support.testing.WorkLog;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The task on its own, in pools that the tests create (the common pool has 1 worker here). */
@ExtendWith(NoLeftovers.class)
class WordCountTaskTest {

  private static final String HANG_HINT =
      "Check that every split makes progress (both halves shorter than the range), and that "
          + "you join() every task you fork().";

  /** Runs a fresh task for {@code text} in a new pool of {@code workers}, and closes the pool. */
  private static long invoke(String text, int threshold, int workers) {
    try (var pool = new ForkJoinPool(workers)) {
      return Deadline.call(
          () -> pool.invoke(new WordCountTask(text, threshold)),
          "pool.invoke(new WordCountTask(text, %d))".formatted(threshold),
          HANG_HINT);
    }
  }

  @ParameterizedTest(name = "threshold {0}")
  @ValueSource(ints = {1, 7, 64, 1_000, 1_000_000})
  void counts_right_whatever_the_threshold(int threshold) {
    var text = Texts.generate(90 + threshold, 3_000);
    assertEquals(
        3_000,
        invoke(text, threshold, 2),
        ("new WordCountTask(text of 3000 words, %d) counted wrong. Cut only at a whitespace "
                + "character, so that no word (and no surrogate pair) is cut in two, and add the two "
                + "halves' counts.")
            .formatted(threshold));
  }

  @Test
  void splits_down_to_the_threshold() {
    var text = Texts.uniform("word", 5_000); // 24,999 chars, a space every 5
    try (var log = WorkLog.start()) {
      assertEquals(
          5_000, invoke(text, 256, 2), "WordCountTask(text of 5000 words, 256) counted wrong.");
      var calls = log.calls(WorkProbe.COUNT_WORDS);
      assertTrue(
          calls.size() >= text.length() / 256,
          ("A text of %d chars with a threshold of 256 must be split into at least %d pieces, "
                  + "but Chunks.countWords was called %d times: split while the range is longer than "
                  + "the threshold.")
              .formatted(text.length(), text.length() / 256, calls.size()));
      int longest = calls.stream().mapToInt(WorkLog.Call::inputLength).max().orElse(0);
      assertTrue(
          longest <= 256,
          ("Chunks.countWords got a piece of %d chars, but the threshold was 256: count directly "
                  + "only ranges of at most `threshold` chars, and split the others.")
              .formatted(longest));
    }
  }

  @Test
  void counts_a_word_longer_than_the_threshold_as_one_word() {
    assertEquals(
        1,
        invoke("x".repeat(5_000), 16, 2),
        "A single word of 5000 chars, threshold 16, is 1 word: when a range holds no whitespace, "
            + "count it as it is instead of cutting it.");
    assertEquals(
        2,
        invoke("  " + "y".repeat(300) + "\u2003z  ", 16, 2),
        "\"  yyy…y\\u2003z  \" (threshold 16) has 2 words.");
    assertEquals(
        0,
        invoke(" \n\t\u3000".repeat(500), 16, 2),
        "A text of 2000 whitespace chars has 0 words.");
    assertEquals(0, invoke("", 16, 2), "An empty text has 0 words.");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"before", "after"})
  void splits_a_long_range_whose_only_whitespace_is_on_one_side_of_its_middle(String side) {
    // One space, far from the middle: a split that looks for whitespace only one way from the
    // middle finds none there, yet the range is not a single word.
    var text = side.equals("before") ? "a " + "b".repeat(5_000) : "b".repeat(5_000) + " a";
    var tooLong = new java.util.concurrent.atomic.AtomicReference<String>();
    try (var watch =
        WorkProbe.install(
            new WorkProbe.Listener() {
              @Override
              public void beforeWork(String work, Object input) {
                if (work.equals(WorkProbe.COUNT_WORDS)
                    && input instanceof CharSequence piece
                    && piece.length() > 16
                    && piece.toString().strip().codePoints().anyMatch(Character::isWhitespace)) {
                  tooLong.compareAndSet(null, piece.toString());
                }
              }
            })) {
      assertEquals(2, invoke(text, 16, 2), "WordCountTask(\"a bbb…b\", 16) counted wrong.");
    }
    assertTrue(
        tooLong.get() == null,
        ("Chunks.countWords got a piece of %d chars with whitespace inside it, but the threshold "
                + "was 16. The text has its one space %s its middle: when there is no whitespace "
                + "on one side of the middle, look on the other side. Only a range with no "
                + "whitespace strictly inside it is one word, to count whatever its length.")
            .formatted(tooLong.get() == null ? 0 : tooLong.get().length(), side));
  }

  @Test
  void forks_so_that_two_workers_count_at_once() {
    var text = Texts.generate(91, 4_000);
    try (var rendezvous = Rendezvous.open(2);
        var log = WorkLog.start()) {
      assertEquals(
          4_000, invoke(text, 512, 2), "WordCountTask(text of 4000 words, 512) counted wrong.");
      rendezvous.assertMet(
          "In a pool of 2 workers, the task never let the second worker help: fork() one half "
              + "(or use invokeAll(left, right)) instead of calling compute() on both halves.");
      assertTrue(
          log.threadIds().size() >= 2,
          "Expected the pieces to be counted on at least 2 workers of the pool, but saw %s: fork() one half."
              .formatted(log.threadNames()));
    }
  }

  @Test
  void keeps_every_worker_of_a_bigger_pool_busy() {
    var text = Texts.generate(92, 8_000);
    try (var rendezvous = Rendezvous.open(4)) {
      assertEquals(
          8_000, invoke(text, 256, 4), "WordCountTask(text of 8000 words, 256) counted wrong.");
      rendezvous.assertMet(
          "In a pool of 4 workers, 4 pieces should be counted at once: fork at every level of "
              + "the recursion, not only at the top, and join() only after the other half is computed.");
    }
  }
}
