package course.releasing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.List;

public final class Primes {

  private static final GuardedList<Long> KNOWN = new GuardedList<>(List.of(2L));

  @SuppressWarnings("unchecked")
  private static final List<Long>[] SLOT = new List[1];

  private Primes() {}

  public static long nthPrime(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1");
    }
    int known = KNOWN.size();
    if (n <= known) {
      return KNOWN.get((int) (n - 1));
    }
    long last = KNOWN.getLast();
    int missing = (int) (n - known);
    GlobalLock.detach(() -> SLOT[0] = NumberTheory.primesAfter(last, missing));
    for (int i = KNOWN.size() - known; i < SLOT[0].size(); i++) {
      KNOWN.add(SLOT[0].get(i));
    }
    return KNOWN.get((int) (n - 1));
  }
}
