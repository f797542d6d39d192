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
      "Call Chunks.countWords(chunk) before GlobalLock.attach(...), not inside it: take the "
          + "lock only to add the count to the shared results.";

  private static final String GUARD_HINT =
      "Keep every use of the shared GuardedList (add, and the final sum) inside "
          + "GlobalLock.attach(...).";

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
          "count(text of %d words, %d) returned the wrong total. Add one count per chunk to the shared results, and sum them after every thread has been joined."
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
              + ": a thread that counts while holding it makes the others wait.");
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
          "All 4 threads must be counting at once: none of them may hold "
              + GlobalLock.NAME
              + " while it counts.");
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
  void counts_every_chunk_on_a_thread_of_its_own() {
    var text = Texts.generate(54, 4_000);
    int chunks = Chunks.split(text, 4).size();
    try (var log = WorkLog.start()) {
      count(text, 4);
      log.assertOneThreadPerChunk(chunks, Deadline.caller());
    }
  }

  @Test
  void counts_even_a_single_chunk_on_a_thread_of_its_own() {
    // One thread, or more threads than words: one chunk, and it too gets a thread of its own.
    for (var text : new String[] {Texts.generate(55, 500), "word"}) {
      int nThreads = text.equals("word") ? 4 : 1;
      try (var log = WorkLog.start()) {
        count(text, nThreads);
        log.assertOneThreadPerChunk(1, Deadline.caller());
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
