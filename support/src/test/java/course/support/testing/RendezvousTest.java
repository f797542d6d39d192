package course.support.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.support.Chunks;
import course.support.WorkProbe;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class RendezvousTest {

  @Test
  void parallel_work_meets_and_later_work_passes_freely() throws InterruptedException {
    // The log goes first: listeners run in the order they were installed, so the log counts a
    // unit as under way while it waits at the rendezvous.
    try (var log = WorkLog.start();
        var rendezvous = Rendezvous.open(3)) {
      var threads = new ArrayList<Thread>();
      for (int i = 0; i < 5; i++) {
        threads.add(Thread.ofPlatform().start(() -> Chunks.countWords("a b c")));
      }
      for (var thread : threads) {
        thread.join();
      }
      assertTrue(rendezvous.met());
      rendezvous.assertMet("unused");
      assertEquals(5, log.calls().size());
      assertEquals(5, log.threadIds().size());
      assertTrue(log.maxConcurrent() >= 3);
    }
  }

  @Test
  void sequential_work_misses_it_once_and_says_so() {
    try (var rendezvous = Rendezvous.open(2, WorkProbe.COUNT_WORDS, Duration.ofMillis(200))) {
      long started = System.nanoTime();
      for (int i = 0; i < 4; i++) {
        Chunks.countWords("a b");
      }
      // Only the first unit waits out the time-out; the others pass at once.
      assertTrue(System.nanoTime() - started < Duration.ofSeconds(3).toNanos());
      assertFalse(rendezvous.met());
      var error = assertThrows(AssertionError.class, () -> rendezvous.assertMet("Check X."));
      assertTrue(error.getMessage().contains("ran alone"), error.getMessage());
      assertTrue(error.getMessage().endsWith("Check X."), error.getMessage());
    }
  }

  @Test
  void a_closed_rendezvous_no_longer_holds_anyone() {
    var rendezvous = Rendezvous.open(2, WorkProbe.COUNT_WORDS, Duration.ofSeconds(30));
    rendezvous.close();
    assertEquals(2, Chunks.countWords("x y")); // would wait 30 s if still installed
  }
}
