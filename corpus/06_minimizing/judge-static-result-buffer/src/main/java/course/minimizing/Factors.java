package course.minimizing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

public final class Factors {

  private static final List<Factorization> BUFFER = new ArrayList<>();

  private Factors() {}

  public static GuardedList<Factorization> primeFactors(GuardedList<Long> numbers) {
    Objects.requireNonNull(numbers, "numbers");
    List<Long> snapshot = List.copyOf(numbers);
    BUFFER.clear();
    GlobalLock.detach(
        () -> {
          for (long number : snapshot) {
            BUFFER.add(new Factorization(number, NumberTheory.uniquePrimeFactors(number)));
          }
        });
    return new GuardedList<>(BUFFER);
  }
}
