package course.cancellation;

import course.support.InterruptibleWork;
import course.support.WorkProbe;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches the workers inside {@link InterruptibleWork#countWords} and, when asked to, holds them
 * there, so that a test can interrupt the caller at a moment of its choosing.
 *
 * <p>A held worker waits until it is interrupted or until {@link #HOLD} has passed. A worker that
 * is interrupted does not leave at once: it lingers a moment (until the caller is seen waiting for
 * its workers, at most {@link #LINGER}), as a real task that closes a file or a connection would.
 * Then it hands the interrupt on to the counter, which throws {@link InterruptedException}. A
 * {@code count} that does not wait for its workers is caught returning while they linger.
 */
final class WorkerHold implements AutoCloseable {

  /** What to do with each unit of work. */
  enum Policy {
    /** Hold every call until it is interrupted. */
    HOLD_ALL,
    /** Let the first call count at once; hold the others. */
    PASS_FIRST,
    /** Make the first call fail with {@link #FAILURE}; let the others count at once. */
    FAIL_FIRST,
    /** Hold nothing; only watch. */
    PASS_ALL
  }

  /** How long a held worker waits for its interrupt before it counts after all. */
  static final Duration HOLD = Duration.ofSeconds(8);

  /** How long an interrupted worker lingers at most, when the caller is not seen waiting. */
  static final Duration LINGER = Duration.ofSeconds(3);

  /** The message of the failure that {@link Policy#FAIL_FIRST} throws. */
  static final String FAILURE = "the test made this chunk fail";

  /** The methods a caller waits in while its workers end. */
  private static final Set<String> WAITING_METHODS =
      Set.of("join", "awaitTermination", "close", "await", "awaitAdvance", "awaitNanos");

  private final Policy policy;
  private volatile Thread caller;
  private volatile boolean callEnded;
  private final WorkProbe.Registration registration;
  private final CountDownLatch never = new CountDownLatch(1);
  private final CountDownLatch firstDone = new CountDownLatch(1);
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger inside = new AtomicInteger();
  private final AtomicInteger heldNow = new AtomicInteger();
  private final AtomicInteger mostHeldAtOnce = new AtomicInteger();
  private final AtomicInteger uninterruptibleCalls = new AtomicInteger();
  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
  private final Set<Thread> interrupted = ConcurrentHashMap.newKeySet();
  private final List<String> carriedOn = new CopyOnWriteArrayList<>();
  private final List<String> neverInterrupted = new CopyOnWriteArrayList<>();
  private volatile Thread passed;

  private WorkerHold(Policy policy) {
    this.policy = policy;
    this.registration =
        WorkProbe.install(
            new WorkProbe.Listener() {
              @Override
              public void beforeWork(String work, Object input) {
                if (work.equals(WorkProbe.COUNT_WORDS)) {
                  uninterruptibleCalls.incrementAndGet();
                } else if (work.equals(InterruptibleWork.COUNT_WORDS)) {
                  arrive();
                }
              }

              @Override
              public void afterWork(String work, Object input) {
                if (work.equals(InterruptibleWork.COUNT_WORDS)) {
                  inside.decrementAndGet();
                  if (Thread.currentThread() == passed) {
                    firstDone.countDown();
                  }
                }
              }
            });
  }

  /** Starts watching, with {@code policy} for each call. */
  static WorkerHold start(Policy policy) {
    return new WorkerHold(policy);
  }

  /** Names the thread that calls {@code count}: interrupted workers linger until it waits. */
  void callerIs(Thread thread) {
    caller = thread;
  }

  /** The thread that calls {@code count}, or null before the call. */
  Thread caller() {
    return caller;
  }

  /** Notes that {@code count} has returned or thrown. */
  void callEnded() {
    callEnded = true;
  }

  /** Whether {@code count} has returned or thrown. */
  boolean hasCallEnded() {
    return callEnded;
  }

  private void arrive() {
    var self = Thread.currentThread();
    workers.add(self);
    if (interrupted.contains(self)) {
      // Interrupted once already, and counting again: the interrupt was swallowed.
      carriedOn.add(self.getName());
      inside.incrementAndGet();
      return;
    }
    int call = calls.incrementAndGet();
    if (policy == Policy.FAIL_FIRST && call == 1) {
      throw new IllegalStateException(FAILURE);
    }
    inside.incrementAndGet();
    if (policy == Policy.PASS_ALL || policy == Policy.FAIL_FIRST) {
      return;
    }
    if (policy == Policy.PASS_FIRST && call == 1) {
      passed = self;
      return;
    }
    hold(self);
  }

  private void hold(Thread self) {
    mostHeldAtOnce.accumulateAndGet(heldNow.incrementAndGet(), Math::max);
    try {
      never.await(HOLD.toMillis(), TimeUnit.MILLISECONDS);
      neverInterrupted.add(self.getName());
    } catch (InterruptedException e) {
      interrupted.add(self);
      heldNow.decrementAndGet();
      linger();
      self.interrupt(); // hand the interrupt on: the counter throws InterruptedException
      return;
    }
    heldNow.decrementAndGet();
  }

  /** Stays a moment, as a task winding down would, until the caller waits for its workers. */
  private void linger() {
    long end = System.nanoTime() + LINGER.toNanos();
    while (System.nanoTime() - end < 0 && !callerWaitsForWorkers()) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException again) {
        // interrupted twice: still winding down
      }
    }
  }

  private boolean callerWaitsForWorkers() {
    var caller = this.caller;
    if (caller == null) {
      return false;
    }
    var state = caller.getState();
    if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
      return false;
    }
    for (var frame : caller.getStackTrace()) {
      if (WAITING_METHODS.contains(frame.getMethodName())) {
        return true;
      }
    }
    return false;
  }

  /** How many workers are inside the counter right now. */
  int inside() {
    return inside.get();
  }

  /** How many workers are held right now. */
  int heldNow() {
    return heldNow.get();
  }

  /** The most workers that were held at the same time. */
  int mostHeldAtOnce() {
    return mostHeldAtOnce.get();
  }

  /** Whether the call let through by {@link Policy#PASS_FIRST} has finished counting. */
  boolean firstDone() {
    return firstDone.getCount() == 0;
  }

  /** How many times {@code Chunks.countWords} was called. */
  int uninterruptibleCalls() {
    return uninterruptibleCalls.get();
  }

  /** Every thread that called the counter. */
  Set<Thread> workers() {
    return Set.copyOf(workers);
  }

  /** How many threads were interrupted while held. */
  int interruptedCount() {
    return interrupted.size();
  }

  /** The workers that counted again after they had been interrupted. */
  List<String> carriedOn() {
    return List.copyOf(carriedOn);
  }

  /** The held workers that waited out {@link #HOLD} without an interrupt. */
  List<String> neverInterrupted() {
    return List.copyOf(neverInterrupted);
  }

  @Override
  public void close() {
    registration.close();
  }
}
