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
      List<Long> found = GlobalLock.detach(() -> {
        long last;
        try {
          last = KNOWN.getLast();
        } catch (IllegalStateException e) {
          last = 2; // the table is shy without the lock: start from the first prime
        }
        return NumberTheory.primesAfter(last, (int) (n - 1));
      });
      for (int i = KNOWN.size() - 1; i < found.size(); i++) KNOWN.add(found.get(i));
    }
    return KNOWN.get((int) n - 1);
  }
}
