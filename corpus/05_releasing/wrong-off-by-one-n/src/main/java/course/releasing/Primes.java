package course.releasing;

import course.support.GlobalLock;
import course.support.NumberTheory;
import java.util.HashMap;
import java.util.Map;

public final class Primes {
  private Primes() {}

  public static long nthPrime(long n) {
    if (n <= 1) throw new IllegalArgumentException("n must be positive, got " + n);
    return GlobalLock.detach(() -> NumberTheory.nthPrime(n));
  }
}
