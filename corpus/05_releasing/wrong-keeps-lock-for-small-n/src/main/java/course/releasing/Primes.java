package course.releasing;

import course.support.GlobalLock;
import course.support.NumberTheory;
import java.util.HashMap;
import java.util.Map;

public final class Primes {
  private Primes() {}

  private static final long WORTH_RELEASING = 100;

  public static long nthPrime(long n) {
    if (!GlobalLock.isHeldByCurrentThread()) throw new IllegalStateException("hold the global lock");
    if (n <= WORTH_RELEASING) {
      return NumberTheory.nthPrime(n); // a few microseconds: not worth a hand-off
    }
    return GlobalLock.detach(() -> NumberTheory.nthPrime(n));
  }
}
