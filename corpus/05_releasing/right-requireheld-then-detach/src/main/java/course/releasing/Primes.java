package course.releasing;

import course.support.GlobalLock;
import course.support.NumberTheory;

public final class Primes {
  private Primes() {}

  public static long nthPrime(long n) {
    GlobalLock.requireHeld("Primes.nthPrime");
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    long prime = GlobalLock.detach(() -> NumberTheory.nthPrime(n));
    return prime;
  }
}
