package course.globallock;

import course.support.Chunks;
import course.support.GlobalLock;
import course.support.GuardedList;
import java.util.ArrayList;
import java.util.Objects;

/**
 * Exercise 04: the global lock problem. Read book/04_globallock.md first.
 *
 * <p>This is a word counter written the way Python programs use worker threads, moved into a world
 * with a global lock, as Python's threads live under CPython's GIL. The threads share two lists:
 * the chunks still to count, and the counts. Both are {@link GuardedList}s: like Python lists, they
 * may only be touched while holding {@link GlobalLock}. The code below works and gives the right
 * answer, but each thread holds the lock for everything it does, so only one thread counts at a
 * time: concurrent, yet not parallel.
 *
 * <p>Your job: make the threads count at the same time, without giving up the two shared lists and
 * without touching either of them outside the lock.
 */
public final class WordCount {

  private WordCount() {}

  /**
   * Counts the words of {@code text} on worker threads that share the work, counting in parallel.
   *
   * <p>The text is cut with {@code Chunks.split(text, nThreads)}, and the chunks wait in a shared
   * work list; this method starts one worker thread per chunk. Every chunk is counted exactly once,
   * with {@code Chunks.countWords(chunk)}, on one of those workers: never on the calling thread,
   * and never while the counting thread holds the global lock, so that all the chunks can be
   * counted at the same time. Each count goes into the shared results list, and the caller adds up
   * that list. Every touch of either shared list, by any thread, happens while holding the global
   * lock ({@code GlobalLock.attach(...)}), and a worker that finds a chunk left in the work list is
   * the one that gets it. Every worker thread has ended when this method returns.
   *
   * <p>An empty or blank text has 0 words; more threads than words is fine ({@code Chunks.split}
   * returns fewer chunks).
   *
   * @param text the text to count
   * @param nThreads the largest number of chunks, and so of worker threads; at least 1
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

  /** One worker: counts the chunks of the work list until none is left. */
  private static void countChunks(GuardedList<String> work, GuardedList<Long> results) {
    // TODO: this worker holds the global lock for all of its work, counting
    //  included, so the other workers wait. Make the workers count at the same
    //  time: hold the lock for the steps that touch what they share, and only
    //  those. Read book/04_globallock.md, "Take the lock for what is shared, and
    //  only that" and "Letting go between two steps".
    GlobalLock.attach(
        () -> {
          while (!work.isEmpty()) {
            String chunk = work.removeLast();
            results.add(Chunks.countWords(chunk));
          }
        });
  }
}
