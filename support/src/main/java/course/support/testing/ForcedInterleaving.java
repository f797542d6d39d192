package course.support.testing;

import course.support.GlobalLock;
import course.support.WorkProbe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Opens the window of a lost update on purpose, on every run, with no clock.
 *
 * <p>A lost update hides in a window a few instructions wide: one worker reads a count, a second
 * worker reads the same count, and both write back one more. Run such code a million times and the
 * window may never open while anyone is looking. This class opens it. It loads a fresh copy of the
 * learner's classes in which every call and every store is preceded by a <em>pause point</em>, a
 * call to {@link #pause}. Then, for k = 1, 2, 3, ..., it runs the learner's code once and
 *
 * <ol>
 *   <li>lets the first worker that starts a unit of work run to its k-th pause point inside that
 *       unit, and holds it there;
 *   <li>lets a second worker do its whole unit of work, until it has finished or blocks (on a lock
 *       the first one holds, for example);
 *   <li>lets the first worker go on.
 * </ol>
 *
 * <p>So every place where one worker can be overtaken by another is tried once. Correct code gives
 * the right answer under every one of these schedules. Code with a read-then-write window gives a
 * wrong one under the schedule that holds the first worker inside its window. Nothing depends on
 * the machine's speed: the schedule is enforced, never hoped for. (This is the idea behind model
 * checkers such as Lincheck, cut down to the one preemption a lost update needs.)
 *
 * <p>Every wait here is bounded, so a learner's hang ends in a message rather than a stuck test.
 */
public final class ForcedInterleaving {

  /**
   * Where the first worker was held: the call or store it was about to make.
   *
   * @param file the learner's source file
   * @param line the line of the call or store
   * @param method the method it is in, as a learner names it
   * @param what what the worker was about to do, for example "a call to Map.put"
   * @param onMap whether that is a call on a {@link Map}
   */
  public record Pause(String file, int line, String method, String what, boolean onMap) {
    /** {@code file:line}, which an IDE's terminal turns into a link. */
    public String where() {
      return file + ":" + line;
    }
  }

  /**
   * What one forced schedule gave.
   *
   * @param pause where the first worker was held, or null when it finished its unit of work before
   *     its k-th pause point (this run was not interleaved)
   * @param first the name of the first worker, or null when no unit of work began
   * @param second the name of the second worker, or null when none began while the first was held
   * @param secondFinishedMeanwhile whether the second worker finished its whole unit of work while
   *     the first was held (false when it blocked)
   * @param result what the call returned
   * @param <R> the call's result type
   */
  public record Run<R>(
      Pause pause, String first, String second, boolean secondFinishedMeanwhile, R result) {}

  /**
   * What one hold-after schedule gave.
   *
   * @param pause where the first worker held was held, or null when no worker reached its k-th
   *     pause point after its unit of work (the schedules are exhausted)
   * @param worker the name of that worker, or null
   * @param returnedWhileHeld whether the call returned while a worker was held, that is while a
   *     thread that did a unit of work was still alive and about to run more of the learner's code
   * @param result what the call returned
   * @param <R> the call's result type
   */
  public record Hold<R>(Pause pause, String worker, boolean returnedWhileHeld, R result) {}

  /**
   * What one schedule of {@link #everyOverlap} gave.
   *
   * @param pause where the first call was held, or null when it ended before its k-th pause point
   * @param first what the first call returned
   * @param second what the second call returned
   * @param <A> the first call's result type
   * @param <B> the second call's result type
   */
  public record Overlap<A, B>(Pause pause, A first, B second) {}

  /** More pause points than any unit of work of the course needs; a bound against loops. */
  private static final int MOST_PAUSES = 64;

  /** How long one step of a schedule may take before the test gives up, saying which step. */
  private static final long STEP_SECONDS = 10;

  private static final String SELF = Type.internalName(ForcedInterleaving.class);

  /** Every pause point of every copy, by id. */
  private static final List<Pause> PAUSES = new CopyOnWriteArrayList<>();

  /** The schedule being forced, or null: pause points are then free. */
  private static volatile Schedule active;

  /** The hold-after schedule being forced, or null. */
  private static volatile Holding activeHolding;

  private final RewrittenCopy copy;

  private ForcedInterleaving(RewrittenCopy copy) {
    this.copy = copy;
  }

  /**
   * Loads a fresh, instrumented copy of every class in {@code anchor}'s package that sits in the
   * same class folder (the learner's classes, not the tests').
   *
   * @param anchor one of the learner's classes
   * @return the copy
   * @throws IllegalStateException when the classes are not in a folder
   */
  public static ForcedInterleaving load(Class<?> anchor) {
    return new ForcedInterleaving(
        RewrittenCopy.of(anchor, "forced-interleaving", ForcedInterleaving::instrument));
  }

  /**
   * The instrumented copy of {@code type}.
   *
   * @param type one of the learner's classes
   * @return its copy, loaded (and initialised) afresh
   */
  public Class<?> copyOf(Class<?> type) {
    return copy.copyOf(type);
  }

  /**
   * A call of the static method {@code name} of {@code type}'s copy with {@code args}, for {@link
   * #everySchedule} and {@link #everyHoldAfter}. What the method throws, the call throws.
   *
   * @param type one of the learner's classes
   * @param name a public static method of it, the only one of that name with as many parameters
   * @param args its arguments
   * @param <R> what it returns
   * @return the call
   */
  public <R> Callable<R> staticCall(Class<?> type, String name, Object... args) {
    return copy.staticCall(type, name, args);
  }

  /**
   * Runs {@code call} once per schedule, k = 1, 2, ..., as the class comment says, until the first
   * worker finishes its unit of work before its k-th pause point.
   *
   * @param work the {@link WorkProbe} work name of the unit of work to interleave
   * @param call what starts the workers, called on a thread of its own; it must use the copy
   * @param <R> its result type
   * @return every run, in order; one run without pause when no unit of work began
   * @throws Exception what {@code call} threw
   */
  public <R> List<Run<R>> everySchedule(String work, Callable<R> call) throws Exception {
    var runs = new ArrayList<Run<R>>();
    for (int k = 1; k <= MOST_PAUSES; k++) {
      var run = force(new Schedule(k, work), call);
      runs.add(run);
      if (run.pause() == null || run.second() == null) {
        return runs;
      }
    }
    return runs;
  }

  /**
   * Runs two calls of the learner's code on two threads, once per k = 1, 2, ...: the first call
   * runs to its k-th pause point and is held there, the second runs in full (or until it blocks),
   * then the first goes on. A method that keeps one call's state where another call can reach it (a
   * static field, a shared buffer) hands one caller the other's result under one of these
   * schedules. Stops at the first k the first call does not reach.
   *
   * @param first the call to hold; it must use the copy
   * @param second the call that overtakes it
   * @param <A> the first call's result type
   * @param <B> the second call's result type
   * @return every schedule's results, in order
   * @throws Exception what either call threw
   */
  public <A, B> List<Overlap<A, B>> everyOverlap(Callable<A> first, Callable<B> second)
      throws Exception {
    var runs = new ArrayList<Overlap<A, B>>();
    for (int k = 1; k <= MOST_PAUSES; k++) {
      var schedule = new Schedule(k, null);
      var one =
          new FutureTask<A>(
              () -> {
                try {
                  return first.call();
                } finally {
                  schedule.firstInside = false;
                  schedule.firstHeldOrDone.countDown();
                }
              });
      var two =
          new FutureTask<B>(
              () -> {
                Schedule.awaitGate(schedule.releaseSecond);
                schedule.secondRunning = true;
                try {
                  return second.call();
                } finally {
                  schedule.secondDone = true;
                }
              });
      var firstThread = Thread.ofPlatform().name("first-caller").daemon().unstarted(one);
      var secondThread = Thread.ofPlatform().name("second-caller").daemon().unstarted(two);
      schedule.first = firstThread;
      schedule.second = secondThread;
      schedule.firstInside = true;
      active = schedule;
      try {
        secondThread.start();
        firstThread.start();
        if (!schedule.firstHeldOrDone.await(STEP_SECONDS, TimeUnit.SECONDS)) {
          throw new AssertionError(
              "The first call neither reached its pause point %d nor returned within %d s."
                  .formatted(k, STEP_SECONDS));
        }
        Pause pause = null;
        if (schedule.heldAt >= 0) {
          pause = PAUSES.get(schedule.heldAt);
          schedule.letSecondRun(
              "while the first call was held at %s, the second neither returned nor blocked"
                  .formatted(pause.where()));
        }
        schedule.openAll();
        runs.add(new Overlap<>(pause, result(one), result(two)));
        if (pause == null) {
          return runs;
        }
      } finally {
        active = null;
        schedule.openAll();
      }
    }
    return runs;
  }

  /**
   * Runs {@code call} once per k = 1, 2, ...: every thread that ends a unit of {@code work} (but
   * the calling thread) is held at its k-th pause point after the end of that unit, until the call
   * is blocked, waiting with every worker stopped, or has returned. A call that waits for its
   * workers to end can never return while one is held; one that does not wait returns, under the
   * schedule that holds its workers after they handed over their results. Stops at the first k
   * where no worker is held.
   *
   * @param work the {@link WorkProbe} work name of the unit of work
   * @param call what starts the workers, called on a thread of its own; it must use the copy
   * @param <R> its result type
   * @return every run, in order
   * @throws Exception what {@code call} threw
   */
  public <R> List<Hold<R>> everyHoldAfter(String work, Callable<R> call) throws Exception {
    var runs = new ArrayList<Hold<R>>();
    for (int k = 1; k <= MOST_PAUSES; k++) {
      var run = hold(new Holding(k, work), call);
      runs.add(run);
      if (run.pause() == null) {
        return runs;
      }
    }
    return runs;
  }

  /**
   * Fails unless {@code call} waits for every thread that did a unit of {@code work} to end before
   * it returns: it holds every such thread after its unit, before each of its remaining steps in
   * turn ({@link #everyHoldAfter}), and fails when the call returns meanwhile. A thread that has
   * handed over its result but not yet ended is alive for a moment only, too short for a normal run
   * to see; here it stays alive as long as the test likes.
   *
   * @param type the learner's class
   * @param method its public static method to call
   * @param args the arguments
   * @param work the unit of work each thread does ({@link WorkProbe} work name)
   * @param call the call, as the learner would write it, for the message
   * @param fix what the contract says and where the chapter explains it, for the message
   */
  public static void assertWaitsForEveryWorker(
      Class<?> type, String method, Object[] args, String work, String call, String fix) {
    var copy = load(type);
    var holds =
        Deadline.call(
            java.time.Duration.ofSeconds(90),
            () -> copy.everyHoldAfter(work, copy.staticCall(type, method, args)),
            call + " with each of its threads held after its work",
            fix);
    for (var hold : holds) {
      if (hold.returnedWhileHeld()) {
        var pause = hold.pause();
        throw new AssertionError(
            ("%s returned while thread '%s' was still running your code: the test held it at %s, "
                    + "just before %s (in %s), after its work was done, and %s returned without "
                    + "waiting for it to end. %s")
                .formatted(
                    call, hold.worker(), pause.where(), pause.what(), pause.method(), call, fix));
      }
    }
  }

  private static <R> Hold<R> hold(Holding holding, Callable<R> call) throws Exception {
    var task = new FutureTask<>(call);
    activeHolding = holding;
    try (var registration = WorkProbe.install(holding)) {
      holding.caller =
          Thread.ofPlatform().name("forced-interleaving-caller").daemon().unstarted(task);
      holding.caller.start();
      long start = System.nanoTime();
      long heldSince = 0;
      while (!task.isDone()) {
        if (holding.firstHeld != null) {
          heldSince = heldSince == 0 ? System.nanoTime() : heldSince;
          // A caller that spins instead of waiting never looks blocked: after a while with every
          // worker stopped, it is let go all the same (a bound, not a verdict: it cannot make
          // right code fail, only give wrong code one schedule less).
          boolean spinning =
              System.nanoTime() - heldSince > TimeUnit.SECONDS.toNanos(2) && holding.workersQuiet();
          if (spinning || holding.callerStuck()) {
            break;
          }
        }
        if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(STEP_SECONDS)) {
          holding.releaseAll();
          throw new AssertionError(
              ("The test held each worker after its unit of work, but the call neither returned "
                      + "nor waited within %d s.")
                  .formatted(STEP_SECONDS));
        }
        Thread.sleep(1);
      }
      if (task.isDone()) {
        // A worker may still be on its way to its pause point: let every worker stop first.
        holding.awaitQuiet();
      }
      boolean returnedWhileHeld = task.isDone() && holding.firstHeld != null;
      holding.releaseAll();
      var pause = holding.firstHeld == null ? null : PAUSES.get(holding.firstHeldAt);
      var worker = holding.firstHeld == null ? null : nameOf(holding.firstHeld);
      return new Hold<>(pause, worker, returnedWhileHeld, result(task));
    } finally {
      activeHolding = null;
      holding.releaseAll();
    }
  }

  /**
   * A pause point. The instrumented copy calls it before each call and store; outside a forced
   * schedule, or on any thread but the first worker, it returns at once.
   *
   * @param id the pause point
   */
  public static void pause(int id) {
    var schedule = active;
    if (schedule != null) {
      schedule.pause(id);
    }
    var holding = activeHolding;
    if (holding != null) {
      holding.pause(id);
    }
    var preempting = activePreempting;
    if (preempting != null) {
      preempting.pause(id);
    }
  }

  /**
   * What one schedule of {@link #everyPreemptionOutsideTheGlobalLock} gave.
   *
   * @param pause where the first worker was held, or null when it ended before its k-th pause point
   *     outside the global lock (the schedules are exhausted)
   * @param worker the name of the held worker, or null
   * @param result what the call returned, or null when it threw
   * @param thrown what the call threw, or null
   * @param workerFailures what each worker thread that died of an exception died of, by thread name
   * @param <R> the call's result type
   */
  public record Preemption<R>(
      Pause pause,
      String worker,
      R result,
      Throwable thrown,
      Map<String, Throwable> workerFailures) {}

  /**
   * Runs {@code call} once per k = 1, 2, ...: the first worker thread that reaches a pause point
   * while it does not hold {@link GlobalLock} is held at its k-th such point, until every other
   * thread of the call has ended or waits (and the caller waits too); then it goes on. So every
   * place between two {@code GlobalLock.attach(...)} calls where a worker can be overtaken by all
   * the others is tried once. Code that learned something about shared state under the lock (that
   * work is left) and acts on it after letting go (takes that work) acts on stale knowledge under
   * one of these schedules; code that decides and acts in one hold of the lock passes every one, by
   * construction. The call runs on a thread of a fresh thread group, so the worker threads it
   * starts (platform threads) belong to that group, which also records what they die of. Stops at
   * the first k the first worker does not reach.
   *
   * @param call what starts the workers, called on a thread of its own; it must use the copy
   * @param <R> its result type
   * @return every run, in order
   */
  public <R> List<Preemption<R>> everyPreemptionOutsideTheGlobalLock(Callable<R> call)
      throws InterruptedException {
    var runs = new ArrayList<Preemption<R>>();
    for (int k = 1; k <= MOST_PAUSES; k++) {
      var run = preempt(new Preempting(k), call);
      runs.add(run);
      if (run.pause() == null) {
        return runs;
      }
    }
    return runs;
  }

  /** The preemption schedule being forced, or null. */
  private static volatile Preempting activePreempting;

  private static <R> Preemption<R> preempt(Preempting preempting, Callable<R> call)
      throws InterruptedException {
    var task = new FutureTask<>(call);
    activePreempting = preempting;
    try {
      preempting.caller =
          Thread.ofPlatform()
              .group(preempting.group)
              .name("forced-interleaving-caller")
              .daemon()
              .unstarted(task);
      preempting.caller.start();
      long start = System.nanoTime();
      while (!task.isDone()) {
        if (preempting.heldAt >= 0) {
          preempting.heldSince =
              preempting.heldSince == 0 ? System.nanoTime() : preempting.heldSince;
          // A caller that polls never looks blocked: after a while with every other worker
          // stopped, the held one is let go all the same (a bound, not a verdict).
          boolean polling =
              System.nanoTime() - preempting.heldSince > TimeUnit.SECONDS.toNanos(2)
                  && preempting.othersQuiet(false);
          if (polling || preempting.othersQuiet(true)) {
            break;
          }
        }
        if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(STEP_SECONDS)) {
          preempting.releaseAll();
          throw new AssertionError(
              ("The test held one worker outside the global lock and let the others run, but "
                      + "the call neither returned nor waited within %d s.")
                  .formatted(STEP_SECONDS));
        }
        Thread.sleep(1);
      }
      preempting.releaseAll();
      Object result = null;
      Throwable thrown = null;
      try {
        result = result(task);
      } catch (Exception e) {
        thrown = e;
      }
      preempting.awaitWorkersEnded();
      var pause = preempting.heldAt < 0 ? null : PAUSES.get(preempting.heldAt);
      var worker = preempting.first == null || pause == null ? null : nameOf(preempting.first);
      @SuppressWarnings("unchecked")
      var typed = (R) result;
      return new Preemption<>(pause, worker, typed, thrown, preempting.failures());
    } finally {
      activePreempting = null;
      preempting.releaseAll();
    }
  }

  /** One preemption schedule: the first worker, where it is held, and what the workers died of. */
  private static final class Preempting {
    final int k;
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger pointsSeen = new AtomicInteger();
    final Map<String, Throwable> failures = Collections.synchronizedMap(new LinkedHashMap<>());
    final ThreadGroup group;

    /** Every worker that reached a pause point: virtual threads are not in {@link #group}. */
    final Set<Thread> seen = ConcurrentHashMap.newKeySet();

    volatile Thread caller;
    volatile Thread first;
    volatile int heldAt = -1;
    volatile long heldSince;

    Preempting(int k) {
      this.k = k;
      this.group =
          new ThreadGroup("forced-interleaving-" + k) {
            @Override
            public void uncaughtException(Thread thread, Throwable failure) {
              failures.putIfAbsent(nameOf(thread), failure);
            }
          };
    }

    void pause(int id) {
      var me = Thread.currentThread();
      if (me == caller || release.getCount() == 0) {
        return;
      }
      if (seen.add(me) && me.getUncaughtExceptionHandler() instanceof ThreadGroup) {
        // A virtual thread is in no group of ours: note what it dies of all the same.
        me.setUncaughtExceptionHandler(
            (thread, failure) -> failures.putIfAbsent(nameOf(thread), failure));
      }
      if (GlobalLock.isHeldByCurrentThread()) {
        return;
      }
      synchronized (this) {
        if (first == null) {
          first = me;
        }
      }
      if (me != first || pointsSeen.incrementAndGet() != k) {
        return;
      }
      heldAt = id;
      Schedule.awaitGate(release);
    }

    /**
     * The live threads of the call's group, and the workers seen, but the held one and the caller.
     */
    private Set<Thread> others() {
      var threads = new Thread[group.activeCount() + 8];
      int n = group.enumerate(threads);
      var others = new java.util.HashSet<Thread>(seen);
      for (int i = 0; i < n; i++) {
        others.add(threads[i]);
      }
      others.remove(first);
      others.remove(caller);
      return others;
    }

    private boolean quietOnce(boolean callerToo) {
      if (callerToo && caller.isAlive() && !Schedule.waiting(caller)) {
        return false;
      }
      for (var other : others()) {
        if (other.getState() == Thread.State.RUNNABLE || other.getState() == Thread.State.NEW) {
          return false;
        }
      }
      return true;
    }

    /**
     * Every other worker has ended or waits, twice 20 ms apart, and (with {@code callerToo}) the
     * caller waits and used no CPU time meanwhile: nothing will happen until the held one goes on.
     */
    boolean othersQuiet(boolean callerToo) throws InterruptedException {
      if (!quietOnce(callerToo)) {
        return false;
      }
      long before = Holding.cpuTime(caller);
      Thread.sleep(20);
      return quietOnce(callerToo) && (!callerToo || Holding.cpuTime(caller) == before);
    }

    /** Waits, for a bounded time, until every thread of the call has ended. */
    void awaitWorkersEnded() throws InterruptedException {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
      while (group.activeCount() > 0 && System.nanoTime() - until < 0) {
        Thread.sleep(1);
      }
    }

    Map<String, Throwable> failures() {
      synchronized (failures) {
        return Map.copyOf(failures);
      }
    }

    void releaseAll() {
      release.countDown();
    }
  }

  private static <R> Run<R> force(Schedule schedule, Callable<R> call) throws Exception {
    var task = new FutureTask<>(call);
    active = schedule;
    try (var registration = WorkProbe.install(schedule)) {
      Thread.ofPlatform().name("forced-interleaving-caller").daemon().start(task);
      // 1. The first worker runs to its k-th pause point, or to the end of its unit of work.
      while (!schedule.firstHeldOrDone.await(10, TimeUnit.MILLISECONDS)) {
        if (task.isDone()) {
          break;
        }
        schedule.failAfter(
            "the first worker to start %s neither reached its pause point %d nor finished its unit of work"
                .formatted(schedule.work, schedule.k));
      }
      Pause pause = null;
      boolean finishedMeanwhile = false;
      String second = null;
      if (schedule.heldAt >= 0) {
        pause = PAUSES.get(schedule.heldAt);
        // 2. A second worker does its whole unit of work, or blocks.
        if (schedule.secondArrived.await(
            Rendezvous.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          second = nameOf(schedule.second);
          schedule.letSecondRun(
              "while %s was held at %s, %s neither finished its unit of work nor blocked"
                  .formatted(nameOf(schedule.first), pause.where(), second));
          finishedMeanwhile = schedule.secondDone;
        }
      }
      // 3. The first worker goes on; everyone else runs freely.
      schedule.openAll();
      var first = schedule.first == null ? null : nameOf(schedule.first);
      return new Run<>(pause, first, second, finishedMeanwhile, result(task));
    } finally {
      active = null;
      schedule.openAll();
    }
  }

  /** A thread's name, or what it is when it has none (virtual threads are unnamed by default). */
  private static String nameOf(Thread thread) {
    if (!thread.getName().isEmpty()) {
      return thread.getName();
    }
    return (thread.isVirtual() ? "virtual thread #" : "thread #") + thread.threadId();
  }

  private static <R> R result(FutureTask<R> task) throws Exception {
    try {
      return task.get(STEP_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    } catch (TimeoutException e) {
      throw new AssertionError(
          "After the forced schedule, the call did not return within %d s."
              .formatted(STEP_SECONDS));
    }
  }

  /** One schedule: which worker is first, where it is held, and the gates of both. */
  private static final class Schedule implements WorkProbe.Listener {
    final int k;
    final String work;
    final CountDownLatch firstHeldOrDone = new CountDownLatch(1);
    final CountDownLatch resumeFirst = new CountDownLatch(1);
    final CountDownLatch secondArrived = new CountDownLatch(1);
    final CountDownLatch releaseSecond = new CountDownLatch(1);
    final AtomicInteger pausesSeen = new AtomicInteger();
    volatile Thread first;
    volatile Thread second;
    volatile boolean firstInside;
    volatile boolean secondRunning;
    volatile boolean secondDone;
    volatile int heldAt = -1;
    private long clockStart = System.nanoTime();

    Schedule(int k, String work) {
      this.k = k;
      this.work = work;
    }

    @Override
    public void beforeWork(String work, Object input) {
      if (!this.work.equals(work)) {
        return;
      }
      var me = Thread.currentThread();
      synchronized (this) {
        if (first == null) {
          first = me;
          firstInside = true;
          return;
        }
        if (me == first || second != null) {
          return;
        }
        second = me;
      }
      secondArrived.countDown();
      awaitGate(releaseSecond);
      secondRunning = true;
    }

    @Override
    public void afterWork(String work, Object input) {
      if (!this.work.equals(work)) {
        return;
      }
      var me = Thread.currentThread();
      if (me == first && firstInside) {
        firstInside = false;
        firstHeldOrDone.countDown();
      } else if (me == second) {
        secondDone = true;
      }
    }

    void pause(int id) {
      if (Thread.currentThread() != first || !firstInside || pausesSeen.incrementAndGet() != k) {
        return;
      }
      heldAt = id;
      firstHeldOrDone.countDown();
      awaitGate(resumeFirst);
    }

    /**
     * Lets the second worker go, and waits until it has finished or blocks; fails, saying {@code
     * otherwise}, when it does neither in time.
     */
    void letSecondRun(String otherwise) throws InterruptedException {
      releaseSecond.countDown();
      restartClock();
      while (!secondDone && !secondBlocked()) {
        failAfter(otherwise);
        Thread.sleep(1);
      }
    }

    /** Whether the second worker waits for something (a lock, most likely) twice in a row. */
    boolean secondBlocked() throws InterruptedException {
      if (!secondRunning || !waiting(second)) {
        return false;
      }
      Thread.sleep(1);
      return !secondDone && waiting(second);
    }

    static boolean waiting(Thread thread) {
      var state = thread.getState();
      return state == Thread.State.BLOCKED
          || state == Thread.State.WAITING
          || state == Thread.State.TIMED_WAITING;
    }

    void openAll() {
      resumeFirst.countDown();
      releaseSecond.countDown();
    }

    void restartClock() {
      clockStart = System.nanoTime();
    }

    void failAfter(String what) {
      if (System.nanoTime() - clockStart > TimeUnit.SECONDS.toNanos(STEP_SECONDS)) {
        openAll();
        throw new AssertionError(
            "The test forced one worker to wait for another, but %s within %d s."
                .formatted(what, STEP_SECONDS));
      }
    }

    static void awaitGate(CountDownLatch gate) {
      try {
        if (!gate.await(3 * STEP_SECONDS, TimeUnit.SECONDS)) {
          throw new IllegalStateException("a forced schedule never let this worker go on");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** One hold-after schedule: which threads did a unit of work, and which are held. */
  private static final class Holding implements WorkProbe.Listener {
    final int k;
    final String work;
    final CountDownLatch release = new CountDownLatch(1);
    final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    final Map<Thread, Integer> pointsAfterUnit = new ConcurrentHashMap<>();
    final Set<Thread> held = ConcurrentHashMap.newKeySet();
    volatile Thread caller;
    volatile Thread firstHeld;
    volatile int firstHeldAt = -1;

    Holding(int k, String work) {
      this.k = k;
      this.work = work;
    }

    @Override
    public void beforeWork(String work, Object input) {
      if (this.work.equals(work)) {
        pointsAfterUnit.remove(Thread.currentThread());
      }
    }

    @Override
    public void afterWork(String work, Object input) {
      var me = Thread.currentThread();
      if (this.work.equals(work) && me != caller) {
        workers.add(me);
        pointsAfterUnit.put(me, 0);
      }
    }

    void pause(int id) {
      var me = Thread.currentThread();
      var seen = pointsAfterUnit.computeIfPresent(me, (thread, n) -> n + 1);
      if (seen == null || seen != k || release.getCount() == 0) {
        return;
      }
      synchronized (this) {
        if (firstHeld == null) {
          firstHeld = me;
          firstHeldAt = id;
        }
      }
      held.add(me);
      Schedule.awaitGate(release);
      held.remove(me);
    }

    /**
     * The caller waits, no worker runs, and the caller used no CPU time for 20 ms: it waits for a
     * held worker. (A caller that polls, sleeping a millisecond between looks, is often seen
     * waiting too; its CPU time gives it away.)
     */
    boolean callerStuck() throws InterruptedException {
      if (!quiet(true)) {
        return false;
      }
      long before = cpuTime(caller);
      Thread.sleep(20);
      return quiet(true) && cpuTime(caller) == before;
    }

    static long cpuTime(Thread thread) {
      var threads = java.lang.management.ManagementFactory.getThreadMXBean();
      return threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(thread.threadId()) : 0;
    }

    /** Waits until no worker runs (each is held, waiting or ended), twice in a row. */
    void awaitQuiet() throws InterruptedException {
      long start = System.nanoTime();
      while (!(quiet(false) && pauseThenQuiet())) {
        if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(STEP_SECONDS)) {
          return;
        }
      }
    }

    boolean workersQuiet() {
      return quiet(false);
    }

    private boolean pauseThenQuiet() throws InterruptedException {
      Thread.sleep(1);
      return quiet(false);
    }

    private boolean quiet(boolean callerToo) {
      if (callerToo && !Schedule.waiting(caller)) {
        return false;
      }
      for (var worker : workers) {
        if (worker.getState() == Thread.State.RUNNABLE && !held.contains(worker)) {
          return false;
        }
      }
      return true;
    }

    void releaseAll() {
      release.countDown();
    }
  }

  // ---- things that end slowly: a pool's last thread, a killed process ----------------------

  /**
   * Whether {@code thread} waits for something: a lock, a condition, a sleep, or, when {@code
   * nativeCalls}, a native call such as a read from a pipe (a thread reading a child's output shows
   * as running).
   */
  static boolean waits(Thread thread, boolean nativeCalls) {
    if (Schedule.waiting(thread)) {
      return true;
    }
    if (!nativeCalls || thread.getState() != Thread.State.RUNNABLE) {
      return false;
    }
    var stack = thread.getStackTrace();
    return stack.length > 0 && stack[0].isNativeMethod();
  }

  /** The CPU time {@code thread} has used, in nanoseconds; 0 where the JVM cannot tell. */
  static long cpuTime(Thread thread) {
    return Holding.cpuTime(thread);
  }

  /**
   * Whether {@code thread} waits ({@link #waits}), and still does 20 ms later without having used
   * any CPU time: it will not go on until someone else acts.
   */
  static boolean stuck(Thread thread, boolean nativeCalls) throws InterruptedException {
    if (!waits(thread, nativeCalls)) {
      return false;
    }
    long before = Holding.cpuTime(thread);
    Thread.sleep(20);
    return waits(thread, nativeCalls) && Holding.cpuTime(thread) == before;
  }

  /**
   * What {@link #assertEndsItsPoolThreads} saw.
   *
   * @param returnedWhileHeld whether the call returned (or threw) while a thread of its pool was
   *     still running the test's last task
   * @param thread the name of that thread, or null
   * @param ended what the call did: "returned 42", or "threw ..."
   */
  record PoolRun(boolean returnedWhileHeld, String thread, String ended) {}

  /**
   * Fails unless {@code call} has ended its pool's threads when it returns, on every way out: just
   * before the call shuts its pool down ({@code shutdown()}, {@code shutdownNow()} or {@code
   * close()}), the test gives the pool one more task, which keeps one of its threads at work until
   * the call waits; a call that does not wait for its pool to terminate returns while that thread
   * still runs. (A pool thread that has handed over its last result is alive a moment longer,
   * finishing up: here that moment lasts as long as the test likes.) A call that never shuts a pool
   * down is not judged here.
   *
   * @param type the learner's class
   * @param method its public static method to call
   * @param args the arguments
   * @param call the call, as the learner would write it, for the message
   * @param fix what the contract says and where the chapter explains it, for the message
   */
  public static void assertEndsItsPoolThreads(
      Class<?> type, String method, Object[] args, String call, String fix) {
    var copy = load(type);
    var run =
        Deadline.call(
            java.time.Duration.ofSeconds(60),
            () -> holdPool(copy.staticCall(type, method, args)),
            call + " with one of its pool's threads kept at work",
            fix);
    if (run.returnedWhileHeld()) {
      throw new AssertionError(
          ("%s %s while thread '%s' of its pool was still running: just before your code shut "
                  + "the pool down, the test gave the pool one more task, which keeps its thread "
                  + "at work until your code waits for the pool (as a thread that is slow to "
                  + "finish up would), and the call ended without waiting for the pool's threads "
                  + "to end. %s")
              .formatted(call, run.ended(), run.thread(), fix));
    }
  }

  private static PoolRun holdPool(Callable<?> call) throws Exception {
    var hold = new PoolHold();
    var task =
        new FutureTask<String>(
            () -> {
              try {
                return "returned " + call.call();
              } catch (Exception e) {
                return "threw " + briefly(e);
              }
            });
    activePoolHold = hold;
    try {
      var caller = Thread.ofPlatform().name("forced-interleaving-caller").daemon().unstarted(task);
      caller.start();
      long start = System.nanoTime();
      boolean returnedWhileHeld = false;
      while (true) {
        if (task.isDone()) {
          returnedWhileHeld = hold.holding();
          break;
        }
        if (hold.holding()) {
          // A caller that waits for its pool never looks blocked when it polls: after a while it
          // is let go all the same (a bound, not a verdict: it cannot make right code fail).
          boolean polling = System.nanoTime() - hold.since > TimeUnit.SECONDS.toNanos(2);
          if (polling || (!hold.inHook && stuck(caller, false))) {
            break;
          }
        }
        if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(STEP_SECONDS)) {
          hold.release();
          throw new AssertionError(
              ("The test kept one of the pool's threads at work, but the call neither returned "
                      + "nor waited within %d s.")
                  .formatted(STEP_SECONDS));
        }
        Thread.sleep(1);
      }
      var thread = hold.holder == null ? null : nameOf(hold.holder);
      hold.release();
      return new PoolRun(returnedWhileHeld, thread, result(task));
    } finally {
      activePoolHold = null;
      hold.release();
    }
  }

  /**
   * A failure in a few words for a message: "IOException: child 12 exited with status 1...", its
   * class and the first line of its message, cut short.
   *
   * @param failure what was thrown
   * @return the few words
   */
  public static String briefly(Throwable failure) {
    var raw = failure.getMessage();
    var message = raw == null ? "" : raw.lines().findFirst().orElse("").strip();
    if (message.length() > 100) {
      message = message.substring(0, 100) + "...";
    }
    return failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }

  /** The pool hold being forced, or null. */
  private static volatile PoolHold activePoolHold;

  /**
   * Called by the instrumented copy just before each call of a method named {@code shutdown},
   * {@code shutdownNow} or {@code close} without arguments, with its receiver: while {@link
   * #assertEndsItsPoolThreads} runs, an {@link ExecutorService} gets the test's last task.
   *
   * @param receiver what the method is called on
   */
  public static void beforeShutdown(Object receiver) {
    var hold = activePoolHold;
    if (hold != null && receiver instanceof ExecutorService pool) {
      hold.giveLastTask(pool);
    }
  }

  /** The test's last task, one per pool, and the gate that keeps it running. */
  private static final class PoolHold {
    static final Set<String> ENDINGS = Set.of("shutdown", "shutdownNow", "close");

    final CountDownLatch released = new CountDownLatch(1);
    final Set<ExecutorService> pools = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    volatile Thread holder;
    volatile boolean inHook;
    volatile long since;

    /** Whether a pool thread runs the last task and has not been let go. */
    boolean holding() {
      return holder != null && released.getCount() > 0;
    }

    void giveLastTask(ExecutorService pool) {
      synchronized (pools) {
        if (!pools.add(pool) || pool.isShutdown()) {
          return;
        }
      }
      var started = new CountDownLatch(1);
      inHook = true;
      try {
        pool.execute(
            () -> {
              synchronized (this) {
                if (holder == null) {
                  since = System.nanoTime();
                  holder = Thread.currentThread();
                }
              }
              started.countDown();
              hold();
            });
        // Until the task runs: shutdownNow() would hand it back unrun.
        if (!started.await(STEP_SECONDS, TimeUnit.SECONDS)) {
          return;
        }
      } catch (RejectedExecutionException e) {
        // a pool that takes no more tasks: nothing to hold
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inHook = false;
      }
    }

    /** Runs until the test lets go, through interrupts (shutdownNow) too. */
    private void hold() {
      boolean interrupted = false;
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3 * STEP_SECONDS);
      while (released.getCount() > 0 && System.nanoTime() - until < 0) {
        try {
          released.await(until - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    void release() {
      released.countDown();
    }
  }

  /** The kills being deferred, or null: a kill is then done at once. */
  private static volatile Kills deferredKills;

  /**
   * From now until the returned object is closed, a request of the instrumented copy to kill a
   * process ({@code destroy()}, {@code destroyForcibly()}, of a {@link Process} or a {@link
   * ProcessHandle}) is noted and answered as done, but carried out only at {@link Kills#release}: a
   * killed process that takes as long to die as the test likes. The JDK says as much: after {@code
   * destroyForcibly()}, {@code isAlive()} may return true for a brief period.
   */
  static Kills deferKills() {
    var kills = new Kills();
    deferredKills = kills;
    return kills;
  }

  /** The kills that the copy asked for, kept until {@link #release}. */
  static final class Kills implements AutoCloseable {
    private final List<Runnable> pending = new ArrayList<>();
    private final Set<Long> asked = new java.util.LinkedHashSet<>();
    private boolean released;

    /** A redirection: the static method of this class that a kill call goes to. */
    record Redirect(String name, String desc) {}

    /** Where a call of {@code owner.member desc} goes instead, or null if it is no kill. */
    static Redirect redirect(int opcode, String owner, String member, String desc) {
      if (!member.equals("destroy") && !member.equals("destroyForcibly")) {
        return null;
      }
      if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Process")) {
        return new Redirect(member + "Later", "(Ljava/lang/Process;)" + desc.substring(2));
      }
      if (opcode == Opcodes.INVOKEINTERFACE && owner.equals("java/lang/ProcessHandle")) {
        return new Redirect(member + "Later", "(Ljava/lang/ProcessHandle;)" + desc.substring(2));
      }
      return null;
    }

    /** Notes the kill, unless released: then the caller does it at once. */
    synchronized boolean defer(long pid, Runnable kill) {
      if (released) {
        return false;
      }
      asked.add(pid);
      pending.add(kill);
      return true;
    }

    /** The process ids the copy asked to kill so far. */
    synchronized Set<Long> asked() {
      return Set.copyOf(asked);
    }

    /** Carries out every kill asked for; from now on, kills are done at once. */
    void release() {
      List<Runnable> now;
      synchronized (this) {
        released = true;
        now = List.copyOf(pending);
        pending.clear();
      }
      now.forEach(Runnable::run);
    }

    @Override
    public void close() {
      if (deferredKills == this) {
        deferredKills = null;
      }
      release();
    }
  }

  private static boolean deferred(long pid, Runnable kill) {
    var kills = deferredKills;
    return kills != null && kills.defer(pid, kill);
  }

  /**
   * {@code process.destroy()}, as the instrumented copy calls it.
   *
   * @param process the process
   */
  public static void destroyLater(Process process) {
    if (!deferred(process.pid(), process::destroy)) {
      process.destroy();
    }
  }

  /**
   * {@code process.destroyForcibly()}, as the instrumented copy calls it.
   *
   * @param process the process
   * @return the process
   */
  public static Process destroyForciblyLater(Process process) {
    if (!deferred(process.pid(), process::destroyForcibly)) {
      process.destroyForcibly();
    }
    return process;
  }

  /**
   * {@code handle.destroy()}, as the instrumented copy calls it.
   *
   * @param handle the process
   * @return whether the request was made
   */
  public static boolean destroyLater(ProcessHandle handle) {
    return deferred(handle.pid(), handle::destroy) || handle.destroy();
  }

  /**
   * {@code handle.destroyForcibly()}, as the instrumented copy calls it.
   *
   * @param handle the process
   * @return whether the request was made
   */
  public static boolean destroyForciblyLater(ProcessHandle handle) {
    return deferred(handle.pid(), handle::destroyForcibly) || handle.destroyForcibly();
  }

  // ---- the instrumented copy ---------------------------------------------------------------

  private static byte[] instrument(byte[] original) {
    var reader = new ClassReader(original);
    var writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    reader.accept(new PausingClass(writer), 0);
    return writer.toByteArray();
  }

  /**
   * Puts a pause point before every call (but constructors'), array store, field store and return;
   * sends every request to kill a process through {@link Kills}, and every call that may shut a
   * pool down through {@link #beforeShutdown} first.
   */
  private static final class PausingClass extends ClassVisitor {
    private String file = "?";

    PausingClass(ClassVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public void visitSource(String source, String debug) {
      if (source != null) {
        file = source;
      }
      super.visitSource(source, debug);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      var next = super.visitMethod(access, name, descriptor, signature, exceptions);
      return new MethodVisitor(Opcodes.ASM9, next) {
        private int line;

        @Override
        public void visitLineNumber(int line, Label start) {
          this.line = line;
          super.visitLineNumber(line, start);
        }

        @Override
        public void visitMethodInsn(
            int opcode, String owner, String member, String desc, boolean isInterface) {
          if (opcode != Opcodes.INVOKESPECIAL && !owner.equals(SELF)) {
            point("a call to " + Type.simpleName(owner) + "." + member, Type.isMap(owner));
          }
          var kill = Kills.redirect(opcode, owner, member, desc);
          if (kill != null) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, SELF, kill.name(), kill.desc(), false);
            return;
          }
          if ((opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE)
              && PoolHold.ENDINGS.contains(member)
              && desc.startsWith("()")) {
            // The receiver is on top of the stack: hand a copy of it to the hook first.
            super.visitInsn(Opcodes.DUP);
            super.visitMethodInsn(
                Opcodes.INVOKESTATIC, SELF, "beforeShutdown", "(Ljava/lang/Object;)V", false);
          }
          super.visitMethodInsn(opcode, owner, member, desc, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(
            String indyName, String desc, Handle bootstrap, Object... arguments) {
          // A method reference such as Process::destroyForcibly is a handle in the arguments.
          var rewritten = arguments.clone();
          for (int i = 0; i < rewritten.length; i++) {
            if (rewritten[i] instanceof Handle handle) {
              var kill =
                  Kills.redirect(
                      handle.getTag() == Opcodes.H_INVOKEINTERFACE
                          ? Opcodes.INVOKEINTERFACE
                          : handle.getTag() == Opcodes.H_INVOKEVIRTUAL ? Opcodes.INVOKEVIRTUAL : -1,
                      handle.getOwner(),
                      handle.getName(),
                      handle.getDesc());
              if (kill != null) {
                rewritten[i] =
                    new Handle(Opcodes.H_INVOKESTATIC, SELF, kill.name(), kill.desc(), false);
              }
            }
          }
          super.visitInvokeDynamicInsn(indyName, desc, bootstrap, rewritten);
        }

        @Override
        public void visitInsn(int opcode) {
          if (opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE) {
            point("a write to an element of an array", false);
          } else if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            point("the return from " + Type.methodName(name), false);
          }
          super.visitInsn(opcode);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String field, String desc) {
          if (opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC) {
            point("a write to the field " + field, false);
          }
          super.visitFieldInsn(opcode, owner, field, desc);
        }

        private void point(String what, boolean onMap) {
          int id;
          synchronized (PAUSES) {
            id = PAUSES.size();
            PAUSES.add(new Pause(file, line, Type.methodName(name), what, onMap));
          }
          super.visitLdcInsn(id);
          super.visitMethodInsn(Opcodes.INVOKESTATIC, SELF, "pause", "(I)V", false);
        }
      };
    }
  }

  /** Names as the JVM writes them, read as a learner would. */
  private static final class Type {
    static String internalName(Class<?> type) {
      return type.getName().replace('.', '/');
    }

    static String simpleName(String internalName) {
      var name = internalName.substring(internalName.lastIndexOf('/') + 1);
      return name.substring(name.lastIndexOf('$') + 1);
    }

    /** {@code lambda$of$0} reads "a lambda in of". */
    static String methodName(String name) {
      if (name.startsWith("lambda$")) {
        var parts = name.split("\\$");
        return parts.length > 1 ? "a lambda in " + parts[1] : name;
      }
      return name;
    }

    static boolean isMap(String internalName) {
      try {
        return Map.class.isAssignableFrom(
            Class.forName(
                internalName.replace('/', '.'), false, ForcedInterleaving.class.getClassLoader()));
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }
  }
}
