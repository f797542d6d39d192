package course.globallock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.support.Chunks;
import course.support.GlobalLock;
import course.support.WorkProbe;
import course.support.testing.CountingContract;
import course.support.testing.Deadline;
import course.support.testing.ForcedInterleaving;
import course.support.testing.LockWatch;
import course.support.testing.NoLeftovers;
import course.support.testing.Rendezvous;
import course.support.testing.Texts;
import course.support.testing.Threads;
import course.support.testing.WorkLog;
import java.time.Duration;
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
      "Check that you start() every thread and join() each one, and that no thread waits for "
          + "the global lock while another holds it forever.";

  private static final String COUNT_WITHOUT_LOCK_HINT =
      "Counting a chunk touches nothing shared once the chunk is taken: count it outside "
          + "GlobalLock.attach(...), and hold the lock only for what the workers share (taking a "
          + "chunk from the work list, adding a count to the results).";

  private static final String GUARD_HINT =
      "Keep every use of the two shared GuardedLists (the work list: checking it and taking a "
          + "chunk; the results: adding a count, and the final sum) inside GlobalLock.attach(...).";

  private static final String TAKE_HINT =
      "What a worker saw of the shared work list while it held the lock (that a chunk is left, "
          + "which one is last) is out of date as soon as it lets go: another worker may take that "
          + "chunk in between. Find out whether a chunk is left and take it in one "
          + "GlobalLock.attach(...), and count it after you let go.";

  private static long count(String text, int nThreads) {
    return Deadline.call(
        () -> WordCount.count(text, nThreads),
        "WordCount.count(text, %d)".formatted(nThreads),
        HANG_HINT);
  }

  /** What a call did: its result or what it threw, and what the global lock saw meanwhile. */
  private record Outcome(long words, RuntimeException thrown, GlobalLock.Counters lock) {
    static Outcome of(String text, int nThreads) {
      try (var watch = LockWatch.open()) {
        try {
          return new Outcome(count(text, nThreads), null, watch.counters());
        } catch (RuntimeException e) {
          return new Outcome(-1, e, watch.counters());
        }
      }
    }

    void assertWords(long expected, int nThreads) {
      if (lock.guardViolations() > 0) {
        throw new AssertionError(
            "count(text, %d) touched a guarded object without holding %s: %s %s"
                .formatted(nThreads, GlobalLock.NAME, lock.lastViolation(), GUARD_HINT));
      }
      if (thrown != null) {
        throw new AssertionError(
            "count(text, %d) threw %s: %s"
                .formatted(nThreads, thrown.getClass().getSimpleName(), thrown.getMessage()),
            thrown);
      }
      assertEquals(
          expected,
          words,
          "count(text of %d words, %d) returned the wrong total. Every chunk is counted exactly once: each one taken from the work list by one worker, its count added to the shared results, which are summed after every thread has been joined."
              .formatted(expected, nThreads));
    }
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
        "Let the InterruptedException of join() propagate: declare it, do not catch it and go on to add up.");
  }

  @ParameterizedTest(name = "with {0} threads")
  @ValueSource(ints = {1, 2, 3, 8})
  void counts_the_same_as_a_sequential_count(int nThreads) {
    var text = Texts.generate(40 + nThreads, 3_000);
    Outcome.of(text, nThreads).assertWords(3_000, nThreads);
  }

  @Test
  void counts_without_holding_the_global_lock() {
    var text = Texts.generate(50, 4_000);
    try (var watch = LockWatch.open(WorkProbe.COUNT_WORDS)) {
      var outcome = Outcome.of(text, 4);
      watch.assertWorkRanWithoutTheLock(COUNT_WITHOUT_LOCK_HINT);
      watch.assertGuardedObjectsTouchedOnlyWithTheLock(GUARD_HINT);
      outcome.assertWords(4_000, 4);
    }
  }

  @Test
  void counts_on_two_threads_at_the_same_time() {
    var text = Texts.generate(51, 2_000);
    try (var watch = LockWatch.open(WorkProbe.COUNT_WORDS);
        var rendezvous = Rendezvous.open(2)) {
      var outcome = Outcome.of(text, 2);
      watch.assertWorkRanWithoutTheLock(COUNT_WITHOUT_LOCK_HINT);
      watch.assertGuardedObjectsTouchedOnlyWithTheLock(GUARD_HINT);
      outcome.assertWords(2_000, 2);
      rendezvous.assertMet(
          "Start every thread before you join any, and count outside "
              + GlobalLock.NAME
              + ": a thread that counts while holding it makes the others wait. A worker that "
              + "takes more chunks than the one it counts leaves the others nothing to count.");
    }
  }

  @Test
  void counts_four_chunks_at_the_same_time() {
    var text = Texts.generate(52, 8_000);
    try (var watch = LockWatch.open(WorkProbe.COUNT_WORDS);
        var rendezvous = Rendezvous.open(4)) {
      var outcome = Outcome.of(text, 4);
      watch.assertWorkRanWithoutTheLock(COUNT_WITHOUT_LOCK_HINT);
      outcome.assertWords(8_000, 4);
      rendezvous.assertMet(
          "All 4 chunks must be counted at once, on 4 workers: none of them may hold "
              + GlobalLock.NAME
              + " while it counts, and none may take a chunk before it has counted the one it has.");
    }
  }

  @Test
  void adds_each_count_to_the_shared_results_while_holding_the_lock() {
    var text = Texts.generate(53, 4_000);
    int chunks = Chunks.split(text, 4).size();
    try (var watch = LockWatch.open(WorkProbe.COUNT_WORDS)) {
      var outcome = Outcome.of(text, 4);
      watch.assertWorkRanWithoutTheLock(COUNT_WITHOUT_LOCK_HINT);
      watch.assertGuardedObjectsTouchedOnlyWithTheLock(GUARD_HINT);
      outcome.assertWords(4_000, 4);
      long attaches = watch.counters().attachCalls();
      assertTrue(
          attaches >= chunks,
          "Expected GlobalLock.attach(...) at least once per chunk (%d chunks), each thread adding its count to the shared GuardedList, but it was called %d time%s. The lesson is to keep the shared results guarded and take the lock only for them, not to do without the lock."
              .formatted(chunks, attaches, attaches == 1 ? "" : "s"));
      long writes = watch.counters().listWrites();
      assertTrue(
          writes >= chunks,
          "The text made %d chunks, but only %d count%s went into a GuardedList. The Javadoc says each thread adds its count to the shared GuardedList, and the caller adds up that list: keep the results in the list you were given, not in another variable."
              .formatted(chunks, writes, writes == 1 ? "" : "s"));
    }
  }

  @Test
  void has_ended_every_thread_when_it_returns() {
    // A thread that has added its count to the list is still alive for a moment, too short for a
    // normal run to see. So the test holds every thread after its count, before each of its
    // remaining steps in turn, and fails if count returns meanwhile.
    ForcedInterleaving.assertWaitsForEveryWorker(
        WordCount.class,
        "count",
        new Object[] {Texts.generate(44, 400), 4},
        WorkProbe.COUNT_WORDS,
        "count(text, 4)",
        "The Javadoc says every thread has ended when count returns: a count in the list does not mean its thread is done. Wait for each thread to end before you add up the list.");
  }

  @Test
  void counts_every_chunk_once_on_a_worker_thread() {
    var text = Texts.generate(54, 4_000);
    int chunks = Chunks.split(text, 4).size();
    try (var log = WorkLog.start()) {
      count(text, 4);
      assertCountedOnWorkers(log, chunks, "count(text, 4)");
    }
  }

  @Test
  void counts_even_a_single_chunk_on_a_worker_thread() {
    // One thread, or more threads than words: one chunk, and a worker counts it too.
    for (var text : new String[] {Texts.generate(55, 500), "word"}) {
      int nThreads = text.equals("word") ? 4 : 1;
      try (var log = WorkLog.start()) {
        count(text, nThreads);
        assertCountedOnWorkers(log, 1, "count(text, %d)".formatted(nThreads));
      }
    }
  }

  private static void assertCountedOnWorkers(WorkLog log, int chunks, String call) {
    var counts = log.calls(WorkProbe.COUNT_WORDS);
    if (counts.stream().anyMatch(c -> c.threadId() == Deadline.caller().threadId())) {
      throw new AssertionError(
          ("%s counted a chunk on the thread that called it. The Javadoc says every chunk is "
                  + "counted on one of the worker threads, never on the calling thread: even a "
                  + "single chunk gets a worker thread of its own.")
              .formatted(call));
    }
    if (counts.size() != chunks) {
      throw new AssertionError(
          ("%s: the text made %d chunk%s, but Chunks.countWords was called %d time%s. Every chunk "
                  + "is counted exactly once: each one taken from the work list by one worker.")
              .formatted(
                  call,
                  chunks,
                  chunks == 1 ? "" : "s",
                  counts.size(),
                  counts.size() == 1 ? "" : "s"));
    }
  }

  @Test
  void takes_a_chunk_in_one_step_even_when_another_worker_overtakes() {
    // The test holds one worker at each point in turn where it does not hold the global lock,
    // lets every other worker run as far as it can, then lets the held one go on. A worker that
    // found a chunk left under the lock and takes it after letting go meets an empty list (or the
    // chunk another worker already took) under one of these schedules, on every run.
    var text = Texts.generate(56, 40);
    int words = 40;
    assertEquals(2, Chunks.split(text, 2).size(), "the test's text must make two chunks");
    var copy = ForcedInterleaving.load(WordCount.class);
    var runs =
        Deadline.call(
            Duration.ofSeconds(90),
            () ->
                copy.everyPreemptionOutsideTheGlobalLock(
                    copy.<Long>staticCall(WordCount.class, "count", text, 2)),
            "count(text, 2) with one worker held outside the global lock",
            TAKE_HINT);
    for (var run : runs) {
      if (run.pause() == null) {
        continue;
      }
      var held =
          ("after the test held worker '%s' at %s, just before %s (in %s), while it did not hold "
                  + "%s, and let the other worker run as far as it could")
              .formatted(
                  run.worker(),
                  run.pause().where(),
                  run.pause().what(),
                  run.pause().method(),
                  GlobalLock.NAME);
      if (!run.workerFailures().isEmpty()) {
        var failure = run.workerFailures().entrySet().iterator().next();
        boolean unguarded =
            failure.getValue() instanceof IllegalStateException
                && String.valueOf(failure.getValue().getMessage()).contains(GlobalLock.NAME);
        throw new AssertionError(
            "Worker '%s' died of %s %s. %s"
                .formatted(
                    failure.getKey(),
                    ForcedInterleaving.briefly(failure.getValue()),
                    held,
                    unguarded ? GUARD_HINT : TAKE_HINT),
            failure.getValue());
      }
      if (run.thrown() != null) {
        throw new AssertionError(
            "count(text, 2) threw %s %s. %s"
                .formatted(ForcedInterleaving.briefly(run.thrown()), held, TAKE_HINT),
            run.thrown());
      }
      if (run.result() == null || run.result() != words) {
        throw new AssertionError(
            ("count(text of %d words, 2) returned %d, so a chunk was counted twice or not at all, "
                    + "%s. %s")
                .formatted(words, run.result(), held, TAKE_HINT));
      }
    }
  }

  @Test
  void gives_the_same_answer_every_time() {
    var text = Texts.generate(55, 5_000);
    for (int run = 1; run <= 30; run++) {
      long words = count(text, 4);
      int attempt = run;
      assertTrue(
          words == 5_000,
          () ->
              "Run %d of 30 of count(text of 5000 words, 4) returned %d. A result that changes from run to run is a race: touch the shared results only inside GlobalLock.attach(...), and sum them only after every thread has been joined."
                  .formatted(attempt, words));
    }
  }
}
