package course.releasing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.List;

public final class Primes {

  private static final GuardedList<Long> KNOWN = new GuardedList<>(List.of(2L));

  private Primes() {}

  public static long nthPrime(long n) {
    if (!GlobalLock.isHeldByCurrentThread()) {
      throw new IllegalStateException("Primes.nthPrime must be called holding the global lock");
    }
    if (n < 1) throw new IllegalArgumentException("n must be at least 1, got " + n);
    if (n <= KNOWN.size()) return KNOWN.get((int) n - 1);
    long from = KNOWN.getLast();
    int howMany = (int) (n - KNOWN.size());
    var fresh = GlobalLock.detach(() -> NumberTheory.primesAfter(from, howMany));
    for (long p : fresh) {
      if (p > KNOWN.getLast()) KNOWN.add(p);
    }
    return KNOWN.get((int) n - 1);
  }
}
