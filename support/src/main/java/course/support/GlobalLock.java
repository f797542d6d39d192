package course.support;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The course's global lock: one lock for the whole JVM, the stand-in for CPython's Global
 * Interpreter Lock (GIL) in chapters 04 to 07.
 *
 * <p><b>What it mirrors.</b> In CPython, a thread may only run Python code, or touch a Python
 * object, while it holds the GIL. Native code called from Python (a C or Rust extension) starts out
 * holding it, and may <em>release</em> it around work that touches no Python object, so that other
 * threads can run meanwhile. The Rust binding pyo3 names the two moves:
 *
 * <table>
 *   <caption>pyo3 and this class</caption>
 *   <tr><th>pyo3</th><th>here</th><th>meaning</th></tr>
 *   <tr><td>{@code Python::attach(|py| ...)} (formerly {@code Python::with_gil})</td>
 *       <td>{@link #attach(Supplier)}</td>
 *       <td>take the lock, run, let it go</td></tr>
 *   <tr><td>{@code py.detach(|| ...)} (formerly {@code py.allow_threads})</td>
 *       <td>{@link #detach(Supplier)}</td>
 *       <td>while holding it: let it go, run, take it back</td></tr>
 * </table>
 *
 * <p><b>What it does not mirror.</b> pyo3 hands the code that holds the GIL a token ({@code
 * Python<'py>}) and ties every Python object to that token's lifetime, so the Rust compiler refuses
 * a program that touches a Python object without the GIL. Java has no lifetimes, so the course
 * checks at run time instead: a {@link Guarded} value or a {@link GuardedList} throws {@link
 * IllegalStateException} when it is touched by a thread that does not hold this lock.
 *
 * <p><b>Why the JVM needs none of this.</b> The JVM has no global lock: its threads run Java code
 * in parallel, and the Java Memory Model says what each thread is guaranteed to see. This class
 * exists so that you can feel what a global lock costs, and learn to release it.
 *
 * <p>The lock is reentrant (attaching while attached is allowed, as in pyo3) and fair: a thread
 * that lets it go does not grab it straight back ahead of the threads already waiting.
 *
 * <pre>{@code
 * long words = GlobalLock.attach(() -> {
 *   results.add(...);                                   // touch shared, guarded state
 *   return GlobalLock.detach(() -> slowComputation());  // no lock while computing
 * });
 * }</pre>
 */
public final class GlobalLock {

  /** How failure messages name this lock. */
  public static final String NAME = "the global lock (course.support.GlobalLock)";

  /**
   * What the lock saw since the last {@link #resetCounters()}: for tests and for curious readers.
   *
   * @param attachCalls how many times {@link #attach} was called
   * @param detachCalls how many times {@link #detach} was called
   * @param maxWaiting the largest number of threads that were waiting for the lock at once
   * @param guardViolations how many times a guarded object was touched without the lock
   * @param lastViolation the message of the last such touch, or {@code null}
   * @param listWrites how many elements were added to, or replaced in, a {@link GuardedList}
   */
  public record Counters(
      long attachCalls,
      long detachCalls,
      int maxWaiting,
      long guardViolations,
      String lastViolation,
      long listWrites) {}

  private static final ReentrantLock LOCK = new ReentrantLock(true);

  private static final AtomicLong ATTACH_CALLS = new AtomicLong();
  private static final AtomicLong DETACH_CALLS = new AtomicLong();
  private static final AtomicInteger WAITING = new AtomicInteger();
  private static final AtomicInteger MAX_WAITING = new AtomicInteger();
  private static final AtomicLong VIOLATIONS = new AtomicLong();
  private static final AtomicReference<String> LAST_VIOLATION = new AtomicReference<>();
  private static final AtomicLong LIST_WRITES = new AtomicLong();

  private GlobalLock() {}

  /**
   * Runs {@code work} while holding the lock, and returns its result. Blocks until the lock is
   * free. Like pyo3's {@code Python::attach}.
   *
   * @param work what to run; it may touch guarded objects
   * @return what {@code work} returned
   * @throws NullPointerException if {@code work} is null
   */
  public static <T> T attach(Supplier<T> work) {
    Objects.requireNonNull(work, "work must not be null");
    ATTACH_CALLS.incrementAndGet();
    acquire();
    try {
      return work.get();
    } finally {
      LOCK.unlock();
    }
  }

  /** Runs {@code work} while holding the lock. See {@link #attach(Supplier)}. */
  public static void attach(Runnable work) {
    Objects.requireNonNull(work, "work must not be null");
    attach(
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Lets the lock go, runs {@code work}, and takes the lock back before returning, even when {@code
   * work} throws. Like pyo3's {@code py.detach} (formerly {@code allow_threads}).
   *
   * <p>The lock is released completely, however many times this thread attached, so other threads
   * really can take it. {@code work} must not touch guarded objects: it runs without the lock, and
   * they would throw.
   *
   * @param work what to run without the lock
   * @return what {@code work} returned
   * @throws IllegalStateException if the current thread does not hold the lock: you can only let go
   *     of what you hold
   * @throws NullPointerException if {@code work} is null
   */
  public static <T> T detach(Supplier<T> work) {
    Objects.requireNonNull(work, "work must not be null");
    int holds = LOCK.getHoldCount();
    if (holds == 0) {
      throw new IllegalStateException(
          "GlobalLock.detach(...) was called by a thread that does not hold "
              + NAME
              + ". Detach only inside GlobalLock.attach(...), to let go of the lock you hold.");
    }
    DETACH_CALLS.incrementAndGet();
    for (int i = 0; i < holds; i++) {
      LOCK.unlock();
    }
    try {
      return work.get();
    } finally {
      acquire();
      for (int i = 1; i < holds; i++) {
        LOCK.lock(); // free: we hold it already, this only restores the hold count
      }
    }
  }

  /** Runs {@code work} without the lock. See {@link #detach(Supplier)}. */
  public static void detach(Runnable work) {
    Objects.requireNonNull(work, "work must not be null");
    detach(
        () -> {
          work.run();
          return null;
        });
  }

  /** Whether the calling thread holds the lock right now. */
  public static boolean isHeldByCurrentThread() {
    return LOCK.isHeldByCurrentThread();
  }

  /**
   * Throws unless the calling thread holds the lock.
   *
   * @param what the object or action that needs it, for the message
   * @throws IllegalStateException if the lock is not held
   */
  public static void requireHeld(String what) {
    if (!LOCK.isHeldByCurrentThread()) {
      var message =
          what
              + " was touched by thread '"
              + Thread.currentThread().getName()
              + "', which does not hold "
              + NAME
              + ". Touch it only inside GlobalLock.attach(...), "
              + "or copy what you need out of it while you hold the lock.";
      reportViolation(message);
      throw new IllegalStateException(message);
    }
  }

  /** What the lock saw since the last reset. */
  public static Counters counters() {
    return new Counters(
        ATTACH_CALLS.get(),
        DETACH_CALLS.get(),
        MAX_WAITING.get(),
        VIOLATIONS.get(),
        LAST_VIOLATION.get(),
        LIST_WRITES.get());
  }

  /** Sets every counter back to zero. Tests call it before they watch. */
  public static void resetCounters() {
    ATTACH_CALLS.set(0);
    DETACH_CALLS.set(0);
    MAX_WAITING.set(0);
    VIOLATIONS.set(0);
    LAST_VIOLATION.set(null);
    LIST_WRITES.set(0);
  }

  /** Counts a touch of a guarded object without the lock, for {@link #counters()}. */
  static void reportViolation(String message) {
    VIOLATIONS.incrementAndGet();
    LAST_VIOLATION.set(message);
  }

  /** Counts an element added to, or replaced in, a {@link GuardedList}, for {@link #counters()}. */
  static void reportListWrite() {
    LIST_WRITES.incrementAndGet();
  }

  /** Takes the lock, noting how many threads are waiting for it at the same time. */
  private static void acquire() {
    if (LOCK.isHeldByCurrentThread()) {
      LOCK.lock(); // reentrant: never waits
      return;
    }
    // tryLock() jumps the queue even on a fair lock, so try it only when nobody is queued.
    if (!LOCK.hasQueuedThreads() && LOCK.tryLock()) {
      return;
    }
    MAX_WAITING.accumulateAndGet(WAITING.incrementAndGet(), Math::max);
    try {
      LOCK.lock();
    } finally {
      WAITING.decrementAndGet();
    }
  }
}
