package course.releasing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.List;

public final class Primes {

  private static final GuardedList<Long> KNOWN = new GuardedList<>(List.of(2L));

  private Primes() {}

  public static long nthPrime(long n) {
    GlobalLock.requireHeld("Primes.nthPrime");
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    int wanted = Math.toIntExact(n);
    int knownWhenReleased = KNOWN.size();
    if (wanted > knownWhenReleased) {
      long lastKnown = KNOWN.get(knownWhenReleased - 1);
      List<Long> newPrimes =
          GlobalLock.detach(() -> NumberTheory.primesAfter(lastKnown, wanted - knownWhenReleased));
      int firstUnknown = KNOWN.size();
      for (int position = firstUnknown; position < wanted; position++) {
        KNOWN.add(newPrimes.get(position - knownWhenReleased));
      }
    }
    return KNOWN.get(wanted - 1);
  }
}
