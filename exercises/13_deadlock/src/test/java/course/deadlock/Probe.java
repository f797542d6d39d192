package course.deadlock;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Where a thread is in the learner's code, in words, and what ThreadMXBean says of it. */
final class Probe {

  private Probe() {}

  /** "WordTable.java:118", the first line of the learner's code on the thread's stack. */
  static String where(StackTraceElement[] stack) {
    if (stack.length == 0) {
      return "a line no longer on its stack";
    }
    return Arrays.stream(stack)
        .filter(frame -> frame.getClassName().startsWith("course.deadlock.WordTable"))
        .findFirst()
        .map(frame -> frame.getFileName() + ":" + frame.getLineNumber())
        .orElseGet(
            () ->
                Arrays.stream(stack)
                    .limit(3)
                    .map(StackTraceElement::toString)
                    .collect(Collectors.joining(" < ")));
  }

  /** A thread's state and where it is, for a message. */
  static String describeThread(Stage.Actor actor) {
    var thread = actor.thread;
    var state = thread.getState();
    var info =
        ManagementFactory.getThreadMXBean()
            .getThreadInfo(new long[] {thread.threadId()}, true, true)[0];
    var what =
        switch (state) {
          case BLOCKED ->
              "BLOCKED, waiting to enter a synchronized block on "
                  + (info == null ? "a monitor" : info.getLockName());
          case WAITING, TIMED_WAITING ->
              state
                  + (info != null && info.getLockName() != null
                      ? ", waiting for " + info.getLockName()
                      : "");
          default -> state.toString();
        };
    return "'%s' was %s at %s".formatted(actor.name, what, where(thread.getStackTrace()));
  }

  /** The ids of those of {@code threads} that ThreadMXBean finds deadlocked, maybe none. */
  static List<Thread> deadlocked(List<Thread> threads) {
    long[] ids = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
    if (ids == null) {
      return List.of();
    }
    var found = Arrays.stream(ids).boxed().collect(Collectors.toSet());
    return threads.stream().filter(thread -> found.contains(thread.threadId())).toList();
  }

  /** ThreadMXBean's view of a thread: the lock it waits for and who holds it. */
  static ThreadInfo info(Thread thread) {
    return ManagementFactory.getThreadMXBean()
        .getThreadInfo(new long[] {thread.threadId()}, true, true)[0];
  }
}
