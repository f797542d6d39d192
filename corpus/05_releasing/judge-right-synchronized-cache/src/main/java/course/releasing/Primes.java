package course.releasing;

import course.support.GlobalLock;
import course.support.NumberTheory;
import java.util.HashMap;
import java.util.Map;

public final class Primes {

  private static final Map<Long, Long> CACHE = new HashMap<>();

  private Primes() {}

  public static long nthPrime(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1");
    }
    return GlobalLock.detach(() -> cachedOrComputed(n));
  }

  private static long cachedOrComputed(long n) {
    synchronized (CACHE) {
      var known = CACHE.get(n);
      if (known != null) {
        return known;
      }
    }
    long prime = NumberTheory.nthPrime(n);
    synchronized (CACHE) {
      CACHE.put(n, prime);
    }
    return prime;
  }
}
