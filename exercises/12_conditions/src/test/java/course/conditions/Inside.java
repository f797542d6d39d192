package course.conditions;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock and the conditions inside the learner's buffer, found by their types. Holding the
 * buffer's own lock lets a test freeze the buffer between two steps and force the interleavings
 * that break a wrong buffer every time: while the test holds the lock, a thread that a signal woke
 * cannot run on, and the test can call {@code put} and {@code take} itself (the lock is reentrant)
 * to "get there first".
 */
final class Inside {

  static final String BOOK = "book/12_conditions.md, \"One lock, two conditions\"";

  private Inside() {}

  /** The buffer's one {@link ReentrantLock}; fails with a message if there is not exactly one. */
  static ReentrantLock lockOf(BoundedBuffer<?> buffer) {
    var locks = valuesOf(buffer, ReentrantLock.class);
    if (locks.size() != 1) {
      throw new AssertionError(
          ("BoundedBuffer has %d ReentrantLock field%s; it must have exactly one, with two "
                  + "Conditions made by it (lock.newCondition()), and no synchronized, wait() or "
                  + "notify(): see %s.")
              .formatted(locks.size(), locks.size() == 1 ? "" : "s", BOOK));
    }
    return locks.get(0);
  }

  /** The buffer's two conditions, both made by its lock; fails with a message otherwise. */
  static List<Condition> conditionsOf(BoundedBuffer<?> buffer) {
    var lock = lockOf(buffer);
    var conditions = valuesOf(buffer, Condition.class);
    if (conditions.size() != 2 || conditions.get(0) == conditions.get(1)) {
      throw new AssertionError(
          ("BoundedBuffer has %d distinct Condition field%s; it needs two, made by its lock: one "
                  + "that take() waits on while the buffer is empty, one that put() waits on while "
                  + "it is full. With a single condition a signal() can wake a thread of the wrong "
                  + "side. See %s.")
              .formatted(
                  conditions.stream().distinct().count(), conditions.size() == 1 ? "" : "s", BOOK));
    }
    holding(
        lock,
        () -> {
          for (var condition : conditions) {
            try {
              lock.hasWaiters(condition);
            } catch (IllegalArgumentException e) {
              throw new AssertionError(
                  "A Condition of BoundedBuffer was not made by its ReentrantLock: make both with "
                      + "lock.newCondition() on the buffer's one lock.");
            }
          }
          return null;
        });
    return conditions;
  }

  /** How many threads wait on {@code condition} right now. */
  static int waitingOn(ReentrantLock lock, Condition condition) {
    return holding(lock, () -> lock.getWaitQueueLength(condition));
  }

  /** Fails if the lock is still held by anyone once {@code afterWhat} has ended. */
  static void assertFree(ReentrantLock lock, String afterWhat) {
    if (lock.isLocked()) {
      throw new AssertionError(
          ("After %s, the buffer's lock is still locked (%s): a way out of the method did not "
                  + "unlock. Call unlock() in a finally block, so that returning, throwing and "
                  + "being interrupted all release it.")
              .formatted(afterWhat, lock));
    }
  }

  /** Runs {@code body} holding {@code lock}; fails, instead of hanging, if the lock stays taken. */
  static <T> T holding(ReentrantLock lock, java.util.concurrent.Callable<T> body) {
    try {
      if (!lock.tryLock(Waits.limit().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(
            ("The buffer's lock stayed locked for %d s (%s) while no call into the buffer was "
                    + "running: a way out of put(), take() or close() did not unlock. Call "
                    + "unlock() in a finally block.")
                .formatted(Waits.limit().toSeconds(), lock));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    try {
      return body.call();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      lock.unlock();
    }
  }

  private static <V> List<V> valuesOf(Object owner, Class<V> type) {
    var values = new ArrayList<V>();
    for (Class<?> c = owner.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        try {
          field.setAccessible(true);
          var value = field.get(owner);
          if (type.isInstance(value)) {
            values.add(type.cast(value));
          }
        } catch (ReflectiveOperationException | RuntimeException e) {
          // a field the test cannot read is not one of ours
        }
      }
    }
    return values;
  }
}
