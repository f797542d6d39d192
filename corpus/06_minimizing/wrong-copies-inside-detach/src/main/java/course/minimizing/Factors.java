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
    List<Factorization> done = GlobalLock.detach(() -> {
      var out = new ArrayList<Factorization>();
      for (long n : List.copyOf(numbers)) out.add(new Factorization(n, NumberTheory.uniquePrimeFactors(n)));
      return out;
    });
    return new GuardedList<>(done);
  }
}
