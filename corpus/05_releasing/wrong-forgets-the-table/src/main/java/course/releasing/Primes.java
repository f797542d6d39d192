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
    return GlobalLock.detach(() -> NumberTheory.primesAfter(1, (int) n).getLast());
  }
}
