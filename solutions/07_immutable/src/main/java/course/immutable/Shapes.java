package course.immutable;

import course.support.Guarded;
import java.util.Objects;

/** Exercise 07, solved: an immutable rectangle is read without the global lock. */
public final class Shapes {

  private Shapes() {}

  /**
   * The area of a shared rectangle, read without the global lock.
   *
   * @throws NullPointerException if {@code rectangle} is null
   * @throws IllegalStateException if {@code Rectangle} is not immutable
   */
  public static double area(Guarded<Rectangle> rectangle) {
    Objects.requireNonNull(rectangle, "rectangle must not be null");
    return rectangle.get().area(); // no lock: nothing about a Rectangle can change
  }
}
