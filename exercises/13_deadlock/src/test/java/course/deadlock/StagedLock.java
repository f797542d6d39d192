package course.deadlock;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The lock the tests hand to a {@link WordTable}: a real {@link java.util.concurrent.locks
 * ReentrantLock} that tells a {@link Stage} about every attempt, acquisition and release, so the
 * test can steer two merge threads into the interleaving it wants and see what they hold and wait
 * for.
 *
 * <p>Off stage (no stage joined, or a thread that is not one of the stage's actors) it behaves as a
 * plain {@code ReentrantLock}. On stage, {@link #lock()} can be interrupted: a thread the test
 * stops while it waits gets a {@link StoppedByTheTest} error, so a deadlocked merge never outlives
 * its test, whether it called {@code lock()} or {@code lockInterruptibly()}.
 */
final class StagedLock extends java.util.concurrent.locks.ReentrantLock {

  private volatile String name;
  private volatile Stage stage;
  private final Set<Thread> acquirers = ConcurrentHashMap.newKeySet();

  StagedLock(String name) {
    this.name = name;
  }

  /** Renames the lock, for messages: "table a's lock". */
  void name(String name) {
    this.name = name;
  }

  void joinStage(Stage stage) {
    this.stage = stage;
  }

  void leaveStage() {
    this.stage = null;
  }

  /** Every thread that ever acquired this lock. */
  Set<Thread> acquirers() {
    return Set.copyOf(acquirers);
  }

  /** The thread that holds the lock now, or null. */
  Thread holder() {
    return getOwner();
  }

  /** Whether the current thread holds this lock, without telling the stage. */
  boolean heldHere() {
    return super.isHeldByCurrentThread();
  }

  private Stage.Actor actor() {
    var current = stage;
    return current == null ? null : current.actorFor(Thread.currentThread());
  }

  @Override
  public void lock() {
    var actor = actor();
    if (actor == null) {
      super.lock();
      noteAcquirer();
      return;
    }
    actor.stage().beforeAttempt(actor, this);
    if (super.tryLock()) {
      acquired(actor);
      return;
    }
    actor.stage().willWait(actor, this, false);
    try {
      super.lockInterruptibly();
    } catch (InterruptedException e) {
      actor.stage().stoppedWaiting(actor, this);
      throw new StoppedByTheTest("while it waited in lock() for " + name);
    }
    acquired(actor);
  }

  @Override
  public void lockInterruptibly() throws InterruptedException {
    var actor = actor();
    if (actor == null) {
      super.lockInterruptibly();
      noteAcquirer();
      return;
    }
    actor.stage().beforeAttempt(actor, this);
    if (super.tryLock()) {
      acquired(actor);
      return;
    }
    actor.stage().willWait(actor, this, false);
    try {
      super.lockInterruptibly();
    } catch (InterruptedException e) {
      actor.stage().stoppedWaiting(actor, this);
      throw e;
    }
    acquired(actor);
  }

  @Override
  public boolean tryLock() {
    var actor = actor();
    if (actor == null) {
      boolean got = super.tryLock();
      if (got) {
        noteAcquirer();
      }
      return got;
    }
    actor.stage().beforeAttempt(actor, this);
    if (super.tryLock()) {
      acquired(actor);
      return true;
    }
    actor.stage().failed(actor, this);
    return false;
  }

  @Override
  public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
    var actor = actor();
    if (actor == null) {
      boolean got = super.tryLock(timeout, unit);
      if (got) {
        noteAcquirer();
      }
      return got;
    }
    actor.stage().beforeAttempt(actor, this);
    if (super.tryLock()) {
      acquired(actor);
      return true;
    }
    actor.stage().willWait(actor, this, true);
    boolean got;
    try {
      got = super.tryLock(timeout, unit);
    } catch (InterruptedException e) {
      actor.stage().stoppedWaiting(actor, this);
      throw e;
    }
    if (got) {
      acquired(actor);
    } else {
      actor.stage().failed(actor, this);
    }
    return got;
  }

  /** Without blocking once the thread is known: a blocked actor would mislead its partner. */
  private void noteAcquirer() {
    var thread = Thread.currentThread();
    if (!acquirers.contains(thread)) {
      acquirers.add(thread);
    }
  }

  private void acquired(Stage.Actor actor) {
    noteAcquirer();
    actor.stage().acquired(actor, this);
  }

  @Override
  public void unlock() {
    var actor = actor();
    if (actor != null && getHoldCount() == 1) {
      actor.stage().beforeRelease(actor, this);
    }
    super.unlock();
    if (actor != null) {
      actor.stage().released(actor, this, super.isHeldByCurrentThread());
    }
  }

  /** The guard of the table's counts calls this before every read and write. */
  @Override
  public boolean isHeldByCurrentThread() {
    boolean held = super.isHeldByCurrentThread();
    var actor = actor();
    if (held && actor != null) {
      actor.stage().touched(actor, this);
    }
    return held;
  }

  @Override
  public String toString() {
    return name;
  }
}
