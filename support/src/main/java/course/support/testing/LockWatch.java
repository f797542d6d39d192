package course.support.testing;

import course.support.GlobalLock;
import course.support.WorkProbe;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches {@link GlobalLock} while the learner's code runs: work that runs while holding it, and
 * guarded objects touched without it.
 *
 * <p>While the watch is open, each unit of the named work (for example {@code countWords} or {@code
 * nthPrime}) that starts on a thread holding the global lock is recorded and made to fail at once
 * with an {@link IllegalStateException} that names the lock. The record survives even if the
 * learner's code swallows that exception, so the test can still say what went wrong. Opening a
 * watch resets {@link GlobalLock#counters()}, so the watch also sees how often the lock was
 * attached and whether guarded objects were touched without it.
 *
 * <pre>{@code
 * try (var watch = LockWatch.open(WorkProbe.COUNT_WORDS)) {
 *   WordCount.count(text, 2);
 *   watch.assertWorkRanWithoutTheLock("Count outside GlobalLock.attach(...).");
 * }
 * }</pre>
 */
public final class LockWatch implements AutoCloseable {

  /**
   * One unit of work that ran while its thread held the global lock.
   *
   * @param work the work function's name
   * @param input its input
   * @param threadName the thread that ran it
   */
  public record Violation(String work, Object input, String threadName) {}

  private final Set<String> works;
  private final List<Violation> violations = new CopyOnWriteArrayList<>();
  private final AtomicLong unitsSeen = new AtomicLong();
  private final WorkProbe.Registration registration;

  private LockWatch(Set<String> works) {
    this.works = works;
    GlobalLock.resetCounters();
    this.registration =
        WorkProbe.install(
            new WorkProbe.Listener() {
              @Override
              public void beforeWork(String work, Object input) {
                if (!LockWatch.this.works.contains(work)) {
                  return;
                }
                unitsSeen.incrementAndGet();
                if (GlobalLock.isHeldByCurrentThread()) {
                  var violation = new Violation(work, input, Thread.currentThread().getName());
                  violations.add(violation);
                  throw new IllegalStateException(
                      describe(violation)
                          + " The course's test stopped this work: compute without holding the lock.");
                }
              }
            });
  }

  /**
   * Starts watching the named work functions.
   *
   * @param works work names, for example {@link WorkProbe#COUNT_WORDS}
   */
  public static LockWatch open(String... works) {
    return new LockWatch(Set.of(works));
  }

  /** The units of watched work that ran while their thread held the lock. */
  public List<Violation> violations() {
    return List.copyOf(violations);
  }

  /** How many units of watched work started, with or without the lock. */
  public long unitsSeen() {
    return unitsSeen.get();
  }

  /** What the global lock counted since this watch opened. */
  public GlobalLock.Counters counters() {
    return GlobalLock.counters();
  }

  /**
   * Fails if any watched work ran while its thread held the global lock.
   *
   * @param hint what the learner should change, in one sentence
   */
  public void assertWorkRanWithoutTheLock(String hint) {
    if (!violations.isEmpty()) {
      var first = violations.get(0);
      throw new AssertionError(
          "%s %s".formatted(describe(first), hint)
              + (violations.size() > 1
                  ? " (%d units of work ran holding the lock in all.)".formatted(violations.size())
                  : ""));
    }
  }

  /**
   * Fails if a {@code Guarded} value or a {@code GuardedList} was touched without the global lock
   * since this watch opened, even if the learner's code caught the exception.
   *
   * @param hint what the learner should change, in one sentence
   */
  public void assertGuardedObjectsTouchedOnlyWithTheLock(String hint) {
    var counters = GlobalLock.counters();
    if (counters.guardViolations() > 0) {
      throw new AssertionError(
          "Your code touched a guarded object without holding %s (%d time%s). The last time: %s %s"
              .formatted(
                  GlobalLock.NAME,
                  counters.guardViolations(),
                  counters.guardViolations() == 1 ? "" : "s",
                  counters.lastViolation(),
                  hint));
    }
  }

  private static String describe(Violation violation) {
    return ("%s(%s) ran on thread '%s' while that thread held %s, so every other thread that "
            + "needed the lock had to wait: the work ran one call at a time.")
        .formatted(
            violation.work(),
            violation.input() instanceof CharSequence text
                ? Texts.show(text.toString())
                : violation.input(),
            violation.threadName(),
            GlobalLock.NAME);
  }

  @Override
  public void close() {
    registration.close();
  }
}
