package course.releasing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.List;

/**
 * Exercise 05, solved: the caller holds the global lock; the missing primes are computed without
 * it, from what was copied out of the shared table, and merged into the table once the lock is
 * back, with whatever other callers added meanwhile taken into account.
 */
public final class Primes {

  /** The first primes, in order: shared by every caller, touched only with the global lock. */
  private static final GuardedList<Long> KNOWN = new GuardedList<>(List.of(2L));

  private Primes() {}

  /**
   * The {@code n}-th prime number, computed without holding the global lock.
   *
   * @throws IllegalArgumentException if {@code n < 1}
   * @throws IllegalStateException if the calling thread does not hold the global lock
   */
  public static long nthPrime(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    int index = Math.toIntExact(n - 1);
    int knownBefore = KNOWN.size(); // with the lock: the table may be read
    if (index < knownBefore) {
      return KNOWN.get(index);
    }
    // Copy out what the computation needs: two plain values, no reference to the table.
    long last = KNOWN.get(knownBefore - 1);
    int missing = index + 1 - knownBefore;
    List<Long> found = GlobalLock.detach(() -> NumberTheory.primesAfter(last, missing));
    // The lock is back, but it was free: other callers may have added primes meanwhile, the same
    // ones found here (the primes after `last` are the same for everyone). Add only those beyond.
    int addedMeanwhile = KNOWN.size() - knownBefore;
    for (int i = addedMeanwhile; i < found.size(); i++) {
      KNOWN.add(found.get(i));
    }
    return KNOWN.get(index);
  }
}
