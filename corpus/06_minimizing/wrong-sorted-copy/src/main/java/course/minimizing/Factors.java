package course.minimizing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.ArrayList;
import java.util.List;

public final class Factors {
  private Factors() {}

  public static GuardedList<Factorization> primeFactors(GuardedList<Long> numbers) {
    GlobalLock.requireHeld("Factors.primeFactors");
    var copy = new ArrayList<Long>(List.copyOf(numbers));
    for (long n : copy) {
      if (n < 1) throw new IllegalArgumentException("number " + n + " is below 1");
    }
    copy.sort(null); // small numbers are quick: do them first
    List<Factorization> done =
        GlobalLock.detach(
            () ->
                copy.stream()
                    .map(n -> new Factorization(n, NumberTheory.uniquePrimeFactors(n)))
                    .toList());
    return new GuardedList<>(done);
  }
}
