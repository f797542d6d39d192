package course.bench;

import course.support.Chunks;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A stand-in for chapter 04's starting point, used until that chapter is merged: chapter 03's
 * threads, except that every {@link Chunks#countWords} call is made while holding one shared
 * {@link ReentrantLock}. The threads run concurrently but count one at a time, as Python threads
 * do under the GIL: expect no speed-up.
 */
final class GlobalLockStandIn {

  /** One lock for the whole JVM, like the GIL for a Python process. */
  private static final ReentrantLock GLOBAL_LOCK = new ReentrantLock();

  private GlobalLockStandIn() {}

  static long count(String text, int nThreads) throws InterruptedException {
    var total = new AtomicLong();
    var threads = new ArrayList<Thread>();
    for (var chunk : Chunks.split(text, nThreads)) {
      threads.add(Thread.ofPlatform().start(() -> {
        GLOBAL_LOCK.lock();
        try {
          total.addAndGet(Chunks.countWords(chunk));
        } finally {
          GLOBAL_LOCK.unlock();
        }
      }));
    }
    for (var thread : threads) {
      thread.join();
    }
    return total.get();
  }
}
