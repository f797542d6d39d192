package course.support.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Runs the learner's code with a time limit, so a hang becomes a failure that says what to check
 * instead of a stuck build.
 *
 * <pre>{@code
 * long words = Deadline.call(() -> WordCount.count(text, 4), "count(text, 4)",
 *     "Did you start() every thread?");
 * }</pre>
 */
public final class Deadline {

  /** Generous: the slowest correct solution on a loaded machine finishes in a few seconds. */
  public static final Duration DEFAULT = Duration.ofSeconds(30);

  private Deadline() {}

  /**
   * Calls {@code code} and returns its result, or fails after {@link #DEFAULT}.
   *
   * @param code the call under test
   * @param what the call, as the learner would write it, for the message
   * @param hint what to check when it hangs, in one sentence
   */
  public static <T> T call(ThrowingSupplier<T> code, String what, String hint) {
    return call(DEFAULT, code, what, hint);
  }

  /** Like {@link #call(ThrowingSupplier, String, String)} with a time limit of your choice. */
  public static <T> T call(Duration limit, ThrowingSupplier<T> code, String what, String hint) {
    return assertTimeoutPreemptively(
        limit, code, () -> "%s did not return within %d s. %s".formatted(what, limit.toSeconds(), hint));
  }

  /** Runs {@code code}, or fails after {@link #DEFAULT}. */
  public static void run(Executable code, String what, String hint) {
    assertTimeoutPreemptively(
        DEFAULT, code, () -> "%s did not return within %d s. %s".formatted(what, DEFAULT.toSeconds(), hint));
  }
}
