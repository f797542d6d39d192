package course.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import course.support.SlowSource;
import course.support.WorkProbe;
import course.support.testing.Deadline;
import course.support.testing.NoLeftovers;
import course.support.testing.Rendezvous;
import course.support.testing.Texts;
import course.support.testing.WorkLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each test checks one sentence of {@code countAll}'s Javadoc. The executor is the test's own
 * ({@link TestExecutor}): it knows its threads, counts its tasks, and can hold them back, run them
 * newest first, or finish each one before {@code execute} returns, so every check holds however
 * fast or loaded the machine is. They run in the order of the lesson: the result, which threads,
 * nothing waits, failures, and bad input last.
 */
@ExtendWith(NoLeftovers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WordCountTest {

  private static final String RETURN_HINT =
      "countAll must only set the steps up and return the future: do not join() or get() any "
          + "future inside countAll.";

  private static final String COMPLETE_HINT =
      "Check that every source's step completes, on failure too, and that the steps are combined "
          + "into the future you return.";

  /** How long a future may take to complete once its tasks can run: generous, never reached. */
  private static final Duration COMPLETION = Duration.ofSeconds(15);

  /** Sources for a test, and the number of words they hold by the oracle. */
  private record Fixture(List<SlowSource> sources, long words) {
    SlowSource get(int i) {
      return sources.get(i);
    }
  }

  /** {@code count} sources of about {@code words} words each (every fifth one blank). */
  private static Fixture fixture(int count, int words, Duration latency) {
    var texts =
        IntStream.range(0, count)
            .mapToObj(i -> i % 5 == 4 ? " \t\u2003\n" : Texts.generate(1_400 + i, words + i))
            .toList();
    var sources =
        IntStream.range(0, count)
            .mapToObj(i -> new SlowSource("source-" + i, texts.get(i), latency))
            .toList();
    long total = texts.stream().mapToLong(text -> Texts.words(text).size()).sum();
    return new Fixture(sources, total);
  }

  /** Calls countAll through a deadline; fails if it does not return or returns null. */
  private static CompletableFuture<Long> countAll(List<SlowSource> sources, Executor executor) {
    var future =
        Deadline.call(
            () -> WordCount.countAll(sources, executor),
            "WordCount.countAll(%d sources, executor)".formatted(sources.size()),
            RETURN_HINT);
    assertNotNull(
        future, "countAll returned null: return the CompletableFuture<Long> of the total.");
    return future;
  }

  /** How a future ended: with a value, or with a failure (CompletionException unwrapped). */
  private record Outcome(Long value, Throwable failure) {}

  private static Outcome await(CompletableFuture<Long> future, String what) {
    try {
      return new Outcome(future.get(COMPLETION.toSeconds(), TimeUnit.SECONDS), null);
    } catch (TimeoutException e) {
      return fail(
          "%s did not complete within %d s. %s"
              .formatted(what, COMPLETION.toSeconds(), COMPLETE_HINT));
    } catch (ExecutionException e) {
      return new Outcome(null, unwrap(e.getCause()));
    } catch (CancellationException e) {
      return new Outcome(null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("The test was interrupted while it waited for " + what);
    }
  }

  /** The total the future completes with, or a failure that says why there is none. */
  private static long valueOf(CompletableFuture<Long> future, String what) {
    var outcome = await(future, what);
    if (outcome.failure() != null) {
      throw new AssertionError(
          "%s completed exceptionally with %s, but no read failed in this test."
              .formatted(what, outcome.failure()),
          outcome.failure());
    }
    assertNotNull(outcome.value(), what + " completed with null: complete it with the total.");
    return outcome.value();
  }

  private static Throwable unwrap(Throwable failure) {
    while (failure instanceof CompletionException && failure.getCause() != null) {
      failure = failure.getCause();
    }
    return failure;
  }

  // ---------------------------------------------------------------- the result

  @Test
  @Order(1)
  void counts_the_words_of_every_source() {
    var fixture = fixture(12, 300, Duration.ofMillis(5));
    try (var executor = TestExecutor.fixed(4)) {
      var future = countAll(fixture.sources(), executor);
      assertEquals(
          fixture.words(),
          valueOf(future, "The future of countAll(12 sources)"),
          "countAll(12 sources) completed with the wrong total: add up Chunks.countWords(text) of "
              + "every source's text, each source once.");
    }
  }

  @Test
  @Order(2)
  void counts_zero_words_without_sources_and_in_blank_ones() {
    try (var executor = TestExecutor.fixed(2)) {
      assertEquals(
          0,
          valueOf(countAll(List.of(), executor), "The future of countAll(no sources)"),
          "countAll(no sources) must complete with 0.");
      var blank =
          List.of(
              new SlowSource("empty", "", Duration.ZERO),
              new SlowSource("blank", " \t\u2003\n", Duration.ofMillis(1)));
      assertEquals(
          0,
          valueOf(countAll(blank, executor), "The future of countAll(an empty and a blank source)"),
          "countAll(an empty and a blank source) must complete with 0.");
    }
  }

  // ---------------------------------------------------------------- which threads

  @Test
  @Order(3)
  void reads_and_counts_every_source_on_a_thread_of_the_given_executor() {
    var fixture = fixture(8, 100, Duration.ofMillis(10));
    try (var executor = TestExecutor.fixed(4);
        var log = WorkLog.start()) {
      var future = countAll(fixture.sources(), executor);
      var caller = Deadline.caller();
      valueOf(future, "The future of countAll(8 sources)");
      var reads = log.calls(SlowSource.READ);
      assertEquals(
          8,
          reads.size(),
          "Expected source.read() to be called once per source (8), but it was called %d times."
              .formatted(reads.size()));
      var counts = log.calls(WorkProbe.COUNT_WORDS);
      assertTrue(
          counts.size() >= 8,
          "Expected Chunks.countWords to count every source's text (8 sources), but it was called "
              + "%d times.".formatted(counts.size()));
      assertAllOnTheExecutor(reads, "read", caller, executor);
      assertAllOnTheExecutor(counts, "counted", caller, executor);
    }
  }

  @Test
  @Order(4)
  void counts_on_the_executor_even_when_the_reads_are_done_before_countAll_returns() {
    // This executor finishes each task before execute() returns: by the time supplyAsync returns,
    // its future is complete, so a stage added to it without "Async" runs on the caller.
    var fixture = fixture(4, 50, Duration.ZERO);
    try (var executor = TestExecutor.runningEachTaskBeforeReturning();
        var log = WorkLog.start()) {
      var future = countAll(fixture.sources(), executor);
      var caller = Deadline.caller();
      valueOf(future, "The future of countAll(4 sources)");
      assertAllOnTheExecutor(log.calls(SlowSource.READ), "read", caller, executor);
      assertAllOnTheExecutor(log.calls(WorkProbe.COUNT_WORDS), "counted", caller, executor);
    }
  }

  private static void assertAllOnTheExecutor(
      List<WorkLog.Call> calls, String what, Thread caller, TestExecutor executor) {
    for (var call : calls) {
      if (call.threadId() == caller.threadId()) {
        fail(
            ("A source was %s on the thread that called countAll ('%s'), not on the executor. A "
                    + "stage added without \"Async\" (thenApply, thenCompose...) runs on the thread "
                    + "that completes the stage before it, or on the thread that adds it when that "
                    + "stage is complete already. Read and count inside the executor's tasks, or use "
                    + "the *Async variant with the executor.")
                .formatted(what, call.threadName()));
      }
      boolean ours = executor.threadIdsSeen().contains(call.threadId());
      if (!ours) {
        fail(
            ("A source was %s on thread '%s', which is not a thread of the given executor. An "
                    + "*Async method without an executor argument (supplyAsync(supplier), "
                    + "thenApplyAsync(fn)) runs on CompletableFuture's default pool, the common "
                    + "pool: pass the executor to every one of them.")
                .formatted(what, call.threadName()));
      }
    }
  }

  @Test
  @Order(5)
  void has_every_read_in_flight_at_the_same_time() {
    var fixture = fixture(6, 40, Duration.ofMillis(5));
    try (var executor = TestExecutor.fixed(6);
        var rendezvous = Rendezvous.open(6, SlowSource.READ, Rendezvous.DEFAULT_TIMEOUT)) {
      var future = countAll(fixture.sources(), executor);
      assertEquals(
          fixture.words(),
          valueOf(future, "The future of countAll(6 sources)"),
          "countAll(6 sources) completed with the wrong total.");
      rendezvous.assertMet(
          "The executor had a thread for each of the 6 sources: give it one task per source, all "
              + "before any of them has ended, so that no read waits for another one to finish.");
    }
  }

  // ---------------------------------------------------------------- nothing waits

  @Test
  @Order(6)
  void returns_its_future_before_the_executor_has_run_anything() {
    var fixture = fixture(8, 60, Duration.ofMillis(5));
    try (var executor = TestExecutor.gated(4, TestExecutor.Order.OLDEST_FIRST)) {
      var future =
          Deadline.call(
              Duration.ofSeconds(10),
              () -> WordCount.countAll(fixture.sources(), executor),
              "WordCount.countAll(8 sources, executor)",
              "The test's executor held every task back until countAll returned, so no read could "
                  + "end while countAll ran: "
                  + RETURN_HINT);
      assertNotNull(future, "countAll returned null: return the CompletableFuture<Long>.");
      executor.open();
      assertEquals(
          fixture.words(),
          valueOf(future, "The future of countAll(8 sources)"),
          "countAll(8 sources) completed with the wrong total.");
    }
  }

  @Test
  @Order(7)
  void completes_on_a_single_thread_that_takes_the_oldest_task_first() {
    completesOnOneThread(TestExecutor.Order.OLDEST_FIRST);
  }

  @Test
  @Order(8)
  void completes_on_a_single_thread_that_takes_the_newest_task_first() {
    completesOnOneThread(TestExecutor.Order.NEWEST_FIRST);
  }

  private static void completesOnOneThread(TestExecutor.Order order) {
    var fixture = fixture(6, 40, Duration.ofMillis(2));
    var what = "The future of countAll(6 sources, an executor of one thread)";
    try (var executor = TestExecutor.gated(1, order)) {
      var future = countAll(fixture.sources(), executor);
      executor.open();
      long deadline = System.nanoTime() + COMPLETION.toNanos();
      while (!future.isDone()) {
        var stuck = executor.threadWaitingWhileTasksQueue();
        if (stuck.isPresent()) {
          fail(
              ("The executor's only thread %s, while %d task(s) wait in its queue for that very "
                      + "thread: the pool starves. A task or stage must never wait for another "
                      + "one's result; combine the futures (thenCombine, allOf) and let their "
                      + "completion run the next step.")
                  .formatted(stuck.get(), executor.queued()));
        }
        if (System.nanoTime() - deadline > 0) {
          fail(
              "%s did not complete within %d s; the executor's thread: %s. No task you give the executor may wait for another."
                  .formatted(what, COMPLETION.toSeconds(), executor.whereThreadsAre()));
        }
        sleep(10);
      }
      assertEquals(
          fixture.words(),
          valueOf(future, what),
          "countAll(6 sources) completed with the wrong total.");
    }
  }

  // ---------------------------------------------------------------- failures

  /** Makes the read of one source fail, as a broken connection would. */
  private static WorkProbe.Registration failRead(SlowSource failing, Throwable[] thrown) {
    return WorkProbe.install(
        new WorkProbe.Listener() {
          @Override
          public void beforeWork(String work, Object input) {
            if (work.equals(SlowSource.READ) && input == failing) {
              var failure = new UncheckedIOException(new IOException("connection reset by peer"));
              thrown[0] = failure;
              throw failure;
            }
          }
        });
  }

  @Test
  @Order(9)
  void a_failed_read_completes_the_future_with_a_SourceReadException_that_names_it() {
    var fixture = fixture(6, 40, Duration.ofMillis(5));
    var failing = fixture.get(2);
    var thrown = new Throwable[1];
    try (var executor = TestExecutor.fixed(4);
        var failure = failRead(failing, thrown)) {
      var outcome = await(countAll(fixture.sources(), executor), "The future of countAll");
      assertReportsFailure(
          outcome, failing, thrown[0], "threw an UncheckedIOException (connection reset by peer)");
    }
  }

  @Test
  @Order(10)
  void an_interrupted_read_completes_the_future_with_a_SourceReadException_too() {
    var fixture = fixture(6, 40, Duration.ofMillis(5));
    var failing = fixture.get(3);
    try (var executor = TestExecutor.fixed(4);
        var interrupt =
            WorkProbe.install(
                new WorkProbe.Listener() {
                  @Override
                  public void beforeWork(String work, Object input) {
                    if (work.equals(SlowSource.READ) && input == failing) {
                      Thread.currentThread().interrupt(); // the read's sleep throws at once
                    }
                  }
                })) {
      var outcome = await(countAll(fixture.sources(), executor), "The future of countAll");
      assertReportsFailure(
          outcome, failing, null, "was interrupted (it threw InterruptedException)");
    }
  }

  /**
   * Fails unless {@code outcome} is a SourceReadException for {@code failing}, with {@code thrown}
   * (or, when null, an InterruptedException) as its cause.
   */
  private static void assertReportsFailure(
      Outcome outcome, SlowSource failing, Throwable thrown, String how) {
    var name = failing.name();
    if (outcome.failure() == null) {
      fail(
          ("The future completed normally with %d, but the read of '%s' %s: a failed read must "
                  + "complete the future exceptionally. Do not turn a failure into a count (an "
                  + "exceptionally(e -> 0L), a catch that returns 0).")
              .formatted(outcome.value(), name, how));
    }
    var failure = outcome.failure();
    if (!(failure instanceof SourceReadException read)) {
      throw new AssertionError(
          ("The read of '%s' %s, and the future completed exceptionally with %s: that does not "
                  + "say which source failed. Report it as a SourceReadException(source, cause), "
                  + "whatever the read throws.")
              .formatted(name, how, failure),
          failure);
    }
    if (read.source() != failing) {
      fail(
          "The SourceReadException names '%s', but the read that failed was '%s': give it the source whose read failed."
              .formatted(read.source() == null ? null : read.source().name(), name));
    }
    var cause = unwrap(read.getCause());
    boolean rightCause = thrown != null ? cause == thrown : cause instanceof InterruptedException;
    if (!rightCause) {
      throw new AssertionError(
          ("The SourceReadException for '%s' has %s as its cause; expected what the read threw "
                  + "(%s): pass the read's own exception as the cause.")
              .formatted(name, cause, thrown != null ? thrown : "an InterruptedException"),
          read);
    }
  }

  @Test
  @Order(11)
  void completes_only_once_every_read_has_ended() {
    var fixture = fixture(4, 30, Duration.ofMillis(5));
    var failing = fixture.get(1);
    var held = fixture.get(3);
    var heldStarted = new CountDownLatch(1);
    var failed = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var readsUnderWay = new AtomicInteger();
    try (var executor = TestExecutor.fixed(4);
        var probe =
            WorkProbe.install(
                new WorkProbe.Listener() {
                  @Override
                  public void beforeWork(String work, Object input) {
                    if (!work.equals(SlowSource.READ)) {
                      return;
                    }
                    if (input == failing) {
                      // So that one read is surely under way when this one fails.
                      awaitQuietly(heldStarted, Duration.ofSeconds(5));
                      failed.countDown();
                      throw new UncheckedIOException(new IOException("connection reset by peer"));
                    }
                    readsUnderWay.incrementAndGet();
                    if (input == held) {
                      heldStarted.countDown();
                      awaitQuietly(release, COMPLETION);
                    }
                  }

                  @Override
                  public void afterWork(String work, Object input) {
                    if (work.equals(SlowSource.READ) && input != failing) {
                      readsUnderWay.decrementAndGet();
                    }
                  }
                })) {
      var future = countAll(fixture.sources(), executor);
      // Runs as the future completes, before anyone else releases the held read: it sees exactly
      // how many reads were under way at that moment.
      var underWayAtCompletion =
          future.handle(
              (total, failure) -> {
                int underWay = readsUnderWay.get();
                release.countDown();
                return underWay;
              });
      await(failed);
      try {
        // A future that does not wait for the held read completes within moments of the failure.
        future.get(2, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        release.countDown(); // what a right solution gets to: the held read has not ended
      } catch (ExecutionException | CancellationException e) {
        // completed: the handler above has released the held read
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      var outcome = await(future, "The future of countAll");
      int underWay =
          underWayAtCompletion.orTimeout(COMPLETION.toSeconds(), TimeUnit.SECONDS).join();
      if (underWay != 0) {
        fail(
            ("The future completed while %d read(s) were still under way (the read of '%s' was "
                    + "held back): complete it only once every source's step has ended, for "
                    + "instance by combining them all with allOf or thenCombine.")
                .formatted(underWay, held.name()));
      }
      if (!(outcome.failure() instanceof SourceReadException)) {
        fail(
            "The read of '%s' failed, so the future must complete with a SourceReadException; it completed with %s."
                .formatted(
                    failing.name(),
                    outcome.failure() != null ? outcome.failure() : outcome.value()));
      }
    }
  }

  // ---------------------------------------------------------------- bad input

  @Test
  @Order(12)
  void rejects_null_at_once_before_giving_the_executor_anything() {
    var sources = fixture(3, 10, Duration.ZERO).sources();
    try (var executor = TestExecutor.fixed(2)) {
      expectNullPointer(null, executor, "countAll(null, executor)", executor);
      expectNullPointer(sources, null, "countAll(sources, null)", executor);
      var withNull = new ArrayList<>(sources);
      withNull.add(null);
      expectNullPointer(withNull, executor, "countAll(a list that holds null, executor)", executor);
    }
  }

  private static void expectNullPointer(
      List<SlowSource> sources, Executor given, String what, TestExecutor executor) {
    int before = executor.tasksGiven();
    Object result =
        Deadline.call(
            () -> {
              try {
                return WordCount.countAll(sources, given);
              } catch (RuntimeException e) {
                return e;
              }
            },
            what,
            RETURN_HINT);
    if (result instanceof CompletableFuture<?> future) {
      fail(
          ("%s must throw NullPointerException itself, at once; it returned a future instead (%s). "
                  + "Bad arguments are the caller's mistake: check them before you set up any step.")
              .formatted(what, describe(future)));
    }
    if (!(result instanceof NullPointerException)) {
      fail(
          "%s must throw NullPointerException, but it %s.".formatted(what, describeResult(result)));
    }
    int tasks = executor.tasksGiven() - before;
    if (tasks != 0) {
      fail(
          "%s threw NullPointerException, but only after giving %d task(s) to the executor: check every argument before any task is given to the executor."
              .formatted(what, tasks));
    }
  }

  private static String describe(CompletableFuture<?> future) {
    if (!future.isDone()) {
      return "not complete yet";
    }
    try {
      return "completed with " + future.join();
    } catch (CompletionException | CancellationException e) {
      return "completed exceptionally with " + unwrap(e);
    }
  }

  private static String describeResult(Object result) {
    return result == null ? "returned null" : "threw " + result;
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(COMPLETION.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("The test waited in vain for a read to start: " + COMPLETE_HINT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(CountDownLatch latch, Duration limit) {
    try {
      latch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
