package course.deadlock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs merges on threads of their own, on a {@link Stage}, and watches them: it returns when they
 * have all finished, or stops them as soon as they deadlock, livelock, or keep a lock while they
 * retry, and says so in words.
 */
final class MergeRun {

  /** One merge: {@code from.mergeInto(to)}, on a thread named {@code name}. */
  record Merge(String name, WordTable from, StagedLock fromLock, WordTable to, StagedLock toLock) {}

  /** How long the merges may take in all, however busy the machine: a correct one takes ms. */
  static final Duration LIMIT = Duration.ofSeconds(10);

  /** Failed tryLocks, by both threads together, that we call a livelock. */
  static final long LIVELOCK_FAILURES = 2_000;

  /** Failed tryLocks on the same lock, by one thread that keeps its first lock meanwhile. */
  static final long FAILS_WHILE_HOLDING = 10_000;

  /** Fewer such failures are enough once the thread has kept its lock this long. */
  static final long HOLDING_NANOS = 2_000_000_000L;

  static final long HOLDING_FAILS_WHEN_SLOW = 20;

  private MergeRun() {}

  /**
   * What happened.
   *
   * @param problem what went wrong, in words; null if every merge finished and none threw
   * @param stage the stage, to ask how it went
   */
  record Result(String problem, Stage stage) {}

  private static volatile boolean warm;

  /**
   * Takes two staged locks on two threads, once, in every way a merge can, so that the stage's own
   * classes and call sites are loaded before the first real run: a thread loading a class stops for
   * a moment, and its partner must not take that for a back-off.
   */
  private static void warmUpTheStage() throws InterruptedException {
    if (warm) {
      return;
    }
    var x = new StagedLock("warm-up lock x");
    var y = new StagedLock("warm-up lock y");
    var stage = new Stage(Stage.Mode.COLLIDE);
    var threads = new ArrayList<Thread>();
    for (var pair : List.of(List.of(x, y), List.of(y, x))) {
      var actor = stage.addActor("warm-up", pair.get(0), pair.get(1));
      var thread =
          Thread.ofPlatform()
              .name("stage warm-up")
              .unstarted(
                  () -> {
                    stage.enter(actor);
                    try {
                      var first = pair.get(0);
                      var second = pair.get(1);
                      if (first.tryLock()) {
                        if (second.tryLock()) {
                          second.unlock();
                        }
                        first.unlock();
                      }
                      first.lock();
                      first.unlock();
                      first.lockInterruptibly();
                      first.isHeldByCurrentThread();
                      first.unlock();
                      if (first.tryLock(1, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        first.unlock();
                      }
                    } catch (InterruptedException | RuntimeException | StoppedByTheTest e) {
                      // a warm-up only
                    } finally {
                      stage.finished(actor, null);
                    }
                  });
      actor.thread = thread;
      threads.add(thread);
    }
    x.joinStage(stage);
    y.joinStage(stage);
    threads.forEach(Thread::start);
    stage.books();
    for (var thread : threads) {
      thread.join(10_000);
    }
    stage.abort();
    threads.forEach(Thread::interrupt);
    for (var thread : threads) {
      thread.join(3_000);
    }
    x.leaveStage();
    y.leaveStage();
    warm = true;
  }

  /** Runs the merges at once and watches them until they finish or something goes wrong. */
  static Result run(Stage.Mode mode, List<Merge> merges) throws InterruptedException {
    warmUpTheStage();
    var stage = new Stage(mode);
    var threads = new ArrayList<Thread>();
    var locks = new ArrayList<StagedLock>();
    for (var merge : merges) {
      var actor = stage.addActor(merge.name(), merge.fromLock(), merge.toLock());
      var thread =
          Thread.ofPlatform()
              .name(merge.name())
              .unstarted(
                  () -> {
                    Throwable thrown = null;
                    try {
                      stage.enter(actor);
                      merge.from().mergeInto(merge.to());
                    } catch (Throwable t) {
                      thrown = t;
                    } finally {
                      stage.finished(actor, thrown);
                    }
                  });
      actor.thread = thread;
      threads.add(thread);
      for (var lock : List.of(merge.fromLock(), merge.toLock())) {
        if (!locks.contains(lock)) {
          locks.add(lock);
        }
      }
    }
    locks.forEach(lock -> lock.joinStage(stage));
    String problem = null;
    try {
      threads.forEach(Thread::start);
      long deadline = System.nanoTime() + LIMIT.toNanos();
      var deadlocks = new DeadlockWatch();
      while (!stage.allFinished()) {
        problem = firstProblem(stage, threads, locks, deadlocks);
        if (problem != null) {
          break;
        }
        if (System.nanoTime() - deadline > 0) {
          problem = stuck(stage);
          break;
        }
        Thread.sleep(5);
      }
    } finally {
      if (!stage.allFinished()) {
        stage.abort();
        threads.forEach(Thread::interrupt);
        var survivors = new ArrayList<String>();
        for (var thread : threads) {
          thread.join(3_000);
          if (thread.isAlive()) {
            survivors.add("'%s' (%s)".formatted(thread.getName(), thread.getState()));
          }
        }
        if (!survivors.isEmpty() && problem != null) {
          problem +=
              " (The test could not stop %s: a thread blocked on a monitor, in synchronized, "
                      .formatted(String.join(", ", survivors))
                  + "cannot be interrupted. Lock tables only with their ReentrantLock.)";
        }
      }
      locks.forEach(StagedLock::leaveStage);
    }
    return new Result(problem != null ? problem : thrownProblem(stage), stage);
  }

  private static String firstProblem(
      Stage stage, List<Thread> threads, List<StagedLock> locks, DeadlockWatch deadlocks) {
    var deadlock = deadlocks.check(stage, threads);
    if (deadlock != null) {
      return deadlock;
    }
    var books = stage.books();
    long now = System.nanoTime();
    boolean manyFailures = stage.totalFailures() >= LIVELOCK_FAILURES;
    var holders =
        books.stream()
            .filter(b -> !b.finished() && b.failHeld() != null)
            .filter(
                b ->
                    b.failsWhileHolding() >= FAILS_WHILE_HOLDING
                        || (b.failsWhileHolding() >= HOLDING_FAILS_WHEN_SLOW
                            && (manyFailures || now - b.failingSince() >= HOLDING_NANOS)))
            .toList();
    if (!holders.isEmpty()) {
      return holdingWhileRetrying(holders, books);
    }
    if (manyFailures) {
      return ("Livelock: the two merges failed %d attempts to take a lock between them, and "
              + "neither finished. Each one takes its first lock, finds the second one taken, lets "
              + "go and tries again at once, so the two collide again, every time (the test makes "
              + "them collide while both keep running). Back off before you try again: sleep for "
              + "a short random time, so that one merge gets both locks while the other waits.")
          .formatted(stage.totalFailures());
    }
    for (var lock : locks) {
      var holder = lock.holder();
      if (holder == null) {
        continue;
      }
      var owner = books.stream().filter(b -> b.thread() == holder).findFirst().orElse(null);
      if (owner != null && owner.finished()) {
        return ("'%s' returned from mergeInto but still holds %s, so the other merge waits for it "
                + "forever: unlock every lock you took, on every path (in a finally block).")
            .formatted(owner.name(), lock);
      }
    }
    return null;
  }

  /**
   * A cycle ThreadMXBean reports while our books show each thread in an untimed wait for a staged
   * lock is for good. Any other report (a timed tryLock, which gives up by itself; monitors, which
   * our books do not see; a thread that moved on since) must still be there a second later.
   */
  private static final class DeadlockWatch {
    private List<Thread> suspects = List.of();
    private long since;

    String check(Stage stage, List<Thread> threads) {
      var found = Probe.deadlocked(threads);
      if (found.isEmpty()) {
        suspects = List.of();
        return null;
      }
      boolean certain =
          found.stream()
              .map(stage::booksOf)
              .allMatch(b -> b != null && b.waitingFor() != null && !b.timedWait());
      if (!certain) {
        if (!found.equals(suspects)) {
          suspects = found;
          since = System.nanoTime();
          return null;
        }
        if (System.nanoTime() - since < 1_000_000_000L) {
          return null;
        }
        if (found.stream()
            .map(stage::booksOf)
            .anyMatch(b -> b != null && b.waitingFor() != null && b.timedWait())) {
          return null; // timed waits, over and over: the time limit or the livelock check decides
        }
      }
      return describeDeadlock(stage, found);
    }
  }

  private static String describeDeadlock(Stage stage, List<Thread> found) {
    var parts = new ArrayList<String>();
    for (var thread : found) {
      var books = stage.booksOf(thread);
      var info = Probe.info(thread);
      String holds;
      String waits;
      if (books != null && books.waitingFor() != null) {
        holds = books.held().isEmpty() ? "no table's lock" : names(books.held());
        waits = books.waitingFor().toString();
      } else {
        holds =
            info == null
                ? "a lock"
                : "the monitor(s) "
                    + java.util.Arrays.toString(info.getLockedMonitors())
                    + " and "
                    + java.util.Arrays.toString(info.getLockedSynchronizers());
        waits = info == null ? "a lock" : info.getLockName();
      }
      parts.add(
          "'%s' holds %s and waits for %s (at %s)"
              .formatted(thread.getName(), holds, waits, Probe.where(thread.getStackTrace())));
    }
    return ("Deadlock, found by ThreadMXBean.findDeadlockedThreads(): %s. Each thread took its "
            + "first lock and then waited for the one the other thread holds, so neither can ever "
            + "go on. Make every thread take any two tables' locks in the same order, or take the "
            + "second one with tryLock and let go of the first when that fails (book/13_deadlock.md).")
        .formatted(String.join("; ", parts));
  }

  private static String holdingWhileRetrying(List<Stage.Books> holders, List<Stage.Books> all) {
    var parts =
        holders.stream()
            .map(
                b ->
                    "'%s' holds %s and failed %d times in a row to get %s%s, without ever letting go of %s"
                        .formatted(
                            b.name(),
                            b.failHeld(),
                            b.failsWhileHolding(),
                            b.failOn(),
                            holderName(b.failOn(), all),
                            b.failHeld()))
            .collect(Collectors.joining("; "));
    return ("%s. Two merges that each keep their first lock while they retry the second wait for "
            + "each other forever, even though neither is blocked: ThreadMXBean sees no deadlock, "
            + "only busy or sleeping threads. When the second lock is taken, let go of the first "
            + "(unlock it), back off, and start again.")
        .formatted(parts);
  }

  private static String holderName(StagedLock lock, List<Stage.Books> all) {
    var holder = lock.holder();
    return all.stream()
        .filter(b -> b.thread() == holder)
        .findFirst()
        .map(b -> " (held by '" + b.name() + "')")
        .orElse("");
  }

  private static String stuck(Stage stage) {
    var parts =
        stage.books().stream()
            .filter(b -> !b.finished())
            .map(
                b ->
                    "'%s' is %s at %s, holding %s%s"
                        .formatted(
                            b.name(),
                            b.thread().getState(),
                            Probe.where(b.thread().getStackTrace()),
                            b.held().isEmpty() ? "no table's lock" : names(b.held()),
                            b.waitingFor() == null ? "" : ", waiting for " + b.waitingFor()))
            .collect(Collectors.joining("; "));
    return ("The merges did not finish within %d s: %s. Check that a merge that cannot get a lock "
            + "lets go of what it holds and tries again after a short pause, and never waits for "
            + "something only the other merge can give.")
        .formatted(LIMIT.toSeconds(), parts);
  }

  private static String thrownProblem(Stage stage) {
    for (var books : stage.books()) {
      var thrown = books.thrown();
      if (thrown != null && !(thrown instanceof StoppedByTheTest)) {
        return "The merge on thread '%s' threw %s%s"
            .formatted(
                books.name(),
                thrown.getClass().getSimpleName(),
                thrown.getMessage() == null ? "." : ": " + thrown.getMessage());
      }
    }
    return null;
  }

  private static String names(List<StagedLock> locks) {
    return locks.stream().map(Object::toString).collect(Collectors.joining(" and "));
  }
}
