package course.immutable;

import course.support.Guarded;
import java.util.Objects;

public final class Shapes {

  private Shapes() {}

  public static double area(Guarded<Rectangle> rectangle) {
    Objects.requireNonNull(rectangle, "rectangle must not be null");
    return rectangle.get().area();
  }
}
