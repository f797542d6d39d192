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
    if (!GlobalLock.isHeldByCurrentThread()) throw new IllegalStateException("hold the global lock");
    Objects.requireNonNull(numbers, "numbers");
    long[] values = new long[numbers.size()];
    for (int i = 0; i < values.length; i++) {
      Long n = Objects.requireNonNull(numbers.get(i), "element " + i + " is null");
      if (n < 1) throw new IllegalArgumentException("number " + n + " is below 1");
      values[i] = n;
    }
    @SuppressWarnings("unchecked")
    List<Long>[] factors = GlobalLock.detach(() -> {
      List<Long>[] out = new List[values.length];
      for (int i = 0; i < values.length; i++) out[i] = NumberTheory.uniquePrimeFactors(values[i]);
      return out;
    });
    var result = new GuardedList<Factorization>();
    for (int i = 0; i < values.length; i++) result.add(new Factorization(values[i], factors[i]));
    return result;
  }
}
