package course.releasing;

import course.support.GlobalLock;
import course.support.NumberTheory;

/** Exercise 05, solved: the caller holds the global lock; the computation runs without it. */
public final class Primes {

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
    // The arithmetic touches no guarded object: let the other threads have the lock meanwhile.
    return GlobalLock.detach(() -> NumberTheory.nthPrime(n));
  }
}
