package course.bench;

import course.support.Chunks;
import course.support.GlobalLock;
import course.support.GuardedList;
import java.util.ArrayList;

/**
 * Chapter 04's starting point, reproduced for the benchmark: one worker thread per chunk, the
 * chunks waiting in a shared work list, and each worker holding the course's {@link GlobalLock} for
 * all it does, counting included. The threads run concurrently but count one at a time (the first
 * one to get the lock counts every chunk), as Python threads do under the GIL: expect no speed-up.
 *
 * <p>The benchmark needs its own copy because, with the reference solutions on the classpath,
 * {@code course.globallock.WordCount} is chapter 04's answer, not its starting point. With {@code
 * --mine} and an unsolved chapter 04, the {@code global-lock-released} row measures the same code
 * as this one. {@code bench/measure.sh gil} (chapter 04's table) measures this copy too.
 */
public final class GlobalLockStartingPoint {

  private GlobalLockStartingPoint() {}

  public static long count(String text, int nThreads) throws InterruptedException {
    var chunks = Chunks.split(text, nThreads);
    var work = new GuardedList<String>(chunks);
    var results = new GuardedList<Long>();
    var threads = new ArrayList<Thread>();
    for (int i = 0; i < chunks.size(); i++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () ->
                      GlobalLock.attach(
                          () -> {
                            while (!work.isEmpty()) {
                              results.add(Chunks.countWords(work.removeLast()));
                            }
                          })));
    }
    for (var thread : threads) {
      thread.join();
    }
    return GlobalLock.attach(() -> results.stream().mapToLong(Long::longValue).sum());
  }
}
