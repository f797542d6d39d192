package course.forkjoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.support.WorkProbe;
import course.support.testing.BadInput;
import course.support.testing.Deadline;
import course.support.testing.NoLeftovers;
import course.support.testing.Rendezvous;
import course.support.testing.SharedUpdates;
import course.support.testing.Texts;
import course.support.testing.WorkLog;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WordCount's three entry points: the common pool, a pool of the caller's, a parallel stream. */
@ExtendWith(NoLeftovers.class)
class WordCountTest {

  /** About 250,000 chars: some 30 pieces of WordCountTask.DEFAULT_THRESHOLD. */
  private static final int LARGE = 40_000;

  private static final String HANG_HINT =
      "Check that every split makes progress, and that you join() every task you fork().";

  @ParameterizedTest(name = "{0} words")
  @ValueSource(ints = {1, 10, 1_000, LARGE})
  void counts_right_in_the_common_pool(int words) {
    var text = Texts.generate(100 + words, words);
    long counted = Deadline.call(() -> WordCount.count(text), "WordCount.count(text)", HANG_HINT);
    assertEquals(
        words,
        counted,
        "count(text of %d words) counted wrong: invoke a WordCountTask in the common pool."
            .formatted(words));
  }

  @Test
  void count_splits_the_text_with_the_task() {
    var text = Texts.generate(101, LARGE);
    try (var log = WorkLog.start()) {
      Deadline.call(() -> WordCount.count(text), "WordCount.count(text)", HANG_HINT);
      var calls = log.calls(WorkProbe.COUNT_WORDS);
      int longest = calls.stream().mapToInt(WorkLog.Call::inputLength).max().orElse(0);
      assertTrue(
          calls.size() >= 2 && longest <= WordCountTask.DEFAULT_THRESHOLD,
          ("count(text of %d chars) must count through a WordCountTask, which splits it into "
                  + "pieces of at most %d chars; but Chunks.countWords was called %d time(s), on up "
                  + "to %d chars.")
              .formatted(text.length(), WordCountTask.DEFAULT_THRESHOLD, calls.size(), longest));
    }
  }

  @Test
  void count_without_a_pool_runs_in_the_common_pool() {
    // The common pool's own workers, or the calling thread, which helps while it waits: any other
    // thread belongs to a pool that count(text) should not have made.
    var text = Texts.generate(105, LARGE);
    var caller = new java.util.concurrent.atomic.AtomicReference<Thread>();
    var elsewhere = new java.util.concurrent.atomic.AtomicReference<String>();
    try (var watch =
        WorkProbe.install(
            new WorkProbe.Listener() {
              @Override
              public void beforeWork(String work, Object input) {
                var me = Thread.currentThread();
                boolean common =
                    me instanceof ForkJoinWorkerThread worker
                        && worker.getPool() == ForkJoinPool.commonPool();
                if (!common && me != caller.get()) {
                  elsewhere.compareAndSet(null, me.getName());
                }
              }
            })) {
      Deadline.call(
          () -> {
            caller.set(Thread.currentThread());
            return WordCount.count(text);
          },
          "WordCount.count(text)",
          HANG_HINT);
    }
    assertTrue(
        elsewhere.get() == null,
        ("count(text) counted a piece on thread '%s', which is not a worker of the common pool: "
                + "the Javadoc names ForkJoinPool.commonPool(), which is always there and never "
                + "needs closing; a pool of your own costs threads at every call "
                + "(book/09_forkjoin.md, \"The common pool and your own pools\").")
            .formatted(elsewhere.get()));
  }

  @Test
  void count_leaves_the_callers_pool_open() {
    var text = Texts.generate(106, 1_000);
    try (var pool = new ForkJoinPool(2)) {
      Deadline.call(() -> WordCount.count(text, pool), "WordCount.count(text, pool)", HANG_HINT);
      assertTrue(
          !pool.isShutdown(),
          "count(text, pool) shut down the pool it was given. The pool belongs to the caller, "
              + "says the Javadoc: the caller may count with it again, so do not close it "
              + "(no try-with-resources on a pool you did not make).");
      assertEquals(
          1_000L,
          Deadline.call(
              () -> WordCount.count(text, pool), "WordCount.count(text, pool)", HANG_HINT),
          "A second count(text, pool) with the same pool counted wrong.");
    }
  }

  @Test
  void count_runs_in_the_pool_it_is_given() {
    var text = Texts.generate(102, LARGE);
    try (var pool = new ForkJoinPool(2);
        var rendezvous = Rendezvous.open(2)) {
      var inPool = new AtomicBoolean(true);
      try (var watch =
          WorkProbe.install(
              new WorkProbe.Listener() {
                @Override
                public void beforeWork(String work, Object input) {
                  if (!(Thread.currentThread() instanceof ForkJoinWorkerThread worker
                      && worker.getPool() == pool)) {
                    inPool.set(false);
                  }
                }
              })) {
        long counted =
            Deadline.call(
                () -> WordCount.count(text, pool), "WordCount.count(text, pool)", HANG_HINT);
        assertEquals(LARGE, counted, "count(text, pool) counted wrong.");
      }
      assertTrue(
          inPool.get(),
          "count(text, pool) counted on a thread that is not one of the pool's workers: "
              + "start the task with pool.invoke(task), not task.invoke() or the common pool.");
      rendezvous.assertMet(
          "count(text, pool) with a pool of 2 never had both workers counting: make sure the "
              + "task forks, and that it runs in the given pool.");
    }
  }

  @ParameterizedTest(name = "{0} words")
  @ValueSource(ints = {0, 1, 10, 1_000, LARGE})
  void the_parallel_stream_counts_right(int words) {
    var text = Texts.generate(103 + words, words);
    long counted =
        Deadline.call(
            () -> WordCount.countWithParallelStream(text),
            "WordCount.countWithParallelStream(text)",
            "A stream pipeline should not hang: look for a loop.");
    assertEquals(
        words,
        counted,
        "countWithParallelStream(text of %d words) counted wrong: map each chunk to Chunks.countWords and sum."
            .formatted(words));
  }

  @Test
  void the_parallel_stream_counts_on_two_threads_at_once() {
    // The common pool has cores - 1 workers (1 on a 2-core machine) and the calling thread
    // helps: 2 at once is what a parallel stream can promise anywhere.
    var text = Texts.generate(104, LARGE);
    try (var rendezvous = Rendezvous.open(2)) {
      long counted =
          Deadline.call(
              () -> WordCount.countWithParallelStream(text),
              "WordCount.countWithParallelStream(text)",
              "A stream pipeline should not hang.");
      assertEquals(LARGE, counted, "countWithParallelStream(text) counted wrong.");
      rendezvous.assertMet(
          "The stream counted one chunk at a time: it is sequential. Make it parallel "
              + "(list.parallelStream(), or .parallel() on the stream), and split the text into "
              + "chunks of about WordCountTask.DEFAULT_THRESHOLD chars so there are several.");
    }
  }

  @Test
  @BadInput
  void rejects_null() {
    assertThrows(
        NullPointerException.class,
        () -> WordCount.count(null),
        "count(null) must throw NullPointerException.");
    assertThrows(
        NullPointerException.class,
        () -> WordCount.count("a b", null),
        "count(text, null) must throw NullPointerException: there is no pool to run in.");
    assertThrows(
        NullPointerException.class,
        () -> WordCount.countWithParallelStream(null),
        "countWithParallelStream(null) must throw NullPointerException.");
  }

  @Test
  void adds_up_the_results_without_a_race() {
    // A race with a window of nanoseconds (`total += n` on shared memory, per-call state in a
    // static field) shows in no test run: the course reads the compiled code instead.
    var hint =
        "Let the stream add up for you (mapToLong(...).sum()) and return the sum of the two halves from compute(): a lambda or task that adds into a shared variable loses updates.";
    SharedUpdates.assertNone(WordCount.class, hint);
    SharedUpdates.assertNone(WordCountTask.class, hint);
  }
}
