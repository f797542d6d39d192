package course.cancellation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import course.cancellation.WorkerHold.Policy;
import course.support.InterruptibleWork;
import course.support.testing.Deadline;
import course.support.testing.NoLeftovers;
import course.support.testing.Rendezvous;
import course.support.testing.Texts;
import course.support.testing.Threads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Interrupts the caller of {@code count} at chosen moments. {@link WorkerHold} keeps the workers
 * inside {@link InterruptibleWork#countWords} until they are interrupted, so the moment is forced,
 * never left to timing; an interrupted worker lingers a little, so a {@code count} that does not
 * wait for its workers is caught returning before they have ended.
 */
@ExtendWith(NoLeftovers.class)
class WordCountTest {

  private static final int WORKERS = 3;
  private static final String TEXT = Texts.generate(15, 3_000);
  private static final long WORDS = Texts.words(TEXT).size();

  /** How long an interrupt test may take: a held worker gives up after 8 s in wrong solutions. */
  private static final Duration LIMIT = Duration.ofSeconds(40);

  /** How long the test waits for the moment to interrupt: less than a held worker waits. */
  private static final Duration MOMENT_TIMEOUT = Duration.ofSeconds(6);

  /** How long worker threads get to end after {@code count}, before they count as left behind. */
  private static final Duration GRACE = Duration.ofSeconds(5);

  private static final String HANG_HINT =
      "Check that every wait in count can end: after an interrupt, interrupt the workers "
          + "(Future.cancel(true), shutdownNow, Thread.interrupt) before you wait for them.";

  /** What {@code count} did: its result or exception, and what was true the moment it ended. */
  private record Outcome(Long result, Throwable thrown, boolean flagSet, int workersInside) {
    String ending() {
      return thrown == null ? "returned" : "threw " + thrown.getClass().getSimpleName();
    }
  }

  /** When the test interrupts the caller. */
  private enum Moment {
    BEFORE_THE_CALL("before count was called"),
    WHILE_EVERY_WORKER_COUNTS("while all %d workers were counting".formatted(WORKERS)),
    WHILE_THE_CALLER_WAITS("while count was waiting for its %d busy workers".formatted(WORKERS)),
    AFTER_ONE_RESULT("after one worker had finished its chunk, while the others were counting");

    final String words;

    Moment(String words) {
      this.words = words;
    }
  }

  // ---------------------------------------------------------------- interrupting the caller

  @Test
  void stops_when_the_caller_was_interrupted_before_the_call() {
    checkInterrupted(Moment.BEFORE_THE_CALL);
  }

  @Test
  void stops_when_the_caller_is_interrupted_while_every_worker_counts() {
    checkInterrupted(Moment.WHILE_EVERY_WORKER_COUNTS);
  }

  @Test
  void stops_when_the_caller_is_interrupted_while_it_waits_for_results() {
    checkInterrupted(Moment.WHILE_THE_CALLER_WAITS);
  }

  @Test
  void stops_when_the_caller_is_interrupted_after_some_results_came_back() {
    checkInterrupted(Moment.AFTER_ONE_RESULT);
  }

  private static void checkInterrupted(Moment moment) {
    var policy = moment == Moment.AFTER_ONE_RESULT ? Policy.PASS_FIRST : Policy.HOLD_ALL;
    try (var hold = WorkerHold.start(policy)) {
      var interrupter = moment == Moment.BEFORE_THE_CALL ? null : Interrupter.start(hold, moment);
      Outcome outcome;
      try {
        outcome = call(hold, moment == Moment.BEFORE_THE_CALL);
      } finally {
        if (interrupter != null) {
          interrupter.stop();
        }
      }
      var alive = Threads.stillAliveAfter(hold.workers(), GRACE);
      String when = moment.words;

      failIfNotWritten(outcome);
      failIfUninterruptible(hold);
      if (interrupter != null && !interrupter.momentCame()) {
        throw new AssertionError(
            ("Expected %d workers inside InterruptibleWork.countWords at the same time, but at "
                    + "most %d %s, so the test could not interrupt the caller %s. The contract "
                    + "says nThreads workers count at once: start every worker before you wait "
                    + "for any result.")
                .formatted(
                    WORKERS - (moment == Moment.AFTER_ONE_RESULT ? 1 : 0),
                    hold.mostHeldAtOnce(),
                    hold.mostHeldAtOnce() == 1 ? "was" : "were",
                    when));
      }
      var neverInterrupted = hold.neverInterrupted();
      if (!neverInterrupted.isEmpty()) {
        throw new AssertionError(
            ("The calling thread was interrupted %s, but %d worker%s (%s) %s never interrupted "
                    + "and counted on, so count %s only once they had finished. The contract says "
                    + "every worker still counting is interrupted: use Future.cancel(true) or "
                    + "shutdownNow(), or interrupt your threads; close() and shutdown() wait for "
                    + "running tasks, and cancel(false) interrupts nobody.")
                .formatted(
                    when,
                    neverInterrupted.size(),
                    neverInterrupted.size() == 1 ? "" : "s",
                    String.join(", ", neverInterrupted),
                    neverInterrupted.size() == 1 ? "was" : "were",
                    outcome.ending()));
      }
      var carriedOn = hold.carriedOn();
      if (!carriedOn.isEmpty()) {
        throw new AssertionError(
            ("A worker swallowed the interrupt: after it was interrupted, %s called "
                    + "InterruptibleWork.countWords again. The contract says an interrupted worker "
                    + "counts nothing more: let the InterruptedException end the task (a Callable "
                    + "may throw it) instead of catching it and carrying on.")
                .formatted(carriedOn.stream().distinct().collect(Collectors.joining(", "))));
      }
      if (outcome.thrown() == null) {
        throw new AssertionError(
            ("count returned %d (the text has %d words) after the calling thread was interrupted "
                    + "%s. The contract says it throws InterruptedException, never a partial "
                    + "count: clean up, then let the InterruptedException reach the caller.")
                .formatted(outcome.result(), WORDS, when));
      }
      if (!(outcome.thrown() instanceof InterruptedException)) {
        throw new AssertionError(
            ("count threw %s after the calling thread was interrupted %s. The contract says it "
                    + "throws InterruptedException, never another exception: rethrow it as it is "
                    + "rather than wrapping it.")
                .formatted(outcome.thrown(), when),
            outcome.thrown());
      }
      if (outcome.workersInside() > 0) {
        throw new AssertionError(
            ("count threw InterruptedException while %s still inside "
                    + "InterruptibleWork.countWords, winding down after the interrupt. The contract "
                    + "says every worker thread has ended by the time count throws: after you "
                    + "interrupt the workers, wait for them (awaitTermination, join), with the "
                    + "interrupt status clear, or that wait throws at once.")
                .formatted(workers(outcome.workersInside())));
      }
      if (outcome.flagSet()) {
        throw new AssertionError(
            "count threw InterruptedException but left the calling thread's interrupt status set. "
                + "The contract says it is cleared when count throws, as by every JDK method that "
                + "throws InterruptedException: the exception reports the interrupt, so don't "
                + "also call Thread.currentThread().interrupt() before you throw it.");
      }
      failIfAlive(alive, outcome);
      if (moment != Moment.BEFORE_THE_CALL && hold.interruptedCount() == 0) {
        throw new AssertionError(
            "count threw InterruptedException, but none of its workers was interrupted. The "
                + "contract says every worker still counting is interrupted.");
      }
    }
  }

  /** Interrupts the caller once the moment has come, from a thread of the test's own. */
  private static final class Interrupter {
    private final Thread thread;
    private volatile boolean momentCame;
    private volatile boolean stopped;

    private Interrupter(WorkerHold hold, Moment moment) {
      BooleanSupplier ready =
          switch (moment) {
            case WHILE_EVERY_WORKER_COUNTS -> () -> hold.heldNow() == WORKERS;
            case WHILE_THE_CALLER_WAITS ->
                () -> hold.heldNow() == WORKERS && waiting(hold.caller());
            case AFTER_ONE_RESULT ->
                () -> hold.firstDone() && hold.heldNow() == WORKERS - 1 && waiting(hold.caller());
            case BEFORE_THE_CALL -> () -> true;
          };
      this.thread =
          Thread.ofPlatform()
              .name("junit-course-interrupter")
              .daemon()
              .start(() -> interruptWhen(hold, ready));
    }

    static Interrupter start(WorkerHold hold, Moment moment) {
      return new Interrupter(hold, moment);
    }

    private static boolean waiting(Thread caller) {
      var state = caller.getState();
      return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private void interruptWhen(WorkerHold hold, BooleanSupplier ready) {
      long end = System.nanoTime() + MOMENT_TIMEOUT.toNanos();
      while (!stopped && !hold.hasCallEnded() && System.nanoTime() - end < 0) {
        if (hold.caller() != null && ready.getAsBoolean()) {
          momentCame = true;
          break;
        }
        pause();
      }
      // Even if the moment never came, interrupt: the count must still end, and say why.
      if (!stopped && !hold.hasCallEnded() && hold.caller() != null) {
        hold.caller().interrupt();
      }
    }

    private static void pause() {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    boolean momentCame() {
      return momentCame;
    }

    void stop() {
      stopped = true;
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Calls count(TEXT, WORKERS) on a Deadline thread, noting what was true the moment it ended. */
  private static Outcome call(WorkerHold hold, boolean interruptFirst) {
    return Deadline.call(
        LIMIT,
        () -> {
          var self = Thread.currentThread();
          hold.callerIs(self);
          if (interruptFirst) {
            self.interrupt();
          }
          try {
            long words = WordCount.count(TEXT, WORKERS);
            return new Outcome(words, null, self.isInterrupted(), hold.inside());
          } catch (Exception e) {
            return new Outcome(null, e, self.isInterrupted(), hold.inside());
          } finally {
            hold.callEnded();
          }
        },
        "WordCount.count(text, %d)".formatted(WORKERS),
        HANG_HINT);
  }

  // ---------------------------------------------------------------- every other path

  @Test
  void counts_every_word_with_nThreads_workers_at_once() {
    for (int n : new int[] {2, 3}) {
      try (var hold = WorkerHold.start(Policy.PASS_ALL);
          var rendezvous =
              Rendezvous.open(n, InterruptibleWork.COUNT_WORDS, Rendezvous.DEFAULT_TIMEOUT)) {
        var outcome = countWatched(hold, TEXT, n);
        var alive = Threads.stillAliveAfter(hold.workers(), GRACE);
        failIfNotWritten(outcome);
        failIfUninterruptible(hold);
        if (outcome.thrown() != null) {
          throw new AssertionError(
              "count(text, %d) threw %s, though nothing interrupted it."
                  .formatted(n, outcome.thrown()),
              outcome.thrown());
        }
        assertEquals(
            WORDS,
            outcome.result(),
            "count(text, %d) returned the wrong number of words: add up the counts of every chunk of Chunks.split(text, %d)."
                .formatted(n, n));
        rendezvous.assertMet(
            "The contract says nThreads workers count at the same time: start every worker before you wait for any result.");
        assertFalse(
            hold.workers().contains(hold.caller()),
            "count counted a chunk on its calling thread: the contract says worker threads count, never the calling thread.");
        assertFalse(
            outcome.flagSet(),
            "count(text, %d) returned with the calling thread's interrupt status set, though nothing interrupted it: don't interrupt the calling thread yourself."
                .formatted(n));
        failIfAlive(alive, outcome);
      }
    }
  }

  @Test
  void every_worker_has_ended_when_a_chunk_fails() {
    try (var hold = WorkerHold.start(Policy.FAIL_FIRST)) {
      var outcome = countWatched(hold, TEXT, WORKERS);
      var alive = Threads.stillAliveAfter(hold.workers(), GRACE);
      failIfNotWritten(outcome);
      failIfUninterruptible(hold);
      var cause = outcome.thrown() == null ? null : outcome.thrown().getCause();
      if (!(outcome.thrown() instanceof ExecutionException)
          || cause == null
          || !WorkerHold.FAILURE.equals(cause.getMessage())) {
        throw new AssertionError(
            ("The test made one chunk's InterruptibleWork.countWords throw IllegalStateException(\"%s\"), "
                    + "but count %s. The contract says count then throws ExecutionException "
                    + "whose cause is that exception.")
                .formatted(
                    WorkerHold.FAILURE,
                    outcome.thrown() == null
                        ? "returned " + outcome.result()
                        : "threw " + outcome.thrown()),
            outcome.thrown());
      }
      if (outcome.workersInside() > 0) {
        throw new AssertionError(
            ("count threw ExecutionException while %s still counting. The contract says "
                    + "every worker thread has ended on every path, a failure too: shut the pool "
                    + "down and wait for it (or join your threads) in a finally block.")
                .formatted(workers(outcome.workersInside())));
      }
      failIfAlive(alive, outcome);
    }
  }

  @Test
  void counts_empty_blank_and_tiny_texts() {
    var texts = List.of("", " \t\n\u2003\u3000", "one", "two words", "a\u00A0b c😀 d\u2028e", TEXT);
    for (var text : texts) {
      for (int n : new int[] {1, 4, 8}) {
        try (var hold = WorkerHold.start(Policy.PASS_ALL)) {
          var outcome = countWatched(hold, text, n);
          var alive = Threads.stillAliveAfter(hold.workers(), GRACE);
          failIfNotWritten(outcome);
          failIfUninterruptible(hold);
          if (outcome.thrown() != null) {
            throw new AssertionError(
                "count(%s, %d) threw %s.".formatted(Texts.show(text), n, outcome.thrown()),
                outcome.thrown());
          }
          assertEquals(
              (long) Texts.words(text).size(),
              outcome.result(),
              "count(%s, %d) returned the wrong number of words (more threads than words is fine: Chunks.split returns fewer chunks)."
                  .formatted(Texts.show(text), n));
          failIfAlive(alive, outcome);
        }
      }
    }
  }

  @Test
  void rejects_null_text_and_fewer_than_one_thread() {
    try (var hold = WorkerHold.start(Policy.PASS_ALL)) {
      var outcome = countWatched(hold, null, 2);
      failIfNotWritten(outcome);
      assertInstanceOf(
          NullPointerException.class,
          outcome.thrown(),
          "count(null, 2) must throw NullPointerException, but it " + outcome.ending() + ".");
      for (int n : new int[] {0, -1}) {
        outcome = countWatched(hold, "some words", n);
        assertInstanceOf(
            IllegalArgumentException.class,
            outcome.thrown(),
            "count(text, %d) must throw IllegalArgumentException (at least one worker is needed), but it %s."
                .formatted(n, outcome.ending()));
      }
    }
  }

  // ---------------------------------------------------------------- shared checks

  private static Outcome countWatched(WorkerHold hold, String text, int n) {
    return Deadline.call(
        () -> {
          var self = Thread.currentThread();
          hold.callerIs(self);
          try {
            long words = WordCount.count(text, n);
            return new Outcome(words, null, self.isInterrupted(), hold.inside());
          } catch (Exception e) {
            return new Outcome(null, e, self.isInterrupted(), hold.inside());
          } finally {
            hold.callEnded();
          }
        },
        "WordCount.count(%s, %d)".formatted(text == null ? "null" : Texts.show(text), n),
        "Check that you start every worker before you wait for any result.");
  }

  /** "1 of its workers was" or "3 of its workers were", for the messages. */
  private static String workers(int n) {
    return n + " of its workers " + (n == 1 ? "was" : "were");
  }

  private static void failIfNotWritten(Outcome outcome) {
    if (outcome.thrown() instanceof UnsupportedOperationException todo) {
      throw new AssertionError("WordCount.count is not written yet: it threw " + todo + ".", todo);
    }
  }

  private static void failIfUninterruptible(WorkerHold hold) {
    if (hold.uninterruptibleCalls() > 0) {
      throw new AssertionError(
          ("count called Chunks.countWords (%d calls): that loop never looks at the interrupt "
                  + "status, so no interrupt can stop a worker inside it. The contract says the "
                  + "chunks are counted with InterruptibleWork.countWords.")
              .formatted(hold.uninterruptibleCalls()));
    }
  }

  private static void failIfAlive(List<Thread> alive, Outcome outcome) {
    if (!alive.isEmpty()) {
      throw new AssertionError(
          ("%d worker thread%s (%s) %s still alive %d s after count %s. The contract says every "
                  + "worker thread has ended on every path: shut the pool down and wait for it "
                  + "(or join your threads) in a finally block, however count ends; a pool that is "
                  + "never shut down keeps its threads waiting for work.")
              .formatted(
                  alive.size(),
                  alive.size() == 1 ? "" : "s",
                  alive.stream().map(Thread::getName).collect(Collectors.joining(", ")),
                  alive.size() == 1 ? "was" : "were",
                  GRACE.toSeconds(),
                  outcome.ending()));
    }
  }
}
