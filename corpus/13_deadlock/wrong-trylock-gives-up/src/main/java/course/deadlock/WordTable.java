package course.deadlock;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exercise 13: a table of word counts that two threads can merge into each other at once. Read
 * book/13_deadlock.md first.
 *
 * <p>Each table is guarded by its own {@link ReentrantLock}, and by nothing else: every read or
 * change of a table's counts happens while holding that table's lock ({@link GuardedCounts} checks
 * it and throws otherwise). The lock is made by the table, or handed to the constructor; the tests
 * hand tables locks of their own, which let them steer the threads and stop a stuck one. So take a
 * table's lock only through its {@code lock} field: {@code lock()}, {@code lockInterruptibly()} or
 * {@code tryLock(...)}, all fine. A thread stuck waiting for a monitor ({@code synchronized}) cannot
 * be stopped by anyone, so do not guard a table with {@code synchronized}.
 *
 * <p>Everything here is given and works, except {@link #mergeInto}: run the tests to watch it
 * deadlock.
 */
public final class WordTable {

  private final ReentrantLock lock;
  private final GuardedCounts counts;

  /** An empty table with a lock of its own. */
  public WordTable() {
    this(new ReentrantLock());
  }

  /**
   * An empty table guarded by {@code lock}.
   *
   * @param lock the lock that guards this table's counts
   * @throws NullPointerException if {@code lock} is null
   */
  public WordTable(ReentrantLock lock) {
    this.lock = Objects.requireNonNull(lock, "lock must not be null");
    this.counts = new GuardedCounts(lock);
  }

  /**
   * Counts one more occurrence of {@code word}.
   *
   * @throws NullPointerException if {@code word} is null
   */
  public void add(String word) {
    add(word, 1);
  }

  /**
   * Counts {@code times} more occurrences of {@code word}.
   *
   * @throws NullPointerException if {@code word} is null
   * @throws IllegalArgumentException if {@code times < 0}
   */
  public void add(String word, long times) {
    Objects.requireNonNull(word, "word must not be null");
    if (times < 0) {
      throw new IllegalArgumentException("times must not be negative, got " + times);
    }
    lock.lock();
    try {
      counts.add(word, times);
    } finally {
      lock.unlock();
    }
  }

  /** How often {@code word} was counted; 0 if never. */
  public long count(String word) {
    lock.lock();
    try {
      return counts.get(word);
    } finally {
      lock.unlock();
    }
  }

  /** Every word and its count, as they are at one instant: an unmodifiable copy. */
  public Map<String, Long> snapshot() {
    lock.lock();
    try {
      return counts.copy();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Adds every count of this table into {@code other}: afterwards {@code other.count(w)} has grown by
   * this table's {@code count(w)} for every word {@code w}, and this table is unchanged. Merging a
   * table into itself doubles each of its counts.
   *
   * <p>The merge is atomic: it holds this table's lock and {@code other}'s lock at the same time
   * while it copies, so no other thread sees either table in the middle of it, and merges that run
   * at the same time give the totals of one of the orders in which they could have run one after
   * the other.
   *
   * <p>It never deadlocks: while one thread merges {@code a} into {@code b}, another may merge
   * {@code b} into {@code a}, and both finish, however their steps interleave. Two merges that
   * share no table run at the same time: neither waits for the other.
   *
   * <p>The tests make such merges collide on purpose, at every step where your code lets them: a
   * thread that retries at once after a failed attempt collides again, every time.
   *
   * <p>It runs on the calling thread, and both locks are free again when it returns, normally or
   * not.
   *
   * @param other the table to add this table's counts into; may be this table
   * @throws NullPointerException if {@code other} is null; then neither table changes
   */
  public void mergeInto(WordTable other) {
    Objects.requireNonNull(other, "other");
    if (lock.tryLock()) {
      try {
        if (other.lock.tryLock()) {
          try {
            other.counts.addAll(counts.copy());
          } finally {
            other.lock.unlock();
          }
        }
      } finally {
        lock.unlock();
      }
    }
  }
}
