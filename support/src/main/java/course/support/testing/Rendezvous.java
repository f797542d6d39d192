package course.support.testing;

import course.support.GlobalLock;
import course.support.WorkProbe;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A meeting point that only work done in parallel can pass.
 *
 * <p>While a rendezvous of {@code parties} is open, each of the first {@code parties} units of work
 * waits at its start until {@code parties} units have started, so they can only all pass if that
 * many run <em>at the same time</em>. Work that runs one after the other never gets there: the
 * first unit waits out the time-out, the rendezvous is marked missed, and from then on no one
 * waits, so the code under test still finishes and the test can say what went wrong.
 *
 * <p>This proves parallelism without a stopwatch: a parallel solution passes on a slow or busy
 * machine (the time-out is generous, and it only pays when the rendezvous is missed), and a
 * sequential one fails on a fast machine.
 *
 * <pre>{@code
 * try (var rendezvous = Rendezvous.open(2)) {
 *   WordCount.count(text, 2);
 *   rendezvous.assertMet("Start all threads before you join any of them.");
 * }
 * }</pre>
 */
public final class Rendezvous implements AutoCloseable {

  /** Long enough for a thread or task to start on a loaded machine, many times over. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final int parties;
  private final String work;
  private final Duration timeout;
  private final CountDownLatch arrivals;
  private final AtomicBoolean missed = new AtomicBoolean();
  private final AtomicReference<String> ownLock = new AtomicReference<>();
  private final WorkProbe.Registration registration;

  private Rendezvous(int parties, String work, Duration timeout) {
    if (parties < 1) {
      throw new IllegalArgumentException("parties must be at least 1, got " + parties);
    }
    this.parties = parties;
    this.work = work;
    this.timeout = timeout;
    this.arrivals = new CountDownLatch(parties);
    this.registration =
        WorkProbe.install(
            new WorkProbe.Listener() {
              @Override
              public void beforeWork(String name, Object input) {
                if (name.equals(Rendezvous.this.work)) {
                  arrive();
                }
              }
            });
  }

  /** Opens a rendezvous of {@code parties} units of {@link WorkProbe#COUNT_WORDS} work. */
  public static Rendezvous open(int parties) {
    return new Rendezvous(parties, WorkProbe.COUNT_WORDS, DEFAULT_TIMEOUT);
  }

  /** Opens a rendezvous of {@code parties} units of the named work, with a time-out. */
  public static Rendezvous open(int parties, String work, Duration timeout) {
    return new Rendezvous(parties, work, timeout);
  }

  private void arrive() {
    if (missed.get() || arrivals.getCount() == 0) {
      return; // met already, or missed: later work passes freely
    }
    arrivals.countDown();
    try {
      if (!arrivals.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        ownLock.compareAndSet(null, lockHeldAgainstOthers());
        missed.set(true);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * When the rendezvous times out: whether this thread, waiting inside the work, holds a lock that
   * other threads are blocked on (a {@code synchronized} block or a {@code Lock} of the learner's
   * own; the course's global lock is named by its own checks). Empty when it holds none.
   */
  private static String lockHeldAgainstOthers() {
    if (GlobalLock.isHeldByCurrentThread()) {
      return "";
    }
    try {
      var me = Thread.currentThread().threadId();
      var bean = ManagementFactory.getThreadMXBean();
      for (var info : bean.dumpAllThreads(false, false)) {
        if (info.getLockOwnerId() == me && info.getLockInfo() != null) {
          var lock = info.getLockInfo().getClassName();
          var kind =
              info.getThreadState() == Thread.State.BLOCKED
                  ? "a synchronized block or method (a monitor of " + simple(lock) + ")"
                  : "a " + simple(lock).replaceAll("\\$.*", "");
          return "thread '%s' held %s while it worked, and thread '%s' waited for that lock"
              .formatted(Thread.currentThread().getName(), kind, info.getThreadName());
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // No management beans: say nothing about locks.
    }
    return "";
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** Whether {@code parties} units of work were under way at the same time. */
  public boolean met() {
    return !missed.get() && arrivals.getCount() == 0;
  }

  /** How many units of work reached the rendezvous, at most {@code parties}. */
  public long arrived() {
    return parties - arrivals.getCount();
  }

  /**
   * Fails unless the rendezvous was met.
   *
   * @param hint what the learner should check, in one sentence
   */
  public void assertMet(String hint) {
    if (!met()) {
      var lock = ownLock.get();
      if (lock != null && !lock.isEmpty()) {
        throw new AssertionError(
            ("Expected %d %s calls to run at the same time, but your own lock made them run one at a time: %s. "
                    + "Hold a lock (synchronized, a ReentrantLock) only around the hand-off of a result, never around the work itself.")
                .formatted(parties, work, lock));
      }
      throw new AssertionError(
          "Expected %d %s calls to run at the same time, but %s. %s"
              .formatted(parties, work, seen(), hint));
    }
  }

  private String seen() {
    if (arrived() == 0) {
      return "none ran at all";
    }
    if (missed.get() && arrived() > 1) {
      return "only %d were under way together: they waited %d s for the others, who never came"
          .formatted(arrived(), timeout.toSeconds());
    }
    if (missed.get()) {
      return "each one ran alone: the first waited %d s for a partner that never came"
          .formatted(timeout.toSeconds());
    }
    return "only %d of them ever started".formatted(arrived());
  }

  @Override
  public void close() {
    registration.close();
  }
}
