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

  public static GuardedList<Factorization> primeFactors(GuardedList<Long> numbers) {
    var snapshot = List.copyOf(numbers);
    var result = new GuardedList<Factorization>();
    for (Long n : snapshot) {
      if (n < 1) throw new IllegalArgumentException("numbers must be at least 1, got " + n);
      result.add(new Factorization(n, GlobalLock.detach(() -> NumberTheory.uniquePrimeFactors(n))));
    }
    return result;
  }
}
