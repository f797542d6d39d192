package course.releasing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.List;

public final class Primes {

  private static final GuardedList<Long> KNOWN = new GuardedList<>(List.of(2L));

  private static final int WORTH_RELEASING = 100;

  private Primes() {}

  public static long nthPrime(long n) {
    if (n < 1) throw new IllegalArgumentException("n must be at least 1");
    int known = KNOWN.size();
    if (n <= known) return KNOWN.get((int) n - 1);
    long last = KNOWN.getLast();
    int missing = (int) (n - known);
    if (missing <= WORTH_RELEASING) {
      KNOWN.addAll(NumberTheory.primesAfter(last, missing)); // a few microseconds: keep the lock
      return KNOWN.get((int) n - 1);
    }
    var found = GlobalLock.detach(() -> NumberTheory.primesAfter(last, missing));
    for (int i = KNOWN.size() - known; i < found.size(); i++) KNOWN.add(found.get(i));
    return KNOWN.get((int) n - 1);
  }
}
