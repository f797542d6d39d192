package course.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Slow arithmetic: the CPU-bound work of chapters 05 and 06.
 *
 * <p>Every function uses plain trial division on purpose. They touch no shared state at all, which
 * makes them exactly the kind of work that can run without {@link GlobalLock}: in CPython terms,
 * native code that needs no Python object. Like {@link Chunks#countWords}, they tell {@link
 * WorkProbe} when they start and end, so the tests can see which thread ran them, how many ran at
 * once, and whether the global lock was held meanwhile.
 */
public final class NumberTheory {

  /** The work name of {@link #nthPrime(long)}, as {@link WorkProbe} listeners see it. */
  public static final String NTH_PRIME = "nthPrime";

  /** The work name of {@link #primesAfter(long, int)}, as {@link WorkProbe} listeners see it. */
  public static final String PRIMES_AFTER = "primesAfter";

  /** The work name of {@link #uniquePrimeFactors(long)}, as {@link WorkProbe} listeners see it. */
  public static final String UNIQUE_PRIME_FACTORS = "uniquePrimeFactors";

  private NumberTheory() {}

  /**
   * The {@code n}-th prime number: 2 for {@code n = 1}, 3 for {@code n = 2}, 29 for {@code n = 10}.
   * Tests every odd number in turn by trial division: slow on purpose (about {@code n} squared
   * steps, give or take a logarithm).
   *
   * @param n which prime, counting from 1
   * @return the {@code n}-th prime
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public static long nthPrime(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    WorkProbe.beforeWork(NTH_PRIME, n);
    try {
      if (n == 1) {
        return 2;
      }
      long found = 1;
      long candidate = 1;
      while (found < n) {
        candidate += 2;
        if (isOddPrime(candidate)) {
          found++;
        }
      }
      return candidate;
    } finally {
      WorkProbe.afterWork(NTH_PRIME, n);
    }
  }

  /**
   * The {@code count} primes that come after {@code number}, smallest first: {@code [11, 13, 17]}
   * for {@code primesAfter(7, 3)}, {@code [2, 3, 5]} for {@code primesAfter(1, 3)}. Trial division
   * of every candidate in turn, like {@link #nthPrime(long)}: slow on purpose, and it touches no
   * shared state.
   *
   * @param number every prime returned is greater than it; any number (below 2, the list starts at
   *     2)
   * @param count how many primes; 0 gives an empty list
   * @return an unmodifiable list of {@code count} primes in ascending order
   * @throws IllegalArgumentException if {@code count < 0}
   */
  public static List<Long> primesAfter(long number, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be at least 0, got " + count);
    }
    WorkProbe.beforeWork(PRIMES_AFTER, number);
    try {
      var primes = new ArrayList<Long>(count);
      long candidate = Math.max(number, 1);
      while (primes.size() < count) {
        candidate++;
        if (candidate == 2 || candidate % 2 != 0 && isOddPrime(candidate)) {
          primes.add(candidate);
        }
      }
      return List.copyOf(primes);
    } finally {
      WorkProbe.afterWork(PRIMES_AFTER, number);
    }
  }

  /**
   * The distinct prime factors of {@code number}, smallest first: {@code [2, 3]} for 12, {@code [5,
   * 7]} for 35, {@code []} for 1.
   *
   * @param number the number to factor; at least 1
   * @return an unmodifiable list of its distinct prime factors, in ascending order
   * @throws IllegalArgumentException if {@code number < 1}
   */
  public static List<Long> uniquePrimeFactors(long number) {
    if (number < 1) {
      throw new IllegalArgumentException("number must be at least 1, got " + number);
    }
    WorkProbe.beforeWork(UNIQUE_PRIME_FACTORS, number);
    try {
      var factors = new ArrayList<Long>();
      long rest = number;
      for (long divisor = 2; divisor <= rest / divisor; divisor++) {
        if (rest % divisor == 0) {
          factors.add(divisor);
          while (rest % divisor == 0) {
            rest /= divisor;
          }
        }
      }
      if (rest > 1) {
        factors.add(rest);
      }
      return List.copyOf(factors);
    } finally {
      WorkProbe.afterWork(UNIQUE_PRIME_FACTORS, number);
    }
  }

  private static boolean isOddPrime(long candidate) {
    for (long divisor = 3; divisor <= candidate / divisor; divisor += 2) {
      if (candidate % divisor == 0) {
        return false;
      }
    }
    return true;
  }
}
