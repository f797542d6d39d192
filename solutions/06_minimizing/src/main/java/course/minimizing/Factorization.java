package course.minimizing;

import java.util.List;
import java.util.Objects;

/**
 * One number and its distinct prime factors, smallest first. Given to you: an immutable record,
 * safe to hand from thread to thread (chapter 07 explains why).
 *
 * @param number the number that was factored
 * @param factors its distinct prime factors in ascending order; copied, never null
 */
public record Factorization(long number, List<Long> factors) {

  /** Copies {@code factors}, so that nobody can change them afterwards. */
  public Factorization {
    factors = List.copyOf(Objects.requireNonNull(factors, "factors must not be null"));
  }
}
