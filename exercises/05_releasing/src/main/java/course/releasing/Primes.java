package course.releasing;

import course.support.GuardedList;
import course.support.NumberTheory;
import java.util.List;

/**
 * Exercise 05: release the global lock around work that touches nothing shared. Read
 * book/05_releasing.md first.
 *
 * <p>{@link #nthPrime(long)} plays the part of a native function called from Python: whoever calls
 * it already holds {@code course.support.GlobalLock}, the way Python code calling into a C or Rust
 * extension holds the GIL. Like many such modules it keeps a cache that every caller shares: the
 * table {@link #KNOWN} of the primes found so far. The code below works and gives the right answer,
 * but it computes the missing primes while it holds the lock, so every other thread waits, and two
 * callers on two threads compute one after the other.
 *
 * <p>Given to you, in the support module: {@code NumberTheory.primesAfter(number, count)}, which
 * does the (slow) arithmetic and touches nothing shared, {@code GlobalLock.detach(...)}, which lets
 * go of the lock, runs what you give it, and takes the lock back, and {@code GuardedList}. Compute
 * with {@code NumberTheory.primesAfter}: the tests watch it to see whether the lock was held while
 * it ran.
 */
public final class Primes {

  /**
   * The primes found so far, smallest first and with no gaps: {@code KNOWN.get(i)} is the {@code (i
   * + 1)}-th prime. Shared by every caller on every thread, and guarded by the global lock: like a
   * Python object, it may only be touched while the lock is held.
   */
  private static final GuardedList<Long> KNOWN = new GuardedList<>(List.of(2L));

  private Primes() {}

  /**
   * The {@code n}-th prime number (2 for {@code n = 1}, 29 for {@code n = 10}), computed without
   * holding the global lock.
   *
   * <p>Must be called by a thread that holds the global lock (inside {@code
   * GlobalLock.attach(...)}); returns holding it again, so the caller can go on touching guarded
   * objects. Primes already in {@link #KNOWN} are answered from it; the missing ones are computed
   * with {@code NumberTheory.primesAfter}, and while they are computed the lock is free: another
   * thread can take it, and two callers on two threads compute at the same time. {@link #KNOWN} is
   * touched only while the lock is held.
   *
   * <p>Every prime found stays in {@link #KNOWN}: once a call has returned the {@code n}-th prime,
   * a later call for any of the first {@code n} primes computes nothing. Other callers may add
   * primes to {@link #KNOWN} whenever the lock is free; each call still returns its own prime, and
   * leaves {@link #KNOWN} holding the first primes, in order, each of them once.
   *
   * @param n which prime, counting from 1
   * @return the {@code n}-th prime
   * @throws IllegalArgumentException if {@code n < 1}
   * @throws IllegalStateException if the calling thread does not hold the global lock
   */
  public static long nthPrime(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    // TODO: this computes the missing primes while holding the global lock, so every other
    //  thread waits. Compute them with the lock released, and touch KNOWN only while you hold
    //  it: before you let go and after you take it back, when other callers may have added
    //  primes meanwhile. Read book/05_releasing.md, "What the gap changes".
    while (KNOWN.size() < n) {
      long last = KNOWN.getLast();
      KNOWN.add(NumberTheory.primesAfter(last, 1).getFirst());
    }
    return KNOWN.get(Math.toIntExact(n - 1));
  }
}
