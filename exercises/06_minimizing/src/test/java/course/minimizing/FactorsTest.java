package course.minimizing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.support.GlobalLock;
import course.support.GuardedList;
import course.support.NumberTheory;
import course.support.WorkProbe;
import course.support.testing.BadInput;
import course.support.testing.Deadline;
import course.support.testing.LockWatch;
import course.support.testing.NoLeftovers;
import course.support.testing.Rendezvous;
import course.support.testing.SharedUpdates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeftovers.class)
class FactorsTest {

  private static final String RELEASE_HINT =
      "Copy the numbers out while you hold the lock, and call NumberTheory.uniquePrimeFactors "
          + "only inside GlobalLock.detach(() -> ...).";

  /** Calls primeFactors the way Python calls a native function (holding the lock), copies out. */
  private static List<Factorization> factorHoldingTheLock(GuardedList<Long> numbers) {
    return Deadline.call(
        () -> GlobalLock.attach(() -> List.copyOf(Factors.primeFactors(numbers))),
        "GlobalLock.attach(() -> Factors.primeFactors(numbers))",
        "Check that primeFactors returns, and that it never waits for a lock its own thread holds.");
  }

  /** The test's own factoring, written apart from NumberTheory: an oracle. */
  private static List<Long> oracle(long number) {
    var factors = new ArrayList<Long>();
    for (long p = 2; p * p <= number; p++) {
      if (number % p == 0) {
        factors.add(p);
        while (number % p == 0) {
          number /= p;
        }
      }
    }
    if (number > 1) {
      factors.add(number);
    }
    return factors;
  }

  private static GuardedList<Long> randomNumbers(long seed, int count) {
    var random = new SplittableRandom(seed);
    return new GuardedList<>(
        LongStream.generate(() -> random.nextLong(1, 5_000_000_000L))
            .limit(count)
            .boxed()
            .toList());
  }

  private static void assertEachNumberHasItsOwnFactors(List<Factorization> result, String hint) {
    for (int i = 0; i < result.size(); i++) {
      var f = result.get(i);
      var expected = oracle(f.number());
      if (!expected.equals(f.factors())) {
        throw new AssertionError(
            "Factorization %d of the result pairs the number %d with the factors %s, but the distinct prime factors of %d are %s. %s"
                .formatted(i, f.number(), f.factors(), f.number(), expected, hint));
      }
    }
  }

  @Test
  void factors_each_number_in_order() {
    var numbers =
        new GuardedList<>(List.of(12L, 35L, 97L, 1L, 1024L, 30_030L, 999_983L, 600_851_475_143L));
    var expected =
        List.of(
            new Factorization(12, List.of(2L, 3L)),
            new Factorization(35, List.of(5L, 7L)),
            new Factorization(97, List.of(97L)),
            new Factorization(1, List.of()),
            new Factorization(1024, List.of(2L)),
            new Factorization(30_030, List.of(2L, 3L, 5L, 7L, 11L, 13L)),
            new Factorization(999_983, List.of(999_983L)),
            new Factorization(600_851_475_143L, List.of(71L, 839L, 1471L, 6857L)));
    assertEquals(
        expected,
        factorHoldingTheLock(numbers),
        "Expected one Factorization per number, in the list's order, each with the number's distinct prime factors from NumberTheory.uniquePrimeFactors.");
  }

  @Test
  void gives_one_factorization_per_element_even_for_a_repeated_number() {
    var input = List.of(35L, 12L, 35L, 1L, 97L, 12L, 12L, 1L, 64L, 35L);
    var result = factorHoldingTheLock(new GuardedList<>(input));
    var numbers = result.stream().map(Factorization::number).toList();
    assertEquals(
        input,
        numbers,
        "The result must hold one Factorization per element of the list, in the list's order, repeated numbers included: for %s the numbers of the result must be the same list, but they were %s. A number that appears twice gets two Factorizations."
            .formatted(input, numbers));
    assertEachNumberHasItsOwnFactors(
        result, "Factor each number with NumberTheory.uniquePrimeFactors.");
  }

  @Test
  void never_factors_while_holding_the_global_lock() {
    var numbers = randomNumbers(60, 40);
    try (var watch = LockWatch.open(NumberTheory.UNIQUE_PRIME_FACTORS)) {
      List<Factorization> result = null;
      RuntimeException thrown = null;
      try {
        result = factorHoldingTheLock(numbers);
      } catch (RuntimeException e) {
        thrown = e;
      }
      watch.assertWorkRanWithoutTheLock(RELEASE_HINT);
      watch.assertGuardedObjectsTouchedOnlyWithTheLock(
          "Touch the shared GuardedList only while you hold the lock: before detach, or after it.");
      if (thrown != null) {
        throw new AssertionError("primeFactors threw " + thrown, thrown);
      }
      assertEquals(40, result.size(), "Expected one Factorization per number (40 numbers).");
      assertEachNumberHasItsOwnFactors(
          result, "Factor each number with NumberTheory.uniquePrimeFactors.");
    }
  }

  @Test
  void lets_two_callers_factor_at_the_same_time() {
    var lists = List.of(randomNumbers(61, 10), randomNumbers(62, 10));
    var results = new AtomicReferenceArray<Object>(2);
    var threads = new ArrayList<Thread>();
    try (var watch = LockWatch.open(NumberTheory.UNIQUE_PRIME_FACTORS);
        var rendezvous =
            Rendezvous.open(2, NumberTheory.UNIQUE_PRIME_FACTORS, Duration.ofSeconds(5))) {
      for (int i = 0; i < 2; i++) {
        int caller = i;
        threads.add(
            Thread.ofPlatform()
                .name("caller-" + i)
                .start(
                    () -> {
                      try {
                        results.set(
                            caller,
                            GlobalLock.attach(
                                () -> List.copyOf(Factors.primeFactors(lists.get(caller)))));
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
          "two threads each calling GlobalLock.attach(() -> Factors.primeFactors(...))",
          "Check that primeFactors lets go of the lock with GlobalLock.detach and returns.");
      watch.assertWorkRanWithoutTheLock(RELEASE_HINT);
      for (int i = 0; i < 2; i++) {
        if (results.get(i) instanceof RuntimeException e) {
          throw new AssertionError(
              "Caller %d's call of Factors.primeFactors threw %s".formatted(i, e), e);
        }
      }
      rendezvous.assertMet(
          "While one caller factors holding "
              + GlobalLock.NAME
              + ", the other waits for it: factor inside GlobalLock.detach(...).");
    }
  }

  /**
   * The race of this chapter, made to happen every time. The first time a number is factored (when
   * a correct solution has let go of the lock), another thread takes the lock and changes the
   * shared list: every number becomes number + 1, and one number is appended. A solution that
   * copied the list out, or that reads each number once before it detaches, still pairs each number
   * with its own factors. One that iterates over the shared list across a detach, or reads a number
   * again after it, does not.
   */
  @Test
  @SuppressWarnings("try") // the meddler only has to be installed, and removed at the end
  void keeps_each_number_with_its_own_factors_when_another_thread_changes_the_list() {
    var original = List.of(12L, 35L, 97L, 1024L, 30_030L, 77L);
    var numbers = new GuardedList<>(original);
    var changed = new AtomicBoolean();
    try (var watch = LockWatch.open(NumberTheory.UNIQUE_PRIME_FACTORS);
        var meddler =
            WorkProbe.install(
                new WorkProbe.Listener() {
                  @Override
                  public void beforeWork(String work, Object input) {
                    if (work.equals(NumberTheory.UNIQUE_PRIME_FACTORS)
                        && changed.compareAndSet(false, true)) {
                      changeFromAnotherThread(numbers);
                    }
                  }
                })) {
      List<Factorization> result;
      try {
        result = factorHoldingTheLock(numbers);
      } catch (ConcurrentModificationException e) {
        watch.assertWorkRanWithoutTheLock(RELEASE_HINT);
        throw new AssertionError(
            "primeFactors threw ConcurrentModificationException: it went on iterating over the shared list after letting go of the lock, and another thread had changed the list meanwhile (this test does so on purpose). Copy the numbers out with List.copyOf before you detach, or walk the list by index.",
            e);
      }
      watch.assertWorkRanWithoutTheLock(RELEASE_HINT);
      assertTrue(
          changed.get(),
          "NumberTheory.uniquePrimeFactors was never called: factor each number with it.");
      assertEachNumberHasItsOwnFactors(
          result,
          "Another thread changed the list while your code had let go of the lock (this test does so on purpose): read each number once, while you hold the lock, and pair the factors with that value, not with what the list holds after the detach.");
      assertTrue(
          result.size() == original.size() || result.size() == original.size() + 1,
          "Expected %d factorizations (the list as you copied it) or %d (the list as you walked it, after another thread appended a number), but got %d."
              .formatted(original.size(), original.size() + 1, result.size()));
    }
  }

  /**
   * The list changes at <em>every</em> release of the lock, and shrinks: another thread removes the
   * last number and changes the others each time the learner's code factors. Code that read the
   * size once, or that survives one change only, fails here.
   */
  @Test
  @SuppressWarnings("try") // the meddler only has to be installed, and removed at the end
  void copes_with_a_list_that_shrinks_and_changes_at_every_release() {
    var numbers = new GuardedList<>(List.of(12L, 35L, 97L, 1024L, 30_030L, 77L, 64L, 81L));
    var changes = new java.util.concurrent.atomic.AtomicInteger();
    try (var watch = LockWatch.open(NumberTheory.UNIQUE_PRIME_FACTORS);
        var meddler =
            WorkProbe.install(
                new WorkProbe.Listener() {
                  @Override
                  public void beforeWork(String work, Object input) {
                    if (work.equals(NumberTheory.UNIQUE_PRIME_FACTORS)
                        && !GlobalLock.isHeldByCurrentThread()
                        && changes.incrementAndGet() <= 20) {
                      runFromAnotherThread(
                          () -> {
                            if (numbers.size() > 1) {
                              numbers.remove(numbers.size() - 1);
                            }
                            for (int i = 0; i < numbers.size(); i++) {
                              numbers.set(i, numbers.get(i) + 2);
                            }
                          });
                    }
                  }
                })) {
      List<Factorization> result;
      try {
        result = factorHoldingTheLock(numbers);
      } catch (ConcurrentModificationException | IndexOutOfBoundsException e) {
        watch.assertWorkRanWithoutTheLock(RELEASE_HINT);
        throw new AssertionError(
            "primeFactors threw %s: another thread removed a number and changed the others every time your code let go of the lock (this test does so on purpose, again and again). Copy the numbers out with List.copyOf before you detach, or read numbers.size() again each time you hold the lock."
                .formatted(e),
            e);
      }
      watch.assertWorkRanWithoutTheLock(RELEASE_HINT);
      assertTrue(
          changes.get() > 1,
          "NumberTheory.uniquePrimeFactors was called %d times: factor each number with it."
              .formatted(changes.get()));
      assertEachNumberHasItsOwnFactors(
          result,
          "Another thread changed the list every time your code had let go of the lock: read each number once, while you hold the lock, and pair the factors with that value.");
    }
  }

  /** Another thread takes the lock and runs {@code change}; we wait for it. */
  private static void runFromAnotherThread(Runnable change) {
    var other = Thread.ofPlatform().name("another-thread").start(() -> GlobalLock.attach(change));
    try {
      other.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Another thread takes the lock and changes every number, then appends one; we wait for it. */
  private static void changeFromAnotherThread(GuardedList<Long> numbers) {
    var other =
        Thread.ofPlatform()
            .name("another-thread")
            .start(
                () ->
                    GlobalLock.attach(
                        () -> {
                          for (int i = 0; i < numbers.size(); i++) {
                            numbers.set(i, numbers.get(i) + 1);
                          }
                          numbers.add(5L);
                        }));
    try {
      other.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void returns_an_empty_list_for_an_empty_list() {
    assertEquals(
        List.of(),
        factorHoldingTheLock(new GuardedList<>()),
        "primeFactors(empty list) must return an empty list.");
  }

  @Test
  void refuses_to_run_without_the_global_lock() {
    var numbers = new GuardedList<>(List.of(12L));
    assertThrows(
        IllegalStateException.class,
        () -> Factors.primeFactors(numbers),
        "Factors.primeFactors called without holding the global lock must throw IllegalStateException: touching the GuardedList, or GlobalLock.detach, throws it for you.");
  }

  @Test
  @BadInput
  void rejects_null_and_numbers_below_one() {
    assertThrows(
        NullPointerException.class,
        () -> GlobalLock.attach(() -> Factors.primeFactors(null)),
        "primeFactors(null) must throw NullPointerException.");
    var withZero = new GuardedList<>(List.of(12L, 0L));
    assertThrows(
        IllegalArgumentException.class,
        () -> GlobalLock.attach(() -> Factors.primeFactors(withZero)),
        "primeFactors([12, 0]) must throw IllegalArgumentException: 0 has no prime factorization.");
    var withNull = new GuardedList<>(java.util.Arrays.asList(12L, null));
    assertThrows(
        NullPointerException.class,
        () -> GlobalLock.attach(() -> Factors.primeFactors(withNull)),
        "primeFactors([12, null]) must throw NullPointerException.");
  }

  @Test
  void keeps_each_callers_factors_to_itself() {
    // A race with a window of nanoseconds (`total += n` on shared memory, per-call state in a
    // static field) shows in no test run: the course reads the compiled code instead.
    SharedUpdates.assertNone(
        Factors.class,
        "Two threads call primeFactors at once: build each call's result in a new list of its own (local variables), never in a static field or a buffer that calls share.");
  }
}
