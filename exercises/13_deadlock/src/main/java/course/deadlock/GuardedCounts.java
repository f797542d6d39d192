package course.deadlock;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The counts of one {@link WordTable}, usable only by a thread that holds the table's lock.
 *
 * <p>Given to you; you do not need to change it. Every method checks {@link
 * ReentrantLock#isHeldByCurrentThread()} first and throws an {@link IllegalStateException} that
 * names the lock when the calling thread does not hold it: a forgotten lock shows up at once, on
 * every run, instead of as a rare wrong total.
 */
final class GuardedCounts {

  private final ReentrantLock lock;
  private final Map<String, Long> counts = new HashMap<>();

  GuardedCounts(ReentrantLock lock) {
    this.lock = Objects.requireNonNull(lock, "lock must not be null");
  }

  /** How often {@code word} was counted; 0 if never. */
  long get(String word) {
    checkHeld("read");
    return counts.getOrDefault(word, 0L);
  }

  /** Adds {@code times} to the count of {@code word}. */
  void add(String word, long times) {
    checkHeld("change");
    counts.merge(word, times, Long::sum);
  }

  /** Adds every count of {@code more} to these counts. */
  void addAll(Map<String, Long> more) {
    checkHeld("change");
    more.forEach((word, times) -> counts.merge(word, times, Long::sum));
  }

  /** An unmodifiable copy of every count, taken now. */
  Map<String, Long> copy() {
    checkHeld("read");
    return Map.copyOf(counts);
  }

  private void checkHeld(String what) {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException(
          ("Thread '%s' tried to %s the counts of a table without holding that table's lock "
                  + "(%s). Take a table's lock before you read or change its counts, and keep it "
                  + "until you are done with them.")
              .formatted(Thread.currentThread().getName(), what, lock));
    }
  }
}
