package course.releasing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.ArrayList;
import java.util.List;

public final class Primes {

  private static final GuardedList<Long> KNOWN = new GuardedList<>(List.of(2L));

  private Primes() {}

  public static long nthPrime(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1: " + n);
    }
    int size = KNOWN.size();
    if (n <= size) {
      return KNOWN.get((int) n - 1);
    }
    long last = KNOWN.getLast();
    int missing = (int) (n - size);
    var found = new ArrayList<Long>(); // this call's own list, filled while the lock is free
    GlobalLock.detach(
        () -> {
          found.addAll(NumberTheory.primesAfter(last, missing));
        });
    for (int i = KNOWN.size() - size; i < found.size(); i++) {
      KNOWN.add(found.get(i));
    }
    return KNOWN.get((int) n - 1);
  }
}
