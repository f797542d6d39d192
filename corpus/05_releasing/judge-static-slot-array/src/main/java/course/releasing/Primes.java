package course.releasing;

import course.support.GlobalLock;
import course.support.NumberTheory;

public final class Primes {

  private static final long[] SLOT = new long[1];

  private Primes() {}

  public static long nthPrime(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1");
    }
    GlobalLock.detach(() -> SLOT[0] = NumberTheory.nthPrime(n));
    return SLOT[0];
  }
}
