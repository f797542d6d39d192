package course.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.support.Chunks;
import course.support.testing.CountingContract;
import course.support.testing.Deadline;
import course.support.testing.NoLeftovers;
import course.support.testing.Rendezvous;
import course.support.testing.Texts;
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
}
