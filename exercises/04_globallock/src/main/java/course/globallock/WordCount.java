package course.globallock;

import course.support.Chunks;
import course.support.GlobalLock;
import course.support.GuardedList;
import java.util.ArrayList;
import java.util.Objects;

/**
 * Exercise 04: the global lock problem. Read book/04_globallock.md first.
 *
 * <p>This is chapter 03's thread-per-chunk counter, moved into a world with a global lock, as
 * Python's threads live under CPython's GIL. The threads share their results in a {@link
 * GuardedList}: like a Python list, it may only be touched while holding {@link GlobalLock}. The
 * code below works and gives the right answer, but every thread does its <em>counting</em> while it
 * holds the lock, so only one thread counts at a time: concurrent, yet not parallel.
 *
 * <p>Your job: make the threads count at the same time, while every touch of the shared {@code
 * results} list still happens inside {@code GlobalLock.attach(...)}.
 */
public final class WordCount {

  private WordCount() {}

  /**
   * Counts the words of {@code text} with one thread per chunk, the counting done in parallel.
   *
   * <p>Each chunk is counted with {@code Chunks.countWords(chunk)} on a thread of its own, never on
   * the calling thread, and never while that thread holds the global lock. Each thread then adds
   * its count to the shared {@link GuardedList} while holding the lock ({@code
   * GlobalLock.attach(...)}), and the caller adds up the list, holding the lock too. Every thread
   * has ended when this method returns. An empty or blank text has 0 words; more threads than words
   * is fine ({@code Chunks.split} returns fewer chunks).
   *
   * @param text the text to count
   * @param nThreads the largest number of threads to use; at least 1
   * @return the number of words in {@code text}
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
    var results = new GuardedList<Long>(); // shared by every thread: touch it only with the lock
    var threads = new ArrayList<Thread>(chunks.size());
    for (var chunk : chunks) {
      threads.add(
          Thread.ofPlatform()
              .name("word-counter-", threads.size())
              .start(
                  () ->
                      GlobalLock.attach(
                          () -> {
                            // TODO: this thread counts while it holds the global
                            //  lock, so the other threads wait for it: one chunk
                            //  at a time. Hold the lock for what the threads share,
                            //  and only that. Read book/04_globallock.md, "Take the
                            //  lock for what is shared, and only that".
                            results.add(Chunks.countWords(chunk));
                          })));
    }
    for (var thread : threads) {
      thread.join();
    }
    return GlobalLock.attach(() -> results.stream().mapToLong(Long::longValue).sum());
  }
}
