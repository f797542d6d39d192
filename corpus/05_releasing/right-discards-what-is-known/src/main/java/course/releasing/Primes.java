package course.releasing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.List;

public final class Primes {

  private static final GuardedList<Long> KNOWN = new GuardedList<>(List.of(2L));

  private Primes() {}

  public static long nthPrime(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    if (n > KNOWN.size()) {
      long start = KNOWN.getLast();
      int count = (int) (n - KNOWN.size());
      List<Long> batch = GlobalLock.detach(() -> NumberTheory.primesAfter(start, count));
      for (Long prime : batch) {
        if (prime > KNOWN.getLast()) {
          KNOWN.add(prime);
        }
      }
    }
    return KNOWN.get((int) (n - 1));
  }
}
