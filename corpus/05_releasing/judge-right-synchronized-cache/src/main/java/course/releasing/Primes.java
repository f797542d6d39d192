package course.releasing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.ArrayList;
import java.util.List;

public final class Primes {

  private static final GuardedList<Long> KNOWN = new GuardedList<>(List.of(2L));

  private static final List<Long> CACHE = new ArrayList<>(List.of(2L));

  private Primes() {}

  public static long nthPrime(long n) {
    GlobalLock.requireHeld("Primes.nthPrime");
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1");
    }
    int index = (int) (n - 1);
    long last;
    int missing;
    synchronized (CACHE) {
      if (index < CACHE.size()) {
        return CACHE.get(index);
      }
      last = CACHE.get(CACHE.size() - 1);
      missing = index + 1 - CACHE.size();
    }
    List<Long> found = GlobalLock.detach(() -> NumberTheory.primesAfter(last, missing));
    synchronized (CACHE) {
      for (long prime : found) {
        if (prime > CACHE.get(CACHE.size() - 1)) {
          CACHE.add(prime);
        }
      }
      return CACHE.get(index);
    }
  }
}
