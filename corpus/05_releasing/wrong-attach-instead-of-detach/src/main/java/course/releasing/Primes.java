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
    int known = KNOWN.size();
    if (n > known) {
      long last = KNOWN.getLast();
      KNOWN.addAll(GlobalLock.attach(() -> NumberTheory.primesAfter(last, (int) (n - known))));
    }
    return KNOWN.get((int) n - 1);
  }
}
