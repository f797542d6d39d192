package course.releasing;

import course.support.GlobalLock;
import course.support.NumberTheory;
import java.util.HashMap;
import java.util.Map;

public final class Primes {
  private Primes() {}

  public static long nthPrime(long n) {
    long[] prime = new long[1];
    GlobalLock.detach(() -> { prime[0] = NumberTheory.nthPrime(n); });
    return prime[0];
  }
}
