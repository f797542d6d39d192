package course.support.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves threads or child processes running after it.
 *
 * <p>Before each test it notes the live threads and child processes; after the test it gives the
 * new ones a short grace period to end, then fails, naming each one that is still alive, and
 * destroys leftover child processes so that they cannot disturb the next test. A pool that was
 * never shut down shows up here as its idle worker threads.
 *
 * <p>When the test has already failed for another reason, leftovers are cleaned up but not
 * reported: the first failure is the one to read.
 *
 * <p>Threads that the JDK or the test tools start on their own (the common fork/join pool, the
 * process reaper, JUnit's time-out threads) are not counted. Virtual threads are invisible to
 * {@link Thread#getAllStackTraces()}; chapters that use them check them another way.
 *
 * <pre>{@code
 * @ExtendWith(NoLeftovers.class)
 * class WordCountTest { ... }
 * }</pre>
 */
public final class NoLeftovers implements BeforeEachCallback, AfterEachCallback {

  /** How long leftovers get to finish on their own after the test. */
  static final long GRACE_MILLIS = 3_000;

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(NoLeftovers.class);

  private record Snapshot(Set<Thread> threads, Set<Long> processes) {}

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NAMESPACE).put("before", new Snapshot(liveThreads(), childPids()));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    var before = context.getStore(NAMESPACE).remove("before", Snapshot.class);
    if (before == null) {
      return;
    }
    // After a hang (Deadline said where), the stuck threads will not end: no grace to wait out.
    long grace =
        context.getExecutionException().isPresent() && Deadline.hasHung() ? 0 : GRACE_MILLIS;
    long deadline = System.currentTimeMillis() + grace;
    List<Thread> threads;
    List<ProcessHandle> processes;
    while (true) {
      threads = newThreads(before.threads());
      processes = newProcesses(before.processes());
      if ((threads.isEmpty() && processes.isEmpty()) || System.currentTimeMillis() > deadline) {
        break;
      }
      sleep(20);
    }
    processes.forEach(ProcessHandle::destroyForcibly);
    if (context.getExecutionException().isPresent()) {
      return;
    }
    var problems = new ArrayList<String>();
    if (!threads.isEmpty()) {
      problems.add(
          "%d thread%s still running after the test: %s. Every thread you start must have ended before your method returns: join each thread, and shut down (or close) every pool."
              .formatted(
                  threads.size(),
                  threads.size() == 1 ? " was" : "s were",
                  describeThreads(threads)));
    }
    if (!processes.isEmpty()) {
      problems.add(
          "%d child process%s still alive after the test (now destroyed): %s. Wait for each child to exit (Process.waitFor()) before your method returns."
              .formatted(
                  processes.size(),
                  processes.size() == 1 ? " was" : "es were",
                  describeProcesses(processes)));
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(String.join(" ", problems));
    }
  }

  private static Set<Thread> liveThreads() {
    return new HashSet<>(Thread.getAllStackTraces().keySet());
  }

  private static Set<Long> childPids() {
    return ProcessHandle.current()
        .descendants()
        .map(ProcessHandle::pid)
        .collect(Collectors.toSet());
  }

  private static List<Thread> newThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread))
        .filter(Thread::isAlive)
        .filter(thread -> !isToolThread(thread))
        .sorted(Comparator.comparing(Thread::getName))
        .toList();
  }

  private static List<ProcessHandle> newProcesses(Set<Long> before) {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(handle -> !before.contains(handle.pid()))
        .toList();
  }

  /** Threads that the JDK or the test tools start and keep on their own. */
  static boolean isToolThread(Thread thread) {
    String name = thread.getName();
    return name.startsWith("ForkJoinPool.commonPool-")
        || name.startsWith("process reaper")
        || name.startsWith("junit-")
        || Deadline.isCallerThread(thread)
        || name.startsWith("surefire-")
        || name.equals("Attach Listener")
        || name.equals("Common-Cleaner")
        || name.equals("Notification Thread")
        || name.startsWith("Java2D")
        || isVirtualThreadScheduler(thread);
  }

  /**
   * The JDK's own scheduler of virtual threads: its carrier threads (named like any fork/join
   * worker, "ForkJoinPool-1-worker-1", but of their own class and thread group) and its helpers
   * such as the unblocker. The JDK starts them with the first virtual thread and never shuts them
   * down, so they are not leftovers of the test that happened to start them.
   */
  private static boolean isVirtualThreadScheduler(Thread thread) {
    var group = thread.getThreadGroup();
    return thread.getClass().getName().equals("jdk.internal.misc.CarrierThread")
        || (group != null && group.getName().equals("CarrierThreads"))
        || thread.getName().startsWith("VirtualThread-");
  }

  private static String describeThreads(List<Thread> threads) {
    return threads.stream()
            .limit(5)
            .map(thread -> "'" + thread.getName() + "' (" + thread.getState() + where(thread) + ")")
            .collect(Collectors.joining(", "))
        + (threads.size() > 5 ? " and " + (threads.size() - 5) + " more" : "");
  }

  /** " at WordCount.java:40": the thread's top frame in the learner's own files, if any. */
  private static String where(Thread thread) {
    for (var frame : thread.getStackTrace()) {
      if (Deadline.Stuck.isLearners(frame)) {
        return " at " + Deadline.Stuck.where(frame);
      }
    }
    return "";
  }

  private static String describeProcesses(List<ProcessHandle> processes) {
    return processes.stream()
        .limit(5)
        .map(
            handle ->
                "pid " + handle.pid() + handle.info().command().map(c -> " (" + c + ")").orElse(""))
        .collect(Collectors.joining(", "));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
