package course.cancellation;

import course.support.Chunks;
import course.support.InterruptibleWork;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Exercise 15, the reference answer: a word count that stops when its caller is interrupted. */
public final class WordCount {

  private WordCount() {}

  /**
   * Counts the words of {@code text} with {@code nThreads} workers, and stops promptly when the
   * calling thread is interrupted. See the exercise's Javadoc for the whole contract.
   */
  public static long count(String text, int nThreads)
      throws InterruptedException, ExecutionException {
    Objects.requireNonNull(text, "text must not be null");
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1, got " + nThreads);
    }
    var tasks =
        Chunks.split(text, nThreads).stream()
            .<Callable<Long>>map(chunk -> () -> InterruptibleWork.countWords(chunk))
            .toList();
    if (tasks.isEmpty()) {
      return 0; // nothing to count, and a pool of 0 threads cannot be made
    }
    var pool = Executors.newFixedThreadPool(tasks.size());
    try {
      // An interrupted invokeAll cancels its tasks (cancel(true)) before it throws.
      long total = 0;
      for (var result : pool.invokeAll(tasks)) {
        total += result.get();
      }
      return total;
    } finally {
      // Every path: interrupt whatever still runs, then wait until every worker has ended.
      stopAndAwait(pool);
    }
  }

  /**
   * Interrupts the pool's workers and waits until they have all ended. A second interrupt during
   * the wait does not cut it short (the workers are stopping already); it is reported once they
   * have, by throwing.
   */
  private static void stopAndAwait(ExecutorService pool) throws InterruptedException {
    pool.shutdownNow();
    boolean interruptedAgain = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interruptedAgain = true;
      }
    }
    if (interruptedAgain) {
      throw new InterruptedException("interrupted while waiting for the workers to end");
    }
  }
}
