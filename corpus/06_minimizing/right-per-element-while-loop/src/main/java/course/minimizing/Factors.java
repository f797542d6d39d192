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
    var done = new ArrayList<Factorization>();
    int i = 0;
    while (i < numbers.size()) {
      final long n = numbers.get(i++);
      List<Long> factors = GlobalLock.detach(() -> NumberTheory.uniquePrimeFactors(n));
      done.add(new Factorization(n, factors));
    }
    return new GuardedList<>(done);
  }
}
