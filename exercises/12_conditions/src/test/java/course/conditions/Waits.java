package course.conditions;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting for a state that correct code reaches soon (a thread parked, a worker inside its work).
 * The limit only matters when the state never comes: it turns a hang into a failure that says where
 * the code is stuck. Like {@code Deadline}, it gives less time once something has hung.
 */
final class Waits {

  /** Generous: a correct solution gets there in milliseconds, even on a loaded machine. */
  static final Duration LIMIT = Duration.ofSeconds(10);

  static final Duration AFTER_A_HANG = Duration.ofSeconds(3);

  private static volatile boolean hung;

  private Waits() {}

  static Duration limit() {
    return hung ? AFTER_A_HANG : LIMIT;
  }

  /** Waits until {@code state} holds, or fails with {@code failure}'s message after the limit. */
  static void until(BooleanSupplier state, Supplier<String> failure) {
    if (!reached(state, limit())) {
      hung = true;
      throw new AssertionError(failure.get());
    }
  }

  /** Waits until {@code state} holds or {@code limit} passes; says which. Never fails. */
  static boolean reached(BooleanSupplier state, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!state.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return state.getAsBoolean();
      }
    }
    return true;
  }
}
