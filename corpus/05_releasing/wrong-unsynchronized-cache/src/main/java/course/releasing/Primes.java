package course.releasing;

import course.support.GlobalLock;
import course.support.NumberTheory;
import java.util.HashMap;
import java.util.Map;

public final class Primes {
  private Primes() {}

  private static final Map<Long, Long> CACHE = new HashMap<>();

  public static long nthPrime(long n) {
    return GlobalLock.detach(() -> {
      Long known = CACHE.get(n);
      if (known != null) return known;
      long p = NumberTheory.nthPrime(n);
      CACHE.put(n, p);
      return p;
    });
  }
}
