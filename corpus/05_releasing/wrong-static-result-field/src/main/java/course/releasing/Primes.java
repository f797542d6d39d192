package course.releasing;

import course.support.GlobalLock;
import course.support.NumberTheory;

public final class Primes {
  private static long result;

  private Primes() {}

  public static long nthPrime(long n) {
    GlobalLock.detach(() -> { result = NumberTheory.nthPrime(n); });
    return result;
  }
}
