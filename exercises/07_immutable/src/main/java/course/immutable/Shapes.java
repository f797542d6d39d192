package course.immutable;

import course.support.Guarded;

/**
 * Exercise 07: reading shared, immutable values without the global lock. Read book/07_immutable.md
 * first.
 */
public final class Shapes {

  private Shapes() {}

  /**
   * The area of a shared rectangle, read <em>without</em> the global lock.
   *
   * <p>Any number of threads may call this at the same time, while another thread holds the global
   * lock: it never waits for the lock. That is only safe because a {@link Rectangle} can never
   * change; {@link Guarded#get()} checks it (with {@code course.support.Immutability}) and throws
   * {@link IllegalStateException}, explaining why, while {@code Rectangle} is mutable.
   *
   * @param rectangle the shared rectangle
   * @return its area
   * @throws NullPointerException if {@code rectangle} is null
   * @throws IllegalStateException if {@code Rectangle} is not immutable
   */
  public static double area(Guarded<Rectangle> rectangle) {
    // TODO: read the rectangle with rectangle.get(), without GlobalLock.attach, and return its
    //  area. It only works once Rectangle is immutable: start with Rectangle.java.
    //  Read book/07_immutable.md, "How the course checks it".
    throw new UnsupportedOperationException("TODO: read the area without the global lock");
  }
}
