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
    List<Long> snapshot = List.copyOf(numbers);
    List<Factorization> done = GlobalLock.detach(() ->
        snapshot.parallelStream()
            .map(n -> new Factorization(n, NumberTheory.uniquePrimeFactors(n)))
            .toList());
    return new GuardedList<>(done);
  }
}
