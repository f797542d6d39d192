package course.releasing;

import course.support.GlobalLock;
import course.support.NumberTheory;

public final class Primes {

  private Primes() {}

  public static long nthPrime(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    GlobalLock.requireHeld("Primes.nthPrime");
    if (GlobalLock.counters().maxWaiting() == 0) {
      return NumberTheory.nthPrime(n); // nobody wants the lock: letting go helps nobody
    }
    return GlobalLock.detach(() -> NumberTheory.nthPrime(n));
  }
}
