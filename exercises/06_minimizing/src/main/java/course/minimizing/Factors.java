package course.minimizing;

import course.support.GuardedList;

/**
 * Exercise 06: hold the global lock only while you touch shared state. Read book/06_minimizing.md
 * first.
 *
 * <p>{@link #primeFactors(GuardedList)} receives a shared list of numbers guarded by {@code
 * course.support.GlobalLock}, the way a native function receives a Python list: the caller holds
 * the lock, and the list may only be touched while it is held. Factoring is slow and touches
 * nothing shared; reading the list and building the result touch shared state. Keep the two apart.
 *
 * <p>Given to you, in the support module: {@code NumberTheory.uniquePrimeFactors(number)}, which
 * does the arithmetic (the tests watch it), {@code GlobalLock.detach(...)}, and {@code
 * GuardedList}; in this package, the record {@link Factorization}.
 */
public final class Factors {

  private Factors() {}

  /**
   * Factors every number of {@code numbers}, never holding the global lock while it factors.
   *
   * <p>Must be called by a thread that holds the global lock; returns holding it. Returns a new
   * guarded list with one {@link Factorization} per number, in the list's order, each pairing a
   * number with {@code NumberTheory.uniquePrimeFactors(number)}. Two callers on two threads factor
   * at the same time.
   *
   * <p>Other threads may change {@code numbers} whenever your code has released the lock. Your
   * result must stay consistent all the same: each {@link Factorization} holds the factors of the
   * very number it names, and no {@link java.util.ConcurrentModificationException} escapes. Whether
   * it describes the list as it was when you first read it, or as you walked it, is up to you.
   *
   * @param numbers the shared list; each number at least 1
   * @return a new guarded list of factorizations; empty for an empty list
   * @throws NullPointerException if {@code numbers} or one of its elements is null
   * @throws IllegalArgumentException if a number is less than 1
   * @throws IllegalStateException if the calling thread does not hold the global lock
   */
  public static GuardedList<Factorization> primeFactors(GuardedList<Long> numbers) {
    // TODO: while you hold the lock, read what you need out of `numbers` (for example
    //  List.copyOf(numbers)); let go of the lock with GlobalLock.detach(() -> ...) while you call
    //  NumberTheory.uniquePrimeFactors; build the result once you hold the lock again.
    //  Or, one number at a time: read it, detach to factor it, add its Factorization.
    //  Read book/06_minimizing.md, "Copy out, compute, write back".
    throw new UnsupportedOperationException("TODO: factor the numbers without holding the lock");
  }
}
