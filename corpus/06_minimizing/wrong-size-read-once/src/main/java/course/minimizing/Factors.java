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
    var result = new GuardedList<Factorization>();
    int size = numbers.size();
    for (int i = 0; i < size; i++) {
      long n = numbers.get(i);
      var factors = GlobalLock.detach(() -> NumberTheory.uniquePrimeFactors(n));
      result.add(new Factorization(n, factors));
    }
    return result;
  }
}
