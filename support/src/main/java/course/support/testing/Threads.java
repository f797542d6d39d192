package course.support.testing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Small checks on threads that a test has collected, platform or virtual. */
public final class Threads {

  private Threads() {}

  /**
   * Gives {@code threads} up to {@code grace} to end, then returns those still alive, in the order
   * given. Use it to tell a pool that was shut down (its threads end within moments) from one that
   * was forgotten (they wait for work forever).
   *
   * @param threads the threads to watch; virtual threads too
   * @param grace how long they may take to end
   * @return the threads still alive after the grace period; empty if all ended
   */
  public static List<Thread> stillAliveAfter(Collection<Thread> threads, Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    while (threads.stream().anyMatch(Thread::isAlive) && System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return threads.stream().filter(Thread::isAlive).toList();
  }
}
