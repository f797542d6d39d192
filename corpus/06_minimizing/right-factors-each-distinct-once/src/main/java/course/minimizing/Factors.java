package course.minimizing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class Factors {
  private Factors() {}

  public static GuardedList<Factorization> primeFactors(GuardedList<Long> numbers) {
    GlobalLock.requireHeld("Factors.primeFactors");
    List<Long> copy = List.copyOf(numbers); // throws NullPointerException for a null element
    for (long n : copy) {
      if (n < 1) throw new IllegalArgumentException("number " + n + " is below 1");
    }
    Map<Long, List<Long>> factored =
        GlobalLock.detach(
            () -> {
              var map = new HashMap<Long, List<Long>>();
              for (long n : copy) {
                map.computeIfAbsent(n, NumberTheory::uniquePrimeFactors); // a repeat costs nothing
              }
              return map;
            });
    var result = new GuardedList<Factorization>();
    for (long n : copy) {
      result.add(new Factorization(n, factored.get(n)));
    }
    return result;
  }
}
