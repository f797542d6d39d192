package course.support.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.opentest4j.AssertionFailedError;

/**
 * Runs the learner's code with a time limit, so a hang becomes a failure that says what to check
 * instead of a stuck build.
 *
 * <pre>{@code
 * long words = Deadline.call(() -> WordCount.count(text, 4), "count(text, 4)",
 *     "Did you start() every thread?");
 * }</pre>
 *
 * <p>The code runs on a thread of JUnit's, not on the test's own thread: use {@link #caller()} to
 * learn which thread called the learner's code.
 *
 * <p>Once a call has hung, later calls in the same test JVM get only {@link #AFTER_A_HANG}: code
 * that hung once almost always hangs again, and the learner should not wait minutes for a verdict.
 * A correct solution never hangs, so it never sees the shorter limit.
 */
public final class Deadline {

  /** Generous: the slowest correct solution on a loaded machine finishes in a few seconds. */
  public static final Duration DEFAULT = Duration.ofSeconds(15);

  /** The limit once a call has hung in this JVM. */
  public static final Duration AFTER_A_HANG = Duration.ofSeconds(3);

  private static final String HUNG = "did not return within";
  private static volatile boolean hung;
  private static volatile Thread caller;

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
    return call(limit, code, what, () -> hint);
  }

  /**
   * Like {@link #call(ThrowingSupplier, String, String)}, with a hint made at the moment the time
   * is up, while the learner's threads are still stuck: it can say where they are (their states and
   * stack frames).
   */
  public static <T> T call(ThrowingSupplier<T> code, String what, Supplier<String> hint) {
    return call(DEFAULT, code, what, hint);
  }

  private static <T> T call(
      Duration limit, ThrowingSupplier<T> code, String what, Supplier<String> hint) {
    var effective = hung ? AFTER_A_HANG : limit;
    var note = hung ? " (an earlier call hung already, so this one got less time)" : "";
    try {
      return assertTimeoutPreemptively(
          effective,
          () -> {
            caller = Thread.currentThread();
            return code.get();
          },
          () -> "%s %s %d s%s. %s".formatted(what, HUNG, effective.toSeconds(), note, hint.get()));
    } catch (AssertionFailedError failure) {
      if (failure.getMessage() != null && failure.getMessage().startsWith(what + " " + HUNG)) {
        hung = true;
      }
      throw failure;
    }
  }

  /** Runs {@code code}, or fails after {@link #DEFAULT}. */
  public static void run(Executable code, String what, String hint) {
    call(
        () -> {
          code.execute();
          return null;
        },
        what,
        hint);
  }

  /** The thread that ran the code of the latest {@code call}: the learner's "calling thread". */
  public static Thread caller() {
    return caller;
  }
}
