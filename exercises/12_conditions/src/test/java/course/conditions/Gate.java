package course.conditions;

import course.support.WorkProbe;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds every worker inside its unit of work ({@code Chunks.countWords}) until released, so that a
 * test can look at the rest of the pipeline while the workers are busy. It also remembers every
 * thread that counted. A worker is never held longer than {@link #SAFETY}: a broken pipeline that
 * the test gave up on still finishes.
 */
final class Gate implements AutoCloseable {

  static final long SAFETY = 30;

  private final CountDownLatch open = new CountDownLatch(1);
  private final AtomicInteger inside = new AtomicInteger();
  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
  private final WorkProbe.Registration registration;

  /** Threads made after the gate have larger ids: a thread id is never reused or lowered. */
  private final long firstThreadId = Thread.ofPlatform().unstarted(() -> {}).threadId();

  private Gate(boolean closed) {
    if (!closed) {
      open.countDown();
    }
    registration =
        WorkProbe.install(
            new WorkProbe.Listener() {
              @Override
              public void beforeWork(String work, Object input) {
                if (!work.equals(WorkProbe.COUNT_WORDS)) {
                  return;
                }
                workers.add(Thread.currentThread());
                inside.incrementAndGet();
                try {
                  open.await(SAFETY, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }

              @Override
              public void afterWork(String work, Object input) {
                if (work.equals(WorkProbe.COUNT_WORDS)) {
                  inside.decrementAndGet();
                }
              }
            });
  }

  /** A gate that holds every count until {@link #release()}. */
  static Gate closed() {
    return new Gate(true);
  }

  /** A gate that holds no one: it only records the counting threads. */
  static Gate open() {
    return new Gate(false);
  }

  /** How many counts are under way (held or running) right now. */
  int inside() {
    return inside.get();
  }

  /** Every thread that has counted so far. */
  List<Thread> workers() {
    return List.copyOf(workers);
  }

  /** The id of a thread made just before this gate opened. */
  long firstThreadId() {
    return firstThreadId;
  }

  void release() {
    open.countDown();
  }

  @Override
  public void close() {
    release();
    registration.close();
  }
}
