package course.immutable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Exercise 07, solved: an immutable rectangle. A record is final, its fields are private and final,
 * and the compact constructor keeps an immutable copy of the tags.
 *
 * @param width the width; finite and at least 0
 * @param height the height; finite and at least 0
 * @param tags the tags, in order; an immutable copy
 */
public record Rectangle(double width, double height, List<String> tags) {

  /**
   * Checks the size and copies the tags.
   *
   * @throws IllegalArgumentException if {@code width} or {@code height} is negative, infinite or
   *     NaN
   * @throws NullPointerException if {@code tags} or one of its elements is null
   */
  public Rectangle {
    requireSize("width", width);
    requireSize("height", height);
    // A copy nobody else holds, which nobody can change: not even through tags().
    tags = List.copyOf(Objects.requireNonNull(tags, "tags must not be null"));
  }

  /** Width times height. */
  public double area() {
    return width * height;
  }

  /** A new rectangle like this one with another width. */
  public Rectangle withWidth(double width) {
    return new Rectangle(width, height, tags);
  }

  /** A new rectangle like this one with {@code tag} added at the end of its tags. */
  public Rectangle withTag(String tag) {
    Objects.requireNonNull(tag, "tag must not be null");
    var more = new ArrayList<>(tags);
    more.add(tag);
    return new Rectangle(width, height, more); // the constructor copies it again
  }

  private static void requireSize(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and at least 0, got " + value);
    }
  }
}
