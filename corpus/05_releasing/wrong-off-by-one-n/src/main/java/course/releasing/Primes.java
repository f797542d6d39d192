package course.releasing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.List;

public final class Primes {

  private static final GuardedList<Long> KNOWN = new GuardedList<>(List.of(2L));

  private Primes() {}

  public static long nthPrime(long n) {
    if (n <= 1) throw new IllegalArgumentException("n must be positive, got " + n);
    int known = KNOWN.size();
    if (n > known) {
      long last = KNOWN.getLast();
      var found = GlobalLock.detach(() -> NumberTheory.primesAfter(last, (int) (n - known)));
      for (int i = KNOWN.size() - known; i < found.size(); i++) KNOWN.add(found.get(i));
    }
    return KNOWN.get((int) n - 1);
  }
}
