package course.conditions;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Where a learner's thread is: for the messages of tests that find it stuck. */
final class Frames {

  /** This package's test helpers: their frames are not the learner's code. */
  private static final Set<String> TEST_CLASSES =
      Set.of("Actor", "Actors", "Show", "Gate", "Inside", "WatchedReader", "Waits", "Frames");

  private Frames() {}

  /** "at BoundedBuffer.take(BoundedBuffer.java:57), WAITING", or the top frames if none is ours. */
  static String where(Thread thread) {
    var stack = thread.getStackTrace();
    var mine =
        Arrays.stream(stack)
            .filter(frame -> isLearnerCode(frame.getClassName()))
            .findFirst()
            .map(frame -> "at " + shortName(frame))
            .orElseGet(
                () ->
                    Arrays.stream(stack)
                        .limit(3)
                        .map(frame -> "at " + shortName(frame))
                        .collect(Collectors.joining(" < ")));
    return "%s, %s".formatted(mine.isEmpty() ? "(no stack)" : mine, thread.getState());
  }

  /** Whether {@code thread} is parked inside a method of one of the learner's classes. */
  static boolean isIn(Thread thread, String simpleClass, String method) {
    return Arrays.stream(thread.getStackTrace())
        .anyMatch(
            frame ->
                frame.getClassName().equals("course.conditions." + simpleClass)
                    && frame.getMethodName().equals(method));
  }

  /** Whether {@code thread} is waiting in {@code Condition.await} (any lock's condition). */
  static boolean isAwaitingACondition(Thread thread) {
    var state = thread.getState();
    if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
      return false;
    }
    return Arrays.stream(thread.getStackTrace())
        .anyMatch(
            frame ->
                frame.getClassName().endsWith("$ConditionObject")
                    && frame.getMethodName().startsWith("await"));
  }

  /** Whether {@code thread} is parked, blocked or waiting: not running, not ended. */
  static boolean isParked(Thread thread) {
    var state = thread.getState();
    return state == Thread.State.WAITING
        || state == Thread.State.TIMED_WAITING
        || state == Thread.State.BLOCKED;
  }

  /** Whether any frame of {@code thread} is in the learner's code. */
  static boolean isInLearnerCode(Thread thread) {
    return Arrays.stream(thread.getStackTrace())
        .anyMatch(frame -> isLearnerCode(frame.getClassName()));
  }

  private static boolean isLearnerCode(String className) {
    if (!className.startsWith("course.conditions.")) {
      return false;
    }
    String simple = className.substring("course.conditions.".length()).split("\\$")[0];
    return !TEST_CLASSES.contains(simple) && !simple.endsWith("Test");
  }

  private static String shortName(StackTraceElement frame) {
    String cls = frame.getClassName();
    return cls.substring(cls.lastIndexOf('.') + 1)
        + "."
        + frame.getMethodName()
        + "("
        + frame.getFileName()
        + ":"
        + frame.getLineNumber()
        + ")";
  }
}
