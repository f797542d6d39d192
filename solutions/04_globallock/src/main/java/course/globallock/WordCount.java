package course.globallock;

import course.support.Chunks;
import course.support.GlobalLock;
import course.support.GuardedList;
import java.util.ArrayList;
import java.util.Objects;

/**
 * Exercise 04, solved: each worker holds the global lock only to take a chunk (the check that one
 * is left and the take, as one step) and to add its count; it counts the chunk, which is its own
 * once taken, without the lock.
 */
public final class WordCount {

  private WordCount() {}

  /**
   * Counts the words of {@code text} on worker threads that share the work, counting in parallel.
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
    var work = new GuardedList<String>(chunks); // chunks not yet taken: shared, lock only
    var results = new GuardedList<Long>(); // one count per chunk: shared, lock only
    var threads = new ArrayList<Thread>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      threads.add(
          Thread.ofPlatform().name("word-counter-", i).start(() -> countChunks(work, results)));
    }
    for (var thread : threads) {
      thread.join();
    }
    return GlobalLock.attach(() -> results.stream().mapToLong(Long::longValue).sum());
  }

  /** One worker: takes chunks until none is left, counting each one without the lock. */
  private static void countChunks(GuardedList<String> work, GuardedList<Long> results) {
    while (true) {
      // Whether a chunk is left and taking it: one step, or two workers could take the last one.
      String chunk = GlobalLock.attach(() -> work.isEmpty() ? null : work.removeLast());
      if (chunk == null) {
        return;
      }
      long words = Chunks.countWords(chunk); // no lock: once taken, the chunk is this thread's
      GlobalLock.attach(() -> results.add(words)); // the lock, only to touch shared state
    }
  }
}
