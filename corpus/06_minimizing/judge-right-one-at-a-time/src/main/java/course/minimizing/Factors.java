package course.minimizing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.ArrayList;
import java.util.Objects;

public final class Factors {

  private Factors() {}

  public static GuardedList<Factorization> primeFactors(GuardedList<Long> numbers) {
    Objects.requireNonNull(numbers, "numbers");
    if (!GlobalLock.isHeldByCurrentThread()) {
      throw new IllegalStateException("call primeFactors holding the global lock");
    }
    var result = new ArrayList<Factorization>();
    for (int i = 0; i < numbers.size(); i++) {
      Long number = Objects.requireNonNull(numbers.get(i), "numbers must not hold null");
      if (number < 1) {
        throw new IllegalArgumentException("every number must be at least 1, got " + number);
      }
      long n = number;
      var factors = GlobalLock.detach(() -> NumberTheory.uniquePrimeFactors(n));
      result.add(new Factorization(n, factors));
    }
    return new GuardedList<>(result);
  }
}
