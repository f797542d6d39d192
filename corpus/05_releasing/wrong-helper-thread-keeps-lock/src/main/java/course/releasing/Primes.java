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
    if (!GlobalLock.isHeldByCurrentThread()) throw new IllegalStateException("hold the global lock");
    if (n < 1) throw new IllegalArgumentException("n must be at least 1");
    int known = KNOWN.size();
    if (n <= known) return KNOWN.get((int) n - 1);
    long last = KNOWN.getLast();
    List<Long> found = new ArrayList<>();
    RuntimeException[] failure = new RuntimeException[1];
    var helper = Thread.ofPlatform().start(() -> {
      try {
        found.addAll(NumberTheory.primesAfter(last, (int) (n - known)));
      } catch (RuntimeException e) {
        failure[0] = e;
      }
    });
    try {
      helper.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (failure[0] != null) throw failure[0];
    for (int i = KNOWN.size() - known; i < found.size(); i++) KNOWN.add(found.get(i));
    return KNOWN.get((int) n - 1);
  }
}
