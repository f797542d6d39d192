package course.support.testing;

import course.support.WorkProbe;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** Small checks on threads that a test has collected, platform or virtual. */
public final class Threads {

  private Threads() {}

  /**
   * Gives {@code threads} up to {@code grace} to end, then returns those still alive, in the order
   * given. Use it to tell a pool that was shut down (its threads end within moments) from one that
   * was forgotten (they wait for work forever).
   *
   * @param threads the threads to watch; virtual threads too
   * @param grace how long they may take to end
   * @return the threads still alive after the grace period; empty if all ended
   */
  public static List<Thread> stillAliveAfter(Collection<Thread> threads, Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    while (threads.stream().anyMatch(Thread::isAlive) && System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return threads.stream().filter(Thread::isAlive).toList();
  }

  /**
   * Fails unless {@code code} throws {@link InterruptedException} when its thread is interrupted
   * while it waits for its workers (see {@link #thrownWhenInterruptedWhileWaiting}).
   *
   * @param code the call under test
   * @param work the work function whose units to hold, for example {@code WorkProbe.COUNT_WORDS}
   * @param call the call, as the learner would write it, for the message
   * @param fix what to do about it, in a sentence or two
   */
  public static void assertInterruptedExceptionWhenInterruptedWhileWaiting(
      Callable<?> code, String work, String call, String fix) {
    var thrown = thrownWhenInterruptedWhileWaiting(code, work);
    if (!(thrown instanceof InterruptedException)) {
      throw new AssertionError(
          ("The thread calling %s was interrupted while its workers were still counting; it must "
                  + "then throw InterruptedException (its Javadoc: @throws InterruptedException), "
                  + "but it %s. %s")
              .formatted(
                  call,
                  thrown == null
                      ? "returned normally (was the interrupt caught and ignored?)"
                      : "threw " + thrown,
                  fix));
    }
  }

  /**
   * What a call did when its thread was interrupted while it waited for its workers: {@code code}
   * runs on a thread of its own; the units of {@code work} that other threads start are held at
   * their start, so the call is certainly waiting for them; then its thread is interrupted, and
   * only after it has answered (or after a few seconds) are the workers let go.
   *
   * @param code the call under test
   * @param work the work function whose units to hold, for example {@code WorkProbe.COUNT_WORDS}
   * @return what the call threw, or null if it returned normally
   */
  public static Throwable thrownWhenInterruptedWhileWaiting(Callable<?> code, String work) {
    var release = new CountDownLatch(1);
    var started = new CountDownLatch(1);
    var thrown = new AtomicReference<Throwable>();
    var returned = new AtomicBoolean();
    var caller = new AtomicReference<Thread>();
    try (var hold =
        WorkProbe.install(
            new WorkProbe.Listener() {
              @Override
              public void beforeWork(String name, Object input) {
                if (!name.equals(work) || Thread.currentThread() == caller.get()) {
                  return;
                }
                started.countDown();
                try {
                  release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            })) {
      var thread =
          Thread.ofPlatform()
              .name("caller")
              .unstarted(
                  () -> {
                    try {
                      code.call();
                      returned.set(true);
                    } catch (Throwable t) {
                      thrown.set(t);
                    }
                  });
      caller.set(thread);
      thread.start();
      try {
        // Until a worker starts, or the call is over without one (a stub that throws at once
        // must not cost a learner ten seconds of waiting).
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!started.await(10, TimeUnit.MILLISECONDS)
            && thread.isAlive()
            && System.nanoTime() < until) {
          // keep waiting
        }
        thread.interrupt();
        thread.join(5_000);
        release.countDown();
        thread.join(15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        release.countDown();
      }
    }
    return thrown.get();
  }
}
