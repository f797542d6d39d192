package course.threads;

import course.support.Chunks;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Exercise 03, solved: one platform thread per chunk, results through a BlockingQueue. */
public final class WordCount {

  private static final Object LOCK = new Object();

  private WordCount() {}

  /**
   * Counts the words of {@code text} with one {@link Thread} per chunk, all running at once.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code nThreads < 1}
   * @throws InterruptedException if interrupted while waiting for the threads
   */
  public static long count(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text, "text must not be null");
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1, got " + nThreads);
    }
    var chunks = Chunks.split(text, nThreads);
    BlockingQueue<Long> results = new LinkedBlockingQueue<>();
    var threads = new ArrayList<Thread>(chunks.size());
    for (var chunk : chunks) {
      // The thread reads `chunk` and writes `results` in place: shared memory, no copy.
      threads.add(
          Thread.ofPlatform()
              .name("word-counter-", threads.size())
              .start(
                  () -> {
                    long words = Chunks.countWords(chunk);
                    synchronized (LOCK) {
                      results.add(words);
                    }
                  }));
    }
    synchronized (LOCK) {
      for (var thread : threads) {
        thread.join();
      }
    }
    long total = 0;
    for (int i = 0; i < chunks.size(); i++) {
      total += results.take();
    }
    return total;
  }
}
