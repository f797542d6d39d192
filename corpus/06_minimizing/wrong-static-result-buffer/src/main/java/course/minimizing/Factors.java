package course.minimizing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Objects;

public final class Factors {
  private Factors() {}

  private static final List<Factorization> BUFFER = new ArrayList<>();

  public static GuardedList<Factorization> primeFactors(GuardedList<Long> numbers) {
    var snapshot = List.copyOf(numbers);
    BUFFER.clear();
    for (long n : snapshot) {
      var factors = GlobalLock.detach(() -> NumberTheory.uniquePrimeFactors(n));
      BUFFER.add(new Factorization(n, factors)); // with the lock again: safe?
    }
    return new GuardedList<>(BUFFER);
  }
}
