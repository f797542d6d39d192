package course.releasing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.ArrayList;
import java.util.List;

public final class Primes {

  private static final GuardedList<Long> KNOWN = new GuardedList<>(List.of(2L));

  private static final List<Long> MIRROR = new ArrayList<>(List.of(2L));

  private Primes() {}

  public static long nthPrime(long n) {
    if (n < 1) throw new IllegalArgumentException("n must be at least 1");
    if (n > KNOWN.size()) {
      GlobalLock.detach(() -> {
        while (MIRROR.size() < n) {
          MIRROR.add(NumberTheory.primesAfter(MIRROR.getLast(), 1).getFirst());
        }
      });
      for (int i = KNOWN.size(); i < n; i++) KNOWN.add(MIRROR.get(i));
    }
    return KNOWN.get((int) n - 1);
  }
}
