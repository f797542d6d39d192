package course.releasing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.List;

public final class Primes {

  private static final GuardedList<Long> KNOWN = new GuardedList<>(List.of(2L));

  private Primes() {}

  public static long nthPrime(long n) {
    int size = KNOWN.size();
    if (n >= 1 && n <= size) return KNOWN.get((int) n - 1);
    if (n < 1) throw new IllegalArgumentException("n < 1");
    long last = KNOWN.get(size - 1);
    List<?>[] holder = new List<?>[1];
    GlobalLock.detach(() -> { holder[0] = NumberTheory.primesAfter(last, (int) (n - size)); });
    List<?> found = holder[0];
    int already = KNOWN.size() - size;
    for (int i = already; i < found.size(); i++) KNOWN.add((Long) found.get(i));
    return KNOWN.get((int) n - 1);
  }
}
