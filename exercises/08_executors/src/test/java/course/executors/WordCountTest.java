package course.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import course.support.Chunks;
import course.support.WorkProbe;
import course.support.testing.CountingContract;
import course.support.testing.Deadline;
import course.support.testing.ForcedInterleaving;
import course.support.testing.NoLeftovers;
import course.support.testing.Rendezvous;
import course.support.testing.SharedUpdates;
import course.support.testing.Texts;
import course.support.testing.Threads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(NoLeftovers.class)
class WordCountTest implements CountingContract {

  @Override
  public Spec contract() {
    return new Spec(WordCount::count, "threads", HANG_HINT);
  }

  private static final String HANG_HINT =
      "Check that you submit every task before you get() any result, and that you close the "
          + "pool only after the tasks were handed to it.";

  /** The thread that called count() in the last call through {@link #count}. */
  private final AtomicReference<Thread> caller = new AtomicReference<>();

  private long count(String text, int nThreads) {
    return Deadline.call(
        () -> {
          caller.set(Thread.currentThread());
          return WordCount.count(text, nThreads);
        },
        "WordCount.count(text, %d)".formatted(nThreads),
        HANG_HINT);
  }

  @Test
  void reports_an_interrupt_while_it_waits_as_an_InterruptedException() {
    // The test holds every worker at the start of its count, interrupts the calling thread while
    // it waits for them, and only then lets the workers go.
    var text = Texts.generate(27, 2_000);
    Threads.assertInterruptedExceptionWhenInterruptedWhileWaiting(
        () -> WordCount.count(text, 2),
        WorkProbe.COUNT_WORDS,
        "count(text, 2)",
        "Let the InterruptedException of invokeAll() or Future.get() propagate: declare it, do not catch it and return what was counted so far.");
  }

  @ParameterizedTest(name = "with {0} threads")
  @ValueSource(ints = {1, 2, 3, 4, 8})
  void counts_the_same_as_a_sequential_count(int nThreads) {
    var text = Texts.generate(80 + nThreads, 3_000);
    assertEquals(
        3_000,
        count(text, nThreads),
        "count(text of 3000 words, %d) returned the wrong total. Add up get() of every future."
            .formatted(nThreads));
  }

  @Test
  void counts_every_chunk_on_a_pool_thread() {
    var text = Texts.generate(81, 4_000);
    int chunks = Chunks.split(text, 4).size();
    try (var workers = Workers.watch()) {
      count(text, 4);
      assertEquals(
          chunks,
          workers.calls().size(),
          "Expected Chunks.countWords to be called once per chunk (%d chunks), but it was called %d times."
              .formatted(chunks, workers.calls().size()));
      for (var call : workers.calls()) {
        if (call.thread() == caller.get()) {
          fail(
              "A chunk was counted on the thread that called count(): hand every chunk to the "
                  + "pool as a task, and only wait for the futures on the calling thread.");
        }
        if (!call.insideAnExecutor()) {
          fail(
              ("A chunk was counted on thread '%s', which no executor runs: submit the tasks to "
                      + "an ExecutorService (Executors.newFixedThreadPool) instead of starting Threads "
                      + "yourself.")
                  .formatted(call.thread().getName()));
        }
      }
    }
  }

  @Test
  void runs_the_tasks_at_the_same_time() {
    var text = Texts.generate(82, 2_000);
    try (var rendezvous = Rendezvous.open(2)) {
      assertEquals(2_000, count(text, 2), "count(text of 2000 words, 2) returned the wrong total.");
      rendezvous.assertMet(
          "A pool of one thread (newSingleThreadExecutor), or a get() right after each submit(), "
              + "counts one chunk at a time: size the pool to nThreads and submit every task "
              + "before you get() any result.");
    }
  }

  @Test
  void runs_as_many_tasks_at_once_as_threads_were_asked_for() {
    var text = Texts.generate(83, 4_000);
    try (var rendezvous = Rendezvous.open(4)) {
      assertEquals(4_000, count(text, 4), "count(text of 4000 words, 4) returned the wrong total.");
      rendezvous.assertMet(
          "count(text, 4) must run 4 tasks at once: give the pool nThreads threads (or one per "
              + "chunk), not a fixed small number.");
    }
  }

  @Test
  void shuts_down_the_pool_before_returning() {
    var text = Texts.generate(84, 2_000);
    try (var workers = Workers.watch()) {
      count(text, 2);
      var alive = workers.stillAliveAfterGrace();
      assertTrue(
          alive.isEmpty(),
          ("count() returned, but the pool's threads %s are still alive, waiting for more work. "
                  + "Shut down the pool: open it in try-with-resources (close() shuts it down and "
                  + "waits), or call shutdown() in a finally block.")
              .formatted(alive));
    }
  }

  private static final String POOL_ENDED =
      "The Javadoc says the pool's threads have ended when count returns, normally or not: "
          + "shutdown() only stops the pool from taking new tasks, so wait until the pool has "
          + "terminated before you return (book/08_executors.md, \"Closing the pool\").";

  @Test
  void has_ended_the_pool_threads_when_it_returns() {
    // A pool thread that has handed over its last result still has to end, a moment too short for
    // a normal run to see. So the test gives the pool one more task just before your code shuts it
    // down, a task that keeps its thread at work until count waits for the pool.
    ForcedInterleaving.assertEndsItsPoolThreads(
        WordCount.class,
        "count",
        new Object[] {Texts.generate(88, 2_000), 2},
        "count(text, 2)",
        POOL_ENDED);
  }

  @Test
  void has_ended_the_pool_threads_when_a_task_fails() {
    var text = Texts.generate(89, 1_000) + " poison " + Texts.generate(90, 1_000);
    WorkProbe.Listener saboteur =
        new WorkProbe.Listener() {
          @Override
          public void beforeWork(String work, Object input) {
            if (input instanceof CharSequence chunk && chunk.toString().contains("poison")) {
              throw new IllegalStateException("planted by the test: the chunk holding 'poison'");
            }
          }
        };
    try (var sabotage = WorkProbe.install(saboteur)) {
      ForcedInterleaving.assertEndsItsPoolThreads(
          WordCount.class,
          "count",
          new Object[] {text, 2},
          "count(text, 2) with a task that throws",
          POOL_ENDED);
    }
  }

  @Test
  void passes_a_task_failure_to_the_caller_with_its_cause() {
    var text = Texts.generate(85, 1_000) + " poison " + Texts.generate(86, 1_000);
    var planted = new IllegalStateException("planted by the test: the chunk holding 'poison'");
    WorkProbe.Listener saboteur =
        new WorkProbe.Listener() {
          @Override
          public void beforeWork(String work, Object input) {
            if (input instanceof CharSequence chunk && chunk.toString().contains("poison")) {
              throw planted;
            }
          }
        };
    try (var workers = Workers.watch();
        var sabotage = WorkProbe.install(saboteur)) {
      var thrown =
          Deadline.call(
              () ->
                  assertThrows(
                      Exception.class,
                      () -> WordCount.count(text, 2),
                      "count(text, 2) returned normally, but one of its tasks threw: call get() on "
                          + "every future, and let its ExecutionException reach the caller."),
              "WordCount.count(text, 2) with a failing task",
              "When a task fails, make sure your code does not wait for a result that never comes.");
      if (!(thrown instanceof ExecutionException)) {
        fail(
            ("count(text, 2) threw %s, but a task's failure must reach the caller as the "
                    + "ExecutionException that Future.get() throws: do not catch it or wrap it.")
                .formatted(thrown));
      }
      assertSame(
          planted,
          thrown.getCause(),
          "The ExecutionException must carry the task's own exception as its cause; got cause %s."
              .formatted(thrown.getCause()));
      var alive = workers.stillAliveAfterGrace();
      assertTrue(
          alive.isEmpty(),
          ("After a task failed, the pool's threads %s are still alive: the pool was not shut "
                  + "down on the failure path. Use try-with-resources (or shutdown() in a finally "
                  + "block) so the pool is closed however count() ends.")
              .formatted(alive));
    }
  }

  @Test
  void gives_the_same_answer_every_time() {
    var text = Texts.generate(87, 5_000);
    for (int run = 1; run <= 30; run++) {
      long words = count(text, 4);
      int attempt = run;
      assertTrue(
          words == 5_000,
          () ->
              "Run %d of 30 of count(text of 5000 words, 4) returned %d. Sum the values the futures return, not a shared counter the tasks update."
                  .formatted(attempt, words));
    }
  }

  /** Watches Chunks.countWords: which thread counted, and whether an executor was running it. */
  private static final class Workers implements AutoCloseable {

    record Call(Thread thread, boolean insideAnExecutor) {}

    private final List<Call> calls = new ArrayList<>();
    private final WorkProbe.Registration registration;

    private Workers() {
      registration =
          WorkProbe.install(
              new WorkProbe.Listener() {
                @Override
                public void beforeWork(String work, Object input) {
                  if (work.equals(WorkProbe.COUNT_WORDS)) {
                    var call = new Call(Thread.currentThread(), runByAnExecutor());
                    synchronized (calls) {
                      calls.add(call);
                    }
                  }
                }
              });
    }

    static Workers watch() {
      return new Workers();
    }

    List<Call> calls() {
      synchronized (calls) {
        return List.copyOf(calls);
      }
    }

    /** The names of the threads that did work and are alive 3 s after the call returned. */
    Set<String> stillAliveAfterGrace() {
      var threads =
          calls().stream()
              .map(Call::thread)
              .filter(thread -> thread != Thread.currentThread())
              .distinct()
              .toList();
      return Threads.stillAliveAfter(threads, Duration.ofSeconds(3)).stream()
          .map(Thread::getName)
          .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * Whether one of the methods on the current stack belongs to an {@link Executor}: a
     * ThreadPoolExecutor's worker loop, a ForkJoinPool's, a thread-per-task executor's. A thread
     * started by hand runs the task straight from Thread.run.
     */
    private static boolean runByAnExecutor() {
      return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
          .walk(
              frames ->
                  frames.anyMatch(
                      frame ->
                          Executor.class.isAssignableFrom(
                              frame.getDeclaringClass().getNestHost())));
    }

    @Override
    public void close() {
      registration.close();
    }
  }

  @Test
  void adds_up_the_results_without_a_race() {
    // A race with a window of nanoseconds (`total += n` on shared memory, per-call state in a
    // static field) shows in no test run: the course reads the compiled code instead.
    SharedUpdates.assertNone(
        WordCount.class,
        "Return each chunk's count from its task and add up the futures' results on the calling thread (or use an AtomicLong or LongAdder).");
  }
}
