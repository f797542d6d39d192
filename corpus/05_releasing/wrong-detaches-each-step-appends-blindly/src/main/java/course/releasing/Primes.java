package course.releasing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.List;

public final class Primes {

  private static final GuardedList<Long> KNOWN = new GuardedList<>(List.of(2L));

  private Primes() {}

  public static long nthPrime(long n) {
    if (n < 1) throw new IllegalArgumentException("n must be at least 1");
    while (KNOWN.size() < n) {
      long last = KNOWN.getLast();
      long next = GlobalLock.detach(() -> NumberTheory.primesAfter(last, 1).getFirst());
      KNOWN.add(next);
    }
    return KNOWN.get((int) n - 1);
  }
}
