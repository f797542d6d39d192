package course.releasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import course.support.GlobalLock;
import course.support.NumberTheory;
import course.support.testing.BadInput;
import course.support.testing.Deadline;
import course.support.testing.LockWatch;
import course.support.testing.NoLeftovers;
import course.support.testing.Rendezvous;
import course.support.testing.SharedUpdates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(NoLeftovers.class)
class PrimesTest {

  private static final String RELEASE_HINT =
      "Compute inside GlobalLock.detach(() -> NumberTheory.nthPrime(n)): the lock must be free "
          + "while the prime is computed.";

  /** Calls nthPrime the way Python calls a native function: holding the lock. */
  private static long nthPrimeHoldingTheLock(long n) {
    return Deadline.call(
        () -> GlobalLock.attach(() -> Primes.nthPrime(n)),
        "GlobalLock.attach(() -> Primes.nthPrime(%d))".formatted(n),
        "Check that nthPrime returns, and that it does not wait for a lock its own thread holds.");
  }

  @ParameterizedTest(name = "nthPrime({0}) = {1}")
  @CsvSource({"1, 2", "2, 3", "3, 5", "10, 29", "100, 541", "1000, 7919"})
  void finds_the_nth_prime(long n, long prime) {
    assertEquals(
        prime,
        nthPrimeHoldingTheLock(n),
        "nthPrime(%d) must be %d. Compute it with NumberTheory.nthPrime(n).".formatted(n, prime));
  }

  @ParameterizedTest(name = "nthPrime({0})")
  @ValueSource(longs = {1, 2, 3, 10, 99, 100, 101, 1_000})
  void releases_the_global_lock_whatever_n_is(long n) {
    try (var watch = LockWatch.open(NumberTheory.NTH_PRIME)) {
      RuntimeException thrown = null;
      try {
        nthPrimeHoldingTheLock(n);
      } catch (RuntimeException e) {
        thrown = e;
      }
      watch.assertWorkRanWithoutTheLock(
          ("The Javadoc says the lock is free while the prime is computed, for every n: "
                  + "release it on every path, for nthPrime(%d) as much as for a large n, "
                  + "however short the computation.")
              .formatted(n));
      if (thrown != null) {
        throw new AssertionError("nthPrime(%d) threw %s".formatted(n, thrown), thrown);
      }
    }
  }

  @Test
  void releases_the_global_lock_while_it_computes() {
    try (var watch = LockWatch.open(NumberTheory.NTH_PRIME)) {
      RuntimeException thrown = null;
      long prime = -1;
      try {
        prime = nthPrimeHoldingTheLock(2_000);
      } catch (RuntimeException e) {
        thrown = e;
      }
      watch.assertWorkRanWithoutTheLock(RELEASE_HINT);
      if (thrown != null) {
        throw new AssertionError("nthPrime(2000) threw " + thrown, thrown);
      }
      assertEquals(17_389, prime, "nthPrime(2000) must be 17389.");
      assertEquals(
          1,
          watch.unitsSeen(),
          "Expected NumberTheory.nthPrime to be called once per call of Primes.nthPrime, but it was called %d times."
              .formatted(watch.unitsSeen()));
    }
  }

  @Test
  void lets_two_callers_compute_at_the_same_time() {
    var results = new AtomicReferenceArray<Object>(2);
    var threads = new ArrayList<Thread>();
    try (var watch = LockWatch.open(NumberTheory.NTH_PRIME);
        var rendezvous = Rendezvous.open(2, NumberTheory.NTH_PRIME, Duration.ofSeconds(5))) {
      for (int i = 0; i < 2; i++) {
        int caller = i;
        threads.add(
            Thread.ofPlatform()
                .name("caller-" + i)
                .start(
                    () -> {
                      try {
                        results.set(
                            caller, GlobalLock.attach(() -> Primes.nthPrime(1_200 + caller)));
                      } catch (RuntimeException e) {
                        results.set(caller, e);
                      }
                    }));
      }
      Deadline.run(
          () -> {
            for (var thread : threads) {
              thread.join();
            }
          },
          "two threads each calling GlobalLock.attach(() -> Primes.nthPrime(...))",
          "Check that nthPrime lets go of the lock with GlobalLock.detach and returns.");
      watch.assertWorkRanWithoutTheLock(RELEASE_HINT);
      for (int i = 0; i < 2; i++) {
        if (results.get(i) instanceof RuntimeException e) {
          throw new AssertionError(
              "Caller %d's call of Primes.nthPrime(%d) threw %s".formatted(i, 1_200 + i, e), e);
        }
      }
      rendezvous.assertMet(
          "While one caller computes holding "
              + GlobalLock.NAME
              + ", the other waits for it: release it around the computation with GlobalLock.detach.");
      // n that no other test asks for: a cache (which the Javadoc allows) filled by an earlier
      // test must not let a call skip the computation, whatever order JUnit runs the tests in.
      assertEquals(
          9_733L,
          results.get(0),
          "The first caller's nthPrime(1200) must be 9733: did the two callers get each other's answer?");
      assertEquals(
          9_739L,
          results.get(1),
          "The second caller's nthPrime(1201) must be 9739: did the two callers get each other's answer?");
    }
  }

  @Test
  void refuses_to_run_without_the_global_lock() {
    assertThrows(
        IllegalStateException.class,
        () -> Primes.nthPrime(10),
        "Primes.nthPrime(10) called without holding the global lock must throw IllegalStateException: it can only let go of a lock its caller holds. GlobalLock.detach throws it for you.");
  }

  @Test
  @BadInput
  void rejects_n_below_one() {
    for (long n : new long[] {0, -7}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> GlobalLock.attach(() -> Primes.nthPrime(n)),
          "nthPrime(%d) must throw IllegalArgumentException: primes are counted from 1."
              .formatted(n));
    }
  }

  @Test
  void keeps_each_callers_prime_to_itself() {
    // Per-call state in a static field, or a plain HashMap cache, crosses between two callers
    // only when their calls overlap at the wrong nanosecond: the course reads the code instead.
    SharedUpdates.assertNone(
        Primes.class,
        "Two threads call nthPrime at once: keep each call's prime in a local variable (return it from the lambda you give GlobalLock.detach), and make a cache thread-safe (ConcurrentHashMap).");
  }
}
