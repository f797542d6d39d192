package course.executors;

import course.support.Chunks;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

/** Exercise 08, solved: a fixed pool, one task per chunk, futures, and a pool closed after use. */
public final class WordCount {

  private WordCount() {}

  /**
   * Counts the words of {@code text} with a pool of at most {@code nThreads} threads.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code nThreads < 1}
   * @throws InterruptedException if interrupted while waiting for the tasks
   * @throws ExecutionException if a task threw; its cause is the task's exception
   */
  public static long count(String text, int nThreads)
      throws InterruptedException, ExecutionException {
    Objects.requireNonNull(text, "text must not be null");
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1, got " + nThreads);
    }
    var chunks = Chunks.slices(text, nThreads);
    if (chunks.isEmpty()) {
      return 0; // nothing to count: no pool needed
    }
    var tasks =
        chunks.stream().map(chunk -> (Callable<Long>) () -> Chunks.countWords(chunk)).toList();
    // No more threads than chunks: a CPU-bound task per core is all the pool can use.
    // close() (JDK 19+) shuts the pool down and waits for it, even when get() throws.
    try (var pool = Executors.newFixedThreadPool(chunks.size())) {
      long total = 0;
      for (var future : pool.invokeAll(tasks)) {
        total += future.get(); // a task's exception arrives here, as an ExecutionException
      }
      return total;
    }
  }
}
