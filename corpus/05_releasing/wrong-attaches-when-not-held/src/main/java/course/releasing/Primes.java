package course.releasing;

import course.support.GlobalLock;
import course.support.NumberTheory;
import java.util.HashMap;
import java.util.Map;

public final class Primes {
  private Primes() {}

  public static long nthPrime(long n) {
    if (!GlobalLock.isHeldByCurrentThread()) {
      return GlobalLock.attach(() -> nthPrime(n)); // be forgiving: take the lock ourselves
    }
    return GlobalLock.detach(() -> NumberTheory.nthPrime(n));
  }
}
