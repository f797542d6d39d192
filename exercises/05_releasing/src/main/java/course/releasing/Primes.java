package course.releasing;

/**
 * Exercise 05: release the global lock around work that touches nothing shared. Read
 * book/05_releasing.md first.
 *
 * <p>{@link #nthPrime(long)} plays the part of a native function called from Python: whoever calls
 * it already holds {@code course.support.GlobalLock}, the way Python code calling into a C or Rust
 * extension holds the GIL. The computation itself touches no guarded object, so there is no reason
 * to keep every other thread waiting while it runs.
 *
 * <p>Given to you, in the support module: {@code course.support.NumberTheory.nthPrime(n)}, which
 * does the (slow) arithmetic, and {@code GlobalLock.detach(...)}, which lets go of the lock, runs
 * what you give it, and takes the lock back. Compute with {@code NumberTheory.nthPrime}: the tests
 * watch it to see whether the lock was held while it ran.
 */
public final class Primes {

  private Primes() {}

  /**
   * The {@code n}-th prime number (2 for {@code n = 1}, 29 for {@code n = 10}), computed without
   * holding the global lock.
   *
   * <p>Must be called by a thread that holds the global lock (inside {@code
   * GlobalLock.attach(...)}); returns holding it again, so the caller can go on touching guarded
   * objects. While the prime is computed the lock is free: another thread can take it, and two
   * callers on two threads compute at the same time.
   *
   * @param n which prime, counting from 1
   * @return the {@code n}-th prime
   * @throws IllegalArgumentException if {@code n < 1}
   * @throws IllegalStateException if the calling thread does not hold the global lock ({@code
   *     GlobalLock.detach} throws it for you)
   */
  public static long nthPrime(long n) {
    // TODO: compute NumberTheory.nthPrime(n) inside GlobalLock.detach(() -> ...), so that the
    //  lock is free while the prime is computed, and taken back before you return.
    //  Read book/05_releasing.md, "Letting go, and taking it back".
    throw new UnsupportedOperationException("TODO: compute the n-th prime without the global lock");
  }
}
