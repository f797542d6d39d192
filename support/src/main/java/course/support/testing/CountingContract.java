package course.support.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The contract every parallel {@code WordCount.count(text, n)} of the course shares, whoever does
 * the counting (child processes, threads, a pool): the answer for empty and blank texts, more
 * workers than words, and bad arguments. They are all {@link BadInput}: the runner shows the
 * chapter's own failures before these.
 *
 * <p>A chapter's test class implements this interface and inherits these tests, so the rules read
 * the same in every chapter:
 *
 * <pre>{@code
 * class WordCountTest implements CountingContract {
 *   public Spec contract() {
 *     return new Spec(WordCount::count, "threads", "Did you start() every thread?");
 *   }
 * }
 * }</pre>
 */
public interface CountingContract {

  /** The learner's {@code count(text, n)}, called directly. */
  @FunctionalInterface
  interface Count {
    long count(String text, int workers) throws Exception;
  }

  /**
   * What a chapter's test class tells the contract.
   *
   * @param count the learner's {@code WordCount::count}
   * @param workers what the workers are, in the plural, for messages: "threads", "processes"
   * @param hangHint what to check when the call hangs, in one sentence
   */
  record Spec(Count count, String workers, String hangHint) {}

  /** The chapter's count function and the words its messages use. */
  Spec contract();

  private long countWithDeadline(String text, int workers) {
    var spec = contract();
    return Deadline.call(
        () -> spec.count().count(text, workers),
        "WordCount.count(text, %d)".formatted(workers),
        spec.hangHint());
  }

  @Test
  @BadInput
  default void counts_zero_words_in_empty_and_blank_texts() {
    assertEquals(0, countWithDeadline("", 3), "count(\"\", 3) must be 0.");
    assertEquals(0, countWithDeadline(" \n\t\u2003 ", 3), "count(whitespace only, 3) must be 0.");
  }

  @Test
  @BadInput
  default void copes_with_more_workers_than_words() {
    assertEquals(
        3,
        countWithDeadline("three short words", 16),
        "count(\"three short words\", 16) must be 3: Chunks.split returns fewer chunks than %s, and each chunk is counted once."
            .formatted(contract().workers()));
  }

  @Test
  @BadInput
  default void rejects_a_null_text() {
    assertThrows(
        NullPointerException.class,
        () -> contract().count().count(null, 2),
        "count(null, 2) must throw NullPointerException before any work starts.");
  }

  @Test
  @BadInput
  default void rejects_fewer_than_one_worker() {
    for (int workers : new int[] {0, -1}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> contract().count().count("a b", workers),
          "count(\"a b\", %d) must throw IllegalArgumentException: at least one of the %s is needed."
              .formatted(workers, contract().workers()));
    }
  }
}
