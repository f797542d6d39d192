package course.globallock;

import course.support.Chunks;
import course.support.GlobalLock;
import course.support.GuardedList;
import java.util.ArrayList;
import java.util.Objects;

/**
 * Exercise 04, solved: each thread counts without the global lock and takes it only to add its
 * count to the shared, guarded results.
 */
public final class WordCount {

  private WordCount() {}

  /**
   * Counts the words of {@code text} with one thread per chunk, the counting done in parallel.
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
    var chunks = Chunks.slices(text, nThreads);
    var results = new GuardedList<Long>(); // shared by every thread: touch it only with the lock
    var threads = new ArrayList<Thread>(chunks.size());
    for (var chunk : chunks) {
      threads.add(
          Thread.ofPlatform()
              .name("word-counter-", threads.size())
              .start(
                  () -> {
                    long words =
                        Chunks.countWords(chunk); // no lock: the chunk is this thread's alone
                    GlobalLock.attach(
                        () -> results.add(words)); // the lock, only to touch shared state
                  }));
    }
    for (var thread : threads) {
      thread.join();
    }
    return GlobalLock.attach(() -> results.stream().mapToLong(Long::longValue).sum());
  }
}
