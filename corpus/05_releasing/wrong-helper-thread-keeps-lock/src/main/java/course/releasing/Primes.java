package course.releasing;

import course.support.GlobalLock;
import course.support.NumberTheory;
import java.util.HashMap;
import java.util.Map;

public final class Primes {
  private Primes() {}

  public static long nthPrime(long n) {
    if (!GlobalLock.isHeldByCurrentThread()) throw new IllegalStateException("hold the global lock");
    long[] out = new long[1];
    RuntimeException[] failure = new RuntimeException[1];
    var helper = Thread.ofPlatform().start(() -> {
      try {
        out[0] = NumberTheory.nthPrime(n);
      } catch (RuntimeException e) {
        failure[0] = e;
      }
    });
    try {
      helper.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (failure[0] != null) throw failure[0];
    return out[0];
  }
}
