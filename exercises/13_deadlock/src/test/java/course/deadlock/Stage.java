package course.deadlock;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Steers two merge threads through {@link StagedLock}s and keeps the books on what each one holds,
 * waits for and failed to get.
 *
 * <p>{@link Mode#COLLIDE}: whenever a thread that holds none of the stage's locks is about to try
 * one (its "first lock"), it waits at a gate until the other thread is at its own gate too, and
 * then both go at once, and each one that gets its first lock waits until the other has got its own
 * or failed to. So two threads that go for different first locks both get them, every time: the
 * interleaving that deadlocks the given code. Neither then lets go of that first lock before the
 * other has tried it, so their second attempts both fail, as if they ran exactly in step. A thread
 * waits at the gate only while the other one is running towards it: if the other one sleeps, waits
 * or is blocked outside the stage's locks (backing off, or stuck on a lock of the learner's own),
 * or is already waiting for one of the stage's locks, it goes on alone. So a back-off that pauses
 * lets the first thread to wake up through, while threads that retry at once collide again on every
 * round.
 *
 * <p>{@link Mode#TOGETHER}: each thread, the first time it touches the table it merges into while
 * holding that table's lock, waits until the other thread does the same: only merges that run at
 * the same time pass. After {@link #TOGETHER_MILLIS} it gives up and notes what the other thread
 * was doing.
 */
final class Stage {

  enum Mode {
    COLLIDE,
    TOGETHER
  }

  /** The longest any thread waits at a gate or for its partner: a safety net, never reached. */
  static final long WAIT_LIMIT_NANOS = 10_000_000_000L;

  /** How long a merge waits for the merge of the other pair to be under way with it. */
  static final long TOGETHER_MILLIS = 5_000;

  /** One merge thread. Fields are guarded by the stage, except the volatile ones. */
  final class Actor {
    final String name;
    final StagedLock fromLock;
    final StagedLock toLock;
    volatile Thread thread;
    volatile boolean inHook;
    volatile long hooks;
    long partnerQuietSince;
    long partnerQuietHooks = -1;
    boolean entered;
    boolean finished;
    boolean atGate;
    boolean releasedByPartner;
    boolean crossing;
    boolean atWork;
    boolean releasing;
    StagedLock collisionLock;
    final java.util.Set<StagedLock> attemptedSinceCollision = new java.util.HashSet<>();
    final List<StagedLock> held = new ArrayList<>();
    StagedLock waitingFor;
    boolean timedWait;
    StagedLock failHeld;
    StagedLock failOn;
    long failsWhileHolding;
    long failingSince;
    long failures;
    Throwable thrown;

    Actor(String name, StagedLock fromLock, StagedLock toLock) {
      this.name = name;
      this.fromLock = fromLock;
      this.toLock = toLock;
    }

    Stage stage() {
      return Stage.this;
    }
  }

  private final Mode mode;
  private final List<Actor> actors = new java.util.concurrent.CopyOnWriteArrayList<>();
  private boolean aborted;
  private long totalFailures;
  private long collisions;
  private Actor missedAtWork;
  private String partnerWhenMissed;

  Stage(Mode mode) {
    this.mode = mode;
  }

  synchronized Actor addActor(String name, StagedLock fromLock, StagedLock toLock) {
    var actor = new Actor(name, fromLock, toLock);
    actors.add(actor);
    return actor;
  }

  synchronized List<Actor> actors() {
    return List.copyOf(actors);
  }

  /**
   * The actor that runs on {@code thread}, or null. Never takes the stage's monitor: a thread
   * blocked here would look, to its partner, like a thread blocked in the learner's code.
   */
  Actor actorFor(Thread thread) {
    for (var actor : actors) {
      if (actor.thread == thread) {
        return actor;
      }
    }
    return null;
  }

  private Actor partnerOf(Actor me) {
    for (var actor : actors) {
      if (actor != me) {
        return actor;
      }
    }
    throw new IllegalStateException("a stage needs two actors");
  }

  /** Runs {@code step} on the stage's monitor, marking {@code me} as inside the stage meanwhile. */
  private void inHook(Actor me, Consumer<Actor> step) {
    me.hooks++;
    me.inHook = true;
    try {
      synchronized (this) {
        step.accept(me);
      }
    } finally {
      me.inHook = false;
    }
  }

  void enter(Actor me) {
    inHook(me, actor -> actor.entered = true);
  }

  void finished(Actor me, Throwable thrown) {
    inHook(
        me,
        actor -> {
          actor.finished = true;
          actor.thrown = thrown;
          notifyAll();
        });
  }

  void beforeAttempt(Actor me, StagedLock lock) {
    inHook(
        me,
        actor -> {
          gate(actor);
          actor.attemptedSinceCollision.add(lock);
        });
  }

  private void gate(Actor me) {
    checkAborted();
    if (mode != Mode.COLLIDE || !me.held.isEmpty()) {
      return; // not a first lock
    }
    var you = partnerOf(me);
    me.atGate = true;
    notifyAll();
    long deadline = System.nanoTime() + WAIT_LIMIT_NANOS;
    try {
      while (true) {
        checkAborted();
        if (me.releasedByPartner) {
          me.releasedByPartner = false;
          return;
        }
        if (you.atGate) {
          you.atGate = false;
          you.releasedByPartner = true;
          you.crossing = true;
          me.crossing = true;
          you.attemptedSinceCollision.clear();
          me.attemptedSinceCollision.clear();
          collisions++;
          notifyAll();
          return;
        }
        if (you.finished
            || you.waitingFor != null
            || pausedOutsideTheStage(me, you)
            || System.nanoTime() - deadline > 0) {
          return;
        }
        pause();
      }
    } finally {
      me.atGate = false;
    }
  }

  /** How long the partner must be seen paused, with no stage call meanwhile, to count as so. */
  private static final long QUIET_NANOS = 2_000_000;

  /**
   * Whether {@code you} is paused in the learner's code: sleeping, waiting or blocked, outside the
   * stage, and seen so twice, at least {@link #QUIET_NANOS} apart, with no stage call in between.
   * Twice, because a thread also stops for a moment to load a class.
   */
  private boolean pausedOutsideTheStage(Actor me, Actor you) {
    long hooks = you.hooks;
    if (!you.entered || you.inHook || !notRunning(you.thread)) {
      me.partnerQuietHooks = -1;
      return false;
    }
    long now = System.nanoTime();
    if (me.partnerQuietHooks != hooks) {
      me.partnerQuietHooks = hooks;
      me.partnerQuietSince = now;
      return false;
    }
    return now - me.partnerQuietSince >= QUIET_NANOS;
  }

  private static boolean notRunning(Thread thread) {
    var state = thread.getState();
    return state != Thread.State.RUNNABLE && state != Thread.State.NEW;
  }

  void acquired(Actor me, StagedLock lock) {
    inHook(
        me,
        actor -> {
          actor.waitingFor = null;
          if (!actor.held.contains(lock)) {
            actor.held.add(lock);
          }
          notifyAll();
          if (actor.crossing) {
            actor.crossing = false;
            actor.collisionLock = lock;
            var you = partnerOf(actor);
            long deadline = System.nanoTime() + WAIT_LIMIT_NANOS;
            while (you.crossing && !aborted && System.nanoTime() - deadline < 0) {
              pauseQuietly();
            }
          }
        });
  }

  void willWait(Actor me, StagedLock lock, boolean timed) {
    inHook(
        me,
        actor -> {
          actor.crossing = false;
          actor.waitingFor = lock;
          actor.timedWait = timed;
          notifyAll();
        });
  }

  void stoppedWaiting(Actor me, StagedLock lock) {
    inHook(me, actor -> actor.waitingFor = null);
  }

  void failed(Actor me, StagedLock lock) {
    inHook(
        me,
        actor -> {
          actor.crossing = false;
          actor.waitingFor = null;
          actor.failures++;
          totalFailures++;
          if (!actor.held.isEmpty()) {
            var holding = actor.held.get(0);
            if (holding == actor.failHeld && lock == actor.failOn) {
              actor.failsWhileHolding++;
            } else {
              actor.failHeld = holding;
              actor.failOn = lock;
              actor.failsWhileHolding = 1;
              actor.failingSince = System.nanoTime();
            }
          }
          notifyAll();
        });
  }

  /**
   * Before a thread lets go of the lock it got in a collision, it waits until the other thread has
   * tried that lock too (or cannot any more): so after a collision both second attempts fail, as
   * they would if the two threads ran exactly in step, instead of the slower one finding the lock
   * just released.
   */
  void beforeRelease(Actor me, StagedLock lock) {
    inHook(
        me,
        actor -> {
          if (mode != Mode.COLLIDE || actor.collisionLock != lock) {
            return;
          }
          var you = partnerOf(actor);
          actor.releasing = true;
          notifyAll();
          long deadline = System.nanoTime() + WAIT_LIMIT_NANOS;
          try {
            while (!aborted
                && !you.attemptedSinceCollision.contains(lock)
                && !you.releasing
                && !you.finished
                && you.waitingFor == null
                && !you.held.isEmpty()
                && !you.atGate
                && !pausedOutsideTheStage(actor, you)
                && System.nanoTime() - deadline < 0) {
              pauseQuietly();
            }
          } finally {
            actor.releasing = false;
            notifyAll();
          }
        });
  }

  void released(Actor me, StagedLock lock, boolean stillHeld) {
    inHook(
        me,
        actor -> {
          if (!stillHeld) {
            actor.held.remove(lock);
            if (lock == actor.collisionLock) {
              actor.collisionLock = null;
            }
            if (lock == actor.failHeld) {
              actor.failHeld = null;
              actor.failOn = null;
              actor.failsWhileHolding = 0;
            }
          }
          notifyAll();
        });
  }

  void touched(Actor me, StagedLock lock) {
    if (mode != Mode.TOGETHER) {
      return;
    }
    inHook(
        me,
        actor -> {
          if (actor.atWork || lock != actor.toLock) {
            return;
          }
          actor.atWork = true;
          notifyAll();
          var you = partnerOf(actor);
          long deadline = System.nanoTime() + TOGETHER_MILLIS * 1_000_000;
          while (!you.atWork && missedAtWork == null && !aborted) {
            if (System.nanoTime() - deadline > 0) {
              missedAtWork = actor;
              partnerWhenMissed = Probe.describeThread(you);
              notifyAll();
              return;
            }
            pauseQuietly();
          }
        });
  }

  synchronized void abort() {
    aborted = true;
    notifyAll();
  }

  private void checkAborted() {
    if (aborted) {
      throw new StoppedByTheTest("at its next attempt to take a table's lock");
    }
  }

  /** Waits on the stage's monitor for a moment; an interrupt means the test stops this thread. */
  private void pause() {
    try {
      wait(1);
    } catch (InterruptedException e) {
      throw new StoppedByTheTest("while the test held it back");
    }
  }

  private void pauseQuietly() {
    try {
      wait(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      aborted = true;
    }
  }

  // ---- what the watcher reads

  synchronized boolean allFinished() {
    return actors.stream().allMatch(actor -> actor.finished);
  }

  synchronized long totalFailures() {
    return totalFailures;
  }

  synchronized long collisions() {
    return collisions;
  }

  synchronized Actor missedAtWork() {
    return missedAtWork;
  }

  synchronized String partnerWhenMissed() {
    return partnerWhenMissed;
  }

  /** A view of one actor's books, taken on the stage's monitor. */
  record Books(
      String name,
      Thread thread,
      boolean finished,
      List<StagedLock> held,
      StagedLock waitingFor,
      boolean timedWait,
      StagedLock failHeld,
      StagedLock failOn,
      long failsWhileHolding,
      long failingSince,
      long failures,
      Throwable thrown) {}

  synchronized List<Books> books() {
    return actors.stream()
        .map(
            a ->
                new Books(
                    a.name,
                    a.thread,
                    a.finished,
                    List.copyOf(a.held),
                    a.waitingFor,
                    a.timedWait,
                    a.failHeld,
                    a.failOn,
                    a.failsWhileHolding,
                    a.failingSince,
                    a.failures,
                    a.thrown))
        .toList();
  }

  synchronized Books booksOf(Thread thread) {
    return books().stream()
        .filter(books -> Objects.equals(books.thread(), thread))
        .findFirst()
        .orElse(null);
  }
}
