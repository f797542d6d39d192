package course.releasing;

import course.support.GlobalLock;
import course.support.NumberTheory;
import java.util.HashMap;
import java.util.Map;

public final class Primes {
  private Primes() {}

  public static long nthPrime(long n) {
    if (n < 1 || !GlobalLock.isHeldByCurrentThread()) {
      throw new IllegalStateException("call with the global lock held and n >= 1");
    }
    return GlobalLock.detach(() -> NumberTheory.nthPrime(n));
  }
}
