package course.minimizing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.List;
import java.util.Objects;

/** Exercise 06, solved: copy out with the lock, factor without it, build the result with it. */
public final class Factors {

  private Factors() {}

  /**
   * Factors every number of {@code numbers}, never holding the global lock while it factors.
   *
   * @throws NullPointerException if {@code numbers} or one of its elements is null
   * @throws IllegalArgumentException if a number is less than 1
   * @throws IllegalStateException if the calling thread does not hold the global lock
   */
  public static GuardedList<Factorization> primeFactors(GuardedList<Long> numbers) {
    Objects.requireNonNull(numbers, "numbers must not be null");
    // 1. With the lock: a private snapshot. Nobody else can change it once we let go.
    List<Long> snapshot = List.copyOf(numbers);
    // 2. Without the lock: the slow part touches only the snapshot and local results.
    List<Factorization> factorizations =
        GlobalLock.detach(
            () ->
                snapshot.stream()
                    .map(
                        number ->
                            new Factorization(number, NumberTheory.uniquePrimeFactors(number)))
                    .toList());
    // 3. With the lock again: hand the results back as a new shared list.
    return new GuardedList<>(factorizations);
  }
}
