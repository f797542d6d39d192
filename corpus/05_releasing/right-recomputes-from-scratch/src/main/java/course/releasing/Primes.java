package course.releasing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.List;

public final class Primes {

  private static final GuardedList<Long> KNOWN = new GuardedList<>(List.of(2L));

  private Primes() {}

  public static long nthPrime(long n) {
    if (n < 1) throw new IllegalArgumentException("n must be at least 1, got " + n);
    int want = (int) n;
    if (want <= KNOWN.size()) {
      return KNOWN.get(want - 1);
    }
    List<Long> all = GlobalLock.detach(() -> NumberTheory.primesAfter(1, want));
    while (KNOWN.size() < want) {
      KNOWN.add(all.get(KNOWN.size()));
    }
    return all.get(want - 1);
  }
}
