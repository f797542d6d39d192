package course.releasing;

import course.support.GlobalLock;
import course.support.NumberTheory;

public final class Primes {
  private Primes() {}

  public static long nthPrime(long n) {
    return GlobalLock.attach(() -> NumberTheory.nthPrime(n));
  }
}
