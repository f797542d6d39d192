package course.bench;

import course.support.Chunks;
import course.support.GlobalLock;
import course.support.GuardedList;
import java.util.ArrayList;

/**
 * Chapter 04's starting point, reproduced for the benchmark: chapter 03's threads, except that each
 * one counts its chunk while holding the course's {@link GlobalLock}. The threads run concurrently
 * but count one at a time, as Python threads do under the GIL: expect no speed-up.
 *
 * <p>The benchmark needs its own copy because, with the reference solutions on the classpath,
 * {@code course.globallock.WordCount} is chapter 04's answer, not its starting point. With {@code
 * --mine} and an unsolved chapter 04, the {@code global-lock-released} row measures the same code
 * as this one.
 */
final class GlobalLockStartingPoint {

  private GlobalLockStartingPoint() {}

  static long count(String text, int nThreads) throws InterruptedException {
    var results = new GuardedList<Long>();
    var threads = new ArrayList<Thread>();
    for (var chunk : Chunks.split(text, nThreads)) {
      threads.add(
          Thread.ofPlatform()
              .start(() -> GlobalLock.attach(() -> results.add(Chunks.countWords(chunk)))));
    }
    for (var thread : threads) {
      thread.join();
    }
    return GlobalLock.attach(() -> results.stream().mapToLong(Long::longValue).sum());
  }
}
