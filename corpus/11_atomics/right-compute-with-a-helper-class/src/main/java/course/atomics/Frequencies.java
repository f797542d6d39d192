package course.atomics;

import course.support.Chunks;
import course.support.Words;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

public final class Frequencies {

  private Frequencies() {}

  /** The shared counts of one call. */
  private static final class Tally {
    private final ConcurrentHashMap<String, Long> counts = new ConcurrentHashMap<>();

    void add(String word) {
      counts.compute(word, (w, n) -> n == null ? 1L : n + 1);
    }

    Map<String, Long> snapshot() {
      return Map.copyOf(counts);
    }
  }

  public static Map<String, Long> of(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text);
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads < 1");
    }
    var tally = new Tally();
    var workers = new ArrayList<Thread>();
    for (var chunk : Chunks.split(text, nThreads)) {
      var worker = Thread.ofPlatform().unstarted(() -> Words.forEach(chunk, tally::add));
      workers.add(worker);
    }
    workers.forEach(Thread::start);
    for (var worker : workers) {
      worker.join();
    }
    return tally.snapshot();
  }
}
