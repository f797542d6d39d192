package course.releasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import course.support.GlobalLock;
import course.support.NumberTheory;
import course.support.WorkProbe;
import course.support.testing.BadInput;
import course.support.testing.Deadline;
import course.support.testing.LearnerCopy;
import course.support.testing.LockWatch;
import course.support.testing.NoLeftovers;
import course.support.testing.Rendezvous;
import course.support.testing.SharedUpdates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every test works on a fresh copy of the learner's {@code Primes} ({@link LearnerCopy}), with a
 * table of its own: what one test leaves in the table cannot make another test's call skip its
 * computation, whatever order JUnit runs them in.
 */
@ExtendWith(NoLeftovers.class)
class PrimesTest {

  /** The work the tests watch: the support code's prime searches. */
  private static final String[] COMPUTING = {NumberTheory.PRIMES_AFTER, NumberTheory.NTH_PRIME};

  private static final Set<String> COMPUTING_SET = Set.of(COMPUTING);

  private static final String RELEASE_HINT =
      "Compute the missing primes inside GlobalLock.detach(...): the lock must be free while "
          + "they are computed.";

  private static final String TOUCH_HINT =
      "Inside GlobalLock.detach your thread holds no lock, so KNOWN (a GuardedList) may not be "
          + "touched there: read what the computation needs out of it into local variables before "
          + "you let go, and touch it again only once detach has returned.";

  /** The first primes, from a sieve written apart from the course's code: PRIME[k] is the k-th. */
  private static final long[] PRIME = sieve(40_000);

  /** A fresh copy of the learner's Primes, with its own table. */
  private static final class Fresh {
    private final LearnerCopy copy = LearnerCopy.of(Primes.class).load();

    /** Calls the copy's nthPrime on this thread, as it is: holding the lock or not. */
    long nthPrime(long n) {
      try {
        return copy.<Long>staticCall(Primes.class, "nthPrime", n).call();
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Exception e) {
        throw new AssertionError("Primes.nthPrime(%d) threw %s".formatted(n, e), e);
      }
    }

    /**
     * Calls it the way Python calls a native function: holding the lock; checks it is held after.
     */
    long holdingTheLock(long n) {
      return GlobalLock.attach(
          () -> {
            long prime = nthPrime(n);
            if (!GlobalLock.isHeldByCurrentThread()) {
              throw new AssertionError(
                  "Primes.nthPrime(%d) returned, but its thread no longer holds %s: the Javadoc says it returns holding the lock again, so the caller can go on touching guarded objects."
                      .formatted(n, GlobalLock.NAME));
            }
            return prime;
          });
    }

    /** {@link #holdingTheLock} under a deadline. */
    long call(long n) {
      return Deadline.call(
          () -> holdingTheLock(n),
          "GlobalLock.attach(() -> Primes.nthPrime(%d))".formatted(n),
          "Check that nthPrime returns, and that it does not wait for a lock its own thread holds.");
    }
  }

  @ParameterizedTest(name = "nthPrime({0}) = {1}")
  @CsvSource({"1, 2", "2, 3", "3, 5", "10, 29", "100, 541", "1000, 7919"})
  void finds_the_nth_prime(long n, long prime) {
    long got;
    try {
      got = new Fresh().call(n);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "nthPrime(%d) must be %d, but it threw %s".formatted(n, prime, e), e);
    }
    assertEquals(
        prime,
        got,
        "nthPrime(%d) must be %d. Compute the missing primes with NumberTheory.primesAfter."
            .formatted(n, prime));
  }

  @ParameterizedTest(name = "nthPrime({0})")
  @ValueSource(longs = {2, 3, 10, 99, 100, 101, 1_000})
  void releases_the_global_lock_whatever_n_is(long n) {
    var primes = new Fresh();
    try (var watch = LockWatch.open(COMPUTING)) {
      RuntimeException thrown = null;
      try {
        primes.call(n);
      } catch (RuntimeException e) {
        thrown = e;
      }
      watch.assertWorkRanWithoutTheLock(
          ("The Javadoc says the lock is free while primes are computed, for every n, however few "
                  + "are missing: "
                  + "release it on every path, for nthPrime(%d) as much as for a large n.")
              .formatted(n));
      if (thrown != null) {
        throw new AssertionError("nthPrime(%d) threw %s".formatted(n, thrown), thrown);
      }
    }
  }

  @Test
  void releases_the_global_lock_while_it_computes() {
    var primes = new Fresh();
    try (var watch = LockWatch.open(COMPUTING)) {
      RuntimeException thrown = null;
      long prime = -1;
      try {
        prime = primes.call(2_000);
      } catch (RuntimeException e) {
        thrown = e;
      }
      watch.assertWorkRanWithoutTheLock(RELEASE_HINT);
      if (thrown != null) {
        throw new AssertionError("nthPrime(2000) threw " + thrown, thrown);
      }
      assertEquals(17_389, prime, "nthPrime(2000) must be 17389.");
    }
  }

  @Test
  void touches_the_table_only_while_holding_the_lock() {
    var primes = new Fresh();
    try (var watch = LockWatch.open(COMPUTING)) {
      RuntimeException thrown = null;
      try {
        primes.call(500);
      } catch (RuntimeException e) {
        thrown = e;
      }
      watch.assertWorkRanWithoutTheLock(RELEASE_HINT);
      watch.assertGuardedObjectsTouchedOnlyWithTheLock(TOUCH_HINT);
      if (thrown != null) {
        throw new AssertionError("nthPrime(500) threw " + thrown, thrown);
      }
    }
  }

  @Test
  void lets_two_callers_compute_at_the_same_time() throws Exception {
    var primes = new Fresh();
    var results = new AtomicReferenceArray<Object>(2);
    var threads = new ArrayList<Thread>();
    try (var watch = LockWatch.open(COMPUTING);
        var rendezvous =
            Rendezvous.open(2, NumberTheory.PRIMES_AFTER, Rendezvous.DEFAULT_TIMEOUT)) {
      var watched =
          LearnerCopy.watchPlainCollections(
              () -> {
                startTwoCallers(primes, results, threads);
                return null;
              });
      watch.assertWorkRanWithoutTheLock(RELEASE_HINT);
      if (!watched.shared().isEmpty()) {
        throw new AssertionError(
            "Two callers computed at the same time, and a plain collection was changed by both, one of them holding no lock: %s. Inside GlobalLock.detach nothing protects it; keep what each call computes in its own local list, and share only KNOWN, touched with the lock."
                .formatted(watched.shared().getFirst()));
      }
      watch.assertGuardedObjectsTouchedOnlyWithTheLock(TOUCH_HINT);
      for (int i = 0; i < 2; i++) {
        if (results.get(i) instanceof Throwable e) {
          throw new AssertionError(
              "Caller %d's call of Primes.nthPrime(%d) threw %s".formatted(i, 1_200 + i, e), e);
        }
      }
      rendezvous.assertMet(
          "While one caller computes holding "
              + GlobalLock.NAME
              + ", the other waits for it: release it around the computation with GlobalLock.detach.");
    }
    var story =
        "Two callers computed at the same time, nthPrime(1200) and nthPrime(1201), and each "
            + "took the lock back to add its primes to KNOWN";
    assertEquals(
        PRIME[1_200],
        results.get(0),
        "%s: the first caller's nthPrime(1200) must be %d. When the lock comes back, the other caller may have added primes already: check what KNOWN holds now."
            .formatted(story, PRIME[1_200]));
    assertEquals(
        PRIME[1_201],
        results.get(1),
        "%s: the second caller's nthPrime(1201) must be %d. When the lock comes back, the other caller may have added primes already: check what KNOWN holds now."
            .formatted(story, PRIME[1_201]));
    assertTableHoldsTheFirstPrimes(primes, 1_201, story);
  }

  private static void startTwoCallers(
      Fresh primes, AtomicReferenceArray<Object> results, List<Thread> threads) {
    for (int i = 0; i < 2; i++) {
      int caller = i;
      threads.add(
          Thread.ofPlatform()
              .name("caller-" + i)
              .start(
                  () -> {
                    try {
                      results.set(caller, primes.holdingTheLock(1_200 + caller));
                    } catch (RuntimeException | Error e) {
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
  }

  /**
   * The interleaving the lesson is about, forced on every run: the first time a prime search starts
   * without the lock, another caller takes the lock and asks for primes of its own, and only when
   * it has returned does the search go on. The other caller asks for fewer primes than the first,
   * or for more.
   */
  @ParameterizedTest(name = "another caller asks for nthPrime({1}) while nthPrime({0}) computes")
  @CsvSource({"300, 200", "300, 400"})
  @SuppressWarnings("try") // the meddler only has to be installed, and removed at the end
  void keeps_the_table_right_when_another_caller_adds_primes_meanwhile(int first, int other) {
    var primes = new Fresh();
    var letIn = new AtomicBoolean();
    var otherThread = new AtomicReference<Thread>();
    var otherResult = new AtomicReference<Object>();
    var otherKeptWaiting = new AtomicBoolean();
    Object firstResult;
    try (var watch = LockWatch.open(COMPUTING);
        var meddler =
            WorkProbe.install(
                new WorkProbe.Listener() {
                  @Override
                  public void beforeWork(String work, Object input) {
                    if (COMPUTING_SET.contains(work)
                        && !GlobalLock.isHeldByCurrentThread()
                        && letIn.compareAndSet(false, true)) {
                      var thread =
                          Thread.ofPlatform()
                              .name("other-caller")
                              .start(
                                  () -> {
                                    try {
                                      otherResult.set(primes.holdingTheLock(other));
                                    } catch (RuntimeException | Error e) {
                                      otherResult.set(e);
                                    }
                                  });
                      otherThread.set(thread);
                      try {
                        if (!thread.join(Duration.ofSeconds(5))) {
                          otherKeptWaiting.set(true);
                        }
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }
                  }
                })) {
      try {
        firstResult = primes.call(first);
      } catch (RuntimeException e) {
        firstResult = e;
      }
      var thread = otherThread.get();
      if (thread != null) {
        Deadline.run(
            () -> thread.join(TimeUnit.SECONDS.toMillis(10)),
            "the other caller's GlobalLock.attach(() -> Primes.nthPrime(%d))".formatted(other),
            "Check that nthPrime returns.");
      }
      watch.assertWorkRanWithoutTheLock(RELEASE_HINT);
      watch.assertGuardedObjectsTouchedOnlyWithTheLock(TOUCH_HINT);
    }
    if (!letIn.get()) {
      throw new AssertionError(
          "nthPrime(%d) on a fresh table never computed a prime with NumberTheory.primesAfter: compute the missing primes with it, with the lock released."
              .formatted(first));
    }
    var story =
        ("While nthPrime(%d) computed with the lock released, the test made another caller take "
                + "the lock and call nthPrime(%d), which added primes to KNOWN")
            .formatted(first, other);
    if (otherKeptWaiting.get()) {
      throw new AssertionError(
          "%s; but that call could not finish within 5 s: it waited for something the first call held while it computed (a lock of your own?). With the global lock released, nothing should stop another caller."
              .formatted(story));
    }
    if (otherResult.get() instanceof Throwable e) {
      throw new AssertionError("%s; that call threw %s".formatted(story, e), e);
    }
    if (firstResult instanceof Throwable e) {
      throw new AssertionError(
          "%s. Then nthPrime(%d) took the lock back and threw %s: when the lock comes back, KNOWN may hold more primes than before you let go, even more than you computed."
              .formatted(story, first, e),
          e);
    }
    assertEquals(
        PRIME[other],
        otherResult.get(),
        "%s: that call must return %d.".formatted(story, PRIME[other]));
    assertEquals(
        PRIME[first],
        firstResult,
        "%s. Then nthPrime(%d) took the lock back and returned %s, not %d: check what KNOWN holds when the lock comes back, before you add your primes and answer."
            .formatted(story, first, firstResult, PRIME[first]));
    assertTableHoldsTheFirstPrimes(primes, Math.max(first, other), story);
  }

  @Test
  void remembers_every_prime_it_found() {
    var primes = new Fresh();
    assertEquals(PRIME[300], primes.call(300), "nthPrime(300) must be %d.".formatted(PRIME[300]));
    assertTableHoldsTheFirstPrimes(primes, 300, "After nthPrime(300)");
  }

  @Test
  void refuses_to_run_without_the_global_lock() {
    var primes = new Fresh();
    for (long n : new long[] {1, 10}) {
      Deadline.run(
          () ->
              assertThrows(
                  IllegalStateException.class,
                  () -> primes.nthPrime(n),
                  "Primes.nthPrime(%d) called without holding the global lock must throw IllegalStateException: it can only let go of a lock its caller holds, and KNOWN may only be read with it."
                      .formatted(n)),
          "Primes.nthPrime(%d) without the lock".formatted(n),
          "Check that nthPrime throws when its caller does not hold the lock.");
    }
  }

  @Test
  @BadInput
  void rejects_n_below_one() {
    var primes = new Fresh();
    for (long n : new long[] {0, -7}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> primes.call(n),
          "nthPrime(%d) must throw IllegalArgumentException: primes are counted from 1."
              .formatted(n));
    }
  }

  @Test
  void keeps_each_callers_prime_to_itself() {
    // Per-call state in a static field crosses between two callers only when their calls overlap
    // at the wrong nanosecond: the course reads the code instead. Collection calls are left to
    // lets_two_callers_compute_at_the_same_time, which sees who changes which collection: a list
    // that a call makes for itself and fills inside detach runs on that call's own thread.
    var shared =
        SharedUpdates.find(Primes.class).stream()
            .filter(update -> !update.what().startsWith("calls "))
            .toList();
    if (!shared.isEmpty()) {
      throw new AssertionError(
          "Primes updates a value that several threads share without a lock: %s. Two threads call nthPrime at once, and one update is lost (a race too rare to show in a test run, so the course reads your code). Keep each call's primes in local variables, and share only KNOWN, touched with the lock."
              .formatted(shared.getFirst()));
    }
  }

  /**
   * Fails unless every one of the first {@code upTo} primes is answered right and from the table,
   * computing nothing, and the next ones come out right too: a table that holds a prime twice or
   * lost some shows here.
   */
  @SuppressWarnings("try") // the counter only has to be installed, and removed at the end
  private static void assertTableHoldsTheFirstPrimes(Fresh primes, int upTo, String story) {
    var computed = new AtomicLong();
    try (var counter =
        WorkProbe.install(
            new WorkProbe.Listener() {
              @Override
              public void beforeWork(String work, Object input) {
                if (COMPUTING_SET.contains(work)) {
                  computed.incrementAndGet();
                }
              }
            })) {
      Deadline.run(
          () -> {
            for (int k = 1; k <= upTo; k++) {
              long got = primes.holdingTheLock(k);
              if (got != PRIME[k]) {
                throw new AssertionError(
                    ("%s. Afterwards nthPrime(%d) returned %d, but prime number %d is %d: KNOWN no "
                            + "longer holds the first primes in order, each once. When the lock "
                            + "comes back, the other caller may have added some of the primes you "
                            + "computed: add only those KNOWN does not hold yet.")
                        .formatted(story, k, got, k, PRIME[k]));
              }
              if (computed.get() > 0) {
                throw new AssertionError(
                    ("%s. Afterwards nthPrime(%d) computed primes again, though the first %d "
                            + "primes had all been returned already: the Javadoc says every prime "
                            + "found stays in KNOWN, so later calls answer from it. Keep every "
                            + "prime found, yours and the other callers'.")
                        .formatted(story, k, upTo));
              }
            }
          },
          "nthPrime(1) to nthPrime(%d), one after the other".formatted(upTo),
          "Check that nthPrime answers known primes from KNOWN and returns.");
    }
    long next = primes.call(upTo + 25);
    if (next != PRIME[upTo + 25]) {
      throw new AssertionError(
          ("%s. Afterwards nthPrime(%d) returned %d, but prime number %d is %d: KNOWN no longer "
                  + "holds the first primes in order, each once (it holds some twice?). When the "
                  + "lock comes back, add only the primes KNOWN does not hold yet.")
              .formatted(story, upTo + 25, next, upTo + 25, PRIME[upTo + 25]));
    }
  }

  private static long[] sieve(int limit) {
    var composite = new boolean[limit + 1];
    var primes = new ArrayList<Long>();
    primes.add(0L); // PRIME[0] is unused: primes are counted from 1
    for (int i = 2; i <= limit; i++) {
      if (!composite[i]) {
        primes.add((long) i);
        for (long j = (long) i * i; j <= limit; j += i) {
          composite[(int) j] = true;
        }
      }
    }
    return primes.stream().mapToLong(Long::longValue).toArray();
  }
}
