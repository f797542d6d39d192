package course.minimizing;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class Factors {
  private Factors() {}

  public static GuardedList<Factorization> primeFactors(GuardedList<Long> numbers) {
    GlobalLock.requireHeld("Factors.primeFactors");
    List<Long> copy = List.copyOf(numbers);
    for (long n : copy) {
      if (n < 1) throw new IllegalArgumentException("number " + n + " is below 1");
    }
    Map<Long, List<Long>> factored =
        GlobalLock.detach(
            () -> {
              var map = new LinkedHashMap<Long, List<Long>>();
              for (long n : copy) {
                map.computeIfAbsent(n, NumberTheory::uniquePrimeFactors); // each number once
              }
              return map;
            });
    var result = new GuardedList<Factorization>();
    factored.forEach((n, factors) -> result.add(new Factorization(n, factors)));
    return result;
  }
}
