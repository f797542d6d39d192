package course.support;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Decides whether a value can safely be read by many threads without any lock: whether it is
 * <em>immutable</em>, as far as this code can prove it. {@link Guarded} asks it before it lets a
 * thread read a value without {@link GlobalLock}.
 *
 * <p>A type passes when it is one of the JDK's immutable leaf types (primitives, {@code String},
 * the boxed primitives, {@code UUID}, a few {@code java.time} types), or a record or {@code final}
 * class (an enum counts too) whose instance fields, its superclasses' included, are all {@code
 * final} and of types that pass in turn. Arrays never pass: their elements can always be changed.
 * An interface or a non-final class never passes: a mutable subclass could hide behind it.
 *
 * <p><b>Collections are the hard case.</b> A field declared as {@code List}, {@code Set}, {@code
 * Map} or {@code Collection} could hold anything, from an {@code ArrayList} that its creator still
 * changes to a true immutable copy. The type alone cannot tell, so {@link #check(Class)} accepts
 * such a field only provisionally, and {@link #checkValue(Object)} looks at the object itself: it
 * accepts the JDK's immutable collections, those that {@code List.of}, {@code List.copyOf}, {@code
 * Set.copyOf}, {@code Map.copyOf} and {@code Stream.toList()} return, with elements that pass. It
 * refuses {@code Collections.unmodifiableList(list)}: that is a read-only <em>view</em>, and
 * whoever still holds {@code list} can change what the view shows.
 *
 * <p>The check is conservative: it may refuse a class that is immutable in fact (for example one
 * that keeps a private {@code ArrayList} it never changes), because it cannot prove that from the
 * outside. Copy collections with {@code List.copyOf} and it will see the proof.
 */
public final class Immutability {

  /** Final JDK types whose instances never change. */
  private static final Set<Class<?>> LEAVES =
      Set.of(
          String.class,
          Boolean.class,
          Character.class,
          Byte.class,
          Short.class,
          Integer.class,
          Long.class,
          Float.class,
          Double.class,
          UUID.class,
          Instant.class,
          Duration.class,
          LocalDate.class,
          LocalTime.class,
          LocalDateTime.class);

  /** Declared field types that only the value itself can show to be immutable. */
  private static final Set<Class<?>> COLLECTIONS =
      Set.of(List.class, Set.class, Map.class, Collection.class);

  private Immutability() {}

  /**
   * Why instances of {@code type} may not be immutable, judged from the type alone.
   *
   * @param type the class to check
   * @return the reasons, one sentence each; empty when the type passes (fields declared as
   *     collections pass provisionally: see {@link #checkValue(Object)})
   * @throws NullPointerException if {@code type} is null
   */
  public static List<String> check(Class<?> type) {
    var reasons = new ArrayList<String>();
    checkType(type, type.getSimpleName(), reasons, new HashSet<>());
    return List.copyOf(reasons);
  }

  /**
   * Why {@code value} may not be immutable: the checks of {@link #check(Class)} on its class, plus
   * a look inside every collection it holds, at any depth.
   *
   * @param value the object to check; {@code null} passes
   * @return the reasons, one sentence each; empty when the value passes
   */
  public static List<String> checkValue(Object value) {
    var reasons = new ArrayList<String>();
    if (value != null) {
      checkObject(
          value,
          value.getClass().getSimpleName(),
          reasons,
          Collections.newSetFromMap(new IdentityHashMap<>()));
    }
    return List.copyOf(reasons);
  }

  private static void checkType(
      Class<?> type, String path, List<String> reasons, Set<Class<?>> seen) {
    if (type.isPrimitive()
        || LEAVES.contains(type)
        || COLLECTIONS.contains(type)
        || !seen.add(type)) {
      return;
    }
    if (type.isArray()) {
      reasons.add(
          "%s is an array (%s): anyone holding it can change its elements; use an "
                  .formatted(path, type.getSimpleName())
              + "immutable List (List.copyOf) instead.");
      return;
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      reasons.add(
          "%s has the type %s, which is %s: a mutable implementation could hide behind it."
              .formatted(path, type.getName(), type.isInterface() ? "an interface" : "abstract"));
      return;
    }
    if (!type.isRecord() && !type.isEnum() && !Modifier.isFinal(type.getModifiers())) {
      reasons.add(
          "%s is a %s, which is not final: a subclass could add state that changes; "
                  .formatted(path, type.getName())
              + "make it a record or a final class.");
    }
    for (var field : instanceFields(type)) {
      var fieldPath = path + "." + field.getName();
      if (!Modifier.isFinal(field.getModifiers())) {
        reasons.add(
            "%s is not final: it can be reassigned after construction; make it final."
                .formatted(fieldPath));
      }
      checkType(field.getType(), fieldPath, reasons, seen);
    }
  }

  private static void checkObject(
      Object value, String path, List<String> reasons, Set<Object> seenObjects) {
    if (value == null || !seenObjects.add(value)) {
      return;
    }
    if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      checkCollection(value, path, reasons, seenObjects);
      return;
    }
    var type = value.getClass();
    var typeReasons = new ArrayList<String>();
    checkType(type, path, typeReasons, new HashSet<>());
    reasons.addAll(typeReasons);
    if (!typeReasons.isEmpty() || LEAVES.contains(type) || type.isEnum()) {
      return;
    }
    for (var field : instanceFields(type)) {
      if (field.getType().isPrimitive()) {
        continue;
      }
      try {
        field.setAccessible(true);
        checkObject(field.get(value), path + "." + field.getName(), reasons, seenObjects);
      } catch (InaccessibleObjectException | IllegalAccessException e) {
        reasons.add(
            "%s cannot be inspected (%s), so it cannot be proved immutable."
                .formatted(path + "." + field.getName(), e.getClass().getSimpleName()));
      }
    }
  }

  private static void checkCollection(
      Object collection, String path, List<String> reasons, Set<Object> seenObjects) {
    var type = collection.getClass();
    String name = type.getName();
    if (name.startsWith("java.util.ImmutableCollections$")
        || name.startsWith("java.util.Collections$Empty")
        || name.startsWith("java.util.Collections$Singleton")) {
      int i = 0;
      if (collection instanceof Map<?, ?> map) {
        for (var entry : map.entrySet()) {
          checkObject(entry.getKey(), path + ".key", reasons, seenObjects);
          checkObject(entry.getValue(), path + "[" + entry.getKey() + "]", reasons, seenObjects);
        }
      } else {
        for (var element : (Collection<?>) collection) {
          checkObject(element, path + "[" + i++ + "]", reasons, seenObjects);
        }
      }
      return;
    }
    String copy =
        collection instanceof Map<?, ?>
            ? "Map.copyOf"
            : collection instanceof Set<?> ? "Set.copyOf" : "List.copyOf";
    if (name.startsWith("java.util.Collections$Unmodifiable")) {
      reasons.add(
          ("%s holds a read-only view (Collections.unmodifiable...): nobody can change "
                  + "it through the view, but whoever holds the original collection still can, and the "
                  + "view shows it; store a copy made with %s instead.")
              .formatted(path, copy));
    } else {
      reasons.add(
          ("%s holds a %s, a collection that can change after construction (through "
                  + "whoever passed it in, or anyone it is handed out to), and this check cannot prove "
                  + "that nobody does; store a copy made with %s instead, which cannot change.")
              .formatted(path, name, copy));
    }
  }

  /** The instance fields of {@code type} and its superclasses, synthetic ones left out. */
  private static List<Field> instanceFields(Class<?> type) {
    var fields = new ArrayList<Field>();
    for (Class<?> c = type;
        c != null && c != Object.class && c != Record.class && c != Enum.class;
        c = c.getSuperclass()) {
      for (var field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
          fields.add(field);
        }
      }
    }
    return fields;
  }
}
