package course.atomics;

import course.support.Words;
import course.support.WorkProbe;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Watches {@link Words#forEach}: which thread walked which chunk, and which maps the action it was
 * handed can reach. That is how a test sees "one map shared by all the workers" without being
 * handed the map: the action a worker passes to {@code Words.forEach} holds (through the variables
 * it captured) the map it counts into.
 */
final class Handouts implements AutoCloseable {

  /** One call of Words.forEach. */
  record Handout(Thread thread, CharSequence chunk, Consumer<? super String> action) {}

  private final List<Handout> handouts = new ArrayList<>();
  private final WorkProbe.Registration registration;

  private Handouts(WorkProbe.Listener also) {
    registration =
        WorkProbe.install(
            new WorkProbe.Listener() {
              @Override
              public void beforeWork(String work, Object input) {
                if (work.equals(Words.FOR_EACH) && input instanceof Words.Handout handout) {
                  synchronized (handouts) {
                    handouts.add(
                        new Handout(Thread.currentThread(), handout.chunk(), handout.action()));
                  }
                }
                also.beforeWork(work, input);
              }

              @Override
              public void afterWork(String work, Object input) {
                also.afterWork(work, input);
              }
            });
  }

  static Handouts watch() {
    return new Handouts(new WorkProbe.Listener() {});
  }

  /** Watches, and also tells {@code also} of every unit of work, on the worker's thread. */
  static Handouts watch(WorkProbe.Listener also) {
    return new Handouts(also);
  }

  List<Handout> all() {
    synchronized (handouts) {
      return List.copyOf(handouts);
    }
  }

  List<Thread> threads() {
    return all().stream().map(Handout::thread).distinct().toList();
  }

  @Override
  public void close() {
    registration.close();
  }

  /**
   * The maps (by identity) that {@code action} can reach through its fields: the variables a lambda
   * captured, the object a method reference is bound to, and the fields of the learner's own
   * objects (classes of this package) on the way. JDK objects other than maps are not entered; a
   * static field is not a captured variable and is not followed.
   */
  static Set<Map<?, ?>> mapsReachableFrom(Object action) {
    var found = Collections.<Map<?, ?>>newSetFromMap(new IdentityHashMap<>());
    walk(action, found, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
    return found;
  }

  private static void walk(Object object, Set<Map<?, ?>> found, Set<Object> seen, int depth) {
    if (object == null || depth > 6 || !seen.add(object)) {
      return;
    }
    if (object instanceof Map<?, ?> map) {
      found.add(map);
      return;
    }
    if (object instanceof Object[] array) {
      for (var element : array) {
        walk(element, found, seen, depth + 1);
      }
      return;
    }
    if (!isLearners(object.getClass())) {
      return;
    }
    for (var type = object.getClass();
        type != null && isLearners(type);
        type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
          continue;
        }
        try {
          field.setAccessible(true);
          walk(field.get(object), found, seen, depth + 1);
        } catch (ReflectiveOperationException | RuntimeException e) {
          // A field we cannot read holds no map we can see; the message says what was found.
        }
      }
    }
  }

  /** Classes of the learner's package, lambdas and method references included. */
  private static boolean isLearners(Class<?> type) {
    return type.getName().startsWith(Frequencies.class.getPackageName() + ".");
  }

  /** How a set of maps reads in a message: their classes, in order of appearance. */
  static String describe(Set<Map<?, ?>> maps) {
    return maps.stream().map(map -> map.getClass().getSimpleName()).toList().toString();
  }
}
