package course.futures;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor the tests hand to {@code countAll}: its threads have names of their own and are
 * remembered, so a test can tell them from the caller and from the common pool; it counts the tasks
 * it is given; and it can hold every task back until the test opens it, run them oldest or newest
 * first, or run each task to its end before {@code execute} returns.
 */
final class TestExecutor implements Executor, AutoCloseable {

  /** Which queued task a free thread takes next. */
  enum Order {
    OLDEST_FIRST,
    NEWEST_FIRST
  }

  static final String THREAD_PREFIX = "countAll-executor-";

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final String prefix = THREAD_PREFIX + POOLS.incrementAndGet() + "-";
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final List<Thread> workers = new ArrayList<>();
  private final LinkedBlockingDeque<Runnable> queue = new LinkedBlockingDeque<>();
  private final AtomicInteger tasksGiven = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final CountDownLatch gate = new CountDownLatch(1);
  private final Order order;
  private final boolean runsBeforeReturning;
  private volatile boolean closing;

  private TestExecutor(int nThreads, Order order, boolean gated, boolean runsBeforeReturning) {
    this.order = order;
    this.runsBeforeReturning = runsBeforeReturning;
    if (!gated) {
      gate.countDown();
    }
    for (int i = 0; i < nThreads; i++) {
      startWorker("" + (i + 1));
    }
  }

  /** {@code nThreads} threads that take tasks oldest first, as soon as they are given. */
  static TestExecutor fixed(int nThreads) {
    return new TestExecutor(nThreads, Order.OLDEST_FIRST, false, false);
  }

  /** {@code nThreads} threads that run nothing until {@link #open()}, then take tasks in order. */
  static TestExecutor gated(int nThreads, Order order) {
    return new TestExecutor(nThreads, order, true, false);
  }

  /**
   * A new thread for every task, and {@code execute} returns only once that task has ended: the
   * future a task completes is already complete when {@code supplyAsync} returns it.
   */
  static TestExecutor runningEachTaskBeforeReturning() {
    return new TestExecutor(0, Order.OLDEST_FIRST, false, true);
  }

  @Override
  public void execute(Runnable task) {
    if (task == null) {
      throw new NullPointerException("task");
    }
    tasksGiven.incrementAndGet();
    if (runsBeforeReturning) {
      var thread = newThread("task-" + tasksGiven.get(), task);
      thread.start();
      joinUninterruptibly(thread);
      return;
    }
    queue.add(task);
  }

  /** Lets the threads of a gated executor start taking tasks. */
  void open() {
    gate.countDown();
  }

  /** The ids of every thread this executor has made, ended or not. */
  Set<Long> threadIdsSeen() {
    var ids = new java.util.HashSet<Long>();
    threads.forEach(thread -> ids.add(thread.threadId()));
    return ids;
  }

  /** How many tasks {@code execute} has been given. */
  int tasksGiven() {
    return tasksGiven.get();
  }

  /**
   * A thread of this executor that is waiting for a future (in {@code join()} or {@code get()})
   * while tasks wait in the queue for a thread: the pool is starving itself. Describes where.
   */
  Optional<String> threadWaitingWhileTasksQueue() {
    if (queue.isEmpty()) {
      return Optional.empty();
    }
    for (var thread : List.copyOf(threads)) {
      var state = thread.getState();
      if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
        continue;
      }
      var where = waitingFrame(thread.getStackTrace());
      if (where.isPresent() && !queue.isEmpty()) {
        return where.map(w -> "'" + thread.getName() + "' " + w);
      }
    }
    return Optional.empty();
  }

  /** Where each thread of this executor is, for a message: its first frame in course.futures. */
  String whereThreadsAre() {
    var where = new ArrayList<String>();
    for (var thread : List.copyOf(threads)) {
      if (thread.isAlive()) {
        where.add(
            "'%s' (%s) at %s".formatted(thread.getName(), thread.getState(), ownFrame(thread)));
      }
    }
    return where.isEmpty() ? "no thread is alive" : String.join("; ", where);
  }

  /** How many tasks wait in the queue. */
  int queued() {
    return queue.size();
  }

  private static Optional<String> waitingFrame(StackTraceElement[] stack) {
    // Parked, in this very snapshot: join() on a future that is complete already never parks.
    if (stack.length == 0 || !stack[0].getMethodName().startsWith("park")) {
      return Optional.empty();
    }
    for (int i = 0; i < stack.length; i++) {
      var frame = stack[i];
      boolean future =
          frame.getClassName().equals("java.util.concurrent.CompletableFuture")
              || frame.getClassName().equals("java.util.concurrent.FutureTask");
      boolean waits = frame.getMethodName().equals("join") || frame.getMethodName().equals("get");
      if (future && waits) {
        var simple = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
        var caller = i + 1 < stack.length ? " called at " + firstOwn(stack, i + 1) : "";
        return Optional.of(
            "is blocked in %s.%s()%s".formatted(simple, frame.getMethodName(), caller));
      }
    }
    return Optional.empty();
  }

  private static String ownFrame(Thread thread) {
    return firstOwn(thread.getStackTrace(), 0);
  }

  /** The first frame of the learner's package from {@code from} on, or the top frame. */
  private static String firstOwn(StackTraceElement[] stack, int from) {
    for (int i = from; i < stack.length; i++) {
      var name = stack[i].getClassName();
      if (name.startsWith("course.futures.")
          && !name.startsWith(TestExecutor.class.getName())
          && !name.startsWith(WordCountTest.class.getName())) {
        return "%s.%s(%s:%d)"
            .formatted(
                stack[i].getClassName().substring("course.futures.".length()),
                stack[i].getMethodName(),
                stack[i].getFileName(),
                stack[i].getLineNumber());
      }
    }
    return stack.length > from ? stack[from].toString() : "?";
  }

  private void startWorker(String suffix) {
    var thread = newThread(suffix, this::work);
    workers.add(thread);
    thread.start();
  }

  private Thread newThread(String suffix, Runnable body) {
    var thread = Thread.ofPlatform().name(prefix + suffix).daemon(true).unstarted(body);
    threads.add(thread);
    return thread;
  }

  private void work() {
    try {
      gate.await();
      while (true) {
        var task =
            order == Order.OLDEST_FIRST
                ? queue.pollFirst(20, TimeUnit.MILLISECONDS)
                : queue.pollLast(20, TimeUnit.MILLISECONDS);
        if (task == null) {
          if (closing && running.get() == 0 && queue.isEmpty()) {
            return;
          }
          continue;
        }
        running.incrementAndGet();
        try {
          task.run();
        } catch (RuntimeException | Error e) {
          // CompletableFuture's tasks catch their own failures; anything else is not ours to judge.
        } finally {
          running.decrementAndGet();
          Thread.interrupted(); // as a pool does: a task's interrupt does not leak into the next
        }
      }
    } catch (InterruptedException e) {
      // close() gave up on this thread
    }
  }

  /**
   * Opens the gate, lets the queued tasks run, and waits for the threads to end. A pool that
   * starved itself gets extra threads to drain its queue, so the learner's stuck tasks can end too
   * and nothing is left behind for the next test.
   */
  @Override
  public void close() {
    closing = true;
    gate.countDown();
    if (!awaitWorkers(2_000)) {
      for (int i = 0; i < 4; i++) {
        startWorker("rescue-" + (i + 1));
      }
      if (!awaitWorkers(8_000)) {
        workers.forEach(Thread::interrupt);
        awaitWorkers(1_000);
      }
    }
  }

  private boolean awaitWorkers(long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (var thread : List.copyOf(workers)) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        try {
          thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return workers.stream().noneMatch(Thread::isAlive);
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
