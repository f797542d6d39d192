package course.immutable;

import course.support.Guarded;
import java.util.Objects;

public final class Shapes {

  private static final java.util.Map<Guarded<Rectangle>, Double> AREAS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private Shapes() {}

  public static double area(Guarded<Rectangle> rectangle) {
    Objects.requireNonNull(rectangle, "rectangle must not be null");
    return AREAS.computeIfAbsent(rectangle, g -> g.get().area());
  }
}
