package course.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import course.support.testing.WorkLog;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
      "Check that you start() every thread, and that you take() from the queue only as many "
          + "results as there are chunks.";

  private static long count(String text, int nThreads) {
    return Deadline.call(
        () -> WordCount.count(text, nThreads),
        "WordCount.count(text, %d)".formatted(nThreads),
        HANG_HINT);
  }

  @ParameterizedTest(name = "with {0} threads")
  @ValueSource(ints = {1, 2, 3, 4, 8})
  void counts_the_same_as_a_sequential_count(int nThreads) {
    var text = Texts.generate(10 + nThreads, 3_000);
    assertEquals(
        3_000,
        count(text, nThreads),
        "count(text of 3000 words, %d) returned the wrong total. Add up one result per chunk."
            .formatted(nThreads));
  }

  @Test
  void counts_every_chunk_on_a_thread_of_its_own() {
    var text = Texts.generate(20, 4_000);
    int chunks = Chunks.split(text, 4).size();
    try (var log = WorkLog.start()) {
      count(text, 4);
      log.assertOneThreadPerChunk(chunks, Deadline.caller());
    }
  }

  @Test
  void counts_even_a_single_chunk_on_a_thread_of_its_own() {
    for (var text : new String[] {Texts.generate(26, 500), "word"}) {
      int nThreads = text.equals("word") ? 4 : 1;
      try (var log = WorkLog.start()) {
        count(text, nThreads);
        log.assertOneThreadPerChunk(1, Deadline.caller());
      }
    }
  }

  @Test
  void runs_the_threads_at_the_same_time() {
    var text = Texts.generate(21, 2_000);
    try (var rendezvous = Rendezvous.open(2)) {
      assertEquals(2_000, count(text, 2), "count(text of 2000 words, 2) returned the wrong total.");
      rendezvous.assertMet(
          "Start every thread before you join any of them: a join() right after each start() waits for that thread to finish before the next one starts.");
    }
  }

  @Test
  void runs_many_threads_at_the_same_time() {
    var text = Texts.generate(22, 8_000);
    try (var rendezvous = Rendezvous.open(8)) {
      assertEquals(8_000, count(text, 8), "count(text of 8000 words, 8) returned the wrong total.");
      rendezvous.assertMet("Start all 8 threads before you join any of them.");
    }
  }

  @Test
  void gives_the_same_answer_every_time() {
    var text = Texts.generate(23, 5_000);
    for (int run = 1; run <= 50; run++) {
      long words = count(text, 4);
      int attempt = run;
      assertTrue(
          words == 5_000,
          () ->
              "Run %d of 50 of count(text of 5000 words, 4) returned %d. A result that changes from run to run is a race: collect results through the BlockingQueue (or another thread-safe hand-off), and read them only after every thread has been joined."
                  .formatted(attempt, words));
    }
  }

  @Test
  void adds_up_the_results_without_a_race() {
    // `total += n` on a field or array that every thread shares loses an update once in a blue
    // moon: too rare for any number of runs to show, so the course reads the compiled code.
    SharedUpdates.assertNone(
        WordCount.class,
        "Hand each result over through the BlockingQueue (or give each thread a slot of its own, or use an AtomicLong), and add them up on the calling thread.");
  }

  @Test
  void has_ended_every_thread_when_it_returns() {
    // A thread that has put its count in the queue is still alive for a moment, too short for a
    // normal run to see. So the test first holds every thread after its count, before each of its
    // remaining steps in turn, and fails if count returns meanwhile.
    ForcedInterleaving.assertWaitsForEveryWorker(
        WordCount.class,
        "count",
        new Object[] {Texts.generate(25, 400), 4},
        WorkProbe.COUNT_WORDS,
        "count(text, 4)",
        "The Javadoc says every thread has ended when count returns. join() every thread before you return, even when the queue already holds its result.");
    var text = Texts.generate(24, 4_000);
    Set<Thread> workers = ConcurrentHashMap.newKeySet();
    try (var watch =
        WorkProbe.install(
            new WorkProbe.Listener() {
              @Override
              public void beforeWork(String work, Object input) {
                workers.add(Thread.currentThread());
              }
            })) {
      for (int run = 1; run <= 20; run++) {
        count(text, 8);
        var alive =
            workers.stream()
                .filter(thread -> thread != Deadline.caller() && thread.isAlive())
                .map(Thread::getName)
                .toList();
        if (!alive.isEmpty()) {
          fail(
              "count(text, 8) returned while thread %s was still alive: the Javadoc says every thread has ended when count returns. join() every thread before you return, even when the queue already holds its result."
                  .formatted(alive));
        }
        workers.clear();
      }
    }
  }

  @Test
  void reports_an_interrupt_while_it_waits_as_an_InterruptedException() {
    // The test holds every worker at the start of its count, interrupts the calling thread while
    // it waits for them, and only then lets the workers go.
    var text = Texts.generate(25, 2_000);
    Threads.assertInterruptedExceptionWhenInterruptedWhileWaiting(
        () -> WordCount.count(text, 2),
        WorkProbe.COUNT_WORDS,
        "count(text, 2)",
        "Let the InterruptedException of join() or take() propagate: declare it, do not catch or wrap it.");
  }
}
