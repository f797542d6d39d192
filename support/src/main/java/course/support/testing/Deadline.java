package course.support.testing;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.opentest4j.AssertionFailedError;

/**
 * Runs the learner's code with a time limit, so a hang becomes a failure that says where the code
 * is stuck instead of a stuck build.
 *
 * <pre>{@code
 * long words = Deadline.call(() -> WordCount.count(text, 4), "count(text, 4)",
 *     "Did you start() every thread?");
 * }</pre>
 *
 * <p>The code runs on a thread of its own, not on the test's thread: use {@link #caller()} to learn
 * which thread called the learner's code.
 *
 * <p>When the code does not return, the failure shows each of the learner's stuck threads (the
 * calling thread, the threads started since, and any other thread inside the learner's classes):
 * its state, its top frames in the learner's own files ({@code file:line}) and what it waits for (a
 * lock and its owner, a queue, another thread to end). It comes from the JDK's {@link
 * ThreadMXBean}, not from parsing a thread dump. A deadlock (threads that each wait for a lock
 * another one holds, or for a thread that waits for them) is named as one, with its cycle, as soon
 * as it is certain rather than at the time limit. A thread busy in a loop shows as running at its
 * line.
 *
 * <p>Once a call has hung, later calls in the same test JVM do not run at all (their tests are
 * skipped, with a message that says why): code that hung once almost always hangs again, its
 * threads are still there, and the learner should read the first diagnosis, not wait minutes for
 * more. A correct solution never hangs, so it never sees this.
 */
public final class Deadline {

  /** Generous: the slowest correct solution on a loaded machine finishes in a few seconds. */
  public static final Duration DEFAULT = Duration.ofSeconds(15);

  /**
   * The limit once a call has hung in this JVM: none, later calls are skipped (kept for tests that
   * name it).
   */
  public static final Duration AFTER_A_HANG = Duration.ZERO;

  /** A deadlock seen this long is no passing state: the call fails at once. */
  static final Duration DEADLOCK_CONFIRMED = Duration.ofMillis(600);

  /** How often a waiting call looks for a deadlock. */
  private static final long POLL_MILLIS = 200;

  /** The first words of every hang's message: the runner and the book recognise them by it. */
  public static final String STUCK = "did not return within";

  private static final String CALLER_PREFIX = "deadline-caller-";
  private static final AtomicInteger CALLERS = new AtomicInteger();
  private static volatile String firstHang;
  private static volatile Thread caller;

  private Deadline() {}

  /**
   * Calls {@code code} and returns its result, or fails after {@link #DEFAULT}.
   *
   * @param code the call under test
   * @param what the call, as the learner would write it, for the message
   * @param hint what to check when it hangs, in one sentence
   */
  public static <T> T call(ThrowingSupplier<T> code, String what, String hint) {
    return call(DEFAULT, code, what, hint);
  }

  /** Like {@link #call(ThrowingSupplier, String, String)} with a time limit of your choice. */
  public static <T> T call(Duration limit, ThrowingSupplier<T> code, String what, String hint) {
    return call(limit, code, what, () -> hint);
  }

  /**
   * Like {@link #call(ThrowingSupplier, String, String)}, with a hint made at the moment the time
   * is up, while the learner's threads are still stuck: it can say where they are (their states and
   * stack frames).
   */
  public static <T> T call(ThrowingSupplier<T> code, String what, Supplier<String> hint) {
    return call(DEFAULT, code, what, hint);
  }

  private static <T> T call(
      Duration limit, ThrowingSupplier<T> code, String what, Supplier<String> hint) {
    var earlier = firstHang;
    Assumptions.assumeTrue(
        earlier == null,
        () ->
            "Not run: an earlier call in this test run did not return (%s), and its threads are still there. Fix that hang first."
                .formatted(earlier));
    var result = new CompletableFuture<T>();
    var thread =
        Thread.ofPlatform()
            .daemon()
            .name(CALLER_PREFIX + CALLERS.incrementAndGet())
            .unstarted(
                () -> {
                  try {
                    result.complete(code.get());
                  } catch (Throwable t) {
                    result.completeExceptionally(t);
                  }
                });
    caller = thread;
    thread.start();
    long start = System.nanoTime();
    long end = start + limit.toNanos();
    Set<Long> deadlockSeen = Set.of();
    long deadlockSince = 0;
    try {
      while (true) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          return result.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)), NANOS);
        } catch (TimeoutException stillRunning) {
          var cycle = Stuck.deadlock(thread);
          if (cycle.isEmpty() || !cycle.equals(deadlockSeen)) {
            deadlockSeen = cycle;
            deadlockSince = System.nanoTime();
          } else if (System.nanoTime() - deadlockSince >= DEADLOCK_CONFIRMED.toNanos()) {
            throw hung(thread, what, Stuck.describe(thread, what, null, hint.get()));
          }
        }
      }
    } catch (ExecutionException e) {
      throw Deadline.<RuntimeException>sneaky(e.getCause());
    } catch (InterruptedException e) {
      thread.interrupt();
      throw Deadline.<RuntimeException>sneaky(e);
    }
    if (!result.isDone()) {
      throw hung(thread, what, Stuck.describe(thread, what, limit, hint.get()));
    }
    try {
      return result.get();
    } catch (ExecutionException e) {
      throw Deadline.<RuntimeException>sneaky(e.getCause());
    } catch (InterruptedException e) {
      throw Deadline.<RuntimeException>sneaky(e);
    }
  }

  private static AssertionFailedError hung(Thread thread, String what, String message) {
    firstHang = what;
    var failure = new AssertionFailedError(message);
    // The trace of the test's own thread says nothing about the learner's threads.
    failure.setStackTrace(new StackTraceElement[0]);
    // JUnit interrupts a call that timed out; so do we (code that honours it may end).
    thread.interrupt();
    return failure;
  }

  /** Runs {@code code}, or fails after {@link #DEFAULT}. */
  public static void run(Executable code, String what, String hint) {
    call(
        () -> {
          code.execute();
          return null;
        },
        what,
        hint);
  }

  /** The thread that ran the code of the latest {@code call}: the learner's "calling thread". */
  public static Thread caller() {
    return caller;
  }

  /** Whether a call has hung in this JVM (its threads may still be running). */
  static boolean hasHung() {
    return firstHang != null;
  }

  /** Whether {@code thread} is one of the threads Deadline starts to call the learner's code. */
  static boolean isCallerThread(Thread thread) {
    return thread.getName().startsWith(CALLER_PREFIX);
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }

  private static final TimeUnit NANOS = TimeUnit.NANOSECONDS;

  /**
   * What the learner's threads are doing, from {@link ThreadMXBean}: which threads are the
   * learner's, where in the learner's files each one is, what it waits for, and whether some of
   * them wait for each other for ever.
   */
  static final class Stuck {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int FRAMES = 3;
    private static final int GROUPS_SHOWN = 6;
    private static final Map<String, Boolean> LEARNER_CLASSES = new ConcurrentHashMap<>();

    private Stuck() {}

    /**
     * The threads of a cycle of waits that cannot end (each waits without a time limit for a lock
     * another holds, or for another to end), among the learner's; empty if there is none.
     */
    static Set<Long> deadlock(Thread caller) {
      var infos = infos(caller);
      var cycle = cycle(infos, threadsById());
      // A thread that waits with a time limit (tryLock(1, SECONDS)) is not stuck for ever.
      for (var id : cycle) {
        var state = infos.get(id).getThreadState();
        if (state != Thread.State.BLOCKED && state != Thread.State.WAITING) {
          return Set.of();
        }
      }
      return cycle;
    }

    /** The failure's message: the call, then each stuck thread; a deadlock named as one. */
    static String describe(Thread caller, String what, Duration limit, String hint) {
      var deadlockFound = limit == null;
      var infos = infos(caller);
      var byId = threadsById();
      var cycle = cycle(infos, byId);
      var locks = new LockNames();
      var text = new StringBuilder();
      if (!cycle.isEmpty()) {
        text.append(what)
            .append(
                deadlockFound
                    ? " is stuck in a deadlock"
                    : " " + STUCK + " " + limit.toSeconds() + " s: it is stuck in a deadlock")
            .append(
                ": these threads wait for each other, so none can go on. Take the locks in one fixed order everywhere, and never wait for a thread (join, get, take) while you hold a lock it needs.\n");
        for (var id : cycle) {
          var info = infos.containsKey(id) ? infos.get(id) : THREADS.getThreadInfo(id);
          if (info != null) {
            text.append(describeInCycle(info, caller, byId, locks));
          }
        }
        return text.toString().stripTrailing();
      }
      var virtuals =
          VirtualThreadDump.now().stream()
              .filter(thread -> thread.stack().stream().anyMatch(Stuck::isLearners))
              .toList();
      var running =
          infos.values().stream()
                  .filter(info -> info.getThreadState() == Thread.State.RUNNABLE)
                  .anyMatch(info -> !learnerFrames(info).isEmpty())
              || virtuals.stream()
                  .anyMatch(thread -> thread.stateOrGuess() == Thread.State.RUNNABLE);
      text.append(what)
          .append(' ')
          .append(STUCK)
          .append(' ')
          .append(limit.toSeconds())
          .append(" s.");
      text.append(' ')
          .append(
              running
                  ? "Your code is still running, not waiting: a loop that never ends? Check the condition that should end it."
                  : hint)
          .append('\n');
      // Threads stuck at the same place show once, with all their names; the running ones first.
      var groups = new LinkedHashMap<String, List<ThreadInfo>>();
      infos.values().stream()
          .sorted(
              java.util.Comparator.comparingInt(
                  info ->
                      info.getThreadState() == Thread.State.RUNNABLE
                              && !learnerFrames(info).isEmpty()
                          ? 0
                          : info.getThreadId() == caller.threadId() ? 1 : 2))
          .forEach(
              info ->
                  groups
                      .computeIfAbsent(
                          describeOne(info, caller, byId, locks), key -> new ArrayList<>())
                      .add(info));
      // Virtual threads, which ThreadMXBean does not see, from the JDK's thread dump.
      var virtualGroups = new LinkedHashMap<String, List<VirtualThreadDump.Seen>>();
      virtuals.stream()
          .sorted(
              java.util.Comparator.comparingInt(
                  thread -> thread.stateOrGuess() == Thread.State.RUNNABLE ? 0 : 1))
          .forEach(
              thread ->
                  virtualGroups
                      .computeIfAbsent(describeVirtual(thread), key -> new ArrayList<>())
                      .add(thread));
      int shown = 0;
      for (var group : groups.entrySet()) {
        if (shown++ == GROUPS_SHOWN) {
          text.append("  … and other threads\n");
          return text.toString().stripTrailing();
        }
        text.append("  ").append(names(group.getValue(), caller)).append(group.getKey());
      }
      for (var group : virtualGroups.entrySet()) {
        if (shown++ == GROUPS_SHOWN) {
          text.append("  … and other threads\n");
          break;
        }
        text.append("  ").append(virtualNames(group.getValue())).append(group.getKey());
      }
      return text.toString().stripTrailing();
    }

    /**
     * "the calling thread", "'word-counter-0'", "'word-counter-0', 'word-counter-1' and 2 more".
     */
    private static String names(List<ThreadInfo> infos, Thread caller) {
      var names = infos.stream().limit(3).map(info -> name(info, caller)).toList();
      var more = infos.size() > 3 ? " and " + (infos.size() - 3) + " more" : "";
      return String.join(", ", names) + more;
    }

    /** "a virtual thread", "virtual thread 'fetch-3'", "3 virtual threads". */
    private static String virtualNames(List<VirtualThreadDump.Seen> threads) {
      if (threads.size() > 1) {
        return threads.size() + " virtual threads";
      }
      var name = threads.getFirst().name();
      return name.isEmpty() ? "a virtual thread" : "virtual thread '" + name + "'";
    }

    /** Like {@link #describeOne} for a virtual thread: its state, where it waits, its lines. */
    private static String describeVirtual(VirtualThreadDump.Seen thread) {
      var stack = thread.stack().toArray(StackTraceElement[]::new);
      var frames = thread.stack().stream().filter(Stuck::isLearners).toList();
      var state = thread.stateOrGuess();
      var out = new StringBuilder(" (").append(state).append("): ");
      if (state == Thread.State.RUNNABLE) {
        out.append(
            stack.length > 0 && stack[0].equals(frames.getFirst())
                ? "runs, not waiting"
                : "runs in " + call(stack[0]));
      } else {
        out.append("waits in ").append(calledApi(stack));
      }
      out.append('\n');
      for (var frame : frames.stream().limit(FRAMES).toList()) {
        out.append("      at ").append(where(frame)).append('\n');
      }
      return out.toString();
    }

    /** One thread, as part of a deadlock: what it holds, what it waits for, and where. */
    private static String describeInCycle(
        ThreadInfo info, Thread caller, Map<Long, Thread> byId, LockNames locks) {
      var out = new StringBuilder("  ").append(name(info, caller));
      out.append(" (").append(info.getThreadState()).append(')');
      var held = new ArrayList<String>();
      for (var monitor : info.getLockedMonitors()) {
        held.add(locks.name(monitor) + taken(monitor));
      }
      for (var synchronizer : info.getLockedSynchronizers()) {
        held.add(locks.name(synchronizer));
      }
      if (!held.isEmpty()) {
        out.append(" holds ").append(String.join(" and ", held)).append(" and");
      }
      out.append(' ').append(waitsFor(info, byId, locks, caller)).append('\n');
      frames(info, out);
      return out.toString();
    }

    /**
     * What one stuck thread does, after its name: " (WAITING): waits in LinkedBlockingQueue.take()"
     * and its top frames in the learner's files, a line each.
     */
    private static String describeOne(
        ThreadInfo info, Thread caller, Map<Long, Thread> byId, LockNames locks) {
      var frames = learnerFrames(info);
      var out = new StringBuilder(" (").append(info.getThreadState()).append("): ");
      var stack = info.getStackTrace();
      if (info.getThreadState() == Thread.State.RUNNABLE) {
        var top = stack.length == 0 ? null : stack[0];
        if (top != null && !frames.isEmpty() && top.equals(frames.getFirst())) {
          out.append("runs, not waiting");
        } else {
          out.append("runs in ").append(call(top));
        }
      } else {
        out.append(waitsFor(info, byId, locks, caller));
      }
      if (frames.isEmpty()) {
        return out.append(", outside your code\n").toString();
      }
      out.append('\n');
      frames(info, out);
      return out.toString();
    }

    private static void frames(ThreadInfo info, StringBuilder out) {
      for (var frame : learnerFrames(info).stream().limit(FRAMES).toList()) {
        out.append("      at ").append(where(frame)).append('\n');
      }
    }

    /** "waits for Object@1b2c, held by 'Thread-3'", "waits for 'Thread-4' to end", ... */
    private static String waitsFor(
        ThreadInfo info, Map<Long, Thread> byId, LockNames locks, Thread caller) {
      var lock = info.getLockInfo();
      var state = info.getThreadState();
      if (state == Thread.State.BLOCKED && lock != null) {
        return "waits to enter synchronized on "
            + locks.name(lock)
            + owner(info, caller)
            + taken(lock, info, byId);
      }
      var api = calledApi(info);
      var joined = joinedThread(info, byId);
      if (joined != null) {
        return "waits in Thread.join() for "
            + quoted(joined.getName(), joined == caller)
            + " to end";
      }
      if (lock != null && info.getLockOwnerName() != null) {
        return "waits in " + api + " for " + locks.name(lock) + owner(info, caller);
      }
      if (api.startsWith("Object.wait")) {
        return "waits in Object.wait() on " + (lock == null ? "a monitor" : locks.name(lock));
      }
      return "waits in " + api;
    }

    private static String owner(ThreadInfo info, Thread caller) {
      return info.getLockOwnerName() == null
          ? ""
          : ", held by "
              + quoted(info.getLockOwnerName(), info.getLockOwnerId() == caller.threadId());
    }

    /** Where the owner of a monitor took it: the frame of its synchronized block. */
    private static String taken(LockInfo lock, ThreadInfo info, Map<Long, Thread> byId) {
      var ownerInfo =
          info.getLockOwnerId() < 0
              ? null
              : THREADS.getThreadInfo(new long[] {info.getLockOwnerId()}, true, false)[0];
      if (ownerInfo == null) {
        return "";
      }
      for (var monitor : ownerInfo.getLockedMonitors()) {
        if (monitor.getIdentityHashCode() == lock.getIdentityHashCode()) {
          return taken(monitor);
        }
      }
      return "";
    }

    private static String taken(MonitorInfo monitor) {
      var frame = monitor.getLockedStackFrame();
      // The file's name alone: the thread's own line below gives the full path.
      return frame == null || !isLearners(frame)
          ? ""
          : " (held at " + frame.getFileName() + ":" + frame.getLineNumber() + ")";
    }

    /** The thread a thread waits for in {@code Thread.join()}: it waits on that Thread object. */
    private static Thread joinedThread(ThreadInfo info, Map<Long, Thread> byId) {
      var lock = info.getLockInfo();
      if (lock == null || !lock.getClassName().equals(Thread.class.getName())) {
        return null;
      }
      return byId.values().stream()
          .filter(t -> System.identityHashCode(t) == lock.getIdentityHashCode())
          .findFirst()
          .orElse(null);
    }

    /** The JDK method the learner's code called and waits in: "LinkedBlockingQueue.take()". */
    private static String calledApi(ThreadInfo info) {
      return calledApi(info.getStackTrace());
    }

    private static String calledApi(StackTraceElement[] stack) {
      for (int i = 0; i < stack.length; i++) {
        if (isLearners(stack[i])) {
          return i == 0 ? call(stack[0]) : call(stack[i - 1]);
        }
      }
      // Not in the learner's code: the outermost frame of the JDK's wait machinery's caller.
      for (var frame : stack) {
        var name = frame.getClassName();
        if (!name.startsWith("java.util.concurrent.locks.")
            && !name.startsWith("jdk.internal.")
            && !(name.equals("java.lang.Object") && frame.getMethodName().startsWith("wait"))) {
          return call(frame);
        }
      }
      return stack.length == 0 ? "(no stack)" : call(stack[0]);
    }

    private static String call(StackTraceElement frame) {
      if (frame == null) {
        return "(no stack)";
      }
      var name = frame.getClassName();
      return name.substring(name.lastIndexOf('.') + 1) + "." + frame.getMethodName() + "()";
    }

    private static String name(ThreadInfo info, Thread caller) {
      return quoted(info.getThreadName(), info.getThreadId() == caller.threadId());
    }

    private static String quoted(String name, boolean isCaller) {
      return isCaller ? "the calling thread" : "'" + name + "'";
    }

    /**
     * The cycle of waits among {@code infos}, from the JDK's deadlock detector (monitors and {@code
     * java.util.concurrent} locks) and the joins it does not see; empty if there is none.
     */
    private static Set<Long> cycle(Map<Long, ThreadInfo> infos, Map<Long, Thread> byId) {
      var waitsFor = new HashMap<Long, Long>();
      for (var info : infos.values()) {
        if (info.getLockOwnerId() >= 0) {
          waitsFor.put(info.getThreadId(), info.getLockOwnerId());
        } else {
          var joined = joinedThread(info, byId);
          if (joined != null && info.getThreadState() != Thread.State.RUNNABLE) {
            waitsFor.put(info.getThreadId(), joined.threadId());
          }
        }
      }
      var deadlocked = THREADS.findDeadlockedThreads();
      if (deadlocked != null) {
        for (var id : deadlocked) {
          var info = THREADS.getThreadInfo(id);
          if (info != null && info.getLockOwnerId() >= 0) {
            waitsFor.put(id, info.getLockOwnerId());
          }
        }
      }
      for (var start : infos.keySet()) {
        var path = new LinkedHashSet<Long>();
        Long at = start;
        while (at != null && path.add(at)) {
          at = waitsFor.get(at);
        }
        if (at != null) { // came back to a thread on the path: the cycle starts there
          var cycle = new LinkedHashSet<Long>();
          var inCycle = false;
          for (var id : path) {
            inCycle |= id.equals(at);
            if (inCycle) {
              cycle.add(id);
            }
          }
          if (cycle.stream().anyMatch(infos::containsKey)) {
            return cycle;
          }
        }
      }
      return Set.of();
    }

    /**
     * The learner's threads, caller first: the calling thread, the threads started since (thread
     * ids only grow), and any other live thread inside the learner's classes.
     */
    private static Map<Long, ThreadInfo> infos(Thread caller) {
      var ids = new ArrayList<Long>();
      for (var thread : threadsById().values()) {
        if (thread == caller
            || (thread.threadId() > caller.threadId() && !isTool(thread))
            || inLearnerCode(thread)) {
          ids.add(thread.threadId());
        }
      }
      ids.sort(Long::compare);
      ids.remove(caller.threadId());
      ids.addFirst(caller.threadId());
      var infos = new LinkedHashMap<Long, ThreadInfo>();
      for (var info :
          THREADS.getThreadInfo(
              ids.stream().mapToLong(Long::longValue).toArray(),
              THREADS.isObjectMonitorUsageSupported(),
              THREADS.isSynchronizerUsageSupported())) {
        if (info != null) {
          infos.put(info.getThreadId(), info);
        }
      }
      return infos;
    }

    private static boolean isTool(Thread thread) {
      return thread == Thread.currentThread()
          || (NoLeftovers.isToolThread(thread) && !inLearnerCode(thread));
    }

    private static boolean inLearnerCode(Thread thread) {
      return Arrays.stream(thread.getStackTrace()).anyMatch(Stuck::isLearners);
    }

    private static Map<Long, Thread> threadsById() {
      var byId = new HashMap<Long, Thread>();
      for (var thread : Thread.getAllStackTraces().keySet()) {
        byId.put(thread.threadId(), thread);
      }
      return byId;
    }

    private static List<StackTraceElement> learnerFrames(ThreadInfo info) {
      return Arrays.stream(info.getStackTrace()).filter(Stuck::isLearners).toList();
    }

    /**
     * Whether a frame is in the learner's code: a class of the course's packages ({@code
     * course.<topic>}), not the support code, loaded from main classes, not test classes.
     */
    static boolean isLearners(StackTraceElement frame) {
      var name = frame.getClassName();
      if (!name.startsWith("course.") || name.startsWith("course.support.")) {
        return false;
      }
      return LEARNER_CLASSES.computeIfAbsent(name, Stuck::loadedFromMainClasses);
    }

    private static boolean loadedFromMainClasses(String className) {
      var location = location(className);
      return location != null && !location.toString().replace('\\', '/').contains("test-classes");
    }

    private static Path location(String className) {
      try {
        var type = Class.forName(className, false, Deadline.class.getClassLoader());
        if (type.getClassLoader() != Deadline.class.getClassLoader()) {
          return null; // not the exercise's (the course's runner, say)
        }
        var source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : Path.of(source.getLocation().toURI());
      } catch (ReflectiveOperationException | LinkageError | java.net.URISyntaxException e) {
        return null;
      } catch (RuntimeException e) {
        return null;
      }
    }

    /**
     * "exercises/03_threads/src/main/java/course/threads/WordCount.java:47": the source file,
     * relative to the working folder (clickable in an IDE's terminal), and the line.
     */
    static String where(StackTraceElement frame) {
      var file = frame.getFileName();
      if (file == null) {
        return frame.getClassName() + "." + frame.getMethodName();
      }
      var name = frame.getClassName();
      var packagePath = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
      var relative = packagePath.replace('.', '/') + "/" + file;
      var sources = sourcesOf(name);
      var path = sources == null ? Path.of(relative) : sources.resolve(relative);
      if (sources != null && Files.exists(path)) {
        var cwd = Path.of("").toAbsolutePath();
        var shown = path.toAbsolutePath().normalize();
        relative = (shown.startsWith(cwd) ? cwd.relativize(shown) : shown).toString();
      }
      return relative.replace('\\', '/') + ":" + frame.getLineNumber();
    }

    /**
     * The learner's source folder: {@code course.sources} when the course's runner sets it, else
     * the Maven layout ({@code target/classes} beside {@code src/main/java}).
     */
    private static Path sourcesOf(String className) {
      var property = System.getProperty("course.sources");
      if (property != null && !property.isBlank()) {
        return Path.of(property);
      }
      var location = location(className);
      if (location == null || location.getParent() == null) {
        return null;
      }
      return location.getParent().getParent().resolve("src/main/java");
    }

    /** Short names for locks, the same in every line of one message: "Object@1b2c3d4e". */
    private static final class LockNames {
      String name(LockInfo lock) {
        var type = lock.getClassName();
        type = type.substring(type.lastIndexOf('.') + 1);
        if (type.startsWith("ReentrantLock$") || type.startsWith("ReentrantReadWriteLock$")) {
          type = type.substring(0, type.indexOf('$'));
        } else if (type.endsWith("$ConditionObject")) {
          return "a Condition";
        }
        return type + "@" + Integer.toHexString(lock.getIdentityHashCode());
      }
    }
  }
}
