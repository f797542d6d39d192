package course.conditions;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * One call into the learner's code on a platform thread of the test's own, so that a test can have
 * several threads waiting in the buffer at once and look at each: parked or not, returned what,
 * threw what, stuck where.
 *
 * @param <T> what the call returns
 */
final class Actor<T> {

  private final String what;
  private final Thread thread;
  private final CompletableFuture<T> outcome = new CompletableFuture<>();
  private final ReentrantLock lock;

  /**
   * @param lock the lock of the buffer the call waits in, or null if the test cannot see it: with
   *     it, a thread that a signal already woke (queued for the lock, still inside await) does not
   *     count as waiting
   */
  Actor(String what, ReentrantLock lock, ThrowingSupplier<T> call) {
    this.what = what;
    this.lock = lock;
    this.thread =
        Thread.ofPlatform()
            .name("test " + what)
            .daemon(true)
            .unstarted(
                () -> {
                  try {
                    outcome.complete(call.get());
                  } catch (Throwable failure) {
                    outcome.completeExceptionally(failure);
                  }
                });
  }

  Actor<T> start() {
    thread.start();
    return this;
  }

  /** The call, as the learner would write it: {@code take()}, {@code put("b")}. */
  String what() {
    return what;
  }

  Thread thread() {
    return thread;
  }

  boolean done() {
    return outcome.isDone();
  }

  /**
   * Whether the call is waiting in {@code Condition.await} for a signal. A thread that was
   * signalled is queued for the lock until it gets it, with await still on its stack: ask the lock
   * first (once it has the lock, it is never queued again without a new signal), then the stack.
   */
  boolean awaiting() {
    if (done() || (lock != null && lock.hasQueuedThread(thread))) {
      return false;
    }
    return Frames.isAwaitingACondition(thread);
  }

  /** Where the call is now, for messages. */
  String where() {
    return done() ? "it has returned" : Frames.where(thread);
  }

  /** The exception the call threw, or null if it returned (or has not ended). */
  Throwable failure() {
    if (!outcome.isCompletedExceptionally()) {
      return null;
    }
    try {
      outcome.get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }

  /** What the call returned; fails, naming the call, if it threw instead. */
  T value() {
    var failure = failure();
    if (failure != null) {
      throw failure instanceof AssertionError error
          ? error
          : new AssertionError("%s threw %s.".formatted(what, Show.failure(failure)), failure);
    }
    return outcome.getNow(null);
  }

  /** What happened to the call, in words: "returned \"a\"", "threw ...", "is still waiting". */
  String outcome() {
    if (!done()) {
      return "is still running " + where();
    }
    var failure = failure();
    if (failure != null) {
      return "threw " + Show.failure(failure);
    }
    var value = outcome.getNow(null);
    return value == null && what.startsWith("put(") ? "returned" : "returned " + Show.value(value);
  }

  /** Waits until the call is parked in {@code Condition.await}; fails if it ends or never does. */
  Actor<T> awaitParked(String hint) {
    Waits.until(
        () -> done() || awaiting(),
        () ->
            "%s should wait on one of the buffer's Conditions, but after %d s it %s. %s"
                .formatted(what, Waits.limit().toSeconds(), outcome(), hint));
    if (done()) {
      throw new AssertionError(
          "%s should have waited, but it %s. %s".formatted(what, outcome(), hint));
    }
    return this;
  }

  /** Waits until the call has ended; fails, saying where it is stuck, if it does not. */
  Actor<T> awaitDone(String hint) {
    Waits.until(
        this::done,
        () ->
            "%s did not return within %d s: it is stuck %s. %s"
                .formatted(what, Waits.limit().toSeconds(), where(), hint));
    return this;
  }

  /** Ends the thread if it is still there (interrupt, then a short join): clean-up only. */
  void stop() {
    if (thread.isAlive()) {
      thread.interrupt();
      try {
        thread.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
