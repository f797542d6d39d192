package course.atomics;

import course.support.Chunks;
import course.support.Words;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Exercise 11, solved: one ConcurrentHashMap, updated in one atomic step per word. */
public final class Frequencies {

  private Frequencies() {}

  /**
   * Counts how many times each word occurs in {@code text}, with {@code nThreads} workers that
   * share one map.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code nThreads < 1}
   * @throws InterruptedException if interrupted while waiting for the workers
   */
  public static Map<String, Long> of(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text, "text must not be null");
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1, got " + nThreads);
    }
    var counts = new ConcurrentHashMap<String, Long>();
    var workers = new ArrayList<Thread>();
    for (var chunk : Chunks.split(text, nThreads)) {
      // merge reads, adds and writes the count as one step: no other worker's update in between.
      workers.add(
          Thread.ofPlatform()
              .name("frequencies-", workers.size())
              .start(() -> Words.forEach(chunk, word -> counts.merge(word, 1L, Long::sum))));
    }
    joinAll(workers);
    return Map.copyOf(counts);
  }

  /**
   * Waits for every worker, even when interrupted, so that none outlives the call; the workers
   * never block, so this is short. An interrupt is passed on afterwards.
   */
  private static void joinAll(Iterable<Thread> workers) throws InterruptedException {
    boolean interrupted = false;
    for (var worker : workers) {
      while (true) {
        try {
          worker.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      throw new InterruptedException("interrupted while waiting for the workers");
    }
  }
}
